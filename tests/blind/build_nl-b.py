#!/usr/bin/env python3
"""Build the nl-b blind test corpus (Dutch client mail) and its labels CSV. Stdlib only, deterministic."""
import csv
import re
import hashlib
import html
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
LANG = "nl"

CLIENTS = {
    "nl-video": {
        "va": ("Daan Verhoeven", "daan@daanmonteert.example"),
        "people": {
            "ilse": ("Ilse Vermeulen", "ilse@smaakvolmetilse.example"),
            "ruben": ("Ruben Claes", "ruben@smaakvolmetilse.example"),
        },
    },
    "nl-hr": {
        "va": ("Sanne Bakker", "sanne@bakkervirtueel.example"),
        "people": {
            "marieke": ("Marieke Jansen", "marieke@vandijktechniek.example"),
            "henk": ("Henk van Dijk", "henk@vandijktechniek.example"),
        },
    },
    "nl-praktijk": {
        "va": ("Lotte de Wit", "lotte@lottedewit-va.example"),
        "people": {
            "anouk": ("Anouk Visser", "anouk@fysiodebrug.example"),
            "joost": ("Joost Hermans", "joost@fysiodebrug.example"),
        },
    },
}

MAILS = []


def M(client, when, frm, subject, body, verdict, cats="", item="", note="", fmt="text", quote=None):
    MAILS.append(dict(client=client, when=when, frm=frm, subject=subject, body=re.sub(r"\n{3,}", "\n\n", body.strip("\n")),
                      verdict=verdict, cats=cats, item=item, note=note, fmt=fmt, quote=quote))


IPHONE = "\n\nVerstuurd vanaf mijn iPhone"
SIG_ILSE = "\n\nGroetjes,\nIlse\n\nSmaakvol met Ilse\nyoutube.com/@smaakvolmetilse"
SIG_MARIEKE = ("\n\nMet vriendelijke groet,\n\nMarieke Jansen\nOfficemanager | Van Dijk Installatietechniek B.V.\n"
               "Industrieweg 12, 5461 JT Veghel | 0413-123456")
SIG_HENK = "\n\nMet vriendelijke groet,\nHenk van Dijk\nDirecteur Van Dijk Installatietechniek B.V."
SIG_ANOUK = "\n\nGroet,\nAnouk\n\nAnouk Visser\nFysiotherapeut / praktijkhouder\nFysiotherapie De Brug | Molenstraat 3, Zevenbergen"

# ---------------------------------------------------------------- nl-video
V = "nl-video"
M(V, "2026-01-06 09:12", "ilse", "Start! materiaal eerste aflevering", """
Hoi Daan,

Leuk dat we gaan beginnen! Het ruwe materiaal van de eerste aflevering (erwtensoep) staat in de Drive-map, ongeveer 35 minuten. Wil je hem monteren zoals we besproken hebben? De intro en outro staan in de map 'Vast'.
""" + SIG_ILSE, "in_scope", item="weekvideo", note="first weekly video from 35 min raw material")

M(V, "2026-01-09 10:40", "ilse", "Re: Eerste versie erwtensoep", """
Super mooi geworden!! Twee dingetjes: het stuk waar ik de pollepel laat vallen mag er wel uit, en bij 6:20 staat 'snijbonen' in beeld maar het zijn sperziebonen 🙈

x Ilse
""", "in_scope", item="correcties", note="first revision round: cut a clumsy moment, fix a text bar",
  quote=dict(style="nl", who="va", hours=20, text="Hoi Ilse,\n\nHierbij de eerste versie van de erwtensoep-video: https://drive.example/erwtensoep-v1\nLaat maar weten wat je ervan vindt!\n\nGroet,\nDaan"))

M(V, "2026-01-13 11:22", "ruben", "thumbnail?", """
Dag Daan,

Ruben hier, de vriend van Ilse, ik doe de camera. Ilse vroeg of gij ook thumbnails doet. Zou je bij elke video er eentje kunnen maken? Groot gezicht van Ilse, het gerecht ernaast en een paar woorden tekst erbij. Merci!

Ruben
""", "out_of_scope", "new_work", "", "thumbnail per video = graphic design, not in the agreement")

M(V, "2026-01-19 13:30", "ilse", "Aflevering 3 - pasta", """
Hoi Daan,

Materiaal staat erin! Het geluid van de afzuigkap is echt vreselijk hard in het begin, kun je dat een beetje wegpoetsen? En gebruik maar het nummer 'Sunny Kitchen' dat ik erbij in de map heb gezet.
""" + SIG_ILSE, "in_scope", item="weekvideo;afwerking", note="normal weekly edit + reduce extractor-fan noise and lay client's chosen track = afwerking")

M(V, "2026-01-22 08:50", "ilse", "Vandaag", """
Daan, kan de video van deze week vandaag al om 12 uur klaar zijn ipv 5 uur? We willen hem vanmiddag nog online zetten want morgen zijn we de hele dag weg.
""" + IPHONE, "out_of_scope", "deadline", "weekvideo", "wants Thursday video at 12:00 instead of agreed 17:00 = earlier")

M(V, "2026-01-27 10:15", "ilse", "ondertitels aflevering 4", """
Hoi!

In de srt van aflevering 4 lopen de teksten vanaf een minuut of 5 steeds een halve seconde achter op wat ik zeg. Kun je dat gelijktrekken? Thanks!

Ilse
""", "in_scope", item="ondertiteling", note="fix subtitle timing")

M(V, "2026-01-29 09:05", "ilse", "naam gerecht groter", """
Hoi Daan, kleine wens voor de video van deze week: kun je de naam van het gerecht aan het begin wat groter in beeld zetten? Op de telefoon is hij bijna niet te lezen. Verder zoals altijd 😊
""" + SIG_ILSE, "in_scope", item="weekvideo", note="text bar with dish name is part of the weekly edit")

M(V, "2026-02-02 11:05", "ilse", "Materiaal deze week (lang!)", """
Hoi Daan,

Deze week is het een beetje uit de hand gelopen, we hebben een hele Indonesische rijsttafel gemaakt en er staat nu zo'n 80 minuten materiaal in de map. Ik wil er wel gewoon één video van een minuut of 15 van. Je mag flink schrappen hoor, ik vertrouw op je. Lukt dat voor donderdag?
""" + SIG_ILSE, "out_of_scope", "quantity", "weekvideo", "80 minutes of raw material, agreed maximum is 45 minutes per video")

M(V, "2026-02-05 14:20", "ruben", "intro idee", """
Dag Daan,

Idee van mij: een intro waarin ons logo als een pannenkoek in de pan omflipt en dan verschijnt 'Smaakvol' in beeld. Vijf seconden ofzo, een beetje bewegend en speels. Zou gij dat kunnen maken? Allez, laat maar weten wat je ervan denkt.

Ruben
""", "out_of_scope", "excluded", "animatie", "animated logo intro = animation/motion graphics, excluded")

M(V, "2026-02-09 09:30", "ilse", "aflevering 6 staat klaar", """
Goedemorgen,

De beelden van de ovenschotel staan in de map. Kun je deze keer beginnen met een shot van het eindresultaat en dan pas de bereiding? Ruben vond de vorige wat traag op gang komen. De hoeveelheden graag weer in beeld.

Ilse
""", "in_scope", item="weekvideo", note="edit instructions for the weekly video")

M(V, "2026-02-12 16:45", "ilse", "Re: Ovenschotel v1", """
Ziet er goed uit hoor, geen opmerkingen. Dank je wel! 👍
""", "no_request", note="approval and thanks; the question about changes is only in the quoted history",
  quote=dict(style="en", who="va", hours=4, text="Hoi Ilse,\n\nHier de eerste versie van de ovenschotel: https://drive.example/ovenschotel-v1\nLaat je weten of er nog iets aan moet?\n\nDaan"))

M(V, "2026-02-17 10:00", "ilse", "even bijpraten", """
Hoi Daan,

Hoe is het bij jou? Hier is het een gekkenhuis, Ruben moest een paar dagen naar zijn ouders in Gent en ik sta er alleen voor met de kids en de keuken. De reacties op de ovenschotel waren trouwens heel leuk, iemand schreef dat het haar nieuwe vaste maandagrecept is.

Waar ik echt nooit aan toekom is Instagram. Zou jij de video's ook op onze Instagram en TikTok kunnen zetten en af en toe op de reacties antwoorden? Ik weet niet of dat bij jou past, maar het zou me enorm schelen.

O ja, het materiaal van deze week komt vanmiddag pas, sorry!
""" + SIG_ILSE, "out_of_scope", "excluded", "socials", "posting on Instagram/TikTok and replying to comments = social media management, excluded; request sits mid-mail")

M(V, "2026-02-23 12:40", "ilse", "week 9", """
hoi daan, de clips voor de kip-kerrie staan erin. de kleur is wat geel geworden door die nieuwe lamp boven het fornuis, kun je het iets koeler en natuurlijker maken? het nummer van vorige week mag weer.

ilse
""", "in_scope", item="weekvideo;afwerking", note="weekly edit + colour correction of yellow cast")

M(V, "2026-02-26 09:15", "ilse", "Re: Kip-kerrie v3", """
Sorry sorry, toch nog één ding, ik weet dat dit al de derde ronde is deze week 😬 Kun je het stukje over het koken van de rijst toch weer terugzetten? Mensen vragen daar altijd naar.

Ilse
""", "out_of_scope", "quantity", "correcties", "third revision round on one video, agreement allows two",
  quote=dict(style="nl", who="va", hours=18, text="Hoi Ilse,\n\nVersie 3 staat klaar, met de twee aanpassingen uit je vorige mail: https://drive.example/kipkerrie-v3\n\nGroet,\nDaan"))

M(V, "2026-03-03 11:30", "ilse", "muziek deze week", """
Hoi Daan,

Ik heb echt geen tijd gehad om muziek uit te zoeken voor deze week. Kun jij niet iets leuks uitzoeken in Epidemic? Je hebt mijn login nog. Iets vrolijks met gitaar, niet te druk.
""" + SIG_ILSE, "out_of_scope", "client_duty", "muziek", "choosing the music is the client's duty; VA only lays in the music supplied")

M(V, "2026-03-09 10:05", "ruben", "Raw files week 11", """
Dag Daan,

Raw files voor week 11 (shakshuka) zijn uploaded in de Drive. The usual please! Ilse wil de ondertitels deze keer ook graag als los bestand, dan kan ze die zelf bij YouTube toevoegen.

Cheers,
Ruben
""", "in_scope", item="weekvideo;ondertiteling", note="weekly edit + subtitles as separate SRT file (explicitly allowed)", fmt="html")

M(V, "2026-03-12 13:50", "ilse", "voortaan direct online?", """
Daan, zou jij voortaan de video meteen op YouTube kunnen zetten als hij af is? Titel en beschrijving mag je zelf verzinnen, je kent de video's inmiddels beter dan ik haha. Dan hoef ik dat niet meer 's avonds laat te doen.

Ilse
""", "out_of_scope", "client_duty", "upload", "uploading and writing title/description is the client's own task")

M(V, "2026-03-17 09:40", "ilse", "Geen video deze week", """
Hoi Daan,

Even laten weten: deze week geen aflevering, ik heb griep en we hebben niks kunnen filmen. Je hoeft dus niets te monteren. Volgende week hopelijk weer gewoon!

Ilse
""" + IPHONE, "no_request", note="cancellation of this week's video")

M(V, "2026-03-23 14:10", "ilse", "Paasspecial: twee video's deze week?", """
Zoals in het onderwerp 🐣 Materiaal voor de paasbrunch én de paastaart staat allebei in de map.
""", "out_of_scope", "quantity", "weekvideo", "two videos in one week, agreement is one per week; ask mostly in the subject")

M(V, "2026-03-26 11:00", "ilse", "Re: Paasbrunch v1", """
Hij mag wat mij betreft zo, alleen het geluid tijdens het kloppen van de eieren is erg hard, kan dat wat zachter?

En nog iets anders: kun je er een receptkaartje bij maken als pdf, in onze kleuren, zodat mensen het recept kunnen downloaden? Dan zet ik die link onder de video.

Ilse
""", "out_of_scope", "new_work", "", "audio fix is in scope, but a downloadable recipe card PDF is design work not in the agreement",
  quote=dict(style="outlook", who="va", hours=22, text="Hoi Ilse,\n\nDe paasbrunch staat klaar in de map, versie 1.\n\nGroet,\nDaan"))

M(V, "2026-03-31 10:20", "ilse", "Filmen bij de boer", """
Hoi Daan!

Leuk nieuws: we mogen op zaterdag 18 april filmen bij een aspergeboer in Limburg. Ruben kan die dag alleen niet. Zou jij de camera willen doen? Dan rijden we samen heen. Het monteren doe je daarna natuurlijk ook gewoon.
""" + SIG_ILSE, "out_of_scope", "excluded", "filmen", "asks the editor to film on location, excluded")

M(V, "2026-04-02 15:10", ("Femke de Groot", "femke@kookmerk-partners.example"), "Samenwerking video-edit", """
Beste Daan,

Via het kanaal van Ilse kwamen wij bij u terecht. Wij zijn een bureau voor foodmerken en zoeken een editor voor korte reclamevideo's. Zou u ons uw tarieven willen sturen?

Met vriendelijke groet,
Femke de Groot
Kookmerk Partners
""", "unknown_sender", note="agency that is not a contact of any client")

M(V, "2026-04-07 09:05", "ilse", "materiaal komt later", """
Hoi, het materiaal komt deze week pas woensdag (Pasen, alles liep uit). Kun je de video dan vrijdagmiddag leveren in plaats van donderdag? Geen haast dus.

x Ilse""" + IPHONE, "in_scope", item="weekvideo", note="delivery moved later than Thursday = in scope, no deadline flag")

M(V, "2026-04-20 10:45", "ilse", "Aflevering 18: asperges", """
Goedemorgen Daan,

De beelden van de boer staan erin, ca. 40 minuten. Het stuk waar de boer vertelt mag best lang blijven, dat is mooi. Bij de stukken buiten waait het flink, kun je dat windgeruis eruit halen?

Liefs,
Ilse
""", "in_scope", item="weekvideo;afwerking", note="40 min raw is within 45; remove wind noise = afwerking", fmt="multi")

M(V, "2026-04-28 11:15", "ilse", "vraagje", """
Hoi! Hoe lang bewaar jij eigenlijk de projectbestanden? Niet dat ik iets nodig heb hoor, gewoon benieuwd voor als we ooit een compilatie willen maken.

Ilse
""", "no_request", note="information question, no work asked; compilation is hypothetical")

M(V, "2026-05-12 13:05", "ilse", "deze week eerder?", """
Hoi Daan,

Kan de video deze week woensdag al? We hebben een samenwerking met een merk en die willen hem donderdagochtend live hebben. Het materiaal staat er al sinds vrijdag.
""" + SIG_ILSE, "out_of_scope", "deadline", "weekvideo", "Wednesday instead of Thursday 17:00 = earlier")

M(V, "2026-05-19 10:30", "ilse", "Wat een reacties!", """
Daan!!! De asperge-video zit op 48.000 views, kun je nagaan. Dat komt ook echt door jouw montage hoor. Gewoon even delen. Fijne dag!
""", "no_request", note="'kun je nagaan' = imagine; news and praise only")

M(V, "2026-05-26 09:50", "ilse", "Re: Barbecue v1", """
Hoi Daan, ziet er top uit. Wil je de lange stilte na de intro weghalen? En de outro mag wat eerder beginnen, nu hangt het einde een beetje. Verder prima.
""", "in_scope", item="correcties", note="first revision round in other words (cut a pause, start outro earlier)",
  quote=dict(style="nl", who="va", hours=40, text="Hoi Ilse,\n\nDe barbecue-aflevering staat klaar: https://drive.example/bbq-v1\n\nGroet,\nDaan"))

M(V, "2026-06-02 10:35", "ruben", "Re: Re: Aflevering 22 v1", """
Dag Daan,

Nog één dingetje van mijn kant, Ilse had de eerste ronde al gestuurd: het shot waarin het deeg inzakt mag toch blijven staan, dat vinden de mensen juist grappig. Merci!

Ruben
""", "in_scope", item="correcties", note="second revision round from the second contact, within the limit of two",
  quote=dict(style="nl", who="ilse", hours=26, text="Daan, ronde 1: het shot van het ingezakte deeg mag eruit en de muziek iets zachter.\n\nIlse"))

M(V, "2026-06-16 14:00", "ilse", "Laatste video voor de zomer", """
Hoi Daan,

De laatste video voor de zomerstop staat in de map (zomersalades). Mag hij wat korter dan normaal, zo'n 8 minuten? Daarna gaan we 6 weken op vakantie 🌞
""" + SIG_ILSE, "in_scope", item="weekvideo", note="weekly edit, 8 minutes is within 8-15")

# ---------------------------------------------------------------- nl-hr
H = "nl-hr"
M(H, "2026-01-06 08:35", "marieke", "Verlof Jeroen", """
Hoi Sanne,

Welkom aan boord! Eerste klusje: Jeroen Smit wil van 9 t/m 13 februari vrij (5 dagen). Henk is akkoord. Wil je dat in het overzicht zetten?
""" + SIG_MARIEKE, "in_scope", item="verlof", note="register a leave request")

M(H, "2026-01-08 10:10", "marieke", "Nieuwe monteur per 2 februari", """
Hoi Sanne,

Per 2 februari begint Mohammed el Amrani bij ons als eerstejaars monteur. Het ingevulde intakeformulier zit in de bijlage. Kun je het contract opstellen (jaarcontract, 40 uur) en hem een welkomstmail sturen met de info voor zijn eerste dag? Hij moet om 7:00 op de zaak zijn, Gerard vangt hem op in de werkplaats.
""" + SIG_MARIEKE, "in_scope", item="contracten;onboarding", note="contract from template + welcome mail; client supplied the data")

M(H, "2026-01-14 11:40", "marieke", "Urenexport januari eerder", """
Hoi Sanne,

Ellen van het loonbureau gaat eind januari op vakantie en wil eerder draaien. Kun je de uren van januari dit keer al op maandag de 19e naar haar sturen? Ik zorg dat de planners alles voor het weekend hebben goedgekeurd.

Groetjes, Marieke
""", "out_of_scope", "deadline", "urenexport", "export on the 19th instead of the agreed 25th = earlier")

M(H, "2026-01-19 09:00", "marieke", "Kees ziek", """
Kees de Bruijn heeft zich vanochtend ziek gemeld, buikgriep. Zet je hem erin?
""" + IPHONE, "in_scope", item="verlof", note="sick report = verzuimregistratie, in other words")

M(H, "2026-01-27 13:15", "marieke", "Re: Contract Mohammed", """
Top, dank je! Henk heeft getekend en Mohammed vanochtend ook, ik heb de scan in de map 'Getekend' gezet. Kun je hem in zijn dossier zetten?

Marieke
""", "in_scope", item="dossiers", note="archive the signed contract in the personnel file",
  quote=dict(style="nl", who="va", hours=50, text="Hoi Marieke,\n\nHet contract van Mohammed staat klaar in de map 'Te tekenen'. Willen jullie het allebei tekenen?\n\nGroet,\nSanne"))

M(H, "2026-02-03 10:05", "marieke", "Vacature servicemonteur", """
Hoi Sanne,

We zoeken weer een servicemonteur (cv-ketels en warmtepompen). Zou jij de vacature op Indeed en Werkzoeken.nl kunnen zetten? De tekst van vorig jaar kun je gebruiken, die staat ergens in de map HR.
""" + SIG_MARIEKE, "out_of_scope", "excluded", "werving", "placing a job ad = recruitment, excluded")

M(H, "2026-02-05 15:30", "marieke", "FW: vrije dagen mei", """
Zie hieronder, kun je dit verwerken? Henk vindt het goed.

Marieke

---------- Doorgestuurd bericht ---------
Van: Sandra Willems <sandra@vandijktechniek.example>
Datum: do 5 feb 2026 om 14:02
Onderwerp: vrije dagen mei
Aan: Marieke Jansen <marieke@vandijktechniek.example>

Hoi Marieke, mag ik 4 t/m 8 mei vrij? We willen naar Kreta. Groetjes Sandra
""", "in_scope", item="verlof", note="forwarded leave request, Marieke asks to process it")

M(H, "2026-02-10 09:20", "henk", "loonstroken januari", """
Sanne,

Een paar jongens klagen dat ze hun loonstrook van januari niet hebben gekregen. Kunt u die even naar iedereen mailen? En Jan zegt dat zijn overuren niet zijn uitbetaald, zoekt u uit wat er mis ging en zet u het recht?
""" + SIG_HENK, "out_of_scope", "excluded", "salaris", "sending payslips and fixing a payout = payroll processing, excluded (overuren word only as context)")

M(H, "2026-02-16 11:50", "marieke", "Bram verhuisd", """
Hoi, Bram Hendriks is verhuisd naar Kerkstraat 14, 5461 AB Veghel. Wil je dat aanpassen? Ellen moet het ook weten voor de loonstrook, maar dat regel ik zelf wel.

Marieke
""", "in_scope", item="dossiers", note="address change in the file; payslip remark is something Marieke does herself")

M(H, "2026-02-18 08:45", "marieke", "Export februari mag later", """
Hoi Sanne,

Deze maand mag de export een paar dagen later, Ellen is tot 1 maart weg. Stuur je hem dan op maandag 2 maart?

Marieke
""", "in_scope", item="urenexport", note="export moved later than the 25th = in scope")

M(H, "2026-02-19 10:30", "marieke", "uren Syntess", """
Hoi Sanne,

Peter (onze planner) ligt sinds gisteren in het ziekenhuis, niets ernstigs gelukkig, maar er staan nog een hoop uren open in Syntess. Zou jij ze deze maand willen goedkeuren? Je kunt ze naast de werkbonnen leggen, dan zie je vanzelf of het klopt.
""" + SIG_MARIEKE, "out_of_scope", "client_duty", "urenakkoord", "approving hours is the planners' task (client duty)")

M(H, "2026-02-25 14:05", ("Ellen Peters", "ellen@loonbureaupeters.example"), "Uren Van Dijk februari", """
Goedemiddag Sanne,

Ik begreep van Marieke dat jij tegenwoordig de uren van Van Dijk Installatietechniek aanlevert. Zou je de export voor februari in ons eigen Excel-format kunnen sturen? Ik heb het sjabloon bijgevoegd.

Met vriendelijke groet,
Ellen Peters
Loonbureau Peters
""", "unknown_sender", note="payroll bureau is a third party, not a client contact")

M(H, "2026-03-02 13:00", "henk", "bedrijfsuitje juni", """
Sanne,

Ik wil in juni een bedrijfsuitje voor alle 25 man plus aanhang. Karten en daarna een barbecue of zoiets. Kunt u dat regelen? Locatie zoeken, offertes opvragen, uitnodigingen versturen. Budget zo'n 3000 euro.
""" + SIG_HENK, "out_of_scope", "new_work", "", "organising a company outing, not in the agreement")

M(H, "2026-03-04 10:20", "marieke", "Welkom Lisa en Thijs", """
Hoi Sanne,

Maandag 16 maart beginnen Lisa (administratie, parttime) en Thijs (monteur). Hun gegevens heb je vorige week gehad. Kun je ze allebei de info voor de eerste dag sturen? Lisa begint om 8:30 op kantoor, Thijs om 7:00 in de werkplaats, werkschoenen mee.

Groetjes,
Marieke
""", "in_scope", item="onboarding", note="first-day info for two new employees", fmt="multi")

M(H, "2026-03-09 14:40", "marieke", "Nog een contract", """
Hoi Sanne,

Ik weet dat je deze maand al de contracten van Lisa en Thijs en de verlenging van Kevin hebt gedaan, maar er komt per 1 april ook nog een BBL-leerling bij, Youssef. Kun je voor hem ook een contract maken? Zijn intakeformulier zit in de bijlage.
""" + SIG_MARIEKE, "out_of_scope", "quantity", "contracten", "fourth contract this month, limit is three per month")

M(H, "2026-03-12 11:10", "marieke", "Hoeveel dagen nog?", """
Hoi Sanne, Peter vraagt hoeveel vakantiedagen hij nog heeft staan. Kun je dat even opzoeken en het hem laten weten? Thanks!
""", "in_scope", item="verlof", note="look up leave balance")

M(H, "2026-03-17 09:35", "marieke", "urenexport vaker", """
Hoi Sanne,

Ellen vroeg of we voortaan elke twee weken de uren kunnen aanleveren in plaats van één keer per maand, dan kan ze de voorschotten beter bijhouden. Kun je dat vanaf april zo doen?

Marieke
""", "out_of_scope", "quantity", "urenexport", "every two weeks instead of monthly = higher frequency")

M(H, "2026-03-24 16:00", "marieke", "Automatisch antwoord: Contract Youssef", """
Ik ben van 24 maart t/m 3 april afwezig en lees mijn mail niet. Voor dringende zaken kunt u contact opnemen met Henk van Dijk (henk@vandijktechniek.example).

Met vriendelijke groet,
Marieke Jansen
""", "no_request", note="out-of-office auto-reply")

M(H, "2026-03-26 10:45", "henk", "contract Youssef", """
Sanne,

Marieke is weg. Het contract van Youssef moet nog getekend worden. U heeft mijn handtekening toch als plaatje? Zet die er maar onder en stuur het naar Youssef, dan hoef ik niet langs kantoor.

Henk""" + IPHONE, "out_of_scope", "client_duty", "ondertekening", "signing contracts on behalf of the director is the client's duty")

M(H, "2026-04-01 08:50", "henk", "25 jaar", """
Kun je nagaan: Gerard is vandaag 25 jaar bij ons in dienst. Ik heb taart gehaald voor de hele ploeg. Gewoon leuk om even te delen.

Henk
""", "no_request", note="'kun je nagaan' = imagine; news only")

M(H, "2026-04-07 09:15", "marieke", "Verlof Sandra gaat niet door", """
Hoi Sanne, ben weer terug! Sandra gaat toch niet naar Kreta (vlucht geannuleerd). Kun je haar vakantie van 4 t/m 8 mei weer terugboeken zodat ze die dagen houdt?

Marieke
""", "in_scope", item="verlof", note="cancel registered leave, restore balance")

M(H, "2026-04-14 13:30", "marieke", "nieuwe jongen per 1 mei", """
Hoi Sanne,

Per 1 mei komt er een nieuwe monteur, Ruud Verbeek. Ik heb alleen zijn 06-nummer: 06-12345678. Zou jij hem willen bellen voor al zijn gegevens (adres, BSN, bankrekening en zo) en dan het contract maken? Ik kom er deze week echt niet aan toe.
""" + SIG_MARIEKE, "out_of_scope", "client_duty", "gegevens", "collecting a new hire's details is the client's duty; the contract itself would be in scope")

M(H, "2026-04-20 10:00", "henk", "concurrentiebeding Ruud", """
Sanne,

In het contract van Ruud wil ik een concurrentiebeding. Mag dat eigenlijk bij een tijdelijk contract? Wilt u uitzoeken hoe dat juridisch zit en het er dan in zetten als het mag?
""" + SIG_HENK, "out_of_scope", "excluded", "juridisch", "whether a non-compete clause is legally allowed = legal advice, excluded; contract wording is only context")

M(H, "2026-04-23 14:20", "marieke", "export april", """
Hoi! De planners hebben alles goedgekeurd. Kun je bij de export van april de overuren en de reisuren dit keer apart zetten? Ellen vroeg erom. Thanks a lot!

Marieke
""", "in_scope", item="urenexport", note="regular monthly export with a column split")

M(H, "2026-04-28 07:30", ("HR Praktijk Nieuwsbrief", "nieuwsbrief@hrpraktijk.example"), "Nieuw per 1 juli: wat verandert er voor werkgevers?", """
Beste lezer,

Per 1 juli veranderen een aantal regels rond de transitievergoeding en het oproepcontract. Lees in deze nieuwsbrief wat u als werkgever moet doen en download onze gratis checklist.

Afmelden? Klik hier.
""", "unknown_sender", note="newsletter")

M(H, "2026-05-05 11:05", "marieke", "Bedankt!", """
Hoi Sanne,

Even een compliment: Ellen zei dat de export nog nooit zo netjes was. Ook Ruud was blij met zijn welkomstmail, hij vond het fijn dat hij meteen wist waar hij zich moest melden. Fijn dat je er bent!

Marieke
""", "no_request", note="thanks; 'ook' in news, no work asked", fmt="html")

M(H, "2026-05-12 09:40", "marieke", "werkkleding + VCA", """
Hoi Sanne,

Ruud en Thijs hebben nog steeds geen werkkleding. Kun je voor ze bestellen bij Workwear Brabant? Maat L en XL, met ons logo erop. En zet meteen in het dossier van Ruud dat hij zijn VCA-diploma heeft ingeleverd, de kopie zit in de bijlage.
""" + SIG_MARIEKE, "out_of_scope", "new_work", "", "ordering work clothes is not in the agreement; filing the VCA copy is in scope")

M(H, "2026-05-19 10:30", "henk", "verlenging Tim", """
Sanne,

Het contract van Tim loopt 1 juli af. We verlengen met een jaar, zelfde uren, zijn loon gaat 3% omhoog. Wilt u het klaarzetten? Dan teken ik het volgende week.
""" + SIG_HENK, "in_scope", item="contracten", note="contract extension from the template")

M(H, "2026-05-21 15:15", "marieke", "Export mei vandaag nog?", """
Ellen wil zo snel mogelijk beginnen ivm Pinksteren. Lukt dat?
""", "out_of_scope", "deadline", "urenexport", "export today (21st) instead of the 25th; ask is in the subject")

M(H, "2026-06-02 09:10", "marieke", "Re: Welkomstmail Stefan", """
Laat maar zitten met de welkomstmail voor Stefan, hij heeft gisteren afgezegd, heeft ergens anders getekend. No need to send it anymore. Balen!

Marieke
""", "no_request", note="cancels a task; the request is only in the quoted history",
  quote=dict(style="nl", who="va", hours=70, text="Hoi Marieke,\n\nPrima, ik stuur Stefan vrijdag de welkomstmail voor zijn eerste dag op 1 juli.\n\nGroet,\nSanne\n\n> Kun je Stefan een welkomstmail sturen? Hij begint 1 juli."))

M(H, "2026-06-23 10:00", "marieke", "bouwvak", """
Hoi Sanne,

In de bouwvak (20 juli t/m 7 augustus) is de hele buitendienst vrij. Kun je die drie weken voor alle monteurs als collectief verlof in het overzicht zetten? Kantoor werkt gewoon door.
""" + SIG_MARIEKE, "in_scope", item="verlof", note="register collective leave")

# ---------------------------------------------------------------- nl-praktijk
P = "nl-praktijk"
M(P, "2026-01-05 08:40", "anouk", "Welkom + eerste dingen", """
Hoi Lotte,

Fijn dat je vandaag begint! De logins voor de agenda en de info-mailbox heb je als het goed is gekregen. Kun je vanmiddag meteen de herinneringen voor morgen versturen? En mevrouw Kramer belde dat ze haar afspraak van woensdag 9:00 liever 's middags wil, ergens na tweeën bij mij.
""" + SIG_ANOUK, "in_scope", item="herinneringen;agenda", note="send reminders + move an appointment to the afternoon")

M(P, "2026-01-08 16:50", "joost", "codes deze week", """
Hoi Lotte,

Ik ben Joost, een van de fysio's. Ik loop achter met mijn behandelcodes van deze week. Zou jij ze kunnen invullen? Je ziet in de agenda wat voor afspraken het waren, meestal is het gewoon een reguliere zitting. Dan kunnen ze morgen mee met de declaraties.

Joost
""", "out_of_scope", "client_duty", "codes", "entering treatment codes is the therapists' own duty")

M(P, "2026-01-12 10:25", "anouk", "Mail op info@ over parkeren", """
Hoi Lotte, er zit een mail in de inbox van een nieuwe patiënt die vraagt waar ze kan parkeren. Wil je haar laten weten dat ze gratis achter het pand kan staan, ingang via de Molenstraat?

Anouk
""", "in_scope", item="mailbox", note="answer a standard question in the practice mailbox")

M(P, "2026-01-16 09:05", "anouk", "declaraties", """
Goedemorgen,

Alle codes en verwijzingen staan erin. Kun je de declaraties van deze week klaarzetten? Let op: meneer Pieters zit sinds januari bij CZ in plaats van VGZ.
""" + SIG_ANOUK, "in_scope", item="declaraties", note="weekly claims run on Friday")

M(P, "2026-01-21 14:30", "anouk", "openingstijden", """
Hoi Lotte,

Nu je toch met de nieuwe openingstijden in de herinneringen bezig bent: kun je ze ook even op de website aanpassen? We zijn op dinsdag nu tot 20:00 open. Inloggen gaat via WordPress, ik stuur je de gegevens.
""" + SIG_ANOUK, "out_of_scope", "excluded", "website", "updating opening hours on the website is excluded; reminders only context")

M(P, "2026-01-27 11:15", "joost", "Morgen", """
Ik ben morgen vrij (kind ziek). Kun je mijn patiënten bellen en omzetten naar later in de week, of naar Anouk als ze dat liever hebben?
""" + IPHONE, "in_scope", item="agenda", note="reschedule patients after therapist reports absence (client did its part)")

M(P, "2026-02-02 09:30", "anouk", "wie moet er nog betalen?", """
Hoi Lotte,

We hebben een stel patiënten die zelf betalen (geen aanvullende verzekering) en ik heb het idee dat er nog best veel openstaat. Kun je in Moneybird kijken wie nog niet betaald heeft en die mensen een herinnering sturen?

Anouk
""", "out_of_scope", "excluded", "boekhouding", "chasing unpaid patient invoices = bookkeeping, excluded; 'herinnering' is not an appointment reminder")

M(P, "2026-02-09 10:50", "anouk", "Declaraties deze week eerder", """
Hoi Lotte,

Ik ben vrijdag op een congres en wil de declaraties donderdag al indienen. Kun je de run van deze week woensdag eind van de middag klaarzetten? Joost en ik zorgen dat de codes dinsdag compleet zijn.
""" + SIG_ANOUK, "out_of_scope", "deadline", "declaraties", "claims run on Wednesday instead of Friday 12:00 = earlier")

M(P, "2026-02-11 10:50", "anouk", "mevrouw Bakker stopt", """
Mevrouw Bakker heeft laten weten dat ze klaar is met haar behandeltraject, ze voelt zich weer prima. Haal je haar vervolgafspraken uit de agenda? Het waren er nog drie, allemaal op dinsdag.

Anouk
""", "in_scope", item="agenda", note="cancel follow-up appointments")

M(P, "2026-02-17 08:55", "anouk", "Open dag zaterdag 7 maart", """
Hoi Lotte,

Op zaterdag 7 maart houden we een open dag in de nieuwe oefenzaal. Zou jij die dag van 10 tot 15 uur de telefoon willen doen? Er komen vast veel vragen.
""" + SIG_ANOUK, "out_of_scope", "excluded", "telefoon-buiten", "phone on a Saturday = outside fixed hours, excluded")

M(P, "2026-02-20 11:20", "joost", "Re: Herinnering afspraak", """
Hoi Lotte,

Meneer Smith is Engelstalig, hij snapte de sms niet. Kun je hem voortaan de herinnering in het Engels sturen? Something like "Reminder: your appointment at De Brug tomorrow at 10:00". Thanks!

Joost
""", "in_scope", item="herinneringen", note="reminder text in English for one patient",
  quote=dict(style="en", who="va", hours=26, text="Herinnering: u heeft morgen om 10:00 een afspraak bij Fysiotherapie De Brug. Verhinderd? Bel 0168-123456."))

M(P, "2026-02-24 10:05", "anouk", "verwijzing mevrouw El Idrissi", """
Hoi Lotte,

Mevrouw El Idrissi heeft geen verwijzing meegenomen en haar verzekeraar wil er wel een. Wil jij de huisarts bellen en de verwijsbrief opvragen? Het is dokter Bosman in de Dorpsstraat.

Anouk
""", "out_of_scope", "client_duty", "codes", "supplying referrals is the practice's duty, even though it is a phone call")

M(P, "2026-03-02 09:40", "anouk", "Nieuwe collega!", """
Hoi Lotte,

Leuk nieuws: per 1 april komt Fleur bij ons werken, zij is gespecialiseerd in bekkenfysiotherapie. Haar rooster stuur ik je later, daar hoef je nu nog niks mee. Fijne week!
""" + SIG_ANOUK, "no_request", note="news; explicitly nothing to do yet")

M(P, "2026-03-05 12:10", "anouk", "mailbox ook 's avonds?", """
Hoi Lotte,

Veel patiënten mailen 's avonds om af te zeggen voor de volgende ochtend. Zou je voortaan ook rond een uur of negen 's avonds nog even de mailbox willen checken? Dan kunnen we die gaten nog opvullen.

Anouk
""", "out_of_scope", "quantity", "mailbox", "third mailbox check per day, agreement is twice per working day")

M(P, "2026-03-10 09:15", "anouk", "Telefoon donderdag", """
Hoi Lotte,

Donderdagochtend sta ik de hele ochtend in de zaal met de groepstraining. Wil jij dan extra op de telefoon letten en de terugbelverzoeken meteen afhandelen? Normaal pak ik er zelf wel een paar op.

Anouk
""", "in_scope", item="telefoon", note="phone on a weekday morning = within fixed hours", fmt="html")

M(P, "2026-03-13 10:30", "anouk", "Declaraties ingediend", """
Hoi Lotte,

Ik heb de run van deze week ingediend, alles is goed gegaan. Een paar zijn afgekeurd bij Menzis, maar dat was mijn fout met een verkeerde code en dat heb ik al hersteld. Dank je wel!

Anouk
""", "no_request", note="report of what the client did + thanks")

M(P, "2026-03-16 12:20", ("Rob Vermeer", "r.vermeer@mailbox.example"), "afspraak donderdag", """
Beste mevrouw De Wit,

Ik kreeg uw mailadres van de balie. Kunt u mijn afspraak van donderdag verzetten? Ik moet die dag werken.

Met vriendelijke groet,
Rob Vermeer
""", "unknown_sender", note="a patient writing directly; not a contact of the client")

M(P, "2026-03-18 14:45", "joost", "Instagram", """
Hey Lotte,

We willen wat actiever worden op Instagram. Zou jij elke week een postje kunnen maken met een oefening of een tip? Ik lever de foto's wel aan.

Joost
""", "out_of_scope", "new_work", "", "social media posts are not in the agreement (only the website is excluded)")

M(P, "2026-03-23 09:10", "anouk", "Intake nieuwe patiënt", """
Goedemorgen Lotte,

De verwijsbrief van meneer De Graaf zit in de bijlage (knieoperatie, revalidatie). Kun je een intake bij Joost plannen, liefst deze week nog, en daarna 2x per week een vervolgafspraak voor zes weken?
""" + SIG_ANOUK, "in_scope", item="agenda", note="plan intake + series; referral supplied by client")

M(P, "2026-03-30 10:20", "anouk", "tweede run", """
Hoi Lotte, CZ betaalt sneller als we vaker declareren. Kun je vanaf april twee keer per week een declaratierun klaarzetten, op dinsdag en vrijdag?

Anouk
""", "out_of_scope", "quantity", "declaraties", "two claims runs a week, agreement is one per week")

M(P, "2026-04-02 11:55", "anouk", "2e paasdag dicht", """
Hoi,

De praktijk is op 2e paasdag (6 april) dicht. Kun je de afspraken van die maandag verzetten naar dinsdag of woensdag? En de herinneringen voor die dag dan natuurlijk niet versturen 😉

Anouk
""", "in_scope", item="agenda", note="move appointments off a holiday")

M(P, "2026-04-14 09:45", "anouk", "Re: Rooster Fleur", """
Hoi Lotte,

Haar rooster weet ik eerlijk gezegd nog niet precies, ze werkt in ieder geval drie dagen. Kun jij bepalen welke dagen het handigst zijn en dat als haar rooster in de agenda zetten? Jij hebt meer overzicht over de agenda dan ik 😅

Anouk
""", "out_of_scope", "client_duty", "roosters", "deciding a therapist's work schedule is the practice's duty to provide",
  quote=dict(style="outlook", who="va", hours=48, text="Hoi Anouk,\n\nFleur begint 1 april, maar ik heb haar rooster nog niet. Welke dagen werkt ze?\n\nGroet,\nLotte"))

M(P, "2026-04-21 10:10", "anouk", "Declaraties mogen dinsdag", """
Hoi Lotte,

Door de meivakantie lopen de codes deze week achter. De declaraties mogen daarom deze keer pas dinsdag 28 april. Zet je ze dan klaar?

Anouk
""", "in_scope", item="declaraties", note="claims run later than Friday = in scope")

M(P, "2026-04-29 08:30", "anouk", "Afwezig: wachtlijst", """
Dank voor uw bericht. Ik ben tot en met 6 mei met vakantie. Voor vragen over afspraken kunt u tijdens de openingstijden bellen met de praktijk.

Met vriendelijke groet,
Anouk Visser
""", "no_request", note="out-of-office auto-reply")

M(P, "2026-05-06 11:00", "joost", "run vandaag?", """
Hoi Lotte,

Ik weet dat het normaal vrijdag is, maar kan ik de declaratierun van deze week vandaag al hebben? Anouk is er weer en wil alles voor het weekend van de verzekeraars terug hebben.

Joost
""", "out_of_scope", "deadline", "declaraties", "claims run on Wednesday instead of Friday")

M(P, "2026-05-12 14:15", "anouk", "nieuwsbrief", """
Hoi Lotte,

We willen twee keer per jaar een nieuwsbrief naar onze patiënten sturen. Kun jij de eerste schrijven en versturen? Onderwerpen: Fleur stelt zich voor, de nieuwe oefenzaal en de zomertijden. Zet hem dan ook meteen op de website bij 'Nieuws'. De mailadressen staan in het praktijksysteem.
""" + SIG_ANOUK, "out_of_scope", "new_work;excluded", "website", "patient newsletter is new work; posting it on the website is excluded")

M(P, "2026-05-19 10:40", "anouk", "gat bij Fleur", """
Hoi Lotte,

Er is een gat bij Fleur op donderdagmiddag. Wil je de mensen op de wachtlijst bellen en er een paar inplannen? Eerst degenen met nekklachten graag.

Anouk
""", "in_scope", item="agenda", note="fill a gap from the waiting list", fmt="multi")

M(P, "2026-05-26 09:20", "anouk", "klacht op info@", """
Lotte, er is een boze mail binnengekomen op info@ van meneer Jacobs over de wachttijd. Beantwoord je hem met het standaardbericht en stuur je hem daarna door naar mij? Ik bel hem zelf.

Anouk""" + IPHONE, "in_scope", item="mailbox", note="standard reply + forward")

M(P, "2026-06-15 10:00", "joost", "Re: Afspraken vorige week", """
Bedankt voor het omzetten vorige week, alle patiënten waren er netjes. Top geregeld!

Joost
""", "no_request", note="thanks only",
  quote=dict(style="nl", who="va", hours=120, text="Hoi Joost,\n\nIk heb je patiënten van donderdag verzet naar vrijdag, iedereen is akkoord.\n\nGroet,\nLotte"))

M(P, "2026-06-22 09:30", "anouk", "zomer", """
Hoi Lotte,

In de zomer werken we met een kleinere bezetting. Kun je in de herinneringen voor juli en augustus erbij zetten dat we op vrijdag dicht zijn?
""" + SIG_ANOUK, "in_scope", item="herinneringen", note="adjust reminder text")

# ---------------------------------------------------------------- building
NL_DAYS = ["ma", "di", "wo", "do", "vr", "za", "zo"]
NL_DAYS_LONG = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
NL_MON = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
NL_MON_LONG = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
               "september", "oktober", "november", "december"]
EN_DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
EN_MON = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def amsterdam(naive):
    # CET (+01:00) until the last Sunday of March 2026 (29 March), then CEST (+02:00)
    off = 2 if naive >= datetime(2026, 3, 29, 2, 0) else 1
    return naive.replace(tzinfo=timezone(timedelta(hours=off)))


def fmt_addr(name, addr):
    return f"{name} <{addr}>"


def quote_block(q, dt, sender, recipient, orig_subject):
    qdt = dt - timedelta(hours=q["hours"])
    name, addr = sender
    lines = q["text"].split("\n")
    if q["style"] == "outlook":
        head = ["", "-----Original Message-----",
                f"Van: {fmt_addr(name, addr)}",
                f"Verzonden: {NL_DAYS_LONG[qdt.weekday()]} {qdt.day} {NL_MON_LONG[qdt.month - 1]} {qdt.year} {qdt:%H:%M}",
                f"Aan: {fmt_addr(*recipient)}",
                f"Onderwerp: {orig_subject}", ""]
        return "\n".join(head + lines)
    if q["style"] == "en":
        intro = f"On {EN_DAYS[qdt.weekday()]}, {qdt.day} {EN_MON[qdt.month - 1]} {qdt.year} at {qdt:%H:%M}, {name} <{addr}> wrote:"
    else:
        intro = f"Op {NL_DAYS[qdt.weekday()]} {qdt.day} {NL_MON[qdt.month - 1]} {qdt.year} om {qdt:%H:%M} schreef {name} <{addr}>:"
    return "\n".join(["", intro] + [("> " + l) if l else ">" for l in lines])


def to_html(text):
    paras = [p for p in text.split("\n\n")]
    body = "".join("<p>" + html.escape(p).replace("\n", "<br>\n") + "</p>\n" for p in paras)
    return f"<html><body style=\"font-family: Arial, sans-serif; font-size: 14px\">\n{body}</body></html>\n"


def main():
    rows = []
    mail_root = HERE / "mail"
    for client in CLIENTS:
        cinfo = CLIENTS[client]
        va = cinfo["va"]
        items = sorted([m for m in MAILS if m["client"] == client], key=lambda m: m["when"])
        for n, m in enumerate(items, start=1):
            split = "holdout" if n % 3 == 0 else "dev"
            dt = amsterdam(datetime.strptime(m["when"], "%Y-%m-%d %H:%M"))
            sender = cinfo["people"][m["frm"]] if isinstance(m["frm"], str) else m["frm"]
            domain = sender[1].split("@", 1)[1]
            key = hashlib.sha1(f"{client}-{n}-{m['subject']}".encode()).hexdigest()[:12]
            msg = EmailMessage()
            msg["From"] = fmt_addr(*sender)
            msg["To"] = fmt_addr(*va)
            msg["Subject"] = m["subject"]
            msg["Date"] = format_datetime(dt)
            msg["Message-ID"] = f"<{key}.{n:03d}@{domain}>"
            body = m["body"]
            q = m["quote"]
            if q:
                parent_id = f"<q{key[:8]}.{n:03d}@{va[1].split('@', 1)[1]}>"
                msg["In-Reply-To"] = parent_id
                msg["References"] = parent_id
                orig_subject = m["subject"]
                while orig_subject.lower().startswith("re: "):
                    orig_subject = orig_subject[4:]
                qsender = va if q["who"] == "va" else cinfo["people"][q["who"]]
                qrecip = sender if q["who"] == "va" else va
                body = body + "\n" + quote_block(q, dt, qsender, qrecip, orig_subject)
            body += "\n"
            if m["fmt"] == "html":
                msg.set_content(to_html(body), subtype="html")
            elif m["fmt"] == "multi":
                msg.set_content(body)
                msg.add_alternative(to_html(body), subtype="html")
                msg.set_boundary(f"===============nlb{key}==")
            else:
                msg.set_content(body)
            rel = f"{LANG}/{split}/{client}-{n:03d}.eml"
            out = mail_root / rel
            out.parent.mkdir(parents=True, exist_ok=True)
            out.write_bytes(bytes(msg))
            rows.append([rel, client, m["verdict"], m["cats"], m["item"], m["note"]])
    with open(HERE / "labels-nl-b.csv", "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["file", "client", "verdict", "categories", "item", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} mails")


if __name__ == "__main__":
    main()

"""Builds the Dutch labelled corpus: wraps the hand-written client mails below into .eml files
under mail/nl/{dev,holdout}/ and writes labels-nl.csv. Run: python tests/labelled/build_nl.py"""

from __future__ import annotations

import base64
import csv
import hashlib
import html
import quopri
import random
import re
from email.header import Header
from email.utils import formataddr, parseaddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAIL_DIR = HERE / "mail" / "nl"

# The VA (or tradesman) on the receiving end of each agreement.
VA = {
    "nl-social": ("Lotte de Wit", "lotte@lottesocials.example.nl"),
    "nl-admin": ("Femke Jansen", "femke@femkeregelt.example.nl"),
    "nl-web": ("Bram Claes", "bram@studioclaes.example.nl"),
    "nl-boekhouding": ("Nicole Verbeek", "nicole@verbeekadministratie.example.nl"),
    "nl-schilder": ("Wim Maes", "wim@schilderwerkenmaes.example.nl"),
}

MAILS: list[dict] = []


def mail(split, client, sender, subject, date, body, verdict, cats="", note="", *,
         html_only=False, cte=None, charset="utf-8", reply=False):
    """Register one hand-written mail. `client` is the agreement whose VA receives it."""
    MAILS.append(dict(split=split, client=client, sender=sender, subject=subject, date=date,
                      body=body, verdict=verdict, cats=cats, note=note, html_only=html_only,
                      cte=cte, charset=charset, reply=reply))

# --------------------------------------------------------------------------------------------
# DEV — Bloemsierkunst Margriet (social media)
# --------------------------------------------------------------------------------------------
M = "Margriet Hoekstra <margriet@bloemsierkunstmargriet.example.nl>"

mail("dev", "nl-social", M, "Facebook?", "2026-01-14 08:47", """\
Hoi Lotte,

De posts van deze week zijn echt mooi geworden! Ik kreeg gisteren zelfs een bestelling
voor een bruidsboeket via een DM, dus het werkt.

Ik zat te denken: zou het een idee zijn om dezelfde posts ook op onze Facebookpagina te
zetten? Die ligt al een jaar stil en veel van mijn oudere klanten zitten daar nog op.
Je mag ze natuurlijk iets anders maken als dat beter is voor Facebook.

Groetjes,
Margriet
""", "out_of_scope", "new_work", "Facebook-pagina bijhouden; alleen Instagram afgesproken")

mail("dev", "nl-social", M, "Valentijnsweek", "2026-02-04 21:13", """\
Hoi Lotte

Volgende week is het Valentijn en dat is voor ons de drukste week van het jaar.
Kun je dan elke dag een post zetten, van maandag t/m zaterdag? Dus 6 posts in plaats van
de gewone 3. Ik stuur morgen de foto's van de rode rozen en de hartjesstukken.

Alvast bedankt!!
Margriet
""", "out_of_scope", "quantity", "6 posts in een week, 3 per week afgesproken")

mail("dev", "nl-social", M, "Moederdag en nieuwe voorjaarsboeketten", "2026-03-02 10:05", """\
Hallo Lotte,

Moederdag komt eraan (ja, ik weet het, het is pas maart, maar de bestellingen lopen al).
Graag ook een advertentie op Instagram voor de moederdagboeketten, ik wil er best 100 euro
in steken zodat meer mensen uit Amersfoort het zien.

En nog iets: kun jij deze week even langskomen in de winkel om foto's te maken van de nieuwe
voorjaarsboeketten? Ik kom er zelf echt niet aan toe met alle rouwstukken die nu binnenkomen.

Hartelijke groet,
Margriet Hoekstra
Bloemsierkunst Margriet
""", "out_of_scope", "excluded;client_duty", "betaalde advertentie (uitgesloten) en zelf foto's maken (levert klant)",
     html_only=True)

mail("dev", "nl-social", M, "tulpen story", "2026-02-19 07:52", """\
Goedemorgen Lotte,

Wil je vrijdag een story doen met de tulpen uit de werkplaats? De foto's en twee filmpjes
staan in de gedeelde map onder 'februari week 8'.
Het mag er vrolijk uitzien, de eerste echte voorjaarsbloemen!

Gr. Margriet
""", "in_scope", "", "een story met aangeleverde foto's")

mail("dev", "nl-social", M, "Re: carrousel rouwwerk", "2026-01-27 12:31", """\
Ja prima, zet de carrousel met de rouwstukken maar op woensdag. De tekst is goed zo,
misschien alleen 'met liefde gemaakt' in plaats van 'met zorg gemaakt'.

Margriet

Op ma 26 jan. 2026 om 16:40 schreef Lotte de Wit <lotte@lottesocials.example.nl>:
> Hoi Margriet,
>
> Ik heb de carrousel met de vijf rouwstukken klaargezet, zie bijlage. Zal ik hem
> woensdag of vrijdag plaatsen?
>
> Over je vraag van vorige week of ik ook de nieuwsbrief wil doen: dat valt buiten
> onze afspraak, maar ik maak graag een offerte als je wilt.
>
> Groetjes, Lotte
>
>> Op di 20 jan. 2026 om 09:02 schreef Margriet Hoekstra:
>> Kun je ook de nieuwsbrief voor de vaste klanten doen? Die moet voor het eind van de
>> maand de deur uit.
""", "in_scope", "", "plaatsing carrousel; nieuwsbriefvraag staat alleen in het citaat",
     reply=True, cte="quoted-printable")

mail("dev", "nl-social", M, "betaald", "2026-02-03 17:26", """\
Hoi Lotte, ik heb ook de factuur van januari betaald, staat het goed bij je?
Fijn weekend alvast, ik ben zaterdag op de bloemenveiling.
Margriet
""", "no_request", "", "'ook' en vraag ter informatie over betaling")

mail("dev", "nl-social", M, "bruidsboeketten", "2026-03-10 13:15", """\
Hoi! Wanneer gaat de post over de bruidsboeketten eruit? Een bruid vroeg ernaar in de winkel
en ik wilde haar zeggen dat ze erop moest letten.

groetjes margriet
""", "no_request", "", "vraag ter informatie over planning")

mail("dev", "nl-social", M, "Re: rapport januari", "2026-02-02 19:40", """\
Wauw, 212 nieuwe volgers in een maand! Dankjewel Lotte, echt top.

Bloemsierkunst Margriet | Rouwwerk | Bruidswerk | Workshops | Webshop
Langestraat 14, Amersfoort

Verstuurd vanaf mijn iPhone
""", "no_request", "", "bedankje; handtekening noemt webshop en workshops", reply=True)

mail("dev", "nl-social", M, "contentkalender maart al woensdag sturen ipv vrijdag aub?", "2026-02-23 08:02",
     "", "out_of_scope", "deadline", "alleen onderwerp: kalender eerder dan de afgesproken laatste vrijdag")

mail("dev", "nl-social", "Anouk Hoekstra <anouk.hoekstra@ziggo.example.nl>", "Posts voor mijn salon", "2026-01-21 20:04", """\
Hoi Lotte,

Ik ben Anouk, de zus van Margriet. Ze is super enthousiast over jou! Ik heb een kapsalon in
Leusden en vroeg me af of jij ook de Instagram voor mij zou kunnen doen, een stuk of drie
posts per week. Wat zou dat kosten?

Groetjes, Anouk
""", "unknown_sender", "", "zus van de klant vanaf eigen adres, vraagt naar eigen salon")

mail("dev", "nl-social", M, "rapport", "2026-02-02 09:18", """\
Dag Lotte,

Bedankt voor het rapport van januari, ziet er goed uit. Fijn dat de reels over het
bruidswerk zo goed gelopen hebben.

Groet,
Margriet

P.S. Kun jij de prijzen van de Valentijnsboeketten even bedenken? Ik heb echt geen idee
wat ik moet vragen dit jaar, alles is zo duur geworden bij de veiling.
""", "out_of_scope", "client_duty", "in de P.S.: prijzen bepalen, die geeft de klant door")

# --------------------------------------------------------------------------------------------
# DEV — Van Leeuwen Coaching & Training (admin)
# --------------------------------------------------------------------------------------------
K = "Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>"

mail("dev", "nl-admin", K, "Zwolle 12 maart", "2026-02-16 11:20", """\
Hoi Femke,

Kun je voor de training in Zwolle op 12 maart een hotel boeken voor de nacht ervoor?
Het liefst iets op loopafstand van het station, niet duurder dan 120 euro. En graag een
treinkaartje heen en terug, eerste klas hoeft niet.

Dank je!
Marieke
""", "in_scope", "", "één reis: hotel en trein")

mail("dev", "nl-admin", K, "facturen + evaluatie", "2026-01-22 14:48", """\
Femke,

Zou je deze drie facturen van de trainingslocaties willen betalen? Ze staan in de bijlage en
de IBAN-nummers staan erop. Ik heb de bankapp op mijn telefoon maar kom er niet aan toe.

En kun je ook een evaluatieformulier maken in Google Forms voor de deelnemers van de
leiderschapstraining? Na afloop wil ik het naar alle 14 deelnemers sturen.

Mvg,
Marieke van Leeuwen
""", "out_of_scope", "excluded;new_work", "facturen betalen (boekhouding uitgesloten) en evaluatieformulier (geen deliverable)")

mail("dev", "nl-admin", K, "notulen vandaag", "2026-02-10 16:55", """\
Hoi Femke, dank voor het notuleren vanmiddag!
Zou je de notulen vanavond nog willen uitwerken? Ik wil ze morgenochtend om 8 uur al naar
het team sturen, voordat iedereen de deur uit gaat.
Groetjes Marieke
""", "out_of_scope", "deadline", "notulen 's avonds en eerder dan twee werkdagen")

mail("dev", "nl-admin", K, "RE: Contract gemeente Utrecht", "2026-03-04 09:37", """\
Hoi Femke,

Ik zit de hele dag in Den Bosch. Kun jij het contract met de gemeente namens mij
ondertekenen en terugsturen? Mijn gescande handtekening staat in de map 'Algemeen'.
Dan is het vandaag nog de deur uit.

Marieke

Van: Femke Jansen <femke@femkeregelt.example.nl>
Verzonden: dinsdag 3 maart 2026 17:12
Aan: Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>
Onderwerp: Contract gemeente Utrecht

Hoi Marieke,

Het contract voor de teamtrainingen bij de gemeente is binnen. Ze vragen of het uiterlijk
woensdag getekend terug kan. Zal ik het voor je klaarzetten?

Groet, Femke
""", "out_of_scope", "client_duty", "contract namens klant tekenen; klant tekent zelf", reply=True)

mail("dev", "nl-admin", K, "dinsdag + verjaardag mama", "2026-01-29 08:14", """\
Goedemorgen Femke,

Twee dingetjes:
- Wil je de intake met Ruud de Boer van dinsdag naar donderdag 14.00 verzetten? Hij weet
  ervan.
- Mijn moeder wordt zaterdag 70. Kun je een mooi boeket laten bezorgen in Hoevelaken en
  een tafel voor zes reserveren bij De Lindeboom voor zondagmiddag?

Dankjewel!!
Marieke
""", "out_of_scope", "excluded", "intake verzetten (agenda) plus privézaken moeder (uitgesloten)",
     html_only=True)

mail("dev", "nl-admin", K, "Afwezig: Training", "2026-02-09 07:00", """\
Beste afzender,

Dank voor uw bericht. Ik ben tot en met maandag 16 februari op training en lees mijn mail
niet. Voor afspraken en dringende vragen kunt u terecht bij Femke Jansen via
femke@femkeregelt.example.nl.

Met vriendelijke groet,
Marieke van Leeuwen
Van Leeuwen Coaching & Training | Leiderschap | Teamcoaching | Loopbaanbegeleiding
""", "no_request", "", "afwezigheidsmelding")

mail("dev", "nl-admin", K, "Eindhoven", "2026-03-05 12:02", """\
Hoi Femke,
Je hoeft voor Eindhoven geen hotel meer te zoeken, ik rij gewoon heen en weer. Scheelt
weer een nacht weg van huis.
Gr Marieke
""", "no_request", "", "intrekking: hotel zoeken hoeft niet meer")

mail("dev", "nl-admin", K, "Werkboek timemanagement", "2026-02-24 10:31", """\
Hoi Femke,

Wil je het werkboek voor de training Timemanagement opmaken in onze huisstijl? Het concept
staat in de Drive onder 'Trainingen 2026'. Graag ook de hand-out van twee pagina's die erbij
hoort, dan kan ik beide volgende week laten drukken.

Hartelijke groet,
Marieke
""", "in_scope", "", "opmaak werkboek en hand-out voor één training", cte="quoted-printable")

mail("dev", "nl-admin", K, "reizen maart", "2026-02-26 15:44", """\
Femke,

In maart heb ik drie trainingen buiten de deur: Amsterdam (5/3), Groningen (18/3) en
Maastricht (26/3). Kun je voor alle drie de reis regelen? Voor Groningen en Maastricht
ook een hotel, Amsterdam doe ik met de trein op en neer.

Marieke
""", "out_of_scope", "quantity", "drie reizen in maart, twee per maand afgesproken")

mail("dev", "nl-admin", K, "locatie Amersfoort", "2026-01-19 13:06", """\
hoi Femke, heb jij de bevestiging van de zaal in Amersfoort al binnen? Ik kreeg net een
vraag van een deelnemer over parkeren. groetjes M.
""", "no_request", "", "vraag ter informatie")

mail("dev", "nl-admin", K, "Agenda volgende week", "2026-03-12 17:49", """\
Hi Femke,

Kun je volgende week nog twee kennismakingsgesprekken inplannen? Eén met Sarah Koster
(telefoon staat in de mail van vanmiddag) en één met het team van Vitens. Liefst op
woensdag of vrijdagochtend. Graag ook de afspraak met de accountant verzetten naar de week
erna, die komt nu slecht uit.

Thanks,
Marieke
""", "in_scope", "", "afspraken inplannen en verzetten")

# --------------------------------------------------------------------------------------------
# DEV — Fietsen Peeters (web designer), Flemish client
# --------------------------------------------------------------------------------------------
J = "Jan Peeters <jan@fietsenpeeters.example.nl>"
L = "Lien Peeters <lien@fietsenpeeters.example.nl>"

mail("dev", "nl-web", J, "webshop erbij?", "2026-02-05 19:22", """\
Allee Bram,

Nu we toch bezig zijn: kunnen we er ne kleine webshop bij zetten? Niks groots, gewoon
zodat de mensen fietslichten, sloten en binnenbanden online kunnen kopen en betalen met
Bancontact. Ik krijg daar in de winkel veel vragen over.

Laat maar weten wat ge ervan denkt.
Jan
""", "out_of_scope", "excluded", "webshop toevoegen, uitgesloten")

mail("dev", "nl-web", J, "Re: Ontwerp homepage - eerste versie", "2026-02-11 21:05", """\
Dag Bram,

Hier onze feedback op de homepage, dat is dan onze eerste correctieronde:
- de knop "afspraak maken" mag groener, nu valt hij weg
- de foto van de winkel liever bovenaan in plaats van die van de bakfiets
- het logo mag iets groter in de header, het is nu zo'n postzegel
- bij openingsuren staat maandag open, maar we zijn op maandag gesloten

Voor de rest zijn Lien en ik heel content!

Jan

On Tue, 10 Feb 2026 at 16:30, Bram Claes <bram@studioclaes.example.nl> wrote:
> Dag Jan,
>
> In bijlage de eerste versie van de homepage. Laat gerust weten wat ge wilt aanpassen,
> jullie hebben twee correctierondes.
>
> Groeten,
> Bram
""", "in_scope", "", "eerste correctieronde; logo alleen groter in de layout, geen logo-ontwerp",
     reply=True)

mail("dev", "nl-web", L, "nog wat opmerkingen", "2026-02-25 10:14", """\
Hoi Bram,

Sorry, dit is al onze derde ronde opmerkingen, maar Jan en ik hebben er nog eens goed naar
gekeken. Op de pagina herstellingen zouden we de prijzen liever in een tabel zien, en op de
over-ons-pagina mag de foto van ons team groter.

Kunt ge dat nog aanpassen?

Vriendelijke groeten,
Lien
""", "out_of_scope", "quantity", "derde correctieronde, twee afgesproken")

mail("dev", "nl-web", J, "teksten", "2026-02-04 22:37", """\
Bram,

Ik moet eerlijk zijn, ik ben nog niet begonnen aan de teksten. In de winkel is het druk met
de herstellingen van de winterfietsen. Kunt gij die niet schrijven? Ge weet toch wat er op de
site van een fietsenwinkel moet staan. Ik lees ze dan na.

Mvg
Jan
""", "out_of_scope", "client_duty", "teksten schrijven, die levert de klant")

mail("dev", "nl-web", J, "tweedehands + vroeger online", "2026-02-17 08:26", """\
Goeiemorgen Bram,

Twee vragen:

1. Kunnen we ook een pagina met tweedehands fietsen toevoegen? Dat wordt dan de zesde
pagina naast de vijf die we hadden. Ik zet er zelf elke week de nieuwe fietsen op.

2. Kan de site al op 1 maart online in plaats van 13 maart? Dan vallen we samen met de
start van ons voorjaarsonderhoud en staat het op onze affiches.

Bedankt!
Jan Peeters
Fietsen Peeters - Verkoop | Herstellingen | Verhuur
""", "out_of_scope", "quantity;deadline", "zesde pagina bij vijf afgesproken; oplevering 1 maart i.p.v. 13 maart")

mail("dev", "nl-web", L, "teksten herstellingen", "2026-02-06 15:50", """\
Dag Bram,

De teksten voor de pagina over herstellingen zitten in de bijlage. De rest volgt maandag,
Jan is er nog mee bezig. De foto's van de werkplaats maakt mijn broer zaterdag.

Groetjes,
Lien
""", "no_request", "", "nieuws: teksten aangeleverd, foto's volgen")

mail("dev", "nl-web", J, "Re: planning", "2026-01-28 18:11", """\
Dag Bram, dat is allemaal goed voor ons. Misschien kunnen we volgend jaar eens praten over
een webshop, maar nu eerst de site. Eén ding tegelijk :-)

Jan
""", "no_request", "", "hypothetisch: webshop misschien volgend jaar", reply=True)

mail("dev", "nl-web", "Jan Peeters <jan.peeters62@skynet.example.be>", "formulier", "2026-02-20 23:02", """\
Bram, ik stuur dit van thuis. Kunt ge in het afspraakformulier ook een veld zetten voor het
merk van de fiets? Dat is handig voor ons.
Jan
""", "unknown_sender", "", "klant schrijft vanaf privéadres dat geen contact is")

mail("dev", "nl-web", J, "ook een flyer voor de heropening?", "2026-03-09 12:40", """\

Verstuurd vanaf mijn iPhone
""", "out_of_scope", "new_work", "alleen onderwerp: flyer ontwerpen")

mail("dev", "nl-web", J, "afspraakformulier", "2026-02-27 11:03", """\
Hallo Bram,

Graag het afspraakformulier zo instellen dat de klanten voor herstellingen enkel dinsdag en
donderdag kunnen kiezen. Op die dagen staat er één mecanicien extra. En vergeet het kaartje
niet, we zitten in de Statiestraat, niet de Stationsstraat, dat gaat vaak mis.

Groeten,
Jan
""", "in_scope", "", "afspraakformulier en kaartje instellen", charset="windows-1252")

mail("dev", "nl-web", J, "Google + hosting", "2026-01-30 20:17", """\
Bram,

Ge moet er wel voor zorgen dat we bovenaan staan in Google als iemand 'fietsenmaker Berchem'
zoekt, anders heeft die hele site geen zin he.

En kunt ge de hosting voor ons regelen bij Combell? Ik snap niks van die pakketten. Zet het
maar op uw naam, dan betalen wij het u terug.

Groeten,
Jan
""", "out_of_scope", "excluded;client_duty", "SEO uitgesloten; hosting regelen levert klant", html_only=True)

# --------------------------------------------------------------------------------------------
# DEV — Hoveniersbedrijf Groen & Zo (boekhouder)
# --------------------------------------------------------------------------------------------
P = "Peter Bos <peter@groenenzo.example.nl>"
I = "Ingrid Bos <ingrid@groenenzo.example.nl>"

mail("dev", "nl-boekhouding", I, "urenstaten februari", "2026-03-02 09:11", """\
Goedemorgen Nicole,

De urenstaten van februari staan in de map. Wil je de facturen voor de onderhoudsklanten
maken? Het zijn er 18 deze maand, de vaste tuinen plus de snoeiklus bij Van Dam.

Groetjes,
Ingrid
""", "in_scope", "", "18 facturen, 25 per maand afgesproken", html_only=True)

mail("dev", "nl-boekhouding", I, "voorjaarsbeurt", "2026-02-26 14:27", """\
Hoi Nicole,

In maart doen we de voorjaarsbeurt bij alle vaste klanten. Dat worden zo'n 40 facturen, die
wil ik graag allemaal in maart nog de deur uit hebben zodat het geld binnen is voor de
nieuwe maaier. Lukt dat?

Gr. Ingrid
""", "out_of_scope", "quantity", "40 facturen in een maand, 25 afgesproken")

mail("dev", "nl-boekhouding", P, "leerling", "2026-02-12 20:45", """\
Nicole,

We nemen per 1 maart een leerling aan, Daan, 17 jaar, via de BBL. Kun jij elke maand zijn
loonstrook maken en de loonaangifte doen? Ik heb geen idee hoe dat moet.

Peter
""", "out_of_scope", "excluded", "loonadministratie, uitgesloten")

mail("dev", "nl-boekhouding", P, "bonnetjes", "2026-01-08 18:03", """\
hoi nicole ik krijg de bonnetjes van december niet bij elkaar, de helft is kwijt in de bus.
kun jij ze bij de hornbach en de intratuin opvragen? we hebben daar een zakelijke pas.
peter
""", "out_of_scope", "client_duty", "bonnetjes opvragen bij leveranciers; klant levert bonnen")

mail("dev", "nl-boekhouding", P, "btw Q4", "2026-01-06 07:33", """\
Goedemorgen Nicole,

Kan de btw-aangifte van het vierde kwartaal al deze week de deur uit? De bank wil de
cijfers zien voor de rekening-courant. Desnoods in het weekend, ik betaal het extra.

Groet,
Peter Bos
Hoveniersbedrijf Groen & Zo | Tuinaanleg | Onderhoud | Bestrating
""", "out_of_scope", "deadline", "btw-aangifte eerder dan afgesproken, weekendwerk aangeboden")

mail("dev", "nl-boekhouding", P, "belastingdienst", "2026-02-04 12:15", """\
Hoi Nicole, ik heb ook de aanslag van de belastingdienst betaald, die van de
motorrijtuigenbelasting. Voor de volledigheid.
Gr Peter
""", "no_request", "", "'ook' in een mededeling")

mail("dev", "nl-boekhouding", P, "btw", "2026-01-21 16:40", """\
Nicole, hoeveel btw moeten we ongeveer betalen over Q4? Dan weet ik of ik die nieuwe
bladblazer nu al kan kopen of dat ik beter kan wachten.

Peter
""", "no_request", "", "vraag ter informatie")

mail("dev", "nl-boekhouding", I, "De Wit", "2026-03-11 10:02", """\
Hoi Nicole,

Die herinnering aan De Wit hoeft niet meer, hij heeft vanochtend alles in één keer betaald.
Scheelt weer!

Ingrid
""", "no_request", "", "intrekking herinnering")

mail("dev", "nl-boekhouding", P, "RE: kwartaaloverzicht en jaarrekening", "2026-01-14 19:58", """\
Prima, stuur het kwartaaloverzicht maar naar mij als het klaar is. En verwerk ff de
afschrijving van de nieuwe aanhanger, die hebben we in november gekocht.

Peter

-----Oorspronkelijk bericht-----
Van: Nicole Verbeek <nicole@verbeekadministratie.example.nl>
Verzonden: woensdag 14 januari 2026 11:20
Aan: Peter Bos <peter@groenenzo.example.nl>
Onderwerp: RE: kwartaaloverzicht en jaarrekening

Hoi Peter,

Het kwartaaloverzicht van Q4 is bijna klaar. De jaarrekening valt niet in onze afspraak,
die heb je vorig jaar bij Koster Accountants laten doen. Zal ik de stukken naar hen sturen?

Groet, Nicole

-----Oorspronkelijk bericht-----
Van: Peter Bos
Verzonden: dinsdag 13 januari 2026 21:40
Onderwerp: kwartaaloverzicht en jaarrekening

Kun je ook de jaarrekening 2025 maken? En wanneer komt het kwartaaloverzicht?
""", "in_scope", "", "kwartaaloverzicht en afschrijving; jaarrekening alleen in citaat",
     reply=True, cte="base64")

mail("dev", "nl-boekhouding", P, "bus en verzekering", "2026-02-18 21:30", """\
Hoi Nicole,

Kun je ook ff een leaseaanvraag doen voor een nieuwe bus bij de ABN? Onze oude Transit is
echt op en dat soort financiële papieren is niks voor mij. En de verzekeraar wil een overzicht van al onze machines met aanschafdatum en
waarde, kun jij dat maken? Ik weet dat het meeste in de boekhouding staat.

Groeten,
Peter
""", "out_of_scope", "excluded;new_work", "leaseaanvraag (financiering uitgesloten) en machineoverzicht verzekering",
     charset="iso-8859-1")

mail("dev", "nl-boekhouding", I, "openstaande facturen", "2026-02-09 13:37", """\
Hallo Nicole,

Er staan nog vijf facturen van december open, o.a. bij Vastgoed Hendriks en de VvE aan de
Parklaan. Wil je daar een betalingsherinnering voor sturen? Vriendelijk graag, het zijn
goede klanten.

Dank je wel,
Ingrid
""", "in_scope", "", "betalingsherinneringen")

# --------------------------------------------------------------------------------------------
# DEV — B&B De Oude Pastorie (schilder), Flemish client
# --------------------------------------------------------------------------------------------
E = "Els Vandenberghe <els@deoudepastorie.example.nl>"

mail("dev", "nl-schilder", E, "ontbijtruimte", "2026-02-12 17:20", """\
Dag Wim,

Het ziet er al prachtig uit boven! Als ge toch bezig zijt, kunt ge dan ook de
ontbijtruimte beneden doen? Die is sinds de verbouwing niet meer geverfd en de gasten zitten
daar toch elke ochtend. Zelfde kleur als kamer 1 mag.

Groetjes,
Els
""", "out_of_scope", "new_work", "ontbijtruimte beneden, niet in de afspraak")

mail("dev", "nl-schilder", E, "proefvlak", "2026-02-05 08:41", """\
Hallo Wim,

Het tweede proefvlak is toch net iets te grijs bij daglicht, vindt Koen ook. Kunnen we nog
een derde proefvlak zetten met een warmere tint? Ik denk aan iets tussen het eerste en het
tweede in.

Els
""", "out_of_scope", "quantity", "derde proefvlak, twee afgesproken")

mail("dev", "nl-schilder", E, "luiken", "2026-02-19 12:03", """\
Wim,

Ik liep vanmiddag rond het huis en de luiken aan de voorkant zien er ook triestig uit naast
die frisse kamers. Zoudt ge die ook ne keer kunnen schilderen? Groen zoals nu, maar dan
proper.

Mvg
Els
""", "out_of_scope", "excluded", "luiken buiten, buitenwerk uitgesloten")

mail("dev", "nl-schilder", E, "kamers nog niet leeg", "2026-02-01 20:34", """\
Dag Wim,

Slecht nieuws: we hebben de kamers nog niet leeg gekregen, Koen zijn rug speelt op. Kunnen
uw gasten morgen de bedden en de kasten naar de zolder dragen voor ze beginnen?
En zoudt ge dan zaterdag kunnen doorwerken, zodat we toch op 27/2 klaar zijn?

Sorry!
Els
""", "out_of_scope", "client_duty;deadline", "meubels verplaatsen (klant maakt leeg) en zaterdagwerk")

mail("dev", "nl-schilder", E, "kleuren", "2026-02-06 09:15", """\
Goeiemorgen Wim,

Kamer 2 mag in de kleur van het tweede proefvlak, het nummer staat op het potje in de gang.
Kamer 1 en 3 in de lichte kleur van het eerste proefvlak. Plafonds gewoon wit.

Merci!
Els
""", "in_scope", "", "kleurkeuze doorgegeven en kamers volgens afspraak schilderen")

mail("dev", "nl-schilder", E, "plinten kamer 3", "2026-02-16 13:28", """\
Wim, wilt ge de plinten in kamer 3 ook in hoogglans doen, zoals de deuren? Dan is het
overal hetzelfde.
Els

Verstuurd vanaf mijn iPhone
""", "in_scope", "", "plinten zijn houtwerk; 'ook' is geen extra werk", html_only=True)

mail("dev", "nl-schilder", E, "Dank u!", "2026-02-23 18:50", """\
Dag Wim,

Dank u, kamer 1 is echt prachtig geworden. Ik heb er vanavond al foto's van gemaakt voor
Booking. De eerste gasten komen op 6 maart, we zijn er klaar voor!

Groeten aan uw mannen,
Els
""", "no_request", "", "bedankje")

mail("dev", "nl-schilder", E, "deur kamer 3", "2026-02-10 07:59", """\
Dag Wim,
Ge moet de deur van kamer 3 toch niet lakken, die gaan we vervangen door een
brandwerende deur van de schrijnwerker.
Els
""", "no_request", "", "intrekking: deur niet lakken")

mail("dev", "nl-schilder", E, "maandag", "2026-01-30 11:46", """\
hoe laat zijn jullie maandag hier? dan zet ik koffie klaar en doe ik de achterdeur open.
els
""", "no_request", "", "vraag ter informatie")

mail("dev", "nl-schilder", "Marc De Smet <marc.desmet@telenet.example.be>", "schilderwerk living", "2026-02-21 10:12", """\
Goeiedag,

Ik ben de buurman van de Pastorie, Els gaf mij uw adres. Zoudt ge bij mij ook ne keer
kunnen komen kijken? Het gaat om de living en de keuken, een stuk of 60 m2.

Met vriendelijke groeten,
Marc De Smet
""", "unknown_sender", "", "buurman, geen contact van een afspraak")

mail("dev", "nl-schilder", E, "Re: planning week 2", "2026-02-09 18:22", """\
Ok, dat is goed. Die scheur boven het raam in kamer 2, kunt ge die meteen dichtsmeren
voor ge verft? Anders ziet ge die door de verf heen.

Els

Op ma 9 feb. 2026 om 17:02 schreef Wim Maes <wim@schilderwerkenmaes.example.nl>:
> Dag Els,
>
> Deze week doen we kamer 2 en de overloop. Kamer 1 is af, de tweede laag is gisteren
> gezet. Donderdag beginnen we aan de deuren.
>
> Groeten,
> Wim
""", "out_of_scope", "excluded", "scheur herstellen, herstelwerk uitgesloten", reply=True, cte="base64")


# --------------------------------------------------------------------------------------------
# Wrapping: headers, HTML, transfer encodings. The texts above are the corpus; this only packs.
# --------------------------------------------------------------------------------------------

def _header(value: str) -> str:
    try:
        value.encode("ascii")
        return value
    except UnicodeEncodeError:
        return Header(value, "utf-8").encode()


def _address(value: str) -> str:
    name, addr = parseaddr(value)
    return formataddr((name, addr), charset="utf-8")


def _to_html(text: str) -> str:
    """Plain text to the kind of HTML a webmail composer writes; '>' lines become a blockquote."""
    out, para, quote = [], [], []

    def flush_para():
        if para:
            out.append("<p>" + "<br>\n".join(html.escape(x) for x in para) + "</p>")
            para.clear()

    def flush_quote():
        if quote:
            inner = _to_html("\n".join(q[1:].lstrip(" ") if q.startswith(">") else q for q in quote))
            out.append('<blockquote style="margin:0 0 0 .8ex;border-left:1px solid #ccc;'
                       'padding-left:1ex">' + inner + "</blockquote>")
            quote.clear()

    for line in text.splitlines():
        if line.startswith(">"):
            flush_para()
            quote.append(line)
            continue
        flush_quote()
        if line.strip():
            para.append(line)
        else:
            flush_para()
    flush_para()
    flush_quote()
    return "\n".join(out)


def _date(stamp: str) -> str:
    from datetime import datetime
    d = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    return d.strftime("%a, %d %b %Y %H:%M:00 +0100")


def render(m: dict, n: int) -> bytes:
    name_to, addr_to = VA[m["client"]]
    _, sender_addr = parseaddr(m["sender"])
    domain = sender_addr.rpartition("@")[2]
    seed = hashlib.sha1(f"nl-{n}-{m['subject']}".encode()).hexdigest()
    headers = [
        ("From", _address(m["sender"])),
        ("To", formataddr((name_to, addr_to))),
        ("Subject", _header(m["subject"])),
        ("Date", _date(m["date"])),
        ("Message-ID", f"<{seed[:16]}.{n}@{domain}>"),
    ]
    if m["reply"]:
        va_domain = addr_to.rpartition("@")[2]
        parent = f"<{seed[16:32]}@{va_domain}>"
        headers += [("In-Reply-To", parent), ("References", parent)]
    headers.append(("MIME-Version", "1.0"))

    body = m["body"]
    subtype = "plain"
    if m["html_only"]:
        subtype = "html"
        body = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset="
                + m["charset"] + "\"></head><body>\n" + _to_html(body) + "\n</body></html>\n")
    charset = m["charset"]
    raw = body.encode(charset)
    cte = m["cte"]
    if cte == "quoted-printable":
        payload = quopri.encodestring(raw)
    elif cte == "base64":
        payload = base64.encodebytes(raw)
    else:
        cte = "7bit" if raw.isascii() else "8bit"
        payload = raw
    headers.append(("Content-Type", f"text/{subtype}; charset=\"{charset}\""))
    headers.append(("Content-Transfer-Encoding", cte))
    head = "".join(f"{k}: {v}\n" for k, v in headers).encode("ascii")
    return head + b"\n" + payload


def build() -> None:
    rows = []
    n = 0
    for split in ("dev", "holdout"):
        folder = MAIL_DIR / split
        folder.mkdir(parents=True, exist_ok=True)
        for old in folder.glob("*.eml"):
            old.unlink()
        batch = [m for m in MAILS if m["split"] == split]
        # File order is shuffled so a file's number says nothing about client or verdict.
        random.Random(f"scopewatch-nl-{split}").shuffle(batch)
        for m in batch:
            n += 1
            rel = f"nl/{split}/{n:04d}.eml"
            (MAIL_DIR.parent / rel).write_bytes(render(m, n))
            client = "" if m["verdict"] == "unknown_sender" else m["client"]
            rows.append([rel, client, m["verdict"], m["cats"], m["note"]])
    with open(HERE / "labels-nl.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh, lineterminator="\n")
        w.writerow(["file", "client", "verdict", "categories", "note"])
        w.writerows(rows)
    print(f"wrote {n} mails and labels-nl.csv")


if __name__ == "__main__":
    build()

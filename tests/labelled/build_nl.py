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
# HOLDOUT — Bloemsierkunst Margriet (social media)
# --------------------------------------------------------------------------------------------
M2 = "Margriet Hoekstra <margriet@bloemsierkunstmargriet.example.nl>"
W = "Winkel Bloemsierkunst Margriet <winkel@bloemsierkunstmargriet.example.nl>"

mail("holdout", "nl-social", M2, "TikTok", "2026-01-16 22:10", """\
Hoi Lotte,

Mijn dochter (16) zegt dat we echt op TikTok moeten, daar zitten alle jonge bruidjes
tegenwoordig. Kun jij daar filmpjes voor maken? Een paar per week lijkt me genoeg, gewoon
van het binden van de boeketten. Mss is het ook leuk voor jou?

Wat vind jij?
Margriet
""", "out_of_scope", "new_work", "TikTok-filmpjes, alleen Instagram afgesproken")

mail("holdout", "nl-social", M2, "open dag maandag!!", "2026-03-07 16:45", """\
lotte, ik ben helemaal vergeten te zeggen dat we maandag open dag hebben voor de
bruidsworkshops. kun je zondagavond nog n extra post zetten? dat is dan de vierde deze
week maar het is belangrijk. sorry sorry

margriet
""", "out_of_scope", "quantity;deadline", "vierde post in een week en werk op zondagavond")

mail("holdout", "nl-social", M2, "Bruidsbeurs Nijkerk", "2026-02-18 11:36", """\
Hallo Lotte,

Aanstaande zaterdag staan we op de bruidsbeurs in Nijkerk. Kun je daar deze week tien stories
over doen? Een paar aankondigingen vooraf en dan zaterdag live vanaf de stand, dus ook in het
weekend.

Ik sta zelf de hele dag achter de stand en heb echt geen handen vrij om foto's te maken. Zou
jij mee kunnen gaan om te fotograferen?

Groetjes en alvast heel erg bedankt,
Margriet
""", "out_of_scope", "quantity;deadline;client_duty",
     "tien stories (vijf per week), zaterdagwerk en zelf fotograferen")

mail("holdout", "nl-social", W, "paastakken + nieuwsbrief", "2026-03-16 09:28", """\
Hoi Lotte,

Graag ook de nieuwsbrief van maart in Mailchimp zetten, de tekst heb ik al geschreven (zit
in de bijlage). Het is maar één mailing, dus het moet vlot gaan denk ik.

En de post over de paastakken kan woensdag, zoals we in de planning hadden.

Groet vanuit de winkel,
Margriet en Joyce
""", "out_of_scope", "excluded", "nieuwsbrief uitgesloten; paastakken-post wel binnen afspraak")

mail("holdout", "nl-social", M2, "LinkedIn uitvaartondernemers", "2026-02-09 14:02", """\
Dag Lotte,

Ik heb een vraag. Een groot deel van ons rouwwerk komt via uitvaartondernemers. Zou je ook
op LinkedIn iets kunnen plaatsen over onze rouwstukken, zodat die ons beter leren kennen?
Ik heb wel een profiel maar daar doe ik nooit iets mee.

Hartelijke groet,
Margriet Hoekstra
""", "out_of_scope", "new_work", "LinkedIn-posts, geen deliverable")

mail("holdout", "nl-social", M2, "boosten?", "2026-02-20 19:51", """\
Hoi Lotte! Ik las dat je een post kunt boosten. Zou het niet slim zijn om die post over de
bruidsbeurs te boosten? 50 euro ofzo, dan zien meer mensen uit de buurt hem. Doe maar als je
denkt dat het werkt.
Xx Margriet
""", "out_of_scope", "excluded", "betaald boosten van een post, uitgesloten", html_only=True)

mail("holdout", "nl-social", M2, "Re: Planning april", "2026-03-26 10:17", """\
Hoi Lotte,

Ziet er goed uit hoor! Eén ding: wil jij bedenken welke actie we met Pasen doen? Iets met
korting op paastakken en eieren, jij weet beter wat werkt op Instagram. Dan zet je dat er
meteen in.

Margriet

Op wo 25 mrt. 2026 om 15:03 schreef Lotte de Wit <lotte@lottesocials.example.nl>:
> Hoi Margriet,
>
> Hierbij de contentkalender voor april. Bij 1 april heb ik een plekje vrijgehouden voor
> een paasactie. Laat je weten welke actie je wilt doen en wat de prijzen zijn?
>
> Groetjes,
> Lotte
""", "out_of_scope", "client_duty", "paasactie en korting bedenken; acties geeft klant door", reply=True)

mail("holdout", "nl-social", M2, "rapportage februari", "2026-02-16 08:05", """\
Goedemorgen Lotte,

Kun je de maandrapportage van februari deze keer al op 25 februari sturen in plaats van
begin maart? Ik heb op de 26e een gesprek met de bank over de verbouwing van de werkplaats en
wil laten zien hoe we groeien.

Groetjes,
Margriet
""", "out_of_scope", "deadline", "maandrapport eerder dan de eerste werkdag van de maand")

mail("holdout", "nl-social", M2, "reactie mevrouw Smit", "2026-01-23 15:33", """\
Hoi Lotte,

Wil je op die reactie van mevrouw Smit onder het rouwstuk even vriendelijk reageren? Ze was
niet tevreden over de kleur van de lelies. Zeg maar dat het me spijt en dat ze me altijd
kan bellen op het winkelnummer.

Dank je,
Margriet
""", "in_scope", "", "reageren op een reactie (community)", cte="quoted-printable")

mail("holdout", "nl-social", M2, "Re: contentkalender april", "2026-03-27 13:48", """\
Kalender april ziet er mooi uit. Alleen graag de post over de kransworkshop van vrijdag naar
maandag verplaatsen, dan hebben mensen het weekend om zich op te geven.

Groetjes!

> Hoi Margriet, hierbij de kalender voor april ter goedkeuring. Groet, Lotte
""", "in_scope", "", "aanpassing aan de contentkalender", reply=True, html_only=True)

mail("holdout", "nl-social", M2, "", "2026-03-04 12:22", """\
kun je deze in de story van vandaag zetten? zijn de eerste pioenen 😍

Verstuurd vanaf mijn iPhone
""", "in_scope", "", "één story met eigen foto, lege onderwerpregel")

mail("holdout", "nl-social", M2, "posts volgende week", "2026-02-26 17:04", """\
Hai Lotte,

Wil je volgende week de drie posts doen over de voorjaarsworkshop, de tulpen uit
Noord-Holland en de nieuwe rouwkransen? De foto's stuur ik morgen.

Groetjes,
Margriet
""", "in_scope", "", "drie posts, precies het weeklimiet")

mail("holdout", "nl-social", M2, "wetransfer", "2026-02-23 20:14", """\
Hoi, heb je de foto's van de bruidsbeurs ontvangen? Ik heb ze gisteren via WeTransfer
gestuurd maar ik kreeg geen melding dat ze gedownload waren.
Margriet
""", "no_request", "", "vraag ter informatie over foto's")

mail("holdout", "nl-social", M2, "Re: kwartaal", "2026-03-30 11:40", """\
Dank je Lotte, fijn om zo terug te kijken op het kwartaal. Misschien is het na de zomer
leuk om ook iets met een webshop te doen, maar daar hebben we het dan wel over. Eerst maar
eens de bruiloften van mei en juni overleven!

Groetjes, Margriet
""", "no_request", "", "hypothetisch: webshop na de zomer", reply=True)

mail("holdout", "nl-social", M2, "vol!", "2026-03-13 18:26", """\
Lotte!! De kransworkshop van zaterdag zit helemaal vol, allemaal via jouw posts. Ook de
rouwkransen lopen ineens super. Ik ben zo blij dat ik je heb gevraagd.

Fijne avond,
Margriet

--
Bloemsierkunst Margriet
Bruidswerk - Rouwwerk - Workshops - Bezorging in Amersfoort e.o.
""", "no_request", "", "bedankje met 'ook'; handtekening noemt diensten")

mail("holdout", "nl-social", M2, "kerststukken story", "2026-01-07 09:03", """\
Hoi Lotte,

Die story over de opruiming van de kerststukken hoeft niet meer, alles is al weg, zelfs de
grote stukken van €45! Je
ideeën voor januari vind ik verder prima.

Groetjes,
Margriet
""", "no_request", "", "intrekking: story hoeft niet meer", charset="windows-1252")

mail("holdout", "nl-social", "Sanne Kuipers <sanne.kuipers94@hotmail.example.nl>", "bruidsboeket bestellen", "2026-02-27 21:37", """\
Hallo,

Ik zag jullie post over de bruidsboeketten op Instagram en ik ben er helemaal verliefd op.
Kan ik bij jullie een boeket bestellen voor 14 maart? Ik trouw dan in Baarn.

Liefs, Sanne
""", "unknown_sender", "", "klant van de bloemist schrijft de VA")

mail("holdout", "nl-social", M2, "DM weddingplanner", "2026-03-19 10:55", """\
Hoi Lotte,

Er staat een DM van een weddingplanner uit Utrecht, 'Wonderful Weddings' of zo. Kun je
haar antwoorden dat ik graag een keer kennismaak en dat ze me kan mailen?

Groetjes, Margriet
""", "in_scope", "", "DM beantwoorden (community)")

# --------------------------------------------------------------------------------------------
# HOLDOUT — Van Leeuwen Coaching & Training (admin)
# --------------------------------------------------------------------------------------------
K2 = "Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>"
R = "Ruben Smit <ruben@vanleeuwencoaching.example.nl>"

mail("holdout", "nl-admin", K2, "aanmeldpagina", "2026-01-26 10:40", """\
Hoi Femke,

Voor de nieuwe open training 'Regie over je werkdag' wil ik een aparte aanmeldpagina op
onze website, met een formuliertje waar mensen zich kunnen inschrijven. Zou jij die kunnen
maken? Je hebt vast wel eens met WordPress gewerkt.

Groetjes,
Marieke
""", "out_of_scope", "new_work", "aanmeldpagina op de website maken")

mail("holdout", "nl-admin", K2, "na de training", "2026-02-13 17:32", """\
Hoi Femke,

De training bij Vitens was een succes! Wil je morgen een LinkedIn-post plaatsen met de
groepsfoto (staat in de app-groep)? En zet de evaluatieafspraak met hun HR-manager in mijn
agenda, ergens in de week van 2 maart.

Dank je wel!
Marieke
""", "out_of_scope", "excluded", "LinkedIn-post (uitgesloten) plus agenda-afspraak (binnen)")

mail("holdout", "nl-admin", R, "extra teamoverleg", "2026-03-17 13:20", """\
Hoi Femke,

Vanwege de reorganisatie hebben we deze maand een tweede teamoverleg ingelast, donderdag
om 10 uur. Kun jij daar weer notuleren? Marieke vindt het fijn als jij het doet, dan
loopt het verslag net als de vorige keer.

Groet,
Ruben Smit
Office manager
""", "out_of_scope", "quantity", "tweede overleg in een maand, één per maand afgesproken")

mail("holdout", "nl-admin", K2, "mailing zaterdag", "2026-03-19 16:15", """\
Femke,

Morgen gaat de mailing over het najaarsprogramma de deur uit. Kun je zaterdag even de inbox
bijhouden? Ik verwacht veel reacties en ik wil niet dat mensen tot maandag op antwoord
moeten wachten.

Marieke
""", "out_of_scope", "deadline", "inbox op zaterdag, werkdagen afgesproken")

mail("holdout", "nl-admin", K2, "NS zakelijk", "2026-02-03 08:09", """\
Goedemorgen Femke,

Ik ben mijn wachtwoord van NS Zakelijk kwijt en de reset-mail komt niet aan. Kun jij regelen
dat je er weer in kunt, desnoods een nieuw account aanmaken op mijn naam? Dan kun je daarna
meteen de treinkaartjes voor Utrecht op de 12e boeken.

Mvg Marieke
""", "out_of_scope", "client_duty", "toegang tot account regelen ligt bij de klant; kaartjes boeken wel binnen")

mail("holdout", "nl-admin", K2, "RE: Offerte Rabobank", "2026-02-25 12:51", """\
Hi Femke, ik zit op Schiphol. Kun jij de offerte voor de Rabobank namens mij tekenen en
terugsturen? En betaal meteen even de factuur van De Werelt, die is al over de termijn.

Marieke

From: Femke Jansen <femke@femkeregelt.example.nl>
Sent: Wednesday, February 25, 2026 11:02 AM
To: Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>
Subject: Offerte Rabobank

Hoi Marieke,

De Rabobank heeft de offerte voor de teamdag gestuurd, ze willen hem voor vrijdag getekend
terug. Ook kwam er een aanmaning binnen van De Werelt in Lunteren.

Groet, Femke
""", "out_of_scope", "client_duty;excluded", "offerte tekenen (klant tekent) en factuur betalen (uitgesloten)",
     reply=True)

mail("holdout", "nl-admin", K2, "drukker", "2026-03-09 15:27", """\
Hoi Femke,

Het werkboek voor de training Feedback moet morgenochtend om 9 uur naar de drukker. Kun je
vanavond nog de opmaak afmaken? En zoek meteen een andere drukker uit die goedkoper is,
vraag maar bij drie drukkerijen een offerte op. Drukkerij Hoekman wordt echt te duur.

Marieke
""", "out_of_scope", "deadline;new_work", "opmaak 's avonds; drukkers vergelijken en offertes opvragen")

mail("holdout", "nl-admin", K2, "werkboeken april", "2026-03-23 09:44", """\
Hoi Femke,

In april geef ik drie trainingen: Timemanagement, Feedback en de nieuwe Regie-training. Kun je
voor alle drie het werkboek opmaken? De concepten zet ik vandaag in de Drive.

Groet,
Marieke
""", "out_of_scope", "quantity", "drie trainingen opmaken in een maand, twee per maand afgesproken")

mail("holdout", "nl-admin", K2, "standaardantwoord open trainingen", "2026-01-12 09:58", """\
Hoi Femke,

Er komen veel vragen binnen op info@ over de data van de open trainingen. Kun je die deze
week beantwoorden met het standaardantwoord? De data staan in het document 'Programma
voorjaar'. Eén aanpassing: de training van 5 maart is verplaatst naar het café van
De Observant in Amersfoort.

Bedankt!
Marieke
""", "in_scope", "", "inbox: standaardvragen beantwoorden", charset="iso-8859-1")

mail("holdout", "nl-admin", K2, "verslag teamoverleg", "2026-01-16 08:31", """\
Goedemorgen,

Graag het verslag van het teamoverleg van gisteren rondsturen naar het hele team, met de
actiepunten bovenaan en per actiepunt wie het oppakt.

Fijne vrijdag!
Marieke
""", "in_scope", "", "notulen rondsturen, één overleg")

mail("holdout", "nl-admin", K2, "slides workshop", "2026-02-05 14:03", """\
Hoi Femke,

Wil je de slides voor de workshop Feedback geven in onze huisstijl zetten? Nu is het een
allegaartje van drie oude presentaties. Het mag gewoon in PowerPoint blijven.

Groetjes,
Marieke
""", "in_scope", "", "presentatie in huisstijl (trainingsmateriaal)", html_only=True)

mail("holdout", "nl-admin", K2, "joost", "2026-03-03 08:52", """\
femke kun je mn afspraak met joost verzetten naar vrijdag? sta in de file bij hoevelaken.
thx
""", "in_scope", "", "afspraak verzetten, telefoonstijl")

mail("holdout", "nl-admin", K2, "tandarts", "2026-02-19 20:06", """\
Hoi Femke, ik heb ook mijn privéafspraak bij de tandarts zelf in de agenda gezet (donderdag
8.30), dus niet schrikken als je hem ziet. Fijne avond!
Marieke
""", "no_request", "", "mededeling met 'ook' en 'privé'")

mail("holdout", "nl-admin", K2, "Groningen", "2026-03-20 12:38", """\
Femke, super geregeld die reis naar Groningen. Het hotel was top en op loopafstand, precies
wat ik wilde. Dank je!

Marieke van Leeuwen
Van Leeuwen Coaching & Training
Leiderschap | Teamcoaching | Loopbaanbegeleiding | Trainingen op maat
""", "no_request", "", "bedankje met diensten in de handtekening")

mail("holdout", "nl-admin", K2, "uren februari", "2026-03-02 11:11", """\
Hoi Femke, hoeveel uur heb je in februari ongeveer gemaakt? Dan kan ik het meenemen in de
begroting voor het tweede kwartaal.
Groet, Marieke
""", "no_request", "", "vraag ter informatie")

mail("holdout", "nl-admin", K2, "Re: evaluatie kwartaal", "2026-03-27 16:20", """\
Dank voor je lijstje, goed om te zien wat er allemaal gebeurd is. Misschien kunnen we het na
de zomer eens hebben over mijn LinkedIn, dat ligt al maanden stil. Maar nu nog niet hoor,
eerst het voorjaar door.

Marieke

Op vr 27 mrt. 2026 om 11:05 schreef Femke Jansen <femke@femkeregelt.example.nl>:
> Hoi Marieke,
>
> Zoals beloofd een overzicht van het eerste kwartaal. Zullen we volgende week even bellen
> over april?
>
> Groet, Femke
""", "no_request", "", "hypothetisch: LinkedIn na de zomer", reply=True, cte="base64")

mail("holdout", "nl-admin", "Hanneke Vos <h.vos@vitens-hr.example.nl>", "Training 18 maart", "2026-03-10 09:21", """\
Beste Femke,

Helaas kan ik niet bij de training op 18 maart zijn. Kan ik ruilen naar de groep van april?
Graag hoor ik of dat mogelijk is.

Met vriendelijke groet,
Hanneke Vos
""", "unknown_sender", "", "deelnemer, geen contact van de klant")

# --------------------------------------------------------------------------------------------
# HOLDOUT — Fietsen Peeters (web designer), Flemish client
# --------------------------------------------------------------------------------------------
J2 = "Jan Peeters <jan@fietsenpeeters.example.nl>"
L2 = "Lien Peeters <lien@fietsenpeeters.example.nl>"

mail("holdout", "nl-web", J2, "ons logo", "2026-01-20 21:48", """\
Dag Bram,

Nu ik die eerste schetsen zie, valt het pas op hoe oud ons logo eruitziet. Het is van 1998,
getekend door mijn nonkel. Zoudt ge dat ook ne keer kunnen opfrissen? Gewoon wat moderner,
de fiets mag blijven.

Groeten,
Jan
""", "out_of_scope", "excluded", "logo opfrissen, logo en huisstijl uitgesloten")

mail("holdout", "nl-web", L2, "na de oplevering", "2026-03-12 14:16", """\
Hoi Bram,

Nog een vraagje voor na de oplevering: kunt ge dan elke maand de plugins en de updates
bijhouden? Wij gaan daar zelf echt niet aan denken en ik wil niet dat de site gehackt wordt.

Groetjes,
Lien
""", "out_of_scope", "excluded", "onderhoud en updates na oplevering, uitgesloten")

mail("holdout", "nl-web", J2, "foto's", "2026-02-13 18:40", """\
Bram,

Mijn broer heeft de foto's verprutst, ze zijn allemaal donker en scheef. Kunt gij niet ne
keer langskomen om foto's van de winkel en de werkplaats te trekken? Ge hebt daar
waarschijnlijk een beter toestel voor.

Jan
""", "out_of_scope", "client_duty", "foto's maken, die levert de klant")

mail("holdout", "nl-web", L2, "Franse versie", "2026-02-02 11:55", """\
Dag Bram,

We hebben veel Franstalige klanten uit Brussel die hier komen voor de fietsverhuur. Zou het
mogelijk zijn om de site ook in het Frans te maken, met zo'n knopje NL/FR bovenaan?

Vriendelijke groet,
Lien Peeters
""", "out_of_scope", "new_work", "Franstalige versie van de site")

mail("holdout", "nl-web", J2, "fietsbeurs + domein", "2026-01-29 22:31", """\
Bram, groot nieuws, we staan op de fietsbeurs in Antwerp Expo op 28 februari! We willen de
site daar tonen. Kunt ge dan al klaar zijn? Dat is twee weken vroeger dan gepland, ik weet
het.

En de domeinnaam, fietsenpeeters.be, kunt ge die voor ons registreren? Ik heb geen idee bij
wie dat moet.

Merci!
Jan
""", "out_of_scope", "deadline;client_duty", "oplevering 28 feb i.p.v. 13 maart; domeinnaam registreren levert klant")

mail("holdout", "nl-web", L2, "contactpagina", "2026-03-05 09:07", """\
Hallo Bram,

Ik weet dat we onze twee correctierondes al gehad hebben, maar zou er nog één ronde
aanpassingen op de contactpagina kunnen? Het adres staat nu onder de kaart en de
openingsuren zijn in het klein.

Groeten,
Lien
""", "out_of_scope", "quantity", "ronde na de twee afgesproken correctierondes")

mail("holdout", "nl-web", L2, "blog met fietstochten", "2026-02-26 20:03", """\
Hoi Bram!

Jan en ik hadden een idee: een blog op de site waar we fietstochten rond Antwerpen op zetten,
met een kaartje en een routebestand om te downloaden. Zoudt ge dat erbij kunnen maken? En
als het kan dit weekend al, want maandag komt de Gazet van Antwerpen langs voor een artikel.

Lien
""", "out_of_scope", "new_work;deadline", "blog met routes, en weekendwerk om sneller te zijn")

mail("holdout", "nl-web", J2, "Google Ads campagne opzetten voor de opening van de site?", "2026-03-10 07:45",
     "\n", "out_of_scope", "excluded", "alleen onderwerp: Google Ads, uitgesloten")

mail("holdout", "nl-web", J2, "Re: Ontwerp - tweede versie", "2026-02-20 12:25", """\
Dag Bram,

Dit is dan onze tweede en laatste ronde, beloofd:
- op de pagina fietsen de merken in alfabetische volgorde
- de foto van de bakfiets mag eruit
- het telefoonnummer ook bovenaan rechts

Voor de rest is het top!

Jan

> Dag Jan, in bijlage de tweede versie met jullie opmerkingen verwerkt. Jullie hebben
> nog één correctieronde. Groeten, Bram
""", "in_scope", "", "tweede correctieronde, binnen de twee", reply=True, html_only=True)

mail("holdout", "nl-web", L2, "uitleg", "2026-03-11 16:42", """\
Hoi Bram,

Wanneer kunnen we dat uur uitleg inplannen? Jan en ik willen leren hoe we zelf de
openingsuren en de vakantiesluiting aanpassen. Liefst op een dinsdagavond na sluiting, of
op zondag, dan zijn we allebei vrij.

Lien
""", "in_scope", "", "het afgesproken uur uitleg inplannen (avond/zondag voor de klant, niet om te versnellen)")

mail("holdout", "nl-web", J2, "menu op gsm", "2026-03-02 08:18", """\
Bram, op mijn gsm valt het menu half van het scherm, zie screenshot. Kunt ge dat nakijken?
Op de computer is het wel goed.

Verstuurd vanaf mijn iPhone
""", "in_scope", "", "fout in de mobiele weergave, valt onder bouw")

mail("holdout", "nl-web", L2, "kaartje contactpagina", "2026-02-16 13:30", """\
Dag Bram,

Zet de Google Maps-kaart op de contactpagina aub iets groter, nu zie je de Statiestraat
bijna niet. En graag een pinnetje op de ingang van de werkplaats, niet op de winkel.

Bedankt!
Lien
""", "in_scope", "", "kaartje aanpassen (afspraakformulier/kaart)", cte="quoted-printable")

mail("holdout", "nl-web", J2, "hosting", "2026-01-27 10:26", """\
Dag Bram,

De domeinnaam is geregistreerd en de hosting is besteld bij Combell, het kleinste
WordPress-pakket. De inloggegevens stuur ik u via sms, dat lijkt me veiliger.

Mvg
Jan
""", "no_request", "", "nieuws: domein en hosting geregeld door klant")

mail("holdout", "nl-web", J2, "planning", "2026-03-03 19:05", """\
Zijt ge nog op schema voor de 13e? Ik moet de affiches voor het voorjaarsonderhoud laten
drukken en wil weten of ik de url er al op kan zetten.
Jan
""", "no_request", "", "vraag ter informatie over de planning")

mail("holdout", "nl-web", J2, "Re: eerste ontwerpen", "2026-01-23 17:50", """\
Dag Bram,

Schoon werk! Lien en ik waren er allebei direct weg van, 'très chic' zei mijn schoonmoeder.
We zijn benieuwd naar de rest.

Met vriendelijke groeten,
Jan Peeters
Fietsen Peeters - Verkoop | Herstellingen | Verhuur | Webshop (binnenkort!)
Statiestraat 112, 2600 Berchem
""", "no_request", "", "bedankje; handtekening noemt webshop", reply=True, charset="windows-1252")

mail("holdout", "nl-web", L2, "fotogalerij", "2026-02-23 10:48", """\
Hoi Bram,

Die fotogalerij op de pagina over ons moet niet meer, we houden het simpel met die ene foto
van het team. Scheelt u ook werk.

Groeten,
Lien
""", "no_request", "", "intrekking: fotogalerij hoeft niet meer")

mail("holdout", "nl-web", "Tom Janssens <tom@fietsenjanssens.example.be>", "website", "2026-03-13 15:12", """\
Goeiendag,

Ik heb een fietsenwinkel in Mortsel en Jan Peeters raadde u aan. Wij zouden ook een nieuwe
site willen, met een webshop erbij. Wat zou dat ongeveer kosten en wanneer zoudt ge kunnen
starten?

Met vriendelijke groeten,
Tom Janssens
""", "unknown_sender", "", "andere fietsenwinkel, geen contact van de klant")

# --------------------------------------------------------------------------------------------
# HOLDOUT — Hoveniersbedrijf Groen & Zo (boekhouder)
# --------------------------------------------------------------------------------------------
P2 = "Peter Bos <peter@groenenzo.example.nl>"
I2 = "Ingrid Bos <ingrid@groenenzo.example.nl>"

mail("holdout", "nl-boekhouding", P2, "aangifte IB", "2026-02-24 21:19", """\
Nicole,

Onze accountant, meneer Koster, gaat met pensioen. Kun jij dit jaar ook onze IB-aangifte
doen? Die van Ingrid en mij, het is niet zo ingewikkeld denk ik, gewoon de winst uit de
zaak en het huis.

Groeten, Peter
""", "out_of_scope", "excluded", "aangifte inkomstenbelasting, uitgesloten")

mail("holdout", "nl-boekhouding", P2, "subsidie elektrische machines", "2026-03-06 06:58", """\
Goedemorgen Nicole,

Ik las in de Vakblad Groen dat er subsidie is als je elektrische machines koopt, iets met
MIA en Vamil. We willen een elektrische minigraver. Zou jij die subsidie voor ons kunnen
aanvragen?

Groet,
Peter Bos
""", "out_of_scope", "excluded", "subsidieaanvraag, uitgesloten")

mail("holdout", "nl-boekhouding", I2, "uren", "2026-02-02 13:44", """\
Hoi Nicole,

Ik kom er deze maand echt niet aan toe. Kun jij de uren van de jongens uit de app halen en
er urenstaten van maken per klant? Dan kun je daarna de facturen maken. De inlog van de app
stuur ik je apart.

Groetjes,
Ingrid
""", "out_of_scope", "client_duty", "urenstaten maken, die levert Ingrid aan")

mail("holdout", "nl-boekhouding", P2, "boekingen februari", "2026-02-27 17:12", """\
Nicole, kun je de boekingen van februari al voor 3 maart klaar hebben? Ik wil dinsdag met
de bank om tafel over een nieuwe bus en die wil actuele cijfers. Als het moet vanavond of
dit weekend, prima.
Peter
""", "out_of_scope", "deadline", "boekingen ver voor de 15e, avond- of weekendwerk")

mail("holdout", "nl-boekhouding", P2, "ook maandelijks overzicht", "2026-01-19 12:30", """\
Hoi Nicole,

Dat kwartaaloverzicht was erg handig. Ik wil naast het kwartaaloverzicht voortaan ook elke
maand zo'n overzicht, te beginnen met januari en februari. Dan zie ik eerder of we goed
zitten.

Peter
""", "out_of_scope", "quantity", "maandelijkse overzichten, één per kwartaal afgesproken")

mail("holdout", "nl-boekhouding", I2, "drukke maand", "2026-03-31 16:25", """\
Hoi Nicole,

Maart was een gekkenhuis, we hebben 30 klussen gedaan. Dat worden dus zo'n 30 facturen,
sorry! De werkbonnen liggen hier nog in de bus, kun je ze maandag komen ophalen en
uitzoeken welke bij welke klant horen? Ik heb echt geen tijd.

Groetjes,
Ingrid
""", "out_of_scope", "quantity;client_duty", "30 facturen (25 per maand) en werkbonnen uitzoeken (levert klant)",
     html_only=True)

mail("holdout", "nl-boekhouding", P2, "offerte Kramer + facturen", "2026-03-18 15:03", """\
Nicole,

Kun je zsm een offerte maken voor de aanleg van de tuin bij de familie Kramer? Mijn aantekeningen
en de prijzen van de bestrating zitten in de bijlage. En de facturen van deze week wil ik
vanavond nog verstuurd hebben, de klanten betalen dan voor het weekend.

Gr. Peter
""", "out_of_scope", "new_work;deadline", "offerte opstellen (geen deliverable) en facturen 's avonds")

mail("holdout", "nl-boekhouding", P2, "zomerkrachten", "2026-03-25 20:50", """\
Hoi Nicole,

Deze zomer nemen we twee zomerkrachten aan, de zonen van de buren. Kun je ook hun
loonstroken doen? En zou je een simpel arbeidscontract voor ze kunnen opstellen, voor drie
maanden?

Dank je wel,
Peter
""", "out_of_scope", "excluded;new_work", "loonstroken (uitgesloten) en arbeidscontract opstellen")

mail("holdout", "nl-boekhouding", I2, "creditnota Jansen", "2026-01-28 10:33", """\
Hoi Nicole,

Kun je een creditnota maken voor mevrouw Jansen aan de Dorpsstraat? Ze heeft de snoeibeurt
van januari twee keer gefactureerd gekregen, dus één keer crediteren graag.

Groetjes,
Ingrid
""", "in_scope", "", "creditnota maken (verkoopfacturen)")

mail("holdout", "nl-boekhouding", P2, "januari", "2026-02-05 07:14", """\
Goedemorgen Nicole,

Wil je de bankmutaties van januari verwerken? Alle bonnetjes en inkoopfacturen staan sinds
gisteren in de map, ook die van de tankpas.

Groet,
Peter
""", "in_scope", "", "boekingen januari; bonnen zijn aangeleverd", cte="base64")

mail("holdout", "nl-boekhouding", P2, "btw Q1", "2026-03-30 18:02", """\
Hoi Nicole,

Graag de btw-aangifte van Q1 klaarzetten als de maart-boekingen erin zitten. Ik kijk hem dan
half april na, dan kun jij hem indienen voor het eind van de maand.

Groet, Peter
""", "in_scope", "", "btw-aangifte Q1 binnen de termijn")

mail("holdout", "nl-boekhouding", P2, "RE: loonstrook Daan", "2026-02-16 09:49", """\
Top, dan regel ik dat met Salarisbureau Zuid. Stuur dan ook een herinnering naar
Hendriks, die staat nog steeds open sinds december.

Peter

-----Original Message-----
From: Nicole Verbeek <nicole@verbeekadministratie.example.nl>
Sent: Friday, February 13, 2026 10:15 AM
To: Peter Bos <peter@groenenzo.example.nl>
Subject: RE: loonstrook Daan

Hoi Peter,

Loonadministratie valt buiten mijn afspraak met jullie, maar Salarisbureau Zuid doet dat
voor veel kleine bedrijven. Zal ik je hun gegevens sturen?

Groet, Nicole

-----Original Message-----
From: Peter Bos
Sent: Thursday, February 12, 2026 8:45 PM
Subject: loonstrook Daan

Kun jij elke maand de loonstrook van Daan maken?
""", "in_scope", "", "herinnering sturen; loonstrookvraag staat alleen in het citaat", reply=True)

mail("holdout", "nl-boekhouding", I2, "bonnetjes januari", "2026-02-03 12:07", """\
Hoi Nicole, ik heb de bonnetjes van januari in de map gezet, ook die van de tankpas en de
Intratuin. Alles staat er nu in.
Groetjes Ingrid
""", "no_request", "", "mededeling: bonnen aangeleverd, met 'ook'")

mail("holdout", "nl-boekhouding", P2, "KOR", "2026-01-13 21:22", """\
Nicole, een vraag uit nieuwsgierigheid: wat is die kleine ondernemersregeling eigenlijk
precies? Een klant had het erover. Zijn wij daar te groot voor?
Peter
""", "no_request", "", "vraag ter informatie")

mail("holdout", "nl-boekhouding", P2, "Automatisch antwoord: wintersport", "2026-02-16 06:00", """\
Beste relatie,

Wij zijn van 16 tot en met 20 februari op wintersport. De ploegen werken gewoon door. Voor
spoed kunt u bellen met Ingrid op 06-12345678.

Met vriendelijke groet,
Peter Bos
Hoveniersbedrijf Groen & Zo | Tuinaanleg | Onderhoud | Bestrating | Boomverzorging
""", "no_request", "", "afwezigheidsmelding")

mail("holdout", "nl-boekhouding", P2, "Re: kwartaal 4", "2026-01-29 17:38", """\
Dank je, duidelijk overzicht. Als we volgend jaar een bv worden moeten we het eens over de
jaarrekening hebben, maar dat zien we dan wel. Ingrid heeft al allerlei ideeën.

Groeten,
Peter

Op do 29 jan. 2026 om 14:12 schreef Nicole Verbeek <nicole@verbeekadministratie.example.nl>:
> Hoi Peter,
>
> In de bijlage het kwartaaloverzicht van Q4. De btw-aangifte is vanochtend ingediend.
>
> Groet, Nicole
""", "no_request", "", "hypothetisch: jaarrekening als ze een bv worden", reply=True, charset="iso-8859-1")

mail("holdout", "nl-boekhouding", "Gerard de Wit <gerard.dewit@kpnmail.example.nl>", "factuur klopt niet", "2026-03-16 11:09", """\
Geachte heer/mevrouw,

Ik heb een factuur van Groen & Zo ontvangen voor het onderhoud van mijn tuin, maar het
bedrag klopt niet. Er staan vier uur op terwijl de mannen er twee uur waren. Wilt u dit
aanpassen?

Met vriendelijke groet,
G. de Wit
""", "unknown_sender", "", "klant van de hovenier, geen contact")

# --------------------------------------------------------------------------------------------
# HOLDOUT — B&B De Oude Pastorie (schilder), Flemish client
# --------------------------------------------------------------------------------------------
E2 = "Els Vandenberghe <els@deoudepastorie.example.nl>"
KO = "Koen Vandenberghe <koen@deoudepastorie.example.nl>"

mail("holdout", "nl-schilder", E2, "badkamer kamer 2", "2026-02-17 16:05", """\
Dag Wim,

Als ge toch alles hier hebt staan: de badkamer van kamer 2 heeft ook een likje verf nodig.
Het plafond is wat vergeeld door de douche. Zoudt ge dat erbij kunnen nemen?

Groetjes,
Els
""", "out_of_scope", "new_work", "badkamer hoort niet bij de afgesproken kamers")

mail("holdout", "nl-schilder", KO, "trapgang en inkom", "2026-02-24 19:33", """\
Wim,

Koen hier. Nu boven alles zo fris is, ziet de trapgang beneden er ineens heel grauw uit.
Kunnen jullie die ook doen? En het oude behang in de inkom, kunnen jullie dat er meteen
afhalen? Daar komt dan gewoon verf op.

Mvg,
Koen
""", "out_of_scope", "new_work;excluded", "trapgang beneden (nieuw) en behang verwijderen (uitgesloten)")

mail("holdout", "nl-schilder", E2, "", "2026-02-26 07:41", """\
wim kunnen jullie de dakgoot achter ook eens doen, die bladdert idd helemaal af zoals ge zei

Verstuurd vanaf mijn iPhone
""", "out_of_scope", "excluded", "dakgoot buiten, buitenwerk uitgesloten")

mail("holdout", "nl-schilder", E2, "boeking 21 februari", "2026-02-08 10:22", """\
Dag Wim,

Goed nieuws en een beetje slecht nieuws: we hebben een boeking binnen voor het weekend van
21 februari, een groep fietsers die alle drie de kamers wil. Kunnen jullie eerder klaar
zijn, vóór de 20e? Anders moet ik ze afzeggen.

Groeten,
Els
""", "out_of_scope", "deadline", "oplevering voor de 20e i.p.v. 27 februari")

mail("holdout", "nl-schilder", E2, "proefvlakken", "2026-02-03 20:02", """\
Hallo Wim,

We kunnen echt niet kiezen tussen de twee proefvlakken. Kunnen jullie er nog twee bij zetten,
dan kunnen we uit vier kiezen? En kunnen jullie vanaf nu tot 19u blijven, dan gaat het
sneller en zijn we zeker op tijd?

Groetjes,
Els
""", "out_of_scope", "quantity;deadline", "vier proefvlakken (twee afgesproken) en langer werken 's avonds")

mail("holdout", "nl-schilder", E2, "kleur kamer 3", "2026-02-11 21:15", """\
Dag Wim,

Voor kamer 3 kunnen Koen en ik het niet eens worden. Kiest gij maar een kleur, gij hebt daar
meer verstand van dan wij. Iets rustigs, het is de kamer met het zicht op de tuin.

Els
""", "out_of_scope", "client_duty", "kleur kiezen, kleurkeuze levert de klant", html_only=True)

mail("holdout", "nl-schilder", E2, "gordijnen en radiatoren", "2026-02-04 08:10", """\
Goeiemorgen Wim,

Ik ben vergeten de gordijnen in kamer 1 af te halen, kunnen jullie dat doen? De roedes mogen
blijven hangen. En zoudt ge de radiatoren ook kunnen schilderen? Die zijn nogal vergeeld.

Dank u!
Els
""", "out_of_scope", "client_duty;new_work", "gordijnen afhalen (klant maakt leeg) en radiatoren schilderen")

mail("holdout", "nl-schilder", E2, "kamer 4", "2026-02-20 12:47", """\
Wim,

Koen en ik hebben besloten om de berging naast kamer 3 ook als gastenkamer te verhuren.
Kunt ge die naast de drie kamers ook nog doen? Dat is dan de vierde kamer op de verdieping,
zelfde grootte als kamer 1, zelfde kleur ook.

Groeten,
Els
""", "out_of_scope", "quantity", "vierde kamer, drie kamers afgesproken")

mail("holdout", "nl-schilder", E2, "kamer 1 bij het raam", "2026-02-25 18:14", """\
Dag Wim,

Wilt ge in kamer 1 nog een keer over de muur bij het raam gaan? Met de avondzon zie ik daar
strepen. Verder is het echt mooi.

Groetjes,
Els
""", "in_scope", "", "bijwerken van een geschilderde muur binnen de afspraak")

mail("holdout", "nl-schilder", E2, "overloop", "2026-02-13 09:36", """\
Hallo Wim,

Mag de overloop in dezelfde kleur als kamer 3? Het kleurnummer is S 1005-Y20R, dat staat ook
op de bestelbon. Eén laag meer mag als het nodig is.

Els
""", "in_scope", "", "overloop schilderen met opgegeven kleur", charset="windows-1252")

mail("holdout", "nl-schilder", E2, "kozijnen kamer 2", "2026-02-18 07:55", """\
Goeiemorgen, de deurkozijnen in kamer 2 graag ook in dezelfde kleur als de deuren, niet in
wit zoals in kamer 1. Merci!
Els
""", "in_scope", "", "kozijnen lakken (houtwerk); 'ook' is geen extra werk")

mail("holdout", "nl-schilder", E2, "RE: gevel", "2026-02-05 13:12", """\
Goed, dan laten we de gevel voor wat hij is. Doe deze week dan gewoon kamer 3 zoals gepland.

Els

Van: Wim Maes <wim@schilderwerkenmaes.example.nl>
Verzonden: donderdag 5 februari 2026 11:48
Aan: Els Vandenberghe <els@deoudepastorie.example.nl>
Onderwerp: RE: gevel

Dag Els,

Het buitenschilderwerk zit niet in onze afspraak en met deze temperaturen kan ik de gevel
ook niet doen. In april maak ik graag een aparte offerte.

Groeten,
Wim

Van: Els Vandenberghe
Verzonden: woensdag 4 februari 2026 22:10
Onderwerp: gevel

Kunt ge volgende week ook de gevel aan de straatkant schilderen?
""", "in_scope", "", "kamer 3 volgens planning; gevelvraag staat alleen in het citaat", reply=True,
     cte="quoted-printable")

mail("holdout", "nl-schilder", E2, "sleutel", "2026-02-01 17:45", """\
Dag Wim,

De kamers zijn leeg, Koen en zijn broer hebben alles naar de zolder gedragen. De sleutel ligt
morgen onder de bloempot naast de achterdeur.

Tot morgen,
Els
""", "no_request", "", "nieuws: kamers zijn leeg")

mail("holdout", "nl-schilder", E2, "factuur voorschot", "2026-02-10 12:58", """\
Hebt ge de factuur van het voorschot al verstuurd? Ik vind hem niet in mijn mailbox en de
boekhouder vraagt ernaar.
Els
""", "no_request", "", "vraag ter informatie")

mail("holdout", "nl-schilder", KO, "gevel", "2026-02-22 11:30", """\
Dag Wim,

Koen hier. We hebben besloten dat we de gevel deze zomer toch zelf doen met mijn broer, dus
dat moet ge niet meer inplannen voor april. Bedankt om erover mee te denken.

Groeten,
Koen
""", "no_request", "", "intrekking: gevel niet meer inplannen")

mail("holdout", "nl-schilder", E2, "Re: oplevering", "2026-03-02 20:40", """\
Wim, wat een verschil! De gasten van vrijdag gaan hier hun ogen niet geloven. Dank u en uw
mannen voor het mooie werk.

Els Vandenberghe
B&B De Oude Pastorie | Kamers | Ontbijt | Fietsverhuur | Vlaamse Ardennen

Verstuurd vanaf mijn iPhone
""", "no_request", "", "bedankje; handtekening noemt diensten", reply=True, cte="base64")

mail("holdout", "nl-schilder", "Koen Vandenberghe <koen.vandenberghe@devosbouw.example.be>", "luiken", "2026-02-19 15:02", """\
Wim, ik stuur dit vanop het werk. Als ge tijd over hebt, kunt ge de luiken aan de voorkant
ook doen? Els weet ervan.
Koen
""", "unknown_sender", "", "klant schrijft vanaf werkadres dat geen contact is")

# --------------------------------------------------------------------------------------------
# HOLDOUT — more mails that ask for nothing or stay inside the agreement, and a few P.S. asks
# --------------------------------------------------------------------------------------------
mail("holdout", "nl-social", W, "Winkel gesloten - vakantie", "2026-03-02 07:00", """\
Beste klant,

Wegens vakantie is onze winkel gesloten van 2 tot en met 9 maart. Vanaf dinsdag 10 maart
staan we weer voor u klaar. Voor rouwwerk kunt u in deze periode bellen met
Bloemenhuis Het Zonnetje, 033-4567890.

Hartelijke groet,
Bloemsierkunst Margriet
""", "no_request", "", "automatische vakantiemelding van de winkel")

mail("holdout", "nl-social", M2, "akkoord maart", "2026-02-27 18:31", """\
Hoi Lotte,

Dank voor de kalender van maart, ik ga akkoord! Vooral het idee van de 'bloem van de week'
vind ik leuk.

Groet,
Margriet

PS kunnen er in maart twee rapportjes komen, eentje halverwege en eentje aan het eind? Dan
zie ik sneller of de moederdagposts iets doen.
""", "out_of_scope", "quantity", "P.S.: twee maandrapporten in één maand, één afgesproken")

mail("holdout", "nl-social", M2, "nieuw nummer", "2026-01-30 12:09", """\
Hoi Lotte, ik heb ook een nieuwe telefoon gekregen (eindelijk!), dus als je me appt en ik
reageer niet: mijn nummer is hetzelfde maar WhatsApp moest opnieuw. Tot snel, Margriet
""", "no_request", "", "nieuws met 'ook'")

mail("holdout", "nl-admin", R, "teamoverleg maart", "2026-03-06 10:18", """\
Hoi Femke,

Het teamoverleg van maart gaat niet door, Marieke zit die week vol met trainingen. Je hoeft
dus niet te notuleren, we schuiven het door naar april.

Groet,
Ruben
""", "no_request", "", "intrekking: notuleren hoeft niet")

mail("holdout", "nl-admin", K2, "RE: Maastricht en cadeau", "2026-03-13 07:48", """\
Prima, boek dan de trein van 7.12 uur naar Maastricht en de terugreis rond 18.00 uur.

Marieke

-----Oorspronkelijk bericht-----
Van: Femke Jansen <femke@femkeregelt.example.nl>
Verzonden: donderdag 12 maart 2026 16:30
Aan: Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>
Onderwerp: RE: Maastricht en cadeau

Hoi Marieke,

Voor Maastricht heb ik twee opties: de trein van 7.12 uur of die van 8.12 uur, dan ben je er
net op tijd. Het cadeau voor Hans valt buiten onze afspraak, dat laat ik dus aan jou.

Groet, Femke

-----Oorspronkelijk bericht-----
Van: Marieke van Leeuwen
Verzonden: donderdag 12 maart 2026 09:14
Onderwerp: Maastricht en cadeau

Kun je de trein naar Maastricht boeken voor de 26e? En wil je ook een cadeau voor Hans
kopen, hij is volgende week jarig?
""", "in_scope", "", "trein boeken; het privécadeau staat alleen in het citaat", reply=True)

mail("holdout", "nl-admin", K2, "Sarah Koster", "2026-03-18 13:57", """\
Hoi Femke, even een leuk berichtje tussendoor: het kennismakingsgesprek met Sarah Koster ging
heel goed, ze wordt klant! Dank voor het snelle inplannen.
Groetjes, Marieke
""", "no_request", "", "nieuws en bedankje")

mail("holdout", "nl-web", L2, "teksten en foto's", "2026-02-09 09:40", """\
Dag Bram,

De teksten voor alle pagina's zitten nu in de gedeelde map. Ik heb ook de nieuwe foto's
van de werkplaats erbij gezet, deze keer met een echte fotograaf. Succes ermee!

Groetjes,
Lien
""", "no_request", "", "nieuws: teksten en foto's aangeleverd, met 'ook'")

mail("holdout", "nl-web", J2, "uw logo's", "2026-03-17 21:26", """\
Bram, ik zag op uw site dat ge ook logo's ontwerpt, straf werk! Mijn schoonbroer heeft een
bakkerij in Edegem en zoekt iemand. Ik heb hem uw nummer gegeven, hij belt u wel.

Groeten,
Jan
""", "no_request", "", "doorverwijzing; noemt logo's maar vraagt niets")

mail("holdout", "nl-boekhouding", I2, "verlof", "2026-03-20 14:40", """\
Hoi Nicole,

Ik ga vanaf 1 april drie maanden met zwangerschapsverlof. De urenstaten komen dan van Peter,
hij heeft beloofd ze ook op tijd in de map te zetten (we zullen zien, haha).

Groetjes,
Ingrid
""", "no_request", "", "nieuws over verlof en wie de uren aanlevert")

mail("holdout", "nl-boekhouding", P2, "btw per maand", "2026-03-09 08:26", """\
Hoi Nicole,

We kregen een brief van de Belastingdienst: omdat we vorig jaar steeds geld terugkregen
willen ze dat we voortaan per maand btw aangeven. Kun je vanaf nu elke maand de aangifte
doen? De brief stuur ik mee.

Groet,
Peter
""", "out_of_scope", "quantity", "maandelijkse btw-aangifte, één per kwartaal afgesproken")

mail("holdout", "nl-boekhouding", I2, "uploaden", "2026-02-28 11:12", """\
Vraagje: tot wanneer moet ik de bonnetjes van februari uploaden? Was dat de 5e of de 10e?
Groetjes Ingrid
""", "no_request", "", "vraag ter informatie over aanleveren")

mail("holdout", "nl-schilder", E2, "verf geleverd", "2026-02-06 16:20", """\
Dag Wim,

Zodat ge het weet: de kleurnummers staan op het lijstje op de keukentafel. Ook de verf voor de
overloop is vandaag geleverd, die staat in de garage.

Groetjes,
Els
""", "no_request", "", "nieuws met 'ook' en kleurnummers")

mail("holdout", "nl-schilder", E2, "plafond kamer 3", "2026-02-16 18:03", """\
Wim, graag in kamer 3 het plafond ook twee lagen, het is nu nogal vlekkerig. Ik had gezien
dat ze daar na één laag mee gestopt waren.
Els
""", "in_scope", "", "tweede laag op het plafond, binnen de afspraak")

mail("holdout", "nl-schilder", KO, "drogen", "2026-02-26 12:14", """\
Dag Wim, hoe lang moet de verf drogen voor we de bedden terug in kamer 1 kunnen zetten? Dan
plan ik mijn broer in.
Koen
""", "no_request", "", "vraag ter informatie")


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


def check() -> None:
    """Every .eml parses and has a label row; senders match the labelled agreement; counts."""
    import collections
    import email
    from email import policy

    import yaml

    agreements = {f.stem: yaml.safe_load(f.read_text(encoding="utf-8"))
                  for f in sorted((HERE / "scopes").glob("nl-*.yaml"))}
    for stem, a in agreements.items():
        for key in ("client", "contacts", "language", "period", "rate", "deliverables",
                    "exclusions", "client_provides"):
            assert key in a, f"{stem}: no {key}"
        assert any("limit" in d for d in a["deliverables"]), f"{stem}: no limited deliverable"

    def owners(addr: str) -> list[str]:
        dom = addr.rpartition("@")[2]
        return [stem for stem, a in agreements.items()
                if any(c.lower() == addr or (c.startswith("@") and c[1:].lower() == dom)
                       for c in a["contacts"])]

    with open(HERE / "labels-nl.csv", encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    on_disk = {p.relative_to(MAIL_DIR.parent).as_posix() for p in MAIL_DIR.rglob("*.eml")}
    assert on_disk == {r["file"] for r in rows}, "label rows and .eml files differ"
    verdicts, categories = collections.Counter(), collections.Counter()
    for r in rows:
        msg = email.message_from_bytes((MAIL_DIR.parent / r["file"]).read_bytes(),
                                       policy=policy.default)
        msg.get_body(("plain", "html")).get_content()
        sender = msg["From"].addresses[0].addr_spec.lower()
        expected = [] if r["verdict"] == "unknown_sender" else [r["client"]]
        assert owners(sender) == expected, f"{r['file']}: {sender} vs {r['client']!r}"
        assert (r["verdict"] == "out_of_scope") == bool(r["categories"]), r["file"]
        verdicts[(r["file"].split("/")[1], r["verdict"])] += 1
        categories.update(c for c in r["categories"].split(";") if c)
    print("verdicts:", dict(sorted(verdicts.items())))
    print("categories:", dict(sorted(categories.items())))


if __name__ == "__main__":
    build()
    check()

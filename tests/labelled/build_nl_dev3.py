"""Builds the third Dutch development split: labelled client mails in mail/nl/dev3/ and labels-nl-dev3.csv.

Each mail is written out by hand below; run `python tests/labelled/build_nl_dev3.py` to regenerate the files.
"""
from __future__ import annotations

import csv
import hashlib
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime, formataddr
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "mail" / "nl" / "dev3"
LABELS = HERE / "labels-nl-dev3.csv"

# The freelancer on the receiving end of each agreement.
VA = {
    "nl-admin": ("Sanne de Wit", "sanne@dewitondersteuning.example.nl"),
    "nl-boekhouding": ("Fenna Bakker", "fenna@bakkeradministratie.example.nl"),
    "nl-schilder": ("Wim Verhoeven", "wim@schilderwim.example.nl"),
    "nl-social": ("Lotte Kramer", "lotte@lottesocials.example.nl"),
    "nl-web": ("Jelle Claes", "jelle@pixelwerf.example.be"),
}

MAILS: list[dict] = []

# Mail programs differ in how they encode the body; rotate so the parser meets all three.
CTE_CYCLE = ("8bit", "quoted-printable", "8bit", "base64")


def add(agreement, verdict, cats, note, frm, subject, date, body, *, reply=None, html=None,
        html_only=False, charset="utf-8", cte=None, mailer=None):
    MAILS.append(dict(agreement=agreement, verdict=verdict, cats=cats, note=note, frm=frm,
                      subject=subject, date=date, body=body, reply=reply, html=html,
                      html_only=html_only, charset=charset, cte=cte, mailer=mailer))


def _when(stamp: str) -> datetime:
    naive = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    # Summer time in the Netherlands and Belgium starts on 29 March 2026.
    offset = 2 if naive >= datetime(2026, 3, 29, 2, 0) else 1
    return naive.replace(tzinfo=timezone(timedelta(hours=offset)))


def _msgid(seed: str, domain: str) -> str:
    digest = hashlib.sha1(seed.encode("utf-8")).hexdigest()
    return f"<{digest[:12]}.{digest[12:20]}@{domain}>"


def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    rows = []
    for n, m in enumerate(MAILS, start=1):
        name = f"{n:04d}.eml"
        va_name, va_addr = VA[m["agreement"]]
        sender_name, sender_addr = m["frm"]
        domain = sender_addr.split("@", 1)[1]
        msg = EmailMessage()
        msg["From"] = formataddr((sender_name, sender_addr)) if sender_name else sender_addr
        msg["To"] = formataddr((va_name, va_addr))
        msg["Subject"] = m["subject"]
        seconds = int(hashlib.sha1(name.encode()).hexdigest(), 16) % 60
        msg["Date"] = format_datetime(_when(m["date"]) + timedelta(seconds=seconds))
        msg["Message-ID"] = _msgid(f"dev3-nl-{n}-{m['subject']}", domain)
        if m["reply"]:
            parent = _msgid(f"dev3-nl-parent-{m['reply']}", va_addr.split("@", 1)[1])
            msg["In-Reply-To"] = parent
            msg["References"] = parent
        if m["mailer"]:
            msg["X-Mailer"] = m["mailer"]
        text = m["body"].strip("\n") + "\n"
        cte = m["cte"] or CTE_CYCLE[n % len(CTE_CYCLE)]
        if m["html_only"]:
            msg.set_content(m["html"].strip("\n") + "\n", subtype="html",
                            charset=m["charset"], cte=cte)
        else:
            msg.set_content(text, charset=m["charset"], cte=cte)
            if m["html"]:
                msg.add_alternative(m["html"].strip("\n") + "\n", subtype="html",
                                    charset=m["charset"], cte=cte)
        (OUT / name).write_bytes(msg.as_bytes())
        client = "" if m["verdict"] == "unknown_sender" else m["agreement"]
        rows.append([f"nl/dev3/{name}", client, m["verdict"], m["cats"], m["note"]])
    with LABELS.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "client", "verdict", "categories", "note"])
        writer.writerows(rows)


IPHONE = "Verstuurd vanaf mijn iPhone"


# ---------------------------------------------------------------- nl-admin: Van Leeuwen Coaching
MARIEKE = ("Marieke van Leeuwen", "marieke@vanleeuwencoaching.example.nl")
JOOST = ("Joost Hermans", "joost@vanleeuwencoaching.example.nl")

add("nl-admin", "in_scope", "", "intake verzetten = agendabeheer", MARIEKE,
    "intake Femke verzetten", "2026-01-08 07:52", """
Hoi Sanne,

Kun je de intake met Femke Jansen van donderdag even naar volgende week schuiven? Liefst dinsdag of woensdag in de ochtend, zij weet er al van.

Dankjewel!
Marieke
""")

add("nl-admin", "out_of_scope", "excluded",
    "lange mail; midden: cadeau voor zus regelen = privé (uitsluiting)", MARIEKE,
    "Update + paar dingetjes", "2026-01-19 21:37", """
Hoi Sanne,

Wat een week was het weer. Even een update zodat je weet wat er speelt, want ik merk dat ik veel in mijn hoofd hou en dat is niet handig nu jij de agenda doet.

De leiderschapstraining bij de gemeente Apeldoorn gaat door, ze hebben gisteren getekend. Het worden vier dagdelen in maart, data volgen nog. Ik denk dat het er twaalf deelnemers worden, misschien veertien. Joost doet de tweede helft met mij samen.

Verder loopt het coachtraject met de directeur van de zorginstelling (je weet wel wie) eigenlijk heel goed. We zitten nu op sessie vijf van acht en ze zet echt stappen. Daar word ik blij van.

Mijn zus Anke wordt op de 14e februari vijftig en ik ben daar helemaal niet mee bezig geweest. Er moet nog een cadeau komen, iets met een overnachting of een wellnessbon, dat zou ik heel graag aan jou overlaten, jij hebt daar meer gevoel voor dan ik. Budget rond de 150 euro.

Wat de trainingsruimte betreft: De Kapel in Deventer blijft onze vaste plek, ik ben er heel tevreden over. Ze hebben nu ook een kleine zaal voor intervisie, dat is mooi voor later.

En tot slot: ik heb besloten om in februari geen nieuwe coachees aan te nemen. Ik merk dat ik anders over mijn grens ga, en dat is precies waar ik anderen in train, haha.

Fijne avond!
Marieke
""")

add("nl-admin", "no_request", "",
    "alleen dank; hotel- en LinkedIn-vraag staan in het geciteerde oude bericht", MARIEKE,
    "Antw: Hotel Utrecht geboekt", "2026-01-23 12:04", """
Top, dank je wel! Precies wat ik bedoelde, dicht bij het station is ideaal.

Marieke

Van: Sanne de Wit <sanne@dewitondersteuning.example.nl>
Verzonden: donderdag 22 januari 2026 16:41
Aan: Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>
Onderwerp: Hotel Utrecht geboekt

Hoi Marieke,

Het hotel voor 2 en 3 februari is geboekt: Hotel Rhijnkade, vijf minuten lopen van Utrecht Centraal. De bevestiging staat in je agenda.
De LinkedIn-post heb ik niet gedaan, dat valt buiten wat we afgesproken hebben. Zal ik je daar een voorstel voor sturen?

Groetjes, Sanne

Van: Marieke van Leeuwen
Verzonden: woensdag 21 januari 2026 08:15
Onderwerp: hotel

Kun je een hotel boeken in Utrecht voor de training op 2 en 3 feb? En wil je ook ff een LinkedIn-post maken over de training?
""", reply="admin-hotel-utrecht")

add("nl-admin", "out_of_scope", "quantity",
    "drie reizen in februari gevraagd, afspraak is max. 2 per maand", MARIEKE,
    "reizen februari", "2026-01-26 09:30", """
Goedemorgen Sanne,

In februari zit ik drie keer buiten de deur:
- 4 en 5 feb Groningen, training bij de woningcorporatie (overnachting nodig)
- 12 feb Maastricht, heen en terug met de trein, maar het is een lange dag dus liefst een hotel de avond ervoor
- 24 feb Brugge, de teamdag van Stefan, ook met de trein

Wil je voor alle drie de reis en het hotel regelen? Eerste klas hoeft niet, wel een stoelreservering naar Brugge als dat kan.

Mvg,
Marieke van Leeuwen
Van Leeuwen Coaching & Training
06-12345678
""")

add("nl-admin", "out_of_scope", "client_duty",
    "vraagt offerte namens haar te ondertekenen; ondertekenen doet Marieke zelf", MARIEKE,
    "offerte ROC", "2026-02-03 13:18", """
Sanne, de offerte voor het ROC ligt klaar in de map Offertes. Kun jij die namens mij tekenen en terugmailen? Mijn handtekening staat als scan in dezelfde map. Ik zit de hele middag in de training en ze willen hem vandaag hebben.

""" + IPHONE, mailer="iPhone Mail (23C71)")

add("nl-admin", "no_request", "",
    "automatisch afwezigheidsbericht; 'vakantie' is geen opdracht", MARIEKE,
    "Automatisch antwoord: Notulen teamoverleg januari", "2026-02-16 10:02", """
Beste afzender,

Van maandag 16 februari tot en met maandag 23 februari ben ik met vakantie en lees ik mijn mail niet. Voor afspraken kunt u terecht bij mijn assistent via info@vanleeuwencoaching.example.nl. Voor lopende trainingen kunt u contact opnemen met Joost Hermans.

Met vriendelijke groet,
Marieke van Leeuwen
""")

add("nl-admin", "out_of_scope", "deadline",
    "notulen vanavond uitwerken voor morgen 8 uur = avondwerk/spoed; afspraak is binnen twee werkdagen", MARIEKE,
    "teamoverleg vanochtend", "2026-02-10 14:47", """
Hoi Sanne,

Het teamoverleg was vanochtend, je opname staat in de gedeelde map. Zou je de notulen vanavond nog willen uitwerken? Ik wil ze morgenochtend om 8 uur bij iedereen in de mail hebben, want om 9 uur hebben we de evaluatie met de gemeente en dan moeten de actiepunten scherp zijn.

Ik weet dat het kort dag is, sorry!

Groetjes,
Marieke
""")

add("nl-admin", "in_scope", "",
    "drie verzoeken in een lijst: afspraak bevestigen, werkboek opmaken, info@-vragen beantwoorden; allemaal binnen afspraak",
    MARIEKE, "lijstje voor volgende week", "2026-01-29 17:10", """
Hoi Sanne,

Voor volgende week heb ik drie dingen voor je:

1. De afspraak met Ilse van de gemeente bevestigen (woensdag 4 feb, 10 uur, bij hen op kantoor).
2. Het werkboek voor de training "Grenzen stellen" in de huisstijl opmaken, de ruwe tekst staat in de map Trainingen. Mag op A5.
3. Er komen via info@ nog steeds vragen binnen over de open dag. Die mogen allemaal beantwoord met de tekst die je vorig jaar ook gebruikte.

Laat maar weten als iets niet duidelijk is.

Gr. Marieke
""")

add("nl-admin", "no_request", "",
    "hypothetisch: mogelijk later project na de zomer, nu niets gevraagd", MARIEKE,
    "idee voor later", "2026-02-20 19:25", """
Hoi Sanne,

Ik loop al een tijdje rond met het idee om na de zomer een online cursus op te zetten, voor mensen die niet naar een training kunnen komen. Als dat echt doorgaat, zou ik je misschien willen vragen om mee te helpen met de opzet en de planning. Maar dat is echt toekomstmuziek, eerst maar eens dit kwartaal goed afronden.

Gewoon zodat je het weet!

Liefs,
Marieke
""")

add("nl-admin", "out_of_scope", "new_work;excluded",
    "lijst: Engelse vertaling werkboek (nieuw werk), januarifacturen betalen (uitgesloten), agenda maart checken (binnen)",
    MARIEKE, "nog te doen", "2026-02-05 08:03", """
Morgen Sanne,

Wat er nog moet van mijn kant, als je tijd hebt:

- de Engelse vertaling van het werkboek Feedback geven, voor het internationale team van Stefan
- de facturen van januari betalen, ze staan in de map Inkoop (de Kapel en de drukker)
- agenda maart even nalopen op dubbele afspraken, ik heb het idee dat er iets dubbel staat op de 11e

Dank je!
Marieke
""")

add("nl-admin", "unknown_sender", "",
    "afzender is het congrescentrum, niet in de contacten", ("Rob Hendriks", "planning@congrescentrumdeveluwe.example.nl"),
    "Bevestiging zaalreservering 17 maart", "2026-02-24 11:36", """
Geachte mevrouw De Wit,

Hierbij bevestigen wij de reservering van zaal Het Woud op dinsdag 17 maart van 9.00 tot 17.00 uur voor Van Leeuwen Coaching & Training, inclusief lunch voor 14 personen.

Wilt u het definitieve aantal deelnemers uiterlijk 10 maart aan ons doorgeven? Dieetwensen horen wij graag tegelijk.

Met vriendelijke groet,

Rob Hendriks
Afdeling Planning
Congrescentrum De Veluwe
""")

add("nl-admin", "no_request", "",
    "compliment met 'graag'; digitale versie heeft ze zelf al gemaild", MARIEKE,
    "werkboek!", "2026-02-13 16:58", """
Sanne, het werkboek is echt prachtig geworden. De deelnemers waren er allemaal heel enthousiast over en een paar vroegen of ze het ook digitaal konden krijgen, dat heb ik zelf vanmiddag al gemaild.

Ik werk heel graag zo met je verder!

Marieke
""")

add("nl-admin", "in_scope", "",
    "inlog is door Marieke geregeld (geen verzoek), vraagt treinkaartjes Zwolle te boeken = reisplanning", MARIEKE,
    "NS-account", "2026-03-02 08:41", """
Hoi Sanne,

Het NS Zakelijk-account is eindelijk geregeld, je krijgt vandaag een mail met je eigen inlog. Het wachtwoord heb ik zelf ingesteld, dus dat hoef je niet te doen.

Kun je dan meteen de treinkaartjes voor Zwolle boeken? Dat is donderdag de 12e, heen rond half 8, terug na 17 uur.

Groet,
Marieke
""")

add("nl-admin", "out_of_scope", "new_work",
    "verzoek alleen in de P.S.: enquête voor deelnemers maken, geen deliverable", MARIEKE,
    "Re: agenda maart", "2026-03-04 12:20", """
Fijn dat het dubbele ding op de 11e eruit is, dank je. Ik had het zelf echt niet gezien.

Marieke

P.S. Kun je ook een enquête maken voor de deelnemers van de leiderschapstraining? Iets in Google Forms of zo, met een vraag of vijf over hoe ze het vonden.

Op di 3 mrt 2026 om 17:02 schreef Sanne de Wit <sanne@dewitondersteuning.example.nl>:
> Hoi Marieke,
>
> Op woensdag 11 maart stonden zowel de intake met Pieter als het kennismakingsgesprek met Lindsey om 14.00 uur. Lindsey heb ik naar 15.30 uur verzet, ze vond dat prima.
>
> Groetjes, Sanne
""", reply="admin-agenda-maart")

add("nl-admin", "no_request", "",
    "welkomstmail van collega; diensten in de handtekening zijn geen verzoek", JOOST,
    "welkom!", "2026-01-06 12:31", """
Hoi Sanne,

Marieke vertelde dat jij vanaf deze week haar agenda en de info@-mailbox doet. Welkom! Fijn dat ze eindelijk hulp heeft, ze liep al maanden op haar tandvlees. Ik werk zelf twee dagen per week voor Van Leeuwen, meestal op dinsdag en donderdag, dus je zult mijn naam vaak tegenkomen.

Hartelijke groet,

Joost Hermans
Trainer & coach
Teamcoaching · LinkedIn-trainingen · Presentatievaardigheden · Hand-outs op maat
Van Leeuwen Coaching & Training
""")


# ---------------------------------------------------------------- nl-boekhouding: Groen & Zo
PETER = ("Peter de Groot", "peter@groenenzo.example.nl")
INGRID = ("Ingrid de Groot", "ingrid@groenenzo.example.nl")

add("nl-boekhouding", "in_scope", "",
    "18 verkoopfacturen op basis van urenstaten, binnen de 25 per maand", INGRID,
    "urenstaten januari", "2026-02-02 09:14", """
Hoi Fenna,

De urenstaten van januari staan in de map, ook die van ploeg 3 (die was laat, sorry). Wil je op basis daarvan de facturen maken? Het zijn er 18 deze maand, waarvan De Vries er twee krijgt omdat het twee aparte projecten zijn.

Groetjes,
Ingrid

Hoveniersbedrijf Groen & Zo
Administratie (ma, di en do)
""")

add("nl-boekhouding", "out_of_scope", "quantity",
    "31 facturen voor maart gevraagd, limiet is 25 per maand", INGRID,
    "facturen maart", "2026-04-01 10:26", """
Goedemorgen Fenna,

Maart was een gekkenhuis, al die voorjaarsklussen tegelijk. We hebben 31 klussen afgerond en die moeten nu allemaal gefactureerd worden. De werkbonnen en urenstaten staan in de map, de lijst met klanten zit erbij (tabblad maart).

Kun jij die facturen deze week de deur uit doen? Dan komt er ook weer wat binnen, haha.

Met vriendelijke groet,
Ingrid de Groot
""")

add("nl-boekhouding", "no_request", "",
    "alleen een prijsvraag ter oriëntatie over loonadministratie, beslissing later", PETER,
    "vraagje", "2026-02-11 20:48", """
Fenna,

Wat zou het eigenlijk kosten als jij ook de loonadministratie zou doen? We denken erover om in het najaar iemand in vaste dienst te nemen in plaats van steeds die zzp'ers. Gewoon om een idee te hebben, we beslissen pas na de zomer.

Gr. Peter
""")

add("nl-boekhouding", "out_of_scope", "excluded",
    "lange mail; in het midden wordt gevraagd de leningaanvraag bij de bank op te stellen (financiering uitgesloten)", PETER,
    "stand van zaken", "2026-02-22 18:05", """
Hoi Fenna,

Eindelijk even tijd om je bij te praten. Januari was rustig zoals altijd, maar sinds een week of twee draait alles weer. We hebben de snoeiklussen bij de gemeente binnen, drie jaar lang, dus dat geeft rust.

De nieuwe bus is eindelijk geleverd, de oude Transit is naar mijn neef. Die bon heb ik in de map gezet, net als de rest van februari voor zover ik het heb.

Dan iets anders. We willen dit voorjaar een kraanwagen kopen, tweedehands, een Hiab die we voor de boomverzorging kunnen gebruiken. De Rabo wil daarvoor een aanvraag met cijfers en een prognose van de komende twee jaar, en eerlijk gezegd heb ik daar echt de kop niet naar. Als jij die aanvraag in elkaar zou kunnen zetten, dan teken ik hem en gaat hij eruit.

Ingrid is de komende weken wat minder, haar moeder is gevallen en ze moet veel heen en weer naar Zwolle. De urenstaten kunnen dus een paar dagen later komen, maar ze komen wel.

Verder is de jaarrekening 2025 bij de accountant, die heeft alles wat hij nodig heeft. Dat loopt dus.

Hartelijke groet,
Peter
""")

add("nl-boekhouding", "out_of_scope", "client_duty",
    "vraagt bonnen op te halen en in te scannen; aanleveren van bonnen is taak van de klant", PETER,
    "bonnen", "2026-03-04 07:12", """
fenna ik heb de bonnen van feb nog in een schoenendoos in de bus liggen. kun jij ze ff ophalen en inscannen? ik kom er gwn niet aan toe. staat bij de loods, sleutel bij ingrid.
gr peter

""" + IPHONE, mailer="iPhone Mail (23D60)")

add("nl-boekhouding", "out_of_scope", "deadline",
    "btw Q1 al op 3 april indienen; afspraak is uiterlijk eind april", PETER,
    "btw eerste kwartaal", "2026-03-25 16:33", """
Hallo Fenna,

Ik ben vanaf 6 april drie weken met Ingrid naar Portugal (eindelijk!). Kun je de btw-aangifte over het eerste kwartaal al op vrijdag 3 april klaar hebben en indienen? Dan is het afgetikt voordat we gaan en hoef ik daar niet over te piekeren aan het zwembad.

De bonnen van maart zet ik er uiterlijk maandag in.

Groeten,
Peter
""")

add("nl-boekhouding", "in_scope", "",
    "akkoord op btw-aangifte + kwartaaloverzicht sturen; beide deliverables", PETER,
    "Antw: concept btw-aangifte Q1", "2026-04-22 12:40", """
Hoi Fenna,

Akkoord met de aangifte, dien hem maar in. En stuur me het kwartaaloverzicht even als dat klaar is, dan kijk ik daar in het weekend naar. Ben benieuwd hoe we ervoor staan.

Peter

Op 21 apr 2026, om 15:12 heeft Fenna Bakker <fenna@bakkeradministratie.example.nl> het volgende geschreven:

> Beste Peter,
>
> In de bijlage vind je de concept btw-aangifte over het eerste kwartaal. Te betalen: 4.312 euro. Als je akkoord bent, dien ik hem deze week in.
>
> Met vriendelijke groet,
> Fenna Bakker
""", reply="boek-btw-q1")

add("nl-boekhouding", "no_request", "",
    "nieuws met 'ook': nieuwe klant, urenstaten komen gewoon mee", INGRID,
    "ter info", "2026-03-03 11:02", """
Hoi Fenna,

Even ter info: vanaf deze maand werken we ook voor een vaste klant in Harderwijk (een VvE, onderhoud van de binnentuinen). De urenstaten daarvan komen gewoon mee in de map, net als de rest.

Verder niks bijzonders hier. Fijne dag!

Ingrid
""")

add("nl-boekhouding", "out_of_scope", "new_work;excluded",
    "lijst: herinneringen (binnen), offerte opstellen (nieuw werk), IB-aangifte 2025 klaarzetten (uitgesloten), januari inboeken (binnen)",
    PETER, "mijn lijstje", "2026-02-09 21:15", """
Fenna,

Wat ik nog op mijn lijstje heb staan en waar jij misschien mee kan helpen:

- herinnering sturen naar Bosman en naar de VvE Zeezicht, staan allebei al ruim 60 dagen open
- een offerte maken voor de tuin van mevrouw Kok in Nunspeet, ik heb de maten en de beplantingslijst al
- uitzoeken wat we opzij moeten zetten voor de inkomstenbelasting en de aangifte IB 2025 vast klaarzetten
- januari inboeken, alle bonnen staan erin

Gr. Peter
""")

add("nl-boekhouding", "unknown_sender", "",
    "betalingsherinnering van een leverancier, afzender niet in de contacten",
    ("Debiteurenadministratie Boomkwekerij Van der Hulst", "debiteuren@boomkwekerijvanderhulst.example.nl"),
    "Betalingsherinnering factuur 2026-0113", "2026-03-10 09:00", """
Geachte heer/mevrouw,

Volgens onze administratie staat factuur 2026-0113 van 27 januari 2026 ter hoogte van EUR 1.846,20 nog open. Wij verzoeken u vriendelijk dit bedrag binnen 8 dagen over te maken op NL00 BANK 0123 4567 89 onder vermelding van het factuurnummer.

Heeft u inmiddels betaald, dan kunt u deze herinnering als niet verzonden beschouwen. Bedragen die via automatische incasso worden geïnd, kunt u negeren.

Met vriendelijke groet,

Boomkwekerij Van der Hulst
Debiteurenadministratie
""", charset="iso-8859-1")

add("nl-boekhouding", "no_request", "",
    "trekt eerdere vraag om creditnota in; die staat alleen in het citaat", INGRID,
    "RE: creditnota Jansen", "2026-02-17 14:29", """
Fenna, laat die creditnota voor Jansen maar zitten. Peter heeft het gisteren telefonisch met ze opgelost, ze betalen het volle bedrag. Hoeft dus niet meer!

Ingrid

-----Oorspronkelijk bericht-----
Van: Ingrid de Groot <ingrid@groenenzo.example.nl>
Verzonden: maandag 16 februari 2026 10:05
Aan: Fenna Bakker <fenna@bakkeradministratie.example.nl>
Onderwerp: creditnota Jansen

Hoi Fenna, kun je een creditnota maken voor Jansen van 240 euro? Ze klagen over de haag.
""", reply="boek-creditnota")

add("nl-boekhouding", "no_request", "",
    "nieuws: Ingrid ziek, urenstaten komen later; geen verzoek", INGRID,
    "griep", "2026-03-16 08:20", """
Hoi Fenna,

Ik lig er deze week helemaal uit met griep. De urenstaten van ploeg 2 komen daardoor een week later dan normaal, ik hoop ze volgende week dinsdag in de map te zetten. Sorry voor het ongemak.

Groetjes,
Ingrid
""")

add("nl-boekhouding", "in_scope", "",
    "verzoek als vaststelling: achter openstaande facturen moet een herinnering aan", PETER,
    "openstaande posten", "2026-02-26 19:50", """
Hoi Fenna,

Ik keek net even in het overzicht en er staan nog aardig wat facturen open van december en januari. Volgens mij moet daar nu toch eens een herinnering achteraan, vooral bij de gemeente Ermelo en bij Tuincentrum De Linde, dat zijn ook de grootste bedragen. Samen toch ruim € 4.000. Die laatste is een goeie klant, dus wel netjes graag.

Groet,
Peter de Groot
Hoveniersbedrijf Groen & Zo
Vaart 12, Nunspeet
""", charset="windows-1252", cte="8bit")

add("nl-boekhouding", "no_request", "",
    "statusvraag ter informatie, expliciet geen haast", PETER,
    "januari", "2026-02-13 17:44", """
Hoe staat het eigenlijk met de boekingen van januari? Gewoon benieuwd, geen haast hoor, ik weet dat de 15e nog niet geweest is.

Peter
""")

add("nl-boekhouding", "in_scope", "",
    "lange mail; in het midden: bankmutaties februari moeten nog verwerkt = boekingen (bankgesprek is context)", PETER,
    "plannen", "2026-03-08 20:26", """
Hoi Fenna,

Zondagavond, de kinderen liggen erin, dus even tijd voor de administratie in mijn hoofd.

We gaan dit jaar waarschijnlijk uitbreiden met een vierde ploeg. Er is zoveel werk bij de gemeentes dat we nee moeten verkopen, en dat zit me niet lekker. Ingrid is daar wat voorzichtiger in, maar we komen er wel uit.

Over twee weken heb ik een gesprek bij de bank over de kraanwagen; die aanvraag doe ik samen met de accountant, dus daar hoef jij niks mee. De bankmutaties van februari zijn volgens mij nog niet verwerkt, dat moet nog wel even gebeuren voor dat gesprek, dan heb ik een actueel beeld als ze ernaar vragen.

De nieuwe maaiers zijn binnen, de bon staat in de map. Verder heeft Ingrid de urenstaten netjes op tijd gedaan, ondanks de griep.

Groet,
Peter
""")


# ---------------------------------------------------------------- nl-schilder: B&B De Oude Pastorie
ELS = ("Els Mulder", "els@deoudepastorie.example.nl")
RUUD = ("Ruud Mulder", "ruud@deoudepastorie.example.nl")

add("nl-schilder", "in_scope", "",
    "kleurnummers doorgegeven (taak van Els) en twee proefvlakken gevraagd, binnen de limiet van twee", ELS,
    "kleuren", "2026-02-02 08:05", """
Hoi Wim,

Hierbij eindelijk de kleuren:
kamer 1: Sikkens F6.05.80 (zacht zandkleurig)
kamer 2: Sikkens F6.05.80, zelfde als 1
kamer 3: Flexa Creations Stil Groen, of iets in die richting

Van dat groen ben ik nog niet zeker. Wil je daar eerst twee proefvlakken van zetten in kamer 3, een bij het raam en een bij de deur? Dan kijk ik woensdag bij daglicht.

Groetjes,
Els
""")

add("nl-schilder", "out_of_scope", "quantity",
    "er stonden al twee proefjes; een derde gevraagd, limiet is twee", ELS,
    "Re: proefvlakken kamer 3", "2026-02-04 16:12", """
Wim, ik heb er vanmiddag lang naar staan kijken en ik vind ze allebei net niet. De ene is te grijs, de andere te fel. Kun je er nog een derde zetten, iets lichter, richting salie? Ik heb bij de Gamma een kleurnummer laten mengen, het blik staat in de keuken.

Els

Op 3 feb 2026 om 17:40 schreef Wim Verhoeven <wim@schilderwim.example.nl>:
> Dag Els,
> De twee proefvlakken in kamer 3 staan erop en zijn morgen droog. Eentje bij het raam, eentje naast de deur.
> Groet, Wim
""", reply="schilder-proefvlakken")

add("nl-schilder", "in_scope", "",
    "opleverpuntenlijst: allemaal bijwerken aan muren, plafond, plint en kozijn binnen de drie kamers", ELS,
    "punten van vanmiddag", "2026-02-20 17:31", """
Hoi Wim,

Zoals beloofd de puntjes van onze ronde van vanmiddag, dan heb je ze op een rij:

- plafond kamer 2 nog wat vlekkerig rond de lamp
- plint achter de deur van kamer 1 mist een stukje lak
- kozijn kamer 3 aan de badkamerkant ziet er wat dun uit, nog een laag?
- in kamer 1 een paar druppels op de vensterbank (geen ramp, maar toch)

Voor de rest: heel netjes, we zijn er blij mee.

Groetjes, Els
""")

add("nl-schilder", "out_of_scope", "new_work",
    "'de gang beneden moet ook nog' = gang bij de receptie, niet de overloop boven", ELS,
    "gang", "2026-02-16 20:14", """
Hoi Wim,

Ruud en ik liepen vanavond na het eten nog even boven rond en het ziet er echt prachtig uit. Maar nu valt het pas op hoe de rest erbij staat. De gang beneden bij de receptie moet eigenlijk ook nog, die heeft sinds 2012 geen kwast meer gezien en dat is het eerste wat gasten zien als ze binnenkomen. Zelfde kleur als de overloop lijkt ons mooi.

Laat maar horen wat dat zou kosten en wanneer het past.

Groet,
Els
""")

add("nl-schilder", "no_request", "",
    "klant maakt zelf de kamers leeg (eigen taak), geen verzoek aan Wim", ELS,
    "kamers leeg", "2026-02-05 21:02", """
Hoi Wim,

Even ter info: Ruud en ik halen dit weekend zelf de kasten uit kamer 1 en 2 en de gordijnen gaan eraf. De bedden zetten we op zolder. Dan kun je maandag gewoon beginnen zonder gedoe.

Tot maandag!
Els
""")

add("nl-schilder", "out_of_scope", "client_duty",
    "vraagt meubels uit kamer 3 te dragen; kamers leegmaken is taak van de klant", ELS,
    "kamer 3", "2026-02-12 07:48", """
Goedemorgen Wim,

Slecht nieuws: Ruud heeft gisteren zijn rug verrekt bij het sjouwen van de bedden uit kamer 2. Lukt het jou om maandag eerst het bed en het ladekastje uit kamer 3 naar zolder te dragen voordat je begint? Ik kan het alleen echt niet tillen.

Sorry voor het gedoe,
Els
""")

add("nl-schilder", "out_of_scope", "deadline",
    "wil alles een week eerder klaar (19 feb) en vraagt op zaterdag door te werken", ELS,
    "groep fietsers", "2026-02-09 13:26", """
Hoi Wim,

We kregen net een mooie boeking binnen: een groep van zes fietsers die al op 20 februari wil komen, voor een lang weekend. Dat zou fijn zijn voor de kas natuurlijk, maar dan moeten alle drie de kamers klaar zijn.

Zou het lukken als je de komende twee zaterdagen ook doorwerkt, zodat alles op de 19e klaar is? Ik hoor het graag vandaag nog, dan kan ik de groep bevestigen.

Met vriendelijke groet,
Els Mulder
B&B De Oude Pastorie
""")

add("nl-schilder", "out_of_scope", "excluded",
    "vraagt de luiken aan de voorkant mee te nemen = buitenschilderwerk (HTML-only)", ELS,
    "luiken", "2026-02-18 12:10", "", html_only=True, html="""
<html><head><meta charset="utf-8"></head><body>
<div style="font-family: Calibri, sans-serif; font-size: 11pt">
<p>Hoi Wim,</p>
<p>Nu je toch met je spullen hier bent: de groene luiken aan de voorkant bladderen echt helemaal af, vooral die naast de voordeur. Zou je die even kunnen meenemen? Het zou zonde zijn als de gasten eerst die afgebladderde luiken zien en pas daarna jouw mooie kamers.</p>
<p>Het mag dezelfde groen blijven, de pot staat nog in de schuur.</p>
<p>Groetjes,<br>Els</p>
</div>
</body></html>
""")

add("nl-schilder", "in_scope", "",
    "deuren hoogglans lakken en overloop in kleur van kamer 2; houtwerk en overloop zijn deliverables", ELS,
    "deuren en overloop", "2026-02-10 18:55", """
Hoi Wim,

Ik heb nog even nagedacht over de deuren. Doe ze toch maar in dezelfde kleur als de kozijnen, in hoogglans, zoals we in eerste instantie hadden afgesproken. Dat staat strakker.

En de overloop mag in dezelfde kleur als kamer 2, dan loopt het mooi door.

Els
""")

add("nl-schilder", "unknown_sender", "",
    "buurman, afzender niet in de contacten", ("Henk Smit", "henk.smit@ziggo.example.nl"),
    "schilderwerk woonkamer", "2026-02-25 19:40", """
Goedenavond Wim,

Els van de Pastorie vertelde dat jij bij haar de kamers doet en ze was er erg over te spreken. Zou je bij ons ook eens willen kijken naar de woonkamer en de hal? Het is geen haast, maar voor de zomer zou mooi zijn.

Met vriendelijke groet,
Henk Smit
Kerkstraat 4
""")

add("nl-schilder", "no_request", "",
    "informatievraag over droogtijd van de lak", ELS,
    "droogtijd", "2026-02-24 10:33", """
Hoi Wim, vraagje: hoe lang moet die lak op de deuren eigenlijk drogen voordat we de bedden er weer in kunnen zetten en de deuren dicht kunnen? Vrijdag komt de eerste gast namelijk en ik wil niet dat er iets vastplakt.

Els
""")

add("nl-schilder", "no_request", "",
    "compliment; 'had graag' over de ontbijtkamer is iets voor volgend jaar", ELS,
    "kamer 1!!", "2026-02-14 15:20", """
Wim, wat een verschil! Kamer 1 is echt prachtig geworden, ik stond er net even met open mond. Die zandkleur is precies wat ik in mijn hoofd had.

Ik had die kleur eigenlijk ook graag in de ontbijtkamer gehad, maar dat doen we volgend jaar wel eens, nu eerst het seizoen draaien.

Fijn weekend!
Els
""")

add("nl-schilder", "out_of_scope", "quantity;excluded",
    "alleen in de P.S.: vierde kamer op zolder (meer dan drie kamers) en oud behang eraf (uitgesloten)", ELS,
    "oplevering 1 en 2", "2026-02-23 16:45", """
Hoi Wim,

Kamer 1 en 2 zijn door Ruud en mij nagelopen en we hebben niks meer gevonden. Top gedaan! De gordijnen hangen er alweer in.

Tot morgen,
Els

P.S. Kamer 4 op zolder (de kleine, met het schuine dak) zou eigenlijk ook mooi meegaan in dezelfde kleur. Daar hangt nog dat oude bloemetjesbehang dat er dan wel eerst af moet.
""")

add("nl-schilder", "in_scope", "",
    "korte bevestiging: begin met plafond kamer 2; vraag van Wim staat in citaat", ELS,
    "Re: morgen", "2026-02-11 19:03", """
Ja prima, begin maar met het plafond van kamer 2. Ik zet de koffie klaar!

""" + IPHONE + """

> Op 11 feb. 2026 om 18:21 heeft Wim Verhoeven <wim@schilderwim.example.nl> het volgende geschreven:
>
> Hoi Els, zal ik morgen met het plafond van kamer 2 beginnen of liever met de muren van kamer 3? Wim
""", reply="schilder-morgen", mailer="iPhone Mail (23C71)")

add("nl-schilder", "in_scope", "",
    "'de gang boven moet ook nog' = de overloop, een deliverable; samen met de rest op de 27e", RUUD,
    "overloop", "2026-02-19 08:12", """
Morgen Wim,

Ruud hier. De gang boven is nog niet gedaan toch? Die moet ook nog, gewoon samen met de rest, dan is boven op de 27e in één keer klaar. Els vroeg of ik het even wilde doorgeven, zij zit bij de tandarts.

Gr. Ruud
""")


# ---------------------------------------------------------------- nl-social: Bloemsierkunst Margriet
MARGRIET = ("Margriet Bos", "margriet@bloemsierkunstmargriet.example.nl")
JUUL = ("Juul | Bloemsierkunst Margriet", "winkel@bloemsierkunstmargriet.example.nl")

add("nl-social", "in_scope", "",
    "twee Valentijnsposts in een week (carrousel + post), binnen drie per week; foto's levert Margriet", MARGRIET,
    "Valentijn", "2026-02-03 09:47", """
Hoi Lotte,

Voor Valentijn wil ik graag een carrousel met de rode rozenboeketten op woensdag 11 februari, en op vrijdag een post dat mensen nog tot zaterdag 12 uur kunnen bestellen voor de 14e. De foto's zet ik vrijdag in de Drive, Juul maakt ze morgen in de werkplaats.

Groetjes,
Margriet
""")

add("nl-social", "out_of_scope", "quantity",
    "elke dag van maandag t/m zaterdag een feedpost = zes posts in een week, limiet drie", MARGRIET,
    "Valentijnsweek", "2026-02-05 22:18", """
Lotte,

Ik lag net in bed en bedacht me: de week van Valentijn is voor ons wat december voor een speelgoedwinkel is. Kun je die week van maandag tot en met zaterdag elke dag iets op de feed zetten? Dan blijven we echt in beeld. Ik heb foto's genoeg, daar hoeft het niet aan te liggen.

Slaap lekker,
Margriet
""")

add("nl-social", "out_of_scope", "excluded",
    "vraagt de rouwpost te boosten = betaalde promotie (uitgesloten)", MARGRIET,
    "boosten?", "2026-01-28 13:55", """
Hoi Lotte,

Een collega uit Amersfoort zei op de cursus dat ze met een paar tientjes boosten veel meer bereik haalt dan zonder. Zullen we die post over de rouwstukken van vorige week ook een zetje geven? Twintig, dertig euro mag best, zet het maar op mijn kaart.

Margriet
""")

add("nl-social", "out_of_scope", "client_duty",
    "vraagt Lotte zelf foto's te komen maken; foto's aanleveren is de taak van Margriet", MARGRIET,
    "foto's deze week", "2026-02-19 17:36", """
Hoi Lotte,

Ik heb deze week echt geen tijd gehad om foto's te maken, de winkel stond vol met de voorjaarsdrukte en Juul was ziek. Kun jij donderdag even langskomen en zelf wat plaatjes schieten van de bruidsboeketten die dan klaarstaan? Rond 11 uur is het licht in de werkplaats het mooist.

Liefs,
Margriet
""")

add("nl-social", "no_request", "",
    "Margriet zet zelf een nieuwsbrief op; alleen ter info", MARGRIET,
    "nieuwsbrief", "2026-02-10 08:30", """
Hoi Lotte,

Wou je even laten weten dat ik zelf een nieuwsbrief ga opzetten via Mailchimp. Mijn nichtje Sanne helpt me ermee, zij doet dat ook voor de bakker hiernaast. Dus niet schrikken als je er iets van ziet langskomen, het is niet de bedoeling dat jij daar iets mee hoeft.

Groetjes,
Margriet
""")

add("nl-social", "out_of_scope", "new_work;deadline",
    "DM's ook in het weekend bijhouden (buiten werkdagen) en een TikTok-account starten (geen deliverable)", MARGRIET,
    "zaterdagen", "2026-01-16 18:12", """
Hoi Lotte,

Zaterdag is onze drukste dag, en juist dan komen er op Instagram vragen binnen over rouwstukken die nog dezelfde dag weg moeten. Zou je de komende weekenden ook de DM's kunnen bijhouden? Nu blijven ze tot maandag liggen en dan is het te laat.

En als je er dan toch mee bezig bent: mijn dochter zegt dat we echt op TikTok moeten. Kun je een account voor ons opzetten en daar filmpjes uit de werkplaats op zetten?

Groetjes,
Margriet
""")

add("nl-social", "in_scope", "",
    "feedbacklijst op de contentkalender van maart: schuiven en tekst aanpassen, binnen de afspraak", MARGRIET,
    "Re: contentkalender maart", "2026-02-27 15:06", """
Hoi Lotte, dank je! Ziet er al goed uit. Een paar opmerkingen:

- de post over de voorjaarsbollen mag naar de eerste week, dan liggen ze hier ook in de winkel
- bij de bruidswerk-carrousel graag de tekst iets warmer, het leest nu een beetje zakelijk
- de story uit de werkplaats liever op dinsdag in plaats van maandag, maandag zijn we dicht

Voor de rest akkoord!
Margriet

Op vr 27 feb 2026 om 09:02 schreef Lotte Kramer <lotte@lottesocials.example.nl>:
> Goedemorgen Margriet,
>
> In de bijlage de contentkalender voor maart. Graag je akkoord of opmerkingen voor maandag.
>
> Groetjes, Lotte
""", reply="social-kalender-maart")

add("nl-social", "unknown_sender", "",
    "trouwlocatie, afzender niet in de contacten", ("Nadia El Amrani", "info@trouwlocatiehethoefijzer.example.nl"),
    "Samenwerking Het Hoefijzer x Bloemsierkunst Margriet", "2026-03-09 10:41", """
Beste Lotte,

Wij zijn Het Hoefijzer, een trouwlocatie net buiten Barneveld. We zagen jullie bruidswerk op Instagram voorbijkomen en zouden heel graag samenwerken met Bloemsierkunst Margriet. Zouden jullie ons willen taggen in de posts over bruiloften bij ons? Wij doen dan hetzelfde.

Hartelijke groet,
Nadia El Amrani
Het Hoefijzer
""")

add("nl-social", "no_request", "",
    "afwezigheidsmelding: Margriet op de bloemenbeurs", MARGRIET,
    "Afwezig: planning stories volgende week", "2026-02-16 07:00", """
Dank voor je bericht!

Van maandag 16 t/m vrijdag 20 februari ben ik op de vakbeurs in Aalsmeer. De winkel is gewoon open, Juul helpt je graag verder via winkel@bloemsierkunstmargriet.example.nl of 0342-123456. Ik lees mijn mail weer op maandag 23 februari.

Hartelijke groet,
Margriet Bos
Bloemsierkunst Margriet
""")

add("nl-social", "out_of_scope", "new_work",
    "Facebookpagina bijhouden en posts daar ook plaatsen; alleen Instagram is afgesproken", MARGRIET,
    "facebook", "2026-03-03 11:24", """
Hoi Lotte,

Ik kreeg gisteren een berichtje van een klant die ons op Facebook probeerde te vinden, en daar staat nog een post van juni vorig jaar bovenaan. Dat is eigenlijk best gênant. Die pagina zou ook wat meer leven moeten krijgen. Mss kun je de Instaposts daar ook gewoon op zetten? Dan ziet het er in elk geval niet verlaten uit.

Margriet
""")

add("nl-social", "no_request", "",
    "dank voor het maandrapport, 'graag' is een compliment; oude vraag alleen in citaat", MARGRIET,
    "Antw: maandrapport januari", "2026-02-02 12:15", """
Wat een mooi rapport, dank je wel! Bijna 300 nieuwe volgers, dat had ik nooit gedacht. Ik lees dit soort overzichtjes graag, het motiveert me om foto's te blijven maken.

Margriet

Van: Lotte Kramer <lotte@lottesocials.example.nl>
Verzonden: maandag 2 februari 2026 09:00
Aan: Margriet Bos
Onderwerp: maandrapport januari

Hoi Margriet, hierbij het rapport van januari. Je vroeg vorige maand of ik de advertentie voor de bruidsbeurs kon opzetten; dat heb ik niet gedaan, zoals besproken valt dat buiten onze afspraak.

> Kun je ook een advertentie maken voor de bruidsbeurs van 25 januari?
""", reply="social-rapport-jan")

add("nl-social", "in_scope", "",
    "stories van de rouwkrans maken; beeld komt van Juul (HTML-only)", JUUL,
    "rouwkrans vandaag", "2026-03-12 10:05", "", html_only=True, html="""
<!DOCTYPE html>
<html><body style="font-family:Arial,Helvetica,sans-serif;font-size:14px">
<div>Hoi Lotte!!</div>
<div><br></div>
<div>Vandaag gaat die hele grote rouwkrans de deur uit (witte rozen en eucalyptus, echt mooi geworden). Margriet vroeg of je daar een paar stories van wilt maken, ik stuur je zo de filmpjes via WhatsApp.</div>
<div><br></div>
<div>Graag geen naam van de familie erbij he</div>
<div><br></div>
<div>xx Juul</div>
<div><i>Bloemsierkunst Margriet</i></div>
</body></html>
""")

add("nl-social", "out_of_scope", "deadline",
    "contentkalender al op maandag 16 februari i.p.v. de laatste vrijdag van de maand", MARGRIET,
    "kalender maart eerder?", "2026-02-11 14:52", """
Hoi Lotte,

Ik ga op de 20e naar de beurs en ben daarna een paar dagen weg. Kun je de contentkalender voor maart daarom al aanstaande maandag de 16e sturen in plaats van eind van de maand? Dan kan ik hem nog rustig doorlezen voor ik ga.

Dank!
Margriet
""")

add("nl-social", "no_request", "",
    "trekt de eerder gevraagde actiepost in", MARGRIET,
    "Re: post voorjaarsactie", "2026-03-05 08:57", """
Laat die post over de voorjaarsactie maar vallen Lotte, de leverancier kan de tulpen niet op tijd leveren dus de actie gaat niet door. Balen, maar het is niet anders.

Gr. Margriet

Op wo 4 mrt 2026 om 16:30 schreef Margriet Bos <margriet@bloemsierkunstmargriet.example.nl>:
> Hoi Lotte, wil je vrijdag een post maken over de voorjaarsactie? 3 bossen tulpen voor 10 euro.
""", reply="social-voorjaarsactie")

add("nl-social", "no_request", "",
    "vraag om informatie (mag ze je nummer doorgeven), geen werk voor Bloemsierkunst Margriet", MARGRIET,
    "buurvrouw", "2026-03-18 16:40", """
Hoi Lotte, mijn buurvrouw van de kapsalon zag onze Instagram en vroeg wat jij kost en of je nog plek hebt. Mag ik haar je nummer geven of heb je liever dat ze mailt?

Groetjes Margriet
""", mailer="iPhone Mail (23D60)")


# ---------------------------------------------------------------- nl-web: Fietsen Peeters (Berchem)
JAN = ("Jan Peeters", "jan@fietsenpeeters.example.nl")
ANNELIES = ("Annelies Peeters", "annelies@fietsenpeeters.example.nl")

add("nl-web", "in_scope", "",
    "teksten aangeleverd (taak van de klant) + Google Maps-kaartje op contactpagina", JAN,
    "teksten + kaartje", "2026-02-04 11:20", """
Dag Jelle,

In de bijlage de teksten voor de pagina's "herstellingen" en "over ons". De rest volgt deze week nog, Annelies is er nog mee bezig.

Kunt ge op de contactpagina ook een kaartje van Google Maps zetten? De mensen vinden ons anders nooit, we zitten wat verscholen achter de kerk op het pleintje.

Groeten,
Jan
""")

add("nl-web", "out_of_scope", "excluded",
    "lange mail; midden: winkelwagentje met Bancontact voor accessoires = webshop (uitgesloten)", JAN,
    "nieuws uit de winkel", "2026-01-27 21:45", """
Dag Jelle,

Ik wou u eens bijpraten want er is hier veel aan het veranderen. Sinds november verkopen we veel meer elektrische fietsen dan gewone, vooral aan gepensioneerden uit de buurt. Die komen dan voor ne test en na een halfuur rijden ze ermee naar huis. Dat moet er op de site zeker in komen, maar dat zet ik wel in de teksten.

We hebben ook een tweede mecanicien aangenomen, Yusuf, die vooral de bakfietsen doet. Daar is in Antwerpen echt vraag naar, ge moet soms drie weken wachten voor ne herstelling.

Annelies zegt al lang dat we de accessoires beter ook online zouden verkopen: sloten, helmen, fietstassen, dat soort dingen. Zoudt ge daar een winkelwagentje bij kunnen steken, zodat mensen met Bancontact kunnen betalen? Ze denkt dat dat vooral 's avonds goed zou lopen.

Voor de rest is het rustig, januari is altijd een slappe maand. We gebruiken dat om de werkplaats op te ruimen. Volgende week komen de nieuwe modellen van Gazelle binnen.

Allee, ik hoor u wel.

Jan
""")

add("nl-web", "out_of_scope", "new_work",
    "Franstalige versie van de site = vertaling/meertaligheid, geen deliverable", JAN,
    "nog iets", "2026-02-10 08:15", """
Jelle,

Allee, nog iets waar ik aan dacht: kunt ge de site ook in het Frans zetten? We krijgen veel toeristen en Brusselaars die hier een fiets huren voor de Schelde, en die vinden hun weg nie op een Nederlandstalige site.

Jan
""")

add("nl-web", "out_of_scope", "quantity",
    "aparte pagina voor fietsverhuur naast de vijf afgesproken pagina's = zesde pagina", JAN,
    "verhuur", "2026-02-13 14:02", """
Dag Jelle,

Ik heb er met Annelies nog eens over gebabbeld en we zouden toch graag een aparte pagina voor de verhuur van fietsen hebben, naast de vijf die er nu al zijn. Op de pagina "fietsen" raakt het anders onoverzichtelijk, met de dagprijzen en de waarborg en al.

Met vriendelijke groeten,
Jan Peeters
Fietsen Peeters - Berchem
""")

add("nl-web", "out_of_scope", "client_duty",
    "'Kunt gij ze schrijven?' verwijst naar de teksten; teksten aanleveren is de taak van de klant", JAN,
    "teksten", "2026-02-05 22:31", """
Jelle, eerlijk gezegd kom ik er echt nie aan toe, aan die teksten voor home en fietsen. Kunt gij ze schrijven? Ge weet zelf ook wel wat er op moet, ge zijt hier al drie keer geweest.

Sorry,
Jan
""")

add("nl-web", "out_of_scope", "deadline",
    "site al tegen 27 februari online i.p.v. oplevering 13 maart", JAN,
    "opendeurdag", "2026-02-02 09:58", """
Goeiemorgen Jelle,

Zou het lukken om de site al tegen 27 februari online te hebben? Op zaterdag 28 februari houden we onze opendeurdag met de nieuwe modellen en het zou schoon zijn als we daar op de flyers al naar de nieuwe site kunnen verwijzen.

Laat ge iets weten?

Jan
""")

add("nl-web", "in_scope", "",
    "feedbacklijst bij eerste correctieronde op het ontwerp", JAN,
    "Re: ontwerp home - ronde 1", "2026-02-17 19:40", """
Dag Jelle,

Mijn opmerkingen bij het ontwerp (ronde 1):

- de header mag gerust wat groter
- de knop "afspraak maken" mag groener, meer ons groen van de gevel
- de foto van de winkel op de homepage liever bovenaan in plaats van onderaan
- het lettertype in de footer is te klein voor mensen van mijn leeftijd, haha

Voor de rest zijn we er heel content mee.

Jan

Op 16 feb 2026 om 16:05 schreef Jelle Claes <jelle@pixelwerf.example.be>:
> Dag Jan,
> Hierbij het ontwerp van de homepage en de pagina Herstellingen. Dit is correctieronde 1 van 2, laat je me weten wat je ervan vindt?
> Jelle
""", reply="web-ontwerp-ronde1")

add("nl-web", "out_of_scope", "quantity",
    "na de tweede (laatste) correctieronde nog een reeks wijzigingen = derde ronde", JAN,
    "Re: ontwerp - ronde 2", "2026-03-02 20:12", """
Dag Jelle,

Sorry dat ik nog eens kom, want ik weet dat we na de tweede correctieronde zouden stoppen. Maar nu ik het op mijn gsm bekijk zie ik toch nog een paar dingen:

- het menu mag in het zwart in plaats van grijs
- de foto's van de bakfietsen wat kleiner, ze nemen het hele scherm in
- op de contactpagina de openingsuren boven het formulier

Kunt ge dat nog aanpassen?

Jan
""", reply="web-ontwerp-ronde2")

add("nl-web", "no_request", "",
    "prijsvraag voor onderhoud na oplevering, alleen ter info", JAN,
    "onderhoud", "2026-03-05 17:27", """
Jelle, wat zou het kosten als gij na de oplevering de updates blijft doen, zo per maand of per jaar? Gewoon om het te weten, we beslissen nog niks. Mijn schoonbroer zegt dat ik dat zelf kan na uw uitleg.

Jan
""")

add("nl-web", "out_of_scope", "excluded;client_duty",
    "hosting in orde brengen (taak van de klant) en bovenaan in Google komen = SEO (uitgesloten)", JAN,
    "domein", "2026-02-24 12:48", """
Dag Jelle,

Het domein fietsenpeeters.be hebben we, maar ik heb nog altijd geen hosting geregeld. Kunt ge da voor mij in orde brengen? Ik versta daar niks van.

En zoudt ge dan direct ook ne keer zorgen dat we bovenaan staan in Google als mensen "fietsenmaker Berchem" intikken? Die van hiernevens staat altijd boven ons.

Merci,
Jan
""")

add("nl-web", "no_request", "",
    "dank en aankondiging dat ze het ontwerp zelf bekijken", ANNELIES,
    "Re: eerste ontwerp", "2026-02-16 18:30", """
Merci Jelle voor het ontwerp! Jan en ik bekijken het dit weekend rustig samen. Eén ding al: de kleuren zijn top. Ge hoort van ons maandag.

Groetjes,
Annelies

Op 16 feb 2026 om 16:05 schreef Jelle Claes <jelle@pixelwerf.example.be>:
> Dag Jan en Annelies,
> Hierbij het ontwerp van de homepage en de pagina Herstellingen.
""", charset="iso-8859-1", reply="web-ontwerp-ronde1")

add("nl-web", "in_scope", "",
    "vaststelling 'er moet nog een formulier komen' voor afspraak herstelling = afspraakformulier", JAN,
    "herstellingenpagina", "2026-02-26 10:10", """
Dag Jelle,

Ik zie in het ontwerp van de herstellingenpagina nog geen formulier. Er moet daar nog een formulier komen waarmee de mensen zelf een afspraak voor een herstelling kunnen vastleggen, dat was toch zo afgesproken? Met een keuze voor de dag en of het een gewone fiets of een elektrische is.

Jan
""")

add("nl-web", "no_request", "",
    "neef maakt het logo zelf; visitekaartjes gaan naar de drukker; niets gevraagd", JAN,
    "logo", "2026-02-12 13:37", """
Dag Jelle,

Mijn neef Pieter maakt een nieuw logo voor ons, hij zit in het laatste jaar grafische vormgeving. Dat zal tegen eind februari klaar zijn, ge krijgt het dan van mij.

P.S. De visitekaartjes laten we door de drukker in de Statiestraat doen, die heeft onze kleuren al.

Jan
""")

add("nl-web", "in_scope", "",
    "uur uitleg inplannen na oplevering, binnen het ene afgesproken uur", ANNELIES,
    "uitleg", "2026-03-09 09:22", """
Hallo Jelle,

Wanneer kunnen we dat uurtje uitleg over het zelf aanpassen van de site inplannen? Liefst na de oplevering, op ne dinsdagvoormiddag, want dan is de winkel dicht. Ik zou het zelf doen, Jan heeft daar het geduld nie voor.

Groetjes,
Annelies
""")

add("nl-web", "no_request", "",
    "Jan regelt de foto's zelf met een fotograaf (taak van de klant); alleen nieuws", JAN,
    "foto's", "2026-02-19 13:05", """
Dag Jelle,

Ge moet u geen zorgen maken over de foto's. Zaterdag komt de fotograaf van hiernaast (Kris, die van de trouwfoto's) en die trekt de winkel, de werkplaats en een stuk of twintig fietsen. Tegen woensdag zou alles in de gedeelde map moeten staan.

Tot dan,
Jan

--
Fietsen Peeters
Verkoop · Herstellingen · Verhuur
Statiestraat 88, 2600 Berchem
""")


if __name__ == "__main__":
    build()

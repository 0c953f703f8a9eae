"""Builds the second Dutch development split: labelled client e-mails in tests/labelled/mail/nl/dev2.

Each mail is written out by hand below and turned into an RFC 5322 .eml file; the label row for
each file goes to tests/labelled/labels-nl-dev2.csv. Run: .venv/bin/python tests/labelled/build_nl_dev2.py
"""
from __future__ import annotations

import csv
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
OUT = HERE / "mail" / "nl" / "dev2"
LABELS = HERE / "labels-nl-dev2.csv"

# The freelancer (VA) who receives the mail for each agreement.
VA = {
    "nl-admin": "Sanne Bakker <sanne@bakkervirtueel.example.nl>",
    "nl-boekhouding": "Karin de Wit <karin@dewitadministratie.example.nl>",
    "nl-schilder": "Wim Hoekstra <wim@hoekstraschilderwerk.example.nl>",
    "nl-social": "Lotte Vermeer <lotte@lottesocial.example.nl>",
    "nl-web": "Bram Van Dyck <bram@studiovandyck.example.be>",
}

MAILS: list[dict] = []


def add(n, agreement, verdict, cats, note, frm, subject, date, body, **kw):
    """Registers one mail; agreement picks the recipient, the label's client is empty for unknown senders."""
    MAILS.append(dict(n=n, agreement=agreement, verdict=verdict, cats=cats, note=note, frm=frm,
                      subject=subject, date=date, body=body, **kw))


def quoted(text):
    """Prefixes every line with '> ' the way a mail client quotes the earlier message."""
    return "\n".join(("> " + line) if line else ">" for line in text.strip("\n").split("\n"))


# --------------------------------------------------------------------------------------------
# nl-admin: Van Leeuwen Coaching & Training (Marieke; Joyce is office manager, Ruud a trainer)
# --------------------------------------------------------------------------------------------
MARIEKE = "Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>"
JOYCE = "Joyce Smit <joyce@vanleeuwencoaching.example.nl>"

add(1, "nl-admin", "in_scope", "", "een reis (trein + hotel) voor een training, binnen 2 per maand",
    MARIEKE, "Zwolle 12 februari", "2026-01-19 08:47", """\
Goedemorgen Sanne,

De training bij de gemeente Zwolle is definitief, donderdag 12 februari van 9 tot 16 uur.
Omdat ik om half negen al moet beginnen met opbouwen, wil ik de avond ervoor al afreizen.

Zou jij een treinkaartje (1e klas mag, dat declareer ik) en een hotel dicht bij het station
voor de woensdagnacht voor me willen boeken? Terugreis donderdag rond vijf uur.

Dank je!

Hartelijke groet,
Marieke

--
Marieke van Leeuwen
Van Leeuwen Coaching & Training
06 - 12 34 56 78
""", mailer="Microsoft Outlook 16.0")

add(2, "nl-admin", "out_of_scope", "excluded", "vraagt een openstaande factuur te betalen (boekhouding uitgesloten)",
    MARIEKE, "Re: Bevestiging zaalhuur Landgoed De Horst", "2026-01-22 14:05", """\
Hoi Sanne,

Dank voor het regelen van de zaal. Ik zie nu dat hun factuur voor de aanbetaling (€ 450) nog
openstaat en dat hij over drie dagen vervalt. Wil jij die even overmaken vanaf de zakelijke
rekening? Dan hoeven we daar niet meer aan te denken.

Groetjes,
Marieke

Op 21 jan 2026, om 16:32 heeft Sanne Bakker <sanne@bakkervirtueel.example.nl> het volgende geschreven:

""" + quoted("""\
Hoi Marieke,

De zaal op Landgoed De Horst staat voor je vast op 5 maart, inclusief lunch voor 14 personen.
De bevestiging zit in de bijlage en de afspraak staat in je agenda.

Groet,
Sanne
""") + "\n", in_reply_to="<va-0002@bakkervirtueel.example.nl>", mailer="Apple Mail (2.3774)")

add(3, "nl-admin", "out_of_scope", "client_duty", "vraagt de VA zelf een boekingsaccount aan te maken (toegang regelt Marieke)",
    MARIEKE, "NS Zakelijk", "2026-01-26 21:12", """\
Sanne,

Je vroeg vorige week om toegang tot NS Zakelijk zodat je de treinreizen kunt boeken. Ik kom er
eerlijk gezegd niet aan toe om dat account aan te maken, het is een heel formulier met KvK en
zo. Kun jij dat doen? Mijn KvK-nummer staat onderaan mijn mail en het wachtwoord mag je zelf
verzinnen, zet het dan wel even in de kluis.

Marieke
""")

add(4, "nl-admin", "no_request", "", "afwezigheidsmelding van Marieke",
    MARIEKE, "Automatisch antwoord: Agenda week 7", "2026-02-09 07:00", """\
Dank voor je bericht.

Ik geef deze week een meerdaagse training en lees mijn mail pas weer op maandag 16 februari.
Voor vragen over afspraken en inschrijvingen kun je terecht bij info@vanleeuwencoaching.example.nl.

Met vriendelijke groet,
Marieke van Leeuwen
""", extra={"Auto-Submitted": "auto-replied", "X-Autoreply": "yes"},
    in_reply_to="<va-0004@bakkervirtueel.example.nl>")

add(5, "nl-admin", "out_of_scope", "deadline", "notulen dezelfde avond i.p.v. binnen twee werkdagen",
    JOYCE, "notulen teamoverleg vandaag", "2026-02-10 15:48", """\
Hoi Sanne,

Fijn dat je er vanmiddag bij was. Marieke wil de actiepunten graag morgen om 8 uur bij de start
van de dag met iedereen doorlopen. Lukt het om de notulen vanavond nog rond te sturen? Dan
heeft iedereen ze voor het eerst gelezen voor het ontbijt.

Alvast heel erg bedankt,
Joyce

Joyce Smit | officemanager
Van Leeuwen Coaching & Training
""")

add(6, "nl-admin", "out_of_scope", "quantity;excluded",
    "drie reizen in maart (limiet 2 per maand); P.S. cadeau voor verjaardag (privé uitgesloten)",
    MARIEKE, "Reizen maart", "2026-02-24 10:31", """\
Hoi Sanne,

Maart wordt druk, ik heb drie trainingen buiten de deur:

- 4 maart Utrecht (alleen trein, heen en terug op één dag)
- 11 en 12 maart Gent, daar heb ik een hotel nodig voor de nacht van de 11e
- 25 maart Groningen, ook met overnachting, graag iets rustigs

Wil je die alle drie voor me regelen? Voorkeur voor hotels waar ik 's ochtends vroeg kan
ontbijten.

Liefs,
Marieke

P.S. Joyce is op 3 maart jarig. Wil jij een mooi cadeautje voor haar uitzoeken en laten
bezorgen? Iets met thee of een bos bloemen, max. 40 euro.
""")

add(7, "nl-admin", "in_scope", "", "feedbacklijst op opgemaakt werkboek, trainingsmateriaal",
    JOYCE, "Re: Werkboek Leidinggeven met Lef - versie 1", "2026-02-03 11:20", """\
Hai Sanne,

Marieke heeft het werkboek doorgekeken, ziet er al heel professioneel uit. Een paar puntjes:

1. het logo op de voorkant mag een stuk kleiner, nu valt het te veel op
2. de paginanummers ontbreken nog
3. de oefening "Jouw valkuilen" op p. 6 graag op een nieuwe pagina laten beginnen
4. de invulvakken mogen wat groter, mensen schrijven groot
5. achterkant: telefoonnummer klopt niet, moet 06-12345678 zijn

Daarna graag printklaar maken, naar de drukker sturen doe ik zelf.

Groetjes,
Joyce

-----Oorspronkelijk bericht-----
Van: Sanne Bakker <sanne@bakkervirtueel.example.nl>
Verzonden: maandag 2 februari 2026 17:02
Aan: Joyce Smit <joyce@vanleeuwencoaching.example.nl>
Onderwerp: Werkboek Leidinggeven met Lef - versie 1

Hoi Joyce,

In de bijlage de eerste versie van het werkboek in de huisstijl. Laat maar weten wat jullie
ervan vinden.

Sanne
""", in_reply_to="<va-0007@bakkervirtueel.example.nl>")

add(8, "nl-admin", "no_request", "", "alleen bedankt; oude hotelvraag staat alleen in het citaat",
    MARIEKE, "Re: Hotel Gent", "2026-03-02 19:54", """\
Super, helemaal goed zo. Dankjewel!

Verstuurd vanaf mijn iPhone

> Op 2 mrt. 2026 om 16:10 heeft Sanne Bakker <sanne@bakkervirtueel.example.nl> het volgende geschreven:
>
> Hoi Marieke,
>
> Geboekt: Hotel Onderbergen in Gent, 11 op 12 maart, ontbijt vanaf 6.30 uur. Ticket voor
> de trein zit in de bijlage.
>
> Groet, Sanne
>
>> Op 27 feb. 2026 om 09:12 heeft Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl> het volgende geschreven:
>>
>> Wil je in Gent een hotel zoeken dat op loopafstand van de trainingslocatie ligt?
>> En graag een kamer aan de achterkant, ik slaap slecht.
""", in_reply_to="<va-0008@bakkervirtueel.example.nl>",
    references="<0008a.202602270912@vanleeuwencoaching.example.nl> <va-0008@bakkervirtueel.example.nl>",
    mailer="iPhone Mail (22D72)")

add(9, "nl-admin", "out_of_scope", "new_work", "een inspiratiemiddag organiseren (locatie, catering, uitnodigingen): geen deliverable",
    MARIEKE, "Idee: inspiratiemiddag voor oud-deelnemers", "2026-02-17 13:15", """\
Hoi Sanne,

Ik loop al een tijdje met het idee om in april een inspiratiemiddag te houden voor
oud-deelnemers, zo'n 40 mensen. Wat ik nodig heb is iemand die dat van A tot Z organiseert:
een leuke locatie in de buurt van Amersfoort zoeken, catering regelen, de uitnodigingen
versturen en de aanmeldingen bijhouden.

Ik hoop eigenlijk dat jij dat wilt oppakken. Zeg het maar als je er een prijsje voor moet
maken.

Groet,
Marieke
""")

add(10, "nl-admin", "no_request", "", "hypothetisch over later project + nieuws met 'ook'",
    MARIEKE, "Even bijpraten", "2026-03-09 12:02", """\
Hoi Sanne,

Even een update tussendoor. De nieuwe website is sinds vrijdag live en er zijn ook al twee
aanmeldingen voor de intervisiegroep via binnengekomen. Joyce gaat na de zomer minder werken,
dus het team verandert wat.

Ik zit er verder over te denken om volgend jaar een opleiding voor coaches te starten. Als dat
doorgaat, zou jij dan in principe ook de inschrijvingen willen doen? Je hoeft er nu niks mee,
het is nog helemaal niet zeker. Gewoon iets om in je achterhoofd te houden.

Fijne week!
Marieke
""")

add(11, "nl-admin", "in_scope", "", "agenda verzetten, intake bevestigen, standaardvraag in inbox beantwoorden",
    MARIEKE, "paar dingetjes", "2026-01-28 08:05", """\
Morgen Sanne,

Paar dingetjes voor vandaag:
- mijn afspraak met Dirk Hoogland van donderdag 10.00 kan die naar vrijdag? Hij zei dat hij
  dan ook kan.
- de intake met mevrouw Özdemir van volgende week dinsdag graag nog even bevestigen, ze
  twijfelde of het om 14.00 of 14.30 was (14.30 dus).
- er staat een mail in info@ van iemand die vraagt wat een loopbaantraject kost, die mag je
  met de standaardtekst beantwoorden.

Dank je wel!
Marieke
""", cte="quoted-printable")

add(12, "nl-admin", "out_of_scope", "excluded", "LinkedIn-bericht maken en plaatsen (social media uitgesloten)",
    MARIEKE, "Foto's training Deventer", "2026-03-13 16:40", None, html="""\
<html><body style="font-family: Calibri, sans-serif; font-size: 11pt">
<p>Hoi Sanne,</p>
<p>Wat een fijne groep was het gisteren in Deventer! Ik heb de foto&#39;s in de gedeelde map
gezet.</p>
<p>Zou je daar een <b>LinkedIn-bericht</b> van willen maken met een kort verslagje, en het
morgenochtend op mijn pagina zetten? De deelnemers mogen getagd worden, ze vonden het goed.</p>
<p>Groetjes,<br>Marieke</p>
<p style="color:#7a7a7a">Van Leeuwen Coaching &amp; Training<br>Loopbaan &middot; Leiderschap &middot; Teamcoaching</p>
</body></html>
""", mailer="Microsoft Outlook 16.0")

add(13, "nl-admin", "no_request", "", "trekt de hotelvraag in (training gaat niet door)",
    MARIEKE, "Re: Maastricht", "2026-03-18 09:26", """\
Laat dat hotel in Maastricht maar zitten, de training is afgezegd door de opdrachtgever. Heb
je het al geboekt, dan is het kosteloos annuleren tot morgen, maar dat doe ik zelf wel even
vanaf mijn telefoon.

M.

Op di 17 mrt 2026 om 15:03 schreef Marieke van Leeuwen <marieke@vanleeuwencoaching.example.nl>:
""" + quoted("""\
Hoi Sanne, kun je voor 2 april een hotel in Maastricht boeken? Dank!
"""), in_reply_to="<0013a.adm@vanleeuwencoaching.example.nl>")

add(14, "nl-admin", "unknown_sender", "", "Marieke vanaf haar privé-adres, niet in contacts",
    "Marieke <m.vanleeuwen1978@gmail.example.com>", "afspraak morgen", "2026-02-05 22:41", """\
Hee Sanne, ik zit thuis en kan niet bij mn werkmail. Kun je de afspraak van morgen 9u met
Karel verzetten naar volgende week? Ik voel me niet lekker.
Mvg Marieke
""", mailer="Android Gmail")

# --------------------------------------------------------------------------------------------
# nl-boekhouding: Hoveniersbedrijf Groen & Zo (Peter is owner, Ingrid does the office)
# --------------------------------------------------------------------------------------------
PETER = "Peter Groen <peter@groenenzo.example.nl>"
INGRID = "Ingrid Groen <ingrid@groenenzo.example.nl>"
GZ_SIG = """\
--
Hoveniersbedrijf Groen & Zo
Tuinaanleg - Tuinonderhoud - Bestrating - Snoeiwerk
Kerkweg 12, 3931 MK Woudenberg
"""

add(15, "nl-boekhouding", "in_scope", "", "17 verkoopfacturen op basis van urenstaten, binnen 25 per maand",
    INGRID, "Urenstaten januari", "2026-02-03 09:14", """\
Goedemorgen Karin,

De urenstaten en werkbonnen van januari staan in de map "Uren 2026". Wil je op basis daarvan
de facturen maken en versturen? Ik kom op 17 klanten. Let op: bij de VvE Parkzicht moet het
ordernummer PZ-2026-03 op de factuur, anders betalen ze niet.

Met vriendelijke groet,
Ingrid Groen

""" + GZ_SIG)

add(16, "nl-boekhouding", "out_of_scope", "excluded", "jaarrekening 2025 en aangifte inkomstenbelasting (jaarwerk uitgesloten)",
    PETER, "Vraagje", "2026-01-14 20:37", """\
Hoi Karin,

Onze vorige boekhouder is ermee gestopt en die had de jaarrekening over 2025 nog niet gedaan.
Kun jij die meteen ook maken, en dan de aangifte inkomstenbelasting van mij en Ingrid erbij?
Dan is alles in één hand, dat lijkt me wel zo makkelijk.

Groet,
Peter
""", mailer="Microsoft Outlook 16.0")

add(17, "nl-boekhouding", "out_of_scope", "client_duty", "vraagt de VA de bonnetjes op te halen, te scannen en te uploaden (levert klant aan)",
    PETER, "bonnetjes", "2026-02-09 18:55", """\
Karin,

Ik heb hier nog een schoenendoos vol bonnetjes staan van de bouwmarkt en de brandstof, van
december en januari door elkaar. Het lukt me gewoon niet om die allemaal in te scannen en in
de map te zetten. Zou jij ze kunnen komen ophalen en dat voor me doen? Je mag het gewoon
schrijven als extra uren, als het maar gebeurt.

Peter

Verstuurd vanaf mijn iPhone
""", mailer="iPhone Mail (22D72)")

add(18, "nl-boekhouding", "no_request", "", "nieuws dat 'ook' bevat, geen vraag",
    INGRID, "Nieuwe medewerker", "2026-02-20 12:30", """\
Hoi Karin,

Ter info: vanaf 1 maart werkt ook Kevin de Jong bij ons, in de ploeg van Henk. Hij is
zzp'er en stuurt zelf een factuur, dus je ziet die gewoon als inkoop langskomen. Zijn uren
zet ik op de urenstaten zoals bij de rest.

Groetjes,
Ingrid
""")

add(19, "nl-boekhouding", "out_of_scope", "deadline", "boekingen februari al op 2 maart (afspraak: voor de 15e), desnoods in het weekend",
    PETER, "februari cijfers", "2026-02-26 17:20", """\
Hoi Karin,

Ik heb dinsdag 3 maart een gesprek met mijn zwager die misschien in de zaak komt, en ik wil
dan graag laten zien hoe februari ervoor staat. Kun je februari dit keer uiterlijk maandag
2 maart helemaal verwerkt hebben? De bankafschriften en bonnen zet ik er morgen in. Als dat
betekent dat je er in het weekend aan moet, dan is dat zo, ik betaal het gewoon.

Bedankt alvast!
Peter
""")

add(20, "nl-boekhouding", "in_scope", "", "betalingsherinnering sturen, telefoonstijl",
    PETER, "Bakker vastgoed", "2026-01-20 07:12", """\
karin stuur jij ff n herinnering naar bakker vastgoed? die 2 facturen van december staan nog
steeds open

Verstuurd vanaf mijn iPhone
""", mailer="iPhone Mail (22D72)")

add(21, "nl-boekhouding", "out_of_scope", "quantity", "31 facturen in één maand, limiet 25",
    INGRID, "Facturen maart", "2026-04-02 10:03", """\
Hoi Karin,

Maart was een topmaand, iedereen wilde zijn tuin voorjaarsklaar hebben. Ik heb de werkbonnen
geteld en kom op 31 klussen die gefactureerd moeten worden. Alle urenstaten staan in de map.
Kun je voor alle 31 de factuur maken en vóór 10 april versturen? Hoe eerder het geld binnen is,
hoe beter.

Met vriendelijke groet,
Ingrid

""" + GZ_SIG)

add(22, "nl-boekhouding", "no_request", "", "dankt voor het overzicht; eerdere vraag staat alleen in het citaat",
    PETER, "Re: Kwartaaloverzicht Q1 2026", "2026-04-15 19:48", """\
Karin, bedankt. Mooie cijfers, ik had niet gedacht dat we zo goed uit het eerste kwartaal
zouden komen. Alles duidelijk.

Gr. Peter

-----Oorspronkelijk bericht-----
Van: Karin de Wit <karin@dewitadministratie.example.nl>
Verzonden: dinsdag 14 april 2026 16:21
Aan: Peter Groen <peter@groenenzo.example.nl>
Onderwerp: Kwartaaloverzicht Q1 2026

Hoi Peter,

Hierbij het kwartaaloverzicht over Q1 ter controle. Als je akkoord bent, dien ik de btw-
aangifte in.

Groet, Karin

-----Oorspronkelijk bericht-----
Van: Peter Groen <peter@groenenzo.example.nl>
Verzonden: woensdag 8 april 2026 07:58
Aan: Karin de Wit <karin@dewitadministratie.example.nl>
Onderwerp: Q1

Wil je het kwartaaloverzicht en de btw-aangifte over Q1 klaarzetten?
""", in_reply_to="<va-0022@dewitadministratie.example.nl>",
    references="<0024.202604080758@groenenzo.example.nl> <va-0022@dewitadministratie.example.nl>")

add(23, "nl-boekhouding", "out_of_scope", "excluded;new_work",
    "loonstroken (salaris uitgesloten) + verzekeringen uitzoeken (geen deliverable)",
    PETER, "Personeel vanaf april", "2026-03-05 13:40", """\
Hallo Karin,

Goed nieuws: we nemen vanaf 1 april twee jongens in vaste dienst. Ik heb van alles op me af
zien komen, dus een paar vragen:

Kun jij de loonstroken en de loonaangifte voor ze verzorgen? En zou je ook willen uitzoeken
welke verzekeringen we als werkgever moeten afsluiten (verzuim, WGA, dat soort dingen) en de
offertes naast elkaar zetten? Ik heb daar echt geen kaas van gegeten.

Groet,
Peter
""")

add(24, "nl-boekhouding", "in_scope", "", "btw-aangifte en kwartaaloverzicht Q1; 'weekend' slaat op Peter zelf",
    PETER, "Q1", "2026-04-08 07:58", """\
Goedemorgen Karin,

Wil je het kwartaaloverzicht en de btw-aangifte over Q1 klaarzetten? Dan kijk ik er in het
weekend rustig naar en hoor je maandag of alles akkoord is. Geen haast, als het maar vóór
eind april binnen is bij de Belastingdienst.

Met vriendelijke groet,
Peter Groen
""", charset="windows-1252", cte="quoted-printable")

add(25, "nl-boekhouding", "out_of_scope", "excluded", "leaseaanvraag voor een minigraver (financiering uitgesloten)",
    PETER, "Lease minigraver", "2026-05-12 11:15", None, html="""\
<!DOCTYPE html><html><head><meta charset="utf-8"></head><body>
<div>Hoi Karin,</div>
<div><br></div>
<div>We gaan een nieuwe minigraver leasen via de dealer in Veenendaal. Ze willen een
leaseaanvraag met de cijfers van 2025 en een prognose voor dit jaar.</div>
<div><br></div>
<div>Wil jij die aanvraag invullen en de cijfers rechtstreeks naar de leasemaatschappij
sturen? Het contactpersoon is mevrouw Kuipers, haar mailadres zet ik hieronder.</div>
<div><br></div>
<div>Groet,</div>
<div>Peter</div>
<div><br></div>
<div style="font-size:9pt;color:#3a7d2c"><b>Hoveniersbedrijf Groen &amp; Zo</b><br>
Tuinaanleg &bull; Tuinonderhoud &bull; Bestrating</div>
</body></html>
""")

add(26, "nl-boekhouding", "no_request", "", "vraag alleen ter informatie (bewaartermijn)",
    INGRID, "bewaren werkbonnen", "2026-06-18 15:02", """\
Hoi Karin,

Peter wil de zolder opruimen en vroeg zich af hoe lang we de papieren werkbonnen eigenlijk
moeten bewaren. Zeven jaar, toch? Of geldt dat alleen voor de facturen?

Groetjes,
Ingrid
""")

add(27, "nl-boekhouding", "no_request", "", "meldt aangeleverde bonnen; handtekening noemt diensten",
    PETER, "bonnen maart", "2026-04-04 08:31", """\
Bonnetjes en bankafschriften van maart staan erin.

Gr. Peter

""" + GZ_SIG + """\
Tel. 0318 - 12 34 56 | www.groenenzo.example.nl
Ook voor sierbestrating, vijvers en tuinverlichting!
""")

add(28, "nl-boekhouding", "unknown_sender", "", "leverancier die om betaling vraagt, niet in contacts",
    "Kwekerij De Bloesem - Debiteuren <debiteuren@kwekerijdebloesem.example.nl>",
    "Openstaande factuur 2026-0114 Groen & Zo", "2026-03-11 09:45", """\
Geachte mevrouw De Wit,

Van de heer Groen begrepen wij dat u de administratie van Hoveniersbedrijf Groen & Zo
verzorgt. Volgens onze administratie staat factuur 2026-0114 van 12 januari (€ 1.286,40) nog
open. Wilt u ervoor zorgen dat dit bedrag binnen 14 dagen wordt voldaan?

Met vriendelijke groet,

Afdeling Debiteuren
Kwekerij De Bloesem B.V.
""")

# --------------------------------------------------------------------------------------------
# nl-schilder: B&B De Oude Pastorie (Els runs it, Joost is her husband)
# --------------------------------------------------------------------------------------------
ELS = "Els Wouters <els@deoudepastorie.example.nl>"
JOOST = "Joost Wouters <joost@deoudepastorie.example.nl>"

add(29, "nl-schilder", "in_scope", "", "twee proefvlakken zetten, binnen de limiet van 2",
    ELS, "Vandaag", "2026-02-02 06:52", """\
Goedemorgen Wim,

De kamers zijn leeg, de gordijnen zijn eraf en de sleutel ligt bij de buren op nr. 4 als we er
niet zijn. Wil je vandaag beginnen met de twee proefvlakken in kamer 2, bij het raam? Dan kan
ik vanmiddag bij daglicht kijken. De kleurnummers had ik je al gestuurd (de twee grijzen).

Tot straks!
Els
""")

add(30, "nl-schilder", "out_of_scope", "excluded", "luiken aan de voorkant (buitenschilderwerk uitgesloten)",
    ELS, "luiken", "2026-02-06 17:05", """\
Hai Wim,

Nu je er toch bent: de groene luiken aan de voorkant zien er echt niet meer uit, de verf
bladdert er af. Kun je die metteen meenemen als je klaar bent met de kamers? Dan ziet het er
voor het seizoen ook van buiten weer netjes uit.

Groetjes, Els
""")

add(31, "nl-schilder", "out_of_scope", "client_duty", "meubels uit kamer 3 halen (kamers leegmaken is aan de klant)",
    ELS, "kamer 3", "2026-02-10 07:20", """\
Goedemorgen Wim,

Slecht nieuws: Joost ligt plat met zijn rug, dus het is ons niet gelukt kamer 3 leeg te
krijgen. Het bed, de grote eikenhouten kast en het bureau staan er nog. Zou jij met je
collega de meubels eruit kunnen halen en op de zolder zetten voordat je daar begint? Ik krijg
die kast in mijn eentje echt niet de trap af.

Sorry!
Els
""")

add(32, "nl-schilder", "out_of_scope", "deadline", "kamers op 20 februari klaar i.p.v. 27 februari, desnoods op zaterdag werken",
    ELS, "Boeking!", "2026-02-11 20:14", """\
Wim,

We hebben net een boeking binnengekregen van een groep fietsers, vanaf zaterdag 21 februari,
alle drie de kamers. Dat is te mooi om te laten schieten. Is het mogelijk om alles een week
eerder af te hebben, dus vrijdag 20 februari? Als je daarvoor een zaterdag of een paar avonden
moet doorwerken, dan hoor ik wat dat extra kost.

Laat je het morgen weten? Dan kan ik de groep bevestigen.

Els
""")

add(33, "nl-schilder", "out_of_scope", "quantity", "een vierde kamer erbij, afspraak is drie kamers",
    ELS, "Nog een kamer?", "2026-02-13 12:48", """\
Hoi Wim,

We hebben besloten dat het kleine kamertje achterin op de eerste verdieping, waar nu de
strijkplank staat, ook een gastenkamer wordt. Dan hebben we er vier in plaats van drie. Zou
je die er ook bij kunnen doen, muren en plafond in dezelfde kleur als kamer 1? Het is maar
een klein kamertje hoor.

Hartelijke groet,
Els
""")

add(34, "nl-schilder", "out_of_scope", "excluded;new_work",
    "scheur in plafond moet eerst weg (herstelwerk uitgesloten) + radiatoren schilderen (geen deliverable)",
    ELS, "Re: Planning deze week", "2026-02-04 18:22", """\
Hoi Wim,

Ik keek vanmiddag even in kamer 1 en boven het raam zit een flinke scheur in het plafond, van
de hoek tot bijna de lamp. Die moet wel eerst gerepareerd worden voordat je gaat verven,
anders zie je hem over een maand gewoon weer.

En de radiatoren zijn nogal vergeeld. Die zouden in dezelfde kleur als de muur mooi zijn, kan
dat ook?

Groet,
Els

Op 3 feb. 2026, om 17:40, schreef Wim Hoekstra <wim@hoekstraschilderwerk.example.nl>:
""" + quoted("""\
Hoi Els,

Deze week doe ik kamer 1 en 2: dinsdag en woensdag plafonds, donderdag en vrijdag de eerste
laag op de muren. Volgende week kamer 3 en het houtwerk.

Groet, Wim
"""), in_reply_to="<va-0034@hoekstraschilderwerk.example.nl>")

add(35, "nl-schilder", "out_of_scope", "quantity;client_duty",
    "nog twee proefvlakken (limiet 2, beide al gezet) + laat de VA de kleur kiezen (kleurkeuze is aan Els)",
    ELS, "Re: proefvlakken kamer 2", "2026-02-03 16:55", """\
Hoi Wim,

Eerlijk gezegd vind ik ze allebei niks nu ze op de muur staan. Veel te koud, het lijkt wel een
ziekenhuis. Zet je er nog twee naast? En kies jij dan maar iets warmers uit, jij hebt daar
meer verstand van dan ik. Ik vertrouw je helemaal.

Els

Verstuurd vanaf mijn iPad

> Op 3 feb. 2026 om 12:02 heeft Wim Hoekstra <wim@hoekstraschilderwerk.example.nl> het volgende geschreven:
>
> Hoi Els, de twee proefvlakken staan op de muur bij het raam in kamer 2. Laat maar weten
> welke het wordt.
""", in_reply_to="<va-0035@hoekstraschilderwerk.example.nl>")

add(36, "nl-schilder", "in_scope", "", "opleverpunten kamer 1: plint, streep plafond, druppel kozijn",
    ELS, "Kamer 1 nagelopen", "2026-02-19 16:10", """\
Hoi Wim,

Joost en ik zijn vanmiddag door kamer 1 gelopen. Hij is prachtig geworden! Nog een paar
puntjes die we zagen:

- de plint achter de deur is nog niet gelakt
- langs de rand van het plafond bij de kast zie je nog een streep van de eerste laag
- op het deurkozijn zit aan de scharnierkant een druppel lak

Kun je die nog even bijwerken voor je aan de overloop begint?

Groetjes,
Els
""")

add(37, "nl-schilder", "no_request", "", "compliment na oplevering, nieuws met 'ook'",
    ELS, "Dank je wel!", "2026-03-05 21:33", """\
Lieve Wim,

Wat zijn de kamers mooi geworden! Ik loop er steeds even binnen om te kijken. De eerste
gasten zijn er vanavond en die zeiden ook meteen dat het er zo fris uitziet. Ik heb je naam al
aan twee buren doorgegeven.

Heel erg bedankt voor al het werk en je geduld met onze kleurkeuzes.

Hartelijke groet,
Els & Joost
""")

add(38, "nl-schilder", "no_request", "", "informatieve vraag over droogtijd",
    ELS, "droogtijd", "2026-02-24 13:12", """\
Hoi Wim, hoe lang moet de lak op de plinten eigenlijk drogen voordat we de kasten er weer
tegenaan kunnen zetten? Joost wil morgen al beginnen met inruimen, maar ik wil geen plakkende
plinten.

Els
""")

add(39, "nl-schilder", "no_request", "", "trekt het idee van een andere kleur op de overloop in",
    ELS, "Re: overloop", "2026-02-23 08:02", """\
Goedemorgen Wim,

Vergeet wat ik gisteren zei over de overloop in dat oudroze. Joost vond het niks en eerlijk
gezegd had hij gelijk. We houden het gewoon bij het gebroken wit zoals afgesproken.

Els

Op zo 22 feb 2026 om 19:47 schreef Els Wouters <els@deoudepastorie.example.nl>:
""" + quoted("""\
Wim, wat zou je ervan vinden als we de overloop in dat oudroze van kamer 3 doen? Kun je dat
kleurnummer ook voor de overloop bestellen?
"""), in_reply_to="<0039a.sch@deoudepastorie.example.nl>")

add(40, "nl-schilder", "in_scope", "", "overloop doen, telefoonstijl",
    JOOST, "overloop", "2026-02-24 18:41", """\
Wim kun je morgen de overloop doen? Sleutel ligt onder de mat, Els en ik zijn naar de
groothandel. Gr Joost

Verstuurd vanaf mijn iPhone
""", mailer="iPhone Mail (22D72)")

add(41, "nl-schilder", "no_request", "", "hypothetisch over gevel volgend jaar, alleen een vraag naar de prijs",
    JOOST, "Volgend jaar", "2026-03-02 20:20", """\
Hallo Wim,

Iets voor later: we denken erover om volgend voorjaar de gevel en de kozijnen buiten te laten
schilderen, als de boekingen dit seizoen een beetje meevallen. Doe jij ook buitenwerk? Dan
horen we graag ongeveer wat zoiets zou kosten, maar nu nog niks plannen hoor.

Groet,
Joost Wouters
""")

add(42, "nl-schilder", "in_scope", "", "deuren aan beide kanten lakken (houtwerk)",
    ELS, "deuren", "2026-02-16 10:25", """\
Beste Wim,

Nog even over de deuren van de kamers: wil je die aan beide kanten lakken, dus ook de kant
aan de overloop? Ik ging er eigenlijk van uit, maar Joost twijfelde. Graag in dezelfde crème
als de kozijnen.

Met vriendelijke groet,
Els Wouters
B&B De Oude Pastorie
""", charset="iso-8859-1", cte="quoted-printable")

# --------------------------------------------------------------------------------------------
# nl-social: Bloemsierkunst Margriet (Margriet owns the shop, Daan works in the shop)
# --------------------------------------------------------------------------------------------
MARGRIET = "Margriet Hendriks <margriet@bloemsierkunstmargriet.example.nl>"
DAAN = "Daan Hendriks <daan@bloemsierkunstmargriet.example.nl>"
BM_SIG = """\
Bloemsierkunst Margriet
Bruidswerk | Rouwwerk | Boeketten | Workshops
Dorpsstraat 41, Nieuwkoop
"""

add(43, "nl-social", "in_scope", "", "drie posts voor de vaste dagen, binnen 3 per week",
    MARGRIET, "Bruidswerk volgende week", "2026-01-16 16:45", """\
Hoi Lotte,

De foto's van de bruidsboeketten van afgelopen zaterdag staan in de Dropbox (map "Bruiloft
Vos"). Het bruidspaar vindt het goed dat we ze laten zien. Kun je daar de posts van maandag,
woensdag en vrijdag van maken? Mag best een carrousel bij zitten. Het corsage met de
viooltjes vond ik zelf het mooist.

Groetjes,
Margriet

""" + BM_SIG)

add(44, "nl-social", "out_of_scope", "quantity", "zes posts in één week, limiet 3 per week",
    MARGRIET, "Valentijn!!", "2026-02-05 09:20", """\
Lotte!

Valentijn valt op zaterdag en dat is voor ons de drukste week van het jaar. Ik wil de week
ervoor echt vol gas: elke dag een post, van maandag 9 t/m zaterdag 14 februari, dus zes. Met
elke dag een ander boeket en onderaan dat je kunt bestellen via de telefoon. Foto's krijg je
vrijdag.

Lukt dat?
Margriet
""")

add(45, "nl-social", "out_of_scope", "excluded", "post boosten (betaalde advertenties uitgesloten)",
    MARGRIET, "Re: post rouwstukken", "2026-01-23 11:08", """\
Wauw, 80 likes en drie aanvragen al! Die post loopt zo goed, kun je hem niet voor een tientje
of twintig boosten? Dan zien mensen uit de omliggende dorpen hem ook.

Margriet

Op 22 jan 2026 om 09:01 schreef Lotte Vermeer <lotte@lottesocial.example.nl>:
""" + quoted("""\
Hoi Margriet, de post over de rouwstukken staat online. Ik heb de reacties
aangezet en houd ze vandaag in de gaten.
Groet, Lotte
"""), in_reply_to="<va-0045@lottesocial.example.nl>")

add(46, "nl-social", "out_of_scope", "client_duty", "VA moet foto's komen maken (foto's levert Margriet aan)",
    MARGRIET, "foto's voorjaar", "2026-03-02 14:30", """\
Hoi Lotte,

Ik zit tot over mijn oren in de voorbereidingen voor de workshops en kom deze week echt niet
toe aan foto's maken van de nieuwe voorjaarsboeketten. Zou jij donderdag in de winkel
langs kunnen komen om ze te fotograferen? Je hebt een beter oog voor licht dan ik en dan heb
je meteen materiaal voor volgende week.

Groetjes,
Margriet
""")

add(47, "nl-social", "out_of_scope", "new_work;excluded",
    "TikTok-account opzetten en filmpjes (geen deliverable) + nieuwsbrief Moederdag (uitgesloten)",
    MARGRIET, "ideeën", "2026-02-26 21:47", """\
Hai Lotte,

Mijn dochter zegt dat we echt op TikTok moeten, daar zitten alle jonge stellen die gaan
trouwen. Zou jij een TikTok-account voor ons willen opzetten en daar elke week een filmpje
uit de werkplaats op zetten?

O ja, en voor Moederdag wil ik een nieuwsbrief naar de klanten sturen. Het adressenbestand
staat in het kassasysteem. Kun jij die maken en versturen?

Laat maar weten wat dat extra kost.
Margriet
""")

add(48, "nl-social", "out_of_scope", "deadline", "contentkalender maart al op 13 februari (afspraak: laatste vrijdag van de maand)",
    MARGRIET, "Planning maart", "2026-02-10 08:52", """\
Goedemorgen Lotte,

Ik ben van 16 tot en met 20 februari weg en daarna is het meteen hectisch. Kun je de
contentkalender voor maart daarom al deze vrijdag, 13 februari, sturen? Dan kan ik hem nog
rustig bekijken voor ik ga.

Dank je!
Margriet
""")

add(49, "nl-social", "no_request", "", "alleen blij met de reacties; verzoek in citaat telt niet",
    MARGRIET, "Re: carrousel workshops", "2026-01-29 10:15", """\
Wat een leuke reacties op de carrousel van gisteren! Twee mensen hebben zich al aangemeld voor
de workshop. Dank je wel, je hebt er echt een mooi verhaal van gemaakt.

Groetjes,
Margriet

Op di 27 jan 2026 om 17:10 schreef Margriet Hendriks <margriet@bloemsierkunstmargriet.example.nl>:
""" + quoted("""\
Hoi Lotte, kun je van de foto's van de workshop een carrousel maken voor woensdag? Met
de data van de volgende workshops erin.
"""), in_reply_to="<va-0049@lottesocial.example.nl>")

add(50, "nl-social", "no_request", "", "nieuws (nieuwe openingstijden) dat 'ook' bevat",
    MARGRIET, "Openingstijden", "2026-02-23 17:30", """\
Hoi Lotte,

Leuk nieuws: vanaf 1 maart zijn we ook op maandag open, van 12 tot 17 uur. Daan staat dan in
de winkel. De andere dagen blijven zoals ze waren.

Groetjes,
Margriet

""" + BM_SIG)

add(51, "nl-social", "in_scope", "", "DM's over rouwstukken beantwoorden, telefoonstijl",
    DAAN, "dm's", "2026-02-17 11:02", """\
hoi lotte, er staan een paar dm's over rouwstukken waar ik niet goed raad mee weet (prijzen
en of we zondag bezorgen). wil jij die oppakken? margriet is er deze week niet. prijzen staan
in de map die je hebt. thx daan
""")

add(52, "nl-social", "no_request", "", "afwezigheidsmelding",
    MARGRIET, "Afwezig: Re: contentkalender maart", "2026-02-16 06:00", """\
Hallo,

Ik ben met vakantie tot en met vrijdag 20 februari en lees mijn mail daarna. Voor
bestellingen en dringende zaken kunt u bellen met de winkel: 0172 - 12 34 56.

Met vriendelijke groet,
Margriet Hendriks
""", extra={"Auto-Submitted": "auto-replied"}, in_reply_to="<va-0052@lottesocial.example.nl>")

add(53, "nl-social", "out_of_scope", "excluded", "openingstijden op de website aanpassen (website uitgesloten)",
    MARGRIET, "website", "2026-03-04 13:25", None, html="""\
<html><body>
<p>Hoi Lotte,</p>
<p>Een klant wees me erop dat de openingstijden op de website nog niet kloppen, maandag staat er
nog als &quot;gesloten&quot;. Kun jij dat aanpassen? Je kunt toch overal bij, dacht ik.</p>
<p>En als je er dan toch in zit: de foto op de homepage mag ook wel eens vervangen door iets
voorjaarsachtigs.</p>
<p>Groetjes,<br>Margriet</p>
<p><i>Verzonden vanaf Outlook voor Android</i></p>
</body></html>
""")

add(54, "nl-social", "in_scope", "", "toevoeging aan het maandrapport",
    MARGRIET, "rapport februari", "2026-02-25 12:40", """\
Hoi Lotte,

Je rapportjes lees ik altijd graag. Zou je in dat van februari ook willen laten zien welke
posts de meeste nieuwe volgers hebben opgeleverd? Ik ben benieuwd of dat het bruidswerk of de
rouwstukken zijn.

Margriet
""")

add(55, "nl-social", "no_request", "", "trekt de gevraagde story in (workshop vol)",
    MARGRIET, "Re: story workshop", "2026-03-10 09:55", """\
Die story over de workshop van 21 maart hoeft niet meer, hij is al vol! Hartstikke goed
natuurlijk.

Groetjes, Margriet

Verstuurd vanaf mijn iPhone

> Op 9 mrt 2026 om 20:31 heeft Margriet Hendriks <margriet@bloemsierkunstmargriet.example.nl> het volgende geschreven:
>
> Lotte, kun je morgen een story maken over de workshop paasstukken? Er zijn nog 4 plekken.
""", in_reply_to="<0055a.soc@bloemsierkunstmargriet.example.nl>", mailer="iPhone Mail (22D72)")

add(56, "nl-social", "unknown_sender", "", "een bruid die via Instagram mailt, niet in contacts",
    "Sophie Dekker <sophie.dekker94@hotmail.example.com>", "Bruidsboeket juni", "2026-03-16 22:03", """\
Hoi!

Ik zag jullie Instagram en ben verliefd op het boeket met de viooltjes. Wij trouwen op 13 juni
in Ter Aar. Kunnen jullie voor mij ook zo'n bruidsboeket maken, en corsages voor de getuigen?
Wat kost dat ongeveer?

Liefs,
Sophie
""")

# --------------------------------------------------------------------------------------------
# nl-web: Fietsen Peeters, Berchem (Jan owns the shop, Lies is his wife and does the office)
# --------------------------------------------------------------------------------------------
JAN = "Jan Peeters <jan@fietsenpeeters.example.nl>"
LIES = "Lies Peeters <lies@fietsenpeeters.example.nl>"
FP_SIG = """\
Fietsen Peeters
Verkoop - Herstellingen - Verhuur
Statiestraat 88, 2600 Berchem
"""

add(57, "nl-web", "in_scope", "", "start ontwerp homepage en herstellingenpagina",
    JAN, "We zijn vertrokken", "2026-01-12 09:10", """\
Dag Bram,

Allee, we zijn vertrokken! Bedankt voor het goede gesprek vorige week.

Kunt ge beginnen met het ontwerp van de homepage en de pagina over de herstellingen? Dat zijn
voor ons de belangrijkste. Ik had graag bovenaan een duidelijke knop "Herstelling inplannen",
want de mensen bellen ons nu de hele dag.

Groeten,
Jan

""" + FP_SIG)

add(58, "nl-web", "out_of_scope", "client_duty", "vraagt de teksten te schrijven (teksten levert de klant aan)",
    JAN, "teksten", "2026-02-04 22:15", """\
Bram,

Ik moet eerlijk zijn: die teksten, daar geraak ik niet aan toe. Het is hier in de winkel
zot met al die e-bikes die binnenkomen voor hun winterbeurt. Zoudt gij die kunnen schrijven?
Ge kent ons nu toch al een beetje, en ge weet wat er op zo'n pagina moet staan. Ik lees ze
dan wel na.

Sorry dat het zo loopt.
Jan
""")

add(59, "nl-web", "out_of_scope", "excluded", "fietsen online verkopen met Bancontact (webshop uitgesloten)",
    JAN, "Online verkopen", "2026-01-27 13:02", """\
Dag Bram,

Lies en ik hebben er nog eens over gebabbeld. We zouden toch graag onze tweedehandsfietsen
online verkopen, met betalen via Bancontact, zodat de mensen ze kunnen reserveren en
komen afhalen. Kunt ge dat er nog bijsteken? Het zijn er maar een stuk of twintig per
maand.

Groetjes,
Jan
""")

add(60, "nl-web", "in_scope", "", "feedbacklijst eerste correctieronde; logo groter plaatsen is geen logo-ontwerp",
    JAN, "Antw: Ontwerp homepage - eerste versie", "2026-01-21 20:40", """\
Dag Bram,

Schoon werk! Onze feedback voor de eerste correctieronde:

- het logo mag groter bovenaan, nu is het zo'n klein dingske
- de knop "Herstelling inplannen" mag groener, meer zoals op onze gevel
- de openingsuren zouden we graag ook rechtsboven zien, niet alleen onderaan
- de foto van de werkplaats mag naar onder, die van de winkel naar boven

Voor de rest zijn we content.

Jan

Van: Bram Van Dyck <bram@studiovandyck.example.be>
Verzonden: dinsdag 20 januari 2026 17:30
Aan: Jan Peeters <jan@fietsenpeeters.example.nl>
Onderwerp: Ontwerp homepage - eerste versie

Dag Jan,

In bijlage de eerste versie van de homepage. Laat gerust weten wat ge ervan vindt, we hebben
twee correctierondes.

Groeten,
Bram
""", in_reply_to="<va-0060@studiovandyck.example.be>", mailer="Microsoft Outlook 16.0")

add(61, "nl-web", "out_of_scope", "quantity", "derde correctieronde, afspraak is twee",
    JAN, "Antw: Ontwerp herstellingen - versie 3", "2026-02-11 08:35", """\
Dag Bram,

Ik weet dat we er al twee rondes op hebben zitten, maar Lies heeft nog een paar dingen gezien.
Kunt ge nog één keer aanpassen?

- de prijzenlijst van de onderhoudsbeurten in een tabel in plaats van opsomming
- de titel "Herstellingen" mag "Herstellingen & onderhoud" worden
- het formulier mag hoger op de pagina

Daarna is het echt definitief, beloofd!

Jan
""", in_reply_to="<va-0061@studiovandyck.example.be>")

add(62, "nl-web", "out_of_scope", "deadline", "site al op 27 februari online i.p.v. oplevering 13 maart",
    JAN, "Opendeurdag", "2026-02-16 12:18", """\
Dag Bram,

We houden op zaterdag 28 februari een opendeurdag met de nieuwe collectie, en het zou
fantastich zijn als de nieuwe site dan al online staat. Kan die op vrijdag 27 februari al
live, in plaats van 13 maart? Als ge daarvoor wat avonden moet doortrekken, zeg maar wat het
kost.

Groeten,
Jan
""")

add(63, "nl-web", "out_of_scope", "new_work;excluded",
    "Facebookpagina aanmaken (geen deliverable) + bovenaan in Google (SEO uitgesloten)",
    JAN, "Nog twee dingen", "2026-02-19 19:03", """\
Bram,

Twee dingen waar ik al een tijdje mee zit:

Kunt ge ook een Facebookpagina voor de winkel aanmaken, in dezelfde stijl als de site? Wij
hebben dat nooit gedaan.

En ik wil dat we bovenaan staan als iemand in Berchem "fietsenmaker" googelt. Nu staat
Fietsen De Smet altijd boven ons. Kunt ge daar voor zorgen?

Mvg,
Jan Peeters
""")

add(64, "nl-web", "no_request", "", "alleen bedankt; de vraag staat in het geciteerde bericht",
    LIES, "Antw: Contactpagina met kaartje", "2026-02-25 10:02", """\
Merci Bram, ziet er top uit! Jan is er ook heel content mee.

Lies

Van: Bram Van Dyck <bram@studiovandyck.example.be>
Verzonden: dinsdag 24 februari 2026 16:45
Aan: Lies Peeters <lies@fietsenpeeters.example.nl>
Onderwerp: RE: Contactpagina met kaartje

Dag Lies,

Het kaartje toont nu de ingang aan de Statiestraat. Zie de link hieronder.

Groeten, Bram

Van: Lies Peeters <lies@fietsenpeeters.example.nl>
Verzonden: maandag 23 februari 2026 09:12
Aan: Bram Van Dyck <bram@studiovandyck.example.be>
Onderwerp: Contactpagina met kaartje

Dag Bram, kunt ge het Google Maps-kaartje op de contactpagina naar onze ingang laten wijzen
in plaats van naar de achterkant? De mensen staan nu aan de garagepoort.
""", in_reply_to="<va-0064@studiovandyck.example.be>",
    references="<0064a.web@fietsenpeeters.example.nl> <va-0064@studiovandyck.example.be>")

add(65, "nl-web", "no_request", "", "hypothetisch over een webshop later",
    JAN, "Voor later", "2026-03-06 17:55", """\
Dag Bram,

Nog iets om over na te denken, niet voor nu: als de site goed draait, willen we volgend jaar
misschien toch een webshop voor onderdelen en accessoires. Eerst dit project afronden en
zien hoe het loopt. Ik zeg het maar zodat ge het weet.

Groetjes,
Jan
""")

add(66, "nl-web", "no_request", "", "vraag ter informatie over domeinverhuis; Jan regelt het zelf",
    JAN, "domeinnaam", "2026-02-02 11:37", """\
Bram, hoelang duurt dat eigenlijk voor een domeinnaam overgezet is? Ik heb het vanmorgen
bij Combell aangevraagd, met de code van onze oude provider. Ik wil gewoon weten of het
tegen de oplevering in orde is, want ze zeiden één à twee weken.

Jan
""", charset="iso-8859-1")

add(67, "nl-web", "out_of_scope", "quantity;client_duty",
    "twee extra pagina's bovenop de vijf (limiet 5) + P.S. foto's komen trekken (foto's levert de klant)",
    JAN, "Extra pagina's", "2026-02-09 14:22", """\
Dag Bram,

Buiten de vijf pagina's die we afgesproken hebben, zouden we er graag nog twee bij hebben: één
voor de verhuur van bakfietsen en één apart voor de e-bikes, want daar krijgen we de meeste
vragen over. Kunt ge die mee ontwerpen, in dezelfde stijl?

Groeten,
Jan

PS: kunt ge ne keer langskomen om foto's te trekken van de winkel en de werkplaats? Met mijn
gsm lukt dat niet, ze zijn allemaal donker.
""")

add(68, "nl-web", "in_scope", "", "het uur uitleg over zelf bijwerken inplannen",
    LIES, "uitleg", "2026-03-10 09:30", """\
Dag Bram,

Jan vraagt of ge het uur uitleg over de site kunt geven op dinsdag 17 maart in de namiddag,
als het wat rustiger is in de winkel? Dan zijn we er allebei bij. We willen vooral leren hoe we zelf de
openingsuren en de vakantiedagen aanpassen.

Groetjes,
Lies

""" + FP_SIG)

add(69, "nl-web", "in_scope", "", "extra veld op afspraakformulier en kaartje aanpassen",
    JAN, "formulier", "2026-02-20 08:14", """\
Dag Bram,

Twee kleine dingen voor het afspraakformulier: kunt ge een keuzeveld toevoegen voor het soort
fiets (stadsfiets, e-bike, koersfiets, kinderfiets)? Zo weten wij op voorhand hoeveel tijd we
moeten voorzien. En zet het Google Maps-kaartje er ook onder, zoals op de contactpagina.

Merci!
Jan

Verzonden vanaf mijn Samsung Galaxy-smartphone.
""")

add(70, "nl-web", "unknown_sender", "", "broer van Jan vanaf gmail, niet in contacts",
    "Koen Peeters <koenpeeters.ant@gmail.example.com>", "site van Jan", "2026-03-03 21:27", """\
Dag Bram,

Ik ben de broer van Jan. Hij vroeg of ik eens naar de nieuwe site wilde kijken. Kunt ge de
foto van de winkel op de homepage vervangen door die in bijlage? Die is veel schoner.

Groeten,
Koen
""")

# --------------------------------------------------------------------------------------------
# A few more, across the agreements
# --------------------------------------------------------------------------------------------
add(71, "nl-admin", "in_scope", "", "hand-out in de huisstijl opmaken en printklaar maken (trainingsmateriaal)",
    "Ruud Vos <ruud@vanleeuwencoaching.example.nl>", "Hand-out conflicthantering", "2026-03-03 10:48", """\
Hoi Sanne,

Marieke zei dat ik bij jou moest zijn. Mijn hand-out voor de training conflicthantering van
20 maart is inhoudelijk af, maar hij ziet er niet uit: drie lettertypes en de plaatjes staan
overal en nergens. Kun jij hem in de huisstijl zetten en printklaar maken? Het Word-bestand
zit in de bijlage, 8 pagina's.

Bedankt!
Ruud
""", html="""\
<html><body><div dir="ltr">
<p>Hoi Sanne,</p>
<p>Marieke zei dat ik bij jou moest zijn. Mijn hand-out voor de training conflicthantering van
20 maart is inhoudelijk af, maar hij ziet er niet uit: drie lettertypes en de plaatjes staan
overal en nergens. Kun jij hem in de huisstijl zetten en printklaar maken? Het Word-bestand
zit in de bijlage, 8 pagina&#39;s.</p>
<p>Bedankt!<br>Ruud</p>
</div></body></html>
""")

add(72, "nl-boekhouding", "no_request", "", "herinnering hoeft niet meer, factuur is betaald (intrekking)",
    INGRID, "Re: herinnering De Wilde", "2026-05-06 14:18", """\
Hoi Karin,

Laat die herinnering voor De Wilde maar, ik zag vanochtend dat ze gisteren alsnog betaald
hebben. Mevrouw De Wilde belde er zelf ook nog over, ze was het gewoon vergeten.

Groetjes,
Ingrid

Op 5 mei 2026 om 11:40 schreef Ingrid Groen <ingrid@groenenzo.example.nl>:
""" + quoted("""\
Karin, wil je een herinnering sturen voor factuur 2026-0318 aan De Wilde? Die is al drie
weken over de termijn.
"""), in_reply_to="<0072a.202605051140@groenenzo.example.nl>")

add(73, "nl-web", "no_request", "", "statusbericht: teksten aangeleverd, foto's volgen",
    JAN, "Antw: teksten", "2026-02-06 23:02", """\
teksten staan in de gedeelde map, foto's volgen zsm, mss zondag al. is gwn gelukt uiteindelijk 👍

Jan

Verzonden vanaf mijn iPhone
""", in_reply_to="<va-0073@studiovandyck.example.be>",
    references="<0058.202602042215@fietsenpeeters.example.nl> <va-0073@studiovandyck.example.be>")

add(74, "nl-social", "in_scope", "", "reageren op een comment op Instagram (community), appstijl",
    MARGRIET, "comment", "2026-01-21 12:33", """\
Hoi! Kun je ff reageren op die comment van die mevrouw onder de post van maandag, over wat
een bruidsboeket kost? Idd wat we laatst bespraken: vanaf 95 euro en dan graag even langskomen
voor een gesprekje. Thx!!

Margriet
""")

add(75, "nl-schilder", "no_request", "", "geeft de kleurnummers door (klanttaak), nieuws met 'ook'",
    ELS, "Kleuren definitief", "2026-02-05 08:40", """\
Goedemorgen Wim,

Na lang wikken en wegen: kamer 1 en 2 worden Sikkens F6.10.80 (dat warme grijs van het
tweede proefvlak) en kamer 3 het oudroze, F2.15.75. De plafonds gewoon wit. Ik heb de nummers
ook al aan de verfwinkel in het dorp doorgegeven, die weten ervan.

Groet,
Els
""")

# --------------------------------------------------------------------------------------------
# Writing the files
# --------------------------------------------------------------------------------------------
CET = timezone(timedelta(hours=1))
CEST = timezone(timedelta(hours=2))
CLIENT_DOMAIN = {
    "nl-admin": "vanleeuwencoaching.example.nl",
    "nl-boekhouding": "groenenzo.example.nl",
    "nl-schilder": "deoudepastorie.example.nl",
    "nl-social": "bloemsierkunstmargriet.example.nl",
    "nl-web": "fietsenpeeters.example.nl",
}


def when(stamp):
    """Local Dutch/Belgian time: summer time from the last Sunday of March to the last of October."""
    naive = datetime.strptime(stamp, "%Y-%m-%d %H:%M")
    summer = datetime(2026, 3, 29, 2) <= naive < datetime(2026, 10, 25, 3)
    return naive.replace(tzinfo=CEST if summer else CET)


def build(m):
    msg = EmailMessage()
    msg["From"] = m["frm"]
    msg["To"] = VA[m["agreement"]]
    msg["Subject"] = m["subject"]
    msg["Date"] = format_datetime(when(m["date"]))
    sender_domain = m["frm"].rsplit("@", 1)[1].rstrip(">")
    msg["Message-ID"] = f"<{m['n']:04d}.{when(m['date']):%Y%m%d%H%M}@{sender_domain}>"
    if m.get("in_reply_to"):
        msg["In-Reply-To"] = m["in_reply_to"]
        msg["References"] = m.get("references") or m["in_reply_to"]
    if m.get("mailer"):
        msg["X-Mailer"] = m["mailer"]
    for name, value in (m.get("extra") or {}).items():
        msg[name] = value
    msg["MIME-Version"] = "1.0"
    charset = m.get("charset", "utf-8")
    cte = m.get("cte")
    if m.get("html") is not None and m.get("body"):
        msg.set_content(m["body"], charset=charset, cte=cte or "quoted-printable")
        msg.add_alternative(m["html"], subtype="html", charset=charset, cte="quoted-printable")
        # A fixed boundary keeps a rebuild byte-identical.
        msg.set_boundary(f"=_alt_{m['n']:04d}_scopewatch")
    elif m.get("html") is not None:
        msg.set_content(m["html"], subtype="html", charset=charset, cte=cte or "quoted-printable")
    else:
        msg.set_content(m["body"], charset=charset, cte=cte or "8bit")
    return msg


def main():
    OUT.mkdir(parents=True, exist_ok=True)
    numbers = [m["n"] for m in MAILS]
    assert len(numbers) == len(set(numbers)), "duplicate mail number"
    rows = []
    for m in sorted(MAILS, key=lambda m: m["n"]):
        name = f"{m['n']:04d}.eml"
        (OUT / name).write_bytes(bytes(build(m)))
        client = "" if m["verdict"] == "unknown_sender" else m["agreement"]
        rows.append([f"nl/dev2/{name}", client, m["verdict"], m["cats"], m["note"]])
    with LABELS.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(["file", "client", "verdict", "categories", "note"])
        writer.writerows(rows)
    print(f"{len(rows)} mails written to {OUT}")


if __name__ == "__main__":
    main()

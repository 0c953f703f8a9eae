#!/usr/bin/env python3
"""Build the nl-a blind corpus: .eml files under mail/nl/<split>/ and labels-nl-a.csv.
Deterministic, stdlib only."""
import csv
import hashlib
import html
from datetime import datetime, timedelta, timezone
from email.message import EmailMessage
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent

DAYS_NL = ["ma", "di", "wo", "do", "vr", "za", "zo"]
DAYS_NL_LONG = ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]
MONTHS_NL = ["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep", "okt", "nov", "dec"]
MONTHS_NL_LONG = ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus",
                  "september", "oktober", "november", "december"]
DAYS_EN = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]


def dt(s):
    """'2026-01-06 09:12' -> aware datetime, Europe/Amsterdam (DST from 29 March 2026)."""
    naive = datetime.strptime(s, "%Y-%m-%d %H:%M")
    off = 2 if naive >= datetime(2026, 3, 29, 2, 0) else 1
    return naive.replace(tzinfo=timezone(timedelta(hours=off)))


def mid(key, domain):
    h = hashlib.sha1(key.encode()).hexdigest()[:16]
    return f"<{h}.{key.replace(' ', '')}@{domain}>"


def quote_header(style, d, name, addr):
    t = dt(d)
    if style == "nl":
        return (f"Op {DAYS_NL[t.weekday()]} {t.day} {MONTHS_NL[t.month-1]} {t.year} om "
                f"{t:%H:%M} schreef {name} <{addr}>:")
    return (f"On {DAYS_EN[t.weekday()]}, {t.day} {MONTHS_EN[t.month-1]} {t.year} at {t:%H:%M}, "
            f"{name} <{addr}> wrote:")


def outlook_block(d, name, addr, to_name, to_addr, subject, text, dutch=False):
    t = dt(d)
    sep = "-----Oorspronkelijk bericht-----" if dutch else "-----Original Message-----"
    return (f"{sep}\nVan: {name} <{addr}>\n"
            f"Verzonden: {DAYS_NL_LONG[t.weekday()]} {t.day} {MONTHS_NL_LONG[t.month-1]} {t.year} {t:%H:%M}\n"
            f"Aan: {to_name} <{to_addr}>\nOnderwerp: {subject}\n\n{text}")


def to_html(text):
    paras = text.strip("\n").split("\n\n")
    out = []
    for p in paras:
        lines = [html.escape(l) for l in p.split("\n")]
        out.append("<p>" + "<br>\n".join(lines) + "</p>")
    return ("<html><head><meta charset=\"utf-8\"></head><body style=\"font-family:Calibri,Arial,sans-serif\">\n"
            + "\n".join(out) + "\n</body></html>\n")


# ---------------------------------------------------------------- people
HOV = {
    "domain": "jansenverhaegen.example",
    "va": ("Bram Kuipers", "bram@kuipers-tuinwerk.example"),
    "people": {
        "M": ("Marloes Jansen", "marloes@jansenverhaegen.example"),
        "K": ("Koen Verhaegen", "koen@jansenverhaegen.example"),
        "U_ingrid": ("Ingrid Smit", "ingrid.smit@buurtmail.example"),
        "U_linde": ("Kwekerij De Linde", "nieuws@kwekerijdelinde.example"),
    },
}
VER = {
    "domain": "planvast.example",
    "va": ("Lotte Vermeulen", "lotte@vermeulentekst.example"),
    "people": {
        "S": ("Sanne de Groot", "sanne@planvast.example"),
        "W": ("Wouter Claes", "wouter.claes@planvast.example"),
        "H": ("Henk Mulder", "henk.mulder@planvast.example"),
        "U_taal": ("TaalTools", "nieuwsbrief@taaltools.example"),
        "U_lingua": ("Mirjam Hoekstra | Lingua Bureau", "mirjam@linguabureau.example"),
    },
}

SIG_SANNE = """Met vriendelijke groet,

Sanne de Groot
Marketing Manager | Planvast B.V.
Catharijnesingel 48, 3511 GD Utrecht
T 030 123 45 67 | www.planvast.example"""

SIG_HENK = """Met vriendelijke groet,

drs. H. (Henk) Mulder
Algemeen directeur
Planvast B.V. | Utrecht - Gent"""

SIG_WOUTER = """--
Wouter Claes | Content Lead | Planvast Gent
Kortrijksesteenweg 210, 9000 Gent"""

SIG_MARLOES = """Groetjes,
Marloes

Marloes Jansen
06 12 34 56 78"""

IPHONE_NL = "\n\nVerstuurd vanaf mijn iPhone"
IPHONE_EN = "\n\nSent from my iPhone"

# Each mail: d, frm, subj, body, v(erdict), c(ategories), i(tem), n(ote);
# optional fmt: plain|html|multi ; reply: dict(d, who('va' or key), text, style nl|en|outlook|outlook_nl, subj)
# ---------------------------------------------------------------- hovenier
HOV_MAILS = [
    dict(d="2026-01-06 09:12", frm="M", subj="Offerte achtertuin - akkoord", body="""Hoi Bram,

Koen en ik hebben de offerte nog eens rustig doorgelezen en we gaan akkoord! Kun je nagaan hoe blij we zijn dat die modderpoel eindelijk een echte tuin wordt 😄

Het getekende exemplaar zit in de bijlage. Het voorschot maken we deze week over.

""" + SIG_MARLOES,
         v="no_request", n="akkoord op de offerte; 'kun je nagaan' = stel je voor, geen verzoek"),
    dict(d="2026-01-09 20:41", frm="M", subj="Wensen voor het plantvoorstel", body="""Hoi Bram,

Nog even onze wensen voor het plantvoorstel, dan heb je die alvast:
- graag veel bijen- en vlinderplanten
- niet te veel roze, Koen is er allergisch voor (niet echt, hij vindt het gewoon lelijk)
- iets dat in de winter groen blijft, anders kijken we vanuit de keuken een half jaar op kale stokken
- achterin valt veel schaduw, daar hou je vast rekening mee

Zou je dat in het voorstel kunnen meenemen?

Groetjes, Marloes""",
         v="in_scope", i="plantvoorstel", n="wensen voor het afgesproken plantvoorstel"),
    dict(d="2026-01-14 12:05", frm="K", subj="tegels terras", body="""dag Bram,

we zijn zaterdag in de Gamma geweest en zagen daar keramische tegels in antraciet, 60x60. vinden we veel schoner dan de beige uit uw offerte. kunde gij die gebruiken voor het terras en het pad? het prijsverschil betalen wij uiteraard.

groeten
Koen""",
         v="in_scope", i="bestrating", n="andere kleur keramische tegel voor terras en pad = zelfde bestrating"),
    dict(d="2026-01-20 19:30", frm="M", subj="Schutting rechts", body="""Hoi Bram,

Nu ik toch in de tuin stond te kijken: de schutting aan de rechterkant (naar de buren van nr. 16) hangt er echt zielig bij, twee palen zijn verrot. Zou je die meteen kunnen vervangen als je toch bezig bent? Gewoon grenen planken is prima, hoeft niks bijzonders.

Laat maar weten wat het kost.

Groetjes,
Marloes""",
         v="out_of_scope", c="excluded", i="schutting", n="schutting vervangen staat als uitsluiting in de offerte"),
    dict(d="2026-01-23 10:10", frm="M", subj="Giftige planten?", fmt="html", body="""Hoi Bram,

Ik bedacht me nog iets: we hebben twee katten die de hele dag in de tuin liggen. Kun je in het plantvoorstel aangeven welke planten giftig zijn voor katten? Die laten we dan liever weg.

Dank je!
Marloes""",
         v="in_scope", i="plantvoorstel", n="aanwijzing voor de inhoud van het plantvoorstel"),
    dict(d="2026-01-27 08:47", frm="M", subj="Planning aanleg", body="""Top, dank je wel, de planning is helemaal helder.

Eén ding nog: we hebben een loungeset gekocht (oeps, beetje impulsaankoop) en die past net niet op 20 m2. Kan het terras 24 m2 worden? Dan schuiven we het gazon gewoon een stukje op.

Groetjes,
Marloes""",
         reply=dict(d="2026-01-26 16:20", who="va", style="nl", text="""Hoi Marloes en Koen,

Hierbij de planning zoals besproken:
- uiterlijk 13 februari: plantvoorstel
- maart: terras en looppad (klaar uiterlijk 27 maart)
- april: border en gazon
- vanaf mei: maandelijks onderhoud, elke tweede vrijdag van de maand

Laat maar weten of dit zo goed is.

Groet,
Bram"""),
         v="out_of_scope", c="quantity", i="bestrating", n="terras van 24 m2 terwijl 20 m2 is afgesproken"),
    dict(d="2026-02-03 21:10", frm="K", subj="berk achterin", body="""bram, die berk achteraan in de hoek moet er echt uit, die neemt al het licht weg van de border. kunde die meteen omzagen en de stronk eruit halen als ge in maart begint?
mvg koen""" + IPHONE_NL,
         v="out_of_scope", c="excluded", i="bomen", n="boom omzagen en stronk verwijderen = bomen kappen, uitgesloten"),
    dict(d="2026-02-13 16:02", frm="M", subj="Plantvoorstel border", body="""Wat een mooi voorstel, Bram! We zijn er echt blij mee.

Twee kleine aanpassingen:
1. De lavendel liever vervangen door kattenkruid (de katten, je weet wel 😉)
2. De siergrassen iets meer naar voren, nu verdwijnen ze achter de hortensia's

Kun je dat in de aangepaste versie verwerken?

Liefs, Marloes""",
         reply=dict(d="2026-02-13 11:05", who="va", style="nl", text="""Hoi Marloes,

In de bijlage het plantvoorstel voor de border, met foto's en een plattegrondje. Je hebt één aanpassingsronde, dus verzamel gerust alle opmerkingen in één mail.

Groet,
Bram"""),
         v="in_scope", i="plantvoorstel", n="de ene afgesproken aanpassingsronde van het plantvoorstel"),
    dict(d="2026-02-16 09:30", frm="K", subj="ouwe rommel", body="""Dag Bram,

Nog iets praktisch. Achter in de tuin staat nog veel rommel van de vorige bewoners: de kapotte trampoline, vier tuinstoelen, een oude wasmachine (!) en een hoop zakken met puin. Kunde gij dat niet meenemen met uw aanhanger als ge begint? Wij hebben geen auto om naar het containerpark te rijden.

Merci,
Koen""",
         v="out_of_scope", c="client_duty", i="grofvuil", n="grofvuil afvoeren doet de klant zelf volgens de afspraak"),
    dict(d="2026-02-19 14:15", frm="M", subj="Re: Plantvoorstel border", body="""Hoi Bram,

Dank voor de aangepaste versie. Nu komt het gênante deel: we twijfelen tóch weer. Mijn zus heeft een tuin vol witte bloemen en hortensia's en dat vonden we zo mooi. Zou je nog een derde versie kunnen maken, met meer wit en een paar pluimhortensia's?

Sorry! 🙈
Marloes""",
         reply=dict(d="2026-02-18 17:40", who="va", style="nl", text="""Hoi Marloes,

Hierbij de aangepaste versie: kattenkruid in plaats van lavendel en de siergrassen naar voren. Hiermee is de aanpassingsronde gebruikt; als jullie akkoord zijn, kunnen jullie de planten bestellen.

Groet,
Bram"""),
         v="out_of_scope", c="quantity", i="plantvoorstel", n="derde versie = tweede aanpassingsronde, er is er maar één afgesproken"),
    dict(d="2026-02-23 11:00", frm="M", subj="Update van ons", body="""Hoi Bram,

Even een update: we houden toch de tweede versie (de derde laten we zitten, dat was een vlaag van verstandsverbijstering). De planten zijn besteld bij Kwekerij De Linde, ze leveren op 10 april.

Ook hebben we de grofvuilophaal van de gemeente geregeld voor donderdag 26 februari, de buurman rijdt de rest naar de milieustraat. Dus als je in maart komt is het leeg!

Groetjes,
Marloes""",
         v="no_request", n="verslag van wat de klant zelf regelde; eerdere vraag om derde versie ingetrokken"),
    dict(d="2026-02-26 18:45", frm="M", subj="Vijvertje?", body="""Hoi Bram,

Bij de buren op nummer 20 hebben ze zo'n klein vijvertje met een pompje en een stenen kikker, heel gezellig. We zaten te denken: zou je in de hoek bij de border ook een kleine vijver kunnen maken? Gewoon zo'n voorgevormde bak van de bouwmarkt, niks groots.

Verder: de tegels worden toch op 3 maart geleverd?

Groetjes,
Marloes""",
         v="out_of_scope", c="excluded", i="vijver", n="vijver aanleggen is uitgesloten; vraag over leverdatum vraagt geen werk"),
    dict(d="2026-03-03 07:55", frm="K", subj="tegels zijn er", body="""tegels zijn geleverd, liggen op de stoep voor de deur.
kunde het pad naar de achterpoort een beetje laten slingeren ipv kaarsrecht? lijkt ons veel gezelliger""" + IPHONE_NL,
         v="in_scope", i="bestrating", n="vorm van het looppad, onderdeel van de bestrating"),
    dict(d="2026-03-06 13:20", frm="M", subj="Water tegen de gevel", body="""Hoi Bram,

Ik zag gisteren dat je begonnen bent met uitgraven, wat gaat dat hard!

Bij de buren staat het regenwater altijd tegen de achtergevel, dus een vraagje: zou het terras van het huis af kunnen lopen, richting de tuin? Niet dat wij straks ook met natte voeten in de keuken staan.

Groetjes,
Marloes""",
         v="in_scope", i="bestrating", n="afschot van het terras hoort bij de afgesproken bestrating"),
    dict(d="2026-03-10 20:02", frm="M", subj="Nu het nog open ligt...", body="""Hoi Bram,

Nu het terras nog open ligt, bedacht Koen dat het slim is om meteen een kabel te leggen: een buitenstopcontact bij de schuur en een paar grondspotjes langs het pad. Kun je dat meenemen voordat de tegels erop gaan?

Groetjes,
Marloes""",
         v="out_of_scope", c="excluded", i="verlichting", n="kabel, buitenstopcontact en grondspots = elektra/verlichting, uitgesloten"),
    dict(d="2026-03-13 09:40", frm="K", subj="regenton", body="""Bram,

Ge zijt volgende week toch nog bezig. Kunde ook de regenton aansluiten op de regenpijp van het schuurtje? We hebben er al eentje gekocht, 200 liter, staat in de gang 🙂 is maar een klein werkske denk ik.

Groeten,
Koen""",
         v="out_of_scope", c="new_work", n="regenton aansluiten staat niet in de offerte en is niet uitgesloten"),
    dict(d="2026-03-18 12:30", frm="M", subj="Terras eerder klaar?", body="""Hoi Bram,

Een beetje een onverwachte vraag: mijn schoonmoeder wordt zaterdag 21 maart 70 en ineens wil de hele familie het feest bij ons doen (in de tuin, als het weer meezit). Zou het terras vrijdag de 20e al klaar kunnen zijn in plaats van eind maart? Dan kunnen de tafels erop.

Ik snap het als het niet lukt hoor!

Groetjes,
Marloes""",
         v="out_of_scope", c="deadline", i="bestrating", n="terras op 20 maart i.p.v. de afgesproken 27 maart"),
    dict(d="2026-03-24 17:15", frm="M", subj="Het terras!!", fmt="multi", body="""Bram, wat is het terras mooi geworden! Het feest was een groot succes en iedereen vroeg wie het gedaan had.

Mijn buurvrouw Ingrid vroeg ook of jij bij haar wilt komen kijken, ze wil haar voortuin laten doen. Ik heb je nummer gegeven, hoop dat dat goed is.

Nogmaals dank!
Marloes en Koen""",
         v="no_request", n="bedankje; 'wilt komen kijken' gaat over de buurvrouw, geen verzoek van deze klant"),
    dict(d="2026-03-26 10:40", frm="U_ingrid", subj="Voortuin - offerte?", body="""Goedemorgen Bram,

Ik ben Ingrid, de buurvrouw van Marloes en Koen (nr. 16). Ik heb hun nieuwe terras gezien en ben erg onder de indruk. Zou u een keer bij mij willen komen kijken voor de voortuin? Het gaat om zo'n 15 m2, nu vooral grind en onkruid.

Ik ben meestal na 17:00 thuis.

Met vriendelijke groet,
Ingrid Smit""",
         v="unknown_sender", n="buurvrouw, geen contact van deze klant (nieuwe aanvraag)"),
    dict(d="2026-03-30 10:05", frm="M", subj="Planten border", body="""Hoi Bram,

De planten worden 10 april geleverd, maar wij zijn van 11 t/m 20 april in Portugal. We willen er eigenlijk wel bij zijn als de border erin gaat. Kan het planten een weekje later, vrijdag 24 april? Dan zetten we de planten zolang in de schuur.

Groetjes,
Marloes""",
         v="in_scope", i="border", n="border later (24 april) dan de afgesproken 17 april = uitstel, geen deadline-flag"),
    dict(d="2026-04-02 21:30", frm="K", subj="gieten", body="""bram, nog iets voor als de border en het gras erin liggen: kunde gij de eerste weken een paar keer per week langskomen om te gieten? wij zitten allebei veel op de baan en vergeten dat zeker""" + IPHONE_NL,
         v="out_of_scope", c="client_duty", i="water", n="water geven de eerste zes weken doet de klant zelf"),
    dict(d="2026-04-07 08:30", frm="M", subj="Rand gazon", body="""Hoi Bram,

Voor het gazon: we willen niet dat het gras straks de border in kruipt. Komt er een strakke rand tussen gras en border, zo'n stalen band? Dat zou ideaal zijn.

Groetjes,
Marloes""",
         v="in_scope", i="gazon", n="stalen rand = kantopsluiting, hoort bij de gazonaanleg"),
    dict(d="2026-04-09 13:00", frm="K", subj="grond border", body="""dag bram, ik heb eens gegraven waar de border komt, dat is hier pure klei, de spade blijft erin steken. 't zou goed zijn als ge de grond daar flink verbetert voor de planten erin gaan, anders verzuipen ze. merci!""" + IPHONE_EN,
         v="in_scope", i="border", n="grondverbetering in de border is afgesproken (verzoek als stelling)"),
    dict(d="2026-04-14 19:20", frm="M", subj="Speelgazon", body="""Hoi Bram,

Onze jongens (8 en 11) gaan het gazon straks vooral gebruiken om te voetballen. Kun je daarom zoden nemen die daar tegen kunnen? Een sport- of speelmengsel, of hoe dat ook heet.

Groetjes,
Marloes""",
         v="in_scope", i="gazon", n="keuze van het soort graszoden binnen de gazonaanleg"),
    dict(d="2026-04-16 12:10", frm="M", subj="Graszoden al dinsdag 21/4?", body="""Dan ligt het er mooi voor Koningsdag, dan houden we de kleedjesmarkt in de tuin 😊
Gr. M.""",
         v="out_of_scope", c="deadline", i="gazon", n="gazon op 21 april i.p.v. uiterlijk 30 april (vraag in onderwerpregel)"),
    dict(d="2026-04-20 08:55", frm="M", subj="Fwd: Uw bestelling 2026-0412", body="""Hoi Bram,

Zie hieronder, de kwekerij heeft de salvia niet meer. Balen. Kun jij een alternatief uitzoeken en het bij ze bestellen? Jij weet veel beter wat er in die border past dan wij. Het mag op onze rekening.

Groetjes vanuit Portugal ☀️
Marloes

---------- Doorgestuurd bericht ---------
Van: Kwekerij De Linde <info@kwekerijdelinde.example>
Date: vr 17 apr 2026 om 14:22
Subject: Uw bestelling 2026-0412
To: <marloes@jansenverhaegen.example>

Beste mevrouw Jansen,

De Salvia nemorosa 'Caradonna' (12 stuks) uit uw bestelling kon op 10 april niet mee en is nu helaas definitief uitverkocht. U kunt uiteraard een alternatief kiezen; wij horen graag welke.

Met vriendelijke groet,
Kwekerij De Linde""",
         v="out_of_scope", c="client_duty", i="planten", n="planten kiezen en bestellen bij de kwekerij is een taak van de klant"),
    dict(d="2026-04-21 07:00", frm="U_linde", subj="Voorjaarsactie: 20% korting op vaste planten", fmt="multi", body="""Beste relatie,

Het voorjaar is begonnen! Tot en met 30 april krijgt u als hovenier 20% korting op alle vaste planten vanaf 25 stuks per soort. Bestel eenvoudig via het hoveniersportaal of bel ons.

Nieuw in het assortiment: een ruime keuze aan inheemse, bijvriendelijke planten.

Met groene groet,
Kwekerij De Linde

Wilt u deze nieuwsbrief niet meer ontvangen? Meld u hier af.""",
         v="unknown_sender", n="nieuwsbrief van een leverancier, geen contact van de klant"),
    dict(d="2026-04-22 20:15", frm="M", subj="Plantjes over", body="""Hoi Bram,

We zijn weer thuis! Er blijken nog zo'n 15 plantjes over te zijn van de bestelling (ik had er te veel besteld, typisch ik). Die passen niet meer in de border. Zou je die in de voortuin kunnen zetten als je de 24e toch komt? Daar ligt nu alleen grind met een paar tegels.

Groetjes,
Marloes""",
         v="out_of_scope", c="new_work", n="planten in de voortuin; alleen de border in de achtertuin is afgesproken"),
    dict(d="2026-04-23 09:00", frm="M", subj="Mulch", fmt="html", body="""Hoi Bram,

Voor morgen: ik las dat cacaodoppen giftig zijn voor katten en honden. Wil je de border dus met houtsnippers afdekken en niet met cacaodoppen?

Tot morgen!
Marloes""",
         v="in_scope", i="border", n="afdekken met houtsnippers = mulchen, onderdeel van de border"),
    dict(d="2026-04-24 18:10", frm="K", subj="Border klaar", body="""merci voor vandaag, ziet er schitterend uit!
enkel de hortensia bij de poort staat wat scheef, precies of hij gaat omvallen. kunde die volgende keer efkes rechtzetten?
koen""",
         reply=dict(d="2026-04-24 16:45", who="va", style="nl", text="""Hoi Koen en Marloes,

De border is klaar en gemulcht (met houtsnippers). Vergeet niet de eerste weken goed water te geven, zeker als het droog blijft!

Groet,
Bram"""),
         v="in_scope", i="border", n="scheef geplante hortensia rechtzetten = afwerking van de beplanting"),
    dict(d="2026-04-28 19:45", frm="M", subj="Eerste onderhoudsronde", body="""Hoi Bram,

Voor de eerste onderhoudsronde in mei: de klimop tegen de schuur groeit inmiddels over het dak en in de goot. Mag die flink terug? Wat ons betreft tot een meter onder de dakrand.

Groetjes,
Marloes""",
         v="in_scope", i="onderhoud", n="klimop terugknippen = snoeien binnen het maandelijkse onderhoud"),
    dict(d="2026-04-30 07:40", frm="K", subj="ronde van mei", body="""Bram, de ronde van 8 mei, kunnen we die een weekske opschuiven naar vrijdag 15 mei? Marloes wil er graag bij zijn en zij werkt die dag. Geen haast dus.
Groeten, Koen""",
         v="in_scope", i="onderhoud", n="onderhoudsronde een week later = uitstel, binnen de afspraak"),
    dict(d="2026-05-15 19:05", frm="M", subj="Dank voor vandaag", fmt="multi", body="""Hoi Bram,

Dank voor vandaag, de tuin ziet er weer picobello uit en de klimop is eindelijk uit de goot. Ik zag op je briefje dat je 5,5 uur bezig was.

Kun je bij de volgende ronde ook het groen tussen de voegen van het terras weghalen? Het komt er nu al tussendoor, niet te geloven. You're a star!

""" + SIG_MARLOES,
         v="in_scope", i="onderhoud", n="groen tussen de voegen weghalen = wieden in het onderhoud"),
    dict(d="2026-05-18 10:30", frm="M", subj="Kanten", body="""Hoi Bram,

Kleine wijziging: je hoeft de graskanten niet meer te steken. Koen heeft een kantensnijder gekocht en vindt het heerlijk om daar op zaterdag mee te rommelen. Scheelt jou weer tijd!

Mijn vader komt in juni logeren, die vindt de tuin "nog wat kaal", maar hij vindt alles kaal.

Groetjes,
Marloes""",
         v="no_request", n="iets hoeft niet meer; geen nieuw verzoek"),
    dict(d="2026-05-19 21:40", frm="K", subj="gras groeit als zot", body="""bram, het gras groeit als zot met dat weer. zoudt ge vanaf nu niet beter om de twee weken komen ipv 1x per maand? anders staat het er elke keer weer bij als een wei""" + IPHONE_NL,
         v="out_of_scope", c="quantity", i="onderhoud", n="om de twee weken i.p.v. maandelijks = hogere frequentie"),
    dict(d="2026-05-21 12:20", frm="M", subj="Pioenrozen", body="""Hoi Bram,

De pioenrozen in de border zakken helemaal om door de regen, zonde van die bloemen. Zou je er bij de volgende ronde zo'n steunring omheen kunnen zetten? Die ringen heb ik al gekocht, ze liggen in de schuur.

Groetjes,
Marloes""",
         v="in_scope", i="onderhoud", n="planten steunen = border bijhouden in het onderhoud"),
    dict(d="2026-05-22 18:00", frm="K", subj="schuurtje", body="""Dag Bram,

Ik heb een idee voor het schuurtje: het dak is van die lelijke bitumen en ik zag op Instagram van die sedumdaken. Kunde gij zo'n sedumdak op ons schuurtje leggen? Het is ongeveer 2x3 meter.

En als ge daar dan toch bezig zijt: de schutting erachter kan ook wel een verfje gebruiken, wij hebben nog een pot zwarte beits staan.

Groeten,
Koen""",
         v="out_of_scope", c="new_work;excluded", i="schutting", n="sedumdak is nieuw werk; schutting beitsen valt onder de uitsluiting schutting"),
    dict(d="2026-05-26 09:15", frm="M", subj="Junironde een week eerder?", body="""Hoi Bram,

Op zaterdag 6 juni geven we een tuinfeestje (de tuin moet natuurlijk gezien worden 😄). Zou je de junironde een week eerder kunnen doen, vrijdag 5 juni in plaats van de 12e? Dan ziet alles er tiptop uit.

Groetjes,
Marloes""",
         v="out_of_scope", c="deadline", i="onderhoud", n="junironde op 5 juni i.p.v. de tweede vrijdag (12 juni)"),
    dict(d="2026-05-28 14:30", frm="M", subj="Bruine plekken", body="""Hoi Bram,

Nog iets voor de junironde: er zitten twee bruine plekken in het gazon, volgens mij van de opblaasbare zwembadjes van de jongens (die zijn inmiddels verbannen). Kun je die plekken bijzaaien of repareren?

Groetjes,
Marloes""",
         v="in_scope", i="onderhoud", n="kale plekken bijzaaien = gazon bijwerken in het onderhoud"),
    dict(d="2026-06-08 08:20", frm="K", subj="feest", body="""Bram, merci! het feest was top en iedereen vond de tuin super. mijn schoonvader vond hem zelfs niet meer kaal, da's een eerste. ge moogt trots zijn.
groeten, koen""",
         v="no_request", n="bedankje"),
    dict(d="2026-06-10 20:30", frm="M", subj="Moestuinbakken", body="""Hoi Bram,

De jongens hebben op school een project over groenten en willen nu ineens zelf tomaten en aardbeien kweken. Zou jij twee moestuinbakken van steigerhout voor ons kunnen timmeren en vullen met aarde? Ergens tegen de schuur aan, daar is het zonnig. Ongeveer 1x1 meter per bak.

Groetjes,
Marloes""",
         v="out_of_scope", c="new_work", n="moestuinbakken timmeren staat niet in de offerte"),
    dict(d="2026-06-16 11:45", frm="M", subj="Onderhoud juni", body="""Hoi Bram,

Dank voor het overzicht. Ik vind dat de border nu wel erg vol wordt, het kattenkruid woekert over het pad. Kun je eind juni nog een middag komen, een uur of 6, om de border flink uit te dunnen en alles bij te knippen?

Groetjes,
Marloes""",
         reply=dict(d="2026-06-05 17:20", who="va", style="nl", text="""Hoi Marloes,

Vandaag de junironde gedaan: gemaaid, gewied, voegen schoongemaakt, bruine plekken bijgezaaid en de pioenrozen gesteund. Ik was 4,5 uur bezig, dus er is deze maand nog 1,5 uur over.

Groet,
Bram"""),
         v="out_of_scope", c="quantity", i="onderhoud", n="4,5 uur al gebruikt + 6 uur extra > 6 uur per maand"),
    dict(d="2026-06-18 16:10", frm="M", subj="Re: Onderhoud juni", body="""Oké, helder. Doe dan alleen die 1,5 uur: de rozen bij de poort opbinden en het kattenkruid langs het pad terugknippen. De rest van het uitdunnen doen we zelf wel of schuiven we naar na de zomer.

Groetjes,
Marloes""",
         reply=dict(d="2026-06-17 08:30", who="va", style="nl", text="""Hoi Marloes,

Een extra middag van 6 uur past niet binnen de 6 uur per maand; er zit in juni nog 1,5 uur in. De rest zou meerwerk zijn à 52 euro per uur. Laat maar weten wat je wilt.

Groet,
Bram"""),
         v="in_scope", i="onderhoud", n="opbinden en terugknippen binnen de resterende 1,5 uur van juni"),
    dict(d="2026-06-26 10:00", frm="M", subj="Factuur juni", body="""Hoi Bram,

Betaald! Dank voor het fijne half jaar, de tuin is precies geworden zoals we hoopten. Fijne zomer en tot na de vakantie.

Marloes en Koen""",
         reply=dict(d="2026-06-24 09:10", who="va", style="nl", text="""Hoi Marloes,

In de bijlage de factuur voor juni. Zou je die binnen 14 dagen willen overmaken?

Groet,
Bram"""),
         v="no_request", n="melding dat de factuur betaald is; verzoek staat alleen in de geciteerde mail"),
]

# ---------------------------------------------------------------- vertaler
VER_MAILS = [
    dict(d="2026-01-05 10:15", frm="S", subj="Start vertaling website", body="""Hoi Lotte,

Fijn dat je ons komt helpen! Zoals besproken beginnen we met de website. De Nederlandse teksten van alle pagina's staan in de gedeelde map 'EN website' in Google Drive, je hebt als het goed is een uitnodiging gekregen.

Zou je willen beginnen met de homepage en de drie productpagina's? Die willen we als eerste live hebben.

""" + SIG_SANNE,
         v="in_scope", i="website", n="start van de afgesproken websitevertaling"),
    dict(d="2026-01-07 14:02", frm="W", subj="Even voorstellen", body="""Hallo Lotte,

Ik ben Wouter, content lead bij Planvast in ons kantoor in Gent. Ik ga de briefings voor de blogs aanleveren en ben ook uw aanspreekpunt voor de inhoud. Sanne doet de website en de nieuwsbrief.

De eerste briefing komt volgende week. Tot dan!

Groeten,
Wouter
""" + SIG_WOUTER,
         v="no_request", n="kennismaking, geen verzoek"),
    dict(d="2026-01-09 11:30", frm="S", subj="Terminologielijst", body="""Hoi Lotte,

Over de terminologielijst uit de offerte: eerlijk gezegd hebben we die niet echt. Iedereen hier noemt dingen anders (dienst, shift, rooster, planning...). Kun jij die lijst niet gewoon voor ons maken? Jij weet veel beter welke Engelse termen in de Britse zorg en horeca gangbaar zijn.

Thanks!
Sanne""",
         v="out_of_scope", c="client_duty", i="terminologie", n="de klant levert de terminologielijst zelf aan"),
    dict(d="2026-01-12 09:05", frm="S", subj="Brits of Amerikaans", body="""Hoi Lotte,

Kleine check: onze klanten zitten vooral in het Verenigd Koninkrijk. Wil je overal de Britse spelling aanhouden, dus 'organise', 'colour' enzovoort? Onze developer had ergens 'color' gezet en onze Britse partner viel er meteen over.

Groet,
Sanne""",
         v="in_scope", i="website", n="Britse spelling staat in de afspraak voor de website"),
    dict(d="2026-01-14 16:40", frm="W", subj="Briefing blogs februari", body="""Hallo Lotte,

Hierbij de briefing voor februari (zie bijlage en de map 'Blogs'):

1. "Why rota planning in care homes goes wrong" - ca. 900 woorden
2. "Zero-hours contracts and fair scheduling" - ca. 900 woorden

Doelgroep: planners en teamleiders in Britse zorginstellingen. Kunt ge de toon wat luchtig houden? Geen droge whitepaper-stijl, eerder zoals ge tegen een collega praat bij de koffie.

Groeten,
Wouter""",
         v="in_scope", i="blogs", n="twee blogs binnen 2.000 woorden met toonwens"),
    dict(d="2026-01-16 10:20", frm="S", subj="Ook de AV?", body="""Hoi Lotte,

Bij het doorlopen van de websitemap zag ik dat de algemene voorwaarden en het privacy statement er niet in staan. Die moeten natuurlijk ook in het Engels op de site. Kun je die meenemen bij de website? Het is samen zo'n 4.000 woorden.

""" + SIG_SANNE,
         v="out_of_scope", c="excluded", i="juridisch", n="AV en privacy statement = juridische teksten, uitgesloten (website alleen context)"),
    dict(d="2026-01-20 08:50", frm="H", subj="Presentatie investeerders", body="""Geachte mevrouw Vermeulen,

Sanne vertelde mij dat de samenwerking goed van start is gegaan, dat hoor ik graag.

Wij zijn in gesprek met een Britse investeerder. Zou u onze investeerderspresentatie (18 slides, veel cijfers) in het Engels willen vertalen? De presentatie is op 3 februari.

""" + SIG_HENK,
         v="out_of_scope", c="new_work", n="vertaling investeerderspresentatie: geen website, nieuwsbrief of blog"),
    dict(d="2026-01-22 15:10", frm="S", subj="Nieuwsbrief januari", body="""Hoi Lotte,

Hierbij de brontekst van de nieuwsbrief van januari (Google Doc: docs.planvast.example/nb-jan). Het zijn ongeveer 950 woorden. Verzending is woensdag 28 januari, dus dinsdag 27/1 terug is perfect.

Groetjes,
Sanne""",
         v="in_scope", i="nieuwsbrief", n="950 woorden, terug na 3 werkdagen"),
    dict(d="2026-01-29 13:25", frm="S", subj="Prijzenpagina", body="""Hoi Lotte,

De eerste pagina's zien er heel goed uit! Een vraag over de prijzenpagina, die je deze week doet: 'Voordelig geregeld, zonder kleine lettertjes' klinkt letterlijk vertaald nogal raar, denk ik. Mag je daar vrijer mee omgaan? Liever iets dat een Brit echt zou zeggen.

Groet,
Sanne""",
         v="in_scope", i="website", n="vrijere vertaling van een websitepagina"),
    dict(d="2026-02-02 06:45", frm="U_taal", subj="TaalTools Nieuwsbrief - februari 2026", fmt="html", body="""Beste Lotte,

In deze editie:
- Nieuw in TaalTools: automatische terminologiecontrole in uw vertaalgeheugen
- 5 tips om uw glossary up-to-date te houden
- Webinar 'AI en de freelance vertaler' op 12 februari. Meld u nu aan!

Probeer TaalTools Pro 30 dagen gratis.

U ontvangt deze mail omdat u zich heeft aangemeld op taaltools.example. Uitschrijven kan via deze link.""",
         v="unknown_sender", n="nieuwsbrief van een softwareleverancier"),
    dict(d="2026-02-03 10:00", frm="W", subj="Re: Blogs februari", body="""Top, Lotte, allebei goed ontvangen. Paar kleine opmerkingen bij de zero-hours blog:
- ge moogt in de titel gewoon "zero-hours" gebruiken, da's de gangbare term in UK
- de intro is wat lang, kunt ge die inkorten tot een alinea of drie?
- in de laatste alinea mag er een link naar onze demo-pagina bij

Voor de rest: chapeau!

Wouter""",
         reply=dict(d="2026-02-02 09:00", who="va", style="en", text="""Hi Wouter,

Hierbij de twee blogs voor februari (ca. 880 en 910 woorden). Hoor graag of je nog opmerkingen hebt.

Groet,
Lotte"""),
         v="in_scope", i="blogs", n="feedback in de afgesproken correctieronde"),
    dict(d="2026-02-05 09:40", frm="S", subj="WordPress", body="""Hoi Lotte,

Onze webbouwer is tot half maart volgeboekt. Kun jij de vertaalde pagina's meteen zelf in WordPress zetten? Je krijgt dan een editor-account van ons. De plugin WPML staat al klaar, dus het is vooral kopiëren en plakken.

Groet,
Sanne""",
         v="out_of_scope", c="excluded", i="cms", n="teksten in WordPress plaatsen is uitgesloten"),
    dict(d="2026-02-09 11:15", frm="S", subj="Website eerder af?", body="""Hoi Lotte,

We hebben last minute een stand gekregen op de Care Show in Birmingham op 18 februari. Zou de complete Engelse website al vrijdag 13 februari klaar kunnen zijn, in plaats van eind februari? Dan kunnen we hem op de beurs laten zien.

I know it's tight, laat maar weten wat mogelijk is.

Sanne""",
         v="out_of_scope", c="deadline", i="website", n="website op 13 feb i.p.v. 27 feb"),
    dict(d="2026-02-11 17:30", frm="H", subj="RE: Website eerder af?", body="""Geachte mevrouw Vermeulen,

Sanne heeft mij in de cc gezet. Ik heb intern overlegd: op de beurs laten wij alleen de demo zien, de website hoeft daar niet klaar voor te zijn. 27 februari blijft dus gewoon staan. Excuses voor de onrust.

""" + SIG_HENK,
         reply=dict(d="2026-02-09 11:15", who="S", style="outlook", subj="Website eerder af?", text="""Hoi Lotte,

We hebben last minute een stand gekregen op de Care Show in Birmingham op 18 februari. Zou de complete Engelse website al vrijdag 13 februari klaar kunnen zijn, in plaats van eind februari? Dan kunnen we hem op de beurs laten zien.

I know it's tight, laat maar weten wat mogelijk is.

Sanne"""),
         v="no_request", n="trekt de spoedvraag in; het verzoek staat alleen in de geciteerde mail"),
    dict(d="2026-02-13 14:00", frm="W", subj="Briefing maart", fmt="html", body="""Hallo Lotte,

Briefing voor maart staat in de map:
1. "How to cut overtime in hospitality without burning out your team" - ca. 1.000 woorden
2. "Shift swaps: let your staff sort it out (safely)" - ca. 800 woorden

Bij de tweede graag een paar praktische voorbeelden uit de horeca, bijvoorbeeld een hotelkeuken. Bronnen heb ik erbij gezet.

Groeten,
Wouter""",
         v="in_scope", i="blogs", n="briefing voor de twee maartblogs, samen 1.800 woorden"),
    dict(d="2026-02-17 09:20", frm="S", subj="Nieuwsbrief februari", body="""Hoi Lotte,

Hierbij de nieuwsbrief van februari. Hij is wat uitgelopen: zo'n 1.900 woorden, want de hele release van de nieuwe app zit erin, plus een interview met een klant. Zou je hem helemaal kunnen vertalen? Verzending is maandag 23/2.

Groetjes,
Sanne""",
         v="out_of_scope", c="quantity", i="nieuwsbrief", n="1.900 woorden, max 1.200 per editie"),
    dict(d="2026-02-19 16:05", frm="S", subj="Duitse markt", body="""Hoi Lotte,

Nieuws: Henk wil na de zomer ook Duitsland in. Om alvast de interesse te peilen willen we graag een Duitse versie van de homepage. Jij kent toch ook Duits? Het is maar één pagina, zo'n 600 woorden.

Groet,
Sanne""",
         v="out_of_scope", c="excluded", i="duits", n="vertaling naar het Duits is uitgesloten"),
    dict(d="2026-02-24 10:45", frm="S", subj="RE: Website - FAQ", body="""Hoi Lotte,

Nog 1 dingetje voordat je de laatste pagina's afrondt: kunnen de antwoorden in de support-FAQ de lezer direct aanspreken ('you can...') in plaats van passief ('it is possible to...')? Dat leest veel vriendelijker.

Groet,
Sanne""",
         reply=dict(d="2026-02-23 16:30", who="va", style="outlook", subj="Website - FAQ", text="""Hoi Sanne,

De FAQ-pagina's zijn in de maak, ik lever vrijdag de laatste pagina's aan. Ik heb de passieve constructies uit het Nederlands voorlopig aangehouden.

Groet,
Lotte"""),
         v="in_scope", i="website", n="stijlkeuze voor de FAQ-pagina's van de website"),
    dict(d="2026-02-27 16:50", frm="S", subj="Engelse website 🎉", fmt="multi", body="""Hoi Lotte,

Wat een mooie Engelse site! Het hele team is enthousiast en onze Britse partner vond het "spot on". Dank je wel!

Ik heb de teksten vanmiddag trouwens zelf in WordPress gezet, ging prima met WPML. Dus dat is ook geregeld.

Fijn weekend!
Sanne""",
         v="no_request", n="bedankje en melding dat de klant zelf in WordPress plaatste"),
    dict(d="2026-03-02 09:10", frm="W", subj="meta descriptions", body="""Hallo Lotte,

De Engelse pagina's staan online, maar Yoast kleurt overal rood: er zijn nog geen Engelse meta descriptions. Kunt ge die voor alle vertaalde pagina's nog aanleveren? Een Excel met URL, title en description is perfect.

Groeten,
Wouter""",
         v="in_scope", i="seo", n="meta-titels en descriptions voor vertaalde pagina's zijn afgesproken"),
    dict(d="2026-03-04 11:00", frm="S", subj="Zoekwoorden UK", body="""Hoi Lotte,

Nu de meta descriptions eraan komen: weet jij eigenlijk op welke termen Britse planners zoeken? Zou je een zoekwoordenonderzoek kunnen doen voor de UK-markt, met zoekvolumes, zodat we weten of we 'rota software' of 'scheduling software' moeten gebruiken?

Groet,
Sanne""",
         v="out_of_scope", c="new_work", n="zoekwoordenonderzoek; alleen meta-teksten zijn afgesproken (SEO als context)"),
    dict(d="2026-03-06 15:35", frm="W", subj="Extra blog deze maand?", body="""Voor de lancering van de app op 25 maart. Zelfde lengte als anders. En zet ge hem dan meteen online in WordPress, dan ben ik er vanaf 😅 Let me know if that works!
W.""" + IPHONE_EN,
         v="out_of_scope", c="quantity;excluded", i="blogs;cms", n="derde blog in maart bovenop twee (en boven 2.000 woorden); plaatsen in WordPress uitgesloten"),
    dict(d="2026-03-10 10:30", frm="S", subj="Fwd: Release notes 4.2", body="""Hoi Lotte,

Zie hieronder de release notes van ons productteam. Onze Nederlandse nieuwsbrieftekst voor maart is nog niet geschreven en ik zit vol. Kun jij op basis van deze release notes meteen de Engelse nieuwsbrief schrijven? Dan slaan we de Nederlandse versie voor de Britse klanten gewoon over.

Sanne

-----Oorspronkelijk bericht-----
Van: Ilse van Rijn <ilse@planvast.example>
Verzonden: maandag 9 maart 2026 17:02
Aan: Marketing <marketing@planvast.example>
Onderwerp: Release notes 4.2

Hoi allemaal,
Release 4.2 staat live:
- Smart Swap: medewerkers ruilen zelf diensten binnen de regels
- Shift Radar: overzicht van onderbezette diensten per week
- Export naar Excel en PDF verbeterd
Groet, Ilse""",
         v="out_of_scope", c="client_duty", i="brontekst", n="nieuwsbrief schrijven zonder brontekst: de klant levert de NL-brontekst"),
    dict(d="2026-03-16 14:20", frm="W", subj="Re: Blogs maart", body="""Shift swaps blog is top, echt waar. Twee kleine dingen:
- gebruik consequent 'rota' in plaats van afwisselend 'schedule' en 'rota'
- de call-to-action onderaan mag naar /demo linken ipv naar de homepage

Dan is hij klaar voor mij.
Wouter""",
         reply=dict(d="2026-03-16 08:15", who="va", style="en", text="""Hi Wouter,

Hierbij de twee blogs van maart. De extra lanceringsblog valt buiten het pakket van twee per maand; de prijs daarvoor stuurde ik je vorige week.

Groet,
Lotte"""),
         v="in_scope", i="blogs", n="correctieronde op een maartblog"),
    dict(d="2026-03-18 09:55", frm="S", subj="Nieuwsbrief maart", body="""Hoi Lotte,

De Nederlandse tekst van de nieuwsbrief van maart komt toch gewoon van ons, ik heb hem vrijdag 20/3 af. Alleen: hij moet dinsdag 24/3 de deur uit. Zou je hem maandag 23/3 al terug kunnen sturen? Ik weet dat het krap is.

Groetjes,
Sanne""",
         v="out_of_scope", c="deadline", i="nieuwsbrief", n="terug na 1 werkdag i.p.v. binnen 3 werkdagen"),
    dict(d="2026-03-20 11:40", frm="W", subj="App in het Engels", body="""Allez Lotte, nog iets groters. Onze app heeft nu alleen een Nederlandse interface. Kunt ge alle teksten in de app (knoppen, meldingen, foutmeldingen, zo'n 600 strings) naar het Engels vertalen? Ik exporteer ze uit Lokalise naar Excel.

Groeten,
Wouter""",
         v="out_of_scope", c="new_work", n="vertaling app-interface; niet afgesproken en niet uitgesloten"),
    dict(d="2026-03-24 08:01", frm="S", subj="Automatisch antwoord: Re: Nieuwsbrief maart", auto=True, body="""Bedankt voor je bericht. Ik ben tot en met maandag 30 maart afwezig en heb beperkt toegang tot mijn mail. Voor dringende zaken kun je terecht bij marketing@planvast.example.

Met vriendelijke groet,
Sanne de Groot""",
         v="no_request", n="afwezigheidsmelding"),
    dict(d="2026-03-30 10:10", frm="W", subj="Briefing april (sorry, laat)", body="""Hallo Lotte,

Sorry voor de late briefing, we zijn de 15e al lang voorbij, I know. De lancering heeft alles opgeslokt. Onderwerpen voor april:
1. "Five signs your rota software is holding you back"
2. "What care home managers can learn from hotel kitchens"

Omdat ge nu zo weinig tijd hebt: de eerste mag gerust een week later, maandag 13 april in plaats van 6 april. De tweede gewoon op 20 april.

Groeten,
Wouter""",
         v="in_scope", i="blogs", n="twee blogs; eerste later dan de vaste maandag = uitstel, in scope"),
    dict(d="2026-04-01 09:30", frm="H", subj="Voorwoord nieuwsbrief april", body="""Geachte mevrouw Vermeulen,

De nieuwsbrief van april opent met een voorwoord van mijn hand, over onze nieuwe vestiging in Manchester. Sanne stuurt u de tekst binnenkort. Zou u dat stuk extra zorgvuldig willen vertalen? Het wordt ook door onze Britse investeerders gelezen, en mijn Nederlandse humor vertaalt zich niet altijd.

""" + SIG_HENK,
         v="in_scope", i="nieuwsbrief", n="voorwoord is onderdeel van de maandelijkse nieuwsbrief"),
    dict(d="2026-04-03 13:15", frm="S", subj="Langere blogs?", body="""Hoi Lotte,

Ons SEO-bureau zegt dat Google lange artikelen beter vindt. Kun je de twee blogs van april allebei wat langer maken, zo'n 1.500 woorden per stuk? Onderwerpen blijven hetzelfde.

Groet,
Sanne""",
         v="out_of_scope", c="quantity", i="blogs", n="2 x 1.500 = 3.000 woorden, max 2.000 per maand"),
    dict(d="2026-04-14 10:05", frm="S", subj="Nieuwsbrief april + voorwoord Henk", fmt="multi", body="""Hoi Lotte,

Hierbij de brontekst van de nieuwsbrief van april, inclusief het voorwoord van Henk: 1.050 woorden in totaal. Ik heb ook de terminologielijst bijgewerkt met Smart Swap en Shift Radar (tabblad 'nieuw'). Graag vrijdag 17/4 terug.

Thanks!
""" + SIG_SANNE,
         v="in_scope", i="nieuwsbrief", n="1.050 woorden, terug na 3 werkdagen"),
    dict(d="2026-04-21 15:20", frm="S", subj="Demo-video", body="""Hoi Lotte,

We hebben een demo-video van 4 minuten gemaakt voor de Britse markt. De voice-over is Nederlands, maar het transcript staat in een Google Doc. Kun jij er Engelse ondertitels bij maken (een .srt-bestand)? Dan zetten we hem op YouTube en op de homepage.

Groet,
Sanne""",
         v="out_of_scope", c="excluded", i="ondertiteling", n="ondertitels bij een video zijn uitgesloten"),
    dict(d="2026-04-23 11:50", frm="W", subj="quote Zorggroep Eemland", body="""Hallo Lotte,

Voor de blog over hotel kitchens: we hebben een mooie quote van onze klant Zorggroep Eemland gekregen (zie hieronder). Kunt ge die in het Engels in de blog verwerken, ergens in het midden?

"Sinds we met Planvast werken, ruilen onze medewerkers zelf diensten en heb ik elke week een halve dag meer voor mijn team." - Marja, teamleider

Groeten,
Wouter""",
         v="in_scope", i="blogs", n="quote verwerken in een afgesproken blog"),
    dict(d="2026-05-04 16:30", frm="S", subj="Meta description blog 2", fmt="html", body="""Hoi Lotte,

De blogs van mei zijn binnen, super! Kleine vraag: de meta description van blog 2 is 180 tekens, Google knipt hem af. Kun je hem inkorten tot zo'n 150-155 tekens?

Groetjes,
Sanne""",
         v="in_scope", i="seo", n="meta description inkorten"),
    dict(d="2026-05-06 10:00", frm="W", subj="briefing juni", body="""Hallo Lotte,

Ik zit tot over mijn oren in de voorbereiding van onze Britse roadshow. Kunt gij deze keer zelf twee onderwerpen voor de juni-blogs verzinnen en er een briefing bij schrijven? Ge kent onze doelgroep intussen beter dan ik, denk ik 😉

Groeten,
Wouter""",
         v="out_of_scope", c="client_duty", i="briefing", n="onderwerpen en briefing levert de klant aan"),
    dict(d="2026-05-11 14:40", frm="W", subj="Re: briefing juni", body="""Ok, fair enough. De briefing voor juni staat nu in de map (onderwerpen: "Bank staff vs agency staff" en "Rota fairness").

Nog iets: ik ben van 1 tot 14 juni met vakantie en wil de blogs vooraf inplannen. Kunnen ze allebei al op maandag 25 mei binnen zijn?

Wouter""",
         reply=dict(d="2026-05-07 09:20", who="va", style="en", text="""Hoi Wouter,

De onderwerpen en de briefing komen volgens de afspraak van jullie kant; ik denk graag mee zodra er een eerste opzet ligt. Laat je me weten wanneer de briefing er is?

Groet,
Lotte"""),
         v="out_of_scope", c="deadline", i="blogs", n="juni-blogs op 25 mei i.p.v. 1 en 15 juni"),
    dict(d="2026-05-13 09:20", frm="U_lingua", subj="Beschikbaarheid juni - vertaalproject", body="""Beste Lotte,

Via het vertalersregister kwamen wij uw naam tegen. Wij zoeken voor juni een vertaler EN>NL voor een technische handleiding van ca. 30.000 woorden (machinebouw). Zou u beschikbaar zijn, en kunt u ons uw woordtarief laten weten?

Met vriendelijke groet,

Mirjam Hoekstra
Projectmanager | Lingua Bureau""",
         v="unknown_sender", n="vertaalbureau, geen contact van de klant"),
    dict(d="2026-05-19 14:45", frm="S", subj="Nieuwsbrief mei", body="""Hoi Lotte,

Hierbij de brontekst van de nieuwsbrief van mei (1.100 woorden, link staat in het doc). Geen haast deze keer: we versturen pas op 28 mei, dus volgende week woensdag 27/5 terug is ook prima.""" + IPHONE_NL,
         v="in_scope", i="nieuwsbrief", n="nieuwsbrief binnen limiet; later terug dan 3 werkdagen = uitstel"),
    dict(d="2026-05-26 10:20", frm="W", subj="juni-blogs", body="""Hallo Lotte,

Laat die 25 mei maar zitten: mijn collega Lien plant de blogs tijdens mijn vakantie in, dus stuur ze gewoon op 1 en 15 juni. Vergeet wel niet de meta descriptions er telkens bij te doen, please!

Groeten,
Wouter""",
         v="in_scope", i="blogs;seo", n="blogs op de vaste maandagen plus meta descriptions; spoedvraag ingetrokken"),
    dict(d="2026-06-04 11:10", frm="H", subj="Na de zomer", body="""Geachte mevrouw Vermeulen,

Kort bericht: wij zijn zeer tevreden over uw werk en overwegen de samenwerking na de zomer voort te zetten, mogelijk uitgebreid. Ik kom daar in juli bij u op terug; u hoeft nu nog niets voor te bereiden.

""" + SIG_HENK,
         v="no_request", n="compliment en aankondiging; expliciet geen werk"),
    dict(d="2026-06-11 15:00", frm="S", subj="Nieuwsbrief juni", body="""Hoi Lotte,

Laatste nieuwsbrief voor de zomer! Brontekst staat in de map, 980 woorden. Let je extra op de datum van ons webinar? In het NL staat 2 juli, maar dat moet 9 juli zijn (onze fout). Graag dinsdag 16/6 terug.

Groet,
Sanne""",
         v="in_scope", i="nieuwsbrief", n="980 woorden, terug na 3 werkdagen"),
    dict(d="2026-06-17 09:35", frm="W", subj="Frans voor Wallonië", body="""Hallo Lotte, terug van vakantie!

We hebben sinds kort ook klanten in Wallonië. Kunt ge de nieuwsbrief vanaf nu ook naar het Frans vertalen? Ge moogt dat gerust uitbesteden als ge zelf geen Frans doet.

Groeten,
Wouter""",
         v="out_of_scope", c="new_work", n="Franse vertaling: alleen NL-EN afgesproken, alleen Duits uitgesloten"),
    dict(d="2026-06-22 10:25", frm="W", subj="Re: Blogs juni", body="""Dag Lotte,

Beide blogs net gelezen, heel goed. Bij "Rota fairness" mag de tussenkop "The fairness trap" een beetje minder negatief, bijvoorbeeld "Where fairness gets tricky"? En de laatste alinea mag een zin korter.

Groeten,
Wouter""",
         reply=dict(d="2026-06-15 08:40", who="va", style="nl", text="""Hoi Wouter,

Welkom terug! Hierbij de tweede junblog, "Rota fairness", en nog een keer de eerste. Meta descriptions staan onderaan.

Groet,
Lotte"""),
         v="in_scope", i="blogs", n="correctieronde op de juniblog"),
    dict(d="2026-06-25 16:00", frm="S", subj="Zomerstop", body="""Hoi Lotte,

Even ter info: we hebben besloten in juli en augustus geen nieuwsbrief te versturen (zomerstop). Je hoeft voor juli dus niks te doen. Kun je nagaan: de eerste keer in drie jaar dat het hele team tegelijk vakantie heeft.

Fijne zomer alvast!
Sanne""",
         v="no_request", n="melding dat er geen werk komt; 'kun je nagaan' = stel je voor"),
]

# holdout = every third mail per client, with a few neighbouring swaps (pairs) for a better spread
SWAPS = {"nl-hovenier": {28, 30, 33, 34, 36, 38}, "nl-vertaler": {39, 40}}

CLIENTS = [("nl-hovenier", HOV, HOV_MAILS), ("nl-vertaler", VER, VER_MAILS)]


def build():
    rows = []
    for d in ("dev", "holdout"):
        out = HERE / "mail" / "nl" / d
        out.mkdir(parents=True, exist_ok=True)
        # only this script's own mails: the other writers' scripts share mail/
        for f in [*out.glob("nl-hovenier-*.eml"), *out.glob("nl-vertaler-*.eml")]:
            f.unlink()
    for cid, info, mails in CLIENTS:
        va_name, va_addr = info["va"]
        prev = None
        for n, m in enumerate(mails, start=1):
            t = dt(m["d"])
            assert prev is None or t > prev, (cid, n, "not chronological")
            prev = t
            name, addr = info["people"][m["frm"]]
            domain = addr.split("@")[1]
            msg = EmailMessage()
            msg["From"] = f"{name} <{addr}>"
            msg["To"] = f"{va_name} <{va_addr}>"
            subj = m["subj"]
            body = m["body"]
            rep = m.get("reply")
            if rep:
                qkey = f"{cid}-q{n:03d}"
                if rep["who"] == "va":
                    qn, qa = va_name, va_addr
                    qid = mid(qkey, va_addr.split("@")[1])
                    qto = (name, addr)
                else:
                    qn, qa = info["people"][rep["who"]]
                    qid = mid(qkey, qa.split("@")[1])
                    qto = (va_name, va_addr)
                if rep["style"] in ("outlook", "outlook_nl"):
                    if not subj.upper().startswith("RE:"):
                        subj = "RE: " + subj
                    body = body + "\n\n" + outlook_block(rep["d"], qn, qa, qto[0], qto[1],
                                                         rep.get("subj", m["subj"]), rep["text"],
                                                         dutch=rep["style"] == "outlook_nl")
                else:
                    if not subj.lower().startswith("re:"):
                        subj = "Re: " + subj
                    quoted = "\n".join(("> " + l) if l else ">" for l in rep["text"].split("\n"))
                    body = body + "\n\n" + quote_header(rep["style"], rep["d"], qn, qa) + "\n" + quoted
                msg["In-Reply-To"] = qid
                msg["References"] = qid
            msg["Subject"] = subj
            msg["Date"] = format_datetime(t)
            msg["Message-ID"] = mid(f"{cid}-{n:03d}", domain)
            if m.get("auto"):
                msg["Auto-Submitted"] = "auto-replied"
                msg["X-Autoreply"] = "yes"
            fmt = m.get("fmt", "plain")
            text = body.rstrip("\n") + "\n"
            if fmt == "html":
                msg.set_content(to_html(text), subtype="html")
            elif fmt == "multi":
                msg.set_content(text)
                msg.add_alternative(to_html(text), subtype="html")
                msg.set_boundary("=_" + hashlib.sha1(f"{cid}-{n}".encode()).hexdigest()[:24])
            else:
                msg.set_content(text)
            hold = n % 3 == 0
            if n in SWAPS.get(cid, {}):
                hold = not hold  # swap a few so every kind appears in holdout
            split = "holdout" if hold else "dev"
            rel = f"nl/{split}/{cid}-{n:03d}.eml"
            (HERE / "mail" / rel).write_bytes(bytes(msg))
            cats = m.get("c", "")
            item = m.get("i", "")
            v = m["v"]
            assert v in ("in_scope", "out_of_scope", "no_request", "unknown_sender")
            assert (v == "out_of_scope") == bool(cats), (cid, n)
            if v == "unknown_sender":
                assert m["frm"].startswith("U_")
            else:
                assert not m["frm"].startswith("U_")
            rows.append([rel, cid, v, cats, item, m["n"]])
    with open(HERE / "labels-nl-a.csv", "w", newline="", encoding="utf-8") as fh:
        w = csv.writer(fh)
        w.writerow(["file", "client", "verdict", "categories", "item", "note"])
        w.writerows(rows)
    print(f"wrote {len(rows)} mails")


if __name__ == "__main__":
    build()

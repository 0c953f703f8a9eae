"""The draft checker: reads a rendered change-request reply sentence by sentence against the
agreement, the findings it answers and the client's mail, and names every fault a client would
notice. Written apart from the renderer (its own word lists and date reading), so a renderer bug
is not also the checker's blind spot.

Faults (`Fault.rule`):
- cut-quote: the client's words quoted cut off ("...", "…"), or not from a sentence's start to its end;
- unknown-quote: a quote that is neither the client's words nor the agreement's;
- unit: a unit that does not agree with its number ("2 coat", "2 trip per month", "1 trips");
- date: a date or weekday offered that is neither the one the client asked for nor the agreed one;
- after-period: "after our period" offered for a request tied to a date (or a project's allowance);
- order: "sooner than" where the calendar says the asked day is not sooner;
- language: a sentence in another language than the reply's (the agreement's);
- tone: an opening that thanks for good news the mail does not bring, or answers an apology
  nobody made;
- addressee: the client named in the third person ("written by Mark" to Mark, "the client").

`tests/conftest.py` runs it on every draft the suite renders with the shipped templates;
`tests/test_draft_checker.py` runs it on the demo's drafts and on every out-of-scope mail of the
labelled corpora, and shows it catches each fault.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime, timedelta

WEEKDAYS = {
    "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"],
    "nl": ["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"],
}
MONTHS = {
    "en": ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"],
    "nl": ["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober",
           "november", "december"],
}
RELATIVE = {"en": ["tomorrow", "tonight", "today", "weekend"], "nl": ["morgen", "overmorgen", "vanavond", "vandaag", "weekend"]}

# Function words: which language a sentence is in.
FUNCTION_WORDS = {
    "en": set("the a an and or of to in on for with is are was be it this that you your we our i my can could would "
              "will shall which what do does at by as if not no yes here there these those have has".split()),
    "nl": set("de het een en of van naar in op voor met is zijn was wordt dat dit je jij jouw u uw we wij ons onze "
              "ik mijn kan kun zou zal welke wat doe doet bij als niet geen ja hier daar deze die heb heeft ook "
              "dan maar".split()),
}
# The ones both languages write the same way count for neither.
SHARED = FUNCTION_WORDS["en"] & FUNCTION_WORDS["nl"]

PERIOD_OPTION = re.compile(r"after our current period|in our next period|na onze huidige periode|in onze volgende periode",
                           re.IGNORECASE)

# The mail's tone, as the checker reads it (its own lists, not openings.yaml's cues).
NEGATIVE = re.compile(
    r"gekkenhuis|hectisch|\bdruk\b|stress|overspoeld|over de kop|niet aan toe|chaos|teleurgesteld|ontevreden|"
    r"niet (?:blij|tevreden)|klacht|jammer|helaas|ziek|zorgen over|probleem|"
    r"swamped|hectic|crazy|overwhelm|stressed|a mess\b|buried|back-to-back|flat out|disappointed|not happy|unhappy|"
    r"patchy|i'm afraid|complain|frustrat|unfortunately|problem|worried|sick|bad news|busy",
    re.IGNORECASE)
POSITIVE = re.compile(
    r"good news|great news|big news|exciting|guess what|we won|lovely|looks? (?:great|good|amazing|fantastic|wonderful)|"
    r"looking (?:great|lovely|good)|well done|great job|love(?:d)? (?:it|the)|happy with|thank(?:s| you) (?:so much )?for|"
    r"wonderful|fantastic|brilliant|first viewing|booked|"
    r"goed nieuws|leuk nieuws|groot nieuws|mooi nieuws|wat een mooie|mooi geworden|top gedaan|super gedaan|blij mee|"
    r"ziet er (?:mooi|goed|prachtig|super) uit|(?:bedankt|dank je|dank u|dank) (?:wel )?voor|gewonnen|wat een groei",
    re.IGNORECASE)
APOLOGY = re.compile(r"sorry|apolog|my (?:bad|mistake)|forgot|oops|excuses|excuus|vergeten|mijn fout|oeps", re.IGNORECASE)
# What an opening says, read from the line itself.
OPENING_POSITIVE = re.compile(r"good news|good to hear|glad|kind words|going well|leuk nieuws|mooi nieuws|"
                              r"fijn om te horen|fijn dat het goed loopt", re.IGNORECASE)
OPENING_APOLOGY = re.compile(r"no problem|no worries|not to worry|these things happen|geen probleem|geen zorgen|"
                             r"dat kan gebeuren", re.IGNORECASE)

THIRD_PERSON = re.compile(r"\bthe client\b|\bde klant\b|\bde opdrachtgever\b", re.IGNORECASE)
# Measures that stay singular after a number in Dutch ("2 uur", "3 keer").
NL_SINGULAR_AFTER_NUMBER = {"uur", "keer", "euro", "procent", "kilo", "meter", "stuk", "maal"}
NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "een": 1, "één": 1, "twee": 2,
                "drie": 3, "vier": 4, "vijf": 5, "zes": 6}


@dataclass(frozen=True)
class Fault:
    rule: str
    sentence: str
    why: str

    def __str__(self) -> str:
        return f"[{self.rule}] {self.why}: {self.sentence!r}"


def visible(text: str) -> str:
    """The text without invisible format characters (bidi controls): what a reply may quote."""
    return "".join(ch for ch in (text or "") if unicodedata.category(ch) != "Cf")


def norm(text: str) -> str:
    return " ".join(visible(text).replace("’", "'").replace("“", '"').replace("”", '"').split()).lower()


def _sentences(text: str) -> list[str]:
    out = []
    for para in re.split(r"\n\s*\n", text):
        para = " ".join(para.split())
        if not para:
            continue
        # List items are sentences of their own.
        for line in re.split(r"(?<=[.?!])\s+(?=(?:\d+\.|-)\s)|\s(?=(?:\d+\.|-)\s+[A-Z\"])", para):
            out.extend(s for s in re.split(r'(?<=[.?!])\s+(?=[A-Z"])', line) if s.strip())
    return out


def _quotes(text: str) -> list[str]:
    return re.findall(r'"([^"\n]+)"', text)


def _without_quotes(text: str) -> str:
    return re.sub(r'"[^"\n]*"', " ", text)


# --- the client's words -----------------------------------------------------------------------------


def _sentence_start(mail: str, at: int) -> bool:
    """At the text's start, after . ! ? : or a line break, after a list marker ("- ", "2. "), or
    the first words after a greeting ("Hi Dave, could you ...")."""
    before = mail[:at]
    stripped = before.rstrip(" \t")
    if not stripped or stripped[-1] in ".!?:\n…" or re.search(r"(?:^|\n)[ \t]*(?:[-*•–—]|\d+[.)])$", stripped):
        return True
    return bool(re.search(r"(?:^|\n)[ \t]*(?:p\.?s\.?|hi|hoi|hello|hallo|dear|beste)\b[^\n.!?]{0,40},$", stripped,
                          re.IGNORECASE))


def _sentence_end(mail: str, end: int, quote: str) -> bool:
    """Ends with . ! ? …, or where its paragraph ends (a line break before a blank line, a list or
    the end): a colon or a line break inside the sentence ("... next month:\nLeeds on the 3rd ...?")
    is no end."""
    if quote.rstrip().rstrip("\"'”’)")[-1:] in ".!?…":
        return True
    after = mail[end:]
    if not after.strip():
        return True
    return bool(re.match(r"[ \t]*\n[ \t]*(?:\n|[-*•–—]|\d+[.)]\s)", after))


def client_quote_fault(quote: str, mail_text: str) -> str | None:
    """Why a quote of the client's words is not one or more whole sentences of the mail, or None."""
    flat = " ".join(mail_text.split())
    q = " ".join(quote.split())
    at = flat.find(q)
    if at < 0:
        return "the client's words are cut off" if ("…" in q or "..." in q) else "not the client's words as written"
    if q.endswith(("…", "...")) and not flat[at:].startswith(q):
        return "the client's words are cut off"
    # The same place in the text as written (line breaks and list markers kept).
    pattern = r"\s+".join(re.escape(w) for w in q.split(" "))
    m = re.search(pattern, mail_text)
    if m is None:
        return "not the client's words as written"
    if not _sentence_start(mail_text, m.start()):
        return "starts inside a sentence"
    if not _sentence_end(mail_text, m.end(), q):
        return "ends inside a sentence"
    return None


def split_quotes(body: str, client_texts: list[str]) -> tuple[list[str], list[str]]:
    """(the client's quoted words, the other quotes). A client quote may hold quote marks of its own
    ('could the "Order now" button be bigger?'): at each opening mark the longest quote that is the
    client's text is taken, else the shortest."""
    flats = [norm(t) for t in client_texts if t]
    client, other = [], []
    i = 0
    while True:
        start = body.find('"', i)
        if start < 0:
            break
        closes = [m.start() for m in re.finditer('"', body[start + 1:])]
        chosen = None
        for c in reversed(closes):
            inner = body[start + 1:start + 1 + c]
            if "\n\n" in inner:
                continue
            if len(inner.strip()) > 3 and any(norm(inner) in f for f in flats):
                chosen = c
                client.append(inner)
                break
        if chosen is None:
            if not closes:
                break
            chosen = closes[0]
            inner = body[start + 1:start + 1 + chosen]
            (client if ("…" in inner or "..." in inner) else other).append(inner)
        i = start + 1 + chosen + 1
    return client, other


# --- dates ---------------------------------------------------------------------------------------------


def _date_pattern(lang: str) -> re.Pattern:
    days = "|".join(WEEKDAYS[lang])
    months = "|".join(MONTHS[lang])
    rel = "|".join(RELATIVE[lang])
    return re.compile(
        rf"(?:\b(?:this|next|deze|volgende|komende)\s+)?\b(?:(?:{days})(?:ochtend|middag|avond)?\b(?:\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?"
        rf"(?:\s+(?:{months}))?(?:\s+\d{{4}})?)?|\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})(?:\s+\d{{4}})?|"
        rf"(?:{rel})(?:ochtend|middag|avond|\s+morning|\s+afternoon|\s+evening)?\b|week\b)(?!['’]s)",
        re.IGNORECASE)


def _tokens(words: str) -> frozenset[str]:
    return frozenset(re.findall(r"[a-zà-ÿ]+|\d+", words.lower())) - {"the", "of", "st", "nd", "rd", "th", "on", "op"}


_SIDE = re.compile(r"\b(?:instead\s+of|rather\s+than|in\s+plaats\s+van|i\.p\.v\.)\s+(?:on\s+|op\s+)?$|"
                   r"\b(?:before|until|till|after|when|once|while|as\s+soon\s+as|voordat|totdat|nadat|als|wanneer|zodra)"
                   r"\s+(?:i|i'm|we|we're|he|she|they|you|ik|we|wij|hij|zij|ze|je|jij|u)\b[^,;.!?]*$", re.IGNORECASE)


def asked_moments(evidence: str, lang: str) -> list[frozenset[str]]:
    """The moments the client asks for in a request (not the agreed one it replaces, not a side clause's)."""
    out = []
    for m in _date_pattern(lang).finditer(evidence or ""):
        if m.group(0).strip().lower() == "week":
            continue  # "per week", "a week": no moment
        if _SIDE.search(evidence[max(0, m.start() - 80):m.start()]):
            continue
        out.append(_tokens(m.group(0)))
    return out


def _formatted(day: date, lang: str) -> frozenset[str]:
    return frozenset({str(day.day), MONTHS[lang][day.month - 1], str(day.year)})


def _resolve(tokens: frozenset[str], lang: str, sent: date) -> date | None:
    """A moment as a date, counted from the day the mail was sent, when the words say enough."""
    months = [i for i, m in enumerate(MONTHS[lang], 1) if m in tokens]
    days = [int(t) for t in tokens if t.isdigit() and int(t) <= 31]
    years = [int(t) for t in tokens if t.isdigit() and int(t) > 1900]
    if months and days:
        year = years[0] if years else sent.year
        try:
            return date(year, months[0], days[0])
        except ValueError:
            return None
    weekday = [i for i, d in enumerate(WEEKDAYS[lang]) if d in tokens or any(t.startswith(d) for t in tokens)]
    if weekday:
        ahead = (weekday[0] - sent.weekday()) % 7
        if tokens & {"next", "volgende"}:
            ahead += 7 if ahead < 7 - sent.weekday() else 0
        return sent + timedelta(days=ahead or 7)
    return None


# --- the checks -------------------------------------------------------------------------------------------


def check(reply: str, *, agreement, findings, mail, language: str, recipient: str = "") -> list[Fault]:
    """Every fault of one reply (its own words, without the quoted mail)."""
    faults: list[Fault] = []
    lang = language if language in WEEKDAYS else "en"
    mail_text = visible(mail.new_text)
    paragraphs = [p for p in re.split(r"\n\s*\n", reply.strip()) if p.strip()]
    if len(paragraphs) > 2 and re.match(r"(?:best regards|kind regards|regards|hartelijke groet|met vriendelijke groet|"
                                        r"groet|groetjes)\b", paragraphs[-1], re.IGNORECASE):
        paragraphs = paragraphs[:-1]  # the VA's signature
    greeting, opening = (paragraphs + ["", ""])[:2]
    body = "\n\n".join(paragraphs[1:])
    evidences = [visible(f.evidence) for f in findings]
    clause_words = []
    for item in agreement.items():
        for text in (item.description, item.client_text):
            if text:
                # The client named in it may be said as "you" / "your" ("for your inbox").
                clause_words.append(set(re.findall(r"\w+", text.lower())) | {"you", "your", "je", "u", "uw"})

    # Quotes: the client's words whole, the agreement's words as written.
    subject = visible(mail.subject)
    client_quotes, other_quotes = split_quotes(body, [mail_text, subject, *evidences])
    for q in client_quotes:
        if subject and norm(q) == norm(subject):
            continue  # a short mail's subject is its whole ask
        why = client_quote_fault(q, mail_text)
        if why:
            faults.append(Fault("cut-quote", q, why))
    for q in other_quotes:
        if not any(set(re.findall(r"\w+", q.lower())) <= words for words in clause_words):
            faults.append(Fault("unknown-quote", q, "quotes words neither the client nor the agreement wrote"))
        words = re.findall(r"[a-zà-ÿ']+", q.lower())
        other_lang = "nl" if lang == "en" else "en"
        theirs = sum(w in FUNCTION_WORDS[other_lang] - SHARED for w in words)
        if theirs >= 2 and theirs > sum(w in FUNCTION_WORDS[lang] - SHARED for w in words):
            faults.append(Fault("language", q, f"quotes the agreement in {other_lang} in a {lang} reply"))

    own = body
    for q in client_quotes + other_quotes:
        own = own.replace(f'"{q}"', " ")
    own = _without_quotes(own)
    sentences = _sentences(own)

    # Units agree with their numbers.
    units = set()
    for item in agreement.items():
        if item.limit is not None and item.limit.unit:
            units.add(item.limit.unit.lower())
    for s in sentences:
        for m in re.finditer(r"\b(\d+|" + "|".join(NUMBER_WORDS) + r")\s+([a-zà-ÿ'-]+)", s, re.IGNORECASE):
            n = int(m.group(1)) if m.group(1).isdigit() else NUMBER_WORDS[m.group(1).lower()]
            word = m.group(2).lower()
            if n != 1 and word in units and not (lang == "nl" and word in NL_SINGULAR_AFTER_NUMBER) \
                    and not re.search(r"(?:s|en|'s)$", word):
                faults.append(Fault("unit", s, f"{n} {word}: the unit does not agree with its number"))
            if n != 1 and lang == "en" and word in ("hour", "day", "week", "month", "coat", "trip", "post", "page", "word"):
                faults.append(Fault("unit", s, f"{n} {word}: the unit does not agree with its number"))
            if n == 1 and lang == "en" and word in ("hours", "days", "weeks", "months", "coats", "trips", "posts"):
                faults.append(Fault("unit", s, f"1 {word}: the unit does not agree with its number"))
            if n != 1 and lang == "nl" and word in ("dag", "week", "maand", "laag", "post", "minuut"):
                faults.append(Fault("unit", s, f"{n} {word}: the unit does not agree with its number"))

    # Dates: the one asked for, or the agreed one; the period's end only as the period's end.
    asked = [t for e in evidences for t in asked_moments(e, lang)]
    agreed: list[frozenset[str]] = []
    for f in findings:
        item = agreement.item(f.scope_item) if f.scope_item else None
        if item is not None and item.due:
            agreed.append(_tokens(item.due))
            try:
                agreed.append(_formatted(date.fromisoformat(item.due.strip()), lang))
            except ValueError:
                pass
    period_end = _formatted(agreement.period.end, lang) if agreement.period.end else None
    pattern = _date_pattern(lang)
    for s in sentences:
        for m in pattern.finditer(s):
            words = m.group(0).strip()
            if words.lower() == "week" or re.search(r"(?:towards|mee voor|per)\s+$", s[:m.start()], re.IGNORECASE):
                continue  # "per week", "towards next week's allowance": a period, not a date
            tokens = _tokens(words)
            if any(tokens <= a for a in asked) or any(tokens <= a for a in agreed):
                continue
            if period_end is not None and tokens <= period_end and PERIOD_OPTION.search(s):
                continue
            faults.append(Fault("date", s, f"offers {words!r}, which is neither the moment asked for nor the agreed one"))

    # No "after our period" for a request tied to a moment, or for a project's allowance.
    dated = any(asked_moments(f.evidence, lang) for f in findings) or any(f.category == "deadline" for f in findings)
    for s in sentences:
        if PERIOD_OPTION.search(s):
            if dated:
                faults.append(Fault("after-period", s, "the request is tied to a moment; after the period is no option"))
            for f in findings:
                item = agreement.item(f.scope_item) if f.scope_item else None
                if f.category == "quantity" and item is not None and item.limit is not None and item.limit.per == "project":
                    faults.append(Fault("after-period", s, "a project's allowance does not move to a next period"))

    # "Sooner": the calendar agrees, for the moment the reply offers.
    sent = (mail.date.date() if isinstance(mail.date, datetime) else None) or date.today()
    offered = [t for s in sentences for t in (_tokens(m.group(0)) for m in pattern.finditer(s))
               if t and not any(t <= a for a in agreed)]  # the agreed date named in the reply is no offer
    if re.search(r"sooner than|eerder dan", own, re.IGNORECASE):
        for f in findings:
            item = agreement.item(f.scope_item) if f.scope_item else None
            if f.category != "deadline" or item is None or not item.due:
                continue
            try:
                due = date.fromisoformat(item.due.strip())
            except ValueError:
                due = _resolve(_tokens(item.due), lang, sent)  # the next agreed one, from the mail's day
            for moment in asked_moments(f.evidence, lang):
                if not any(moment <= o or o <= moment for o in offered if o):
                    continue
                when = _resolve(moment, lang, sent)
                if when is not None and due is not None and when >= due:
                    faults.append(Fault("order", f.evidence, f"{when} is not sooner than the agreed {due}"))

    # One language: the reply's.
    other = "nl" if lang == "en" else "en"
    for s in [greeting, opening, *sentences]:
        words = re.findall(r"[a-zà-ÿ']+", s.lower())
        mine = sum(w in FUNCTION_WORDS[lang] - SHARED for w in words)
        theirs = sum(w in FUNCTION_WORDS[other] - SHARED for w in words)
        if theirs >= 2 and theirs > mine:
            faults.append(Fault("language", s, f"reads as {other} in a {lang} reply"))

    # The opening answers the mail's tone, or stays neutral.
    if OPENING_POSITIVE.search(opening) and (NEGATIVE.search(mail_text) or not POSITIVE.search(mail_text)):
        faults.append(Fault("tone", opening, "thanks for good news the mail does not bring"))
    if OPENING_APOLOGY.search(opening) and not APOLOGY.search(mail_text):
        faults.append(Fault("tone", opening, "answers an apology nobody made"))

    # Spoken to the client, never about them.
    first = (recipient or "").strip().split(" ")[0].strip("\"',") if recipient and "@" not in recipient.split(" ")[0] else ""
    for s in [opening, *sentences]:
        if first and len(first) > 2 and re.search(rf"\b{re.escape(first)}\b", s):
            faults.append(Fault("addressee", s, f"names {first} as someone else in a reply to {first}"))
        if THIRD_PERSON.search(s):
            faults.append(Fault("addressee", s, "speaks of the client in the third person"))
    # The agreement's words quoted to the client, too.
    for q in other_quotes:
        if first and len(first) > 2 and re.search(rf"\b{re.escape(first)}\b", q):
            faults.append(Fault("addressee", q, f"quotes a clause naming {first} to {first}"))
        if THIRD_PERSON.search(q):
            faults.append(Fault("addressee", q, "quotes a clause about 'the client' to the client"))
    return faults


def check_draft(draft, agreement, findings, mail) -> list[Fault]:
    """`check` on a rendered Draft (scopewatch.draft.render.Draft)."""
    to = draft.message["To"]
    name = to.addresses[0].display_name if to is not None and to.addresses else ""
    return check(draft.reply, agreement=agreement, findings=findings, mail=mail, language=draft.language,
                 recipient=name)

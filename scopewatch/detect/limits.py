"""Limits beyond a plain count: a size per piece ("each: 60 minutes"), a measured total per period
("1500 words a month"), how often ("monthly instead of quarterly"), one more on top of the
period's, and the weekdays and dates in `due`. The words come from rules/*/words.yaml."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import cache
from types import SimpleNamespace

from spacy.tokens import Span

from scopewatch.agreement.model import Agreement, Limit, Measure, ScopeItem
from scopewatch.detect.counted import over_count
from scopewatch.detect.terms import TermHit
from scopewatch.words import frequency_in, lexicon, phrase_pattern

# How many weeks each period lasts, to compare a limit with the period a client names.
WEEKS = {"day": 0.2, "week": 1, "month": 4.33, "quarter": 13, "year": 52}


def _around(pattern: str) -> str:
    return rf"(?<!\w)(?:{pattern})(?!\w)"


@cache
def _patterns() -> SimpleNamespace:
    lex = lexicon()
    every = lex.every
    numbers = phrase_pattern(every.numbers)
    weekday_index = {w: i for lang in lex.languages for i, w in enumerate(lex[lang].ordered["weekdays"])}
    day_parts = "|".join(re.escape(w) for lang in lex.languages for w in lex[lang].ordered["day_parts"]) or "(?!)"
    return SimpleNamespace(
        measure=re.compile(
            rf"(?<![\w.,])(\d{{1,3}}(?:[.,]\d{{3}})+(?![.,]?\d)|\d+(?:[.,]\d+)?|{numbers})\s*-?\s*({phrase_pattern(every.measures)})(?!\w)",
            re.IGNORECASE),
        frequency=re.compile(_around(phrase_pattern(every.frequencies)), re.IGNORECASE),
        instead=re.compile(rf"{_around(phrase_pattern(every.ordered['instead_of']))}\s*$", re.IGNORECASE),
        # "vrijdagmiddag" is Friday: a part of the day may be written onto the weekday.
        weekday=re.compile(rf"(?<!\w)(?P<day>{phrase_pattern(weekday_index)})(?:{day_parts})?(?!\w)", re.IGNORECASE),
        weekday_index=weekday_index,
        deadline=re.compile(rf"{_around(phrase_pattern(every.ordered['deadline_words']))}\s*$", re.IGNORECASE),
        on_top=re.compile(_around(phrase_pattern(every.ordered["on_top"])), re.IGNORECASE),
        iso=re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})\s*$"),
    )


def _amount(text: str) -> float:
    low = text.lower()
    numbers = lexicon().every.numbers
    if low in numbers:
        return float(numbers[low])
    if re.fullmatch(r"\d{1,3}(?:[.,]\d{3})+", low):
        return float(re.sub(r"[.,]", "", low))
    return float(low.replace(",", "."))


def measure_unit(unit: str | None) -> str | None:
    """The measured unit a limit counts in ("words" -> word), or None for things ("trip")."""
    if not unit:
        return None
    return lexicon().every.measures.get(unit.split()[-1].lower())


def _replaced(text: str, start: int) -> bool:
    """Whether the words before `start` say it is the thing replaced ("instead of quarterly")."""
    return bool(_patterns().instead.search(text[max(0, start - 40):start]))


@dataclass(frozen=True)
class Over:
    item: ScopeItem
    asked: str  # what the client wrote ("80 minutes", "monthly")
    allowed: str  # what the agreement allows ("up to 60 minutes raw audio each")


def _mentions(sentence: str, item: ScopeItem) -> bool:
    low = sentence.lower()
    words = [*item.terms, *(w for w in (item.each.text.split()[2:] if item.each else []) if len(w) >= 3)]
    return any(re.search(rf"(?<!\w){re.escape(w.lower())}", low) for w in words)


def over_size(request: Span, hits: list[TermHit], agreement: Agreement) -> Over | None:
    """A size over the agreed one: "this one is 80 minutes of raw audio" against "each: 60 minutes",
    or "a 2,000-word article" against "1500 words per month".

    The size counts when it stands in the request, or in a sentence of the mail that names the
    clause, and the request is about that clause (or the clause is the only one with a size)."""
    sized = [d for d in agreement.deliverables if d.each or (d.limit and measure_unit(d.limit.unit))]
    if not sized:
        return None
    if (counted := over_count(request, hits, sized, request.doc.lang_)) is not None:  # "8 profiles" over "each: 6 profiles"
        return Over(counted.item, counted.asked, counted.allowed)
    asked_items = [d for d in sized if any(h.item.id == d.id for h in hits)]
    pats = _patterns()
    if asked_items:
        sentences = [s for s in request.doc.sents]
    elif len(sized) == 1:
        asked_items, sentences = sized, [request]
    else:
        return None
    for sent in sentences:
        text = sent.text
        in_request = sent.start <= request.start < sent.end or sent == request
        for m in pats.measure.finditer(text):
            unit = lexicon().every.measures[m.group(2).lower()]
            amount = _amount(m.group(1))
            for item in asked_items:
                if not in_request and not _mentions(text, item):
                    continue
                if item.each is not None:
                    allowed = item.each.as_unit(unit)
                    if allowed is not None and amount > allowed:
                        return Over(item, m.group(0), f"up to {item.each.text} each")
                lu = measure_unit(item.limit.unit) if item.limit else None
                if lu:
                    allowed = Measure(item.limit.count, lu, item.limit.unit).as_unit(unit)
                    named = _named_period(text)
                    if allowed is not None and named and WEEKS.get(item.limit.per) and named != item.limit.per:
                        allowed = allowed * WEEKS[named] / WEEKS[item.limit.per]
                    if allowed is not None and amount > allowed:
                        return Over(item, m.group(0), f"{item.limit.count} {item.limit.unit} per {item.limit.per}")
    return None


def _named_period(text: str) -> str | None:
    periods = lexicon().every.periods
    for word in re.findall(r"[^\W\d_]+", text.lower()):
        if word in periods:
            return periods[word]
    return None


def implied_limit(item: ScopeItem) -> Limit | None:
    """The agreed frequency: the limit, or one per period when the description says how often
    ("Quarterly VAT return", "Maandelijkse nieuwsbrief")."""
    if item.limit is not None:
        return item.limit if item.limit.per in WEEKS else None
    often = frequency_in(item.description)
    return Limit(count=1, per=often) if often else None


def more_often(request: Span, hits: list[TermHit]) -> Over | None:
    """A request for it more often than agreed: "monthly instead of quarterly", "wekelijks"."""
    text = request.text
    asked = next((m for m in _patterns().frequency.finditer(text) if not _replaced(text, m.start())), None)
    if asked is None:
        return None
    period = lexicon().every.frequencies[" ".join(asked.group(0).lower().split())]
    for h in hits:
        if h.item.kind != "deliverable":
            continue
        limit = implied_limit(h.item)
        if limit is None or limit.per == period:
            continue
        times = WEEKS[limit.per] / WEEKS[period]  # how many of the asked periods fit in the agreed one
        if times > limit.count + 0.01:
            agreed = f"{limit.count} per {limit.per}" if h.item.limit else f"once per {limit.per} (\"{h.item.description}\")"
            return Over(h.item, asked.group(0), agreed)
    return None


def on_top(request: Span) -> bool:
    """"One more this week", "een extra aflevering naast de gewone": on top of the period's."""
    return bool(_patterns().on_top.search(request.text))


@dataclass(frozen=True)
class Timing:
    item: ScopeItem | None  # None: the client names both days and no clause ("Wednesday instead of Tuesday")
    earlier: bool
    asked: str  # the day the client names
    agreed: str  # the item's due
    firm: bool  # the client says it is sooner or replaces a day ("instead of", "al")


def _due_weekdays(item: ScopeItem, request: str) -> int | None:
    """The weekday the item is due on; with several ("approval Monday, release Tuesday") the one
    whose label the request names, else none."""
    pats = _patterns()
    found = list(pats.weekday.finditer(item.due or ""))
    if not found:
        return None
    if len(found) == 1:
        return pats.weekday_index[found[0].group("day").lower()]
    low = request.lower()
    start = 0
    for m in found:
        label = [w for w in re.findall(r"[^\W\d_]{4,}", item.due[start:m.start()].lower())]
        start = m.end()
        if any(re.search(rf"(?<!\w){re.escape(w)}", low) for w in label):
            return pats.weekday_index[m.group("day").lower()]
    return None


# Which week a weekday is in: "next Monday" is a week on. "This Friday", or "this week's report on
# Friday", is this week, so an agreed day earlier in the week ("instead of Monday") is the next
# one. "Deze week op donderdag in plaats van dinsdag" puts both days in this week: later.
_NEXT_WEEK = re.compile(r"\b(?:next|volgende|komende)\s+$", re.IGNORECASE)
_THIS_DAY = re.compile(r"\b(?:this|deze)\s+$", re.IGNORECASE)
_WEEKS_THING = re.compile(r"\bthis\s+week(?:'s|’s)|\bvan\s+deze\s+week\b", re.IGNORECASE)


def _positions(text: str, asked: re.Match, asked_day: int, agreed: re.Match | None, agreed_day: int) -> tuple[int, int]:
    """(asked, agreed) as days from the start of this week, so "this Friday" comes before "Monday"
    (next week's) and "next Tuesday" after "Friday"."""
    asked_pos = asked_day + (7 if _NEXT_WEEK.search(text[max(0, asked.start() - 12):asked.start()]) else 0)
    agreed_next = agreed is not None and _NEXT_WEEK.search(text[max(0, agreed.start() - 12):agreed.start()])
    agreed_pos = agreed_day + (7 if agreed_next else 0)
    this_week = _THIS_DAY.search(text[max(0, asked.start() - 12):asked.start()]) or _WEEKS_THING.search(text)
    if this_week and not agreed_next and agreed_day < asked_day and asked_pos < 7:
        agreed_pos += 7  # this week's Friday is before the Monday that comes after it
    return asked_pos, agreed_pos


def weekday_timing(request: Span, delivs: list[TermHit], rushed: bool) -> Timing | None:
    """A weekday asked for against the weekday the clause is due on: earlier is a deadline
    question, later is not a flag ("Wednesday instead of Tuesday")."""
    pats = _patterns()
    text = request.text
    days = list(pats.weekday.finditer(text))
    if not days:
        return None
    asked = next((m for m in days if not _replaced(text, m.start())), None)
    replaced = next((m for m in days if _replaced(text, m.start())), None)
    if asked is None:
        return None
    asked_day = pats.weekday_index[asked.group("day").lower()]
    cue = rushed or replaced is not None or bool(pats.deadline.search(text[max(0, asked.start() - 12):asked.start()]))
    if not cue:
        return None
    for h in delivs:
        due_day = pats.weekday_index[replaced.group("day").lower()] if replaced is not None else _due_weekdays(h.item, text)
        if due_day is None or due_day == asked_day:
            continue
        asked_pos, due_pos = _positions(text, asked, asked_day, replaced, due_day)
        return Timing(h.item, asked_pos < due_pos, asked.group(0), h.item.due or replaced.group(0),
                      firm=rushed or replaced is not None)
    if not delivs and replaced is not None:
        due_day = pats.weekday_index[replaced.group("day").lower()]
        if due_day != asked_day:
            asked_pos, due_pos = _positions(text, asked, asked_day, replaced, due_day)
            return Timing(None, asked_pos < due_pos, asked.group(0), replaced.group(0), firm=True)
    return None


def iso_due(item: ScopeItem) -> date | None:
    m = _patterns().iso.match(item.due or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None

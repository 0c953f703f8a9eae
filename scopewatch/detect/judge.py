"""Compares one request sentence with the client's agreement and gives the verdict, the category,
the clause it was compared with, a confidence, and one sentence of explanation."""

from __future__ import annotations

from spacy.tokens import Span

from scopewatch.agreement.model import Agreement, ScopeItem
from scopewatch.detect.findings import Finding
from scopewatch.detect.requests import Sentence
from scopewatch.detect.terms import TermHit

# Below this confidence an out-of-scope request goes to the digest as "check", not as a flag.
REVIEW_BELOW = 0.6

_NUMBERS = {
    "en": {
        "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
        "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "dozen": 12,
    },
    "nl": {
        "twee": 2, "drie": 3, "vier": 4, "vijf": 5, "zes": 6, "zeven": 7, "acht": 8, "negen": 9,
        "tien": 10, "elf": 11, "twaalf": 12, "vijftien": 15, "twintig": 20,
    },
}
_ORDINALS = {
    "en": {"second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5},
    "nl": {"tweede": 2, "derde": 3, "vierde": 4, "vijfde": 5, "zesde": 6, "2e": 2, "3e": 3, "4e": 4, "5e": 5, "2de": 2, "3de": 3},
}
# How many of the limit's periods fit in the period the client names ("6 posts this month"
# against "3 per week" is within the limit).
_PERIOD_WORDS = {
    "week": "week", "weeks": "week", "weekly": "week", "weke": "week", "weken": "week", "wekelijks": "week",
    "month": "month", "months": "month", "monthly": "month", "maand": "month", "maanden": "month", "maandelijks": "month",
    "quarter": "quarter", "kwartaal": "quarter",
}
_WEEKS = {"week": 1, "month": 4.33, "quarter": 13, "project": None}


def _number_before(doc, hit: TermHit, language: str, window: int = 4) -> tuple[int | None, bool]:
    """A count or ordinal in the few words before a term: ('6 posts', 'a third round of revisions')."""
    for i in range(hit.start - 1, max(hit.start - window, 0) - 1, -1):
        tok = doc[i]
        low = tok.lower_
        if low in _ORDINALS[language]:
            return _ORDINALS[language][low], True
        if low.isdigit() and len(low) <= 3:
            return int(low), False
        if low in _NUMBERS[language]:
            return _NUMBERS[language][low], False
    return None, False


def _over_limit(count: int, ordinal: bool, item: ScopeItem, span: Span) -> bool:
    limit = item.limit
    if ordinal:
        return count > limit.count
    named = next((_PERIOD_WORDS[t.lower_] for t in span if t.lower_ in _PERIOD_WORDS), None)
    allowed: float = limit.count
    if named and named != limit.per and _WEEKS.get(named) and _WEEKS.get(limit.per):
        allowed = limit.count * _WEEKS[named] / _WEEKS[limit.per]
    return count > allowed


def _quote(item: ScopeItem) -> str:
    return f'{item.id} ("{item.description}")'


def _limit_text(item: ScopeItem) -> str:
    lim = item.limit
    unit = lim.unit or item.id
    return f"{lim.count} {unit} per {lim.per}"


def judge(sentence: Sentence, hits: list[TermHit], agreement: Agreement, language: str, *, base_offset: int = 0, part: str = "body") -> Finding:
    """The verdict on one request sentence. `hits` are the agreement terms found in it."""
    span = sentence.span
    doc = span.doc
    roles = sentence.roles()
    rule_ids = [r.id for r in sorted(sentence.rules, key=lambda r: (r.role != "ask", -r.score))]
    excluded = [h for h in hits if h.item.kind == "exclusion"]
    duties = [h for h in hits if h.item.kind == "client_provides"]
    delivs = [h for h in hits if h.item.kind == "deliverable"]
    term_tokens = {i for h in hits for i in range(h.start, h.end)}
    work = [f for f in sentence.fired_role("work") if not any(i in term_tokens for i in range(f.start, f.end))]
    strength = min(1.0, 0.55 + 0.3 * max(0.0, sentence.score - 0.7))

    item: ScopeItem | None = None
    matched: list[str] = []
    verdict, category = "out_of_scope", None
    confidence = strength
    if excluded:
        h = excluded[0]
        item, matched, category = h.item, [h.text], "excluded"
        confidence = 0.92 if not h.compound else 0.75
        if delivs:
            confidence -= 0.12
        explanation = f'asks for "{h.text}", which the agreement excludes: {_quote(item)}'
    elif duties and "takeover" in roles:
        h = duties[0]
        item, matched, category = h.item, [h.text], "client_duty"
        confidence = 0.88
        explanation = f'asks you to take over "{h.text}", which the client provides: {_quote(item)}'
    else:
        limited = [h for h in delivs if h.item.limit is not None]
        over = None
        for h in limited:
            n, ordinal = _number_before(doc, h, language)
            if n is not None and _over_limit(n, ordinal, h.item, span):
                over = (h, n, ordinal)
                break
        if over:
            h, n, ordinal = over
            item, matched, category = h.item, [h.text], "quantity"
            confidence = 0.9
            asked = f'number {n} of "{h.text}"' if ordinal else f'{n} x "{h.text}"'
            explanation = f"asks for {asked}; the agreement allows {_limit_text(h.item)}: {_quote(h.item)}"
        elif limited and "extra" in roles:
            h = limited[0]
            item, matched, category = h.item, [h.text], "quantity"
            confidence = 0.75
            explanation = f'asks for more "{h.text}" on top of the agreed {_limit_text(h.item)}: {_quote(h.item)}'
        elif "rush" in roles:
            rush = sentence.fired_role("rush")[0]
            cue = doc[rush.start : rush.end].text
            item = delivs[0].item if delivs else None
            matched = [delivs[0].text] if delivs else []
            category = "deadline"
            confidence = 0.85 if delivs else 0.72
            agreed = (item.due if item is not None and item.due else None) or (
                f"the period ends {agreement.period.end.isoformat()}" if agreement.period.end else "the agreed planning"
            )
            explanation = f'asks for it sooner than agreed ("{cue}"); agreed: {agreed}'
            if item is not None:
                explanation += f" for {_quote(item)}"
        elif delivs and "extra" in roles and not work:
            h = delivs[0]
            item, matched, category = h.item, [h.text], "new_work"
            confidence = 0.62
            explanation = f'asks for another "{h.text}" besides the agreed {_quote(h.item)}'
        elif delivs and not (work and "additive" in roles):
            h = delivs[0]
            item, matched = h.item, [h.text]
            verdict, category = "in_scope", None
            confidence = 0.85 if not work else 0.65
            explanation = f'asks for "{h.text}", covered by {_quote(h.item)}'
        else:
            agreed = ", ".join(d.id for d in agreement.deliverables)
            category = "new_work"
            if work:
                what = doc[work[0].start : work[0].end].text
                matched = [what]
                confidence = 0.86 if "additive" in roles or not delivs else 0.7
                explanation = f'asks for "{what}", which matches none of the agreed deliverables ({agreed})'
            elif "additive" in roles:
                confidence = 0.6
                explanation = f"asks for additional work that matches none of the agreed deliverables ({agreed})"
            else:
                confidence = 0.4
                explanation = f"asks for something that matches none of the agreement's terms ({agreed}); check it"
    confidence = max(0.05, min(0.99, confidence if verdict == "in_scope" else (confidence + strength) / 2 + 0.1))
    start = base_offset + span.start_char
    text = span.text
    # The evidence is the sentence as written, without the line breaks of a wrapped mail.
    stripped = text.rstrip()
    lead = len(text) - len(text.lstrip())
    return Finding(
        verdict=verdict,
        category=category,
        evidence=" ".join(stripped.split()),
        start=start + lead,
        end=start + len(stripped),
        rules=rule_ids,
        scope_item=item.id if item else None,
        scope_item_description=item.description if item else None,
        confidence=round(confidence, 2),
        review=verdict == "out_of_scope" and confidence < REVIEW_BELOW,
        part=part,
        scope_item_kind=item.kind if item else None,
        matched_terms=matched,
        explanation=explanation,
    )

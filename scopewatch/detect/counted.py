"""A counted size per piece (`each: 6 profiles`, `each: max. 30 portretfoto's`) against the number a
request asks for ("could you send 8 profiles for this role?", "kun je 40 foto's bewerken?").
The agreement parses the size (agreement/validate.py); this only compares."""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Span

from scopewatch.agreement.model import ScopeItem
from scopewatch.detect.terms import TermHit, term_forms
from scopewatch.words import lexicon

# Words that may stand between the number and the thing: "8 more profiles", "40 nieuwe foto's".
_BETWEEN = 2
_MIN_PART = 4  # a compound's head or the thing's head must be this long to count as the same thing


@dataclass(frozen=True)
class CountOver:
    item: ScopeItem
    asked: str  # what the client wrote ("8 profiles")
    allowed: str  # "up to 6 profiles each"


def _same_thing(word: str, unit: str, language: str) -> bool:
    """"profiles" is "profile"; "foto's" and "portretfoto's" name the same thing (a Dutch compound
    names a kind of its head, and a client drops the first part)."""
    word = word.lower()
    forms = term_forms(unit, language) | term_forms(unit, "en" if language == "nl" else "nl")
    if word in forms:
        return True
    mine = term_forms(word, language)
    return any(len(w) >= _MIN_PART and (f.endswith(w) or w.endswith(f)) for f in forms for w in mine if len(f) >= _MIN_PART)


def counts_each(hit: TermHit, language: str) -> bool:
    """Whether a number before this term counts the clause's `each` ("8 profiles" against `each: 6
    profiles`), not how many of the clause per period."""
    each = hit.item.each
    return each is not None and each.counted and _same_thing(hit.text.split()[-1], each.unit, language)


def _number(word: str) -> int | None:
    low = word.lower()
    if low.isdigit() and len(low) <= 4:
        return int(low)
    return lexicon().every.numbers.get(low)


def over_count(request: Span, hits: list[TermHit], sized: list[ScopeItem], language: str) -> CountOver | None:
    """The first "N things" in the request over the count of a clause's `each` (a counted size).
    `sized` are the clauses with a counted `each`; with several, only those the request names."""
    counted = [d for d in sized if d.each is not None and d.each.counted]
    if not counted:
        return None
    named = [d for d in counted if any(h.item.id == d.id for h in hits)]
    if named:
        counted = named
    elif len(counted) > 1:
        return None
    words = [t for t in request if not t.is_space]
    for i, tok in enumerate(words):
        n = _number(tok.text)
        if n is None:
            continue
        for j in range(i + 1, min(i + 2 + _BETWEEN, len(words))):
            w = words[j]
            if not re.match(r"[^\W\d_]", w.text):
                break
            for item in counted:
                if _same_thing(w.text, item.each.unit, language) and n > item.each.amount:
                    asked = request.doc[tok.i: w.i + 1].text
                    return CountOver(item, asked, f"up to {item.each.size} each")
            if _number(w.text) is not None:
                break
    return None

"""Judges a request by the kind of work it asks for (detect/work.py): covered by a deliverable ->
in scope, by an exclusion -> excluded, by a client duty -> client_duty, a known kind no item
covers -> new work. The judge asks here when the agreement's terms cannot tell: none stand in the
sentence, or they only give context ("thumbnails for each *episode*").
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Span

from scopewatch.agreement.model import Agreement, ScopeItem
from scopewatch.detect.links import AgreementKinds, Cover
from scopewatch.detect.work import WorkAsked, WorkMatcher

# A kind found from an action with its object (or a name of the work) is as sure as an agreement
# term; a lone object less so.
SURE_AT = 5.0
STRONG_AT = 6.0  # strong enough to outweigh an agreement term that is not its object


@dataclass
class KindVerdict:
    verdict: str  # in_scope, out_of_scope
    category: str | None
    item: ScopeItem | None
    confidence: float
    explanation: str
    matched: list[str]


def _quote(item: ScopeItem) -> str:
    return f'{item.id} ("{item.description}")'


def kind_verdict(work: WorkAsked, kinds: AgreementKinds, agreement: Agreement, *, takeover: bool) -> KindVerdict:
    """The verdict on a request for this kind of work, with the clause it was compared with."""
    cover: Cover | None = kinds.decide(work)
    kind = work.kind
    # "personal travel" says more than "travel booking" when the sentence named the holiday.
    what = (work.narrower[0] if work.narrower else kind).label()
    sure = work.score >= SURE_AT and work.named
    matched = [work.what]
    if cover is None:
        if kind.adjusts_agreed_work:
            return KindVerdict("in_scope", None, None, 0.6, f"asks to change when agreed work happens ({work.what})", matched)
        agreed = ", ".join(d.id for d in agreement.deliverables)
        # Only a named kind, or its verb with its object, is a flag; a lone thing ("the refund
        # hasn't been matched") is a question for the VA.
        return KindVerdict(
            "out_of_scope", "new_work", None, 0.82 if sure else (0.66 if work.named else 0.5),
            f"asks for {what}, which is not in the agreement (agreed: {agreed})", matched,
        )
    item = cover.item
    if item.kind == "ask":
        # The VA's checklist says "ask me first": a question for her, never a flag or a pass.
        return KindVerdict(
            "out_of_scope", "new_work", item, 0.45,
            f"asks for {what}; your checklist says to ask you first: {_quote(item)}", matched,
        )
    if item.kind == "deliverable":
        return KindVerdict("in_scope", None, item, 0.8 if sure else 0.65, f"asks for {what}, covered by {_quote(item)}", matched)
    if item.kind == "exclusion":
        return KindVerdict(
            "out_of_scope", "excluded", item, 0.85 if sure else 0.55,
            f"asks for {what}, which the agreement excludes: {_quote(item)}", matched,
        )
    # Naming what the client supplies is often context ("use the photos I send"): only a "take
    # over" cue or a clear action on it makes it a flag.
    conf = 0.82 if takeover else (0.62 if sure else 0.5)
    return KindVerdict(
        "out_of_scope", "client_duty", item, conf,
        f"asks you to take over {what}, which the client provides: {_quote(item)}", matched,
    )


_PURPOSE = {"for", "each", "every", "per", "voor", "elke", "iedere", "ieder"}


def terms_context(hits: list, matcher: WorkMatcher, span: Span, verbs: frozenset[int] = frozenset()) -> str | None:
    """How the agreement terms of the sentence stand when each follows a preposition: "purpose"
    when one says what the work is for ("thumbnails for each episode"), "place" when they say
    where ("in Exact", "op de website"), None when a term is the thing asked for."""
    if not hits or not all(matcher.is_context(span.doc, h, span.start, verbs) for h in hits):
        return None
    doc = span.doc
    for h in hits:
        i = h.start - 1
        while i >= span.start and (doc[i].lower_ not in matcher.context_before or i in verbs):
            i -= 1
        if i < span.start or doc[i].lower_ not in _PURPOSE:
            return "place"
    return "purpose"


def outweighs_terms(work: WorkAsked, hits: list, kinds: AgreementKinds, language: str) -> bool:
    """Whether the work found should decide although agreement terms stand in the sentence:
    they only give context, or the kind comes from a clear action with its own object that none
    of the hit clauses covers ("sit in on the board meeting and write up the notes")."""
    if not hits or language != "en":
        return False  # a Dutch verb stands last, after every object: no telling which it governs
    if work.score < STRONG_AT or work.action_start is None or work.object is None:
        return False
    hit_tokens = {i for h in hits for i in range(h.start, h.end)}
    if hit_tokens & work.tokens or any(h.start < work.action_start for h in hits):
        return False
    cover = kinds.decide(work)
    covered_by_hit = cover is not None and any(h.item.id == cover.item.id for h in hits)
    return not covered_by_hit

"""The VA's decisions on a finding, with the reason in a form detection learns from: dismiss as
covered by a deliverable (`in_scope`), as no request, as already agreed, or with free text; confirm,
correcting the category and the clause. Each decision moves the status, logs the event (with the
structured reason) and writes what was learned, in one transaction. The CLI, `scopewatch review`
and the web page all call these functions."""

from __future__ import annotations

from dataclasses import dataclass, field

from scopewatch.detect.findings import CATEGORIES
from scopewatch.detect.learned import ALREADY_AGREED, CUE, IN_SCOPE, NOT_A_REQUEST, OUT_OF_SCOPE, PHRASE, WORK_KIND
from scopewatch.detect.learned import words_of_text
from scopewatch.errors import DecisionError, NotFoundError
from scopewatch.store.learned import LearnedRecord, _record, bump
from scopewatch.store.ledger import Ledger
from scopewatch.store.models import Event, Finding, Learned, Message, utcnow
from scopewatch.store.records import FindingRecord

__all__ = ["Decision", "confirm", "confirmed_by_va", "dismiss", "learn_accepted", "DISMISS_REASONS"]

# Statuses past "confirmed": a confirmation (with a correction) keeps them.
LATER = ("drafted", "sent", "accepted", "declined")

# The reasons `dismiss` understands, as the VA names them.
DISMISS_REASONS = {
    "in_scope": "covered by a deliverable of the agreement",
    "not_a_request": "not a request",
    "already_agreed": "covered by an amendment or a quote",
}


@dataclass
class Decision:
    """What a decision did: the finding after it, and what was learned from it."""

    finding: FindingRecord
    changed: bool  # the status moved
    learned: list[LearnedRecord] = field(default_factory=list)
    why: str | None = None
    corrected: bool = True  # the VA corrected detection (a plain confirmation only reinforces it)

    def summary(self, before: str) -> str:
        head = (f"finding {self.finding.id}: {before} -> {self.finding.status}" if self.changed
                else f"finding {self.finding.id} is already {self.finding.status}")
        if self.why:
            head += f" ({self.why})"
        for r in self.learned if self.corrected else ():
            what = " ".join(r.words) if r.kind != WORK_KIND else "kind " + ", ".join(r.words)
            head += f"\n  learned {r.id}: \"{what}\" -> {_meaning(r)}"
        return head


def _meaning(r: LearnedRecord) -> str:
    if r.outcome == IN_SCOPE:
        return f"in scope ({r.scope_item})" if r.scope_item else "in scope"
    if r.outcome == OUT_OF_SCOPE:
        return f"{r.category}" + (f" ({r.scope_item})" if r.scope_item else "")
    return r.outcome.replace("_", " ")


def _state(row: Finding) -> tuple[str, str | None]:
    if row.verdict == "in_scope":
        return "in_scope", None
    return ("check" if row.review else "out_of_scope"), row.category


def _words(row: Finding, language: str | None) -> list[str]:
    if row.work_words is not None:
        return list(row.work_words)
    return list(words_of_text(row.evidence, language or "en"))  # stored before the ledger learned


def _item_check(agreement, item: str | None, *, deliverable: bool) -> None:
    if agreement is None or item is None:
        return
    found = agreement.item(item)
    if found is None or (deliverable and found.kind != "deliverable"):
        choices = [i.id for i in agreement.items() if not deliverable or i.kind == "deliverable"]
        what = "deliverable" if deliverable else "clause"
        raise NotFoundError(f"'{item}' is no {what} of {agreement.client_id}'s agreement (known: {', '.join(choices) or 'none'})")


def _learn(s, row: Finding, message: Message, *, outcome: str, decision: str, who: str,
           category: str | None = None, item: str | None = None, kinds: bool = True) -> list[Learned]:
    """The entries a decision teaches: the request's work words, and (for a clause) its kinds of work."""
    if message.client_id is None:
        return []
    verdict, source_category = _state(row)
    words = _words(row, message.language)
    common = dict(
        client_id=message.client_id, outcome=outcome, category=category, scope_item=item,
        source_verdict=verdict, source_category=source_category,
        source_items=[row.scope_item] if row.scope_item else [], language=message.language,
        decision=decision, finding_id=row.id, decided_on=message.date or row.created_at,
        evidence=row.evidence, who=who, created_at=utcnow(), uses=0,
    )
    made = []
    if words:
        made.append(Learned(kind=CUE if outcome == NOT_A_REQUEST else PHRASE, words=words, **common))
    if kinds and outcome in (IN_SCOPE, OUT_OF_SCOPE) and row.work_kinds:
        made.append(Learned(kind=WORK_KIND, words=list(row.work_kinds), **common))
    for entry in made:
        s.add(entry)
    if made:
        s.flush()
    return made


def _decide(ledger: Ledger, finding_id: int, status: str, *, who: str, why: str | None, decision: dict | None,
            learn, correct=None, corrected: bool = True) -> Decision:
    with ledger._session(write=True) as s:
        row = s.get(Finding, finding_id)
        if row is None:
            raise NotFoundError(f"no finding {finding_id} in the ledger (list them with `scopewatch flags`)")
        message = s.get(Message, row.message_pk)
        made = learn(s, row, message) if learn is not None else []
        if correct is not None:
            correct(row)
        if status == "confirmed" and row.status in LATER:
            status = row.status  # drafted, sent or answered already: the correction does not undo that
            why = why or "confirmed"  # still a person's decision on it (a draft alone is none)
        changed = row.status != status
        if changed or decision is not None:
            s.add(Event(finding_id=finding_id, from_status=row.status, to_status=status, who=who, why=why,
                        decision=decision))
            row.status = status
        if message.client_id is not None and (made or decision is not None):
            bump(s, message.client_id)  # rule counts moved too: workers reload this client
        learned = [_record(m) for m in made]
    return Decision(ledger.finding(finding_id), changed, learned, why, corrected)


def dismiss(ledger: Ledger, finding_id: int, *, who: str, in_scope: str | None = None, not_a_request: bool = False,
            already_agreed: bool = False, reason: str | None = None, agreement=None) -> Decision:
    """Dismiss a finding, saying why. `in_scope` names the deliverable that covers it; the
    structured reasons teach detection, free text (`reason`) is kept for the history only.
    `agreement`, when given, is checked for the deliverable."""
    chosen = [k for k, v in (("in_scope", in_scope), ("not_a_request", not_a_request), ("already_agreed", already_agreed)) if v]
    if len(chosen) > 1:
        raise DecisionError("give one reason: --in-scope ITEM, --not-a-request or --already-agreed")
    _item_check(agreement, in_scope, deliverable=True)
    if not chosen:
        return _decide(ledger, finding_id, "dismissed", who=who, why=reason, decision=None, learn=None)
    kind = chosen[0]
    text = {"in_scope": f"in scope: {in_scope}", "not_a_request": "not a request",
            "already_agreed": "already agreed (an amendment or a quote)"}[kind]
    why = f"{text}; {reason}" if reason else text
    decision = {"reason": kind, **({"item": in_scope} if in_scope else {})}

    def learn(s, row, message):
        if kind == "in_scope":
            return _learn(s, row, message, outcome=IN_SCOPE, decision="dismiss_in_scope", who=who, item=in_scope)
        if kind == "not_a_request":
            return _learn(s, row, message, outcome=NOT_A_REQUEST, decision="dismiss_not_a_request", who=who)
        return _learn(s, row, message, outcome=ALREADY_AGREED, decision="dismiss_already_agreed", who=who,
                      item=row.scope_item, kinds=False)

    return _decide(ledger, finding_id, "dismissed", who=who, why=why, decision=decision, learn=learn)


def confirm(ledger: Ledger, finding_id: int, *, who: str, category: str | None = None, item: str | None = None,
            reason: str | None = None, agreement=None) -> Decision:
    """Confirm a finding is out of scope, correcting its category and clause when given. Detection
    learns when the VA corrected it (another category or clause, or it was in scope or a "check")."""
    if category is not None and category not in CATEGORIES:
        raise DecisionError(f"unknown category '{category}' (one of {', '.join(CATEGORIES)})")
    _item_check(agreement, item, deliverable=False)

    with ledger._session() as s:
        row = s.get(Finding, finding_id)
        if row is None:
            raise NotFoundError(f"no finding {finding_id} in the ledger (list them with `scopewatch flags`)")
        new_category = category or row.category or ("new_work" if row.verdict == "in_scope" else None)
        new_item = item or (row.scope_item if row.verdict == "out_of_scope" and category in (None, row.category) else None)
        corrected = row.verdict != "out_of_scope" or row.review or new_category != row.category or new_item != row.scope_item
        again = row.status == "confirmed" and not corrected  # nothing new to record
    parts = [f"as {new_category}" + (f", {new_item}" if new_item else "")] if corrected else []
    why = "; ".join([*parts, *([reason] if reason else [])]) or None
    # Always recorded: under auto_draft = "all" a drafted finding is confirmed only by this event.
    decision = None if again else {"reason": "confirm", "category": new_category,
                                   **({"item": new_item} if new_item else {}), **({} if corrected else {"plain": True})}

    def learn(s, row, message):
        # A plain confirmation is learned too: it keeps a like request from being "corrected" by a
        # less similar earlier dismissal.
        return _learn(s, row, message, outcome=OUT_OF_SCOPE, decision="confirm", who=who, category=new_category, item=new_item)

    def correct(row):
        if not corrected:
            return
        clause = agreement.item(new_item) if agreement is not None and new_item else None
        row.verdict, row.category, row.review = "out_of_scope", new_category, False
        if new_item != row.scope_item:
            row.scope_item = new_item
            row.scope_item_description = clause.description if clause else None
            row.scope_item_kind = clause.kind if clause else None

    return _decide(ledger, finding_id, "confirmed", who=who, why=why, decision=decision, learn=learn, correct=correct,
                   corrected=corrected)


def learn_accepted(ledger: Ledger, finding_id: int, amendment_id: str, *, who: str) -> list[LearnedRecord]:
    """The client accepted the change request: its work is in scope from now on, as the amendment
    (the status move itself is `accept_finding`'s)."""
    with ledger._session(write=True) as s:
        row = s.get(Finding, finding_id)
        if row is None:
            raise NotFoundError(f"no finding {finding_id} in the ledger (list them with `scopewatch flags`)")
        message = s.get(Message, row.message_pk)
        made = _learn(s, row, message, outcome=IN_SCOPE, decision="accepted", who=who, item=amendment_id)
        if made:
            bump(s, message.client_id)
        return [_record(m) for m in made]


def confirmed_by_va(ledger: Ledger, finding_ids) -> set[int]:
    """Which of these findings a person confirmed: moved to `confirmed`, or confirmed (or corrected)
    after the service drafted it by itself (`auto_draft = "all"`), where a draft alone is no decision.
    Replies written by hand before this was recorded count by their history's "confirmed ..." notes."""
    from sqlalchemy import select

    from scopewatch.store.ledger import SYSTEM

    ids = list(dict.fromkeys(finding_ids))
    found: set[int] = set()
    with ledger._session() as s:
        for i in range(0, len(ids), 500):
            rows = s.execute(select(Event.finding_id, Event.to_status, Event.who, Event.why, Event.decision)
                             .where(Event.finding_id.in_(ids[i:i + 500])))
            for fid, to_status, who, why, decision in rows:
                if to_status == "confirmed" or (who != SYSTEM and (
                        (decision or {}).get("reason") == "confirm" or (why or "").startswith("confirmed"))):
                    found.add(fid)
    return found

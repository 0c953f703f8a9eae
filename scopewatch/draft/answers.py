"""The client's answer to a change request: a reply linked to the findings it answers (a clear yes
or no offered to the VA, never decided), and the VA's accept (the agreement gets an amendment) or
decline."""

from __future__ import annotations

import re
from pathlib import Path

from scopewatch.errors import MessageError, NotFoundError
from scopewatch.parse.message import ParsedMessage
from scopewatch.store import followup
from scopewatch.store.ledger import FindingRecord, Ledger
from scopewatch.workspace import Workspace

CLOSED = ("dismissed", "accepted", "declined")


_ACCEPT = {
    "en": [
        r"go ahead", r"sounds good", r"please do (?:it|that|so)", r"yes,? please", r"let'?s do (?:it|that)",
        r"(?:that'?s|that is) fine(?: by me| with me)?", r"approved", r"ok(?:ay)?,? do it",
        r"happy (?:with that|to pay|to go ahead)", r"works for me",
    ],
    "nl": [
        r"akkoord", r"ga je gang", r"gaat u (?:uw|je) gang", r"doe maar", r"ja,? graag",
        r"dat is goed", r"klinkt goed", r"dat is prima", r"top,? doen",
    ],
}
_DECLINE = {
    "en": [
        r"no,? thanks?(?: you)?", r"not now", r"leave it", r"let'?s (?:not|skip it|leave it)", r"no need",
        r"never ?mind", r"forget (?:it|about it)", r"too (?:much|expensive)", r"don'?t (?:bother|do it)",
        r"i'?ll do it myself", r"not (?:necessary|needed)", r"hold off", r"skip (?:it|that)",
    ],
    "nl": [
        r"laat maar", r"nee,? (?:dank je|dank u|bedankt)", r"niet nodig", r"hoeft niet", r"toch maar niet",
        r"liever niet", r"te duur", r"doe ik zelf", r"laten we het laten", r"nu even niet", r"geen behoefte",
    ],
}
_NEGATION = re.compile(r"\b(?:not|no|don'?t|doesn'?t|isn'?t|niet|geen|nee)\b", re.IGNORECASE)


def _patterns(table: dict[str, list[str]]) -> re.Pattern:
    words = [p for ps in table.values() for p in ps]
    return re.compile(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w'])", re.IGNORECASE)


_ACCEPT_RE = _patterns(_ACCEPT)
_DECLINE_RE = _patterns(_DECLINE)


def reply_offer(text: str) -> tuple[str | None, str | None]:
    """("accept" | "decline" | None, the words that say so) for a client's answer. Precision first:
    a yes with a no or a negation before it in the same sentence, or a question, offers nothing."""
    first = " ".join((text or "").split())[:600]
    decline = _DECLINE_RE.search(first)
    accept = _ACCEPT_RE.search(first)
    if decline and accept:
        return None, None  # "go ahead ... or leave it?" is not clear
    if decline:
        return "decline", decline.group(0)
    if accept:
        sentence_start = max(first.rfind(".", 0, accept.start()), first.rfind("!", 0, accept.start()), -1) + 1
        before = first[sentence_start : accept.start()]
        end = re.search(r"[.!?\n]|$", first[accept.end():])
        after = first[accept.end(): accept.end() + (end.start() if end else 0) + 1]
        if _NEGATION.search(before) or after.endswith("?"):
            return None, None
        return "accept", accept.group(0)
    return None, None


def link_reply(ledger: Ledger, parsed: ParsedMessage, *, account: str | None = None) -> list[int]:
    """Link a client's mail whose In-Reply-To/References point at one of our drafts (or at the mail
    a draft answered) to those findings; a clear yes or no becomes an "acceptance offered" / "decline
    offered" event for the VA to confirm. Never accepts anything itself. Returns the linked finding ids."""
    if not parsed.message_id:
        return []
    refs = [r for r in dict.fromkeys([parsed.in_reply_to, *parsed.references]) if r]
    if not refs:
        return []
    targets: list[int] = []
    for ref in refs:
        d = followup.draft_by_message_id(ledger, ref)
        if d is not None and (account is None or d.account == account):
            targets.extend(d.finding_ids)
    for _mid, ids in followup.findings_by_message_ids(ledger, refs, account).items():
        # Only findings the VA has answered: other follow-ups in the thread are ordinary mail.
        targets.extend(i for i in ids if followup.draft_for(ledger, i) is not None)
    offer, phrase = reply_offer(parsed.new_text)
    linked = []
    for fid in dict.fromkeys(targets):
        status = ledger.finding(fid).status
        this_offer = offer if status not in CLOSED else None
        if followup.record_reply(
            ledger, fid, message_id=parsed.message_id, sender=parsed.sender, date=parsed.date,
            excerpt=" ".join(parsed.new_text.split())[:300], offer=this_offer, phrase=phrase,
        ):
            linked.append(fid)
    return linked


def _short(text: str, words: int = 20) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def accept_finding(
    ledger: Ledger, workspace: Workspace, finding_id: int, *, who: str, why: str | None = None,
    default_estimate_hours: float | None = None, when=None,
):
    """The client said yes: the change becomes part of the agreement (a new `amendments:` entry in
    the client's YAML, so later requests for the same work are in scope) and the finding `accepted`.
    Returns (amendment, added_now). Running it again adds nothing."""
    from scopewatch.agreement.amend import amendment_terms, append_amendment
    from scopewatch.draft.render import estimate_for

    f = ledger.finding(finding_id)
    if f.verdict != "out_of_scope":
        raise MessageError(f"finding {finding_id} is in scope already: there is no change to accept")
    if f.status in ("dismissed", "declined"):
        raise MessageError(f"finding {finding_id} is {f.status}; move it back (scopewatch confirm {finding_id}) before accepting it")
    from scopewatch.draft.service import _agreement

    agreement = _agreement(workspace, f)
    if not agreement.source_path:
        raise NotFoundError(f"the agreement of '{agreement.client_id}' has no file to write the change into")
    item = agreement.item(f.scope_item) if f.scope_item else None
    estimate = estimate_for(agreement, item, default_estimate_hours)
    _new, amendment, added = append_amendment(
        Path(agreement.source_path),
        finding_id=finding_id,
        description=f"Accepted change request: {_short(f.evidence)}",
        terms=amendment_terms(f.matched_terms, f.evidence),
        when=when,
        estimate_hours=estimate,
    )
    text = f"added to {Path(agreement.source_path).name} as amendment {amendment.id}"
    ledger.set_status(finding_id, "accepted", who=who, why=f"{why}; {text}" if why else text)
    if added:
        from scopewatch.store.decisions import learn_accepted

        learn_accepted(ledger, finding_id, amendment.id, who=who)  # like requests are in scope now
    return amendment, added


def decline_finding(ledger: Ledger, finding_id: int, *, who: str, why: str | None = None) -> FindingRecord:
    """The client said no (or the VA let it go): the finding is `declined`; the agreement is unchanged."""
    f = ledger.finding(finding_id)
    if f.verdict != "out_of_scope":
        raise MessageError(f"finding {finding_id} is in scope: there is no change request to decline")
    if f.status == "accepted":
        raise MessageError(f"finding {finding_id} was accepted and is part of the agreement now; edit the agreement to undo it")
    return ledger.set_status(finding_id, "declined", who=who, why=why or "the client declined the change request")

"""New versions of a change-request reply, and the copy in Drafts following them: the VA's edit
(saved on the page, `draft --edit`, `review`'s e), the text written anew, the reply answering
other requests of the mail, and taking it out of Drafts after a dismiss. The mailbox always ends
up holding the VA's latest text, once (draft/copies.py does the replacing)."""

from __future__ import annotations

import email
from dataclasses import dataclass
from email import policy
from email.utils import format_datetime, make_msgid, parseaddr
from datetime import datetime, timezone
from typing import Any

from scopewatch.draft import copies
from scopewatch.draft.copies import Owner
from scopewatch.errors import MessageError
from scopewatch.parse.body import body_text, text_digest
from scopewatch.store import draft_versions, followup, swaps
from scopewatch.store.followup import DraftRecord
from scopewatch.store.ledger import Ledger
from scopewatch.store.swaps import Swap

CLOSED = ("dismissed", "accepted", "declined")


class DraftChanged(MessageError):
    """The copy in Drafts was changed in the mail program since the VA opened the page: saving
    would throw that text away unseen. `text` is the copy's text now, `digest` its digest."""

    def __init__(self, message: str, text: str, digest: str):
        super().__init__(message)
        self.text = text
        self.digest = digest


# --- the journal's owner "draft" ------------------------------------------------------------------


def _wanted(ledger: Ledger, swap: Swap) -> bool:
    d = followup.draft_by_message_id(ledger, swap.new_message_id)
    return d is not None and d.sent_at is None and str(d.id) == swap.owner_id


def _finish(ledger: Ledger, swap: Swap, folder: str, who: str) -> None:
    old = ", ".join(swap.old_message_ids)
    draft_versions.finish_swap(ledger, swap.id, folder, who=who,
                               why=f"change request {swap.new_message_id} in {folder} replaces {old}")


copies.register(Owner(draft_versions.OWNER_KIND, _wanted, _finish))


# --- the message itself -----------------------------------------------------------------------------


def with_text(raw: bytes, text: str, message_id: str | None = None) -> bytes:
    """The draft with a new plain-text body and, given one, a new Message-ID and Date; every other
    header (To, Subject, threading) kept."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    if message_id:
        del msg["Message-ID"]
        msg["Message-ID"] = message_id
        del msg["Date"]
        msg["Date"] = format_datetime(datetime.now(timezone.utc))
    return msg.as_bytes(policy=policy.SMTP)


def fresh_message_id(raw: bytes) -> str:
    """A new Message-ID on the VA's domain (from the draft's From), for the next version."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    domain = parseaddr(str(msg["From"] or ""))[1].rpartition("@")[2] or "localhost"
    return make_msgid(domain=domain)


# --- what the mailbox holds -------------------------------------------------------------------------


@dataclass
class CopyState:
    """The reply's copy in Drafts as it is now: "same" (the ledger's latest text), "earlier" (a
    replacement is still journalled), "changed" (edited in the mail program: `text` is its text),
    "missing" (not in Drafts under its Message-ID), "ledger" (never put into Drafts)."""

    state: str
    text: str | None = None
    digest: str | None = None


def copy_state(source: Any, d: DraftRecord) -> CopyState:
    if not d.in_mailbox:
        return CopyState("ledger")
    if d.pending:
        return CopyState("earlier")
    copy = source.draft_copy(d.message_id)
    if copy is None:
        return CopyState("missing")
    digest = text_digest(copy)
    if digest == text_digest(d.raw):
        return CopyState("same", digest=digest)
    return CopyState("changed", body_text(copy), digest)


def edited(ledger: Ledger, source: Any, d: DraftRecord) -> bool:
    """The VA changed this reply: with scopewatch (page, `draft --edit`, review), or in her mail
    program (its copy in Drafts is no longer the text scopewatch put there, or is gone)."""
    if d.edited_at is not None:
        return True
    if source is None or not hasattr(source, "draft_copy"):
        return False
    if d.pending:  # Drafts still holds an earlier version: is that one as scopewatch wrote it?
        swap = swaps.for_owner(ledger, draft_versions.owner_of(d.id))
        if swap is None:
            return False
        known = set(swap.remove_digests) | {text_digest(d.raw)}
        copies_now = [source.draft_copy(m) for m in [*swap.old_message_ids, d.message_id]]
        return not any(c is not None for c in copies_now) or any(
            c is not None and text_digest(c) not in known for c in copies_now)
    return copy_state(source, d).state in ("changed", "missing")


# --- new versions -----------------------------------------------------------------------------------


def _store(ledger: Ledger, d: DraftRecord, raw_text: str, *, who: str, why: str, edited_now: bool,
           source: Any, finding_ids: list[int] | None = None, seen: str | None = None,
           remove_any: bool = False) -> DraftRecord:
    """Store the new version and, when the earlier one is in Drafts, replace it there (now with a
    `source`, else journalled for the service's next pass or "Put into Drafts")."""
    if not d.in_mailbox and not d.pending:
        raw = with_text(d.raw, raw_text)  # only in scopewatch: nothing in Drafts to tell apart
        return draft_versions.new_version(ledger, d.id, message_id=d.message_id, raw=raw, who=who, why=why,
                                          edited=edited_now, finding_ids=finding_ids)
    new_id = fresh_message_id(d.raw)
    raw = with_text(d.raw, raw_text, new_id)
    digests = [text_digest(d.raw)] + ([seen] if seen else [])
    record = draft_versions.new_version(ledger, d.id, message_id=new_id, raw=raw, who=who, why=why,
                                        edited=edited_now, finding_ids=finding_ids, remove_digests=digests,
                                        remove_any=remove_any)
    if source is not None:
        swap = swaps.for_owner(ledger, draft_versions.owner_of(d.id))
        if swap is not None:
            copies.carry_out(ledger, source, swap, who=who)
        record = followup.draft_by_message_id(ledger, new_id) or record
    return record


def save_text(ledger: Ledger, d: DraftRecord, text: str, *, who: str, source: Any = None,
              seen: str | None = None, why: str = "draft edited") -> DraftRecord:
    """The VA's text becomes the reply: in the ledger, and in Drafts in place of the earlier copy.
    `seen` is the digest of a copy changed in the mail program that the VA had in her editor (she
    saw it, so it may go); a copy changed since raises DraftChanged and nothing is saved."""
    if d.sent_at is not None:
        raise MessageError("this change request was sent already; it cannot be edited")
    if source is not None and d.in_mailbox and not d.pending:
        state = copy_state(source, d)
        if state.state == "changed" and state.digest != seen:
            raise DraftChanged(
                "the reply in Drafts was changed in your mail program since you opened it; your text was "
                "not saved: it is below, with the text from Drafts to compare", state.text or "", state.digest or "")
    return _store(ledger, d, text, who=who, why=why, edited_now=True, source=source, seen=seen)


def write_anew(ledger: Ledger, d: DraftRecord, text: str, *, who: str, source: Any = None,
               finding_ids: list[int] | None = None, why: str, drop_edits: bool = False) -> DraftRecord:
    """The reply written anew from the agreement (for `finding_ids`, when they change). The copy in
    Drafts is replaced when it is scopewatch's own text, or whatever it is with `drop_edits` (the
    VA asked for it)."""
    if d.sent_at is not None:
        raise MessageError("this change request was sent already; it cannot be changed")
    return _store(ledger, d, text, who=who, why=why, edited_now=False, source=source, finding_ids=finding_ids,
                  remove_any=drop_edits)


def take_out(ledger: Ledger, source: Any, d: DraftRecord, *, who: str, why: str, any_text: bool) -> bool:
    """Remove the reply's copies from Drafts (the latest, and earlier ones a journalled replacement
    would have removed) and forget the draft. `any_text`: whoever wrote the copy (the VA confirmed).
    True when a copy was removed."""
    ids = [d.message_id]
    may_go = (lambda raw: True) if any_text else (lambda raw: text_digest(raw) == text_digest(d.raw))
    swap = swaps.for_owner(ledger, draft_versions.owner_of(d.id)) if d.pending else None
    if swap is not None:
        ids += [m for m in swap.old_message_ids if m not in ids]
        if not any_text:
            known = set(swap.remove_digests) | {text_digest(d.raw)}
            may_go = lambda raw: text_digest(raw) in known  # noqa: E731
    removed = False
    if d.in_mailbox or swap is not None:
        for mid in ids:
            removed = source.remove_draft(mid, may_go) or removed
    draft_versions.withdraw_draft(ledger, d.id, who=who, why=why + (
        f": draft {d.message_id} removed from {d.folder or 'Drafts'}" if removed else f": draft {d.message_id} forgotten"))
    return removed

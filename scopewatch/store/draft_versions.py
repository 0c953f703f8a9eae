"""The ledger side of a change-request draft's new versions: the VA's edit, the text written anew,
a reply that now answers other requests of the mail. The ledger always holds the latest version;
while its copy in Drafts is still the earlier one, a `mailbox_swap` (store/swaps.py) says so, and
recording that the new copy is there finishes it, in one transaction."""

from __future__ import annotations

from sqlalchemy import delete, select

from scopewatch.errors import NotFoundError, StoreError
from scopewatch.store import swaps
from scopewatch.store.convert import storable_text
from scopewatch.store.followup import DRAFTABLE, DraftRecord, _draft_record, _raw_text
from scopewatch.store.ledger import SYSTEM, Ledger
from scopewatch.store.models import Draft, DraftFinding, Event, Finding, MailboxSwap, utcnow

__all__ = ["OWNER_KIND", "owner_of", "new_version", "finish_swap", "withdraw_draft"]

OWNER_KIND = "draft"  # a change request's swaps are owned by "draft:<id>"


def owner_of(draft_id: int) -> str:
    return f"{OWNER_KIND}:{draft_id}"


def new_version(ledger: Ledger, draft_id: int, *, message_id: str, raw: bytes, who: str = SYSTEM, why: str,
                edited: bool, finding_ids: list[int] | None = None, remove_digests: list[str] = (),
                remove_any: bool = False) -> DraftRecord:
    """Store the draft's new version (a new Message-ID, so its copy can be told from the earlier
    one) and, when the earlier one is in Drafts, journal replacing it there: one transaction.
    `finding_ids` (when given) are the findings the new version answers. `remove_digests` are the
    texts of the earlier copy that may be removed (what scopewatch put there, what the VA saw)."""
    with ledger._session(write=True) as s:
        row = s.get(Draft, draft_id)
        if row is None:
            raise NotFoundError(f"no draft {draft_id} in the ledger")
        if row.sent_at is not None:
            raise StoreError(f"draft {row.message_id} was sent already; it cannot be changed")
        old_id = row.message_id
        pending = s.scalar(select(MailboxSwap.id).where(MailboxSwap.owner == owner_of(draft_id))) is not None
        row.message_id = message_id
        row.raw = _raw_text(raw)
        row.edited_at = utcnow() if edited else None
        have = set(s.scalars(select(DraftFinding.finding_id).where(DraftFinding.draft_id == draft_id)))
        ids = list(dict.fromkeys(finding_ids)) if finding_ids is not None else sorted(have)
        for fid in ids:
            if fid not in have:
                s.add(DraftFinding(finding_id=fid, draft_id=draft_id))
        for fid in have - set(ids):
            s.execute(delete(DraftFinding).where(DraftFinding.draft_id == draft_id, DraftFinding.finding_id == fid))
        for f in s.scalars(select(Finding).where(Finding.id.in_(set(ids) | have))):
            s.add(Event(finding_id=f.id, from_status=f.status, to_status=f.status, who=who, why=storable_text(why)))
        if row.folder is not None or pending:
            swaps.add(s, account=row.account, owner=owner_of(draft_id), old_message_ids=[old_id],
                      new_message_id=message_id, new_raw=row.raw, remove_digests=list(remove_digests),
                      remove_any=remove_any)
        s.flush()
        return _draft_record(s, row)


def finish_swap(ledger: Ledger, swap_id: int, folder: str, *, who: str = SYSTEM, why: str) -> DraftRecord | None:
    """The new copy is in `folder` and the earlier one gone: record it on the draft, move its open
    findings to `drafted`, and close the journal entry, in one transaction."""
    with ledger._session(write=True) as s:
        entry = s.get(MailboxSwap, swap_id)
        if entry is None:
            return None  # finished by another process
        draft_id = int(entry.owner.split(":", 1)[1])
        row = s.get(Draft, draft_id)
        swaps.done(s, swap_id)
        if row is None or row.message_id != entry.new_message_id:
            return _draft_record(s, row) if row is not None else None
        row.folder = folder
        row.appended_at = utcnow()
        ids = list(s.scalars(select(DraftFinding.finding_id).where(DraftFinding.draft_id == draft_id)))
        for f in s.scalars(select(Finding).where(Finding.id.in_(ids))):
            s.add(Event(finding_id=f.id, from_status=f.status, to_status=f.status, who=who, why=storable_text(why)))
            if f.status in DRAFTABLE:
                s.add(Event(finding_id=f.id, from_status=f.status, to_status="drafted", who=who,
                            why=storable_text(f"change request {row.message_id} in {folder}")))
                f.status = "drafted"
        s.flush()
        return _draft_record(s, row)


def withdraw_draft(ledger: Ledger, draft_id: int, *, who: str = SYSTEM, why: str) -> None:
    """Forget a draft the VA no longer wants (its copies are gone from Drafts), and any replacement
    of it still journalled, logged on its findings."""
    with ledger._session(write=True) as s:
        row = s.get(Draft, draft_id)
        if row is None or row.sent_at is not None:
            return
        ids = list(s.scalars(select(DraftFinding.finding_id).where(DraftFinding.draft_id == draft_id)))
        for f in s.scalars(select(Finding).where(Finding.id.in_(ids))):
            s.add(Event(finding_id=f.id, from_status=f.status, to_status=f.status, who=who, why=storable_text(why)))
        s.execute(delete(MailboxSwap).where(MailboxSwap.owner == owner_of(draft_id)))
        s.execute(delete(DraftFinding).where(DraftFinding.draft_id == draft_id))
        s.delete(row)

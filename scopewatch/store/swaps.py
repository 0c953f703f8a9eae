"""The ledger side of replacing a copy in the mailbox's Drafts: a journal row per replacement (new
version to append, old copy to remove), claimed by one process at a time and deleted in the same
transaction that records the result on its owner. Any kind of copy can use it: a change-request
draft is owner "draft:<id>"; `draft/copies.py` carries the steps out in the mailbox."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Callable

from sqlalchemy import delete, or_, select, update

from scopewatch.parse.body import text_digest
from scopewatch.store.ledger import Ledger
from scopewatch.store.models import MailboxSwap, utcnow

__all__ = ["Swap", "CLAIM_TTL", "add", "claim", "done", "drop", "get", "for_owner", "owners_pending", "pending", "release"]

# A process that claimed a swap and died lets another take it over after this long.
CLAIM_TTL = timedelta(minutes=5)


@dataclass
class Swap:
    """One replacement in Drafts, as the journal holds it."""

    id: int
    account: str
    owner: str
    old_message_ids: list[str]  # the copies to remove (earlier versions)
    remove_digests: list[str]
    remove_any: bool
    new_message_id: str
    new_raw: bytes
    created_at: datetime

    @property
    def owner_kind(self) -> str:
        return self.owner.split(":", 1)[0]

    @property
    def owner_id(self) -> str:
        return self.owner.split(":", 1)[1] if ":" in self.owner else ""


def _swap(row: MailboxSwap) -> Swap:
    return Swap(row.id, row.account, row.owner, list(row.old_message_ids or []), list(row.remove_digests or []),
                bool(row.remove_any), row.new_message_id, row.new_raw.encode("utf-8", "surrogateescape"),
                row.created_at)


def add(s, *, account: str, owner: str, old_message_ids: list[str], new_message_id: str, new_raw: str,
        remove_digests: list[str], remove_any: bool = False) -> MailboxSwap:
    """Journal a replacement inside the caller's transaction (the owner's new version is written in
    the same one). A replacement of the same owner not carried out yet is superseded: the copies it
    would have removed, and its own new version (which may have reached Drafts), are removed now."""
    row = s.scalar(select(MailboxSwap).where(MailboxSwap.owner == owner))
    if row is not None:
        row.old_message_ids = list(dict.fromkeys([*(row.old_message_ids or []), row.new_message_id, *old_message_ids]))
        earlier = text_digest(row.new_raw.encode("utf-8", "surrogateescape"))  # its copy is ours as written
        row.remove_digests = list(dict.fromkeys([*(row.remove_digests or []), earlier, *remove_digests]))
        row.remove_any = bool(row.remove_any or remove_any)
        row.new_message_id = new_message_id
        row.new_raw = new_raw
        row.created_at = utcnow()
        row.claimed_by = row.claimed_at = None
        return row
    row = MailboxSwap(account=account, owner=owner, old_message_ids=list(dict.fromkeys(old_message_ids)),
                      remove_digests=list(dict.fromkeys(remove_digests)), remove_any=remove_any,
                      new_message_id=new_message_id, new_raw=new_raw, created_at=utcnow())
    s.add(row)
    return row


def get(ledger: Ledger, swap_id: int) -> Swap | None:
    with ledger._session() as s:
        row = s.get(MailboxSwap, swap_id)
        return _swap(row) if row is not None else None


def for_owner(ledger: Ledger, owner: str) -> Swap | None:
    with ledger._session() as s:
        row = s.scalar(select(MailboxSwap).where(MailboxSwap.owner == owner))
        return _swap(row) if row is not None else None


def owners_pending(ledger: Ledger, owners: list[str]) -> set[str]:
    """Which of these owners have a replacement not carried out yet."""
    if not owners:
        return set()
    with ledger._session() as s:
        return set(s.scalars(select(MailboxSwap.owner).where(MailboxSwap.owner.in_(owners))))


def pending(ledger: Ledger, account: str | None = None) -> list[Swap]:
    q = select(MailboxSwap).order_by(MailboxSwap.id)
    if account is not None:
        q = q.where(MailboxSwap.account == account)
    with ledger._session() as s:
        return [_swap(row) for row in s.scalars(q)]


def claim(ledger: Ledger, swap_id: int, holder: str, *, now: datetime | None = None,
          holder_is_dead: Callable[[str], bool] | None = None) -> Swap | None:
    """Take the swap for this process (compare-and-set), unless another holds a fresh claim: two
    processes never append the same new version at the same moment. A claim by a process that is
    gone (`holder_is_dead`, e.g. killed with -9 on this host) is taken over at once, an older one
    after CLAIM_TTL. None when not taken."""
    now = now or utcnow()
    with ledger._session(write=True) as s:
        current = s.scalar(select(MailboxSwap.claimed_by).where(MailboxSwap.id == swap_id))
        free = or_(MailboxSwap.claimed_by.is_(None), MailboxSwap.claimed_by == holder,
                   MailboxSwap.claimed_at < now - CLAIM_TTL)
        if current not in (None, holder) and holder_is_dead is not None and holder_is_dead(current):
            free = or_(free, MailboxSwap.claimed_by == current)
        result = s.execute(update(MailboxSwap).where(MailboxSwap.id == swap_id, free)
                           .values(claimed_by=holder, claimed_at=now))
        if result.rowcount != 1:
            return None
        row = s.get(MailboxSwap, swap_id)
        return _swap(row) if row is not None else None


def release(ledger: Ledger, swap_id: int, holder: str) -> None:
    """Give a claimed swap back (the mailbox failed): the next pass or process retries it."""
    with ledger._session(write=True) as s:
        s.execute(update(MailboxSwap).where(MailboxSwap.id == swap_id, MailboxSwap.claimed_by == holder)
                  .values(claimed_by=None, claimed_at=None))


def done(s, swap_id: int) -> None:
    """Delete the journal row inside the caller's transaction (the one recording the result)."""
    s.execute(delete(MailboxSwap).where(MailboxSwap.id == swap_id))


def drop(ledger: Ledger, swap_id: int) -> None:
    """Forget a swap that is no longer wanted (its owner was sent or withdrawn)."""
    with ledger._session(write=True) as s:
        done(s, swap_id)

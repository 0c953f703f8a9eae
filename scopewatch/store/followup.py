"""The ledger side of following a finding up: the change-request draft that answers it (stored once
per finding), the client's replies linked to it, and the log of digests sent to the VA."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Iterable

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from scopewatch.errors import NotFoundError, StoreError
from scopewatch.parse.message import ParsedMessage
from scopewatch.store.convert import identity_of_message_id, storable_date, storable_text
from scopewatch.store.ledger import SYSTEM, Ledger
from scopewatch.store.models import DigestLog, Draft, DraftFinding, Event, Finding, MailboxSwap, Message, Reply, utcnow

__all__ = [
    "DraftRecord",
    "ReplyRecord",
    "SYSTEM",
    "claim_draft",
    "draft_by_message_id",
    "draft_for",
    "draft_for_message",
    "drafts_for",
    "drafts",
    "forget_draft",
    "log_digest",
    "last_digest",
    "mark_appended",
    "drafted_left_open",
    "mark_sent",
    "move_findings",
    "note",
    "original_message",
    "record_reply",
    "replies",
    "findings_by_message_ids",
    "drafted_in_mailbox",
    "digest_slot_taken",
]


@dataclass
class DraftRecord:
    """A stored change-request draft and the findings it answers."""

    id: int
    message_pk: int
    message_id: str
    account: str
    folder: str | None  # the Drafts folder it was appended to; None while not in the mailbox
    language: str
    to: str
    subject: str
    raw: bytes
    created_at: datetime
    appended_at: datetime | None
    edited_at: datetime | None
    sent_at: datetime | None
    sent_how: str | None
    finding_ids: list[int] = field(default_factory=list)
    original_message_id: str | None = None  # the client mail it answers
    # The copy in Drafts is still an earlier version: the replacement is journalled, not done yet.
    pending: bool = False

    @property
    def in_mailbox(self) -> bool:
        return self.folder is not None


@dataclass
class ReplyRecord:
    id: int
    finding_id: int
    message_id: str
    sender: str | None
    date: datetime | None
    excerpt: str | None
    offer: str | None  # "accept", "decline" or None
    phrase: str | None
    linked_at: datetime


def _draft_record(s, row: Draft) -> DraftRecord:
    ids = list(s.scalars(select(DraftFinding.finding_id).where(DraftFinding.draft_id == row.id).order_by(DraftFinding.finding_id)))
    original = s.scalar(select(Message.message_id).where(Message.id == row.message_pk))
    pending = s.scalar(select(MailboxSwap.id).where(MailboxSwap.owner == f"draft:{row.id}")) is not None
    return DraftRecord(
        id=row.id,
        message_pk=row.message_pk,
        message_id=row.message_id,
        account=row.account,
        folder=row.folder,
        language=row.language,
        to=row.to_addr,
        subject=row.subject,
        raw=row.raw.encode("utf-8", "surrogateescape"),
        created_at=row.created_at,
        appended_at=row.appended_at,
        edited_at=row.edited_at,
        sent_at=row.sent_at,
        sent_how=row.sent_how,
        finding_ids=ids,
        original_message_id=original,
        pending=pending,
    )


def _raw_text(raw: bytes) -> str:
    # Drafts are made by us as 7-bit quoted-printable; surrogateescape keeps any 8-bit byte of an
    # edited draft round-tripping exactly through a text column.
    text = raw.decode("utf-8", "surrogateescape")
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        raise StoreError("the draft is not valid UTF-8 text and cannot be stored") from None


# --- messages ------------------------------------------------------------------------------------


def original_message(ledger: Ledger, message_pk: int) -> ParsedMessage:
    """The stored client mail as a ParsedMessage, enough to reply to it in its thread."""
    with ledger._session() as s:
        m = s.get(Message, message_pk)
        if m is None:
            raise NotFoundError(f"no message {message_pk} in the ledger")
        return ParsedMessage(
            message_id=m.message_id,
            sender=m.sender or "",
            sender_name=m.sender_name or "",
            to=(),
            cc=(),
            subject=m.subject or "",
            date=m.date,
            in_reply_to=m.in_reply_to,
            references=tuple(m.thread_references or ()),
            language=m.language or "en",
            new_text=m.new_text or "",
            body_text=m.new_text or "",  # only the new text is stored; that is what gets quoted
            is_reply=bool(m.in_reply_to),
        )


def findings_by_message_ids(ledger: Ledger, message_ids: Iterable[str], account: str | None = None) -> dict[str, list[int]]:
    """Message-ID -> ids of the out-of-scope findings of that stored client mail."""
    ids = [m for m in dict.fromkeys(message_ids) if m and m.strip()]
    if not ids:
        return {}
    # Looked up by the indexed identity column (the Message-ID as stored), not by message_id,
    # which has no index: this runs for every client reply the service stores.
    by_identity = {identity_of_message_id(m): m for m in ids}
    q = (
        select(Message.identity, Finding.id)
        .join(Finding, Finding.message_pk == Message.id)
        .where(Message.identity.in_(list(by_identity)), Finding.verdict == "out_of_scope")
        .order_by(Finding.id)
    )
    if account is not None:
        q = q.where(Message.account == account)
    out: dict[str, list[int]] = {}
    with ledger._session() as s:
        for identity, fid in s.execute(q):
            out.setdefault(by_identity[identity], []).append(fid)
    return out


# --- drafts --------------------------------------------------------------------------------------


def draft_for(ledger: Ledger, finding_id: int) -> DraftRecord | None:
    """The draft answering this finding, or None."""
    with ledger._session() as s:
        row = s.scalar(
            select(Draft).join(DraftFinding, DraftFinding.draft_id == Draft.id).where(DraftFinding.finding_id == finding_id)
        )
        return _draft_record(s, row) if row is not None else None


def drafts_for(ledger: Ledger, finding_ids: Iterable[int]) -> dict[int, DraftRecord]:
    """Finding id -> the draft answering it, for the findings that have one (one query per 500)."""
    ids = list(dict.fromkeys(finding_ids))
    out: dict[int, DraftRecord] = {}
    with ledger._session() as s:
        for i in range(0, len(ids), 500):
            rows = s.execute(select(DraftFinding.finding_id, Draft).join(Draft, Draft.id == DraftFinding.draft_id)
                             .where(DraftFinding.finding_id.in_(ids[i:i + 500])))
            records: dict[int, DraftRecord] = {}
            for fid, row in rows:
                if row.id not in records:
                    records[row.id] = _draft_record(s, row)
                out[fid] = records[row.id]
    return out


def draft_by_message_id(ledger: Ledger, message_id: str) -> DraftRecord | None:
    with ledger._session() as s:
        row = s.scalar(select(Draft).where(Draft.message_id == message_id))
        return _draft_record(s, row) if row is not None else None


def drafts(ledger: Ledger, *, account: str | None = None, unsent: bool = False, in_mailbox: bool | None = None) -> list[DraftRecord]:
    q = select(Draft).order_by(Draft.id)
    if account is not None:
        q = q.where(Draft.account == account)
    if unsent:
        q = q.where(Draft.sent_at.is_(None))
    if in_mailbox is True:
        q = q.where(Draft.folder.is_not(None))
    elif in_mailbox is False:
        q = q.where(Draft.folder.is_(None))
    with ledger._session() as s:
        return [_draft_record(s, row) for row in s.scalars(q)]


def claim_draft(
    ledger: Ledger,
    *,
    message_pk: int,
    finding_ids: list[int],
    message_id: str,
    account: str,
    language: str,
    to: str,
    subject: str,
    raw: bytes,
) -> tuple[DraftRecord, bool]:
    """Store a new draft answering `finding_ids`, unless one of them is answered already: then
    that draft comes back and nothing is stored. Returns (draft, created)."""
    if not finding_ids:
        raise ValueError("a draft must answer at least one finding")
    for _attempt in range(5):
        try:
            with ledger._session(write=True) as s:
                existing = s.scalar(
                    select(Draft)
                    .join(DraftFinding, DraftFinding.draft_id == Draft.id)
                    .where(DraftFinding.finding_id.in_(finding_ids))
                    .order_by(Draft.id)
                )
                if existing is not None:
                    return _draft_record(s, existing), False
                row = Draft(
                    message_pk=message_pk,
                    message_id=message_id,
                    account=account,
                    folder=None,
                    language=language,
                    to_addr=storable_text(to) or "",
                    subject=storable_text(subject) or "",
                    raw=_raw_text(raw),
                )
                s.add(row)
                s.flush()
                s.add_all(DraftFinding(finding_id=fid, draft_id=row.id) for fid in dict.fromkeys(finding_ids))
                s.flush()
                return _draft_record(s, row), True
        except IntegrityError:
            continue  # another process drafted one of these findings at the same moment: look again
    raise StoreError(f"could not store the draft for findings {finding_ids}: keeps conflicting")


def draft_for_message(ledger: Ledger, message_pk: int) -> DraftRecord | None:
    """The unsent draft answering this client mail, if any: one reply per mail."""
    with ledger._session() as s:
        row = s.scalar(select(Draft).where(Draft.message_pk == message_pk, Draft.sent_at.is_(None)).order_by(Draft.id))
        return _draft_record(s, row) if row is not None else None


def forget_draft(ledger: Ledger, draft_id: int) -> None:
    """Remove a draft that never reached the mailbox (its append failed), so it can be made again."""
    with ledger._session(write=True) as s:
        row = s.get(Draft, draft_id)
        if row is None or row.folder is not None or row.sent_at is not None:
            return
        s.execute(delete(DraftFinding).where(DraftFinding.draft_id == draft_id))
        s.delete(row)


DRAFTABLE = ("new", "confirmed")  # the statuses a draft in Drafts moves to `drafted`


def mark_appended(ledger: Ledger, draft_id: int, folder: str, *, who: str | None = None,
                  why: str | None = None) -> DraftRecord:
    """The draft is in the mailbox's `folder`. With `who`, its findings still new or confirmed become
    `drafted` in the SAME transaction: a kill can never leave a draft in Drafts whose findings the
    digest still offers to confirm or dismiss."""
    with ledger._session(write=True) as s:
        row = s.get(Draft, draft_id)
        if row is None:
            raise NotFoundError(f"no draft {draft_id} in the ledger")
        if row.folder is None:
            row.folder = folder
            row.appended_at = utcnow()
        if who is not None:
            _move_drafted(s, row.id, who, why or f"change request {row.message_id} in {row.folder}")
        s.flush()
        return _draft_record(s, row)


def _move_drafted(s, draft_id: int, who: str, why: str) -> list[int]:
    ids = s.scalars(select(DraftFinding.finding_id).where(DraftFinding.draft_id == draft_id))
    moved = []
    for finding in s.scalars(select(Finding).where(Finding.id.in_(list(ids)), Finding.status.in_(DRAFTABLE))):
        s.add(Event(finding_id=finding.id, from_status=finding.status, to_status="drafted", who=who, why=why))
        finding.status = "drafted"
        moved.append(finding.id)
    return moved


def drafted_left_open(ledger: Ledger, account: str | None = None) -> list[int]:
    """Ids of unsent drafts in the mailbox with a finding still new or confirmed: what a crash between
    the two steps of an older scopewatch left behind."""
    q = (
        select(Draft.id).distinct()
        .join(DraftFinding, DraftFinding.draft_id == Draft.id)
        .join(Finding, Finding.id == DraftFinding.finding_id)
        .where(Draft.folder.is_not(None), Draft.sent_at.is_(None), Finding.status.in_(DRAFTABLE))
        .order_by(Draft.id)
    )
    if account is not None:
        q = q.where(Draft.account == account)
    with ledger._session() as s:
        return list(s.scalars(q))


def mark_sent(ledger: Ledger, draft_id: int, how: str, *, who: str = SYSTEM, why: str | None = None) -> bool:
    """Mark the draft sent and move its open findings to `sent`, in one transaction.
    False when it was marked sent before (nothing changes)."""
    with ledger._session(write=True) as s:
        row = s.get(Draft, draft_id)
        if row is None:
            raise NotFoundError(f"no draft {draft_id} in the ledger")
        if row.sent_at is not None:
            return False
        row.sent_at = utcnow()
        row.sent_how = how
        # What was sent is final: a replacement of its copy in Drafts still journalled is not wanted.
        s.execute(delete(MailboxSwap).where(MailboxSwap.owner == f"draft:{draft_id}"))
        ids = list(s.scalars(select(DraftFinding.finding_id).where(DraftFinding.draft_id == draft_id)))
        for f in s.scalars(select(Finding).where(Finding.id.in_(ids))):
            # An outcome the VA already recorded (accepted/declined, dismissed) stays.
            if f.status in ("new", "confirmed", "drafted"):
                s.add(Event(finding_id=f.id, from_status=f.status, to_status="sent", who=who, why=why))
                f.status = "sent"
        return True


def move_findings(ledger: Ledger, finding_ids: Iterable[int], status: str, *, who: str, why: str | None,
                  only_from: tuple[str, ...] | None = None) -> list[int]:
    """Move several findings to `status` (logged), skipping those not in `only_from`; returns the moved ids."""
    moved = []
    for fid in finding_ids:
        current = ledger.finding(fid).status
        if current == status or (only_from is not None and current not in only_from):
            continue
        ledger.set_status(fid, status, who=who, why=why)
        moved.append(fid)
    return moved


def note(ledger: Ledger, finding_id: int, why: str, *, who: str = SYSTEM) -> None:
    """An event that records a decision or a fact without changing the status ("draft edited",
    "acceptance offered: ..."); it shows in the finding's history as status -> same status."""
    with ledger._session(write=True) as s:
        f = s.get(Finding, finding_id)
        if f is None:
            raise NotFoundError(f"no finding {finding_id} in the ledger (list them with `scopewatch flags`)")
        s.add(Event(finding_id=finding_id, from_status=f.status, to_status=f.status, who=who, why=storable_text(why)))


# --- client replies ------------------------------------------------------------------------------


def record_reply(
    ledger: Ledger,
    finding_id: int,
    *,
    message_id: str,
    sender: str | None,
    date: datetime | None,
    excerpt: str | None,
    offer: str | None,
    phrase: str | None,
) -> bool:
    """Link a client's reply to a finding, with an event; False when it was linked before."""
    try:
        with ledger._session(write=True) as s:
            f = s.get(Finding, finding_id)
            if f is None:
                raise NotFoundError(f"no finding {finding_id} in the ledger")
            if s.scalar(select(Reply.id).where(Reply.finding_id == finding_id, Reply.message_id == message_id)):
                return False
            s.add(
                Reply(
                    finding_id=finding_id,
                    message_id=storable_text(message_id) or "",
                    sender=storable_text(sender),
                    date=storable_date(date),
                    excerpt=storable_text(excerpt),
                    offer=offer,
                    phrase=storable_text(phrase),
                )
            )
            who = f"client {sender}" if sender else "client"
            if offer == "accept":
                why = f'acceptance offered: the client replied "{phrase}"; confirm with `scopewatch accept {finding_id}`'
            elif offer == "decline":
                why = f'decline offered: the client replied "{phrase}"; confirm with `scopewatch decline {finding_id}`'
            else:
                why = f"client replied ({message_id})"
            s.add(Event(finding_id=finding_id, from_status=f.status, to_status=f.status, who=who[:200], why=storable_text(why)))
            return True
    except IntegrityError:
        return False  # linked by another process at the same moment


def replies(ledger: Ledger, finding_id: int) -> list[ReplyRecord]:
    with ledger._session() as s:
        rows = s.scalars(select(Reply).where(Reply.finding_id == finding_id).order_by(Reply.linked_at, Reply.id))
        return [
            ReplyRecord(r.id, r.finding_id, r.message_id, r.sender, r.date, r.excerpt, r.offer, r.phrase, r.linked_at)
            for r in rows
        ]


# --- digests -------------------------------------------------------------------------------------


def last_digest(ledger: Ledger) -> datetime | None:
    """When the last digest went out, or None."""
    with ledger._session() as s:
        return s.scalar(select(DigestLog.sent_at).order_by(DigestLog.sent_at.desc()).limit(1))


def digest_slot_taken(ledger: Ledger, slot: str) -> bool:
    with ledger._session() as s:
        return s.scalar(select(DigestLog.id).where(DigestLog.slot == slot)) is not None


def log_digest(ledger: Ledger, slot: str, *, recipient: str, flagged: int, checks: int,
               sent_at: datetime | None = None) -> bool:
    """Remember a digest sent for `slot`; False when that slot was logged already."""
    try:
        with ledger._session(write=True) as s:
            if s.scalar(select(DigestLog.id).where(DigestLog.slot == slot)) is not None:
                return False
            s.add(DigestLog(slot=slot, recipient=recipient, flagged=flagged, checks=checks,
                            sent_at=sent_at or datetime.now(timezone.utc)))
            return True
    except IntegrityError:
        return False


def drafted_in_mailbox(ledger: Ledger, finding_ids: Iterable[int]) -> set[int]:
    """Which of these findings have a draft waiting in (or sent from) the mailbox."""
    ids = list(dict.fromkeys(finding_ids))
    found: set[int] = set()
    with ledger._session() as s:
        for i in range(0, len(ids), 500):
            found.update(
                s.scalars(
                    select(DraftFinding.finding_id)
                    .join(Draft, Draft.id == DraftFinding.draft_id)
                    .where(DraftFinding.finding_id.in_(ids[i : i + 500]), Draft.folder.is_not(None))
                )
            )
    return found

"""The ledger side of agreements written on the page and of the client's copy: each saved agreement
is recorded as a version (the text it had), and each "What we agreed" letter once per version and
mailbox, so it lands in Drafts once and the next one knows what the client was last sent."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.exc import IntegrityError

from scopewatch.agreement.model import Agreement
from scopewatch.errors import StoreError
from scopewatch.store.convert import storable_text
from scopewatch.store.ledger import Ledger, _insert
from scopewatch.store.models import AgreementLetter, AgreementVersion, Client, Message, utcnow


@dataclass(frozen=True)
class VersionRecord:
    id: int
    client_id: str
    content_hash: str
    source_text: str
    first_seen: datetime


@dataclass(frozen=True)
class LetterRecord:
    id: int
    client_id: str
    version_id: int
    message_id: str
    account: str
    folder: str | None
    language: str
    to: str
    subject: str
    raw: bytes
    who: str
    created_at: datetime
    appended_at: datetime | None

    @property
    def in_mailbox(self) -> bool:
        return self.folder is not None


def record_version(ledger: Ledger, agreement: Agreement) -> VersionRecord:
    """The agreement's exact text as a version of its client's agreement (made once per text)."""
    chash = agreement.content_hash or hashlib.sha256(agreement.source_text.encode("utf-8")).hexdigest()
    with ledger._session(write=True) as s:
        conn = s.connection()
        dialect = conn.dialect.name
        conn.execute(_insert(dialect)(Client).values(id=agreement.client_id, name=agreement.client)
                     .on_conflict_do_nothing())
        conn.execute(_insert(dialect)(AgreementVersion).values(
            client_id=agreement.client_id, content_hash=chash, source_text=storable_text(agreement.source_text) or "",
            source_path=agreement.source_path, first_seen=utcnow()).on_conflict_do_nothing())
        row = s.scalar(select(AgreementVersion).where(AgreementVersion.client_id == agreement.client_id,
                                                      AgreementVersion.content_hash == chash))
        return _version(row)


def _version(row: AgreementVersion) -> VersionRecord:
    return VersionRecord(row.id, row.client_id, row.content_hash, row.source_text, row.first_seen)


def version(ledger: Ledger, version_id: int) -> VersionRecord | None:
    with ledger._session() as s:
        row = s.get(AgreementVersion, version_id)
        return _version(row) if row is not None else None


def versions(ledger: Ledger, client_id: str) -> list[VersionRecord]:
    """Every recorded text of a client's agreement, oldest first."""
    with ledger._session() as s:
        rows = s.scalars(select(AgreementVersion).where(AgreementVersion.client_id == client_id)
                         .order_by(AgreementVersion.first_seen, AgreementVersion.id))
        return [_version(r) for r in rows]


def _letter(row: AgreementLetter) -> LetterRecord:
    return LetterRecord(row.id, row.client_id, row.agreement_version_id, row.message_id, row.account, row.folder,
                        row.language, row.to_addr, row.subject, row.raw.encode("utf-8"), row.who, row.created_at,
                        row.appended_at)


def previous_letter(ledger: Ledger, client_id: str, content_hash: str) -> tuple[LetterRecord, VersionRecord] | None:
    """The client's latest letter of another agreement text than `content_hash`, with that text:
    what the client was last sent, to say what changed since."""
    with ledger._session() as s:
        row = s.execute(
            select(AgreementLetter, AgreementVersion)
            .join(AgreementVersion, AgreementLetter.agreement_version_id == AgreementVersion.id)
            .where(AgreementLetter.client_id == client_id, AgreementVersion.content_hash != content_hash)
            .order_by(AgreementLetter.created_at.desc(), AgreementLetter.id.desc())
        ).first()
        return (_letter(row[0]), _version(row[1])) if row is not None else None


def client_mail(ledger: Ledger, client_id: str) -> tuple[str, str | None] | None:
    """(mailbox account, new text) of the client's latest mail in the ledger: where a letter to this
    client belongs, and how formally the client writes."""
    with ledger._session() as s:
        row = s.execute(
            select(Message.account, Message.new_text).where(Message.client_id == client_id)
            .order_by(Message.date.desc().nulls_last(), Message.id.desc())
        ).first()
        return (row[0], row[1]) if row is not None else None


def letter_for(ledger: Ledger, version_id: int, account: str) -> LetterRecord | None:
    with ledger._session() as s:
        row = s.scalar(select(AgreementLetter).where(AgreementLetter.agreement_version_id == version_id,
                                                     AgreementLetter.account == account))
        return _letter(row) if row is not None else None


def letters(ledger: Ledger, client_id: str) -> list[LetterRecord]:
    """The client's letters, oldest first."""
    with ledger._session() as s:
        rows = s.scalars(select(AgreementLetter).where(AgreementLetter.client_id == client_id)
                         .order_by(AgreementLetter.created_at, AgreementLetter.id))
        return [_letter(r) for r in rows]


def claim_letter(ledger: Ledger, *, client_id: str, version_id: int, message_id: str, account: str, language: str,
                 to: str, subject: str, raw: bytes, who: str) -> tuple[LetterRecord, bool]:
    """Store the letter of this version for this mailbox, unless it has one: then that one comes
    back and nothing is stored. Returns (letter, created)."""
    for _attempt in range(5):
        existing = letter_for(ledger, version_id, account)
        if existing is not None:
            return existing, False
        try:
            with ledger._session(write=True) as s:
                row = AgreementLetter(client_id=client_id, agreement_version_id=version_id, message_id=message_id,
                                      account=account, folder=None, language=language, to_addr=storable_text(to) or "",
                                      subject=storable_text(subject) or "", raw=raw.decode("utf-8", "replace"), who=who)
                s.add(row)
                s.flush()
                return _letter(row), True
        except IntegrityError:
            continue  # another process made it at the same moment: take that one
    raise StoreError(f"could not store the letter for client {client_id}: keeps conflicting")


def mark_letter_appended(ledger: Ledger, letter_id: int, folder: str) -> LetterRecord:
    with ledger._session(write=True) as s:
        s.execute(update(AgreementLetter).where(AgreementLetter.id == letter_id)
                  .values(folder=folder, appended_at=utcnow()))
        return _letter(s.get(AgreementLetter, letter_id))


def forget_letter(ledger: Ledger, letter_id: int) -> None:
    """A letter that never reached the mailbox (the append failed): made anew next time."""
    with ledger._session(write=True) as s:
        row = s.get(AgreementLetter, letter_id)
        if row is not None and row.folder is None:
            s.delete(row)

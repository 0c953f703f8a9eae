"""The ledger's tables as SQLAlchemy models; the Alembic migrations in `migrations/` create exactly
these. Only `store/` imports this module."""

from __future__ import annotations

from datetime import datetime, timezone
from typing import Any

from sqlalchemy import (
    JSON,
    BigInteger,
    Boolean,
    DateTime,
    Float,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column

# Fixed constraint names, so migrations can refer to them and both databases agree.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}



def utcnow() -> datetime:
    return datetime.now(timezone.utc)


class UTCDateTime(TypeDecorator):
    """A timestamp that always comes back timezone-aware in UTC (SQLite stores no zone at all)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            value = value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)

    def process_result_value(self, value: datetime | None, dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=timezone.utc)
        return value.astimezone(timezone.utc)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON, list[str]: JSON}


class Client(Base):
    """A client as named by its agreement file (`scopes/<id>.yaml`)."""

    __tablename__ = "client"

    id: Mapped[str] = mapped_column(String(200), primary_key=True)
    name: Mapped[str] = mapped_column(String(500))


class AgreementVersion(Base):
    """One exact text of a client's agreement; a changed file is a new version."""

    __tablename__ = "agreement_version"
    __table_args__ = (UniqueConstraint("client_id", "content_hash"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("client.id"))
    content_hash: Mapped[str] = mapped_column(String(64))
    source_text: Mapped[str] = mapped_column(Text)
    source_path: Mapped[str | None] = mapped_column(String(1000))
    first_seen: Mapped[datetime] = mapped_column(default=utcnow)


class MailboxCursor(Base):
    """How far one mailbox folder has been read, and how the last fetch went."""

    __tablename__ = "mailbox_cursor"

    account: Mapped[str] = mapped_column(String(200), primary_key=True)
    folder: Mapped[str] = mapped_column(String(500), primary_key=True)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    last_uid: Mapped[int | None] = mapped_column(BigInteger)
    last_fetch_at: Mapped[datetime | None]
    last_error: Mapped[str | None] = mapped_column(Text)
    last_error_at: Mapped[datetime | None]
    backlog: Mapped[int | None] = mapped_column(Integer)


class Message(Base):
    """A processed client message. `identity` is the Message-ID when there is one, else
    `sha256:<content hash>`: unique per account, so a message is stored once however often seen."""

    __tablename__ = "message"
    __table_args__ = (
        UniqueConstraint("account", "identity"),
        Index("ix_message_client_date", "client_id", "date"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(String(200))
    identity: Mapped[str] = mapped_column(String(1000))
    message_id: Mapped[str | None] = mapped_column(Text)
    folder: Mapped[str] = mapped_column(String(500))
    uid: Mapped[int | None] = mapped_column(BigInteger)
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    key: Mapped[str] = mapped_column(String(500))
    content_hash: Mapped[str | None] = mapped_column(String(64))
    sender: Mapped[str | None] = mapped_column(Text)
    subject: Mapped[str | None] = mapped_column(Text)
    date: Mapped[datetime | None]
    client_id: Mapped[str | None] = mapped_column(ForeignKey("client.id"))
    language: Mapped[str | None] = mapped_column(String(10))
    verdict: Mapped[str] = mapped_column(String(20))
    error: Mapped[str | None] = mapped_column(Text)
    new_text: Mapped[str | None] = mapped_column(Text)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow)
    # Threading, so a change-request reply drafted later lands in the client's thread.
    sender_name: Mapped[str | None] = mapped_column(Text)
    in_reply_to: Mapped[str | None] = mapped_column(Text)
    thread_references: Mapped[list[str] | None] = mapped_column(JSON)
    truncated: Mapped[list[str] | None] = mapped_column(JSON(none_as_null=True))  # limits reached while reading it


class ProcessedKey(Base):
    """A mailbox key (IMAP `<uidvalidity>:<uid>`, Maildir file name) that has been handled. The key
    embeds the UIDVALIDITY already, so uniqueness is on (account, folder, key): a NULL uidvalidity
    (Maildir) would otherwise make every row distinct."""

    __tablename__ = "processed_key"
    __table_args__ = (UniqueConstraint("account", "folder", "key"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(String(200))
    folder: Mapped[str] = mapped_column(String(500))
    uidvalidity: Mapped[int | None] = mapped_column(BigInteger)
    key: Mapped[str] = mapped_column(String(500))
    message_pk: Mapped[int | None] = mapped_column(ForeignKey("message.id"), index=True)
    processed_at: Mapped[datetime] = mapped_column(default=utcnow)


class Finding(Base):
    """One request found in a message, with the verdict and the review status."""

    __tablename__ = "finding"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    agreement_version_id: Mapped[int | None] = mapped_column(ForeignKey("agreement_version.id"))
    verdict: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(30))
    evidence: Mapped[str] = mapped_column(Text)
    start: Mapped[int] = mapped_column(Integer)
    end: Mapped[int] = mapped_column(Integer)
    part: Mapped[str] = mapped_column(String(10))
    rules: Mapped[list[str]]
    scope_item: Mapped[str | None] = mapped_column(Text)
    scope_item_description: Mapped[str | None] = mapped_column(Text)
    scope_item_kind: Mapped[str | None] = mapped_column(String(30))
    confidence: Mapped[float] = mapped_column(Float)
    review: Mapped[bool] = mapped_column(Boolean)
    explanation: Mapped[str] = mapped_column(Text)
    matched_terms: Mapped[list[str]]
    status: Mapped[str] = mapped_column(String(20), index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    # What learning needs of the request: its work words (no names, dates, amounts) and the kinds
    # of work it names; NULL for findings stored before the ledger learned (schema 0004).
    work_words: Mapped[list[str] | None] = mapped_column(JSON)
    work_kinds: Mapped[list[str] | None] = mapped_column(JSON)
    learned_id: Mapped[int | None] = mapped_column(Integer)  # the learned entry that decided it


class Event(Base):
    """Append-only history of a finding's status: who moved it, when and why."""

    __tablename__ = "event"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("finding.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(20))
    to_status: Mapped[str] = mapped_column(String(20))
    who: Mapped[str] = mapped_column(String(200))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    why: Mapped[str | None] = mapped_column(Text)
    # The reason in a form detection can learn from ({"reason": "in_scope", "item": "calendar"});
    # NULL for free-text decisions and for every event written before schema 0004.
    decision: Mapped[dict[str, Any] | None] = mapped_column(JSON)


class Lease(Base):
    """Which process works a mailbox folder, until when."""

    __tablename__ = "lease"

    account: Mapped[str] = mapped_column(String(200), primary_key=True)
    folder: Mapped[str] = mapped_column(String(500), primary_key=True)
    holder: Mapped[str] = mapped_column(String(200))
    expires_at: Mapped[datetime]


class Draft(Base):
    """A change-request reply scopewatch wrote for one client mail. `raw` is the exact message (the
    VA's edits included); `folder` is set once it is in the mailbox's Drafts folder."""

    __tablename__ = "draft"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    message_pk: Mapped[int] = mapped_column(ForeignKey("message.id"), index=True)
    message_id: Mapped[str] = mapped_column(String(1000), unique=True)
    account: Mapped[str] = mapped_column(String(200))
    folder: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(10))
    to_addr: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    appended_at: Mapped[datetime | None]
    edited_at: Mapped[datetime | None]
    sent_at: Mapped[datetime | None]
    sent_how: Mapped[str | None] = mapped_column(String(20))  # smtp, seen-in-sent, reply-in-sent


class MailboxSwap(Base):
    """A copy in the mailbox's Drafts being replaced by a newer version (the VA's edit, a reply that
    now answers another request, a letter written anew): append `new_raw`, remove the copies with
    `old_message_ids` (only when their text is one of `remove_digests`, or any text with
    `remove_any`), then apply it to its `owner` ("draft:12") and delete this row. Kept until done,
    so a crash at any step is resumed."""

    __tablename__ = "mailbox_swap"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    account: Mapped[str] = mapped_column(String(200), index=True)
    owner: Mapped[str] = mapped_column(String(200), unique=True)  # one replacement per copy at a time
    old_message_ids: Mapped[list[str]] = mapped_column(JSON)
    remove_digests: Mapped[list[str]] = mapped_column(JSON)  # [] with remove_any: whatever is there
    remove_any: Mapped[bool] = mapped_column(Boolean, default=False)
    new_message_id: Mapped[str] = mapped_column(String(1000))
    new_raw: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    claimed_by: Mapped[str | None] = mapped_column(String(200))  # the process carrying it out now
    claimed_at: Mapped[datetime | None]


class DraftFinding(Base):
    """Which draft answers a finding: at most one per finding, so re-running never drafts twice."""

    __tablename__ = "draft_finding"

    finding_id: Mapped[int] = mapped_column(ForeignKey("finding.id"), primary_key=True)
    draft_id: Mapped[int] = mapped_column(ForeignKey("draft.id"), index=True)


class Reply(Base):
    """A client's answer to a change request, linked to the finding through In-Reply-To/References.
    `offer` is what its words clearly say ("accept", "decline") or None; the VA decides."""

    __tablename__ = "reply"
    __table_args__ = (UniqueConstraint("finding_id", "message_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    finding_id: Mapped[int] = mapped_column(ForeignKey("finding.id"), index=True)
    message_id: Mapped[str] = mapped_column(String(1000))
    sender: Mapped[str | None] = mapped_column(Text)
    date: Mapped[datetime | None]
    excerpt: Mapped[str | None] = mapped_column(Text)
    offer: Mapped[str | None] = mapped_column(String(20))
    phrase: Mapped[str | None] = mapped_column(Text)  # the words that made the offer
    linked_at: Mapped[datetime] = mapped_column(default=utcnow)


class DigestLog(Base):
    """One digest sent to the VA; `slot` (the scheduled day or ISO week) keeps a restart from
    sending it twice."""

    __tablename__ = "digest_log"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    slot: Mapped[str] = mapped_column(String(40), unique=True)
    sent_at: Mapped[datetime] = mapped_column(default=utcnow)
    recipient: Mapped[str] = mapped_column(Text)
    flagged: Mapped[int] = mapped_column(Integer)
    checks: Mapped[int] = mapped_column(Integer)


class Learned(Base):
    """One thing learned about a client from the VA's decisions: the work words of a request (or a
    kind of work) and what they mean for this agreement, or a cue that was not a request.

    `outcome` is in_scope, out_of_scope, not_a_request or already_agreed; `source_verdict` and
    `source_category` are what detection said before the VA corrected it, so the entry only
    corrects that same mistake; `source_items` are the agreement clauses the request named."""

    __tablename__ = "learned"
    __table_args__ = (Index("ix_learned_client_id", "client_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("client.id"))
    kind: Mapped[str] = mapped_column(String(20))  # phrase, work_kind, cue
    outcome: Mapped[str] = mapped_column(String(20))
    category: Mapped[str | None] = mapped_column(String(30))
    scope_item: Mapped[str | None] = mapped_column(Text)
    words: Mapped[list[str]]
    source_verdict: Mapped[str] = mapped_column(String(20))
    source_category: Mapped[str | None] = mapped_column(String(30))
    source_items: Mapped[list[str]]
    language: Mapped[str | None] = mapped_column(String(10))
    decision: Mapped[str] = mapped_column(String(30))  # dismiss_in_scope, confirm, accepted, ...
    finding_id: Mapped[int | None] = mapped_column(Integer)  # the decision's finding (kept when it goes)
    decided_on: Mapped[datetime | None]  # the mail's date, as the VA knows the request
    evidence: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    uses: Mapped[int] = mapped_column(Integer, default=0)  # how often it has decided a verdict since


class LearnedState(Base):
    """A counter per client, raised by every decision and every forget: a worker compares it once
    per batch and reloads only the clients whose knowledge changed."""

    __tablename__ = "learned_state"

    client_id: Mapped[str] = mapped_column(String(200), primary_key=True)
    version: Mapped[int] = mapped_column(Integer, default=0)


class AgreementLetter(Base):
    """The client's copy of one agreement version ("What we agreed"), made once per version and
    mailbox: `raw` is the exact message; `folder` is set once it is in the mailbox's Drafts. The
    next letter compares its version with the latest earlier one to say what changed."""

    __tablename__ = "agreement_letter"
    __table_args__ = (UniqueConstraint("agreement_version_id", "account"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[str] = mapped_column(ForeignKey("client.id"), index=True)
    agreement_version_id: Mapped[int] = mapped_column(ForeignKey("agreement_version.id"))
    message_id: Mapped[str] = mapped_column(String(1000), unique=True)
    account: Mapped[str] = mapped_column(String(200))
    folder: Mapped[str | None] = mapped_column(String(500))
    language: Mapped[str] = mapped_column(String(10))
    to_addr: Mapped[str] = mapped_column(Text)
    subject: Mapped[str] = mapped_column(Text)
    raw: Mapped[str] = mapped_column(Text)
    who: Mapped[str] = mapped_column(String(200))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    appended_at: Mapped[datetime | None]

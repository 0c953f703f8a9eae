"""Plain dataclasses going into and coming out of the ledger, so no other stage sees SQLAlchemy."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any

from scopewatch.agreement.model import Agreement
from scopewatch.detect.findings import CheckResult, Finding
from scopewatch.parse.message import ParsedMessage

# A finding's review status; the draft/digest stages move it past "confirmed".
FINDING_STATUSES = ("new", "confirmed", "dismissed", "drafted", "sent", "accepted", "declined")


@dataclass
class IncomingMessage:
    """What the daemon hands over for one processed message."""

    account: str
    folder: str
    key: str
    uid: int | None
    uidvalidity: int | None
    parsed: ParsedMessage | None  # None when unreadable
    result: CheckResult
    agreement: Agreement | None
    content_hash: str | None = None  # sha256 of the raw bytes, when `parsed` is None


@dataclass
class RecordOutcome:
    message_pk: int | None
    finding_ids: list[int]
    duplicate: bool  # already in the ledger: nothing new stored


@dataclass
class Cursor:
    """How far a mailbox folder has been read, and how the last fetch went."""

    account: str
    folder: str
    uidvalidity: int | None
    last_uid: int | None
    last_fetch_at: datetime | None = None
    last_error: str | None = None
    last_error_at: datetime | None = None
    backlog: int | None = None


@dataclass
class MessageInfo:
    """The message a finding came from, as the VA sees it."""

    message_id: str | None
    sender: str | None
    subject: str | None
    date: datetime | None
    new_text: str | None
    language: str | None
    account: str
    folder: str
    verdict: str = ""
    key: str = ""
    truncated: tuple[str, ...] = ()  # what of the mail was not read (limits reached)


@dataclass
class FindingRecord:
    """A stored finding: its review status, the message, and every field of detect's Finding."""

    id: int
    status: str
    created_at: datetime
    client: str | None
    message: MessageInfo
    verdict: str
    category: str | None
    evidence: str
    start: int
    end: int
    rules: list[str]
    scope_item: str | None
    scope_item_description: str | None
    confidence: float
    review: bool
    part: str
    scope_item_kind: str | None
    matched_terms: list[str] = field(default_factory=list)
    explanation: str = ""
    message_pk: int | None = None
    agreement_hash: str | None = None  # content hash of the agreement version judged against
    agreement_path: str | None = None
    work_words: list[str] | None = None  # None: stored before the ledger learned (schema 0004)
    work_kinds: list[str] = field(default_factory=list)
    learned_id: int | None = None  # the learned entry that decided it

    def to_finding(self) -> Finding:
        return Finding(
            verdict=self.verdict,  # type: ignore[arg-type]
            category=self.category,
            evidence=self.evidence,
            start=self.start,
            end=self.end,
            rules=list(self.rules),
            scope_item=self.scope_item,
            scope_item_description=self.scope_item_description,
            confidence=self.confidence,
            review=self.review,
            part=self.part,  # type: ignore[arg-type]
            scope_item_kind=self.scope_item_kind,
            matched_terms=list(self.matched_terms),
            explanation=self.explanation,
            learned=self.learned_id,
            work_words=list(self.work_words or []),
            work_kinds=list(self.work_kinds),
        )

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["confidence"] = round(self.confidence, 2)
        d["created_at"] = self.created_at.isoformat()
        if self.message.date is not None:
            d["message"]["date"] = self.message.date.isoformat()
        return d


@dataclass
class EventRecord:
    """One entry of a finding's append-only status history."""

    id: int
    finding_id: int
    from_status: str | None
    to_status: str
    who: str
    at: datetime
    why: str | None

    def to_json(self) -> dict[str, Any]:
        d = asdict(self)
        d["at"] = self.at.isoformat()
        return d

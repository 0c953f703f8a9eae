"""What the VA's digest holds: per client, the new out-of-scope requests, the low-confidence
ones to check, and running totals. The ledger fills these; `digest.render` renders them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal

from scopewatch.agreement.model import BrokenAgreement

# Statuses where the VA still has something to do; a `sent` request waits for the client.
ACTIONABLE = ("new", "confirmed", "drafted")


@dataclass
class DigestItem:
    """One request in the digest, with what the VA needs to decide on it."""

    finding_id: int
    evidence: str  # the client's sentence
    category: str | None  # new_work, excluded, quantity, deadline, client_duty
    scope_item: str | None  # the agreement clause's id
    scope_item_description: str | None
    confidence: float
    subject: str
    sender: str
    date: datetime | None
    draft_ready: bool  # a change-request reply waits in Drafts
    rules: list[str] = field(default_factory=list)
    status: str = "new"  # the finding's status in the ledger: what the VA can do next depends on it
    offer: str | None = None  # "accept" / "decline": the client's reply clearly said yes / no
    offer_phrase: str | None = None  # the client's words that said so

    @property
    def needs_action(self) -> bool:
        return self.offer is not None or self.status in ACTIONABLE


@dataclass
class LimitUse:
    """How much of a limited deliverable is used in the current period: "posts this week: 5 of 3"."""

    item_id: str
    description: str
    used: int
    limit: int
    per: str  # week, month, quarter, year, project

    @property
    def over(self) -> bool:
        return self.used > self.limit


@dataclass
class ClientDigest:
    client_id: str
    client_name: str
    flagged: list[DigestItem] = field(default_factory=list)
    checks: list[DigestItem] = field(default_factory=list)  # low confidence: the VA decides
    answers: list[DigestItem] = field(default_factory=list)  # the client answered a change request yes / no
    in_scope_count: int = 0
    totals: dict[str, int] = field(default_factory=dict)  # out-of-scope requests by category, running
    limits: list[LimitUse] = field(default_factory=list)
    extra_value: Decimal | None = None  # value of confirmed extra work at the agreed rate
    unconfirmed_value: Decimal | None = None  # of requests nobody confirmed yet: shown apart
    currency: str = "EUR"

    @property
    def has_news(self) -> bool:
        """Something for the VA to act on (a request only waiting for the client's answer is not)."""
        return bool(self.answers) or any(i.needs_action for i in (*self.flagged, *self.checks))


@dataclass
class Silence:
    """A mailbox folder scopewatch did not read for longer than `stale_after`: still silent now
    (`until` None), or a gap the service found when it started again."""

    account: str
    folder: str
    since: datetime | None  # the last successful read before the silence; None: never read
    until: datetime | None = None


@dataclass
class Watching:
    """What the digest needs to tell the VA that the service has been silent."""

    stale_after: float
    folders: list[tuple[str, str]] = field(default_factory=list)  # the configured (mailbox, folder)s
    gaps: list[Silence] = field(default_factory=list)  # found by the service at start-up


@dataclass
class IncompleteMail:
    """A client mail scopewatch could not read in full (a limit was reached): a request in the part
    not read would be missed, so the VA is told to look at it herself."""

    subject: str
    sender: str
    date: datetime | None
    truncated: list[str]


@dataclass
class Digest:
    generated_at: datetime
    since: datetime | None
    va_name: str
    clients: list[ClientDigest] = field(default_factory=list)
    silent: list[Silence] = field(default_factory=list)
    timezone: str = "UTC"  # the VA's [digest] timezone: every time shown is local to it
    incomplete: list[IncompleteMail] = field(default_factory=list)
    base_url: str | None = None  # the review page ([web] base_url): each item links to its finding there
    broken: list[BrokenAgreement] = field(default_factory=list)  # agreement files that cannot be used


def is_empty(digest: Digest) -> bool:
    """True when no client has a request to decide on or an answer to record, the service was never
    silent and every agreement can be used: such a digest is not sent."""
    return (not digest.silent and not digest.incomplete and not digest.broken
            and not any(c.has_news for c in digest.clients))

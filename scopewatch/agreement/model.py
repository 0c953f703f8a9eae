"""Plain dataclasses for a scope agreement, shared by every pipeline stage."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Iterator, Literal

from scopewatch.errors import Problem

# "ask": a kind of work the VA marked "ask me first" in the agreement's checklist (see Checklist).
ItemKind = Literal["deliverable", "exclusion", "client_provides", "ask"]
LIMIT_PERIODS = ("week", "month", "quarter", "year", "project")
LANGUAGES = ("en", "nl")
_UP_TO = re.compile(r"^\s*(?:up\s+to|at\s+most|max(?:imum)?\.?|tot|hooguit|maximaal)\s+", re.IGNORECASE)


@dataclass(frozen=True)
class Limit:
    """How much of a deliverable is agreed: `count` per `per` (week, month, quarter, year, project)."""

    count: int
    per: str
    unit: str | None = None  # what is counted, e.g. "revision round"; default: the deliverable


@dataclass(frozen=True)
class Measure:
    """How big each one may be: measured ("60 minutes of raw audio", "1500 words", "8 pages") or
    counted ("6 profiles", "max. 30 portretfoto's": `counted`, and `unit` is the thing counted)."""

    amount: float
    unit: str  # minute, hour, word, page or post (scopewatch.words.MEASURES); counted: the noun, lower case
    text: str  # as the VA wrote it
    counted: bool = False

    @property
    def size(self) -> str:
        """The text without a leading "max." or "up to": what "up to ... each" wraps."""
        return _UP_TO.sub("", self.text, count=1) or self.text

    def as_unit(self, unit: str) -> float | None:
        """The amount in another unit: hours and minutes convert, other units only to themselves."""
        if self.counted:
            return None  # "6 profiles" is no size in minutes or words
        if unit == self.unit:
            return self.amount
        minutes = {"minute": 1, "hour": 60}
        if unit in minutes and self.unit in minutes:
            return self.amount * minutes[self.unit] / minutes[unit]
        return None


@dataclass(frozen=True)
class ScopeItem:
    """One clause of the agreement: a deliverable, an exclusion or something the client provides."""

    id: str
    kind: ItemKind
    description: str
    terms: tuple[str, ...]
    limit: Limit | None = None
    due: str | None = None  # free text or ISO date: when it is due ("every Thursday", "2026-03-01")
    each: Measure | None = None  # how big each one may be (limit.each: "60 minutes")
    estimate_hours: float | None = None
    line: int | None = None  # line in the YAML file, for explanations that point at the clause
    # Kinds of work of the catalogue this clause is about, as the VA wrote them (`kinds: [...]`);
    # when empty they are inferred from the description and terms (detect/work.py).
    kinds: tuple[str, ...] = ()
    client_text: str | None = None  # how a draft names it to the client (default: description)
    estimate_days: float | None = None
    price: Decimal | None = None  # a fixed price for doing it, in the rate's currency

    @property
    def wording(self) -> str:
        """What the client reads in a draft: client_text, else the description."""
        return self.client_text or self.description


@dataclass(frozen=True)
class Estimate:
    """An estimate for extra work of one category (agreement `estimates:`), e.g. a rush surcharge."""

    hours: float | None = None
    days: float | None = None
    price: Decimal | None = None


@dataclass(frozen=True)
class Period:
    start: date | None = None
    end: date | None = None


@dataclass(frozen=True)
class Rate:
    amount: Decimal
    currency: str = "EUR"
    per: str = "hour"


@dataclass(frozen=True)
class Amendment:
    """An accepted change request, written into the agreement by scopewatch."""

    id: str
    date: date
    description: str
    terms: tuple[str, ...]
    finding: int | None = None
    estimate_hours: float | None = None
    line: int | None = None  # line in the YAML file, like ScopeItem.line


# The scope checklist's answers (`checklist: {seo: excluded}`) and the clause each one makes.
CHECKLIST_ANSWERS = ("included", "excluded", "client", "ask")
ANSWER_KIND: dict[str, ItemKind] = {"included": "deliverable", "excluded": "exclusion", "client": "client_provides",
                                    "ask": "ask"}
CHECKLIST_PREFIX = "checklist:"


@dataclass(frozen=True)
class ChecklistLine:
    """One kind of work of the catalogue the VA answered once in the agreement's `checklist:`:
    included, excluded (not included), client (the client's part) or ask (ask me first).

    Each line is a clause of its own (`as_item`): the judge compares a request for that kind of
    work with it like with any item, and a finding names it as `checklist:<kind>`."""

    kind: str  # a catalogue kind id: "seo", "travel.personal"
    answer: str  # one of CHECKLIST_ANSWERS
    label: str  # how the VA and the client read the kind of work ("SEO", "agendabeheer")
    line: int | None = None

    @property
    def item_id(self) -> str:
        return CHECKLIST_PREFIX + self.kind

    def as_item(self) -> ScopeItem:
        return ScopeItem(id=self.item_id, kind=ANSWER_KIND[self.answer], description=self.label, terms=(),
                         line=self.line, kinds=(self.kind,))


@dataclass(frozen=True)
class Agreement:
    """A client's scope agreement, validated. `client_id` is the YAML file's name without `.yaml`."""

    client_id: str
    client: str
    contacts: tuple[str, ...]
    deliverables: tuple[ScopeItem, ...]
    language: str = "en"
    project: str | None = None
    goal: str | None = None
    period: Period = field(default_factory=Period)
    rate: Rate | None = None
    exclusions: tuple[ScopeItem, ...] = ()
    client_provides: tuple[ScopeItem, ...] = ()
    amendments: tuple[Amendment, ...] = ()
    acceptance: str | None = None
    change_policy: str | None = None
    estimate_hours: float | None = None  # default estimate for extra work in this agreement
    estimates: dict[str, Estimate] = field(default_factory=dict)  # per category, e.g. "deadline"
    trade: str | None = None  # the trade's starter it was made from ("house-painter"): which checklist to show
    checklist: tuple[ChecklistLine, ...] = ()  # kinds of work answered once (see ChecklistLine)
    source_path: str | None = None
    source_text: str = ""
    content_hash: str = ""  # sha256 hex of the file bytes: identifies the agreement version

    def items(self) -> Iterator[ScopeItem]:
        """Every clause, deliverables first (accepted amendments count as deliverables), the
        checklist's lines last: an item the VA wrote out says more than a ticked kind of work."""
        yield from self.deliverables
        for a in self.amendments:
            yield ScopeItem(
                id=a.id,
                kind="deliverable",
                description=a.description,
                terms=a.terms,
                estimate_hours=a.estimate_hours,
                line=a.line,
            )
        yield from self.exclusions
        yield from self.client_provides
        for line in self.checklist:
            yield line.as_item()

    def checklist_answer(self, kind_id: str) -> str | None:
        """What the checklist says about this kind of work, or None when it is not on it."""
        return next((line.answer for line in self.checklist if line.kind == kind_id), None)

    def item(self, item_id: str) -> ScopeItem | None:
        for it in self.items():
            if it.id == item_id:
                return it
        return None

    def claims_sender(self, address: str) -> bool:
        """True when `address` is one of the contacts or falls under one of its @domains."""
        return claims(self.contacts, address)


def claims(contacts: tuple[str, ...], address: str) -> bool:
    """True when `address` is one of `contacts` or falls under one of their @domains."""
    addr = address.strip().lower()
    domain = addr.rpartition("@")[2]
    for c in contacts:
        c = c.lower()
        if c.startswith("@"):
            if domain == c[1:]:
                return True
        elif addr == c:
            return True
    return False


@dataclass(frozen=True)
class BrokenAgreement:
    """An agreement file that cannot be used (invalid, refused by a limit, unreadable, or no regular
    file at all): that client's mail gets an error verdict naming it, every other client is served.
    `contacts` are those that could still be read, to tell which mail is that client's."""

    client_id: str
    path: str
    problems: tuple[Problem, ...]
    contacts: tuple[str, ...] = ()

    @property
    def reason(self) -> str:
        """The first problem, and how many more, in one line."""
        first = str(self.problems[0]) if self.problems else "cannot be read"
        more = len(self.problems) - 1
        return first + (f" (and {more} more problem{'s' if more != 1 else ''})" if more > 0 else "")

    def claims_sender(self, address: str) -> bool:
        return claims(self.contacts, address)

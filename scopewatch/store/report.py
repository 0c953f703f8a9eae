"""The per-client ledger report: what the client asked for over the agreement period, how much of
each limited deliverable is used in its current window, and what the extra work is worth."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from scopewatch.agreement.model import Agreement

# A day rate is turned into hours at this many hours a day.
HOURS_PER_DAY = Decimal(8)


@dataclass
class LimitUsage:
    """How much of one limited deliverable the client asked for in the current window."""

    item: str
    description: str
    limit: int
    per: str
    unit: str | None
    window_start: date | None
    window_end: date | None
    asked: int

    @property
    def over(self) -> bool:
        return self.asked > self.limit

    def label(self) -> str:
        window = {"week": "this week", "month": "this month", "quarter": "this quarter"}.get(
            self.per, "this project"
        )
        return f"{self.item}: {self.asked} of {self.limit} {window}"


@dataclass
class LedgerReport:
    client_id: str
    client: str
    period_start: date | None
    period_end: date | None
    today: date
    messages: int = 0
    by_verdict: dict[str, int] = field(default_factory=dict)  # message verdicts
    by_category: dict[str, int] = field(default_factory=dict)  # out-of-scope finding categories
    findings: int = 0
    in_scope: int = 0
    out_of_scope: int = 0
    dismissed: int = 0  # not counted anywhere else: the VA said they are no request
    usage: list[LimitUsage] = field(default_factory=list)
    # Extra work counts only what is sure: requests the VA confirmed (and those she took further:
    # drafted after her confirmation, sent, accepted, declined). The rest is shown apart.
    extra_hours: float | None = None
    extra_value: Decimal | None = None
    currency: str | None = None
    unestimated: int = 0  # confirmed out-of-scope findings without any hour estimate
    unconfirmed: int = 0  # out-of-scope findings nobody confirmed yet (new, checks, drafted by the service alone)
    unconfirmed_hours: float | None = None
    unconfirmed_value: Decimal | None = None
    accepted: int = 0  # change requests the client accepted (now amendments of the agreement)
    accepted_hours: float | None = None
    accepted_value: Decimal | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "client_id": self.client_id,
            "client": self.client,
            "period": {
                "start": self.period_start.isoformat() if self.period_start else None,
                "end": self.period_end.isoformat() if self.period_end else None,
            },
            "today": self.today.isoformat(),
            "messages": self.messages,
            "by_verdict": self.by_verdict,
            "by_category": self.by_category,
            "findings": self.findings,
            "in_scope": self.in_scope,
            "out_of_scope": self.out_of_scope,
            "dismissed": self.dismissed,
            "usage": [
                {
                    "item": u.item,
                    "description": u.description,
                    "limit": u.limit,
                    "per": u.per,
                    "unit": u.unit,
                    "window_start": u.window_start.isoformat() if u.window_start else None,
                    "window_end": u.window_end.isoformat() if u.window_end else None,
                    "asked": u.asked,
                    "over": u.over,
                }
                for u in self.usage
            ],
            "extra_hours": self.extra_hours,
            "extra_value": str(self.extra_value) if self.extra_value is not None else None,
            "currency": self.currency,
            "unestimated": self.unestimated,
            "unconfirmed": self.unconfirmed,
            "unconfirmed_hours": self.unconfirmed_hours,
            "unconfirmed_value": str(self.unconfirmed_value) if self.unconfirmed_value is not None else None,
            "accepted": self.accepted,
            "accepted_hours": self.accepted_hours,
            "accepted_value": str(self.accepted_value) if self.accepted_value is not None else None,
        }


@dataclass
class ReportRow:
    """One finding as the report needs it (dates are the day the client asked)."""

    day: date
    status: str
    verdict: str
    category: str | None
    scope_item: str | None
    confirmed: bool = True  # a person confirmed it (see LedgerReport.extra_hours)


def limit_window(per: str, today: date, period_start: date | None, period_end: date | None):
    """(start, end) of the current window, both inclusive; None means open."""
    if per == "week":
        start = today - timedelta(days=today.isoweekday() - 1)
        return start, start + timedelta(days=6)
    if per == "month":
        start = today.replace(day=1)
        nxt = (start + timedelta(days=32)).replace(day=1)
        return start, nxt - timedelta(days=1)
    if per == "quarter":
        first_month = 3 * ((today.month - 1) // 3) + 1
        start = today.replace(month=first_month, day=1)
        nxt = (start + timedelta(days=95)).replace(day=1)
        return start, nxt - timedelta(days=1)
    if per == "year":
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    return period_start, period_end


def _within(day: date, start: date | None, end: date | None) -> bool:
    return (start is None or day >= start) and (end is None or day <= end)


def build_report(
    agreement: Agreement,
    message_rows: list[tuple[date, str]],
    finding_rows: list[ReportRow],
    today: date,
) -> LedgerReport:
    """Aggregate the client's stored messages (day, verdict) and findings into a LedgerReport."""
    p_start, p_end = agreement.period.start, agreement.period.end
    report = LedgerReport(
        client_id=agreement.client_id,
        client=agreement.client,
        period_start=p_start,
        period_end=p_end,
        today=today,
    )
    verdicts = Counter(v for day, v in message_rows if _within(day, p_start, p_end))
    report.messages = sum(verdicts.values())
    report.by_verdict = dict(sorted(verdicts.items()))

    rows = [r for r in finding_rows if _within(r.day, p_start, p_end)]
    report.dismissed = sum(1 for r in rows if r.status == "dismissed")
    rows = [r for r in rows if r.status != "dismissed"]
    report.findings = len(rows)
    report.in_scope = sum(1 for r in rows if r.verdict == "in_scope")
    out = [r for r in rows if r.verdict == "out_of_scope"]
    report.out_of_scope = len(out)
    report.by_category = dict(sorted(Counter(r.category or "unknown" for r in out).items()))

    for item in agreement.items():
        if item.kind != "deliverable" or item.limit is None:
            continue
        w_start, w_end = limit_window(item.limit.per, today, p_start, p_end)
        asked = sum(
            1
            for r in rows
            if r.scope_item == item.id
            and (r.verdict == "in_scope" or r.category == "quantity")
            and _within(r.day, w_start, w_end)
        )
        report.usage.append(
            LimitUsage(
                item=item.id,
                description=item.description,
                limit=item.limit.count,
                per=item.limit.per,
                unit=item.limit.unit,
                window_start=w_start,
                window_end=w_end,
                asked=asked,
            )
        )

    _value_extra_work(report, agreement, out)
    accepted = [r for r in out if r.status == "accepted"]
    report.accepted = len(accepted)
    report.accepted_hours, _missing, report.accepted_value = _hours_and_value(agreement, accepted)
    return report


def _hours_and_value(agreement: Agreement, rows: list[ReportRow]) -> tuple[float | None, int, Decimal | None]:
    """(estimated hours, requests without an estimate, value at the agreed rate) of these requests;
    None where nothing is estimated or the rate is not per hour or day."""
    hours = 0.0
    estimated = unestimated = 0
    for r in rows:
        item = agreement.item(r.scope_item) if r.scope_item else None
        h = item.estimate_hours if item is not None and item.estimate_hours is not None else None
        if h is None:
            h = agreement.estimate_hours
        if h is None:
            unestimated += 1
            continue
        hours += h
        estimated += 1
    if not estimated:
        return None, unestimated, None
    rate = agreement.rate
    per = rate.per.lower() if rate is not None else ""
    if per == "hour":
        value = (Decimal(str(hours)) * rate.amount).quantize(Decimal("0.01"))
    elif per == "day":
        value = (Decimal(str(hours)) / HOURS_PER_DAY * rate.amount).quantize(Decimal("0.01"))
    else:
        value = None
    return hours, unestimated, value


def _value_extra_work(report: LedgerReport, agreement: Agreement, out: list[ReportRow]) -> None:
    sure = [r for r in out if r.confirmed]
    unsure = [r for r in out if not r.confirmed]
    report.extra_hours, report.unestimated, report.extra_value = _hours_and_value(agreement, sure)
    report.unconfirmed = len(unsure)
    report.unconfirmed_hours, _missing, report.unconfirmed_value = _hours_and_value(agreement, unsure)
    if report.extra_value is not None or report.unconfirmed_value is not None:
        report.currency = agreement.rate.currency

"""Builds the VA's digest from the ledger (per client: new flags, items to check, in-scope count,
running totals, limits used, value of extra work) and sends it on the service's schedule, once
per scheduled day or week even across restarts."""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, timezone
from typing import Sequence
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from scopewatch.digest.model import (
    ACTIONABLE, ClientDigest, Digest, DigestItem, IncompleteMail, LimitUse, Silence, Watching, is_empty,
)
from scopewatch.digest.render import compose_digest
from scopewatch.draft.smtp import SmtpSettings, send_message
from scopewatch.errors import ConfigError
from scopewatch.store import followup
from scopewatch.store.ledger import FindingRecord, Ledger
from scopewatch.workspace import Workspace

log = logging.getLogger(__name__)

# Out-of-scope findings that still wait for the VA; `sent` ones wait for the client and are shown
# with that, but alone never make a digest worth sending.
OPEN = ACTIONABLE
SHOWN = (*OPEN, "sent")
FREQUENCIES = ("daily", "weekdays", "weekly", "off")
# Services sharing one ledger take this lease (folder = the slot) so only one of them sends a slot's
# digest; it outlives any SMTP timeout, and a holder that died mid-send loses it after that long.
DIGEST_LEASE = "(digest)"
DIGEST_LEASE_SECONDS = 600.0


def _item(f: FindingRecord, drafted: set[int], offer: followup.ReplyRecord | None = None) -> DigestItem:
    return DigestItem(
        finding_id=f.id,
        evidence=f.evidence,
        category=f.category,
        scope_item=f.scope_item,
        scope_item_description=f.scope_item_description,
        confidence=f.confidence,
        subject=f.message.subject or "",
        sender=f.message.sender or "",
        date=f.message.date,
        draft_ready=f.id in drafted,
        rules=list(f.rules),
        status=f.status,
        offer=offer.offer if offer else None,
        offer_phrase=offer.phrase if offer else None,
    )


def _answered(ledger: Ledger, since: datetime | None, found_after: datetime | None) -> dict[int, tuple[FindingRecord, followup.ReplyRecord]]:
    """Findings whose change request the client answered with a clear yes or no (the latest such
    reply), linked after `found_after` / dated from `since`, and not settled by the VA yet."""
    out = {}
    for f in ledger.findings(verdict="out_of_scope", status=("confirmed", "drafted", "sent")):
        offers = [r for r in followup.replies(ledger, f.id) if r.offer in ("accept", "decline")]
        if found_after is not None:
            offers = [r for r in offers if r.linked_at > found_after]
        if since is not None:
            offers = [r for r in offers if r.date is None or r.date >= since]
        if offers:
            out[f.id] = (f, offers[-1])
    return out


def build_digest(
    ledger: Ledger,
    workspace: Workspace,
    *,
    va_name: str = "",
    since: date | datetime | None = None,
    found_after: datetime | None = None,
    now: datetime | None = None,
    timezone_name: str = "UTC",
    watching: Watching | None = None,
    base_url: str | None = None,
) -> Digest:
    """The digest of open out-of-scope requests: `since` keeps mail dated from then on, `found_after`
    keeps what the ledger recorded after that moment (the service passes the last digest's time).
    Totals and limits cover each client's whole agreement period, whatever the window."""
    now = now or datetime.now(timezone.utc)
    window = ledger.findings(since=since)
    if found_after is not None:
        window = [f for f in window if f.created_at > found_after]
    since_dt = since if isinstance(since, datetime) or since is None else datetime.combine(since, time(), tzinfo=timezone.utc)
    answered = _answered(ledger, since_dt, found_after)
    out_of_scope = [f for f in window if f.verdict == "out_of_scope" and f.status in SHOWN]
    drafted = followup.drafted_in_mailbox(ledger, [f.id for f in out_of_scope] + list(answered))
    by_client: dict[str, list[FindingRecord]] = defaultdict(list)
    answers: dict[str, list[DigestItem]] = defaultdict(list)
    in_scope: dict[str, int] = defaultdict(int)
    for f, reply in answered.values():
        answers[f.client or ""].append(_item(f, drafted, reply))
    for f in window:
        key = f.client or ""
        if f.verdict == "out_of_scope" and f.status in SHOWN and f.id not in answered:
            by_client[key].append(f)
        elif f.verdict == "in_scope" and f.status != "dismissed":
            in_scope[key] += 1
    clients = []
    for key in sorted(set(by_client) | set(in_scope) | set(answers)):
        agreement = workspace.agreements.get(key)
        c = ClientDigest(client_id=key or "unknown", client_name=agreement.client if agreement else (key or "unknown sender"))
        c.answers = answers.get(key, [])
        for f in by_client.get(key, []):
            # A low-confidence finding the VA confirmed is decided: it is no longer "to check".
            (c.checks if f.review and f.status == "new" else c.flagged).append(_item(f, drafted))
        c.in_scope_count = in_scope.get(key, 0)
        if agreement is not None:
            report = ledger.ledger_report(agreement, today=now.date())
            c.totals = dict(report.by_category)
            c.limits = [
                LimitUse(item_id=u.item, description=u.description, used=u.asked, limit=u.limit, per=u.per)
                for u in report.usage
            ]
            c.extra_value = report.extra_value
            c.unconfirmed_value = report.unconfirmed_value
            c.currency = report.currency or (agreement.rate.currency if agreement.rate else "EUR")
        clients.append(c)
    clients.sort(key=lambda c: (not c.has_news, c.client_name.lower()))
    incomplete = [
        IncompleteMail(m.subject or "", m.sender or "", m.date, list(m.truncated))
        for m in ledger.truncated_messages(since=since_dt, found_after=found_after)
    ]
    return Digest(generated_at=now, since=found_after or since_dt, va_name=va_name, clients=clients,
                  silent=silences(ledger, watching, now) if watching else [], timezone=timezone_name,
                  incomplete=incomplete, base_url=base_url, broken=list(workspace.broken.values()))


def silences(ledger: Ledger, watching: Watching, now: datetime) -> list[Silence]:
    """The gaps the service found at start-up, then every configured folder read before but not
    for longer than stale_after: the digest tells the VA that scopewatch was (or is) silent. A folder
    never read at all is a setup step still to do (`scopewatch status` says so), not a silence."""
    cursors = {(c.account, c.folder): c.last_fetch_at for c in ledger.cursors()}
    out = list(watching.gaps)
    for account, folder in watching.folders:
        last = cursors.get((account, folder))
        if last is not None and (now - last).total_seconds() > watching.stale_after:
            out.append(Silence(account, folder, last))
    return out


# --- the schedule --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Schedule:
    time: str = "08:00"  # local clock time, HH:MM
    timezone: str = "UTC"  # IANA name
    frequency: str = "daily"  # daily, weekdays, weekly (Mondays), off

    def zone(self) -> ZoneInfo:
        try:
            return ZoneInfo(self.timezone)
        except (ZoneInfoNotFoundError, ValueError):
            raise ConfigError(f"digest timezone {self.timezone!r} is not a known IANA name such as Europe/Amsterdam") from None

    def clock(self) -> time:
        m = re.fullmatch(r"([01]?\d|2[0-3]):([0-5]\d)", self.time.strip())
        if not m:
            raise ConfigError(f"digest time must be HH:MM (24-hour clock), not {self.time!r}")
        return time(int(m.group(1)), int(m.group(2)))

    def due_slot(self, now: datetime) -> str | None:
        """The slot whose time has come at `now` ("2026-11-26" or "2026-W48"), or None."""
        if self.frequency not in FREQUENCIES:
            raise ConfigError(f"digest frequency must be one of {', '.join(FREQUENCIES)}, not {self.frequency!r}")
        if self.frequency == "off":
            return None
        local = now.astimezone(self.zone())
        at = self.clock()
        if self.frequency == "weekly":
            monday = local.date() - timedelta(days=local.weekday())
            due = datetime.combine(monday, at, tzinfo=local.tzinfo)
            if local < due:
                return None
            year, week, _ = monday.isocalendar()
            return f"{year}-W{week:02d}"
        if self.frequency == "weekdays" and local.weekday() >= 5:
            return None
        # combine() with a ZoneInfo handles DST days: 08:00 local is 08:00 on the wall clock.
        if local < datetime.combine(local.date(), at, tzinfo=local.tzinfo):
            return None
        return local.date().isoformat()


def send_digest_if_due(
    ledger: Ledger,
    workspace: Workspace,
    smtp: SmtpSettings,
    schedule: Schedule,
    *,
    to: str,
    from_: str,
    va_name: str = "",
    language: str = "en",
    template_dirs: Sequence | None = None,
    now: datetime | None = None,
    holder: str | None = None,
    watching: Watching | None = None,
    base_url: str | None = None,
) -> str | None:
    """Call this every poll. When the schedule's slot has come and was not handled yet, build the
    digest of what was found since the last one and send it; an empty digest is not sent but the
    slot still counts as handled. With `holder` (a service's name), the slot is claimed in the
    ledger first, so services sharing a ledger send it once. Returns the slot handled now, or None."""
    now = now or datetime.now(timezone.utc)
    slot = schedule.due_slot(now)
    if slot is None or followup.digest_slot_taken(ledger, slot):
        return None
    if holder is None:
        return _send_slot(ledger, workspace, smtp, slot, to=to, from_=from_, va_name=va_name, language=language,
                          template_dirs=template_dirs, now=now, timezone_name=schedule.timezone, watching=watching,
                          base_url=base_url)
    if not ledger.acquire_lease(DIGEST_LEASE, slot, holder, DIGEST_LEASE_SECONDS):
        return None  # another service is sending it right now
    try:
        if followup.digest_slot_taken(ledger, slot):  # it finished between our two looks
            return None
        return _send_slot(ledger, workspace, smtp, slot, to=to, from_=from_, va_name=va_name, language=language,
                          template_dirs=template_dirs, now=now, timezone_name=schedule.timezone, watching=watching,
                          base_url=base_url)
    finally:
        ledger.release_lease(DIGEST_LEASE, slot, holder)


def _send_slot(ledger: Ledger, workspace: Workspace, smtp: SmtpSettings, slot: str, *, to: str, from_: str,
               va_name: str, language: str, template_dirs: Sequence | None, now: datetime,
               timezone_name: str = "UTC", watching: Watching | None = None,
               base_url: str | None = None) -> str:
    digest = build_digest(ledger, workspace, va_name=va_name, found_after=followup.last_digest(ledger), now=now,
                          timezone_name=timezone_name, watching=watching, base_url=base_url)
    msg = compose_digest(digest, template_dirs or workspace.template_dirs(), to=to, from_=from_, language=language)
    flagged = sum(len(c.flagged) for c in digest.clients)
    checks = sum(len(c.checks) for c in digest.clients)
    if msg is not None:
        send_message(msg, smtp)
    # Logged after sending: a crash in between sends twice, which is better than not at all.
    followup.log_digest(ledger, slot, recipient=to if msg is not None else "", flagged=flagged, checks=checks, sent_at=now)
    log.info("digest %s: %s", slot, f"sent to {to} ({flagged} flagged, {checks} to check)" if msg else "nothing new, not sent")
    return slot


def send_digest_now(
    ledger: Ledger, workspace: Workspace, smtp: SmtpSettings, *, to: str, from_: str, va_name: str = "",
    since: date | datetime | None = None, language: str = "en", now: datetime | None = None,
    timezone_name: str = "UTC", watching: Watching | None = None,
    base_url: str | None = None,
) -> Digest | None:
    """`scopewatch digest --send`: build and send now; None (nothing sent) when the digest is empty.
    Without `since` it covers what was found after the last digest sent."""
    now = now or datetime.now(timezone.utc)
    found_after = None if since is not None else followup.last_digest(ledger)
    digest = build_digest(ledger, workspace, va_name=va_name, since=since, found_after=found_after, now=now,
                          timezone_name=timezone_name, watching=watching, base_url=base_url)
    if is_empty(digest):
        return None
    msg = compose_digest(digest, workspace.template_dirs(), to=to, from_=from_, language=language)
    send_message(msg, smtp)
    followup.log_digest(
        ledger, f"manual-{now.isoformat(timespec='seconds')}", recipient=to,
        flagged=sum(len(c.flagged) for c in digest.clients), checks=sum(len(c.checks) for c in digest.clients),
        sent_at=now,
    )
    return digest

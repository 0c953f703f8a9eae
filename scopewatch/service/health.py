"""`scopewatch status`: per mailbox folder the connection state, last successful fetch, backlog,
flags waiting for review and last error, read from the ledger; unhealthy when a folder is stale."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from scopewatch.config import load_config


@dataclass
class FolderStatus:
    account: str
    folder: str
    state: str  # watching | error | standby | stopped | never
    last_fetch_at: datetime | None
    backlog: int | None
    waiting_review: int
    last_error: str | None
    last_error_at: datetime | None
    holder: str | None
    stale: bool
    configured: bool = True

    def to_json(self) -> dict:
        return {
            "mailbox": self.account,
            "folder": self.folder,
            "state": self.state,
            "last_fetch_at": self.last_fetch_at.isoformat() if self.last_fetch_at else None,
            "backlog": self.backlog,
            "waiting_review": self.waiting_review,
            "last_error": self.last_error,
            "last_error_at": self.last_error_at.isoformat() if self.last_error_at else None,
            "lease_holder": self.holder,
            "stale": self.stale,
            "configured": self.configured,
        }


@dataclass
class StatusReport:
    stale_after: float
    checked_at: datetime
    folders: list[FolderStatus] = field(default_factory=list)

    @property
    def healthy(self) -> bool:
        watched = [f for f in self.folders if f.configured]
        return bool(watched) and not any(f.stale for f in watched)

    def to_json(self) -> dict:
        return {
            "healthy": self.healthy,
            "stale_after_seconds": self.stale_after,
            "checked_at": self.checked_at.isoformat(),
            "folders": [f.to_json() for f in self.folders],
        }


def service_status(workspace: Path | str | None, database: str | None = None, *,
                   now: datetime | None = None) -> StatusReport:
    from scopewatch.store.ledger import Ledger
    from scopewatch.workspace import locate

    root = locate(workspace)
    config = load_config(root)
    now = now or datetime.now(timezone.utc)
    report = StatusReport(stale_after=config.stale_after, checked_at=now)
    ledger = Ledger.open(database or config.database_url)
    try:
        cursors = {(c.account, c.folder): c for c in ledger.cursors()}
        leases = {(a, f): (holder, expires) for a, f, holder, expires in ledger.leases()}
        waiting: dict[str, int] = {}
        for record in ledger.findings(status="new", verdict="out_of_scope"):
            waiting[record.message.account] = waiting.get(record.message.account, 0) + 1
    finally:
        ledger.close()
    wanted = [(box.name, folder) for box in config.mailboxes for folder in box.folders]
    extra = sorted(k for k in cursors if k not in set(wanted))
    for account, folder in wanted + extra:
        c = cursors.get((account, folder))
        holder, expires = leases.get((account, folder), (None, None))
        live = expires is not None and expires > now
        last_fetch = c.last_fetch_at if c else None
        failing = bool(c and c.last_error_at and (last_fetch is None or c.last_error_at > last_fetch))
        if last_fetch is None and not failing:
            state = "never" if not live else "starting"
        elif failing:
            state = "error"
        elif live:
            state = "watching"
        else:
            state = "stopped"
        stale = last_fetch is None or (now - last_fetch).total_seconds() > config.stale_after
        report.folders.append(FolderStatus(
            account, folder, state, last_fetch, c.backlog if c else None, waiting.get(account, 0),
            c.last_error if c else None, c.last_error_at if c else None, holder if live else None, stale,
            configured=(account, folder) in set(wanted),
        ))
    return report


def _ago(then: datetime | None, now: datetime) -> str:
    if then is None:
        return "never"
    seconds = int((now - then).total_seconds())
    if seconds < 90:
        return f"{seconds} s ago"
    if seconds < 90 * 60:
        return f"{seconds // 60} min ago"
    if seconds < 48 * 3600:
        return f"{seconds // 3600} h ago"
    return f"{seconds // 86400} days ago"


def format_status(report: StatusReport) -> str:
    now = report.checked_at
    lines = []
    for f in report.folders:
        name = f"{f.account}/{f.folder}" + ("" if f.configured else " (no longer configured)")
        lines.append(f"{name}: {f.state}{' - STALE' if f.stale and f.configured else ''}")
        lines.append(f"  last fetch:      {_ago(f.last_fetch_at, now)}")
        lines.append(f"  backlog:         {f.backlog if f.backlog is not None else '-'}")
        lines.append(f"  waiting review:  {f.waiting_review}")
        if f.last_error:
            lines.append(f"  last error:      {f.last_error} ({_ago(f.last_error_at, now)})")
    if not report.folders:
        lines.append("no mailbox configured")
    minutes = report.stale_after / 60
    lines.append(
        "healthy" if report.healthy else
        f"UNHEALTHY: a mailbox was never read or not in the last {minutes:g} min (is `scopewatch run` running?)"
    )
    return "\n".join(lines)

"""`scopewatch status`: per mailbox folder the connection state, last successful fetch, backlog,
flags waiting for review and last error, read from the ledger; unhealthy when a folder is stale."""

from __future__ import annotations

import os
import socket
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from scopewatch.config import load_config


@dataclass
class FolderStatus:
    account: str
    folder: str
    state: str  # watching | error | starting | standby | stopped | never
    last_fetch_at: datetime | None
    backlog: int | None
    waiting_review: int
    last_error: str | None
    last_error_at: datetime | None
    holder: str | None
    stale: bool
    configured: bool = True
    running: bool = False  # a live scopewatch process holds this folder
    problem: str | None = None  # why this folder makes the status unhealthy, one line

    def to_json(self) -> dict:
        return {
            "mailbox": self.account,
            "folder": self.folder,
            "state": self.state,
            "running": self.running,
            "last_fetch_at": self.last_fetch_at.isoformat() if self.last_fetch_at else None,
            "backlog": self.backlog,
            "waiting_review": self.waiting_review,
            "last_error": self.last_error,
            "last_error_at": self.last_error_at.isoformat() if self.last_error_at else None,
            "lease_holder": self.holder,
            "stale": self.stale,
            "configured": self.configured,
            "problem": self.problem,
        }


@dataclass
class StatusReport:
    stale_after: float
    checked_at: datetime
    folders: list[FolderStatus] = field(default_factory=list)
    failing_after: float = 300.0
    # Agreement files that cannot be used: client id -> why (that client's mail is not judged).
    agreements: dict[str, str] = field(default_factory=dict)

    @property
    def healthy(self) -> bool:
        watched = [f for f in self.folders if f.configured]
        return bool(watched) and not any(f.problem for f in watched) and not self.agreements

    @property
    def problems(self) -> list[str]:
        return ([f"{f.account}/{f.folder}: {f.problem}" for f in self.folders if f.configured and f.problem]
                + [f"client {client}: {why}" for client, why in self.agreements.items()])

    def to_json(self) -> dict:
        return {
            "healthy": self.healthy,
            "stale_after_seconds": self.stale_after,
            "failing_after_seconds": self.failing_after,
            "checked_at": self.checked_at.isoformat(),
            "problems": self.problems,
            "folders": [f.to_json() for f in self.folders],
            "agreements": dict(self.agreements),
        }


def _pid_alive(pid: int) -> bool:
    """Is process `pid` a live scopewatch (not gone, not a zombie, not a reused pid)?"""
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        pass  # another user's process: it exists
    except OSError:
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if Path("/proc/self").is_dir():
        try:
            # A zombie has an empty command line; a reused pid runs something else.
            return b"scopewatch" in cmdline.read_bytes()
        except OSError:
            return False
    return True


def holder_is_dead(holder: str) -> bool:
    """A lease holder (host:pid:random) that is a process of this host no longer running: a restart
    after kill -9 takes its folders over at once. Another host's holder is never judged dead here."""
    parts = holder.rsplit(":", 2)
    if len(parts) != 3 or parts[0] != socket.gethostname() or not parts[1].isdigit():
        return False
    pid = int(parts[1])
    return pid != os.getpid() and not _pid_alive(pid)


def holder_alive(holder: str | None, expires: datetime | None, now: datetime) -> tuple[bool, str | None]:
    """(alive, why not) for a folder lease. A holder on this host is checked by its pid, so a
    process killed with -9 is known dead at once; one on another host lives while its lease does
    (it renews it every third of lease_ttl, also while it waits to reconnect)."""
    if holder is None:
        return False, None
    parts = holder.rsplit(":", 2)
    if len(parts) == 3 and parts[0] == socket.gethostname() and parts[1].isdigit():
        pid = int(parts[1])
        if pid == os.getpid():
            return True, None
        if not _pid_alive(pid):
            return False, f"process {pid} ended without stopping (killed or crashed)"
        return True, None
    live = expires is not None and expires > now
    return live, None if live else "its lease ran out (the process is gone or cannot reach the ledger)"


def service_status(workspace: Path | str | None, database: str | None = None, *,
                   now: datetime | None = None) -> StatusReport:
    from scopewatch.store.ledger import Ledger
    from scopewatch.workspace import locate

    root = locate(workspace)
    config = load_config(root)
    now = now or datetime.now(timezone.utc)
    report = StatusReport(stale_after=config.stale_after, checked_at=now, failing_after=config.failing_after,
                          agreements=broken_agreements(root))
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
        live, dead_why = holder_alive(holder, expires, now)
        last_fetch = c.last_fetch_at if c else None
        failing = bool(c and c.last_error_at and (last_fetch is None or c.last_error_at > last_fetch))
        if live and last_fetch is None and not failing:
            state = "starting"
        elif live:
            state = "error" if failing else "watching"
        elif last_fetch is None and not failing:
            state = "never"
        else:
            state = "stopped"
        stale = last_fetch is None or (now - last_fetch).total_seconds() > config.stale_after
        problem = _problem(state, live, dead_why, failing, c, last_fetch, stale, now, config)
        report.folders.append(FolderStatus(
            account, folder, state, last_fetch, c.backlog if c else None, waiting.get(account, 0),
            c.last_error if c else None, c.last_error_at if c else None, holder if live else None, stale,
            configured=(account, folder) in set(wanted), running=live, problem=problem,
        ))
    return report


def broken_agreements(root: Path) -> dict[str, str]:
    """Client id -> why its agreement file cannot be used (scopes/ as it is now)."""
    from scopewatch.agreement.load import read_agreements

    found = read_agreements(Path(root) / "scopes")
    out = {b.client_id: f"the agreement {b.path} cannot be used, so this client's mail gets an error verdict: "
                        f"{b.reason}" for b in found.broken.values()}
    for problem in found.folder_problems:
        out.setdefault("(all)", str(problem))
    return out


def _problem(state, live, dead_why, failing, c, last_fetch, stale, now, config) -> str | None:
    """One line on what is wrong with a folder, None when nothing is."""
    error = " ".join((c.last_error or "").split()) if c else ""
    if state == "never":
        return "never read: scopewatch has not run here (start it with `scopewatch run`)"
    if not live:
        when = f", last read {_ago(last_fetch, now)}" if last_fetch else ""
        if failing and error:
            return f"stopped on an error{when}: {error}"
        return f"scopewatch is not running: {dead_why or 'stopped'}{when}"
    if failing:
        since = last_fetch or (c.last_error_at if c else None)
        seconds = (now - since).total_seconds() if since else 0.0
        if last_fetch is None or seconds > config.failing_after:
            return f"failing for {_ago(since, now).removesuffix(' ago')}: {error}"
        return None
    if stale:
        return f"not read for {_ago(last_fetch, now).removesuffix(' ago')} (stale_after {config.stale_after / 60:g} min)"
    return None


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
    if report.healthy:
        lines.append("healthy")
    elif report.problems:
        lines += [f"UNHEALTHY: {p}" for p in report.problems]
    else:
        lines.append("UNHEALTHY: no mailbox configured")
    return "\n".join(lines)

"""The service on top of the stages: loads the workspace, config, checker and ledger once, runs one
watcher thread per mailbox folder (`scopewatch run`) or one pass over all of them (`scopewatch scan`),
and stops cleanly on SIGTERM/SIGINT after the message in hand."""

from __future__ import annotations

import logging
import os
import signal
import socket
import sys
import threading
import uuid
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from scopewatch.config import Config, load_config
from scopewatch.errors import ConfigError, StoreError
from scopewatch.service.health import holder_is_dead
from scopewatch.service.metrics import Metrics
from scopewatch.service.watcher import FolderWatcher, Processed, Shared

log = logging.getLogger("scopewatch.service")


@dataclass
class Summary:
    """What a scan (or a run, when it stops) did."""

    processed: int = 0
    duplicates: int = 0
    by_verdict: Counter = field(default_factory=Counter)
    flagged: Counter = field(default_factory=Counter)  # client -> out-of-scope messages
    requests: Counter = field(default_factory=Counter)  # client -> out-of-scope findings
    errors: list[str] = field(default_factory=list)  # folders that could not be read
    dry_run: bool = False
    broken: dict[str, str] = field(default_factory=dict)  # agreement file -> why it cannot be used

    def to_json(self) -> dict:
        return {
            "processed": self.processed,
            "duplicates": self.duplicates,
            "verdicts": dict(self.by_verdict),
            "flagged": {c: {"messages": n, "requests": self.requests[c]} for c, n in self.flagged.items()},
            "errors": list(self.errors),
            "dry_run": self.dry_run,
            "agreements_not_used": dict(self.broken),
        }

    def lines(self) -> list[str]:
        new = self.processed - self.duplicates
        head = f"{self.processed} message{'s' if self.processed != 1 else ''} processed"
        if self.duplicates:
            head += f" ({self.duplicates} seen before, {new} new)"
        if self.dry_run:
            head += " - dry run, nothing stored"
        out = [head]
        if self.flagged:
            out.append("out of scope, per client:")
            for client, n in sorted(self.flagged.items()):
                r = self.requests[client]
                out.append(f"  {client}: {n} message{'s' if n != 1 else ''}, {r} request{'s' if r != 1 else ''}")
        else:
            out.append("no out-of-scope requests")
        for err in self.errors:
            out.append(f"not read: {err}")
        for path, why in self.broken.items():
            out.append(f"agreement not used: {path}: {why} (that client's mail got an error verdict)")
        return out


def holder_id() -> str:
    """This process's name in folder leases: host, pid and a random part (pids get reused)."""
    return f"{socket.gethostname()}:{os.getpid()}:{uuid.uuid4().hex[:8]}"


class Service:
    """Everything `run` and `scan` need, loaded once."""

    def __init__(self, workspace: Path | str | None, *, dry_run: bool = False, database: str | None = None,
                 config: Config | None = None, metrics_port: int | None = None,
                 stop: threading.Event | None = None, checker=None):
        from scopewatch.detect.checker import Checker
        from scopewatch.workspace import locate, open_workspace

        root = locate(workspace)
        self.config = config or load_config(root)
        if not self.config.mailboxes:
            raise ConfigError(
                f"no mailbox to watch: add a [[mailbox]] (or maildir = \"PATH\") to {root / 'scopewatch.toml'} "
                f"(`scopewatch init` writes a commented one)"
            )
        self.workspace = open_workspace(root)
        self.dry_run = dry_run
        self.stop = stop or threading.Event()
        self.summary = Summary(dry_run=dry_run)
        self._lock = threading.Lock()
        self.ledger = self._open_ledger(database or self.config.database_url)
        port = metrics_port if metrics_port is not None else self.config.metrics_port
        self.metrics = Metrics(enabled=port is not None)
        self.metrics_port = port
        # Tests hand in one warmed-up Checker; the service builds its own.
        self.checker = checker if checker is not None else Checker(self.workspace,
                                                                   budget_seconds=self.config.detection_budget)
        self.checker.workspace = self.workspace  # one workspace, read again before each batch
        self.checker.warm_up()
        if self.ledger is not None:
            from scopewatch.store.senders import client_of_sender

            self.checker.sender_history = lambda address: client_of_sender(self.ledger, address)
        self._told_broken: dict[str, str] = {}
        self._tell_broken()
        self.on_message: Callable[[Processed], None] | None = None
        self._progress = None
        self.web = None  # the review page, when [web] serve = true (run only, not scan)

    def _tell_broken(self) -> None:
        """Log each agreement that cannot be used, once per problem: its client's mail is not judged."""
        now = {b.client_id: b for b in self.workspace.broken.values()}
        for client, b in now.items():
            if self._told_broken.get(client) != b.reason:
                log.error("%s cannot be used: %s; mail from %s gets an error verdict until the file is fixed "
                          "(`scopewatch scope lint`); every other client is served", b.path, b.reason, client)
        for client in set(self._told_broken) - set(now):
            log.info("the agreement of %s can be used again", client)
        self._told_broken = {client: b.reason for client, b in now.items()}

    def _refresh_agreements(self) -> None:
        """Before each batch: read scopes/ again when a file changed (a fixed or a newly broken
        agreement counts from the next mail on). A broken folder keeps the agreements read before."""
        try:
            if self.workspace.refresh():
                self._tell_broken()
        except Exception as exc:  # noqa: BLE001 - the service goes on with what it had
            log.error("cannot read the agreements again (%s); going on with those read before", _first_line(exc))

    def _open_ledger(self, url: str):
        from scopewatch.store.ledger import Ledger

        if not self.dry_run:
            return Ledger.open(url)
        # A dry run writes nothing, not even a new database file: read what exists, if anything.
        if url.startswith("sqlite:///"):
            path = Path(url[len("sqlite:///"):])
            if not path.is_file():
                return None
        try:
            return Ledger.open(url, migrate=False)
        except StoreError as exc:
            log.info("dry run without the ledger (%s): every message counts as new", exc)
            return None

    def close(self) -> None:
        self.metrics.stop()
        if self.web is not None:
            self.web.stop()
            self.web = None
        if self._progress is not None:
            self._progress.render_finish()
        if self.ledger is not None:
            self.ledger.close()

    # --- bookkeeping --------------------------------------------------------------------------

    def _record(self, item: Processed) -> None:
        with self._lock:
            s = self.summary
            s.processed += 1
            result = item.incoming.result
            if item.outcome is not None and item.outcome.duplicate:
                s.duplicates += 1
                if self._progress is not None:
                    self._progress.update(1)
                return
            s.by_verdict[result.verdict] += 1
            if result.verdict == "out_of_scope" and result.client:
                s.flagged[result.client] += 1
                s.requests[result.client] += sum(1 for f in result.findings if f.verdict == "out_of_scope")
            if self._progress is not None:
                self._progress.update(1)
        if self.on_message is not None:
            self.on_message(item)

    def _backlog(self, n: int) -> None:
        # A progress bar only for a person watching; logs and pipes get log lines instead.
        if n < 20 or not sys.stdout.isatty():
            return
        import click

        with self._lock:
            if self._progress is None:
                self._progress = click.progressbar(length=n, label="catching up", file=sys.stdout)
                self._progress.render_progress()
            else:
                self._progress.length += n

    def _watchers(self, once: bool) -> list[FolderWatcher]:
        c = self.config
        shared = Shared(
            checker=self.checker, ledger=self.ledger, stop=self.stop, holder=holder_id(),
            dry_run=self.dry_run, metrics=self.metrics, on_message=self._record, on_backlog=self._backlog,
            lease_ttl=c.lease_ttl, batch_size=c.batch_size, batch_bytes=c.batch_megabytes * 1_000_000,
            backoff_initial=c.backoff_initial,
            backoff_max=c.backoff_max, auth_attempts=c.auth_attempts, holder_is_dead=holder_is_dead,
            refresh=self._refresh_agreements,
        )
        if self.ledger is not None and not self.dry_run:
            shared.follow_up, shared.on_stored = self._follow_up, self._link_reply
        return [FolderWatcher(box, folder, shared, once=once) for box in c.mailboxes for folder in box.folders]

    # --- follow-up: drafts and answers (draft/service.py) ---------------------------------------

    def _va(self):
        from scopewatch.draft.service import VA

        c = self.config
        if not c.va_address:
            return None  # without the VA's address no draft can be written
        return VA(c.va_name or c.va_address, c.va_address, c.default_estimate_hours, c.digest_timezone)

    def _follow_up(self, source) -> None:
        from scopewatch.draft.service import follow_up

        done = follow_up(self.ledger, self.workspace, source, self._va(), auto_draft_mode=self.config.auto_draft)
        if done.drafted or done.sent:
            log.info("%s: %d draft%s saved, %d found sent", source.account, len(done.drafted),
                     "s" if len(done.drafted) != 1 else "", len(done.sent))

    def _link_reply(self, incoming, where: str) -> None:
        from scopewatch.draft.service import link_reply

        linked = link_reply(self.ledger, incoming.parsed, account=incoming.account)
        if linked:
            log.info("%s %s: answers finding%s %s", where, incoming.key, "s" if len(linked) != 1 else "",
                     ", ".join(map(str, linked)))

    # --- the scheduled digest (digest/timer.py), from the main thread only ----------------------

    digest_every: float | None = None  # seconds between schedule checks; None: the timer's default

    def _digest(self, watchers: list[FolderWatcher]):
        from scopewatch.digest.timer import CHECK_SECONDS, digest_timer

        if self.ledger is None or self.dry_run:
            return None
        # Wait until every folder was read through once since the start, so a digest due at start-up
        # tells about the mail that came in overnight; a folder stopped for good does not hold it up.
        at_start = {(c.account, c.folder): c.last_fetch_at for c in self.ledger.cursors()}
        gaps = silent_gaps(at_start, [(w.account, w.folder) for w in watchers], self.config.stale_after)
        for g in gaps:
            log.warning("%s/%s: not read since %s: scopewatch was silent; the next digest says so",
                        g.account, g.folder, g.since.isoformat(timespec="seconds") if g.since else "ever")

        def read_through() -> bool:
            now = {(c.account, c.folder): c for c in self.ledger.cursors()}
            for w in watchers:
                c = now.get((w.account, w.folder))
                if w.error is None and (c is None or c.last_fetch_at == at_start.get((w.account, w.folder)) or c.backlog):
                    return False
            return True

        return digest_timer(self.config, self.ledger, self.workspace, ready=read_through,
                            every=self.digest_every or CHECK_SECONDS, holder=holder_id(), gaps=gaps)

    # --- running ------------------------------------------------------------------------------

    def run(self, *, once: bool = False) -> Summary:
        """Watch every mailbox folder until `stop` is set (or, with `once`, one pass each).

        Raises the first folder's fatal error when every folder has stopped for good."""
        if self.metrics.enabled and not once:
            port = self.metrics.serve(self.metrics_port or 0, self.config.metrics_host)
            log.info("metrics on http://%s:%d/metrics", self.config.metrics_host, port)
        if self.config.web.serve and not once and not self.dry_run and self.web is None:
            from scopewatch.web.server import make_server

            # The page shares the service's ledger; a port in use or a missing login stops the start.
            self.web = make_server(self.workspace.root, config=self.config, ledger=self.ledger).start()
            log.info("review page on %s", self.web.url)
        watchers = self._watchers(once)
        digest = None if once else self._digest(watchers)
        threads = [threading.Thread(target=w.run, name=f"watch {w.where}", daemon=True) for w in watchers]
        names = ", ".join(w.where for w in watchers)
        log.info("%s %s (%s)", "scanning" if once else "watching", names,
                 "dry run, nothing stored" if self.dry_run else f"ledger {_safe(self.config.database_url)}")
        for t in threads:
            t.start()
        while any(t.is_alive() for t in threads):
            if digest is not None:
                digest.tick()  # never raises: a failed digest is logged and retried
            for t in threads:
                t.join(timeout=0.2)
        failed = [w for w in watchers if w.error is not None]
        self.summary.errors = [f"{w.where}: {w.error}" for w in failed]
        self.summary.broken = {b.path: b.reason for b in self.workspace.broken.values()}
        if not self.stop.is_set() and not once and failed and len(failed) == len(watchers):
            raise failed[0].error
        if once and failed and len(failed) == len(watchers):
            raise failed[0].error
        skipped = [w.where for w in watchers if once and w.lease_waits and w.error is None]
        for where in skipped:
            self.summary.errors.append(f"{where}: another scopewatch process is working it")
        return self.summary


def silent_gaps(last_reads: dict, folders: list[tuple[str, str]], stale_after: float, now=None) -> list:
    """Folders read before but not for longer than stale_after when the service starts: the time
    scopewatch was silent (stopped, crashed, or the machine was off), for the next digest."""
    from datetime import datetime, timezone

    from scopewatch.digest.model import Silence

    now = now or datetime.now(timezone.utc)
    out = []
    for account, folder in folders:
        last = last_reads.get((account, folder))
        if last is not None and (now - last).total_seconds() > stale_after:
            out.append(Silence(account, folder, last, now))
    return out


def _first_line(exc: BaseException) -> str:
    return (str(exc).strip().splitlines() or [type(exc).__name__])[0][:300]


def _safe(url: str) -> str:
    from scopewatch.store.db import safe_url

    return safe_url(url)


# After SIGTERM the service stops within this long, whatever it is doing: detection sees the stop
# within milliseconds (detect/budget.py); a fetch or a shutdown step that hangs is cut short by
# exiting. Nothing is lost that way: each batch is recorded in one transaction, and what was not
# recorded is fetched again at the next start, as after kill -9.
STOP_GRACE_SECONDS = 4.0


def install_signal_handlers(stop: threading.Event, grace: float = STOP_GRACE_SECONDS) -> None:
    """SIGTERM / SIGINT: set `stop`; the watchers finish the message in hand and log out. A second
    signal, or `grace` seconds without having stopped, ends the process at once."""

    def handler(signum, _frame):
        name = signal.Signals(signum).name
        if stop.is_set():
            log.warning("%s received again: stopping now", name)
            _exit_now()
        log.info("%s received: finishing the current message, then stopping", name)
        stop.set()
        timer = threading.Timer(grace, _late, args=(grace,))
        timer.daemon = True
        timer.start()

    signal.signal(signal.SIGTERM, handler)
    signal.signal(signal.SIGINT, handler)


def _late(grace: float) -> None:
    log.warning("still busy %g s after the stop signal: stopping now; what was not recorded is read again "
                "at the next start", grace)
    _exit_now()


def _exit_now() -> None:
    for handler in logging.getLogger().handlers:
        try:
            handler.flush()
        except Exception:  # noqa: BLE001
            pass
    os._exit(0)


def run_service(workspace: Path | None, *, once: bool = False, dry_run: bool = False, database: str | None = None,
                metrics_port: int | None = None, log_level: str | None = None, log_format: str | None = None,
                on_message: Callable[[Processed], None] | None = None) -> Summary:
    """`scopewatch run` / `scopewatch scan`: set up logging and signals, run, return the summary."""
    from scopewatch.service.logs import setup_logging
    from scopewatch.workspace import locate

    root = locate(workspace)
    config = load_config(root)
    setup_logging(log_level or config.log_level, log_format or config.log_format)
    stop = threading.Event()
    install_signal_handlers(stop)
    service = Service(root, dry_run=dry_run, database=database, config=config, metrics_port=metrics_port, stop=stop)
    service.on_message = on_message
    try:
        return service.run(once=once)
    finally:
        service.close()
        if not once:
            log.info("stopped")

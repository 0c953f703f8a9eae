"""Watches one mailbox folder: holds its lease, catches up from the ledger, processes mail in
batches (new arrivals before the rest of a backlog), waits with IDLE or polling, and reconnects
with backoff. Each fetched batch is detected, then recorded in one transaction: every message
exactly once, and a crash loses no more than the batch in hand, which is fetched again."""

from __future__ import annotations

import hashlib
import logging
import threading
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable

from scopewatch.config import MailboxConfig
from scopewatch.errors import AuthenticationError, ConfigError, MailboxError, ScopewatchError, StoreError
from scopewatch.ingest.base import FetchedMessage, MailSource
from scopewatch.service.backoff import Backoff
from scopewatch.service.metrics import Metrics
from scopewatch.store.learned import knowledge as learned_knowledge
from scopewatch.store.records import IncomingMessage, RecordOutcome

log = logging.getLogger("scopewatch.watch")

# Between backlog batches, look for new arrivals at most this often: one UID SEARCH (about a
# millisecond), so a mail arriving during a long backlog waits at most this plus one batch.
NEW_MAIL_CHECK_SECONDS = 0.5
SCAN_NETWORK_ATTEMPTS = 3  # `scan`: a flaky network gets this many tries per folder


def make_source(box: MailboxConfig, stop: threading.Event, *, timeout: float = 60.0) -> MailSource:
    """The mail source for one configured mailbox (one connection; one thread drives it)."""
    if box.kind == "maildir":
        from scopewatch.ingest.maildir import MaildirSource

        return MaildirSource(
            box.name, box.maildir, poll_interval=box.poll_interval, drafts_folder=box.drafts_folder, stop=stop
        )
    from scopewatch.ingest.imap import ImapSource

    return ImapSource(
        box.name, box.host, box.port, box.security, box.username, box.password,
        box.drafts_folder, box.sent_folder, timeout, idle=box.idle, poll_interval=box.poll_interval, stop=stop,
    )


@dataclass
class Processed:
    """One message through the pipeline, as reported to the caller (never holds the body)."""

    account: str
    folder: str
    key: str
    incoming: IncomingMessage
    outcome: RecordOutcome | None  # None in a dry run


@dataclass
class Shared:
    """What every folder watcher of one service shares."""

    checker: object  # detect.checker.Checker
    ledger: object | None  # store.ledger.Ledger; None when a dry run has no ledger to read
    stop: threading.Event
    holder: str
    dry_run: bool = False
    metrics: Metrics = field(default_factory=Metrics)
    on_message: Callable[[Processed], None] | None = None
    on_backlog: Callable[[int], None] | None = None  # a folder found this many messages to do
    lease_ttl: float = 15.0
    batch_size: int = 100
    batch_bytes: int = 16_000_000  # a batch also ends here: the current and the prefetched one are in memory
    backoff_initial: float = 1.0
    backoff_max: float = 300.0
    auth_attempts: int = 3
    imap_timeout: float = 60.0
    # Follow-up after each drained queue (auto-drafts, sent detection), once per mailbox, and per
    # newly stored message (a client's answer to a draft); both skipped in a dry run.
    follow_up: Callable[[MailSource], None] | None = None
    on_stored: Callable[[IncomingMessage, str], None] | None = None
    check_lock: threading.Lock = field(default_factory=threading.Lock)  # spaCy: one caller at a time
    dead_mailboxes: set[str] = field(default_factory=set)
    # Whether a lease holder's process is gone (same host, pid not running): its lease is taken over
    # at once instead of after its TTL. None: wait out the TTL.
    holder_is_dead: Callable[[str], bool] | None = None
    refresh: Callable[[], None] | None = None  # before each batch: read changed agreements again


class FolderWatcher:
    """Works one (mailbox, folder). `run()` is a thread target; `once=True` makes it one pass."""

    def __init__(self, box: MailboxConfig, folder: str, shared: Shared, *, once: bool = False,
                 source_factory: Callable[[], MailSource] | None = None):
        self.box, self.folder, self.s, self.once = box, folder, shared, once
        self.follows_up = folder == box.folders[0]  # one watcher per mailbox drafts and looks in Sent
        self.account = box.name
        self._factory = source_factory or (lambda: make_source(box, shared.stop, timeout=shared.imap_timeout))
        self.error: ScopewatchError | None = None  # why this folder stopped for good, if it did
        self.lease_waits = 0
        self._done: set[str] = set()  # keys finished this run (the ledger knows them too, unless dry run)
        self._queue: deque[str] = deque()
        self._queued: set[str] = set()
        self._validity: int | None = None
        self._high = 0
        self._holding = False
        self._done_running = False
        self._backoff = Backoff(shared.backoff_initial, shared.backoff_max)

    @property
    def where(self) -> str:
        return f"{self.account}/{self.folder}"

    # --- the outer loop: lease, connect, back off --------------------------------------------

    def run(self) -> None:
        s = self.s
        backoff = self._backoff
        auth_failures = network_failures = 0
        told_lease = False
        keeper = None
        if not (s.dry_run or s.ledger is None or self.once):
            keeper = threading.Thread(target=self._keep_lease, name=f"lease {self.where}", daemon=True)
            keeper.start()
        try:
            while not s.stop.is_set() and self.account not in s.dead_mailboxes:
                if not self._lease():
                    self.lease_waits += 1
                    if not told_lease:
                        log.info("%s: another scopewatch process works this folder; standing by", self.where)
                        told_lease = True
                    if self.once:
                        return
                    s.stop.wait(max(0.2, s.lease_ttl / 4))
                    continue
                if told_lease:
                    log.info("%s: took over the folder", self.where)
                    told_lease = False
                source = self._factory()
                try:
                    source.connect()
                    if auth_failures or network_failures:
                        log.info("%s: connected again, catching up", self.where)
                    auth_failures = network_failures = 0
                    self._session(source)
                    backoff.reset()
                    if self.once:
                        return
                except AuthenticationError as exc:
                    auth_failures += 1
                    if self.once or auth_failures >= s.auth_attempts:
                        self._note_error(f"{exc}; stopped watching after {auth_failures} refused "
                                         f"login{'s' if auth_failures != 1 else ''}: fix the username or password and restart")
                    else:
                        self._note_error(str(exc))
                    if self.once or auth_failures >= s.auth_attempts:
                        s.dead_mailboxes.add(self.account)
                        self.error = exc
                        log.error("%s; stopped watching mailbox %r after %d failed login%s: fix the "
                                  "username or password and restart", exc, self.account, auth_failures,
                                  "s" if auth_failures != 1 else "")
                        return
                    delay = backoff.next_delay()
                    log.warning("%s (login attempt %d of %d); retrying in %.1f s", exc, auth_failures, s.auth_attempts, delay)
                    self._pause(delay)
                except ConfigError as exc:
                    s.dead_mailboxes.add(self.account)
                    self.error = exc
                    log.error("%s; stopped watching mailbox %r", exc, self.account)
                    return
                except (MailboxError, StoreError) as exc:
                    network_failures += 1
                    self._note_error(str(exc))
                    s.metrics.reconnect(self.account)
                    if self.once and network_failures >= SCAN_NETWORK_ATTEMPTS:
                        self.error = exc
                        log.error("%s; giving up on %s for this scan", exc, self.where)
                        return
                    delay = backoff.next_delay()
                    log.warning("%s; reconnecting in %.1f s", exc, delay)
                    self._pause(delay)
                finally:
                    source.close()
        finally:
            self._done_running = True
            if keeper is not None:
                keeper.join(timeout=5)
            self._release()

    def _keep_lease(self) -> None:
        """Renew the folder lease every third of lease_ttl from a thread of its own, whatever the
        watcher is doing (a long batch, a slow server): the lease can be short, so a worker on
        another host takes over within lease_ttl of this one dying, and never while it lives."""
        step = max(0.2, self.s.lease_ttl / 3)
        while not self.s.stop.wait(step) and not self._done_running:
            if self._holding:
                self._lease()

    def _pause(self, delay: float) -> None:
        """Wait out a backoff delay, renewing the folder lease meanwhile: the lease is the heartbeat
        `scopewatch status` reads, and a service waiting to reconnect is alive."""
        deadline = time.monotonic() + delay
        step = max(0.2, self.s.lease_ttl / 3)
        while not self.s.stop.is_set():
            left = deadline - time.monotonic()
            if left <= 0:
                return
            if self.s.stop.wait(min(step, left)):
                return
            if self._holding:
                self._lease()

    def _lease(self) -> bool:
        if self.s.dry_run or self.s.ledger is None:
            return True
        try:
            self._holding = self.s.ledger.acquire_lease(
                self.account, self.folder, self.s.holder, self.s.lease_ttl, self.s.holder_is_dead
            )
        except StoreError as exc:
            log.warning("%s: cannot take the folder lease: %s", self.where, exc)
            self._holding = False
        return self._holding

    def _release(self) -> None:
        if self._holding and self.s.ledger is not None:
            try:
                self.s.ledger.release_lease(self.account, self.folder, self.s.holder)
            except StoreError as exc:
                log.warning("%s: could not release the folder lease: %s", self.where, exc)
            self._holding = False

    def _note(self, *, backlog: int | None = None) -> None:
        # A fetch worked: the connection is good again, so the next loss starts from the first
        # delay (resetting only when a session ended made every outage wait twice as long).
        self._backoff.reset()
        self.s.metrics.fetched(self.account, self.folder)
        if self.s.dry_run or self.s.ledger is None:
            return
        self.s.ledger.note_fetch(self.account, self.folder, ok=True, backlog=backlog)

    def _note_error(self, error: str) -> None:
        if self.s.dry_run or self.s.ledger is None:
            return
        try:
            self.s.ledger.note_fetch(self.account, self.folder, ok=False, error=error[:500])
        except StoreError:
            pass  # the ledger is what failed; the log line says so

    # --- one connected session ---------------------------------------------------------------

    def _session(self, source: MailSource) -> None:
        s = self.s
        state = source.folder_state(self.folder)
        self._check_validity(state.uidvalidity)
        self._queue.clear()
        self._queued.clear()
        keys = source.pending(self.folder, 0, self._known)
        self._enqueue(keys)
        if keys:
            log.info("%s: %d message%s to catch up on", self.where, len(keys), "s" if len(keys) != 1 else "")
            if s.on_backlog is not None:
                s.on_backlog(len(keys))
        self._note(backlog=len(self._queue))
        last_check = time.monotonic()
        ahead: _Prefetch | None = None
        try:
            while not s.stop.is_set():
                while (self._queue or ahead is not None) and not s.stop.is_set():
                    if time.monotonic() - last_check >= NEW_MAIL_CHECK_SECONDS:
                        if ahead is not None:
                            ahead.wait()  # the source serves one command at a time
                        # Newest first: mail that arrived during a long backlog is not kept waiting.
                        self._process_new(source)
                        last_check = time.monotonic()
                    if ahead is not None:
                        keys, (fetched, rest), started = ahead.keys, ahead.result(), ahead.started
                    else:
                        keys, started = self._take(), time.monotonic()
                        fetched, rest = fetch_bounded(source, self.folder, keys, self.s.batch_bytes)
                    keys = self._put_back(keys, rest)
                    # The next batch comes in over the network while this one is detected.
                    ahead = _Prefetch(source, self.folder, self._take(), self.where,
                                      self.s.batch_bytes) if self._queue else None
                    self._handle(keys, fetched, started)
                    if not self._renew():
                        return
                    self._note(backlog=len(self._queue) + (len(ahead.keys) if ahead is not None else 0))
                if s.stop.is_set():
                    return
                self._note(backlog=0)
                self._follow_up(source)
                if self.once:
                    return
                if source.wait(self.folder, max(0.5, s.lease_ttl / 3)):
                    self._process_new(source)
                    last_check = time.monotonic()
                if not self._renew():
                    return
        finally:
            if ahead is not None:
                ahead.wait()  # never hand a connection in use back to be closed

    def _follow_up(self, source: MailSource) -> None:
        if self.s.follow_up is None or self.s.dry_run or not self.follows_up:
            return
        try:
            self.s.follow_up(source)
        except MailboxError:
            raise  # the connection is gone: reconnect like any other loss
        except Exception as exc:  # drafting trouble must not stop the watching
            log.warning("%s: follow-up (drafts, sent mail) failed: %s", self.where, _one_line(exc))

    def _check_validity(self, validity: int | None) -> None:
        self._validity = validity
        self._high = 0
        if validity is None or self.s.dry_run or self.s.ledger is None:
            return
        cursor = self.s.ledger.cursor(self.account, self.folder)
        if cursor is not None and cursor.uidvalidity is not None and cursor.uidvalidity != validity:
            log.warning("%s: UIDVALIDITY changed (%s -> %s): the folder was recreated; rescanning, mail "
                        "seen before is recognised and not flagged again", self.where, cursor.uidvalidity, validity)
            self.s.ledger.reset_folder(self.account, self.folder, validity)

    def _renew(self) -> bool:
        if self.s.dry_run or self.s.ledger is None:
            return True
        if self._lease():
            return True
        log.warning("%s: lost the folder lease to another process; standing by", self.where)
        return False

    def _known(self, keys: list[str]) -> set[str]:
        """Keys not to list again: done or queued in this run, or already in the ledger."""
        local = {k for k in keys if k in self._done or k in self._queued}
        rest = [k for k in keys if k not in local]
        if rest and self.s.ledger is not None:
            local |= self.s.ledger.known_keys(self.account, self.folder, rest)
        return local

    def _enqueue(self, keys: Iterable[str]) -> None:
        for key in keys:
            if key not in self._queued and key not in self._done:
                self._queue.append(key)
                self._queued.add(key)
                uid = _uid(key)
                if uid is not None and uid > self._high:
                    self._high = uid

    def _process_new(self, source: MailSource) -> None:
        keys = source.pending(self.folder, self._high, self._known)
        if not keys:
            return
        if self._validity is not None and any(not k.startswith(f"{self._validity}:") for k in keys):
            raise MailboxError(f"folder {self.where} was recreated (UIDVALIDITY changed); starting over")
        for key in keys:
            uid = _uid(key)
            if uid is not None and uid > self._high:
                self._high = uid
        todo = list(keys)
        while todo:
            if self.s.stop.is_set():
                return
            batch, todo = todo[: self.s.batch_size], todo[self.s.batch_size:]
            started = time.monotonic()
            fetched, rest = fetch_bounded(source, self.folder, batch, self.s.batch_bytes)
            todo = rest + todo
            self._handle([k for k in batch if k not in set(rest)], fetched, started)

    def _take(self) -> list[str]:
        """The next backlog batch off the queue. Its keys stay in `_queued` until they are done, so
        a look for new mail meanwhile (Maildir lists every key) does not list them again."""
        return [self._queue.popleft() for _ in range(min(self.s.batch_size, len(self._queue)))]

    def _put_back(self, keys: list[str], rest: list[str]) -> list[str]:
        """Keys a batch bounded by bytes did not reach go back to the front of the queue (they stay
        in `_queued`); the keys of the batch itself are returned."""
        if not rest:
            return keys
        self._queue.extendleft(reversed(rest))
        left = set(rest)
        return [k for k in keys if k not in left]

    def _handle(self, keys: list[str], fetched: list[FetchedMessage], started: float) -> None:
        """Detect a fetched batch, record it in one transaction, then report each message."""
        s = self.s
        with s.check_lock:
            if s.refresh is not None:
                s.refresh()
            if not s.dry_run:
                # What the VA taught since the last batch, this worker's or another's: one small
                # query of the version counters, a reload only of the clients that changed.
                s.checker.use_learned(learned_knowledge(s.ledger))
            # A stop during detection ends the batch early: what was detected is recorded, the
            # rest stays unprocessed and is fetched again next time.
            outcomes = list(s.checker.check_many([(f"{self.where}/{m.key}", m.raw) for m in fetched], stop=s.stop))
        fetched = fetched[: len(outcomes)]
        incomings = [
            IncomingMessage(
                account=self.account, folder=self.folder, key=message.key, uid=message.uid,
                uidvalidity=message.uidvalidity, parsed=out.parsed, result=out.result,
                agreement=out.agreement, content_hash=hashlib.sha256(message.raw).hexdigest(),
            )
            for message, out in zip(fetched, outcomes)
        ]
        # The whole batch in one transaction, even when a stop came in meanwhile: it is detected
        # already and takes milliseconds to store. A lone new message is a batch of its own.
        recorded = [None] * len(incomings) if s.dry_run else s.ledger.record_many(incomings)
        for message, out, incoming, outcome in zip(fetched, outcomes, incomings, recorded):
            self._done.add(message.key)
            result = out.result
            if outcome is None or not outcome.duplicate:
                s.metrics.message(self.account, self.folder, result.verdict, result.findings, time.monotonic() - started)
            log.info(
                "%s %s: %s%s%s", self.where, message.key, result.verdict,
                f" ({result.client}, {len(result.findings)} request{'s' if len(result.findings) != 1 else ''})"
                if result.client else "",
                " (seen before)" if outcome is not None and outcome.duplicate else "",
            )
            if outcome is not None and not outcome.duplicate and out.parsed is not None and s.on_stored is not None:
                try:
                    s.on_stored(incoming, self.where)
                except Exception as exc:  # the message is stored; linking it is a bonus
                    log.warning("%s %s: linking to earlier drafts failed: %s", self.where, message.key, _one_line(exc))
            if s.on_message is not None:
                s.on_message(Processed(self.account, self.folder, message.key, incoming, outcome))
        self._queued.difference_update(keys)  # a vanished one may be listed again, as before


def fetch_bounded(source: MailSource, folder: str, keys: list[str], max_bytes: int) -> tuple[list[FetchedMessage], list[str]]:
    """The messages of `keys` in order until they add up to `max_bytes` (at least one), and the
    keys not reached: a batch of large mails ends early instead of filling the memory."""
    fetched: list[FetchedMessage] = []
    total = 0
    messages = source.fetch(folder, keys)
    try:
        for message in messages:
            fetched.append(message)
            total += len(message.raw)
            if total >= max_bytes:
                break
    finally:
        close = getattr(messages, "close", None)
        if close is not None:
            close()  # between two commands: the connection is ready for the next
    if not fetched or total < max_bytes:
        return fetched, []
    last = keys.index(fetched[-1].key) if fetched[-1].key in keys else len(keys) - 1
    return fetched, keys[last + 1:]


class _Prefetch:
    """One batch fetched in a helper thread while the watcher's thread detects the batch before it.
    The source is never used by two threads at once: the watcher waits for this before its next
    call on the source, and before the connection is closed."""

    def __init__(self, source: MailSource, folder: str, keys: list[str], where: str, max_bytes: int):
        self.keys, self.started, self.max_bytes = keys, time.monotonic(), max_bytes
        self._result: tuple[list[FetchedMessage], list[str]] = ([], [])
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._run, args=(source, folder), name=f"fetch {where}", daemon=True)
        self._thread.start()

    def _run(self, source: MailSource, folder: str) -> None:
        try:
            self._result = fetch_bounded(source, folder, self.keys, self.max_bytes)
        except BaseException as exc:  # noqa: BLE001 - raised again in the watcher's thread
            self._error = exc

    def wait(self) -> None:
        self._thread.join()

    def result(self) -> tuple[list[FetchedMessage], list[str]]:
        """The fetched messages and the keys the byte bound left for later; the fetch's error (a
        lost connection) is raised here."""
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self._result


def _one_line(exc: BaseException) -> str:
    return (" ".join(str(exc).split()) or type(exc).__name__)[:300]


def _uid(key: str) -> int | None:
    head, sep, tail = key.partition(":")
    return int(tail) if sep and tail.isdigit() and head.isdigit() else None

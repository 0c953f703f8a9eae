"""The watcher's batching against an in-memory mail source and a real SQLite ledger: each fetched
batch is one ledger transaction, the next batch is fetched while one is detected without the source
ever serving two threads at once, and a connection lost mid-prefetch loses and repeats nothing."""

from __future__ import annotations

import threading
import time

from scopewatch.config import MailboxConfig
from scopewatch.detect.checker import CheckOutcome
from scopewatch.detect.findings import CheckResult
from scopewatch.errors import MailboxError
from scopewatch.ingest.base import FetchedMessage, FolderState, unknown_keys
from scopewatch.service.watcher import FolderWatcher, Shared
from scopewatch.store.ledger import Ledger
from tests.test_store_batch import counts

VALIDITY = 5


class FakeSource:
    """A folder of `n` messages whose calls take a little while, like a server; it notes any call
    made while another thread is inside one."""

    supports_idle = False

    def __init__(self, n: int, *, fail_on_fetch: int | None = None, log: list | None = None,
                 fetch_delay: float = 0.005):
        self.account = "work"
        self.uids = list(range(1, n + 1))
        self.fail_on_fetch = fail_on_fetch
        self.fetches = log if log is not None else []
        self.overlaps = 0
        self.fetch_delay = fetch_delay
        self._busy = threading.Lock()

    def _enter(self, delay: float = 0.005) -> None:
        if not self._busy.acquire(blocking=False):
            self.overlaps += 1
            self._busy.acquire()
        time.sleep(delay)

    def connect(self) -> None:
        pass

    def close(self) -> None:
        pass

    def folder_state(self, folder: str) -> FolderState:
        return FolderState(VALIDITY, len(self.uids) + 1, len(self.uids))

    def pending(self, folder, above_uid, known_keys):
        self._enter()
        try:
            return unknown_keys([f"{VALIDITY}:{u}" for u in self.uids if u > above_uid], known_keys)
        finally:
            self._busy.release()

    def fetch(self, folder, keys):
        self._enter(self.fetch_delay)
        try:
            self.fetches.append(list(keys))
            if self.fail_on_fetch is not None and len(self.fetches) == self.fail_on_fetch:
                raise MailboxError("connection lost to mailbox 'work' while fetching: EOF")
            msgs = [
                FetchedMessage("work", folder, k, int(k.split(":")[1]), VALIDITY, f"mail {k}".encode())
                for k in keys
            ]
        finally:
            self._busy.release()
        yield from msgs

    def wait(self, folder, timeout):
        return False

    def append_draft(self, raw):
        return None


class FakeChecker:
    """Every mail a plain no-request message with its own Message-ID; slow enough for overlap."""

    def use_learned(self, knowledge):
        self.learned = knowledge  # the service hands over the ledger's learned knowledge per batch

    def check_many(self, items, stop=None):
        for source, raw in items:
            time.sleep(0.003)
            key = source.rsplit("/", 1)[1]
            result = CheckResult(source=source, message_id=f"<{key}@client.example>", client=None,
                                 language="en", verdict="no_request")
            yield CheckOutcome(None, result, None)


def run_once(ledger: Ledger, sources: list[FakeSource], batch_size: int = 20) -> tuple[FolderWatcher, list]:
    box = MailboxConfig(name="work")
    calls: list[int] = []
    real = ledger.record_many

    def spy(msgs):
        calls.append(len(msgs))
        return real(msgs)

    ledger.record_many = spy  # type: ignore[method-assign]
    shared = Shared(checker=FakeChecker(), ledger=ledger, stop=threading.Event(), holder="test",
                    batch_size=batch_size, backoff_initial=0.01, backoff_max=0.01)
    made = iter(sources)
    watcher = FolderWatcher(box, "INBOX", shared, once=True, source_factory=lambda: next(made))
    watcher.run()
    return watcher, calls


def test_each_fetched_batch_is_one_transaction_and_the_source_serves_one_thread(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        # Fetching is slower than detecting here, so the watcher's looks for new mail (every
        # 0.5 s) fall while a prefetch is on the wire.
        source = FakeSource(250, fetch_delay=0.1)
        watcher, calls = run_once(ledger, [source])
        assert watcher.error is None
        assert source.overlaps == 0, "the prefetch and the watcher used the source at the same time"
        assert calls == [20] * 12 + [10]  # one record_many per fetched batch, in order
        assert [k for batch in source.fetches for k in batch] == [f"{VALIDITY}:{u}" for u in range(1, 251)]
        assert counts(ledger) == {"messages": 250, "findings": 0, "events": 0, "keys": 250}
        assert ledger.cursor("work", "INBOX").last_uid == 250
    finally:
        ledger.close()


def test_a_connection_lost_during_a_prefetch_loses_and_repeats_nothing(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        log: list = []
        # The third fetch is a prefetch (the first batch is fetched directly, the second ahead).
        first, second = FakeSource(100, fail_on_fetch=3, log=log), FakeSource(100, log=log)
        watcher, calls = run_once(ledger, [first, second])
        assert watcher.error is None
        assert first.overlaps == second.overlaps == 0
        # Batches 1 and 2 were stored before the loss; after reconnecting only the rest is fetched.
        assert calls[:2] == [20, 20] and sum(calls) == 100
        after = [k for batch in log[3:] for k in batch]
        assert after == [f"{VALIDITY}:{u}" for u in range(41, 101)]
        assert counts(ledger) == {"messages": 100, "findings": 0, "events": 0, "keys": 100}
    finally:
        ledger.close()


def test_a_lone_new_message_is_its_own_batch(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        _w, calls = run_once(ledger, [FakeSource(1)])
        assert calls == [1]
        assert counts(ledger)["messages"] == 1
    finally:
        ledger.close()


class _DropsAfterOneFetch(FakeSource):
    """Connects, serves one wait, then the connection drops: a server restarted again and again."""

    def __init__(self, n: int, stop: threading.Event, sessions: list):
        super().__init__(n)
        self.stop, self.sessions = stop, sessions

    def wait(self, folder, timeout):
        self.sessions.append(time.monotonic())
        if len(self.sessions) >= 7:
            self.stop.set()
            return False
        raise MailboxError("connection lost to mailbox 'work': server restarted")


def test_every_reconnect_after_a_working_session_waits_only_the_first_delay(tmp_path, monkeypatch):
    """Seven losses in a row, each after a good fetch: each retry waits the first step, not twice
    the one before (the probe saw 1.0, 1.5, 3.3, 6.2, 14, 22, 63 s)."""
    import scopewatch.service.watcher as watcher_mod

    delays: list[float] = []
    real = watcher_mod.Backoff.next_delay

    def spy(self):
        d = real(self)
        delays.append(d)
        return d

    monkeypatch.setattr(watcher_mod.Backoff, "next_delay", spy)
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'ledger.db'}")
    try:
        stop, sessions = threading.Event(), []
        shared = Shared(checker=FakeChecker(), ledger=ledger, stop=stop, holder="test",
                        backoff_initial=0.05, backoff_max=10.0)
        watcher = FolderWatcher(MailboxConfig(name="work"), "INBOX", shared,
                                source_factory=lambda: _DropsAfterOneFetch(3, stop, sessions))
        watcher.run()
        assert len(sessions) == 7 and len(delays) == 6
        assert all(d <= 0.05 for d in delays), delays  # never past the first step
        assert counts(ledger)["messages"] == 3
    finally:
        ledger.close()

"""Two workers, each with its own connection pool, race to record the same 50 messages: the
database's unique constraints decide, and every message ends up stored exactly once."""

from __future__ import annotations

import threading
from typing import Callable, Iterable

from sqlalchemy import func, select

from scopewatch.store.ledger import Ledger
from scopewatch.store.models import Event, Finding, Message, ProcessedKey
from tests.test_store_ledger import make_finding, make_message

N = 50


def race(url: str, work: list[list], record: Callable[[Ledger, object], Iterable]) -> list[list]:
    """One worker thread per list of work items, each with its own pool, all starting at once;
    `record` stores one item and returns its outcomes. Returns each worker's outcomes."""
    ledgers = [Ledger.open(url) for _ in work]
    results: list[list] = [[] for _ in work]
    errors: list[BaseException] = []
    start = threading.Barrier(len(work))

    def run(i: int) -> None:
        try:
            start.wait()
            for item in work[i]:
                results[i].extend(record(ledgers[i], item))
        except BaseException as exc:  # noqa: BLE001 - reported by the main thread
            errors.append(exc)

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(work))]
    for t in threads:
        t.start()
    for t in threads:
        t.join(120)
    for led in ledgers:
        led.close()
    assert not errors, errors
    return results


def _race(url: str, batches: list[list]) -> list[list]:
    """Each worker records its messages one by one with `record`."""
    return race(url, batches, lambda led, msg: [led.record(msg)])


def _counts(url: str) -> dict[str, int]:
    led = Ledger.open(url)
    try:
        with led._session() as s:
            return {
                "messages": s.scalar(select(func.count()).select_from(Message)),
                "findings": s.scalar(select(func.count()).select_from(Finding)),
                "events": s.scalar(select(func.count()).select_from(Event)),
                "keys": s.scalar(select(func.count()).select_from(ProcessedKey)),
            }
    finally:
        led.close()


def _messages(prefix: str, folder: str = "INBOX", uidvalidity: int = 7):
    return [
        make_message(
            f"{uidvalidity}:{i}",
            folder=folder,
            uidvalidity=uidvalidity,
            message_id=f"<race-{i}@acme.example>",
            findings=[make_finding(evidence=f"{prefix} request {i}?")],
        )
        for i in range(1, N + 1)
    ]


def test_two_workers_same_keys_store_each_message_once(ledger_url):
    Ledger.open(ledger_url).close()  # migrate once, as the daemon does at start
    a, b = _messages("a"), _messages("a")
    b.reverse()  # meet in the middle: both sides collide on every message
    results = _race(ledger_url, [a, b])
    stored = [o for worker in results for o in worker if not o.duplicate]
    assert len(stored) == N
    assert sorted(o.message_pk for o in stored) == sorted({o.message_pk for o in stored})
    assert all(len(o.finding_ids) == 1 for o in stored)
    assert _counts(ledger_url) == {"messages": N, "findings": N, "events": N, "keys": N}


def test_two_workers_same_mail_in_two_folders_store_it_once(ledger_url):
    Ledger.open(ledger_url).close()
    inbox = _messages("inbox", folder="INBOX", uidvalidity=7)
    copies = _messages("copy", folder="Clients", uidvalidity=3)
    results = _race(ledger_url, [inbox, copies])
    stored = [o for worker in results for o in worker if not o.duplicate]
    assert len(stored) == N
    # both folders' keys count as processed, so neither is fetched again
    assert _counts(ledger_url) == {"messages": N, "findings": N, "events": N, "keys": 2 * N}
    led = Ledger.open(ledger_url)
    try:
        assert len(led.known_keys("work", "INBOX", [m.key for m in inbox])) == N
        assert len(led.known_keys("work", "Clients", [m.key for m in copies])) == N
    finally:
        led.close()


def test_two_workers_opening_a_fresh_database_at_once_migrate_once(ledger_url):
    ledgers: list[Ledger] = []
    errors: list[BaseException] = []
    start = threading.Barrier(2)

    def open_it() -> None:
        try:
            start.wait()
            ledgers.append(Ledger.open(ledger_url))
        except BaseException as exc:  # noqa: BLE001
            errors.append(exc)

    threads = [threading.Thread(target=open_it) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors, errors
    assert not ledgers[0].record(make_message("7:1")).duplicate
    assert ledgers[1].record(make_message("7:1")).duplicate
    for led in ledgers:
        led.close()

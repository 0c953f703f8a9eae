"""`Ledger.record_many` on SQLite and PostgreSQL: a batch is one transaction, yet each message keeps
the duplicate rules of `record` (inside the batch, across batches, against another worker racing
with its own batches), an unreadable message holds nothing back, and a crash loses only the batch."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from scopewatch.detect.findings import CheckResult
from scopewatch.store.ledger import IncomingMessage, Ledger
from scopewatch.store.models import Event, Finding, Message, ProcessedKey
from tests.test_store_concurrency import race
from tests.test_store_ledger import make_agreement, make_finding, make_message


@pytest.fixture
def ledger(ledger_url):
    led = Ledger.open(ledger_url)
    yield led
    led.close()


def counts(led: Ledger) -> dict[str, int]:
    with led._session() as s:
        return {
            name: s.scalar(select(func.count()).select_from(model))
            for name, model in (("messages", Message), ("findings", Finding), ("events", Event), ("keys", ProcessedKey))
        }


def unreadable(key: str, uid: int) -> IncomingMessage:
    result = CheckResult(source=f"work/INBOX/{key}", message_id=None, client=None, language=None,
                         verdict="error", error="not an e-mail message")
    return IncomingMessage("work", "INBOX", key, uid, 7, None, result, None, content_hash=f"{uid:064x}")


def test_a_batch_stores_every_message_with_findings_events_keys_and_one_cursor_move(ledger):
    agreement = make_agreement()
    msgs = [
        make_message("7:1", agreement=agreement, findings=[make_finding(), make_finding("in_scope", item="report",
                                                                                         evidence="The report?")]),
        make_message("7:2", agreement=agreement, findings=[]),
        make_message("7:3", agreement=agreement, findings=[make_finding(evidence="And a logo?")]),
    ]
    outs = ledger.record_many(msgs)
    assert [o.duplicate for o in outs] == [False, False, False]
    assert [len(o.finding_ids) for o in outs] == [2, 0, 1]
    assert len({o.message_pk for o in outs}) == 3
    stored = ledger.findings()
    assert [f.id for f in stored] == outs[0].finding_ids + outs[2].finding_ids
    assert [f.evidence for f in stored] == [
        "Could you also build us a website?", "The report?", "And a logo?",
    ]
    assert {f.message.key for f in stored} == {"7:1", "7:3"}
    assert all(f.agreement_hash == agreement.content_hash and f.status == "new" for f in stored)
    assert ledger.finding(outs[2].finding_ids[0]).message_pk == outs[2].message_pk
    assert [(e.to_status, e.who) for e in ledger.events(outs[2].finding_ids[0])] == [("new", "scopewatch")]
    assert ledger.cursor("work", "INBOX").last_uid == 3
    assert ledger.known_keys("work", "INBOX", ["7:1", "7:2", "7:3", "7:4"]) == {"7:1", "7:2", "7:3"}
    assert counts(ledger) == {"messages": 3, "findings": 3, "events": 3, "keys": 3}
    assert ledger.record_many([]) == []


def test_duplicates_inside_one_batch_are_stored_once(ledger):
    msgs = [
        make_message("7:1"),
        make_message("7:1"),  # the same key handed over twice
        make_message("7:2", message_id="<7:1@acme.example>"),  # same Message-ID, another key
        make_message("7:3", message_id=None, body="Can you make a flyer?"),
        make_message("7:4", message_id=None, body="Can you make a flyer?"),  # same content, no Message-ID
        make_message("7:5"),
    ]
    outs = ledger.record_many(msgs)
    assert [o.duplicate for o in outs] == [False, True, True, False, True, False]
    assert outs[1].message_pk == outs[2].message_pk == outs[0].message_pk
    assert outs[4].message_pk == outs[3].message_pk
    assert all(o.finding_ids == [] for o in outs if o.duplicate)
    assert counts(ledger) == {"messages": 3, "findings": 3, "events": 3, "keys": 5}
    # every key counts as processed, so none of them is fetched again
    assert ledger.known_keys("work", "INBOX", [f"7:{i}" for i in range(1, 6)]) == {f"7:{i}" for i in range(1, 6)}
    assert ledger.cursor("work", "INBOX").last_uid == 5


def test_duplicates_across_batches_and_against_single_records(ledger):
    first = ledger.record_many([make_message("7:1"), make_message("7:2")])
    single = ledger.record(make_message("7:3"))
    outs = ledger.record_many([
        make_message("7:2"),  # key seen in the first batch
        make_message("7:4"),  # new
        make_message("7:5", message_id="<7:3@acme.example>"),  # Message-ID stored by record()
        make_message("7:1"),
    ])
    assert [o.duplicate for o in outs] == [True, False, True, True]
    assert outs[0].message_pk == first[1].message_pk and outs[3].message_pk == first[0].message_pk
    assert outs[2].message_pk == single.message_pk
    assert ledger.record(make_message("7:4")).duplicate
    assert counts(ledger) == {"messages": 4, "findings": 4, "events": 4, "keys": 5}
    assert ledger.cursor("work", "INBOX").last_uid == 5


def test_an_unreadable_message_does_not_hold_the_batch_back(ledger):
    outs = ledger.record_many([make_message("7:1"), unreadable("7:2", 2), make_message("7:3")])
    assert [o.duplicate for o in outs] == [False, False, False]
    assert outs[1].finding_ids == [] and outs[1].message_pk is not None
    assert len(ledger.findings()) == 2
    assert ledger.cursor("work", "INBOX").last_uid == 3
    again = ledger.record_many([unreadable("7:2", 2), make_message("7:4")])
    assert [o.duplicate for o in again] == [True, False]
    assert counts(ledger)["messages"] == 4


def test_a_batch_from_an_old_uidvalidity_does_not_move_the_cursor(ledger):
    ledger.record_many([make_message("7:10")])
    ledger.reset_folder("work", "INBOX", 9)
    ledger.record_many([make_message("7:11"), make_message("7:12")])  # late arrivals from before the reset
    assert ledger.cursor("work", "INBOX").last_uid is None
    ledger.record_many([make_message("9:1", uidvalidity=9), make_message("9:2", uidvalidity=9)])
    cur = ledger.cursor("work", "INBOX")
    assert (cur.uidvalidity, cur.last_uid) == (9, 2)


def test_a_batch_over_two_folders_and_a_maildir(ledger):
    outs = ledger.record_many([
        make_message("7:4", folder="INBOX"),
        make_message("3:8", folder="Clients", uidvalidity=3),
        make_message("1700000000.M1P2.host", folder="", uidvalidity=None),
    ])
    assert not any(o.duplicate for o in outs)
    assert ledger.cursor("work", "INBOX").last_uid == 4
    assert ledger.cursor("work", "Clients").last_uid == 8
    assert ledger.cursor("work", "") is None
    assert ledger.known_keys("work", "", ["1700000000.M1P2.host"]) == {"1700000000.M1P2.host"}


def test_a_crash_mid_batch_loses_the_batch_only_and_the_retry_stores_it_once(ledger, monkeypatch):
    ledger.record_many([make_message("7:1")])
    batch = [make_message(f"7:{uid}", agreement=make_agreement()) for uid in (2, 3, 4)]
    real = Ledger._mark_processed

    def crash(self, *args):
        real(self, *args)  # messages, findings, events and keys are written ...
        raise RuntimeError("power cut")  # ... but the transaction never commits

    monkeypatch.setattr(Ledger, "_mark_processed", crash)
    with pytest.raises(RuntimeError):
        ledger.record_many(batch)
    assert counts(ledger) == {"messages": 1, "findings": 1, "events": 1, "keys": 1}
    assert ledger.cursor("work", "INBOX").last_uid == 1
    assert ledger.known_keys("work", "INBOX", ["7:2", "7:3", "7:4"]) == set()

    monkeypatch.setattr(Ledger, "_mark_processed", real)
    outs = ledger.record_many(batch)  # the restart fetches the batch again
    assert not any(o.duplicate for o in outs)
    assert counts(ledger) == {"messages": 4, "findings": 4, "events": 4, "keys": 4}
    assert ledger.cursor("work", "INBOX").last_uid == 4
    # the agreement version the rolled-back batch inserted is not remembered as stored
    assert ledger.finding(outs[0].finding_ids[0]).agreement_hash == batch[0].agreement.content_hash


# --- two workers ------------------------------------------------------------------------------

N = 60


def _messages(folder: str = "INBOX", uidvalidity: int = 7) -> list[IncomingMessage]:
    return [
        make_message(f"{uidvalidity}:{i}", folder=folder, uidvalidity=uidvalidity,
                     message_id=f"<race-{i}@acme.example>", findings=[make_finding(evidence=f"request {i}?")])
        for i in range(1, N + 1)
    ]


def _race(url: str, work: list[list[list[IncomingMessage]]]) -> list[list]:
    """Each worker records its batches with `record_many`."""
    return race(url, work, lambda led, batch: led.record_many(batch))


def _batches(msgs: list, size: int) -> list[list]:
    return [msgs[i : i + size] for i in range(0, len(msgs), size)]


def test_two_workers_racing_with_batches_store_each_message_once(ledger_url):
    Ledger.open(ledger_url).close()  # migrate once, as the daemon does at start
    a, b = _messages(), _messages()
    b.reverse()  # meet in the middle: the batches overlap in every combination
    results = _race(ledger_url, [_batches(a, 7), _batches(b, 11)])
    stored = [o for worker in results for o in worker if not o.duplicate]
    assert len(stored) == N
    assert len({o.message_pk for o in stored}) == N
    assert all(len(o.finding_ids) == 1 for o in stored)
    led = Ledger.open(ledger_url)
    try:
        assert counts(led) == {"messages": N, "findings": N, "events": N, "keys": N}
        assert led.cursor("work", "INBOX").last_uid == N
    finally:
        led.close()


def test_two_workers_racing_with_the_same_mail_in_two_folders(ledger_url):
    Ledger.open(ledger_url).close()
    inbox, copies = _messages("INBOX", 7), _messages("Clients", 3)
    results = _race(ledger_url, [_batches(inbox, 10), _batches(copies, 10)])
    assert len([o for worker in results for o in worker if not o.duplicate]) == N
    led = Ledger.open(ledger_url)
    try:
        assert counts(led) == {"messages": N, "findings": N, "events": N, "keys": 2 * N}
        assert len(led.known_keys("work", "Clients", [m.key for m in copies])) == N
    finally:
        led.close()


def test_a_conflict_with_a_concurrent_commit_falls_back_to_one_by_one(pg_url, monkeypatch):
    """PostgreSQL lets two transactions write at once: worker B commits part of A's batch after A
    looked for duplicates. A's batch insert then conflicts and rolls back, and A records its
    messages one by one, storing the rest and reporting B's as duplicates. (SQLite cannot get here:
    a recording transaction holds its single write lock from the first look to the commit.)"""
    a, b = Ledger.open(pg_url), Ledger.open(pg_url)
    try:
        batch = _messages()[:6]
        real = Ledger._allocate_ids
        interfered = []

        def other_worker_commits_first(self, conn, table, n):
            if self is a and not interfered:
                interfered.append(b.record_many([batch[1], batch[4]]))
            return real(self, conn, table, n)

        monkeypatch.setattr(Ledger, "_allocate_ids", other_worker_commits_first)
        outs = a.record_many(batch)
        assert interfered and not any(o.duplicate for o in interfered[0])
        assert [o.duplicate for o in outs] == [False, True, False, False, True, False]
        assert outs[1].message_pk == interfered[0][0].message_pk
        assert counts(a) == {"messages": 6, "findings": 6, "events": 6, "keys": 6}
        assert a.cursor("work", "INBOX").last_uid == 6
    finally:
        a.close()
        b.close()

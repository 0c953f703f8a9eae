"""The check pipeline with learned knowledge: 1,000 learned entries per client.

Entries are made of the work words of the labelled corpus's own requests (so they share words
with the mail checked, the costly case) mixed with invented ones, half of them phrases, a quarter
cues and a quarter kinds of work. Prints messages/s (median of several runs, one core) without and
with the knowledge and their ratio, and the per-batch cost of asking the ledger whether anything
changed (`store.learned.knowledge` on a SQLite ledger holding all the entries).
Usage: python bench/learned_speed.py [--runs 5] [--entries 1000]
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scopewatch.detect.checker import Checker  # noqa: E402
from scopewatch.detect.learned import CUE, PHRASE, WORK_KIND, ClientKnowledge, LearnedEntry  # noqa: E402
from scopewatch.workspace import open_workspace  # noqa: E402


def _rate(checker: Checker, items, runs: int) -> float:
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        for _ in checker.check_many(items):
            pass
        rates.append(len(items) / (time.perf_counter() - t))
    return statistics.median(rates)


def make_entries(vocabulary: list[str], kinds: list[str], items: list[str], n: int, rng: random.Random) -> list[LearnedEntry]:
    out = []
    states = [("out_of_scope", "new_work"), ("check", "new_work"), ("in_scope", None), ("out_of_scope", "excluded")]
    for i in range(n):
        kind = PHRASE if i % 4 < 2 else (CUE if i % 4 == 2 else WORK_KIND)
        words = rng.sample(kinds, min(len(kinds), 1)) if kind == WORK_KIND else \
            rng.sample(vocabulary, rng.randint(2, 6)) + [f"invented{i}"]
        outcome = {PHRASE: rng.choice(["in_scope", "out_of_scope"]), CUE: "not_a_request", WORK_KIND: "in_scope"}[kind]
        out.append(LearnedEntry(
            id=i + 1, kind=kind, outcome=outcome, words=frozenset(words), source_state=rng.choice(states),
            source_items=frozenset(rng.sample(items, 1)), category="new_work" if outcome == "out_of_scope" else None,
            scope_item=rng.choice(items), finding_id=i + 1, decided_on=datetime(2026, 11, 3, tzinfo=timezone.utc),
            decision="dismiss_in_scope"))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--entries", type=int, default=1000)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core
    labelled = REPO / "tests" / "labelled"
    mails = [(str(p), p.read_bytes()) for p in sorted((labelled / "mail").rglob("*.eml"))]
    ws = open_workspace(labelled)
    checker = Checker(ws)
    checker.warm_up()
    # The corpus's own work words and kinds, as detection sees them.
    vocabulary: dict[str, set[str]] = {}
    kinds: dict[str, set[str]] = {}
    for out in checker.check_many(mails):
        if out.result.client:
            for f in out.result.findings:
                vocabulary.setdefault(out.result.client, set()).update(f.work_words)
                kinds.setdefault(out.result.client, set()).update(f.work_kinds)
    rng = random.Random(9)
    knowledge = {}
    for client, agreement in ws.agreements.items():
        items = [i.id for i in agreement.items()]
        entries = make_entries(sorted(vocabulary.get(client, {"work"})), sorted(kinds.get(client, {"EN_WORK_X"})),
                               items, args.entries, rng)
        knowledge[client] = ClientKnowledge(client, tuple(entries), version=1)

    checker.use_learned({})
    plain = _rate(checker, mails, args.runs)
    checker.use_learned(knowledge)
    taught = _rate(checker, mails, args.runs)
    decided = sum(1 for out in checker.check_many(mails) for f in out.result.findings if f.learned)
    print(f"labelled corpus: {len(mails)} mails, {len(knowledge)} clients")
    print(f"  check pipeline without learned knowledge: median {plain:,.0f} msgs/s")
    print(f"  with {args.entries:,} learned entries per client: median {taught:,.0f} msgs/s "
          f"(ratio {taught / plain:.2f}; {decided} requests decided by an entry)")

    # The per-batch freshness check a worker makes against the ledger.
    from scopewatch.store.learned import knowledge as load
    from scopewatch.store.ledger import Ledger
    from scopewatch.store.models import Client, Learned, LearnedState

    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger.open(f"sqlite:///{tmp}/bench.db")
        with ledger._session(write=True) as s:
            for client, k in knowledge.items():
                s.add(Client(id=client, name=client))
                s.add(LearnedState(client_id=client, version=1))
                s.flush()
                s.add_all(Learned(client_id=client, kind=e.kind, outcome=e.outcome, category=e.category,
                                  scope_item=e.scope_item, words=sorted(e.words), source_verdict=e.source_state[0],
                                  source_category=e.source_state[1], source_items=sorted(e.source_items),
                                  language="en", decision=e.decision, finding_id=e.finding_id, decided_on=e.decided_on,
                                  evidence="", who="bench", uses=0) for e in k.entries)
        t = time.perf_counter()
        load(ledger)
        first = time.perf_counter() - t
        checks = []
        for _ in range(50):
            t = time.perf_counter()
            load(ledger)
            checks.append(time.perf_counter() - t)
        ledger.close()
    print(f"ledger with {args.entries * len(knowledge):,} entries: first load {first * 1000:.0f} ms, "
          f"then per batch (nothing changed) median {statistics.median(checks) * 1000:.2f} ms")


if __name__ == "__main__":
    main()

"""Ledger speed: how long recording one message (2 findings, one transaction) takes, alone and in
batches (`record_many`, one transaction per batch), how fast duplicates are recognised, and how long
known_keys and the review queries take.

Run: .venv/bin/python bench/ledger_record.py [--database URL] [--messages 2000] [--runs 5] [--batch 50]
Default database: a fresh SQLite file in a temp folder. For PostgreSQL pass an empty database,
e.g. --database postgresql+psycopg://postgres@127.0.0.1:5432/bench (its tables are created).
Prints medians over the runs; each run uses fresh keys and Message-IDs.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.test_store_ledger import make_agreement, make_finding, make_message  # noqa: E402

from scopewatch.store.ledger import Ledger  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--database", default=None)
    ap.add_argument("--messages", type=int, default=2000)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--batch", type=int, default=50, help="messages per record_many call")
    args = ap.parse_args()
    tmp = tempfile.TemporaryDirectory()
    url = args.database or f"sqlite:///{tmp.name}/bench.db"
    ledger = Ledger.open(url)
    agreement = make_agreement()
    record_ms, many_ms, dup_ms, many_dup_ms, keys_ms, flags_ms, report_ms = [], [], [], [], [], [], []

    def messages(uv: int) -> list:
        return [
            make_message(
                f"{uv}:{i}",
                uidvalidity=uv,
                agreement=agreement,
                findings=[make_finding(), make_finding("in_scope", item="instagram-posts", evidence="Post it.")],
            )
            for i in range(1, args.messages + 1)
        ]

    def batches(msgs: list) -> list[list]:
        return [msgs[i : i + args.batch] for i in range(0, len(msgs), args.batch)]

    for run in range(args.runs):
        # Fresh keys and Message-IDs for every run and mode: nothing is a duplicate by accident.
        msgs = messages(1000 + run)
        t = time.perf_counter()
        for m in msgs:
            ledger.record(m)
        record_ms.append((time.perf_counter() - t) * 1000 / len(msgs))
        t = time.perf_counter()
        for m in msgs[:500]:
            ledger.record(m)
        dup_ms.append((time.perf_counter() - t) * 1000 / min(500, len(msgs)))
        many = messages(5000 + run)
        t = time.perf_counter()
        for batch in batches(many):
            ledger.record_many(batch)
        many_ms.append((time.perf_counter() - t) * 1000 / len(many))
        t = time.perf_counter()
        for batch in batches(many):
            ledger.record_many(batch)
        many_dup_ms.append((time.perf_counter() - t) * 1000 / len(many))
        t = time.perf_counter()
        ledger.known_keys("work", "INBOX", [m.key for m in msgs])
        keys_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        n_flags = len(ledger.findings(client="acme", verdict="out_of_scope"))
        flags_ms.append((time.perf_counter() - t) * 1000)
        t = time.perf_counter()
        ledger.ledger_report(agreement)
        report_ms.append((time.perf_counter() - t) * 1000)
    ledger.close()
    med = statistics.median
    print(f"database: {url.split('://')[0]}  messages per run: {args.messages}  runs: {args.runs}")
    print(f"record (new, 2 findings): {med(record_ms):.2f} ms/message  ({1000 / med(record_ms):.0f} messages/s)")
    print(f"record (duplicate):       {med(dup_ms):.2f} ms/message")
    print(f"record_many (new, batches of {args.batch}): {med(many_ms):.2f} ms/message  "
          f"({1000 / med(many_ms):.0f} messages/s)")
    print(f"record_many (duplicates, batches of {args.batch}): {med(many_dup_ms):.3f} ms/message")
    print(f"known_keys({args.messages} keys):   {med(keys_ms):.1f} ms")
    print(f"findings() listing:       {med(flags_ms):.1f} ms (last run: {n_flags} flags)")
    print(f"ledger_report:            {med(report_ms):.1f} ms")


if __name__ == "__main__":
    main()

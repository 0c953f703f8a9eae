"""Latency from an IMAP APPEND on a private Dovecot to the finding committed in the ledger, with the
service waiting in IDLE, and for comparison in polling mode (NOOP every `--poll` seconds).

    .venv/bin/python bench/watch_latency.py              # 30 appends each way
    .venv/bin/python bench/watch_latency.py --appends 10 --poll 5

Prints p50 / p95 / max per mode. Targets with IDLE: p50 <= 0.5 s, p95 <= 2 s. Measured here, about
0.50 s of that is Dovecot itself: it sends the IDLE EXISTS a constant ~0.5 s after the APPEND (it
batches change notifications); fetch, detection and the ledger commit take 10-40 ms after that."""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    k = (len(ordered) - 1) * p
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def finding_count(url: str) -> int:
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return conn.execute(text("select count(*) from finding")).scalar_one()
    except Exception:
        return 0
    finally:
        engine.dispose()


def measure(idle: bool, appends: int, poll: float, checker) -> list[float]:
    from scopewatch.daemon import Service
    from tests.dovecot import DovecotServer
    from tests.test_service_support import EXAMPLES, flagged_mail

    server = DovecotServer(idle=idle)
    server.start()
    base = Path(tempfile.mkdtemp(prefix="scopewatch-latency-"))
    try:
        user, password = server.add_user()
        os.environ["LATENCY_PW"] = password
        ws = base / "ws"
        shutil.copytree(EXAMPLES / "scopes", ws / "scopes")
        (ws / "scopewatch.toml").write_text(f"""
[[mailbox]]
name = "bench"
host = "127.0.0.1"
port = {server.port}
security = "plain"
username = "{user}"
password_env = "LATENCY_PW"
idle = {"true" if idle else "false"}
poll_interval = {poll}
""")
        url = f"sqlite:///{ws / 'scopewatch.db'}"
        checker.workspace = __import__("scopewatch.workspace", fromlist=["open_workspace"]).open_workspace(ws)
        service = Service(ws, checker=checker)
        committed = threading.Event()
        service.on_message = lambda _item: committed.set()  # called right after the ledger commit
        thread = threading.Thread(target=service.run, daemon=True)
        thread.start()
        time.sleep(1.5)  # connected and waiting
        conn = server.imap(user)  # the "mail delivery": one client appending, as an MTA would
        latencies = []
        try:
            for n in range(appends):
                raw = flagged_mail(f"lat{n}")
                committed.clear()
                started = time.perf_counter()
                conn.append("INBOX", None, None, raw)
                if not committed.wait(poll + 30):
                    raise SystemExit(f"append {n} not seen within {poll + 30:.0f} s")
                latencies.append(time.perf_counter() - started)
                time.sleep(0.2 + (n % 5) * 0.1)  # spread arrivals over the poll cycle
        finally:
            conn.logout()
            service.stop.set()
            thread.join(20)
            service.close()
        assert finding_count(url) >= appends, "findings missing from the ledger"
        return latencies
    finally:
        server.cleanup()
        shutil.rmtree(base, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--appends", type=int, default=30)
    parser.add_argument("--poll", type=float, default=60.0, help="poll interval in polling mode (default 60 s, the usual)")
    args = parser.parse_args()
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace
    from tests.test_service_support import EXAMPLES

    checker = Checker(open_workspace(EXAMPLES))
    checker.warm_up()
    modes = [("IDLE", True, args.poll), (f"poll {args.poll:g}s", False, args.poll)]
    for label, idle, poll in modes:
        n = args.appends if idle else max(3, min(args.appends, int(600 / max(poll, 1))))
        lat = measure(idle, n, poll, checker)
        print(f"{label:10s} {len(lat)} appends: p50 {statistics.median(lat):.3f} s, "
              f"p95 {percentile(lat, 0.95):.3f} s, max {max(lat):.3f} s")


if __name__ == "__main__":
    main()

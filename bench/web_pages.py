"""How fast the review page answers: the bundled sample's workspace (36 mails, three agreements,
its findings in an SQLite ledger) served by the real Flask app, each page asked for N times through
its WSGI interface (no network), as the VA's browser would on every click.

    .venv/bin/python bench/web_pages.py               # 30 requests per page
    .venv/bin/python bench/web_pages.py --repeat 100

Prints per page the median and 90th percentile in milliseconds, and the HTML size."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.web_workspace import make_workspace  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=30)
    args = parser.parse_args()
    from scopewatch.store.ledger import Ledger
    from scopewatch.web import create_app

    with tempfile.TemporaryDirectory(prefix="scopewatch-bench-web-") as tmp:
        root = make_workspace(Path(tmp) / "ws")
        ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
        fid = ledger.findings(verdict="out_of_scope")[0].id
        ledger.close()
        app = create_app(root, host="127.0.0.1")
        client = app.test_client()
        local = {"REMOTE_ADDR": "127.0.0.1"}
        pages = {"Today": "/", "Finding": f"/finding/{fid}", "Client": "/client/hughes-house", "Service": "/service"}
        print(f"{'page':<10}{'median ms':>11}{'p90 ms':>9}{'KB':>7}")
        for name, path in pages.items():
            client.get(path, environ_base=local)  # warm: templates compiled once
            times, size = [], 0
            for _ in range(args.repeat):
                start = time.perf_counter()
                response = client.get(path, environ_base=local)
                times.append((time.perf_counter() - start) * 1000)
                assert response.status_code == 200, (path, response.status_code)
                size = len(response.data)
            times.sort()
            p90 = times[int(len(times) * 0.9) - 1]
            print(f"{name:<10}{statistics.median(times):>11.1f}{p90:>9.1f}{size / 1024:>7.1f}")
        app.extensions["scopewatch_close"]()


if __name__ == "__main__":
    main()

"""The chaos figures at larger counts: kill -9 at random points of recording and drafting, Dovecot
restarts under a running service, a hostile rule, agreements of growing size. Same scenarios as
tests/test_chaos.py (tests/chaos.py), run against a private Dovecot on loopback.

    python bench/chaos.py                      # 50 kills, 7 restarts, 20 hostile mails, 4 sizes
    python bench/chaos.py --kills 100 --restarts 15 --only kills,restarts
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests import chaos  # noqa: E402
from tests.dovecot import DovecotServer  # noqa: E402

SCENARIOS = ("kills", "restarts", "hostile", "agreements")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--kills", type=int, default=50)
    ap.add_argument("--per-round", type=int, default=8, help="client mails delivered before each kill")
    ap.add_argument("--restarts", type=int, default=7)
    ap.add_argument("--hostile", type=int, default=20, help="hostile mails for the slow rule")
    ap.add_argument("--sizes", default="5000,20000,58863,100000", help="agreement sizes in terms")
    ap.add_argument("--seed", type=int, default=12)
    ap.add_argument("--only", default=",".join(SCENARIOS))
    args = ap.parse_args()
    only = set(args.only.split(","))
    base = Path(tempfile.mkdtemp(prefix="scopewatch-chaos-"))

    server = None
    if only & {"kills", "restarts", "hostile"}:
        server = DovecotServer(idle=True)
        server.start()
    try:
        if "kills" in only:
            started = time.monotonic()
            k = chaos.kill_rounds(server, base / "kills", kills=args.kills, per_round=args.per_round, seed=args.seed)
            c = k.comparison
            print(f"kill -9: {k.kills} kills ({k.in_ingest} while recording, {k.in_drafting} while drafting) "
                  f"over {c.inbox} mails in {time.monotonic() - started:.0f} s")
            print(f"  lost {c.lost}, duplicated {c.duplicated}, status mismatches {c.status_mismatches}, "
                  f"not drafted {c.not_drafted}; drafts {c.drafts_in_ledger} in the ledger, "
                  f"{c.drafts_in_mailbox} in Drafts (lost {c.drafts_lost}, orphaned {c.drafts_orphaned})")
            print(f"  restart to work resumed: median {statistics.median(k.resumed_seconds):.1f} s, "
                  f"max {max(k.resumed_seconds):.1f} s (the dead process's lease is 60 s)")
        if "restarts" in only:
            r = chaos.dovecot_restarts(server, base / "restarts", restarts=args.restarts)
            c = r.comparison
            print(f"Dovecot restarts: {len(r.pickup_seconds)}; pick-up after each (s): "
                  + ", ".join(f"{s:.1f}" for s in r.pickup_seconds))
            print(f"  median {statistics.median(r.pickup_seconds):.1f} s, max {max(r.pickup_seconds):.1f} s; "
                  f"lost {c.lost}, duplicated {c.duplicated}, status mismatches {c.status_mismatches}; "
                  f"escapes shown clean: {r.escapes_clean}; truncation stored: {r.truncated_stored}")
        if "hostile" in only:
            h = chaos.hostile_rules(server, base / "hostile", hostile=args.hostile)
            print(f"hostile rules: (a+)+$ refused at load: {h.rejected_at_load}; slow rule per hostile mail: "
                  f"median {h.median_detection_seconds:.2f} s, worst {h.worst_detection_seconds:.2f} s")
            print(f"  SIGTERM during detection: exit {h.exit_code} after {h.sigterm_seconds:.2f} s; "
                  f"recorded {h.recorded_good} good, {h.recorded_errors} error verdicts")
    finally:
        if server is not None:
            server.cleanup()
    if "agreements" in only:
        sizes = tuple(int(s) for s in args.sizes.split(","))
        (base / "agreements").mkdir(parents=True, exist_ok=True)
        print("agreement load + term compilation (file to matcher):")
        for terms, size, seconds, cpu in chaos.agreement_load_times(base / "agreements", sizes):
            print(f"  {terms:>7} terms  {size / 1e6:5.2f} MB  {seconds:5.2f} s wall  {cpu:5.2f} s CPU  "
                  f"({cpu / terms * 1e6:.0f} us CPU/term)")


if __name__ == "__main__":
    main()

"""Backlog throughput: a folder of N realistic client mails (2-10 KB: a labelled corpus mail plus the
quoted history a reply carries, each with a new Message-ID) processed end to end by `scan` (fetch,
parse, detect, store in SQLite) on one CPU core, over a private Dovecot and over a Maildir.

    .venv/bin/python bench/backlog.py                 # 5,000 messages, IMAP and Maildir
    .venv/bin/python bench/backlog.py --messages 1000 --source maildir --repeat 3

Prints per source the median messages/s (excluding the one-off start: spaCy and rules loading) and
the peak RSS of the process. Targets: >= 200 messages/s, < 350 MB."""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from email.utils import make_msgid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
LABELLED = REPO / "tests" / "labelled"
sys.path.insert(0, str(REPO))


def corpus() -> list[bytes]:
    return [p.read_bytes() for p in sorted((LABELLED / "mail").rglob("*.eml"))]


def _split(raw: bytes) -> tuple[bytes, bytes]:
    raw = raw.replace(b"\r\n", b"\n")
    head, _, body = raw.partition(b"\n\n")
    return head, body


def realistic(mails: list[bytes], n: int, seed: int = 1) -> list[bytes]:
    """`n` mails cycled from the corpus, each with a new Message-ID and 2-10 KB of quoted history."""
    rng = random.Random(seed)
    out = []
    for i in range(n):
        head, body = _split(mails[i % len(mails)])
        lines = [ln for ln in head.split(b"\n") if not ln.lower().startswith(b"message-id:")]
        head = b"\n".join(lines) + b"\nMessage-ID: " + make_msgid(idstring=f"b{i}", domain="bench.example").encode()
        target = rng.randint(2048, 10240)
        history = b""
        while len(head) + len(body) + len(history) < target:
            _h, old = _split(mails[rng.randrange(len(mails))])
            quoted = b"\n".join(b"> " + ln for ln in old.split(b"\n"))
            history += b"\nOn Mon, 2 Mar 2026 at 09:14, someone wrote:\n" + quoted + b"\n"
        out.append(head + b"\n\n" + body + history)
    return out


def write_maildir(folder: Path, mails: list[bytes], owner: tuple[int, int] | None = None) -> None:
    for sub in ("cur", "new", "tmp"):
        (folder / sub).mkdir(parents=True, exist_ok=True)
    for i, raw in enumerate(mails):
        path = folder / "new" / f"{1760000000 + i}.M{i}P1.bench"
        path.write_bytes(raw)
        if owner:
            os.chown(path, *owner)
    if owner:
        for path in (folder.parent, folder, folder / "cur", folder / "new", folder / "tmp"):
            os.chown(path, *owner)


def child(workspace: str) -> None:
    """Run in a fresh process pinned to one core: one scan, then print JSON figures."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})
    from scopewatch.daemon import Service
    from scopewatch.service.logs import setup_logging

    setup_logging("warning")
    t0 = time.perf_counter()
    service = Service(Path(workspace))
    t1 = time.perf_counter()
    summary = service.run(once=True)
    t2 = time.perf_counter()
    service.close()
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"start_s": t1 - t0, "run_s": t2 - t1, "processed": summary.processed, "rss_mb": rss_mb,
                      "errors": summary.errors}))


def run_once(workspace: Path, env: dict[str, str]) -> dict:
    proc = subprocess.run([sys.executable, __file__, "--child", str(workspace)], capture_output=True,
                          text=True, env={**os.environ, **env}, cwd=REPO)
    if proc.returncode != 0:
        raise SystemExit(f"scan failed:\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    if result["errors"]:
        raise SystemExit(f"scan failed: {result['errors']}\n{proc.stderr[-3000:]}")
    return result


def bench(source: str, mails: list[bytes], repeat: int) -> None:
    runs = []
    for _ in range(repeat):
        base = Path(tempfile.mkdtemp(prefix="scopewatch-bench-"))
        ws = base / "ws"
        ws.mkdir()
        shutil.copytree(LABELLED / "scopes", ws / "scopes")
        env: dict[str, str] = {}
        server = None
        try:
            if source == "maildir":
                write_maildir(base / "Maildir", mails)
                (ws / "scopewatch.toml").write_text(f'maildir = "{base / "Maildir"}"\n')
            else:
                from tests.dovecot import DovecotServer

                server = DovecotServer(idle=True)
                server.start()
                user, password = server.add_user()
                maildir = server.maildir(user)
                write_maildir(maildir, mails, owner=(server.mail_uid, server.mail_gid))
                (ws / "scopewatch.toml").write_text(f"""
[[mailbox]]
name = "bench"
host = "127.0.0.1"
port = {server.port}
security = "plain"
username = "{user}"
password_env = "BENCH_PW"
""")
                env["BENCH_PW"] = password
            result = run_once(ws, env)
        finally:
            if server is not None:
                server.cleanup()
            shutil.rmtree(base, ignore_errors=True)
        assert result["processed"] == len(mails), result
        runs.append(result)
    rate = statistics.median(r["processed"] / r["run_s"] for r in runs)
    rss = statistics.median(r["rss_mb"] for r in runs)
    start = statistics.median(r["start_s"] for r in runs)
    print(f"{source:8s} {len(mails)} messages: {rate:7.1f} messages/s (median of {repeat}), "
          f"peak RSS {rss:.0f} MB, start-up {start:.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--messages", type=int, default=5000)
    parser.add_argument("--source", choices=["imap", "maildir", "both"], default="both")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--child", metavar="WORKSPACE", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child)
        return
    mails = realistic(corpus(), args.messages)
    sizes = sorted(len(m) for m in mails)
    print(f"{len(mails)} mails, size median {statistics.median(sizes) / 1024:.1f} KB "
          f"(min {sizes[0] / 1024:.1f}, max {sizes[-1] / 1024:.1f}); one CPU core, SQLite ledger")
    for source in (["imap", "maildir"] if args.source == "both" else [args.source]):
        bench(source, mails, args.repeat)


if __name__ == "__main__":
    main()

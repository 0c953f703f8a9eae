"""The second reliability probe's breaks, each measured the way the probe did, on loopback: a real
`scopewatch run` against a private Dovecot, `check`, `scope lint`, `rules lint` and `web` as
processes. Prints one figure (or a few) per break; tests/test_reliability*.py assert them small.

    python bench/reliability.py                        # every break
    python bench/reliability.py --only stall,memory    # stall memory isolation limits invisible
                                                       # slowrule sender page lease
"""

from __future__ import annotations

import argparse
import base64
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from bench import reliability_files, reliability_page  # noqa: E402
from tests.test_service_support import (  # noqa: E402
    REPO, flagged_mail, fresh_id, imap_toml, ledger_messages, workspace,
)

SCENARIOS = ("stall", "memory", "isolation", "limits", "invisible", "slowrule", "sender", "page", "lease")
CLAIRE = b"From: Claire Hughes <claire.hughes@hughesfamily.example>\nTo: dave@collinsdecorating.example\n"


def repeated(word: str, n: int, tag: str) -> bytes:
    return CLAIRE + f"Subject: {tag}\nMessage-ID: <{tag}.{time.time_ns()}@bench.example>\n\n".encode() + (word + " ").encode() * n


def run(args: list[str], timeout: float, env: dict | None = None) -> tuple[int | None, str, float, int]:
    """(exit code or None on timeout, stdout+stderr, wall seconds, peak RSS in MB) of `scopewatch ARGS`."""
    started = time.monotonic()
    proc = subprocess.Popen([sys.executable, "-m", "scopewatch", *args], cwd=REPO, env={**os.environ, **(env or {})},
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, start_new_session=True)
    out = b""
    try:
        out, _ = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        out, _ = proc.communicate()
        return None, out.decode(errors="replace"), time.monotonic() - started, 0
    finally:
        if proc.poll() is None:
            proc.kill()
    return proc.returncode, out.decode(errors="replace"), time.monotonic() - started, 0


def peak_rss(args: list[str], timeout: float) -> tuple[int | None, float]:
    """(exit code, peak RSS in MB) of `scopewatch ARGS`, measured by /usr/bin/time: a child forked
    from this (large) process would count this process's pages in its own peak."""
    try:
        proc = subprocess.run(["/usr/bin/time", "-f", "%M", sys.executable, "-m", "scopewatch", *args], cwd=REPO,
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, timeout=timeout)
    except subprocess.TimeoutExpired:
        return None, 0.0
    kb = proc.stderr.decode().strip().splitlines()[-1]
    return proc.returncode, int(kb) / 1024 if kb.isdigit() else 0.0


def hwm(pid: int) -> float:
    """A running process's peak RSS so far, in MB."""
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def recorded(url: str, message_id: str) -> bool:
    try:
        return any(m == message_id for _a, _k, m in ledger_messages(url))
    except Exception:  # noqa: BLE001 - no ledger yet
        return False


def service(root: Path, env: dict) -> subprocess.Popen:
    log = open(root / "service.log", "ab")
    return subprocess.Popen([sys.executable, "-m", "scopewatch", "run", "--workspace", str(root)], cwd=REPO,
                            env={**os.environ, **env}, stdout=log, stderr=log, start_new_session=True)


def stop(proc: subprocess.Popen, limit: float) -> float | None:
    """Seconds from SIGTERM to exit, or None when it did not exit within `limit` (then kill -9)."""
    started = time.monotonic()
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(limit)
        return time.monotonic() - started
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
        return None


def wait(predicate, timeout: float) -> float | None:
    started = time.monotonic()
    while time.monotonic() - started < timeout:
        if predicate():
            return time.monotonic() - started
        time.sleep(0.1)
    return None


def fmt(seconds: float | None, limit: float) -> str:
    return f"{seconds:.1f} s" if seconds is not None else f"not within {limit:.0f} s"


# --- 1. one mail stalls the mailbox -----------------------------------------------------------------

def stall(server, tmp: Path, counts=(1000, 2000, 4000), big_limit: float = 300.0) -> None:
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    checker = Checker(open_workspace(REPO / "examples"))
    checker.warm_up()
    for n in counts:
        started = time.thread_time()
        result = checker.check_bytes(repeated("paint", n, f"p{n}")).result
        print(f"  'paint ' x {n}: {time.thread_time() - started:.2f} s CPU, verdict {result.verdict}"
              + (f" ({result.error})" if result.error else ""))
    big = tmp / "five-mb.eml"
    big.write_bytes(repeated("paint", 5_000_000 // 6, "big"))
    code, out, seconds, _ = run(["check", "--json", "-w", str(REPO / "examples"), str(big)], big_limit)
    verdict = out.strip().splitlines()[-1][:160] if code is not None and out.strip() else ""
    print(f"  5 MB body of one repeated word, `check`: {fmt(seconds if code is not None else None, big_limit)}"
          f" {verdict}")

    user, _ = server.add_user()
    root = workspace(tmp / "stall", imap_toml(server, user, batch=100, lease_ttl=60))
    url, env = f"sqlite:///{root / 'scopewatch.db'}", {f"TEST_PW_{user.upper()}": server.passwords[user]}
    server.append(user, raw=flagged_mail("warm"))
    proc = service(root, env)
    try:
        if wait(lambda: len(ledger_messages_safe(url)) >= 1, 120) is None:
            print("  service did not start:", (root / "service.log").read_text()[-500:])
            return
        server.append(user, raw=big.read_bytes())
        time.sleep(12)
        normal = fresh_id(flagged_mail("after"), "after")
        mid = _message_id(normal)
        server.append(user, raw=normal)
        took = wait(lambda: recorded(url, mid), 150)
        print(f"  `run`: a normal mail 12 s after the 5 MB one recorded after {fmt(took, 150)}")
        sigterm = stop(proc, 60)
        print(f"  SIGTERM honoured after {fmt(sigterm, 60)}")
        hostile_stored = recorded(url, _message_id(big.read_bytes()))
        proc = service(root, env)
        again = fresh_id(flagged_mail("again"), "again")
        server.append(user, raw=again)
        took = wait(lambda: recorded(url, _message_id(again)), 120)
        print(f"  the 5 MB mail recorded before the restart: {hostile_stored}; after the restart a new mail "
              f"recorded after {fmt(took, 120)} (the 5 MB mail {'fetched again' if not hostile_stored else 'not fetched again'})")
        if took is not None:
            # A backlog of long mails (each a second or more to read): SIGTERM lands during detection.
            before = len(ledger_messages_safe(url))
            conn = server.imap(user)
            try:
                for n in range(20):
                    conn.append("INBOX", None, None, repeated("Could you also paint the spare bedroom and the hallway?", 3_500, f"long{n}"))
            finally:
                conn.logout()
            if wait(lambda: len(ledger_messages_safe(url)) > before, 120) is not None:
                sigterm = stop(proc, 60)
                print(f"  SIGTERM during detection of a backlog of long mails honoured after {fmt(sigterm, 60)}")
    finally:
        if proc.poll() is None:
            stop(proc, 10)


def ledger_messages_safe(url: str) -> list:
    try:
        return ledger_messages(url)
    except Exception:  # noqa: BLE001
        return []


def _message_id(raw: bytes) -> str:
    for line in raw.split(b"\n\n", 1)[0].splitlines():
        if line.lower().startswith(b"message-id:"):
            return line.split(b":", 1)[1].strip().decode()
    return ""


# --- 2. memory grows with attachments ---------------------------------------------------------------

def attachment_mail(tag: str, megabytes: int = 50) -> bytes:
    data = base64.encodebytes(os.urandom(megabytes * 1024 * 1024))
    boundary = b"==bench-boundary=="
    head = (CLAIRE + f"Subject: plans {tag}\nMessage-ID: <{tag}.{time.time_ns()}@bench.example>\n".encode()
            + b"MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary=\"" + boundary + b"\"\n\n")
    text = b"Hi Dave,\n\nCould you also paint the spare bedroom? The plans are attached.\n\nClaire\n"
    return (head + b"--" + boundary + b"\nContent-Type: text/plain; charset=utf-8\n\n" + text
            + b"\n--" + boundary + b"\nContent-Type: application/pdf\nContent-Disposition: attachment; filename=plans.pdf\n"
            + b"Content-Transfer-Encoding: base64\n\n" + data + b"\n--" + boundary + b"--\n")


def memory(server, tmp: Path, counts=(8, 16)) -> None:
    one = tmp / "attachment.eml"
    one.write_bytes(attachment_mail("one"))
    code, rss = peak_rss(["check", "--json", "-w", str(REPO / "examples"), str(one)], 300)
    print(f"  `check` on one mail with a 50 MB attachment: peak RSS {rss:.0f} MB (exit {code})")
    for n in counts:
        user, _ = server.add_user()
        root = workspace(tmp / f"memory{n}", imap_toml(server, user, batch=100, lease_ttl=60))
        url, env = f"sqlite:///{root / 'scopewatch.db'}", {f"TEST_PW_{user.upper()}": server.passwords[user]}
        conn = server.imap(user)
        try:
            for k in range(n):
                conn.append("INBOX", None, None, attachment_mail(f"m{n}-{k}"))
        finally:
            conn.logout()
        proc = service(root, env)
        peak = 0.0
        try:
            started = time.monotonic()
            while time.monotonic() - started < 600 and proc.poll() is None:
                peak = max(peak, hwm(proc.pid))
                if len(ledger_messages_safe(url)) >= n:
                    break
                time.sleep(0.2)
            peak = max(peak, hwm(proc.pid))
            done = len(ledger_messages_safe(url))
        finally:
            stop(proc, 30)
        print(f"  `run` over {n} mails with a 50 MB attachment (batch 100): peak RSS {peak:.0f} MB, {done} recorded"
              + ("" if proc.returncode in (0, None) else f" (exit {proc.returncode})"))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--only", default=",".join(SCENARIOS))
    args = ap.parse_args()
    only = set(args.only.split(","))
    base = Path(tempfile.mkdtemp(prefix="scopewatch-reliability-"))
    server = None
    if only & {"stall", "memory"}:
        from tests.dovecot import DovecotServer

        server = DovecotServer(idle=True)
        server.start()
    try:
        if "stall" in only:
            print("1. one mail stalls the mailbox")
            stall(server, base)
        if "memory" in only:
            print("2. memory with large attachments")
            memory(server, base)
    finally:
        if server is not None:
            server.cleanup()
    for name, fn, title in (
        ("isolation", reliability_files.isolation, "3. one client's broken agreement"),
        ("limits", reliability_files.limits, "4. agreement limits after aliases"),
        ("invisible", reliability_files.invisible, "5. invisible characters"),
        ("slowrule", reliability_files.slow_rule, "6. a slow workspace rule"),
        ("sender", reliability_files.sender, "7. the sender"),
        ("page", reliability_page.page, "8. the page"),
        ("lease", reliability_page.lease, "8. the lease on another host"),
    ):
        if name in only:
            print(title)
            fn(base / name)


if __name__ == "__main__":
    main()

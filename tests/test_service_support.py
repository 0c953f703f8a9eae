"""Helpers for the service tests (no tests here): workspaces wired to a test Dovecot or Maildir,
client mails with fresh Message-IDs, a service running in a thread, `scopewatch` subprocesses."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from email.utils import make_msgid
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
EXAMPLES = REPO / "examples"
# A client mail with one out-of-scope request ("could you also paint the downstairs loo?" kind).
FLAGGED_SAMPLE = "1770230427.M16P1.sample:2,S"

_checker = None


def shared_checker(root: Path):
    """One Checker for the whole test session (spaCy loads once); agreements follow `root`."""
    global _checker
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    ws = open_workspace(root)
    if _checker is None:
        _checker = Checker(ws)
        _checker.warm_up()
    else:
        _checker.workspace = ws
    return _checker


def sample_mails() -> list[bytes]:
    files = sorted((EXAMPLES / "mailbox" / "cur").iterdir()) + sorted((EXAMPLES / "mailbox" / "new").iterdir())
    return [p.read_bytes() for p in files if p.is_file()]


def fresh_id(raw: bytes, tag: str = "") -> bytes:
    """The same mail under a new Message-ID (so the ledger sees a new message)."""
    head, sep, body = raw.partition(b"\n\n")
    if not sep:
        head, sep, body = raw.partition(b"\r\n\r\n")
    lines = [ln for ln in head.splitlines(keepends=True) if not ln.lower().startswith(b"message-id:")]
    new_id = make_msgid(idstring=tag or None, domain="test.example").encode()
    return b"Message-ID: " + new_id + b"\n" + b"".join(lines) + sep + body


def flagged_mail(tag: str = "") -> bytes:
    return fresh_id((EXAMPLES / "mailbox" / "cur" / FLAGGED_SAMPLE).read_bytes(), tag)


def workspace(tmp: Path, toml: str = "") -> Path:
    root = tmp / "ws"
    root.mkdir(parents=True, exist_ok=True)
    shutil.copytree(EXAMPLES / "scopes", root / "scopes", dirs_exist_ok=True)
    if toml:
        (root / "scopewatch.toml").write_text(toml)
    return root


FAST_SERVICE = """
[service]
lease_ttl = {lease_ttl}
backoff_initial = 0.2
backoff_max = 1.5
batch_size = {batch}
"""


def imap_toml(server, user: str, *, name: str = "work", poll: float = 0.5, database: str = "",
              lease_ttl: float = 3, batch: int = 50, extra_boxes: str = "") -> str:
    db = f'database = "{database}"\n' if database else ""
    return db + f"""
[[mailbox]]
name = "{name}"
host = "127.0.0.1"
port = {server.port}
security = "plain"
username = "{user}"
password_env = "TEST_PW_{user.upper()}"
idle = {"true" if server.idle else "false"}
poll_interval = {poll}
{extra_boxes}
""" + FAST_SERVICE.format(lease_ttl=lease_ttl, batch=batch)


def imap_env(server, *users: str) -> dict[str, str]:
    return {f"TEST_PW_{u.upper()}": server.passwords[u] for u in users}


def append_many(server, user: str, mails: list[bytes], folder: str = "INBOX") -> None:
    """Deliver many mails over one IMAP connection (a login per mail would take long)."""
    conn = server.imap(user)
    try:
        for raw in mails:
            typ, data = conn.append(folder, None, None, raw)
            assert typ == "OK", data
    finally:
        conn.logout()


class ThreadedService:
    """A Service running in a background thread of the test process."""

    def __init__(self, root: Path, *, dry_run: bool = False):
        from scopewatch.daemon import Service

        self.service = Service(root, dry_run=dry_run, checker=shared_checker(root))
        self.error: BaseException | None = None
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        try:
            self.service.run()
        except BaseException as exc:  # noqa: BLE001 - the test looks at it
            self.error = exc

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self, timeout: float = 20) -> None:
        self.service.stop.set()
        self.thread.join(timeout)
        assert not self.thread.is_alive(), "service did not stop"
        self.service.close()


def ledger_messages(url: str) -> list[tuple[str, str, str | None]]:
    """(account, key, message_id) of every stored message."""
    from sqlalchemy import create_engine, text

    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return [tuple(r) for r in conn.execute(text("select account, key, message_id from message order by id"))]
    finally:
        engine.dispose()


def wait_for(predicate, timeout: float, step: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(step)
    return predicate()


def cli(*args: str, env: dict | None = None, **kw) -> subprocess.Popen:
    """`scopewatch ARGS` as a subprocess (its own process group)."""
    full_env = {**os.environ, **(env or {})}
    return subprocess.Popen(
        [sys.executable, "-m", "scopewatch", *args], cwd=REPO, env=full_env,
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True, **kw,
    )


def stop_process(proc: subprocess.Popen, sig=signal.SIGTERM, timeout: float = 20) -> tuple[int, str, str]:
    if proc.poll() is None:
        proc.send_signal(sig)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        pytest.fail(f"process did not stop within {timeout} s:\n{err.decode()[-2000:]}")
    return proc.returncode, out.decode(), err.decode()

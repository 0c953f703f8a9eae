"""Health and the small service parts: `scopewatch status` states and exit codes from the ledger's
fetch notes and leases, the log redactor, and backoff with jitter capped at its maximum."""

from __future__ import annotations

import io
import json
import logging
import random
from datetime import datetime, timedelta, timezone

from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.service.backoff import Backoff
from scopewatch.service.health import format_status, service_status
from scopewatch.service.logs import RedactingFilter, setup_logging
from scopewatch.store.ledger import Ledger


def _workspace(tmp_path, folders='["INBOX", "Clients"]'):
    root = tmp_path / "ws"
    (root / "scopes").mkdir(parents=True)
    (root / "scopewatch.toml").write_text(f"""
[[mailbox]]
name = "work"
host = "imap.example.com"
username = "va"
password_env = "X"
folders = {folders}
[service]
stale_after = "10m"
""")
    return root, f"sqlite:///{root / 'scopewatch.db'}"


def test_leases_lists_holders_with_their_expiry(tmp_path):
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.db'}")
    try:
        assert ledger.leases() == []
        assert ledger.acquire_lease("work", "INBOX", "host:1:a", ttl=30)
        ((account, folder, holder, expires),) = ledger.leases()
        assert (account, folder, holder) == ("work", "INBOX", "host:1:a")
        assert timedelta(seconds=25) < expires - datetime.now(timezone.utc) <= timedelta(seconds=30)
        ledger.release_lease("work", "INBOX", "host:1:a")
        assert ledger.leases() == []
    finally:
        ledger.close()


def test_status_states_and_exit_codes(tmp_path):
    root, url = _workspace(tmp_path)
    ledger = Ledger.open(url)
    try:
        ledger.note_fetch("work", "INBOX", ok=True, backlog=3)
        ledger.acquire_lease("work", "INBOX", "me", ttl=60)
        ledger.acquire_lease("work", "Clients", "me", ttl=60)
        ledger.note_fetch("work", "Clients", ok=True, backlog=0)
        ledger.note_fetch("work", "Clients", ok=False, error="connection lost to mailbox 'work'")
    finally:
        ledger.close()
    now = datetime.now(timezone.utc)
    report = service_status(root, now=now + timedelta(seconds=5))
    states = {f.folder: f for f in report.folders}
    assert states["INBOX"].state == "watching" and states["INBOX"].backlog == 3 and not states["INBOX"].stale
    assert states["Clients"].state == "error" and "connection lost" in states["Clients"].last_error
    assert report.healthy
    text = format_status(report)
    assert "work/INBOX: watching" in text and "last error:      connection lost" in text and text.endswith("healthy")

    later = service_status(root, now=now + timedelta(minutes=11))
    assert not later.healthy and all(f.stale for f in later.folders)
    assert "UNHEALTHY" in format_status(later)

    res = CliRunner().invoke(cli, ["status", "--workspace", str(root), "--json"])
    assert res.exit_code == 0, res.output
    doc = json.loads(res.output)
    assert doc["healthy"] and {f["folder"] for f in doc["folders"]} == {"INBOX", "Clients"}


def test_status_of_a_mailbox_never_fetched_is_unhealthy(tmp_path):
    root, _url = _workspace(tmp_path, folders='["INBOX"]')
    res = CliRunner().invoke(cli, ["status", "--workspace", str(root)])
    assert res.exit_code == 1
    assert "work/INBOX: never - STALE" in res.output and "UNHEALTHY" in res.output


def _dead_pid() -> int:
    import subprocess
    import sys

    proc = subprocess.Popen([sys.executable, "-c", "pass"])
    proc.wait()
    return proc.pid


def test_status_of_a_service_killed_with_9_is_stopped_at_once(tmp_path):
    import socket

    root, url = _workspace(tmp_path, folders='["INBOX"]')
    ledger = Ledger.open(url)
    try:
        ledger.note_fetch("work", "INBOX", ok=True, backlog=0)
        # the lease of a process on this host that died without releasing it, still unexpired
        assert ledger.acquire_lease("work", "INBOX", f"{socket.gethostname()}:{_dead_pid()}:abcd", ttl=600)
    finally:
        ledger.close()
    report = service_status(root)
    (folder,) = report.folders
    assert folder.state == "stopped" and not folder.running and not report.healthy
    assert "ended without stopping (killed or crashed)" in folder.problem
    res = CliRunner().invoke(cli, ["status", "--workspace", str(root)])
    assert res.exit_code == 1
    assert "work/INBOX: stopped" in res.output
    assert "UNHEALTHY: work/INBOX: scopewatch is not running: process" in res.output


def test_status_after_a_clean_stop_is_stopped_and_unhealthy(tmp_path):
    root, url = _workspace(tmp_path, folders='["INBOX"]')
    ledger = Ledger.open(url)
    try:
        ledger.note_fetch("work", "INBOX", ok=True, backlog=0)  # a second ago, then released on SIGTERM
    finally:
        ledger.close()
    res = CliRunner().invoke(cli, ["status", "--workspace", str(root), "--json"])
    assert res.exit_code == 1
    doc = json.loads(res.output)
    assert doc["folders"][0]["state"] == "stopped" and doc["folders"][0]["stale"] is False
    assert doc["problems"] == ["work/INBOX: scopewatch is not running: stopped, last read 0 s ago"]


def test_status_fails_when_a_mailbox_keeps_failing_past_failing_after(tmp_path):
    root, url = _workspace(tmp_path, folders='["INBOX"]')
    toml = (root / "scopewatch.toml").read_text().replace("[service]", '[service]\nfailing_after = "2m"')
    (root / "scopewatch.toml").write_text(toml)
    ledger = Ledger.open(url)
    try:
        ledger.note_fetch("work", "INBOX", ok=True, backlog=0)
        ledger.acquire_lease("work", "INBOX", "other-host:1:x", ttl=3600)
        ledger.note_fetch("work", "INBOX", ok=False, error="cannot reach imap.example.com: connection refused")
    finally:
        ledger.close()
    now = datetime.now(timezone.utc)
    soon = service_status(root, now=now + timedelta(seconds=60))
    assert soon.healthy and soon.folders[0].state == "error"  # a short outage is not an alarm
    later = service_status(root, now=now + timedelta(minutes=3))
    assert not later.healthy and later.folders[0].running
    assert later.problems == ["work/INBOX: failing for 3 min: cannot reach imap.example.com: connection refused"]


def test_status_after_a_refused_login_stopped_the_mailbox(tmp_path):
    root, url = _workspace(tmp_path, folders='["INBOX"]')
    ledger = Ledger.open(url)
    try:
        ledger.note_fetch("work", "INBOX", ok=True, backlog=0)
        ledger.note_fetch("work", "INBOX", ok=False, error=(
            "mailbox 'work': the server refused the login; stopped watching after 3 refused logins: "
            "fix the username or password and restart"))
    finally:
        ledger.close()
    res = CliRunner().invoke(cli, ["status", "--workspace", str(root)])
    assert res.exit_code == 1
    (line,) = [ln for ln in res.output.splitlines() if ln.startswith("UNHEALTHY")]
    assert line.startswith("UNHEALTHY: work/INBOX: stopped on an error, last read ")
    assert line.endswith("stopped watching after 3 refused logins: fix the username or password and restart")


def test_redacting_filter_masks_secrets_and_drops_protocol_chatter():
    stream = io.StringIO()
    handler = setup_logging("debug", "text", stream=stream)
    handler.filters.clear()
    handler.addFilter(RedactingFilter(lambda: {"s3cret-pw"}))
    try:
        logging.getLogger("scopewatch.test").warning("login with %s failed", "s3cret-pw")
        logging.getLogger("imapclient.imaplib").debug("< FETCH BODY[] {123} the body text")
        logging.getLogger("imapclient").warning("a real problem")
        logging.getLogger("scopewatch.test").info("x" * 5000)
    finally:
        logging.getLogger().removeHandler(handler)
    out = stream.getvalue()
    assert "s3cret-pw" not in out and "login with *** failed" in out
    assert "the body text" not in out and "a real problem" in out
    assert max(len(line) for line in out.splitlines()) < 700


def test_backoff_grows_with_jitter_and_caps():
    b = Backoff(1.0, 300.0, rng=random.Random(7))
    delays = [b.next_delay() for _ in range(12)]
    for n, d in enumerate(delays[:8]):
        assert 0.5 * 2**n <= d <= 2**n
    assert all(150 <= d <= 300 for d in delays[9:])
    assert len(set(delays)) == len(delays)  # jitter: no two alike
    b.reset()
    assert b.next_delay() <= 1.0


def test_a_restart_takes_over_the_lease_of_a_dead_holder_on_this_host_at_once(tmp_path):
    import os
    import socket

    from scopewatch.service.health import holder_is_dead

    _root, url = _workspace(tmp_path, folders='["INBOX"]')
    ledger = Ledger.open(url)
    try:
        host = socket.gethostname()
        dead = f"{host}:{_dead_pid()}:abcd"
        assert ledger.acquire_lease("work", "INBOX", dead, ttl=600)
        # Without the check the newcomer waits out the TTL; with it, it takes the folder now.
        assert not ledger.acquire_lease("work", "INBOX", f"{host}:{os.getpid()}:new1", ttl=60)
        assert ledger.acquire_lease("work", "INBOX", f"{host}:{os.getpid()}:new1", ttl=60, holder_is_dead=holder_is_dead)
        assert ledger.leases()[0][2] == f"{host}:{os.getpid()}:new1"
        # A live holder (this process) and a holder on another host keep their leases.
        assert not ledger.acquire_lease("work", "INBOX", f"{host}:{os.getpid()}:new2", ttl=60, holder_is_dead=holder_is_dead)
        ledger.release_lease("work", "INBOX", f"{host}:{os.getpid()}:new1")
        assert ledger.acquire_lease("work", "INBOX", f"elsewhere.example:{_dead_pid()}:x", ttl=600)
        assert not ledger.acquire_lease("work", "INBOX", f"{host}:{os.getpid()}:new3", ttl=60, holder_is_dead=holder_is_dead)
    finally:
        ledger.close()

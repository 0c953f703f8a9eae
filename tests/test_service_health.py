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

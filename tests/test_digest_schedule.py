"""The running service sends the VA's digest on its schedule through a real SMTP server (aiosmtpd on
127.0.0.1): once per slot across restarts, only after the mailbox was read through, never from a
one-pass scan, and an SMTP outage is one log line and a retry, never the end of the service."""

from __future__ import annotations

import email
import logging
import shutil
import time
from datetime import datetime, timezone
from email import policy
from pathlib import Path

import pytest

import scopewatch.digest.timer as timer_module
from scopewatch.config import load_config
from scopewatch.digest.build import OPEN, Schedule
from scopewatch.digest.timer import DigestTimer, digest_timer
from scopewatch.draft.smtp import SmtpSettings
from scopewatch.store.ledger import Ledger
from tests.test_digest_smtp import Controller, Inbox, free_port, smtp_server  # noqa: F401  aiosmtpd on 127.0.0.1
from tests.test_service_support import EXAMPLES, ThreadedService, wait_for

TOML = """\
maildir = "mailbox"

[va]
name = "Mila Jansen"
address = "mila@va.example"

[digest]
time = "00:00"
timezone = "Europe/Amsterdam"
frequency = "daily"
{digest_extra}

[smtp]
host = "127.0.0.1"
port = {port}
security = "plain"
"""


def sample_workspace(tmp_path: Path, port: int, digest_extra: str = "") -> Path:
    root = tmp_path / "sample"
    shutil.copytree(EXAMPLES / "scopes", root / "scopes")
    shutil.copytree(EXAMPLES / "mailbox", root / "mailbox")
    (root / "scopewatch.toml").write_text(TOML.format(port=port, digest_extra=digest_extra))
    return root


def delivered(inbox) -> list[email.message.EmailMessage]:
    return [email.message_from_bytes(e.original_content, policy=policy.default) for e in inbox.envelopes]


def open_findings(root: Path) -> list:
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        return [f for f in ledger.findings(verdict="out_of_scope") if f.status in OPEN]
    finally:
        ledger.close()


class Calls:
    """Counts the timer's calls of send_digest_if_due and what they returned."""

    def __init__(self, monkeypatch):
        self.results: list = []
        real = timer_module.send_digest_if_due

        def counting(*args, **kwargs):
            result = real(*args, **kwargs)
            self.results.append(result)
            return result

        monkeypatch.setattr(timer_module, "send_digest_if_due", counting)


class Lines(logging.Handler):
    def __init__(self):
        super().__init__(logging.DEBUG)
        self.lines: list[str] = []

    def emit(self, record):
        self.lines.append(record.getMessage())


@pytest.fixture
def digest_log():
    handler = Lines()
    logger = logging.getLogger("scopewatch.digest")
    old_level = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    yield handler.lines
    logger.removeHandler(handler)
    logger.setLevel(old_level)


def service(root: Path, every: float = 0.2) -> ThreadedService:
    svc = ThreadedService(root)
    svc.service.digest_every = every
    return svc


def test_service_sends_the_due_digest_once_even_after_a_restart(tmp_path, smtp_server, monkeypatch):
    inbox, port = smtp_server
    root = sample_workspace(tmp_path, port)
    calls = Calls(monkeypatch)
    with service(root) as svc:
        assert wait_for(lambda: len(inbox.envelopes) >= 1, 90), "no digest arrived"
        assert svc.thread.is_alive() and svc.error is None
    [msg] = delivered(inbox)
    assert inbox.envelopes[0].rcpt_tos == ["mila@va.example"]
    assert msg.get_content_type() == "multipart/alternative"
    text = msg.get_body(("plain",)).get_content()
    # Sent after the whole sample mailbox was read: every open out-of-scope request is in it.
    found = open_findings(root)
    assert found
    for f in found:
        assert f"#{f.id} " in text, f"finding {f.id} missing from the digest"
    assert str(len([f for f in found if not f.review])) in msg["Subject"]

    # A restart in the same slot: the schedule is looked at again, and nothing is sent.
    before = len(calls.results)
    with service(root):
        assert wait_for(lambda: len(calls.results) >= before + 3, 30), "the restarted service never checked"
    assert calls.results[before:] == [None] * (len(calls.results) - before)
    assert len(inbox.envelopes) == 1


def test_smtp_outage_is_logged_retried_and_does_not_stop_the_service(tmp_path, digest_log):
    port = free_port()
    root = sample_workspace(tmp_path, port)  # nothing listens on `port` yet
    with service(root) as svc:
        assert wait_for(lambda: any("digest not sent" in line for line in digest_log), 90)
        failure = next(line for line in digest_log if "digest not sent" in line)
        assert f"127.0.0.1:{port}" in failure and "\n" not in failure and "Traceback" not in failure
        assert svc.thread.is_alive() and svc.error is None
        inbox = Inbox()
        controller = Controller(inbox, hostname="127.0.0.1", port=port)
        controller.start()
        try:
            assert wait_for(lambda: len(inbox.envelopes) == 1, 60), "the digest was not retried"
        finally:
            controller.stop()
        assert svc.thread.is_alive() and svc.error is None
    assert any("earlier problem is gone" in line for line in digest_log)
    assert len(inbox.envelopes) == 1


def test_a_scan_never_sends_the_digest(tmp_path, smtp_server):
    from scopewatch.daemon import Service
    from tests.test_service_support import shared_checker

    inbox, port = smtp_server
    root = sample_workspace(tmp_path, port)
    svc = Service(root, checker=shared_checker(root))
    svc.digest_every = 0.01
    try:
        summary = svc.run(once=True)
    finally:
        svc.close()
    assert summary.processed > 0
    assert inbox.envelopes == []


def test_dutch_digest_from_the_service(tmp_path, smtp_server):
    inbox, port = smtp_server
    root = sample_workspace(tmp_path, port, digest_extra='language = "nl"\nto = "planning@va.example"')
    with service(root):
        assert wait_for(lambda: len(inbox.envelopes) >= 1, 90), "no digest arrived"
    [msg] = delivered(inbox)
    assert inbox.envelopes[0].rcpt_tos == ["planning@va.example"]
    assert "buiten de afspraak" in msg["Subject"]
    assert "Scope-overzicht" in msg.get_body(("plain",)).get_content()


# --- the timer on its own --------------------------------------------------------------------------


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


def test_timer_waits_for_the_mailbox_and_backs_off_after_failures(tmp_path, digest_log):
    from tests.test_followup import make_workspace
    from scopewatch.workspace import open_workspace

    root = make_workspace(tmp_path)
    ledger = Ledger.open(f"sqlite:///{root / 'x.db'}")
    clock = FakeClock()
    ready = {"value": False}
    dead = SmtpSettings(host="127.0.0.1", port=free_port(), security="plain", timeout=5)
    t = DigestTimer(ledger, open_workspace(root), dead, Schedule("00:00", "UTC", "daily"), to="mila@va.example",
                    from_="mila@va.example", ready=lambda: ready["value"], every=30, clock=clock)
    try:
        assert t.tick() is None and t.failures == 0  # mailbox not read through yet
        ready["value"] = True
        assert t.tick() is None  # within 30 s of the last look: nothing happens
        clock.now += 30
        # An empty ledger: the slot is handled without any e-mail, so the dead server is no problem.
        assert t.tick() is not None and t.failures == 0
    finally:
        ledger.close()

    broken = DigestTimer(None, None, dead, Schedule("00:00", "UTC", "daily"), to="x@va.example",  # type: ignore[arg-type]
                         from_="x@va.example", every=30, clock=clock)
    assert broken.tick() is None and broken.failures == 1
    waits = []
    for _ in range(6):
        start, n = clock.now, broken.failures
        while broken.failures == n:
            clock.now += 1
            assert broken.tick() is None
        waits.append(clock.now - start)
    assert waits == [60, 120, 240, 480, 900, 900]  # doubling, at most 15 minutes apart
    failures = [line for line in digest_log if line.startswith("digest not sent")]
    assert len(failures) == broken.failures and all("\n" not in line for line in failures)


def test_no_timer_without_smtp_recipient_or_when_off(tmp_path, digest_log):
    root = tmp_path / "ws"
    root.mkdir()
    (root / "scopewatch.toml").write_text('[va]\naddress = "mila@va.example"\n')
    assert digest_timer(load_config(root, environ={}), None, None) is None  # type: ignore[arg-type]
    assert "no [smtp] host" in digest_log[-1]
    (root / "scopewatch.toml").write_text('[smtp]\nhost = "localhost"\nsecurity = "plain"\n')
    assert digest_timer(load_config(root, environ={}), None, None) is None  # type: ignore[arg-type]
    assert "no recipient" in digest_log[-1]
    (root / "scopewatch.toml").write_text(
        '[va]\naddress = "mila@va.example"\n[digest]\nfrequency = "off"\n[smtp]\nhost = "localhost"\nsecurity = "plain"\n'
    )
    assert digest_timer(load_config(root, environ={}), None, None) is None  # type: ignore[arg-type]
    assert 'frequency = "off"' in digest_log[-1]


def test_services_sharing_a_ledger_send_a_slot_once(tmp_path, smtp_server):
    from scopewatch.digest.build import DIGEST_LEASE, send_digest_if_due
    from scopewatch.workspace import open_workspace
    from tests.test_followup import make_workspace

    inbox, port = smtp_server
    root = sample_workspace(tmp_path, port)
    with service(root):  # fills the ledger and sends today's digest
        assert wait_for(lambda: len(inbox.envelopes) == 1, 90)
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    ws = open_workspace(root)
    smtp = SmtpSettings(host="127.0.0.1", port=port, security="plain", timeout=10)
    weekly = Schedule("00:00", "UTC", "weekly")  # a slot nobody handled yet
    kw = dict(to="mila@va.example", from_="mila@va.example")
    try:
        slot = weekly.due_slot(datetime.now(timezone.utc))
        # Another service is sending this slot right now (it holds the lease): this one stands back.
        assert ledger.acquire_lease(DIGEST_LEASE, slot, "host:1:other", 600)
        assert send_digest_if_due(ledger, ws, smtp, weekly, holder="host:2:me", **kw) is None
        assert len(inbox.envelopes) == 1
        # That service died mid-send: once its lease runs out, this one handles the slot (nothing new
        # since the last digest, so no e-mail) and lets go of the lease.
        assert ledger.acquire_lease(DIGEST_LEASE, slot, "host:1:other", 0.01)
        time.sleep(0.05)
        assert send_digest_if_due(ledger, ws, smtp, weekly, holder="host:2:me", **kw) == slot
        assert (DIGEST_LEASE, slot) not in {(a, f) for a, f, _h, _e in ledger.leases()}
        assert send_digest_if_due(ledger, ws, smtp, weekly, holder="host:3:third", **kw) is None
        assert len(inbox.envelopes) == 1
    finally:
        ledger.close()

"""The watcher against a real Dovecot, with IDLE and without it (polling): new mail reaches the
ledger quickly, flags never change, restarts and reconnects lose and repeat nothing, a recreated
folder is not flagged twice, and a wrong password stops only its own mailbox."""

from __future__ import annotations

import time

import pytest

from tests.test_service_support import (
    append_many,
    ThreadedService,
    flagged_mail,
    imap_env,
    imap_toml,
    ledger_messages,
    sample_mails,
    fresh_id,
    wait_for,
    workspace,
)

pytestmark = pytest.mark.dovecot

POLL = 0.5


@pytest.fixture
def box(dovecot_server, tmp_path, monkeypatch):
    """(server, user, workspace root, ledger url) for a fresh Dovecot user watched by `work`."""
    user, _ = dovecot_server.add_user()
    for k, v in imap_env(dovecot_server, user).items():
        monkeypatch.setenv(k, v)
    root = workspace(tmp_path, imap_toml(dovecot_server, user, poll=POLL))
    return dovecot_server, user, root, f"sqlite:///{root / 'scopewatch.db'}"


def _keys(url):
    return [k for _a, k, _m in ledger_messages(url)]


def test_new_mail_reaches_the_ledger_quickly_and_flags_stay_untouched(box):
    server, user, root, url = box
    server.append(user, raw=flagged_mail("before"))  # waiting before the start: caught up
    server.append(user, raw=flagged_mail("seen"), flags="\\Seen \\Flagged")
    before = server.flags(user)
    with ThreadedService(root) as svc:
        assert wait_for(lambda: len(_keys(url)) == 2, 15), "backlog not processed"
        time.sleep(0.5)  # the watcher is waiting now (IDLE or poll)
        started = time.monotonic()
        uid = server.append(user, raw=flagged_mail("live"))
        assert wait_for(lambda: len(_keys(url)) == 3, 10)
        took = time.monotonic() - started
        assert svc.error is None
    limit = 2.0 if server.idle else POLL + 2.0  # IDLE: within 2 s; polling: one interval (+ work)
    assert took <= limit, f"new mail took {took:.2f} s to reach the ledger"
    after = server.flags(user)
    assert {u: f for u, f in after.items() if u != uid} == before
    assert "\\Seen" not in after[uid] and "\\Flagged" not in after[uid]
    from scopewatch.store.ledger import Ledger

    ledger = Ledger.open(url)
    try:
        flagged = ledger.findings(status="new", verdict="out_of_scope")
        assert {r.client for r in flagged} == {"hughes-house"}
        assert len({r.message.message_id for r in flagged}) == 3
    finally:
        ledger.close()


def test_stop_and_restart_processes_nothing_twice(box):
    server, user, root, url = box
    for n in range(5):
        server.append(user, raw=fresh_id(sample_mails()[n], f"r{n}"))
    with ThreadedService(root):
        assert wait_for(lambda: len(_keys(url)) == 5, 15)
    server.append(user, raw=flagged_mail("while-stopped"))
    with ThreadedService(root):
        assert wait_for(lambda: len(_keys(url)) == 6, 15)
        time.sleep(1.0)
    keys = _keys(url)
    assert len(keys) == len(set(keys)) == 6


def test_dovecot_restart_under_a_running_service_reconnects_and_catches_up(box):
    server, user, root, url = box
    server.append(user, raw=flagged_mail("one"))
    with ThreadedService(root) as svc:
        assert wait_for(lambda: len(_keys(url)) == 1, 15)
        server.stop()
        time.sleep(1.0)
        server.start()
        server.append(user, raw=flagged_mail("after-restart"))
        assert wait_for(lambda: len(_keys(url)) == 2, 20), "did not catch up after the server restart"
        server.kick(user)  # a dropped connection (BYE) is survived too
        server.append(user, raw=flagged_mail("after-kick"))
        assert wait_for(lambda: len(_keys(url)) == 3, 20), "did not catch up after a dropped connection"
        assert svc.error is None
    from scopewatch.store.ledger import Ledger

    ledger = Ledger.open(url)
    try:
        cursor = ledger.cursor("work", "INBOX")
        assert cursor.last_fetch_at is not None and cursor.last_error is not None  # the outage is on record
    finally:
        ledger.close()


def test_recreated_folder_is_rescanned_without_double_findings(box):
    server, user, root, url = box
    mails = [flagged_mail(f"v{n}") for n in range(3)]
    server.create_folder(user, "Clients")
    toml = (root / "scopewatch.toml").read_text().replace('idle =', 'folders = ["Clients"]\nidle =')
    (root / "scopewatch.toml").write_text(toml)
    for raw in mails:
        server.append(user, "Clients", raw=raw)
    with ThreadedService(root):
        assert wait_for(lambda: len(_keys(url)) == 3, 15)
    old_validity = server.folder_status(user, "Clients")["uidvalidity"]
    server.recreate_folder(user, "Clients")
    for raw in mails:
        server.append(user, "Clients", raw=raw)
    server.append(user, "Clients", raw=flagged_mail("new-after-recreate"))
    assert server.folder_status(user, "Clients")["uidvalidity"] != old_validity
    from scopewatch.store.ledger import Ledger

    with ThreadedService(root):
        assert wait_for(lambda: len(_keys(url)) == 4, 15)
        time.sleep(1.0)
    ledger = Ledger.open(url)
    try:
        findings = ledger.findings(verdict="out_of_scope")
        assert len({r.message.message_id for r in findings}) == 4
        assert len(ledger_messages(url)) == 4
        assert ledger.cursor("work", "Clients").uidvalidity != old_validity
    finally:
        ledger.close()


def test_wrong_password_stops_that_mailbox_and_the_other_keeps_working(dovecot_server, tmp_path, monkeypatch, caplog):
    server = dovecot_server
    good, _ = server.add_user()
    bad, _ = server.add_user()
    monkeypatch.setenv(f"TEST_PW_{good.upper()}", server.passwords[good])
    monkeypatch.setenv("TEST_PW_WRONG", "not-the-password")
    other = f"""
[[mailbox]]
name = "broken"
host = "127.0.0.1"
port = {server.port}
security = "plain"
username = "{bad}"
password_env = "TEST_PW_WRONG"
"""
    root = workspace(tmp_path, imap_toml(server, good, poll=POLL, extra_boxes=other))
    url = f"sqlite:///{root / 'scopewatch.db'}"
    caplog.set_level("INFO")
    with ThreadedService(root) as svc:
        server.append(good, raw=flagged_mail("good-1"))
        assert wait_for(lambda: len(_keys(url)) == 1, 15)
        assert wait_for(lambda: any("stopped watching mailbox 'broken'" in r.getMessage() for r in caplog.records), 20)
        server.append(good, raw=flagged_mail("good-2"))
        assert wait_for(lambda: len(_keys(url)) == 2, 15), "the good mailbox stopped too"
        assert svc.error is None
    errors = [r.getMessage() for r in caplog.records if r.levelname == "ERROR"]
    assert any("refused the login" in e and "after 3 failed logins" in e for e in errors), errors
    assert all("not-the-password" not in r.getMessage() for r in caplog.records)
    assert {a for a, _k, _m in ledger_messages(url)} == {"work"}


def test_new_mail_is_not_kept_waiting_behind_a_backlog(box):
    server, user, root, url = box
    
    toml = (root / "scopewatch.toml").read_text().replace("batch_size = 50", "batch_size = 10")
    (root / "scopewatch.toml").write_text(toml)
    base = sample_mails()
    # Long enough that the backlog outlasts the watcher's new-mail check interval several times
    # over, even at a few hundred messages a second.
    append_many(server, user, [fresh_id(base[n % len(base)], f"b{n}") for n in range(600)])
    with ThreadedService(root):
        assert wait_for(lambda: len(_keys(url)) >= 20, 30)
        uid = server.append(user, raw=flagged_mail("urgent"))
        key_of_new = wait_for(lambda: next((k for k in _keys(url) if k.endswith(f":{uid}")), None), 10)
        assert key_of_new, "the new mail waited"
        done_when_new_arrived = _keys(url).index(key_of_new)
        assert wait_for(lambda: len(_keys(url)) == 601, 90)
    assert done_when_new_arrived < 450, f"new mail was stored after {done_when_new_arrived} backlog messages"

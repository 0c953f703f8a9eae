"""ImapSource against a real Dovecot, with and without IDLE: reads never change the client's mail,
pending/fetch/wait deliver exactly the new messages, dropped connections surface as MailboxError."""

from __future__ import annotations

import logging
import re
import socket
import threading
import time
from datetime import datetime

import pytest

from scopewatch.errors import AuthenticationError, ConfigError, MailboxError
from scopewatch.ingest import ImapSource, MailSource
from tests.dovecot import DovecotServer, free_port, make_message

pytestmark = pytest.mark.dovecot

POLL = 0.5  # polling interval used in tests


def nothing_known(keys: list[str]) -> set[str]:
    return set()


def source(server: DovecotServer, user: str, **kwargs) -> ImapSource:
    kwargs.setdefault("timeout", 5.0)
    kwargs.setdefault("poll_interval", POLL)
    return ImapSource("work", server.host, server.port, "plain", user, lambda: server.passwords[user], **kwargs)


@pytest.fixture
def mailbox(dovecot_server):
    """(server, user, connected source); the source is closed afterwards."""
    user, _ = dovecot_server.add_user()
    src = source(dovecot_server, user)
    src.connect()
    yield dovecot_server, user, src
    src.close()


def later(delay: float, fn, *args) -> threading.Timer:
    timer = threading.Timer(delay, fn, args)
    timer.daemon = True
    timer.start()
    return timer


# --- configuration, no server needed ------------------------------------------------------------


@pytest.mark.parametrize("host", ["imap.example.com", "192.168.1.10", "10.0.0.1", "2001:db8::1"])
def test_plain_is_refused_for_a_server_elsewhere(host):
    with pytest.raises(ConfigError, match="unencrypted") as err:
        ImapSource("work", host, 143, "plain", "va", "secret")
    assert host in str(err.value) and "'work'" in str(err.value)


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "127.8.9.10", "::1"])
def test_plain_is_allowed_on_loopback(host):
    src = ImapSource("work", host, 143, "plain", "va", "secret")
    assert src.port == 143 and not src.connected


def test_unknown_security_mode_is_a_config_error():
    with pytest.raises(ConfigError, match="security must be one of"):
        ImapSource("work", "imap.example.com", None, "tls1.3", "va", "secret")


def test_default_ports_follow_security():
    assert ImapSource("a", "imap.example.com", None, "ssl").port == 993
    assert ImapSource("a", "imap.example.com", None, "starttls").port == 143


def test_nothing_listening_is_one_clear_mailbox_error():
    src = ImapSource("work", "127.0.0.1", free_port(), "plain", "va", "x", timeout=3)
    with pytest.raises(MailboxError, match="cannot reach 127.0.0.1") as err:
        src.connect()
    assert "\n" not in str(err.value)


def test_imap_source_satisfies_the_protocol():
    assert isinstance(ImapSource("a", "localhost", 143, "plain"), MailSource)


# --- connecting -----------------------------------------------------------------------------------


def test_wrong_password_is_an_authentication_error(dovecot_server):
    user, _ = dovecot_server.add_user()
    src = ImapSource("work", dovecot_server.host, dovecot_server.port, "plain", user, "wrong", timeout=5)
    with pytest.raises(AuthenticationError) as err:
        src.connect()
    assert "'work'" in str(err.value) and user in str(err.value)
    assert not src.connected


def test_capability_decides_idle(mailbox):
    server, _, src = mailbox
    assert src.supports_idle is server.idle


def test_starttls_refused_when_server_does_not_offer_it(dovecot_server):
    # Our test server has ssl = no, so it cannot offer STARTTLS: connecting must say so, not hang.
    user, password = dovecot_server.add_user()
    src = ImapSource("work", dovecot_server.host, dovecot_server.port, "starttls", user, password, timeout=5)
    with pytest.raises(MailboxError, match="STARTTLS"):
        src.connect()


# --- reading never changes the mailbox ------------------------------------------------------------


def test_peek_fetch_leaves_every_flag_unchanged(mailbox):
    server, user, src = mailbox
    raws = [make_message(f"m{i}", f"body {i}") for i in range(4)]
    server.append(user, raw=raws[0])
    server.append(user, raw=raws[1], flags="\\Flagged")
    server.append(user, raw=raws[2], flags="\\Seen $Label1")
    server.append(user, raw=raws[3], flags="\\Answered \\Draft")
    before = server.flags(user)
    assert len(before) == 4 and "\\Seen" not in before[1]

    src.folder_state("INBOX")
    keys = src.pending("INBOX", 0, nothing_known)
    fetched = list(src.fetch("INBOX", keys))
    assert src.wait("INBOX", 0.2) is False

    assert server.flags(user) == before  # \Seen, \Recent and keywords all as they were
    assert [m.raw.replace(b"\r\n", b"\n") for m in fetched] == [r.replace(b"\r\n", b"\n") for r in raws]


# --- pending and fetch ----------------------------------------------------------------------------


def test_pending_lists_unprocessed_messages_oldest_first(mailbox):
    server, user, src = mailbox
    uids = [server.append(user, raw=make_message(f"m{i}")) for i in range(3)]
    state = src.folder_state("INBOX")
    keys = [f"{state.uidvalidity}:{u}" for u in uids]
    assert state.exists == 3 and state.uidnext == uids[-1] + 1

    assert src.pending("INBOX", 0, nothing_known) == keys
    asked: list[list[str]] = []

    def ledger(ks):
        asked.append(list(ks))
        return {keys[1]}

    assert src.pending("INBOX", 0, ledger) == [keys[0], keys[2]]
    assert asked == [keys]
    assert src.pending("INBOX", uids[1], nothing_known) == [keys[2]]
    # "n:*" matches the highest UID even when it is below n; that one is not new.
    assert src.pending("INBOX", uids[-1], nothing_known) == []
    assert src.pending("INBOX", uids[-1] + 50, nothing_known) == []


def test_pending_on_an_empty_folder_is_empty(mailbox):
    _, _, src = mailbox
    assert src.pending("INBOX", 0, nothing_known) == []
    assert src.folder_state("INBOX").exists == 0


def test_fetch_returns_exactly_the_requested_messages_in_batches(dovecot_server):
    user, _ = dovecot_server.add_user()
    raws = [make_message(f"m{i}") for i in range(5)]
    for raw in raws:
        dovecot_server.append(user, raw=raw)
    src = source(dovecot_server, user, fetch_batch=2)
    src.connect()
    try:
        keys = src.pending("INBOX", 0, nothing_known)
        wanted = [keys[4], keys[0], keys[2]]
        got = list(src.fetch("INBOX", wanted))
        assert [m.key for m in got] == wanted
        uidvalidity = src.folder_state("INBOX").uidvalidity
        for m, index in zip(got, (4, 0, 2)):
            assert m.account == "work" and m.folder == "INBOX"
            assert m.uidvalidity == uidvalidity and m.key == f"{uidvalidity}:{m.uid}"
            assert isinstance(m.internal_date, datetime) and m.internal_date.tzinfo is not None
            assert m.raw.replace(b"\r\n", b"\n") == raws[index].replace(b"\r\n", b"\n")
    finally:
        src.close()


def test_missing_folder_is_a_mailbox_error_and_connection_survives(mailbox):
    _, _, src = mailbox
    with pytest.raises(MailboxError, match="Nope"):
        src.folder_state("Nope")
    assert src.connected
    assert src.folder_state("INBOX").exists == 0


def test_recreated_folder_shows_new_uidvalidity(mailbox):
    server, user, src = mailbox
    server.create_folder(user, "Clients")
    server.append(user, "Clients")
    before = src.folder_state("Clients")
    old_keys = src.pending("Clients", 0, nothing_known)
    time.sleep(1.1)  # Dovecot derives UIDVALIDITY from the clock
    server.recreate_folder(user, "Clients")
    server.append(user, "Clients")
    after = src.folder_state("Clients")
    assert after.uidvalidity != before.uidvalidity
    with pytest.raises(MailboxError, match="recreated"):
        list(src.fetch("Clients", old_keys))
    new_keys = src.pending("Clients", 0, nothing_known)
    assert new_keys == [f"{after.uidvalidity}:1"]
    assert len(list(src.fetch("Clients", new_keys))) == 1


# --- waiting --------------------------------------------------------------------------------------


def test_wait_wakes_soon_after_an_append(mailbox):
    server, user, src = mailbox
    src.pending("INBOX", 0, nothing_known)
    later(0.3, server.append, user)
    started = time.monotonic()
    assert src.wait("INBOX", 20) is True
    elapsed = time.monotonic() - started - 0.3
    assert elapsed < (2.0 if server.idle else POLL + 1.0)
    assert len(src.pending("INBOX", 0, nothing_known)) == 1


def test_wait_returns_false_after_timeout_without_mail(mailbox):
    _, _, src = mailbox
    src.pending("INBOX", 0, nothing_known)
    started = time.monotonic()
    assert src.wait("INBOX", 1.2) is False
    assert 1.1 <= time.monotonic() - started < 3.0
    assert src.connected


def test_wait_reports_mail_that_arrived_since_pending_at_once(mailbox):
    server, user, src = mailbox
    src.pending("INBOX", 0, nothing_known)
    server.append(user)
    started = time.monotonic()
    assert src.wait("INBOX", 20) is True
    assert time.monotonic() - started < 0.5


def test_wait_honours_a_stop_request(mailbox):
    _, _, src = mailbox
    src.pending("INBOX", 0, nothing_known)
    stop = threading.Event()
    later(0.3, stop.set)
    started = time.monotonic()
    assert src.wait("INBOX", 30, stop=stop) is False
    assert time.monotonic() - started < 2.0
    # the connection stays usable after a stop in the middle of IDLE
    assert src.folder_state("INBOX").exists == 0


def test_kick_during_wait_raises_mailbox_error_without_hanging_or_spinning(mailbox):
    server, user, src = mailbox
    src.pending("INBOX", 0, nothing_known)
    later(0.5, server.kick, user)
    started, cpu = time.monotonic(), time.process_time()
    with pytest.raises(MailboxError, match="connection lost"):
        src.wait("INBOX", 30)
    assert time.monotonic() - started < 5.0
    assert time.process_time() - cpu < 1.0
    assert not src.connected
    src.connect()
    server.append(user)
    assert len(src.pending("INBOX", 0, nothing_known)) == 1


def test_connection_killed_without_bye_is_noticed(mailbox):
    # A crashed server process sends no BYE, only EOF: imapclient's idle_check then returns []
    # immediately forever, which must become MailboxError, not a busy loop.
    server, user, src = mailbox
    src.pending("INBOX", 0, nothing_known)
    later(0.5, server.kill_connections, user)
    started, cpu = time.monotonic(), time.process_time()
    with pytest.raises(MailboxError, match="connection lost"):
        src.wait("INBOX", 30)
    assert time.monotonic() - started < 5.0
    assert time.process_time() - cpu < 1.0
    src.connect()
    assert src.folder_state("INBOX").exists == 0


def test_kick_then_fetch_raises_and_reconnect_works(mailbox):
    server, user, src = mailbox
    server.append(user)
    keys = src.pending("INBOX", 0, nothing_known)
    server.kick(user)
    time.sleep(0.2)
    with pytest.raises(MailboxError, match="connection lost"):
        list(src.fetch("INBOX", keys))
    with pytest.raises(MailboxError, match="not connected"):
        src.folder_state("INBOX")
    src.connect()
    assert [m.key for m in src.fetch("INBOX", keys)] == keys


@pytest.mark.parametrize("idle", [True, False], ids=["idle", "no-idle"])
def test_server_stop_and_start_then_reconnect(private_dovecot, idle):
    server = private_dovecot(idle=idle)
    user, _ = server.add_user()
    server.append(user)
    src = source(server, user)
    src.connect()
    keys = src.pending("INBOX", 0, nothing_known)
    later(0.5, server.stop)
    started = time.monotonic()
    with pytest.raises(MailboxError, match="connection lost"):
        src.wait("INBOX", 30)
    assert time.monotonic() - started < 8.0
    with pytest.raises(MailboxError, match="cannot reach"):
        src.connect()
    server.start()
    src.connect()
    try:
        assert src.supports_idle is idle
        assert src.pending("INBOX", 0, nothing_known) == keys
        assert [m.key for m in src.fetch("INBOX", keys)] == keys
    finally:
        src.close()


# --- the one write: drafts ------------------------------------------------------------------------


def test_append_draft_goes_to_special_use_drafts_and_changes_nothing_else(mailbox):
    server, user, src = mailbox
    server.create_folder(user, "Drafts")  # \Drafts by SPECIAL-USE in the server config
    server.append(user, flags="\\Flagged")
    server.append(user)
    inbox_before = server.flags(user)
    folders_before = server.folders(user)

    src.drafts_folder = "Concepten"  # the SPECIAL-USE folder wins over the configured name
    draft = make_message("Re: extra work", "A change request")
    assert src.append_draft(draft) == "Drafts"

    assert server.folders(user) == folders_before
    assert server.flags(user) == inbox_before
    drafts = server.flags(user, "Drafts")
    assert len(drafts) == 1
    (flags,) = drafts.values()
    assert "\\Draft" in flags and "\\Seen" not in flags and "\\Deleted" not in flags


def test_append_draft_creates_the_configured_folder_when_none_is_marked(mailbox):
    server, user, src = mailbox
    src.drafts_folder = "Concepten"
    assert src.append_draft(make_message("Re: x")) == "Concepten"
    assert "Concepten" in server.folders(user)
    assert [("\\Draft" in f) for f in server.flags(user, "Concepten").values()] == [True]
    # a second draft reuses the folder
    assert src.append_draft(make_message("Re: y")) == "Concepten"
    assert len(server.flags(user, "Concepten")) == 2


def test_only_read_only_commands_reach_the_client_folders(mailbox, caplog):
    # Every command the source sends, as imapclient logs it: no SELECT (read-write), no STORE,
    # EXPUNGE, MOVE, COPY or CLOSE (which expunges), and every FETCH of content a PEEK (sizes and
    # the structure set no flag).
    server, user, src = mailbox
    server.append(user)
    server.append(user, flags="\\Seen")
    src.close()
    with caplog.at_level(logging.DEBUG, logger="imapclient"):
        src.connect()
        src.folder_state("INBOX")
        keys = src.pending("INBOX", 0, nothing_known)
        list(src.fetch("INBOX", keys))
        src.wait("INBOX", 0.3)
        src.append_draft(make_message("Re: draft"))
        src.close()
    sent = set()
    for record in caplog.records:
        match = re.match(r"> b'\w+ (UID \w+|\w+)(.*)$", record.getMessage())
        if match:
            sent.add(match.group(1))
            if "FETCH" in match.group(1):
                args = match.group(2)
                assert "BODY.PEEK[]" in args or set(re.findall(r"[A-Z][A-Z0-9.]+", args)) <= {"RFC822.SIZE", "INTERNALDATE"}
                assert not re.search(r"RFC822(?!\.SIZE)", args) and "BODY[" not in args
    assert {"LOGIN", "EXAMINE", "UID SEARCH", "UID FETCH", "APPEND"} <= sent
    allowed = {"LOGIN", "CAPABILITY", "EXAMINE", "UID SEARCH", "UID FETCH", "IDLE", "NOOP", "LIST", "CREATE", "APPEND", "LOGOUT"}
    assert sent <= allowed, sent - allowed


def test_idle_is_renewed_and_still_sees_new_mail(dovecot_server):
    user, _ = dovecot_server.add_user()
    src = source(dovecot_server, user, idle_renew=0.4)
    src.connect()
    try:
        src.pending("INBOX", 0, nothing_known)
        assert src.wait("INBOX", 1.5) is False  # several IDLE renewals, no mail
        assert src.connected
        later(1.0, dovecot_server.append, user)  # arrives after at least two renewals
        started = time.monotonic()
        assert src.wait("INBOX", 20) is True
        assert time.monotonic() - started < 1.0 + (2.0 if dovecot_server.idle else POLL + 1.0)
    finally:
        src.close()


def test_silent_server_times_out_with_one_clear_error():
    # Accepts the TCP connection but never greets: the read timeout must end the wait.
    with socket.socket() as listener:
        listener.bind(("127.0.0.1", 0))
        listener.listen(1)
        port = listener.getsockname()[1]
        src = ImapSource("work", "127.0.0.1", port, "plain", "va", "x", timeout=1.0)
        started = time.monotonic()
        with pytest.raises(MailboxError, match="time limit") as err:
            src.connect()
        assert time.monotonic() - started < 4.0
        assert "\n" not in str(err.value)


def test_tls_to_a_plain_text_port_fails_cleanly(dovecot_server):
    user, password = dovecot_server.add_user()
    src = ImapSource("work", "localhost", dovecot_server.port, "ssl", user, password, timeout=3)
    with pytest.raises(MailboxError, match="'work': TLS handshake .* failed"):
        src.connect()
    assert not src.connected

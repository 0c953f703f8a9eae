"""MaildirSource: reads new/ and cur/ without moving, renaming or changing a single file, lists
pending mail oldest first, notices new mail by polling, and delivers drafts safely into .Drafts."""

from __future__ import annotations

import hashlib
import os
import threading
import time
from pathlib import Path

import pytest

from scopewatch.errors import MailboxError
from scopewatch.ingest import MaildirSource, MailSource
from scopewatch.ingest.maildir import message_key
from tests.dovecot import make_message

POLL = 0.2


def nothing_known(keys):
    return set()


def make_maildir(path: Path) -> Path:
    for sub in ("new", "cur", "tmp"):
        (path / sub).mkdir(parents=True, exist_ok=True)
    return path


def deliver(folder: Path, name: str, raw: bytes, *, sub: str = "new", mtime: float | None = None) -> Path:
    target = folder / sub / name
    target.write_bytes(raw)
    if mtime is not None:
        os.utime(target, (mtime, mtime))
    return target


def snapshot(root: Path) -> dict[str, tuple[int, str]]:
    """Every file under root: (mtime_ns, sha256) by relative path; any move/rename/edit shows."""
    out = {}
    for dirpath, _dirs, files in os.walk(root):
        for name in files:
            p = Path(dirpath) / name
            out[str(p.relative_to(root))] = (p.stat().st_mtime_ns, hashlib.sha256(p.read_bytes()).hexdigest())
    return out


def later(delay, fn, *args):
    t = threading.Timer(delay, fn, args)
    t.daemon = True
    t.start()
    return t


@pytest.fixture
def maildir(tmp_path):
    root = make_maildir(tmp_path / "Maildir")
    make_maildir(root / ".Clients")
    now = time.time()
    deliver(root, "1000.M1P1.host,S=10", make_message("third"), mtime=now - 100)
    deliver(root, "0900.M1P1.host:2,S", make_message("first"), sub="cur", mtime=now - 300)
    deliver(root, "0950.M1P1.host:2,FS", make_message("second"), sub="cur", mtime=now - 200)
    deliver(root, ".hidden-dotfile", b"not mail", mtime=now - 400)
    return root


def test_message_key_is_the_part_before_the_info():
    assert message_key("1700000000.M5P6.host,S=123:2,RS") == "1700000000.M5P6.host,S=123"
    assert message_key("1700000000.M5P6.host") == "1700000000.M5P6.host"


def test_maildir_source_satisfies_the_protocol(maildir):
    assert isinstance(MaildirSource("home", maildir), MailSource)


def test_reading_never_moves_renames_or_changes_a_file(maildir):
    before = snapshot(maildir)
    src = MaildirSource("home", maildir, poll_interval=POLL)
    src.connect()
    src.folder_state("")
    keys = src.pending("", 0, nothing_known)
    assert len(list(src.fetch("", keys))) == 3
    assert src.wait("", 0.5) is False
    src.close()
    assert snapshot(maildir) == before
    assert sorted(os.listdir(maildir / "new")) == [".hidden-dotfile", "1000.M1P1.host,S=10"]  # not moved to cur/


def test_pending_is_oldest_first_and_skips_known_keys(maildir):
    src = MaildirSource("home", maildir)
    keys = src.pending("", 0, nothing_known)
    assert keys == ["0900.M1P1.host", "0950.M1P1.host", "1000.M1P1.host,S=10"]
    assert src.pending("", 0, lambda ks: {"0950.M1P1.host"}) == ["0900.M1P1.host", "1000.M1P1.host,S=10"]
    assert src.folder_state("").exists == 3
    assert src.folder_state("").uidvalidity is None


def test_same_mtime_orders_by_name(tmp_path):
    root = make_maildir(tmp_path / "M")
    for name in ("b", "c", "a"):
        deliver(root, name, make_message(name), mtime=1_700_000_000)
    assert MaildirSource("home", root).pending("", 0, nothing_known) == ["a", "b", "c"]


def test_fetch_returns_the_file_bytes_with_maildir_identity(maildir):
    src = MaildirSource("home", maildir)
    got = list(src.fetch("", ["0950.M1P1.host", "1000.M1P1.host,S=10"]))
    assert [m.key for m in got] == ["0950.M1P1.host", "1000.M1P1.host,S=10"]
    assert got[0].raw == (maildir / "cur" / "0950.M1P1.host:2,FS").read_bytes()
    assert all(m.uid is None and m.uidvalidity is None and m.folder == "" and m.account == "home" for m in got)
    assert got[0].internal_date.tzinfo is not None


def test_fetch_follows_a_file_renamed_by_a_mail_client(maildir):
    src = MaildirSource("home", maildir)
    keys = src.pending("", 0, nothing_known)
    # The VA's mail client reads the message in the meantime: new/ -> cur/ with :2,S.
    os.rename(maildir / "new" / "1000.M1P1.host,S=10", maildir / "cur" / "1000.M1P1.host,S=10:2,S")
    (maildir / "cur" / "0900.M1P1.host:2,S").unlink()  # and deletes another one
    got = [m.key for m in src.fetch("", keys)]
    assert got == ["0950.M1P1.host", "1000.M1P1.host,S=10"]


def test_subfolders_and_inbox_alias(maildir):
    deliver(maildir / ".Clients", "2000.M1P1.host", make_message("client"))
    src = MaildirSource("home", maildir)
    assert src.pending("Clients", 0, nothing_known) == ["2000.M1P1.host"]
    assert src.pending("INBOX", 0, nothing_known) == src.pending("", 0, nothing_known)
    (msg,) = src.fetch("Clients", ["2000.M1P1.host"])
    assert msg.folder == "Clients" and b"Subject: client" in msg.raw


def test_missing_maildir_or_folder_is_a_clear_error(tmp_path, maildir):
    with pytest.raises(MailboxError, match="Maildir not found"):
        MaildirSource("home", tmp_path / "nope").connect()
    with pytest.raises(MailboxError, match="'Archive'"):
        MaildirSource("home", maildir).pending("Archive", 0, nothing_known)
    with pytest.raises(MailboxError, match="not a Maildir folder name"):
        MaildirSource("home", maildir).folder_state("../etc")


def test_wait_wakes_on_new_mail_within_a_poll_interval(maildir):
    src = MaildirSource("home", maildir, poll_interval=POLL)
    src.pending("", 0, nothing_known)
    later(0.3, deliver, maildir, "3000.M1P1.host", make_message("new"))
    started = time.monotonic()
    assert src.wait("", 10) is True
    assert time.monotonic() - started - 0.3 < POLL + 0.5
    assert src.pending("", 0, nothing_known)[-1] == "3000.M1P1.host"


def test_wait_ignores_flag_changes_and_times_out(maildir):
    src = MaildirSource("home", maildir, poll_interval=POLL)
    src.pending("", 0, nothing_known)
    later(0.2, os.rename, maildir / "cur" / "0900.M1P1.host:2,S", maildir / "cur" / "0900.M1P1.host:2,RS")
    started = time.monotonic()
    assert src.wait("", 1.0) is False
    assert 0.9 <= time.monotonic() - started < 2.5


def test_wait_reports_mail_delivered_since_pending_at_once(maildir):
    src = MaildirSource("home", maildir, poll_interval=5)
    src.pending("", 0, nothing_known)
    deliver(maildir, "3000.M1P1.host", make_message("new"))
    started = time.monotonic()
    assert src.wait("", 10) is True
    assert time.monotonic() - started < 0.5


def test_wait_honours_a_stop_request(maildir):
    stop = threading.Event()
    src = MaildirSource("home", maildir, poll_interval=5, stop=stop)
    src.pending("", 0, nothing_known)
    later(0.3, stop.set)
    started = time.monotonic()
    assert src.wait("", 30) is False
    assert time.monotonic() - started < 1.0


def test_append_draft_delivers_into_drafts_cur_with_draft_flag(maildir):
    before = snapshot(maildir)
    src = MaildirSource("home", maildir)
    raw = make_message("Re: extra work", "Change request")
    assert src.append_draft(raw) == "Drafts"
    assert src.append_draft(make_message("Re: second")) == "Drafts"
    drafts = maildir / ".Drafts"
    assert (drafts / "maildirfolder").exists()
    assert os.listdir(drafts / "tmp") == [] and os.listdir(drafts / "new") == []
    names = sorted(os.listdir(drafts / "cur"))
    assert len(names) == 2 and all(n.endswith(":2,D") for n in names)
    assert raw in [(drafts / "cur" / n).read_bytes() for n in names]
    after = {k: v for k, v in snapshot(maildir).items() if not k.startswith(".Drafts/")}
    assert after == before
    # the drafts folder reads back like any other folder
    assert len(src.pending("Drafts", 0, nothing_known)) == 2


@pytest.mark.dovecot
def test_reads_a_maildir_written_by_dovecot(dovecot_server):
    user, _ = dovecot_server.add_user()
    raws = [make_message(f"m{i}") for i in range(3)]
    for raw in raws:
        dovecot_server.append(user, raw=raw, flags="\\Seen" if raws.index(raw) == 1 else "")
    root = dovecot_server.maildir(user)
    before = snapshot(root)
    src = MaildirSource("home", root)
    src.connect()
    keys = src.pending("", 0, nothing_known)
    got = list(src.fetch("", keys))
    assert [m.raw.replace(b"\r\n", b"\n") for m in got] == [r.replace(b"\r\n", b"\n") for r in raws]
    assert snapshot(root) == before

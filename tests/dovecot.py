"""A private, real Dovecot IMAP server for tests, started from tests/data/dovecot/dovecot.conf.in on a
free loopback port, in two variants: with IDLE and without it. Helpers append mail (a real IMAP
APPEND from a second client), read every flag, kick users, restart the server, recreate folders."""

from __future__ import annotations

import imaplib
import itertools
import os
import pwd
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from string import Template

import pytest

CONF_TEMPLATE = Path(__file__).resolve().parent / "data" / "dovecot" / "dovecot.conf.in"
# The capabilities Dovecot 2.3 announces, minus IDLE: the client must fall back to polling.
NO_IDLE_CAPABILITY = (
    "imap_capability = IMAP4rev1 SASL-IR LOGIN-REFERRALS ID ENABLE SORT UNSELECT CHILDREN "
    "NAMESPACE UIDPLUS LIST-EXTENDED I18NLEVEL=1 ESEARCH SEARCHRES WITHIN LIST-STATUS "
    "BINARY MOVE LITERAL+ SPECIAL-USE"
)
_names = itertools.count(1)
SPARE_USERS = 40


def _dovecot_binary() -> str | None:
    for candidate in (shutil.which("dovecot"), "/usr/sbin/dovecot"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def _doveadm_binary() -> str | None:
    for candidate in (shutil.which("doveadm"), "/usr/bin/doveadm"):
        if candidate and os.access(candidate, os.X_OK):
            return candidate
    return None


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def make_message(subject: str = "Test", body: str = "Hello", sender: str = "client@example.com") -> bytes:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "va@example.com"
    msg["Subject"] = subject
    msg["Date"] = format_datetime(datetime.now().astimezone())
    msg["Message-ID"] = make_msgid(domain="example.com")
    msg.set_content(body)
    return msg.as_bytes()


class DovecotServer:
    """One private Dovecot instance. `idle=False` hides IDLE from the capability list."""

    host = "127.0.0.1"

    def __init__(self, idle: bool = True):
        self.idle = idle
        self.dovecot = _dovecot_binary()
        self.doveadm = _doveadm_binary()
        # Dovecot's auth and mail processes drop privileges; a pytest tmp_path (under a 0700
        # folder) is unreadable to them, so the working folder lives world-readable in /tmp.
        self.base = Path(tempfile.mkdtemp(prefix="scopewatch-dovecot-", dir="/tmp"))
        self.base.chmod(0o755)
        self.port = free_port()
        self.conf = self.base / "dovecot.conf"
        self.users_file = self.base / "users"
        self.proc: subprocess.Popen | None = None
        self.passwords: dict[str, str] = {}
        if os.geteuid() == 0:
            internal, login = self._system_user("dovecot"), self._system_user("dovenull")
            self.mail_user = internal
        else:
            internal = login = self.mail_user = pwd.getpwuid(os.getuid()).pw_name
        entry = pwd.getpwnam(self.mail_user)
        self.mail_uid, self.mail_gid = entry.pw_uid, entry.pw_gid
        for sub in ("run", "state", "mail"):
            (self.base / sub).mkdir(mode=0o755)
        if os.geteuid() == 0:
            os.chown(self.base / "mail", self.mail_uid, self.mail_gid)
        self.users_file.write_text("")
        self.users_file.chmod(0o644)
        # Users are written before the server starts: added later, each costs a second's wait.
        self._spare_users: list[tuple[str, str]] = []
        for _ in range(SPARE_USERS):
            name = f"va{next(_names)}"
            self._spare_users.append((name, f"pw-{name}-{os.getpid()}"))
            self._write_user(*self._spare_users[-1])
        text = Template(CONF_TEMPLATE.read_text()).substitute(
            base=str(self.base),
            port=self.port,
            internal_user=internal,
            login_user=login,
            first_valid_uid=min(self.mail_uid, 500) if self.mail_uid else 1,
            capability_line="" if idle else NO_IDLE_CAPABILITY,
        )
        self.conf.write_text(text)

    @staticmethod
    def _system_user(name: str) -> str:
        try:
            pwd.getpwnam(name)
            return name
        except KeyError:
            return "nobody"

    # --- lifecycle ------------------------------------------------------------------------------

    @property
    def log_tail(self) -> str:
        try:
            return "\n".join((self.base / "dovecot.log").read_text().splitlines()[-15:])
        except OSError:
            return "(no log)"

    def start(self, timeout: float = 15.0) -> None:
        if self.running:
            return
        self.proc = subprocess.Popen(
            [self.dovecot, "-F", "-c", str(self.conf)],
            stdout=subprocess.DEVNULL,
            stderr=open(self.base / "stderr.log", "ab"),
            start_new_session=True,  # its own process group, so stop() reaches every child
        )
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(
                    f"dovecot exited with {self.proc.returncode}: "
                    f"{(self.base / 'stderr.log').read_text()[-800:]}\n{self.log_tail}"
                )
            try:
                with socket.create_connection((self.host, self.port), timeout=1) as s:
                    if s.recv(64).startswith(b"* OK"):
                        return
            except OSError:
                time.sleep(0.05)
        raise RuntimeError(f"dovecot did not answer on port {self.port}:\n{self.log_tail}")

    @property
    def running(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if not self.running:
            return
        self.proc.send_signal(signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait(timeout=5)
        # imap processes outlive the master by ~10 s before saying BYE; a real shutdown (service
        # stop, container stop) signals them all at once.
        try:
            os.killpg(self.proc.pid, signal.SIGTERM)
        except (ProcessLookupError, PermissionError):
            pass
        # Wait until the port is really free so a restart can bind it again.
        deadline = time.monotonic() + 5
        while time.monotonic() < deadline:
            try:
                socket.create_connection((self.host, self.port), timeout=0.2).close()
                time.sleep(0.05)
            except OSError:
                break

    def restart(self) -> None:
        self.stop()
        self.start()

    def cleanup(self) -> None:
        self.stop()
        shutil.rmtree(self.base, ignore_errors=True)

    # --- users and mail -------------------------------------------------------------------------

    def _write_user(self, name: str, password: str) -> None:
        home = self.base / "mail" / name
        with self.users_file.open("a") as fh:
            fh.write(f"{name}:{{PLAIN}}{password}:{self.mail_uid}:{self.mail_gid}::{home}\n")

    def add_user(self) -> tuple[str, str]:
        """A fresh user with an empty Maildir; returns (username, password)."""
        if self._spare_users:
            name, password = self._spare_users.pop(0)
        else:
            name = f"va{next(_names)}"
            password = f"pw-{name}-{os.getpid()}"
            self._write_user(name, password)
            # Dovecot looks at the passwd-file at most once a second and only when its mtime
            # changed; give the change its own second.
            time.sleep(1.1)
        self.passwords[name] = password
        return name, password

    def maildir(self, user: str) -> Path:
        return self.base / "mail" / user / "Maildir"

    def imap(self, user: str) -> imaplib.IMAP4:
        """A second, independent client (stdlib imaplib), for arranging test situations."""
        conn = imaplib.IMAP4(self.host, self.port, timeout=10)
        conn.login(user, self.passwords[user])
        return conn

    def append(self, user: str, folder: str = "INBOX", raw: bytes | None = None, flags: str = "") -> int:
        """IMAP APPEND from another client, as a mail delivery would; returns the new UID."""
        raw = raw if raw is not None else make_message()
        conn = self.imap(user)
        try:
            typ, data = conn.append(_quote(folder), f"({flags})" if flags else None, None, raw)
            assert typ == "OK", data
            match = re.search(rb"APPENDUID \d+ (\d+)", data[0] or b"")
            return int(match.group(1)) if match else -1
        finally:
            conn.logout()

    def create_folder(self, user: str, folder: str) -> None:
        self._doveadm("mailbox", "create", "-u", user, folder)

    def delete_folder(self, user: str, folder: str) -> None:
        self._doveadm("mailbox", "delete", "-u", user, folder)

    def recreate_folder(self, user: str, folder: str) -> None:
        self.delete_folder(user, folder)
        self.create_folder(user, folder)

    def folder_status(self, user: str, folder: str) -> dict[str, int]:
        out = self._doveadm("mailbox", "status", "-u", user, "uidvalidity uidnext messages", folder)
        return {k: int(v) for k, v in re.findall(r"(\w+)=(\d+)", out)}

    def folders(self, user: str) -> list[str]:
        return sorted(self._doveadm("mailbox", "list", "-u", user).split())

    def flags(self, user: str, folder: str = "INBOX") -> dict[int, set[str]]:
        """UID -> every flag (including \\Recent), read by doveadm without any IMAP session."""
        out = self._doveadm("fetch", "-u", user, "uid flags", "mailbox", folder)
        result: dict[int, set[str]] = {}
        for uid, flags in re.findall(r"uid: (\d+)\nflags:[ ]?([^\n]*)", out):
            result[int(uid)] = set(flags.split())
        return result

    def kick(self, user: str) -> None:
        """Drop every IMAP connection of `user`, as a server restart or idle cut-off would."""
        self._doveadm("kick", user)

    def kill_connections(self, user: str) -> int:
        """SIGKILL the user's IMAP processes: the connection dies with no BYE, only EOF."""
        pids = [int(pid) for name, proto, pid in re.findall(
            r"^(\S+)\s+(\S+)\s+(\d+)", self._doveadm("who", "-1", user), re.M
        ) if name == user and proto == "imap"]
        for pid in pids:
            os.kill(pid, signal.SIGKILL)
        return len(pids)

    def _doveadm(self, *args: str) -> str:
        proc = subprocess.run(
            [self.doveadm, "-c", str(self.conf), *args], capture_output=True, text=True, timeout=30
        )
        if proc.returncode != 0:
            raise RuntimeError(f"doveadm {' '.join(args)} failed: {proc.stderr.strip()}")
        return proc.stdout


def _quote(folder: str) -> str:
    return '"' + folder.replace("\\", "\\\\").replace('"', '\\"') + '"'


def _start(idle: bool) -> DovecotServer:
    from tests.conftest import skip_or_fail  # here, not at the top: conftest imports this module

    if _dovecot_binary() is None or _doveadm_binary() is None:
        skip_or_fail("Dovecot is not installed (apt-get install dovecot-imapd)")
    server = DovecotServer(idle=idle)
    try:
        server.start()
    except Exception as exc:  # noqa: BLE001 - any failure to start is the reason we report
        server.cleanup()
        skip_or_fail(f"could not start a private Dovecot: {exc}")
    return server


@pytest.fixture(scope="session", params=["idle", "no-idle"])
def dovecot(request) -> DovecotServer:
    """A running private Dovecot, once with IDLE and once without (every user of it runs twice)."""
    server = _start(idle=request.param == "idle")
    yield server
    server.cleanup()


@pytest.fixture
def dovecot_server(dovecot: DovecotServer) -> DovecotServer:
    """The session's Dovecot, restarted first if an earlier test stopped it."""
    if not dovecot.running:
        dovecot.start()
    return dovecot


@pytest.fixture
def private_dovecot(request):
    """Factory for a Dovecot of the test's own (for stop/start tests): private_dovecot(idle=True)."""
    servers: list[DovecotServer] = []

    def make(idle: bool = True) -> DovecotServer:
        server = _start(idle)
        servers.append(server)
        return server

    yield make
    for server in servers:
        server.cleanup()

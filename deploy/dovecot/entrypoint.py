"""Entrypoint of the compose `mail` service: a Dovecot test mailbox rendered from the same template
the test suite starts (tests/data/dovecot/dovecot.conf.in), with one user whose INBOX starts as a
copy of the bundled sample mail. Stdlib only, so it also runs outside the container.

    entrypoint.py            prepare the mailbox, render dovecot.conf, exec `dovecot -F`
    entrypoint.py --render   print the rendered dovecot.conf and exit
    entrypoint.py --check    exit 0 when the IMAP port greets with `* OK` (the healthcheck)

Settings (environment): PLAYGROUND_MAIL_PASSWORD (required), PLAYGROUND_MAIL_USER (va),
MAIL_BASE (/srv/mail-playground), MAIL_PORT (143), MAIL_SEED (sample Maildir copied into an empty
INBOX), DOVECOT_TEMPLATE (the config template), DOVECOT (the dovecot binary).
"""

from __future__ import annotations

import os
import pwd
import shutil
import socket
import sys
from pathlib import Path
from string import Template

HERE = Path(__file__).resolve().parent
DEFAULT_BASE = "/srv/mail-playground"
DEFAULT_PORT = 143
DEFAULT_USER = "va"


def template_path() -> Path:
    """The image copies the template next to this script; in a checkout it is the test suite's."""
    if os.environ.get("DOVECOT_TEMPLATE"):
        return Path(os.environ["DOVECOT_TEMPLATE"])
    beside = HERE / "dovecot.conf.in"
    if beside.is_file():
        return beside
    return HERE.parents[1] / "tests" / "data" / "dovecot" / "dovecot.conf.in"


def seed_path() -> Path:
    if os.environ.get("MAIL_SEED"):
        return Path(os.environ["MAIL_SEED"])
    beside = HERE / "seed"
    return beside if beside.is_dir() else HERE.parents[1] / "examples" / "mailbox"


def _user_or_nobody(name: str) -> str:
    try:
        pwd.getpwnam(name)
        return name
    except KeyError:
        return "nobody"


def system_users() -> tuple[str, str, str]:
    """(internal_user, login_user, mail_user), chosen exactly as the test suite's fixture does:
    as root Dovecot drops to its own users and the mail belongs to `dovecot`; otherwise everything
    runs as the calling user."""
    if os.geteuid() == 0:
        internal = _user_or_nobody("dovecot")
        return internal, _user_or_nobody("dovenull"), internal
    me = pwd.getpwuid(os.getuid()).pw_name
    return me, me, me


def render_config(base: str | Path, port: int, *, template: Path | None = None) -> str:
    """dovecot.conf for a server rooted at `base` on loopback `port`, with IDLE offered."""
    internal, login, mail_user = system_users()
    mail_uid = pwd.getpwnam(mail_user).pw_uid
    return Template((template or template_path()).read_text()).substitute(
        base=str(base),
        port=port,
        internal_user=internal,
        login_user=login,
        first_valid_uid=min(mail_uid, 500) if mail_uid else 1,
        capability_line="",
    )


def _settings() -> tuple[Path, int, str, str]:
    base = Path(os.environ.get("MAIL_BASE") or DEFAULT_BASE)
    try:
        port = int(os.environ.get("MAIL_PORT") or DEFAULT_PORT)
    except ValueError:
        sys.exit(f"mail: MAIL_PORT must be a port number, not {os.environ['MAIL_PORT']!r}")
    user = os.environ.get("PLAYGROUND_MAIL_USER") or DEFAULT_USER
    password = os.environ.get("PLAYGROUND_MAIL_PASSWORD", "")
    if not password:
        sys.exit("mail: PLAYGROUND_MAIL_PASSWORD is not set; copy .env.example to .env and set it there")
    # The passwd-file is colon-separated, one user a line.
    for what, value in (("PLAYGROUND_MAIL_USER", user), ("PLAYGROUND_MAIL_PASSWORD", password)):
        if any(c in value for c in ":\n\r"):
            sys.exit(f"mail: {what} cannot contain ':' or a line break")
    return base, port, user, password


def prepare(base: Path, port: int, user: str, password: str) -> Path:
    """Folders, the users file and a seeded Maildir under `base`; returns the config path."""
    _internal, _login, mail_user = system_users()
    entry = pwd.getpwnam(mail_user)
    # Dovecot's auth and mail processes drop privileges and must read these.
    base.mkdir(parents=True, exist_ok=True)
    base.chmod(0o755)
    for sub in ("run", "state", "mail"):
        (base / sub).mkdir(mode=0o755, exist_ok=True)
    home = base / "mail" / user
    users = base / "users"
    users.write_text(f"{user}:{{PLAIN}}{password}:{entry.pw_uid}:{entry.pw_gid}::{home}\n")
    users.chmod(0o644)
    maildir = home / "Maildir"
    if not maildir.exists():
        # First start only: later starts keep whatever the mailbox holds now.
        seed = seed_path()
        # Maildir++ keeps folders as dot-directories; Drafts is where scopewatch puts its replies.
        for folder in (maildir, maildir / ".Drafts", maildir / ".Sent"):
            for sub in ("cur", "new", "tmp"):
                (folder / sub).mkdir(parents=True, exist_ok=True)
        for sub in ("cur", "new"):
            if (seed / sub).is_dir():
                for mail in sorted((seed / sub).iterdir()):
                    if mail.is_file():
                        shutil.copy2(mail, maildir / sub / mail.name)
        if os.geteuid() == 0:
            for path in [home, *sorted(home.rglob("*"))]:
                os.chown(path, entry.pw_uid, entry.pw_gid)
    if os.geteuid() == 0:
        os.chown(base / "mail", entry.pw_uid, entry.pw_gid)
    conf = base / "dovecot.conf"
    conf.write_text(render_config(base, port))
    log = base / "dovecot.log"
    if os.getpid() == 1:
        # In a container this process becomes Dovecot's master (exec keeps pid 1): its stdout is
        # what `docker compose logs mail` shows, so the log file the template names leads there.
        if log.exists() or log.is_symlink():
            log.unlink()
        log.symlink_to("/proc/1/fd/1")
    return conf


def check(port: int, timeout: float = 5.0) -> bool:
    """True when Dovecot answers on loopback `port` with its IMAP greeting."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
            return s.recv(64).startswith(b"* OK")
    except OSError:
        return False


def main(argv: list[str]) -> int:
    if argv[1:2] == ["--check"]:
        port = int(os.environ.get("MAIL_PORT") or DEFAULT_PORT)
        return 0 if check(port) else 1
    base, port, user, password = _settings()
    if argv[1:2] == ["--render"]:
        sys.stdout.write(render_config(base, port))
        return 0
    if argv[1:]:
        sys.exit(f"mail: unknown argument {argv[1]!r} (use --render or --check, or none)")
    conf = prepare(base, port, user, password)
    dovecot = os.environ.get("DOVECOT") or shutil.which("dovecot") or "/usr/sbin/dovecot"
    print(f"mail: IMAP test mailbox for user {user!r} on 127.0.0.1:{port}, config {conf}", flush=True)
    os.execv(dovecot, [dovecot, "-F", "-c", str(conf)])
    return 1  # not reached


if __name__ == "__main__":
    sys.exit(main(sys.argv))

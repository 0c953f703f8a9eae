"""A workspace for the web page's tests and screenshots: the bundled sample (agreements and Maildir)
plus optional extra mails, a scopewatch.toml with the VA, a loopback SMTP server and drafts only
for confirmed findings, and the service run over it once, so the ledger holds new findings."""

from __future__ import annotations

import shutil
import time
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from datetime import datetime, timezone
from pathlib import Path

from scopewatch.resources import examples_dir

MAILBOX = "sample"
VA_NAME, VA_ADDRESS = "Sanne Visser", "sanne@sannevirtueel.example"


def config_text(*, smtp_port: int | None = None, language: str = "en", base_url: str | None = None,
                auto_draft: str = "confirmed") -> str:
    lines = [
        'database = "sqlite:///scopewatch.db"',
        "", "[[mailbox]]", f'name = "{MAILBOX}"', 'maildir = "mailbox"',
        "", "[va]", f'name = "{VA_NAME}"', f'address = "{VA_ADDRESS}"',
        "", "[draft]", f'auto_draft = "{auto_draft}"',
        "", "[digest]", f'language = "{language}"',
    ]
    if smtp_port:
        lines += ["", "[smtp]", 'host = "127.0.0.1"', f"port = {smtp_port}", 'security = "plain"']
    if base_url:
        lines += ["", "[web]", f'base_url = "{base_url}"']
    return "\n".join(lines) + "\n"


def hostile_mail() -> bytes:
    """A client mail whose subject tries a header injection (CR/LF) and whose text carries markup."""
    msg = EmailMessage()
    msg["From"] = "Claire Hughes <claire.hughes@hughesfamily.example>"
    msg["To"] = "Dave <dave@painter.example>"
    msg["Subject"] = "Shed =?utf-8?q?<script>alert(1)</script>=0D=0ABcc:_evil@attacker.example?="
    msg["Date"] = format_datetime(datetime(2026, 2, 25, 9, 30, tzinfo=timezone.utc))
    msg["Message-ID"] = make_msgid(domain="hughesfamily.example")
    msg.set_content(
        "Hi Dave,\n\nCould you also paint the garden shed <img src=x onerror=alert(2)> before you finish? "
        "<script>alert(3)</script>\n\nClaire\n"
    )
    return bytes(msg)


def make_workspace(root: Path, *, smtp_port: int | None = None, language: str = "en",
                   extra_mails: list[bytes] = (), checker=None, base_url: str | None = None,
                   auto_draft: str = "confirmed") -> Path:
    """Build the workspace in `root` (a new folder) and run the service over its mailbox once."""
    from scopewatch.config import load_config
    from scopewatch.daemon import Service

    sample = examples_dir()
    root.mkdir(parents=True)
    shutil.copytree(sample / "scopes", root / "scopes")
    shutil.copytree(sample / "mailbox", root / "mailbox")
    for path in root.rglob("*"):
        path.chmod(0o755 if path.is_dir() else 0o644)  # the installed sample may be read-only
    for n, raw in enumerate(extra_mails):
        (root / "mailbox" / "new" / f"{int(time.time())}.X{n}P1.extra").write_bytes(raw)
    (root / "scopewatch.toml").write_text(config_text(smtp_port=smtp_port, language=language, base_url=base_url,
                                                      auto_draft=auto_draft), encoding="utf-8")
    service = Service(root, config=load_config(root, environ={}), checker=checker)
    try:
        service.run(once=True)
    finally:
        service.close()
    return root

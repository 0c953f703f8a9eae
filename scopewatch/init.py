"""`scopewatch init DIR`: a new workspace with a commented scopewatch.toml and one example agreement
to copy from, never overwriting anything that is already there."""

from __future__ import annotations

import shutil
from pathlib import Path

from scopewatch import resources
from scopewatch.errors import WorkspaceError

EXAMPLE_AGREEMENT = "hughes-house.yaml"

CONFIG_TEMPLATE = """\
# scopewatch settings for this workspace. Every setting can also come from the environment
# (handy in a container); an environment value wins over this file:
#   SCOPEWATCH_DATABASE, SCOPEWATCH_MAILDIR,
#   SCOPEWATCH_<SECTION>_<KEY>          e.g. SCOPEWATCH_LOGGING_LEVEL=debug
#   SCOPEWATCH_MAILBOX_<NAME>_<KEY>     e.g. SCOPEWATCH_MAILBOX_WORK_HOST=imap.fastmail.com
#   SCOPEWATCH_MAILBOX_<NAME>_PASSWORD  the password itself (never write it in this file)
#   SCOPEWATCH_SMTP_<KEY>               e.g. SCOPEWATCH_SMTP_HOST=smtp.fastmail.com
#   SCOPEWATCH_SMTP_PASSWORD            the SMTP password itself

# The ledger. Default: scopewatch.db in this folder. For PostgreSQL:
# database = "postgresql+psycopg://scopewatch@localhost/scopewatch"
database = "sqlite:///scopewatch.db"

# A local Maildir instead of (or next to) an IMAP account; relative to this folder.
# maildir = "mailbox"

# One [[mailbox]] per IMAP account. scopewatch only reads (EXAMINE + BODY.PEEK[]); it never
# marks mail as read, moves or deletes it. Its one write is a draft reply into Drafts.
[[mailbox]]
name = "work"
host = "imap.example.com"
port = 993
security = "ssl"                 # ssl (port 993) | starttls (port 143) | plain (this machine only)
username = "you@example.com"
# The password is never written here. Pick one:
password_env = "SCOPEWATCH_WORK_PASSWORD"        # an environment variable holding it
# password_file = "/home/you/.config/scopewatch/work.password"   # a file (chmod 600)
# password_command = "pass show mail/work"       # a command that prints it
# Gmail, Fastmail and Outlook want an app password here, not your normal one.
folders = ["INBOX"]
drafts_folder = "Drafts"         # used when the server does not name its Drafts folder itself
sent_folder = "Sent"
idle = true                      # IMAP IDLE: new mail is seen within a second or two
poll_interval = 60               # seconds between checks when IDLE is off or unsupported

[logging]
level = "info"                   # debug | info | warning | error
format = "text"                  # text | json (one JSON object per line)

[service]
# metrics_port = 9464            # Prometheus metrics on http://127.0.0.1:9464/metrics
metrics_host = "127.0.0.1"
stale_after = "15m"              # `scopewatch status` fails when a mailbox was not read for this long
failing_after = "5m"             # ... or when it keeps failing (network, login) for this long

[va]
# name = "Your Name"
# address = "you@example.com"

[draft]
auto_draft = "confirmed"         # confirmed | all | off
# default_estimate_hours = 1

[digest]
# The service e-mails you this overview of requests waiting for a decision (through [smtp]);
# nothing new, no e-mail. `scopewatch digest` shows it on demand.
time = "08:00"                   # local time in `timezone`
timezone = "Europe/Amsterdam"
frequency = "daily"              # daily | weekdays | weekly (Mondays) | off
# to = "you@example.com"         # default: [va] address
language = "en"                  # en | nl

# The server that sends the digest to you, and a change request when you use `scopewatch send`.
# Without a host the service sends no digest. It never sends anything to a client by itself.
[smtp]
# host = "smtp.example.com"
# port = 587                     # default: 587 with starttls, 465 with ssl, 25 with plain
security = "starttls"            # starttls (port 587) | ssl (port 465) | plain (this machine only)
# username = "you@example.com"
# The password is never written here. Pick one:
# password_env = "SCOPEWATCH_SMTP_PASSWORD_VAR"    # an environment variable holding it
# password_file = "/home/you/.config/scopewatch/smtp.password"   # a file (chmod 600)
# password_command = "pass show mail/smtp"         # a command that prints it
# (or set SCOPEWATCH_SMTP_PASSWORD in the environment)
"""


def init_workspace(target: Path | str) -> list[Path]:
    """Create `target` with scopewatch.toml and scopes/<example>.yaml; return the files written.

    Refuses (WorkspaceError) when any of those files exists already, before writing anything."""
    root = Path(target).expanduser()
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"{root} exists and is not a folder; pick another place for the workspace")
    example = resources.examples_dir() / "scopes" / EXAMPLE_AGREEMENT
    if not example.is_file():
        raise WorkspaceError(f"the example agreement {example} is missing from this installation")
    config = root / "scopewatch.toml"
    agreement = root / "scopes" / EXAMPLE_AGREEMENT
    existing = [p for p in (config, agreement) if p.exists()]
    if existing:
        raise WorkspaceError(
            f"{', '.join(str(p) for p in existing)} already exist{'s' if len(existing) == 1 else ''}; "
            f"scopewatch init never overwrites files (move them away or pick another folder)"
        )
    agreement.parent.mkdir(parents=True, exist_ok=True)
    with open(config, "x", encoding="utf-8") as fh:
        fh.write(CONFIG_TEMPLATE)
    shutil.copyfile(example, agreement)
    return [config, agreement]


def next_steps(root: Path) -> str:
    return f"""Next steps:
  1. Edit {root / 'scopewatch.toml'}: your IMAP server, username and where the password comes from.
  2. Write one agreement per client in {root / 'scopes'}/ (start from {EXAMPLE_AGREEMENT}),
     then check them:  scopewatch scope lint --workspace {root}
  3. One pass over the mailbox, storing nothing:  scopewatch scan --dry-run --workspace {root}
  4. Start watching:  scopewatch run --workspace {root}
     and see that it is alive:  scopewatch status --workspace {root}
  5. For the digest by e-mail: set [va] address and [smtp] host (and login) in scopewatch.toml,
     then try it:  scopewatch digest --send --workspace {root}"""

"""`scopewatch init DIR`: a new workspace with a commented scopewatch.toml holding the VA's name,
address and language, and the first client's agreement made from the starter of their trade (or
no agreement at all): never an example client that could match real mail, and never overwriting
anything that is already there."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from scopewatch import resources
from scopewatch.errors import WorkspaceError

LANGUAGES = ("en", "nl")

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
# detection_budget = "5s"        # CPU time one mail may take to read; over it, an error verdict says so
# batch_megabytes = 16           # a batch of mail also ends at this many megabytes
# lease_ttl = "15s"              # with several workers: another takes a folder over this soon after one dies

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


@dataclass
class Setup:
    """What `init` asks: the VA, and optionally the first client (name, address, trade)."""

    va_name: str = ""
    va_address: str = ""
    language: str = "en"
    client: str = ""
    client_address: str = ""
    trade: str = ""


def _toml(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def config_text(setup: Setup) -> str:
    """The commented scopewatch.toml with the VA's own settings filled in."""
    text = CONFIG_TEMPLATE
    if setup.va_name:
        text = text.replace('# name = "Your Name"', f"name = {_toml(setup.va_name)}")
    if setup.va_address:
        text = text.replace('# address = "you@example.com"', f"address = {_toml(setup.va_address)}")
    language = setup.language if setup.language in LANGUAGES else "en"
    return text.replace('language = "en"                  # en | nl',
                        f'language = "{language}"                  # en | nl')


def client_id_for(name: str) -> str:
    from scopewatch.agreement.edit import slug

    return slug(name) or "client"


def first_agreement(setup: Setup) -> str:
    """The first client's agreement: the trade's commented starter in the VA's language, with the
    client's name and address filled in, checked before it is written."""
    from scopewatch.agreement.checklist import starter_text
    from scopewatch.agreement.edit import Document, apply_form, form_of
    from scopewatch.agreement.validate import check_agreement_text

    doc = Document(starter_text([resources.templates_dir()], setup.trade or None, setup.language))
    form = form_of(doc)
    form.client, form.contacts, form.language = setup.client, setup.client_address, setup.language
    apply_form(doc, form)
    text = doc.text()
    _agreement, problems, _ = check_agreement_text(text, "the first client's agreement", client_id_for(setup.client))
    problems = [p for p in problems if not p.field.startswith("deliverables")]  # the empty starter has none yet
    if problems:
        raise WorkspaceError("; ".join(f"{p.field}: {p.message}" if p.field else p.message for p in problems))
    return text


def init_workspace(target: Path | str, setup: Setup | None = None) -> list[Path]:
    """Create `target` with scopewatch.toml, scopes/ and, when a first client is given, its
    agreement; return the files written. Refuses (WorkspaceError) when any of those files exists
    already, before writing anything."""
    setup = setup or Setup()
    root = Path(target).expanduser()
    if root.exists() and not root.is_dir():
        raise WorkspaceError(f"{root} exists and is not a folder; pick another place for the workspace")
    config = root / "scopewatch.toml"
    if setup.client and not setup.client_address:
        raise WorkspaceError("the first client needs their e-mail address (--client-email), so their mail is "
                             "recognised; or leave the client out and add it on the agreement page")
    agreement_text = first_agreement(setup) if setup.client else None
    agreement = root / "scopes" / f"{client_id_for(setup.client)}.yaml" if agreement_text else None
    existing = [p for p in (config, agreement) if p is not None and p.exists()]
    if existing:
        raise WorkspaceError(
            f"{', '.join(str(p) for p in existing)} already exist{'s' if len(existing) == 1 else ''}; "
            f"scopewatch init never overwrites files (move them away or pick another folder)"
        )
    (root / "scopes").mkdir(parents=True, exist_ok=True)
    with open(config, "x", encoding="utf-8") as fh:
        fh.write(config_text(setup))
    written = [config]
    if agreement is not None:
        with open(agreement, "x", encoding="utf-8") as fh:
            fh.write(agreement_text)
        written.append(agreement)
    return written


def next_steps(root: Path, client_file: Path | None = None) -> str:
    agreement = (f"  2. Make {client_file.name} what you agreed with the client: on the agreement page\n"
                 f"     (scopewatch web --workspace {root}, then Edit agreement) or in your editor,\n"
                 f"     then check it:  scopewatch scope lint --workspace {root}") if client_file else (
                 f"  2. Add your clients' agreements: on the agreement page (scopewatch web --workspace {root},\n"
                 f"     then New client, starting from your trade's starter) or as YAML in {root / 'scopes'}/,\n"
                 f"     then check them:  scopewatch scope lint --workspace {root}")
    return f"""Next steps:
  1. Edit {root / 'scopewatch.toml'}: your IMAP server, username and where the password comes from.
{agreement}
  3. One pass over the mailbox, storing nothing:  scopewatch scan --dry-run --workspace {root}
  4. Start watching:  scopewatch run --workspace {root}
     and see that it is alive:  scopewatch status --workspace {root}
  5. For the digest by e-mail: set [va] address and [smtp] host (and login) in scopewatch.toml,
     then try it:  scopewatch digest --send --workspace {root}"""

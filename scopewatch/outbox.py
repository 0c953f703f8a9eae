"""The follow-up commands behind `scopewatch draft`, `digest`, `send`, `accept` and `decline`: they
read the workspace's settings, open the ledger (and the mailbox when needed) and return the text to
print. The service calls the functions in `draft/service.py` and `digest/build.py` directly."""

from __future__ import annotations

import os
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

from scopewatch.config import SMTP_DEFAULT_PORTS, Config, MailboxConfig, load_config, remember_secret
from scopewatch.draft.service import VA
from scopewatch.draft.smtp import SmtpSettings
from scopewatch.errors import ConfigError
from scopewatch.store.ledger import Ledger
from scopewatch.store.url import database_url
from scopewatch.workspace import Workspace, locate, open_workspace


def reviewer() -> str:
    """Who is acting: the login name, else "va"."""
    return os.environ.get("USER") or os.environ.get("USERNAME") or "va"


@dataclass
class Session:
    workspace: Workspace
    config: Config
    ledger: Ledger
    who: str

    def va(self) -> VA:
        if not self.config.va_address:
            raise ConfigError(
                "the VA's own address is not set: add [va] address = \"you@example.com\" (and name) to "
                f"{self.workspace.root / 'scopewatch.toml'} or set SCOPEWATCH_VA_ADDRESS"
            )
        return VA(self.config.va_name or "", self.config.va_address, self.config.default_estimate_hours,
                  self.config.digest_timezone)

    def mailbox_for(self, account: str) -> MailboxConfig:
        return self.config.mailbox(account)


@contextmanager
def session(workspace: Path | None, database: str | None) -> Iterator[Session]:
    ws = open_workspace(locate(workspace))
    cfg = load_config(ws.root)
    ledger = Ledger.open(database_url(ws.root, database))
    try:
        yield Session(ws, cfg, ledger, reviewer())
    finally:
        ledger.close()


def make_source(mb: MailboxConfig) -> Any:
    """A mail source for one configured mailbox (not connected yet)."""
    if mb.kind == "maildir":
        from scopewatch.ingest.maildir import MaildirSource

        return MaildirSource(mb.name, mb.maildir, drafts_folder=mb.drafts_folder, sent_folder=mb.sent_folder)
    from scopewatch.ingest.imap import ImapSource

    return ImapSource(
        mb.name, mb.host, mb.port, mb.security, mb.username, mb.password,
        drafts_folder=mb.drafts_folder, sent_folder=mb.sent_folder, idle=False,
    )


@contextmanager
def connected(mb: MailboxConfig) -> Iterator[Any]:
    source = make_source(mb)
    source.connect()
    try:
        yield source
    finally:
        source.close()


@contextmanager
def mailbox(s: "Session", account: str) -> Iterator[tuple[Any, str | None]]:
    """(connected source, None), or (None, why not) when the mailbox is not configured here or
    cannot be reached now: the caller still keeps the VA's work in the ledger and says so."""
    from scopewatch.errors import MailboxError

    try:
        mb = s.mailbox_for(account)
    except ConfigError:
        yield None, f"no mailbox '{account}' is configured here"
        return
    source = make_source(mb)
    try:
        source.connect()
    except MailboxError as exc:
        yield None, str(exc)
        return
    try:
        yield source, None
    finally:
        source.close()


def smtp_settings(config: Config, host: str | None = None, port: int | None = None, security: str | None = None,
                  username: str | None = None, password_env: str | None = None) -> SmtpSettings:
    """The SMTP server from `[smtp]` in scopewatch.toml (and SCOPEWATCH_SMTP_*), each given value
    overriding its setting (the --smtp-* options). The password is resolved only when a login
    happens: from --smtp-password-env's variable if given, else [smtp]'s password source."""
    cfg = config.smtp
    host = host or (cfg.host if cfg else None)
    if not host:
        where = config.source_file or config.workspace / "scopewatch.toml"
        raise ConfigError(f"no SMTP server: add [smtp] host = \"smtp.example.com\" to {where} "
                          f"(or pass --smtp-host, or set SCOPEWATCH_SMTP_HOST)")
    security = security or (cfg.security if cfg else "starttls")
    if port is None:
        port = cfg.port if cfg and cfg.security == security else SMTP_DEFAULT_PORTS.get(security, 587)
    username = username or (cfg.username if cfg else "") or None
    password: Callable[[], str] | None = None
    if username:
        if password_env:
            def password() -> str:
                value = os.environ.get(password_env)
                if not value:
                    raise ConfigError(f"SMTP login for {username}: the password variable ${password_env} is not set")
                return remember_secret(value)
        elif cfg is not None and cfg.has_password:
            password = cfg.password
        else:
            def password() -> str:
                raise ConfigError(
                    f"SMTP login for {username}: no password source; set [smtp] password_env / password_file / "
                    f"password_command, or SCOPEWATCH_SMTP_PASSWORD, or pass --smtp-password-env VAR"
                )
    return SmtpSettings(host=host, port=port, security=security, username=username, password=password,
                        ca_file=cfg.ca_file if cfg else None)


# --- commands ------------------------------------------------------------------------------------


def draft(workspace: Path | None, database: str | None, finding_id: int, *, print_only: bool) -> str:
    """`scopewatch draft`: print the change request, or put it into the mailbox's Drafts once."""
    from scopewatch.draft.service import draft_for_finding, render_for_finding, body_text
    from scopewatch.store import followup

    with session(workspace, database) as s:
        va = s.va()
        if print_only:
            existing = followup.draft_for(s.ledger, finding_id)
            if existing is not None:
                return _headers(existing.to, existing.subject) + body_text(existing.raw)
            rendered, _f, _ids = render_for_finding(s.ledger, s.workspace, finding_id, va)
            return _headers(rendered.to, rendered.subject) + rendered.text
        f = s.ledger.finding(finding_id)
        with connected(s.mailbox_for(f.message.account)) as source:
            out = draft_for_finding(s.ledger, s.workspace, finding_id, va, source=source, who=s.who)
    d = out.draft
    answers = ", ".join(str(i) for i in d.finding_ids)
    if out.appended:
        return f"change request for finding(s) {answers} saved in {d.account}/{d.folder} ({d.message_id})"
    return f"finding {finding_id} already has its change request in {d.account}/{d.folder} ({d.message_id}); no second draft made"


def _headers(to: str, subject: str) -> str:
    return f"To: {to}\nSubject: {subject}\n\n"


def digest(
    workspace: Path | None, database: str | None, *, since: date | None, mode: str, html_file: Path | None,
    smtp: Callable[[Config], SmtpSettings] | None, to: str | None, language: str | None,
) -> str:
    """`scopewatch digest`: print it, write its HTML to a file, or send it to the VA."""
    from scopewatch.digest.build import build_digest, send_digest_now
    from scopewatch.digest.model import is_empty
    from scopewatch.digest.timer import watching_from
    from scopewatch.digest.render import render_digest
    from scopewatch.store import followup

    with session(workspace, database) as s:
        va_name = s.config.va_name or ""
        language = language or s.config.digest_language
        if mode == "send":
            recipient = to or s.config.digest_to or s.config.va_address
            sender = s.config.va_address or recipient
            if not recipient:
                raise ConfigError("no digest recipient: pass --to, or set [digest] to / [va] address in scopewatch.toml")
            sent = send_digest_now(s.ledger, s.workspace, smtp(s.config), to=recipient, from_=sender, va_name=va_name,
                                   since=since, language=language, timezone_name=s.config.digest_timezone,
                                   watching=watching_from(s.config), base_url=s.config.web.base_url)
            if sent is None:
                return "nothing new since the last digest: no digest sent"
            n = sum(len(c.flagged) + len(c.checks) for c in sent.clients)
            return f"digest sent to {recipient}: {n} request{'s' if n != 1 else ''} to decide on"
        found_after = None if since is not None else followup.last_digest(s.ledger)
        d = build_digest(s.ledger, s.workspace, va_name=va_name, since=since, found_after=found_after,
                         timezone_name=s.config.digest_timezone, watching=watching_from(s.config),
                         base_url=s.config.web.base_url)
        if is_empty(d):
            return "nothing new" + (f" since {since}" if since else " since the last digest")
        text, html = render_digest(d, s.workspace.template_dirs(), language=language)
    if mode == "html":
        assert html_file is not None
        html_file.write_text(html, encoding="utf-8")
        return f"digest written to {html_file}"
    return text.rstrip("\n")


def send(
    workspace: Path | None, database: str | None, finding_id: int, smtp: Callable[[Config], SmtpSettings],
    *, confirm: Callable[[str], bool],
) -> str:
    """`scopewatch send`: show what goes where, ask, send over SMTP, file the copy in Sent."""
    from scopewatch.draft.service import draft_for_finding

    # A missing SMTP setting is reported before anything is stored.
    settings = smtp(load_config(open_workspace(workspace).root))
    with session(workspace, database) as s:
        va = s.va()
        preview = draft_for_finding(s.ledger, s.workspace, finding_id, va, who=s.who)
        if preview.draft.sent_at is not None:
            return f"the change request for finding {finding_id} was sent already ({preview.draft.sent_how}); nothing sent"
        question = (
            f"{_headers(preview.draft.to, preview.draft.subject)}{preview.text.rstrip()}\n\n"
            f"Send this to {preview.draft.to} now?"
        )
        if not confirm(question):
            return "not sent"
        return deliver(s, finding_id, settings)


def deliver(s: Session, finding_id: int, settings: SmtpSettings) -> str:
    """Send the finding's change request now (the VA has confirmed) and file the copy in Sent."""
    from scopewatch.draft.service import send_finding

    va = s.va()
    f = s.ledger.finding(finding_id)
    try:
        mb = s.mailbox_for(f.message.account)
    except ConfigError:
        mb = None
    if mb is None:
        d = send_finding(s.ledger, s.workspace, finding_id, va, settings, who=s.who)
        return f"sent to {d.to} ({d.message_id}); no mailbox configured, so no copy filed in Sent"
    with connected(mb) as source:
        d = send_finding(s.ledger, s.workspace, finding_id, va, settings, source=source, who=s.who)
    return f"sent to {d.to} ({d.message_id}); a copy is in {mb.name}'s Sent folder"


def draft_into_mailbox(s: Session, finding_id: int):
    """The finding's change request made once and put into its mailbox's Drafts (kept in the
    ledger only when the mailbox is not configured here). Returns the DraftOutcome."""
    from scopewatch.draft.service import draft_for_finding

    va = s.va()
    f = s.ledger.finding(finding_id)
    try:
        mb = s.mailbox_for(f.message.account)
    except ConfigError:
        return draft_for_finding(s.ledger, s.workspace, finding_id, va, who=s.who)
    with connected(mb) as source:
        return draft_for_finding(s.ledger, s.workspace, finding_id, va, source=source, who=s.who)


def whole_mail(s: Session, account: str, folder: str, key: str) -> str | None:
    """The whole text of a stored client mail (quoted history included), read again from its
    mailbox (read-only); None when the mailbox is not configured here or the mail is gone."""
    from scopewatch.parse.parser import parse_message

    try:
        mb = s.mailbox_for(account)
    except ConfigError:
        return None
    with connected(mb) as source:
        for fetched in source.fetch(folder, [key]):
            return parse_message(fetched.raw).body_text
    return None


def dismiss(workspace: Path | None, database: str | None, finding_id: int, *, reason: str | None = None,
            in_scope: str | None = None, not_a_request: bool = False, already_agreed: bool = False,
            confirm: Callable[[str], bool] | None = None) -> str:
    """`scopewatch dismiss`: the finding is dismissed with its reason (the structured ones teach
    detection, see store/decisions.py), and its reply leaves Drafts (see withdraw_after). A reply
    the VA edited goes only after `confirm` said yes to the question; no means nothing happens."""
    from scopewatch.store import decisions

    with session(workspace, database) as s:
        before = s.ledger.finding(finding_id)
        question = dismiss_question(s, finding_id)
        if question and confirm is not None and not confirm(f"{question[0].upper()}{question[1:]}. Dismiss it?"):
            return f"finding {finding_id}: not dismissed; its reply stays in Drafts"
        decided = decisions.dismiss(s.ledger, finding_id, who=s.who, in_scope=in_scope, not_a_request=not_a_request,
                                    already_agreed=already_agreed, reason=reason,
                                    agreement=s.workspace.agreements.get(before.client or ""))
        first, *learned = decided.summary(before.status).splitlines()
        done = withdraw_after(s, finding_id, confirmed=bool(question) and confirm is not None) if decided.changed else None
    return "\n".join([first + (f"; {done}" if done else ""), *learned])


def dismiss_question(s: Session, finding_id: int) -> str | None:
    """What the VA must confirm before a dismiss takes her edited reply out of Drafts, or None."""
    from scopewatch.draft.service import needs_confirmation
    from scopewatch.store import followup

    d = followup.draft_for(s.ledger, finding_id)
    if d is None or d.sent_at is not None:
        return None
    if d.edited_at is not None:
        return needs_confirmation(s.ledger, finding_id, None)
    with mailbox(s, d.account) as (source, _why):
        return needs_confirmation(s.ledger, finding_id, source) if source is not None else None


def withdraw_after(s: Session, finding_id: int, *, confirmed: bool = False) -> str | None:
    """After a dismiss: take its reply out of Drafts (through the mailbox, when one is configured;
    an edited one once the VA `confirmed`); one line on what happened, None when it had no draft."""
    from scopewatch.draft.service import withdraw
    from scopewatch.errors import ScopewatchError
    from scopewatch.store import followup

    d = followup.draft_for(s.ledger, finding_id)
    if d is None or d.sent_at is not None:
        return None
    try:
        va = s.va()
    except ConfigError:
        va = None
    try:
        mb = s.mailbox_for(d.account)
    except ConfigError:
        return withdraw(s.ledger, s.workspace, finding_id, va, who=s.who, confirmed=confirmed)
    try:
        with connected(mb) as source:
            return withdraw(s.ledger, s.workspace, finding_id, va, source=source, who=s.who, confirmed=confirmed)
    except ScopewatchError as exc:
        return f"its draft {d.message_id} is still in Drafts: {exc}"


def accept(workspace: Path | None, database: str | None, finding_id: int, *, reason: str | None) -> str:
    from scopewatch.draft.service import accept_finding

    with session(workspace, database) as s:
        amendment, added = accept_finding(
            s.ledger, s.workspace, finding_id, who=s.who, why=reason,
            default_estimate_hours=s.config.default_estimate_hours,
        )
        client = s.ledger.finding(finding_id).client
    if not added:
        return f"finding {finding_id} is accepted; amendment {amendment.id} is in the agreement already"
    return (
        f"finding {finding_id} accepted: amendment {amendment.id} added to {client}'s agreement "
        f"(terms: {', '.join(amendment.terms)}); later requests for this work are in scope"
    )


def decline(workspace: Path | None, database: str | None, finding_id: int, *, reason: str | None) -> str:
    from scopewatch.draft.service import decline_finding

    with session(workspace, database) as s:
        f = decline_finding(s.ledger, finding_id, who=s.who, why=reason)
    return f"finding {finding_id} declined" + (f" ({reason})" if reason else "") + f"; status {f.status}"


# --- the client's copy of the agreement --------------------------------------------------------------

LEDGER_ONLY = "scopewatch"  # the account a letter is kept under when no mailbox is configured here


def letter_mailbox(s: Session, client_id: str, name: str | None = None) -> MailboxConfig | None:
    """Where the client's letter goes: the mailbox named, else the one the client's mail arrives in,
    else the first configured; None when there is none (then it is kept in scopewatch)."""
    from scopewatch.store import letters

    if name:
        return s.config.mailbox(name)
    mail = letters.client_mail(s.ledger, client_id)
    if mail is not None:
        try:
            return s.config.mailbox(mail[0])
        except ConfigError:
            pass
    return s.config.mailboxes[0] if s.config.mailboxes else None


def letter_into_mailbox(s: Session, client_id: str, *, mailbox: str | None = None, register: str | None = None):
    """The client's letter for the agreement as it is now, in Drafts once (LetterOutcome)."""
    from scopewatch.draft.letter import letter_into_drafts

    va = s.va()
    mb = letter_mailbox(s, client_id, mailbox)
    if mb is None:
        return letter_into_drafts(s.ledger, s.workspace, client_id, va, account=LEDGER_ONLY, who=s.who,
                                  register=register)
    with connected(mb) as source:
        return letter_into_drafts(s.ledger, s.workspace, client_id, va, account=mb.name, source=source, who=s.who,
                                  register=register)


def letter(workspace: Path | None, database: str | None, client_id: str, *, draft: bool, mailbox: str | None = None,
           register: str | None = None) -> str:
    """`scopewatch scope letter`: print the client's letter, or put it into Drafts once (--draft)."""
    from scopewatch.draft.letter import make_letter

    with session(workspace, database) as s:
        if not draft:
            made = make_letter(s.ledger, s.workspace, client_id, s.va(), register=register)
            return _headers(made.to, made.subject) + made.text.rstrip("\n")
        out = letter_into_mailbox(s, client_id, mailbox=mailbox, register=register)
    if out.folder is None:
        return f"letter to {out.to} kept in scopewatch ({out.message_id}): no mailbox is configured here"
    if not out.created and not out.appended:
        return (f"the letter for this version of {client_id}'s agreement is in {out.account}/{out.folder} already "
                f"({out.message_id}); no second copy made")
    n = len(out.changes)
    changed = f"; it says what changed since the last letter ({n} change{'s' if n != 1 else ''})" if n else ""
    return f"letter to {out.to} saved in {out.account}/{out.folder} ({out.message_id}){changed}"

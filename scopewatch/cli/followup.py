"""Commands that follow a finding up: draft, digest, review, send, accept, decline."""

from __future__ import annotations

from pathlib import Path

import click

from scopewatch.cli import DATABASE_OPTION, WORKSPACE_OPTION, cli, friendly_errors
from scopewatch.terminal import echo


SMTP_OPTIONS = [
    # Defaults come from [smtp] in scopewatch.toml (and SCOPEWATCH_SMTP_*); an option overrides its key.
    click.option("--smtp-host", default=None, help="SMTP server (default: [smtp] host)."),
    click.option("--smtp-port", type=int, default=None,
                 help="SMTP port (default: [smtp] port, else 587 starttls, 465 ssl, 25 plain)."),
    click.option("--smtp-security", type=click.Choice(["ssl", "starttls", "plain"]), default=None,
                 help="Default: [smtp] security, else starttls; plain only to a server on this machine."),
    click.option("--smtp-user", default=None, help="SMTP login name (default: [smtp] username)."),
    click.option("--smtp-password-env", default=None, metavar="VAR",
                 help="Environment variable holding the SMTP password (default: [smtp]'s password source)."),
]


def smtp_options(fn):
    for option in reversed(SMTP_OPTIONS):
        fn = option(fn)
    return fn


def _smtp(kwargs):
    from scopewatch.outbox import smtp_settings

    return lambda config: smtp_settings(config, kwargs["smtp_host"], kwargs["smtp_port"], kwargs["smtp_security"],
                                        kwargs["smtp_user"], kwargs["smtp_password_env"])


@cli.command("draft")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--print", "print_only", is_flag=True, help="Print the change request instead of saving it to Drafts.")
@click.option("--edit", "edit", is_flag=True,
              help="Edit the reply in $EDITOR; the saved text replaces the copy in Drafts.")
@friendly_errors
def draft_cmd(workspace, database, finding, print_only, edit):
    """Write the change-request reply for a finding into the mailbox's Drafts folder (once).

    One reply answers every open out-of-scope request of that mail. Running it again never makes
    a second draft. The finding becomes `drafted`. With --edit the reply opens in $EDITOR (the
    copy in Drafts when you changed it in your mail program); what you save goes into Drafts in
    place of the earlier copy, so Drafts always holds your latest text, once.

    \b
    Examples:
        scopewatch draft 12 --print
        scopewatch draft 12
        scopewatch draft 12 --edit
    """
    if edit:
        from scopewatch.outbox import session
        from scopewatch.replies import edit_in_editor
        from scopewatch.review import open_editor

        with session(workspace, database) as s:
            echo(edit_in_editor(s, finding, open_editor, into_drafts=True))
        return
    from scopewatch.outbox import draft

    echo(draft(workspace, database, finding, print_only=print_only))


@cli.command("digest")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--since", type=click.DateTime(formats=["%Y-%m-%d"]), default=None,
              help="Mail from this date on (default: what was found since the last digest).")
@click.option("--print", "mode", flag_value="print", default=True, help="Print the plain-text digest (default).")
@click.option("--html", "html_file", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Write the HTML digest to this file.")
@click.option("--send", "mode", flag_value="send", help="E-mail it to the VA (multipart text + HTML) over SMTP.")
@click.option("--to", default=None, help="Recipient for --send (default: [digest] to, else [va] address).")
@click.option("--language", type=click.Choice(["en", "nl"]), default=None, help="Default: [digest] language, else en.")
@smtp_options
@friendly_errors
def digest_cmd(workspace, database, since, mode, html_file, to, language, **kwargs):
    """The digest of requests waiting for a decision, per client, with totals and limits used.

    An empty digest is never sent.

    \b
    Examples:
        scopewatch digest
        scopewatch digest --since 2026-03-01 --html digest.html
        scopewatch digest --send                  (the server from [smtp] in scopewatch.toml)
        scopewatch digest --send --smtp-host smtp.example.com --smtp-user mila
    """
    from scopewatch.outbox import digest

    if html_file is not None:
        mode = "html"
    echo(digest(workspace, database, since=since.date() if since else None, mode=mode or "print",
                      html_file=html_file, smtp=_smtp(kwargs), to=to, language=language))


@cli.command("review")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--client", default=None, help="Only this client id.")
@friendly_errors
def review_cmd(workspace, database, client):
    """Walk through new findings one by one: explanation and draft, then decide.

    Keys (single key presses on a terminal, no Enter): c = confirm (and draft into Drafts),
    d = dismiss (asks a reason; its draft leaves Drafts), e = edit the draft in $EDITOR, s = skip,
    q = quit. Every decision goes into the finding's history and gets a line saying what it did;
    an editor that cannot start is one line and the walk goes on.

    \b
    Example:
        scopewatch review --client devries-social
    """
    from scopewatch.review import walk

    echo(walk(workspace, database, client=client))


@cli.command("send")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation.")
@smtp_options
@friendly_errors
def send_cmd(workspace, database, finding, yes, **kwargs):
    """Send the (edited) change request for a finding over SMTP, after you confirm.

    A copy goes into the mailbox's Sent folder; the finding becomes `sent`. Never sends twice.

    \b
    Example:
        scopewatch send 12                        (the server from [smtp] in scopewatch.toml)
        scopewatch send 12 --smtp-host smtp.example.com --smtp-user mila
    """
    from scopewatch.outbox import send

    confirm = (lambda _q: True) if yes else (lambda q: click.confirm(q, default=False))
    echo(send(workspace, database, finding, _smtp(kwargs), confirm=confirm))


@cli.command("accept")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--reason", default=None, help="A note for the history (e.g. where the client said yes).")
@friendly_errors
def accept_cmd(workspace, database, finding, reason):
    """The client agreed to the change: add it to the agreement as an amendment.

    The client's scopes/CLIENT.yaml gets a new entry under `amendments:` (the rest of the file is
    left exactly as it was), so later requests for the same work count as agreed work.

    \b
    Example:
        scopewatch accept 12 --reason "yes by mail, 3 March"
    """
    from scopewatch.outbox import accept

    echo(accept(workspace, database, finding, reason=reason))


@cli.command("decline")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--reason", default=None, help="Why, for the history.")
@friendly_errors
def decline_cmd(workspace, database, finding, reason):
    """The client declined the change request (or it was dropped); the agreement stays as it is.

    \b
    Example:
        scopewatch decline 12 --reason "client will do it herself"
    """
    from scopewatch.outbox import decline

    echo(decline(workspace, database, finding, reason=reason))

"""Commands that read and change the ledger: flags, show, confirm, dismiss, ledger, db."""

from __future__ import annotations


import click

from scopewatch.cli import DATABASE_OPTION, WORKSPACE_OPTION, cli, friendly_errors
from scopewatch.detect.findings import CATEGORIES  # a plain tuple
from scopewatch.store.records import FINDING_STATUSES  # a plain tuple, no database code
from scopewatch.terminal import echo


@cli.command("flags")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--client", default=None, help="Only this client id (the agreement file name).")
@click.option(
    "--status",
    type=click.Choice(FINDING_STATUSES),
    default=None,
    help="Only findings with this review status.",
)
@click.option(
    "--since",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    help="Only mail from this date on (YYYY-MM-DD).",
)
@click.option("--all", "include_in_scope", is_flag=True, help="Also list requests that are in scope.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per finding, one per line.")
@friendly_errors
def flags_cmd(workspace, database, client, status, since, include_in_scope, as_json):
    """List the out-of-scope requests in the ledger, oldest mail first.

    \b
    Example:
        scopewatch flags --client devries-social --status new
        scopewatch flags --since 2026-03-01 --json
    """
    from scopewatch.review import flags

    out = flags(
        workspace, database, client=client, status=status, since=since.date() if since else None,
        include_in_scope=include_in_scope, as_json=as_json,
    )
    if out:
        echo(out)


@cli.command("show")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@friendly_errors
def show_cmd(workspace, database, finding):
    """Explain one finding: rules, sentence, agreement clause, the mail's new text, its history.

    \b
    Example:
        scopewatch show 12
    """
    from scopewatch.review import show

    echo(show(workspace, database, finding))


@cli.command("confirm")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--category", type=click.Choice(CATEGORIES), default=None,
              help="The right category, when detection named another one (or called it in scope).")
@click.option("--item", default=None, help="The agreement clause it really concerns (its id).")
@click.option("--reason", default=None, help="Why, for the history.")
@friendly_errors
def confirm_cmd(workspace, database, finding, category, item, reason):
    """Confirm a finding: the request really is outside the agreement.

    A corrected category or clause is learned: a like request from this client is judged so
    from now on (see `scopewatch learned`).

    \b
    Example:
        scopewatch confirm 12
        scopewatch confirm 12 --category excluded --item website
    """
    from scopewatch.review import confirm

    echo(confirm(workspace, database, finding, category=category, item=item, reason=reason))


@cli.command("dismiss")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--in-scope", "in_scope", metavar="ITEM", default=None,
              help="It is covered by this deliverable (its id): like requests are in scope from now on.")
@click.option("--not-a-request", "not_a_request", is_flag=True,
              help="The sentence asks for nothing: like sentences are not taken as requests from now on.")
@click.option("--already-agreed", "already_agreed", is_flag=True,
              help="Covered by an amendment or a quote: like requests become a check, not a flag.")
@click.option("--reason", default=None, help="Why, in your words, for the history.")
@click.option("--yes", is_flag=True, help="Take an edited reply out of Drafts without asking.")
@click.argument("text", nargs=-1)
@friendly_errors
def dismiss_cmd(workspace, database, finding, in_scope, not_a_request, already_agreed, reason, yes, text):
    """Dismiss a finding: not a request, or covered by the agreement after all.

    Say why with --in-scope ITEM, --not-a-request or --already-agreed and scopewatch learns it for
    this client; free text (--reason or after the id) is kept in the history only. Its change
    request leaves the Drafts folder (the mail's other requests keep a reply of their own); when
    you edited it, you are asked once first (--yes: do not ask).

    \b
    Example:
        scopewatch dismiss 12 --in-scope calendar
        scopewatch dismiss 12 --not-a-request
        scopewatch dismiss 12 "already agreed by phone"
    """
    from scopewatch.outbox import dismiss

    free = " ".join([*(t for t in [reason] if t), *text]) or None
    confirm = (lambda _q: True) if yes else (lambda q: click.confirm(q, default=False))
    echo(dismiss(workspace, database, finding, in_scope=in_scope, not_a_request=not_a_request,
                 already_agreed=already_agreed, reason=free, confirm=confirm))


@cli.command("learned")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--client", default=None, help="Only this client id.")
@click.option("--json", "as_json", is_flag=True, help="One JSON object per learned entry, one per line.")
@click.option("--export", "export", metavar="CLIENT", default=None,
              help="Print this client's learned phrases as agreement terms (YAML to paste into scopes/CLIENT.yaml).")
@friendly_errors
def learned_cmd(workspace, database, client, as_json, export):
    """What scopewatch learned from your decisions, per client: the words of a request and what
    they mean for the agreement, from which decision, and how often it has decided a verdict since.

    \b
    Example:
        scopewatch learned --client devries-social
        scopewatch learned --export devries-social >> learned-terms.yaml
        scopewatch forget 7
    """
    from scopewatch.review import export_learned, list_learned

    if export:
        click.echo(export_learned(workspace, database, export), nl=False)
        return
    out = list_learned(workspace, database, client=client, as_json=as_json)
    if out:
        click.echo(out)


@cli.command("forget")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("entry", type=int)
@friendly_errors
def forget_cmd(workspace, database, entry):
    """Forget one learned entry (its id from `scopewatch learned`); every running worker stops
    using it at its next message. The decision stays in the finding's history.

    \b
    Example:
        scopewatch forget 7
    """
    from scopewatch.review import forget

    click.echo(forget(workspace, database, entry))


@cli.command("ledger")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("client")
@click.option("--json", "as_json", is_flag=True, help="Print the report as one JSON document.")
@friendly_errors
def ledger_cmd(workspace, database, client, as_json):
    """What a client asked for over the agreement period: counts, limits used, extra work value.

    \b
    Example:
        scopewatch ledger devries-social
    """
    from scopewatch.review import client_ledger

    echo(client_ledger(workspace, database, client, as_json=as_json))


@cli.group("db")
def db_group():
    """Manage the ledger database."""


@db_group.command("upgrade")
@WORKSPACE_OPTION
@DATABASE_OPTION
@friendly_errors
def db_upgrade(workspace, database):
    """Create the ledger database or upgrade its schema to this version of scopewatch.

    \b
    Example:
        scopewatch db upgrade --workspace ~/va
        scopewatch db upgrade --database postgresql+psycopg://va@localhost/scopewatch
    """
    from scopewatch.review import upgrade_database

    echo(upgrade_database(workspace, database))


# --- the watching service (config.py, init.py, daemon.py, service/) ---------------------------


from scopewatch.cli.detection import rules_group  # noqa: E402


@rules_group.command("stats")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--client", default=None, help="Only this client's findings.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON document.")
@friendly_errors
def rules_stats_cmd(workspace, database, client, as_json):
    """How each rule did over the ledger, in the style of SpamAssassin's hit-frequencies: how often
    it fired, was in a flag, and how often its findings were confirmed or dismissed, with its
    precision. Rules you keep dismissing are named as candidates to switch off in the workspace;
    nothing is switched off by this command.

    \b
    Example:
        scopewatch rules stats --workspace ~/va
        scopewatch rules stats --client devries-social --json
    """
    from scopewatch.review import rules_stats

    click.echo(rules_stats(workspace, database, client=client, as_json=as_json))

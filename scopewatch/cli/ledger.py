"""Commands that read and change the ledger: flags, show, confirm, dismiss, ledger, db."""

from __future__ import annotations


import click

from scopewatch.cli import DATABASE_OPTION, WORKSPACE_OPTION, cli, friendly_errors
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
@click.option("--reason", default=None, help="Why, for the history.")
@friendly_errors
def confirm_cmd(workspace, database, finding, reason):
    """Confirm a finding: the request really is outside the agreement.

    \b
    Example:
        scopewatch confirm 12
    """
    from scopewatch.review import set_status

    echo(set_status(workspace, database, finding, "confirmed", why=reason))


@cli.command("dismiss")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--reason", default=None, help="Why it is not a real flag, for the history.")
@friendly_errors
def dismiss_cmd(workspace, database, finding, reason):
    """Dismiss a finding: not a request, or covered by the agreement after all.

    Its change request leaves the Drafts folder when scopewatch wrote it and you did not edit it
    (the mail's other requests keep a reply of their own); an edited draft stays and is named.

    \b
    Example:
        scopewatch dismiss 12 --reason "already agreed by phone"
    """
    from scopewatch.outbox import dismiss

    echo(dismiss(workspace, database, finding, reason=reason))


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

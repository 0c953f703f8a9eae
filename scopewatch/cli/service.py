"""Commands that set up and run the service: init, run, scan, status."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from scopewatch.cli import DATABASE_OPTION, WORKSPACE_OPTION, cli, echo_json, friendly_errors
from scopewatch.terminal import echo


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@click.option("--default/--no-default", "make_default", default=None,
              help="Make it the workspace used outside any workspace folder (asked when not given and "
                   "no default is set yet, on a terminal).")
@click.option("--name", "va_name", default=None, help="Your name, as drafts and letters are signed.")
@click.option("--email", "va_address", default=None, help="Your own address, drafts and letters come from it.")
@click.option("--language", type=click.Choice(["en", "nl"]), default=None,
              help="Your language: the page, the digest and the first client's agreement.")
@click.option("--client", default=None, help="Your first client's name (or leave it out and add clients on the "
                                             "agreement page).")
@click.option("--client-email", default=None, help="The first client's e-mail address (or \"@domain\").")
@click.option("--trade", default=None, help="The trade whose starter the first agreement is made from: "
                                            "house-painter, admin-va, social-media, web-design, bookkeeping, "
                                            "podcast-video (default: an empty agreement).")
@friendly_errors
def init_cmd(directory, make_default, va_name, va_address, language, client, client_email, trade):
    """Create a workspace: a commented scopewatch.toml with your name, address and language, and
    your first client's agreement made from your trade's starter (asked on a terminal; or give
    the options). No example client is written: nothing that could match real mail.

    Never overwrites a file that is already there. Commands find the workspace from any folder
    inside it; to use it from anywhere else too, make it the default (stored in your config
    folder, e.g. ~/.config/scopewatch/settings.toml).

    \b
    Examples:
        scopewatch init ~/va --default
        scopewatch init ~/va --name "Sanne Visser" --email sanne@example.nl --language nl \\
            --client "Bakkerij de Vries" --client-email anna@bakkerijdevries.nl --trade social-media
    """
    from scopewatch.init import init_workspace, next_steps
    from scopewatch.workspace import save_default, saved_default

    setup = _ask_setup(va_name, va_address, language, client, client_email, trade)
    written = init_workspace(directory, setup)
    for path in written:
        echo(f"wrote {path}")
    if make_default is None and sys.stdin.isatty() and saved_default() is None:
        make_default = click.confirm(f"Make {directory} your default workspace (used outside any workspace folder)?",
                                     default=True)
    if make_default:
        echo(f"{directory} is your default workspace now (saved in {save_default(directory)})")
    client_file = next((p for p in written if p.suffix == ".yaml"), None)
    echo(next_steps(directory, client_file))


def _ask_setup(va_name, va_address, language, client, client_email, trade):
    """The options given, and on a terminal the rest asked (Enter skips a question)."""
    from scopewatch.agreement.checklist import checklist_data
    from scopewatch.init import Setup
    from scopewatch import resources

    asking = sys.stdin.isatty() and sys.stdout.isatty()
    if asking:
        va_name = va_name if va_name is not None else click.prompt("Your name", default="", show_default=False)
        va_address = va_address if va_address is not None else click.prompt(
            "Your e-mail address", default="", show_default=False)
        language = language or click.prompt("Your language", type=click.Choice(["en", "nl"]), default="en")
        if client is None:
            client = click.prompt("Your first client's name (Enter: none yet)", default="", show_default=False)
    if client and asking:
        if client_email is None:
            client_email = click.prompt(f"{client}'s e-mail address (or @domain)")
        if trade is None:
            trades = checklist_data([resources.templates_dir()]).trades
            listed = ", ".join(trades)
            trade = click.prompt(f"Your trade, for the starter agreement ({listed}; Enter: empty)", default="",
                                 show_default=False)
    return Setup(va_name=va_name or "", va_address=va_address or "", language=language or "en",
                 client=client or "", client_address=client_email or "", trade=trade or "")


SERVICE_LOG_OPTIONS = [
    click.option("--log-format", type=click.Choice(["text", "json"]), default=None,
                 help="Logs on stderr as readable text (default) or JSON lines ([logging] format)."),
    click.option("--log-level", type=click.Choice(["debug", "info", "warning", "error"]), default=None,
                 help="Least important log level shown ([logging] level, default info)."),
]


def _service_options(fn):
    for option in reversed(SERVICE_LOG_OPTIONS):
        fn = option(fn)
    return fn


def _dry_run_printer(as_json: bool):
    """Per message of a dry run: the report of a flagged message (or one JSON line per message)."""
    from scopewatch.detect.report import format_report

    def show(item):
        result = item.incoming.result
        if as_json:
            echo_json({"mailbox": item.account, "folder": item.folder, "key": item.key, **result.to_json()})
        elif result.verdict == "out_of_scope":
            echo(format_report(result, None) + "\n")

    return show


@cli.command("run")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--dry-run", is_flag=True, help="Detect and report on stdout; store nothing in the ledger.")
@click.option("--metrics-port", type=int, default=None, help="Serve Prometheus metrics on this port (127.0.0.1).")
@_service_options
@friendly_errors
def run_cmd(workspace, database, dry_run, metrics_port, log_format, log_level):
    """Watch every configured mailbox and log each client request in the ledger.

    Reads mail without changing it (IMAP IDLE or polling, or a Maildir), catches up on what
    arrived while it was stopped, and stops cleanly on Ctrl-C or SIGTERM.

    \b
    Examples:
        scopewatch run --workspace ~/va
        scopewatch run --log-format json --metrics-port 9464
    """
    from scopewatch.daemon import run_service

    run_service(workspace, dry_run=dry_run, database=database, metrics_port=metrics_port,
                log_level=log_level, log_format=log_format,
                on_message=_dry_run_printer(False) if dry_run else None)


@cli.command("scan")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--dry-run", is_flag=True, help="Detect and report; store nothing in the ledger.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON document.")
@_service_options
@friendly_errors
def scan_cmd(workspace, database, dry_run, as_json, log_format, log_level):
    """One pass over every configured mailbox, then exit with a summary.

    Prints how many messages were processed and, per client, how many were out of scope.
    Exit code 0; 4 when a mailbox folder could not be read (the others are still scanned); 2 when
    an agreement cannot be used (its client's mail gets an error verdict, the others are judged);
    the error's own code (5 for a refused login) when none could be read.

    \b
    Examples:
        scopewatch scan --workspace ~/va
        scopewatch scan --dry-run --json
    """
    from scopewatch.daemon import run_service

    summary = run_service(workspace, once=True, dry_run=dry_run, database=database,
                          log_level=log_level or "warning", log_format=log_format,
                          on_message=_dry_run_printer(False) if dry_run and not as_json else None)
    if as_json:
        echo_json(summary.to_json())
    else:
        for line in summary.lines():
            echo(line)
    if summary.errors:
        sys.exit(4)
    if summary.broken:
        sys.exit(2)


@cli.command("status")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--json", "as_json", is_flag=True, help="Print the status as one JSON document.")
@friendly_errors
def status_cmd(workspace, database, as_json):
    """Is the service alive? Per mailbox folder: connection, last fetch, backlog, flags to review.

    Exit code 1 when a mailbox was never read or not for longer than [service] stale_after
    (default 15 minutes), so it works as a container HEALTHCHECK.

    \b
    Examples:
        scopewatch status --workspace ~/va
        scopewatch status --json
    """
    from scopewatch.service.health import format_status, service_status

    report = service_status(workspace, database)
    if as_json:
        echo_json(report.to_json())
    else:
        echo(format_status(report))
    sys.exit(0 if report.healthy else 1)


# --- follow-up: drafts, digest, review, send, accept/decline (outbox.py, review.py) ----------------


@cli.command("web")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--host", default=None, help="Address to listen on (default: [web] host, else 127.0.0.1).")
@click.option("--port", type=int, default=None, help="Port (default: [web] port, else 8465).")
@friendly_errors
def web_cmd(workspace, database, host, port):
    """The review page in your browser: Today, each finding, each client, the service.

    Listens on this machine only (127.0.0.1) unless told otherwise; any other address needs a
    login password from SCOPEWATCH_WEB_PASSWORD or [web] password_env / password_file /
    password_command. Stop it with Ctrl-C.

    \b
    Examples:
        scopewatch web --workspace ~/va          (then open http://127.0.0.1:8465/)
        SCOPEWATCH_WEB_PASSWORD=... scopewatch web --host 0.0.0.0
    """
    from scopewatch.web.server import make_server

    server = make_server(workspace, database, host=host, port=port)
    echo(f"scopewatch review page on {server.url} (Ctrl-C stops it)")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()

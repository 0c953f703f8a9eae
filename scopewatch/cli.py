"""The `scopewatch` command line. Each command parses its options and calls one function;
errors scopewatch raises on purpose become one clear line and an exit code here, at the edge."""

from __future__ import annotations

import functools
import json
import sys
from pathlib import Path

import click

from scopewatch import __version__
from scopewatch.errors import ScopewatchError

WORKSPACE_OPTION = click.option(
    "--workspace",
    "-w",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    envvar="SCOPEWATCH_WORKSPACE",
    help="Workspace folder with scopes/ (default: $SCOPEWATCH_WORKSPACE or the current folder).",
)


def friendly_errors(fn):
    """Turn ScopewatchError into `error: ...` on stderr and its exit code, never a traceback."""

    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        try:
            return fn(*args, **kwargs)
        except ScopewatchError as exc:
            click.echo(f"error: {exc}", err=True)
            sys.exit(exc.exit_code)
        except KeyboardInterrupt:
            click.echo("interrupted", err=True)
            sys.exit(130)

    return wrapper


def echo_json(obj) -> None:
    click.echo(json.dumps(obj, ensure_ascii=False, default=str))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="scopewatch")
def cli():
    """scopewatch: flags client requests that fall outside the agreed scope of work.

    \b
    Quick start on the bundled sample:
        scopewatch demo
    """


# --- scope agreements -------------------------------------------------------------------------


@cli.group()
def scope():
    """Check and read the clients' scope agreements (scopes/CLIENT.yaml)."""


@scope.command("lint")
@WORKSPACE_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per problem.")
@friendly_errors
def scope_lint(workspace, as_json):
    """Validate every agreement in the workspace and list all problems.

    \b
    Example:
        scopewatch scope lint --workspace ~/va
    Exit code 0 when all agreements are valid, 2 when any has a problem.
    """
    from scopewatch.agreement.load import lint_agreements
    from scopewatch.workspace import default_workspace

    root = workspace or default_workspace()
    agreements, problems = lint_agreements(root / "scopes")
    if as_json:
        for p in problems:
            echo_json({"file": p.file, "line": p.line, "field": p.field, "message": p.message})
    else:
        for p in problems:
            click.echo(str(p))
        n = len(agreements)
        click.echo(
            f"{n} agreement{'s' if n != 1 else ''} checked, "
            f"{len(problems)} problem{'s' if len(problems) != 1 else ''}",
            err=bool(problems),
        )
    sys.exit(2 if problems else 0)


@scope.command("show")
@WORKSPACE_OPTION
@click.argument("client")
@friendly_errors
def scope_show(workspace, client):
    """Print a readable summary of one client's agreement.

    \b
    Example:
        scopewatch scope show devries-social
    """
    from scopewatch.agreement.show import describe
    from scopewatch.errors import NotFoundError
    from scopewatch.workspace import open_workspace

    ws = open_workspace(workspace)
    agreement = ws.agreements.get(client)
    if agreement is None:
        known = ", ".join(sorted(ws.agreements)) or "none"
        raise NotFoundError(f"no agreement for client '{client}' (known clients: {known})")
    click.echo(describe(agreement))


# --- detection -------------------------------------------------------------------------------


@cli.command("check")
@WORKSPACE_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per message, one per line, in input order.")
@click.argument("files", nargs=-1, required=True, type=click.Path(path_type=Path, allow_dash=True))
@friendly_errors
def check_cmd(workspace, as_json, files):
    """Check e-mail files against the clients' scope agreements.

    FILES are .eml files (or folders of them); `-` reads one message from stdin.
    Each message gets a verdict: out_of_scope, in_scope, no_request, unknown_sender or error,
    with every request explained (sentence, rules, agreement clause).

    \b
    Examples:
        scopewatch check --workspace ~/va mail/0001.eml
        scopewatch check --json mail/*.eml | jq .verdict
    """
    from scopewatch.detect.checker import Checker
    from scopewatch.detect.report import format_report
    from scopewatch.workspace import open_workspace

    ws = open_workspace(workspace)
    checker = Checker(ws)
    first = True
    for outcome in checker.check_many(_read_inputs(files)):
        if as_json:
            echo_json(outcome.result.to_json())
        else:
            if not first:
                click.echo("")
            click.echo(format_report(outcome.result, checker.rules))
        first = False


def _read_inputs(files):
    """(source, raw bytes) per input; an unreadable file becomes an empty message (one error line)."""
    for path in files:
        if str(path) == "-":
            yield "-", sys.stdin.buffer.read()
            continue
        paths = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        for p in paths:
            try:
                yield str(p), p.read_bytes()
            except OSError as exc:
                yield str(p), f"X-Scopewatch-Read-Error: {exc.strerror or exc}".encode()


@cli.group("rules")
def rules_group():
    """Check the request rules (shipped rules/ plus the workspace's own rules/)."""


@rules_group.command("lint")
@WORKSPACE_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per problem.")
@friendly_errors
def rules_lint(workspace, as_json):
    """Validate every rule and run its examples (match / no_match).

    A rule in the workspace's rules/ folder overrides a shipped rule with the same id.

    \b
    Example:
        scopewatch rules lint --workspace ~/va
    Exit code 0 when all rules are valid and their examples pass, 2 otherwise.
    """
    from scopewatch.detect.rules_check import lint_all
    from scopewatch.workspace import Workspace, default_workspace

    ws = Workspace(root=workspace or default_workspace())
    ruleset, problems = lint_all(ws.rules_dirs())
    if as_json:
        for p in problems:
            echo_json({"file": p.file, "line": p.line, "field": p.field, "message": p.message})
    else:
        for p in problems:
            click.echo(str(p))
        click.echo(f"{len(ruleset)} rules checked, {len(problems)} problem{'s' if len(problems) != 1 else ''}", err=bool(problems))
    sys.exit(2 if problems else 0)


@cli.command("eval")
@click.argument("corpus", type=click.Path(exists=True, file_okay=False, path_type=Path))
@click.option("--split", default=None, help="Only mail under this sub-folder name (e.g. holdout).")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON document.")
@click.option("--errors", "show_errors", is_flag=True, help="List every wrong message verdict.")
@friendly_errors
def eval_cmd(corpus, split, as_json, show_errors):
    """Measure detection on a labelled corpus.

    CORPUS holds scopes/ (the agreements), mail/ (the .eml files) and labels*.csv
    (file,client,verdict,categories,note). Prints precision, recall and F1 of out-of-scope
    flags, the false-flag rate on in-scope and no-request mail, category accuracy, per
    language and per rule.

    \b
    Example:
        scopewatch eval tests/labelled --split holdout
    """
    from scopewatch.evaluate import format_eval, run_eval

    report = run_eval(corpus, split=split)
    if as_json:
        echo_json(report.to_json())
    else:
        click.echo(format_eval(report, show_errors=show_errors))


# --- commands added by later stages go below this line ---------------------------------------


@cli.command("demo")
@click.option(
    "--into",
    type=click.Path(file_okay=False, path_type=Path),
    default=None,
    help="The demo folder the sample is copied into (default: ./scopewatch-demo).",
)
@click.option("--keep", is_flag=True, help="Keep the ledger and drafts of the demo folder's last run.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as one JSON document.")
@friendly_errors
def demo(into, keep, as_json):
    """Run the whole flow on the bundled sample mailbox and explain what it found.

    Copies the sample (three agreements, a Maildir of client mail) into a demo folder, runs the
    service over it once (detection, the SQLite ledger, change-request drafts into the Maildir's
    .Drafts), writes the digest to DIR/digest.html and prints per client the flagged requests with
    sentence, category, rule and agreement clause. Nothing is sent; the bundled sample is not
    changed. Re-running starts the demo folder fresh; a folder the demo did not make is refused.

    \b
    Examples:
        scopewatch demo
        scopewatch demo --into /tmp/sw-demo --json > demo.json
        scopewatch demo --keep          (same ledger: nothing read or drafted twice)
    """
    from scopewatch.demo import run_demo

    run_demo(into, keep=keep, echo=click.echo, as_json=as_json, color=not as_json)


# --- review: the ledger (store/ + review.py) -------------------------------------------------

from scopewatch.store.records import FINDING_STATUSES  # noqa: E402  plain tuple, no database code

DATABASE_OPTION = click.option(
    "--database",
    metavar="URL",
    default=None,
    help="Ledger database (default: $SCOPEWATCH_DATABASE or sqlite:///WORKSPACE/scopewatch.db).",
)


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
        click.echo(out)


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

    click.echo(show(workspace, database, finding))


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

    click.echo(set_status(workspace, database, finding, "confirmed", why=reason))


@cli.command("dismiss")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("finding", type=int)
@click.option("--reason", default=None, help="Why it is not a real flag, for the history.")
@friendly_errors
def dismiss_cmd(workspace, database, finding, reason):
    """Dismiss a finding: not a request, or covered by the agreement after all.

    \b
    Example:
        scopewatch dismiss 12 --reason "already agreed by phone"
    """
    from scopewatch.review import set_status

    click.echo(set_status(workspace, database, finding, "dismissed", why=reason))


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

    click.echo(client_ledger(workspace, database, client, as_json=as_json))


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

    click.echo(upgrade_database(workspace, database))


# --- the watching service (config.py, init.py, daemon.py, service/) ---------------------------


@cli.command("init")
@click.argument("directory", type=click.Path(file_okay=False, path_type=Path))
@friendly_errors
def init_cmd(directory):
    """Create a workspace: a commented scopewatch.toml and an example agreement in scopes/.

    Never overwrites a file that is already there.

    \b
    Example:
        scopewatch init ~/va
    """
    from scopewatch.init import init_workspace, next_steps

    for path in init_workspace(directory):
        click.echo(f"wrote {path}")
    click.echo(next_steps(directory))


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
            click.echo(format_report(result, None) + "\n")

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
    Exit code 0; 4 when a mailbox folder could not be read (the others are still scanned);
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
            click.echo(line)
    if summary.errors:
        sys.exit(4)


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
        click.echo(format_status(report))
    sys.exit(0 if report.healthy else 1)


# --- follow-up: drafts, digest, review, send, accept/decline (outbox.py, review.py) ----------------

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
@friendly_errors
def draft_cmd(workspace, database, finding, print_only):
    """Write the change-request reply for a finding into the mailbox's Drafts folder (once).

    One reply answers every open out-of-scope request of that mail. Running it again never makes
    a second draft. The finding becomes `drafted`.

    \b
    Examples:
        scopewatch draft 12 --print
        scopewatch draft 12
    """
    from scopewatch.outbox import draft

    click.echo(draft(workspace, database, finding, print_only=print_only))


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
    click.echo(digest(workspace, database, since=since.date() if since else None, mode=mode or "print",
                      html_file=html_file, smtp=_smtp(kwargs), to=to, language=language))


@cli.command("review")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.option("--client", default=None, help="Only this client id.")
@friendly_errors
def review_cmd(workspace, database, client):
    """Walk through new findings one by one: explanation and draft, then decide.

    Keys: c = confirm (and draft into Drafts), d = dismiss (asks a reason), e = edit the draft in
    $EDITOR, s = skip, q = quit. Every decision goes into the finding's history.

    \b
    Example:
        scopewatch review --client devries-social
    """
    from scopewatch.review import walk

    click.echo(walk(workspace, database, client=client))


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
    click.echo(send(workspace, database, finding, _smtp(kwargs), confirm=confirm))


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

    click.echo(accept(workspace, database, finding, reason=reason))


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

    click.echo(decline(workspace, database, finding, reason=reason))


def main() -> None:
    cli(prog_name="scopewatch")


if __name__ == "__main__":
    main()

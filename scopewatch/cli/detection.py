"""Commands about agreements, rules and detection: scope, check, rules, eval, demo."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from scopewatch.cli import WORKSPACE_OPTION, cli, echo_json, friendly_errors


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
@click.option("--replay", is_flag=True,
              help="Replay each client's mail in Date order, correcting every wrong verdict as a VA would; "
                   "score the later half with and without what was learned.")
@friendly_errors
def eval_cmd(corpus, split, as_json, show_errors, replay):
    """Measure detection on a labelled corpus.

    CORPUS holds scopes/ (the agreements), mail/ (the .eml files) and labels*.csv
    (file,client,verdict,categories,note). Prints precision, recall and F1 of out-of-scope
    flags, the false-flag rate on in-scope and no-request mail, category accuracy, per
    language, per category and per rule; each both for firm flags alone and counting "check"
    items as flags, with the share of mails that get a check. `--json` prints one object
    (overall, languages, categories, rules); the wrong verdicts only with `--errors`.

    `--replay` measures learning: per client, the mails go in Date order through a temporary
    SQLite ledger and every wrong verdict is corrected at once (dismiss --in-scope ITEM or
    --not-a-request, confirm --category C --item I, from the labels; an optional `item` column
    names the clause). It prints the later half of each client's mails without and with what was
    learned; `--json` gives {"without": {...}, "with": {...}, "replay": {...}}.

    \b
    Example:
        scopewatch eval tests/labelled --split holdout
        scopewatch eval tests/labelled --split dev --json | jq .overall.with_checks
        scopewatch eval tests/blind --replay --json | jq .replay
    """
    from scopewatch.evaluate import format_eval, run_eval

    if replay:
        from scopewatch.replay import format_replay, run_replay

        rep = run_replay(corpus, split=split)
        if as_json:
            echo_json(rep.to_json(errors=show_errors))
        else:
            click.echo(format_replay(rep, show_errors=show_errors))
        return

    report = run_eval(corpus, split=split)
    if as_json:
        echo_json(report.to_json(errors=show_errors))
    else:
        click.echo(format_eval(report, show_errors=show_errors))




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

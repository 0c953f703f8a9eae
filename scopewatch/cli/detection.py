"""Commands about agreements, rules and detection: scope, check, rules, eval, demo."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from scopewatch.cli import DATABASE_OPTION, WORKSPACE_OPTION, cli, echo_json, friendly_errors
from scopewatch.terminal import echo


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
    Exit code 0 when all agreements are valid, 2 when any has a problem. A description that reads
    as a note to yourself (drafts quote it to the client) gets a warning: add client_text; so does
    a deliverable that links to no kind of work in the catalogue, a checklist answer an item
    contradicts, and a contact with look-alike letters of another script (a Cyrillic "а" in an
    address) (exit code unchanged).
    """
    from scopewatch.agreement.load import lint_agreements, workspace_catalogue
    from scopewatch.scope_lint import warnings as lint_warnings
    from scopewatch.workspace import locate

    root = locate(workspace)
    agreements, problems = lint_agreements(root / "scopes")
    catalogue, _ = workspace_catalogue(root / "scopes")
    warnings = lint_warnings(agreements.values(), catalogue)
    if as_json:
        for p in problems:
            echo_json({"file": p.file, "line": p.line, "field": p.field, "message": p.message})
        for w in warnings:
            echo_json({"file": w.file, "line": w.line, "field": w.field, "message": w.message, "warning": True})
    else:
        for p in problems:
            echo(str(p))
        for w in warnings:
            echo(f"warning: {w}")
        n = len(agreements)
        echo(
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
    """Print a readable summary of one client's agreement, with the kinds of work each item
    covers and how they were found (written in `kinds:` or inferred from which words).

    \b
    Example:
        scopewatch scope show devries-social
    """
    from scopewatch.agreement.show import describe
    from scopewatch.errors import NotFoundError
    from scopewatch.workspace import open_workspace

    from scopewatch.detect.nlp import Pipelines
    from scopewatch.detect.links import agreement_links

    ws = open_workspace(workspace)
    agreement = ws.agreements.get(client)
    if agreement is None and client in ws.broken:
        from scopewatch.errors import AgreementError

        raise AgreementError(list(ws.broken[client].problems))
    if agreement is None:
        known = ", ".join(sorted(ws.agreements)) or "none"
        raise NotFoundError(f"no agreement for client '{client}' (known clients: {known})")
    echo(describe(agreement, agreement_links(agreement, ws.catalogue(), Pipelines())))


@scope.command("letter")
@WORKSPACE_OPTION
@DATABASE_OPTION
@click.argument("client")
@click.option("--draft", "into_drafts", is_flag=True,
              help="Put it into the mailbox's Drafts (once per version of the agreement) instead of printing it.")
@click.option("--mailbox", default=None, help="The mailbox whose Drafts it goes into (default: the one the "
                                              "client's mail arrives in, else the first configured).")
@click.option("--formal/--informal", "formal", default=None,
              help="Dutch: write u or je (default: as the client last wrote, else je).")
@friendly_errors
def scope_letter(workspace, database, client, into_drafts, mailbox, formal):
    """The client's copy of the agreement, "What we agreed", in the agreement's language: what is
    delivered, by when and how much, what the client supplies, what is not included, when the work
    counts as done and how an extra request is handled and priced. After an amendment or an edit,
    it opens with what changed since the last letter.

    \b
    Examples:
        scopewatch scope letter devries-social
        scopewatch scope letter devries-social --draft
    """
    from scopewatch.outbox import letter

    register = None if formal is None else ("u" if formal else "je")
    echo(letter(workspace, database, client, draft=into_drafts, mailbox=mailbox, register=register))


# --- detection -------------------------------------------------------------------------------


# `scopewatch check` exit codes, for scripts (like grep and SpamAssassin): the worst case wins.
CHECK_EXIT_CLEAN = 0          # every message read; nothing out of scope
CHECK_EXIT_OUT_OF_SCOPE = 1   # at least one message is out of scope (a flag or a "check" item)
CHECK_EXIT_BROKEN = 2         # an agreement cannot be used (its client's mail got an error verdict)
CHECK_EXIT_UNREADABLE = 3     # an input is missing, unreadable, or not e-mail at all


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
    Exit codes (the worst wins):
        0  every message read, nothing out of scope
        1  a message is out of scope
        2  the workspace or an agreement is broken (the other clients' mail is still checked)
        3  an input is missing, unreadable or not e-mail

    \b
    Examples:
        scopewatch check --workspace ~/va mail/0001.eml
        scopewatch check --json mail/*.eml | jq .verdict
    """
    from scopewatch.detect.checker import Checker
    from scopewatch.detect.findings import CheckResult
    from scopewatch.detect.report import format_report
    from scopewatch.workspace import open_workspace

    ws = open_workspace(workspace)
    for broken in ws.broken.values():
        echo(f"warning: {broken.path} cannot be used ({broken.reason}); mail from {broken.client_id} gets an "
             "error verdict, the other clients' mail is checked", err=True)
    checker = Checker(ws)
    first = True
    code = CHECK_EXIT_CLEAN
    for result in _results(checker, _read_inputs(files), CheckResult):
        if result.verdict == "error" and result.client in ws.broken:
            code = max(code, CHECK_EXIT_BROKEN)
        elif result.verdict == "error":
            code = CHECK_EXIT_UNREADABLE
        elif result.verdict == "out_of_scope" and code == CHECK_EXIT_CLEAN:
            code = CHECK_EXIT_OUT_OF_SCOPE
        if as_json:
            echo_json(result.to_json())
        else:
            if not first:
                echo("")
            echo(format_report(result, checker.rules))
        first = False
    sys.exit(max(code, CHECK_EXIT_BROKEN) if ws.broken else code)


def _results(checker, inputs, result_type):
    """Results in input order: readable messages go through the checker in batches, an input that
    could not be read becomes an error verdict naming why, without being parsed."""
    pending: list[tuple[str, bytes]] = []
    for source, raw, problem in inputs:
        if problem is None:
            pending.append((source, raw))
            if len(pending) < 64:
                continue
        if pending:
            yield from (o.result for o in checker.check_many(pending))
            pending = []
        if problem is not None:
            yield result_type(source, None, None, None, "error", error=problem)
    if pending:
        yield from (o.result for o in checker.check_many(pending))


def _read_inputs(files):
    """(source, raw bytes, None) per input, or (source, b"", why it could not be read). A large
    message is read without its attachments (ingest/reduce.py), as the service reads it."""
    from scopewatch.ingest.reduce import read_message, read_message_file

    for path in files:
        if str(path) == "-":
            yield "-", read_message(sys.stdin.buffer), None
            continue
        if not path.exists():
            yield str(path), b"", f"no such file: {path}"
            continue
        paths = sorted(p for p in path.rglob("*") if p.is_file() and not p.name.startswith(".")) if path.is_dir() else [path]
        if path.is_dir() and not paths:
            yield str(path), b"", f"folder {path} holds no files to check"
        for p in paths:
            try:
                raw = read_message_file(p)
                yield str(p), raw, None
            except OSError as exc:
                yield str(p), b"", f"cannot be read: {exc.strerror or exc}"


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
    from scopewatch.workspace import Workspace, locate

    ws = Workspace(root=locate(workspace))
    ruleset, problems = lint_all(ws.rules_dirs())
    if as_json:
        for p in problems:
            echo_json({"file": p.file, "line": p.line, "field": p.field, "message": p.message})
    else:
        for p in problems:
            echo(str(p))
        echo(f"{len(ruleset)} rules checked, {len(problems)} problem{'s' if len(problems) != 1 else ''}", err=bool(problems))
    sys.exit(2 if problems else 0)


@cli.command("kinds")
@WORKSPACE_OPTION
@click.option("--json", "as_json", is_flag=True, help="One JSON object per kind of work.")
@click.argument("search", required=False)
@friendly_errors
def kinds_cmd(workspace, as_json, search):
    """List the kinds of work in the work catalogue (shipped plus the workspace's rules/catalogue/).

    SEARCH keeps the kinds whose id, name, description or words contain it. The ids are what an
    agreement item's `kinds: [...]` names.

    \b
    Examples:
        scopewatch kinds
        scopewatch kinds travel
        scopewatch kinds --json | jq -r .id
    """
    from scopewatch.workspace import Workspace, locate

    catalogue = Workspace(root=locate(workspace)).catalogue()
    needle = (search or "").lower()
    for kind in sorted(catalogue.kinds.values(), key=lambda k: k.id):
        words = [w for ws in kind.words.values() for ws_list in (ws.names, ws.objects, ws.actions, ws.qualifiers) for w in ws_list]
        if needle and not any(needle in t.lower() for t in [kind.id, kind.name, kind.description, *words]):
            continue
        if as_json:
            echo_json({
                "id": kind.id, "name": kind.name, "description": kind.description, "broader": list(kind.broader),
                "adjusts_agreed_work": kind.adjusts_agreed_work,
                **{lang: {"names": list(w.names), "objects": list(w.objects), "actions": list(w.actions),
                          "hints": list(w.hints), "qualifiers": list(w.qualifiers)} for lang, w in kind.words.items()},
            })
        else:
            broader = f"  (narrower than {', '.join(kind.broader)})" if kind.broader else ""
            echo(f"{kind.id:28} {kind.name}: {kind.description}{broader}")


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
        echo(format_eval(report, show_errors=show_errors))




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

"""`scopewatch demo` runs the whole flow on a copy of the bundled sample: the planted out-of-scope
requests land in the ledger with the right category and are explained, each gets a threaded reply
in the Maildir's .Drafts, the digest is written as HTML, re-runs never draft twice, the sample itself
is never changed, and it all works from an installed wheel and the installed console script."""

from __future__ import annotations

import email
import html
import json
import os
import re
import subprocess
import sys
import zipfile
from email import policy
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from scopewatch import resources
from scopewatch.cli import cli
from scopewatch.demo import MARKER, SAMPLE_VA, run_demo
from scopewatch.store.ledger import Ledger

from tests.conftest import REPO, skip_or_fail

SAMPLE = resources.examples_dir()
CLIENT_NAMES = ("Bakkerij de Vries", "Claire and Tom Hughes, 14 Elm Road", "Northgate Advisory (Mark Jensen)")

# (client id, subject of the sample mail, category, words of the request sentence)
PLANTED = [
    ("devries-social", "Openingstijden vanaf februari", "excluded", "website"),
    ("devries-social", "Broodwedstrijd!!", "quantity", "6 posts"),
    ("devries-social", "Foto's deze week", "client_duty", "foto's"),
    ("devries-social", "Idee: nieuwsbrief", "new_work", "nieuwsbrief"),
    ("hughes-house", "The other room...", "new_work", "spare bedroom"),
    ("hughes-house", "Front door", "excluded", "front door"),
    ("hughes-house", "Hallway wall by the stairs", "quantity", "third coat"),
    ("hughes-house", "First viewing on the 28th!", "deadline", "Friday 27 February"),
    ("northgate-admin", "Hartwell and Brook", "excluded", "payment reminder"),
    ("northgate-admin", "February travel", "quantity", "four trips"),
    ("northgate-admin", "Board meeting Monday", "client_duty", "agenda"),
    ("northgate-admin", "Inbox backlog", "deadline", "Saturday"),
]

# Mails that must raise no flag: plain in-scope work, thanks with "also", and replies whose
# QUOTED history holds an old out-of-scope request.
NOT_FLAGGED = [
    ("devries-social", "Post donderdag"),
    ("devries-social", "Re: Valentijn"),
    ("hughes-house", "Thank you!"),
    ("hughes-house", "RE: Living room finished"),
    ("northgate-admin", "Re: Leeds hotel"),
    ("northgate-admin", "Manchester on the 21st"),
]


def _snapshot(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {
        p.relative_to(folder).as_posix(): (p.read_bytes(), p.stat().st_mtime_ns)
        for p in sorted(folder.rglob("*")) if p.is_file()
    }


def _sample_mail(subject: str) -> email.message.EmailMessage:
    for path in sorted((SAMPLE / "mailbox").rglob("*")):
        if path.is_file() and not path.name.startswith("."):
            msg = email.message_from_bytes(path.read_bytes(), policy=policy.default)
            if msg["Subject"] == subject:
                return msg
    raise AssertionError(f"no sample mail with subject {subject!r}")


def _draft_files(root: Path) -> dict[str, email.message.EmailMessage]:
    folder = root / "mailbox" / ".Drafts" / "cur"
    return {
        p.name: email.message_from_bytes(p.read_bytes(), policy=policy.default)
        for p in sorted(folder.iterdir()) if p.is_file()
    } if folder.is_dir() else {}


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    before = _snapshot(SAMPLE)
    root = tmp_path_factory.mktemp("demo") / "scopewatch-demo"
    lines: list[str] = []
    summary = run_demo(root, echo=lines.append)
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}", migrate=False)
    yield summary, "\n".join(lines), root, ledger, before
    ledger.close()


def _ledger_flags(ledger: Ledger, client_id: str, subject: str):
    return [f for f in ledger.findings(client=client_id, verdict="out_of_scope")
            if f.message.subject == subject and not f.review]


def test_demo_copies_the_sample_and_names_every_client(demo_run):
    summary, text, root, _ledger, _before = demo_run
    assert (root / MARKER).is_file() and (root / "scopewatch.toml").is_file()
    assert {p.name for p in (root / "scopes").glob("*.yaml")} == {p.name for p in (SAMPLE / "scopes").glob("*.yaml")}
    assert {c.client_id for c in summary.clients} == {"devries-social", "hughes-house", "northgate-admin"}
    for name in CLIENT_NAMES:
        assert name in text
    # every sample mail went through the service: a client's, an unknown sender's, or unreadable
    assert summary.messages == summary.processed == 36
    assert sum(c.messages for c in summary.clients) + len(summary.unknown_senders) + len(summary.errors) == 36
    assert not summary.errors
    assert str(root / "scopewatch.db") in text


@pytest.mark.parametrize("client_id,subject,category,words", PLANTED, ids=[p[1] for p in PLANTED])
def test_planted_request_is_in_the_ledger_drafted_and_explained(demo_run, client_id, subject, category, words):
    summary, text, _root, ledger, _before = demo_run
    flags = _ledger_flags(ledger, client_id, subject)
    categories = sorted({f.category for f in flags})
    assert category in categories, f"{subject!r}: in the ledger as {categories or 'nothing'}"
    matching = [f for f in flags if f.category == category and words.lower() in f.evidence.lower()]
    assert matching, f"{subject!r}: no {category} finding on a sentence with {words!r}"
    flag = matching[0]
    assert flag.rules, "a flag must name the rule that fired"
    assert flag.status == "drafted", f"{subject!r}: auto_draft = \"all\" left it {flag.status}"
    # the text report shows the sentence, its category and the finding number
    assert " ".join(flag.evidence.split())[:60] in text
    assert re.search(rf"OUT OF SCOPE: {category} .*finding {flag.id}, reply drafted", text)


@pytest.mark.parametrize("client_id,subject", NOT_FLAGGED, ids=[n[1] for n in NOT_FLAGGED])
def test_in_scope_and_quoted_requests_are_not_flagged(demo_run, client_id, subject):
    _summary, _text, _root, ledger, _before = demo_run
    flags = _ledger_flags(ledger, client_id, subject)
    assert not flags, f"{subject!r} flagged: {[f.evidence for f in flags]}"


def test_flags_point_at_the_agreement_clause(demo_run):
    summary, text, root, _ledger, _before = demo_run
    (flag,) = [r for r in summary.client("devries-social").flagged
               if r.subject == "Openingstijden vanaf februari" and r.finding.category == "excluded"]
    assert flag.clause is not None and flag.clause.id == "website"
    assert flag.clause.section == "exclusions"
    # the line of `- id: website` in the demo folder's YAML, so the VA can open the file right there
    yaml_lines = (root / "scopes" / "devries-social.yaml").read_text(encoding="utf-8").splitlines()
    assert "id: website" in yaml_lines[flag.clause.line - 1]
    assert f"clause: scopes/devries-social.yaml line {flag.clause.line}, exclusions > website" in text


def test_unknown_senders_are_listed_not_judged(demo_run):
    summary, text, _root, _ledger, _before = demo_run
    assert {m.sender for m in summary.unknown_senders} == {"info@fietsenmakerij-jansen.example", "rachel.green@mailbox.example"}
    assert "Unknown senders" in text and "rachel.green@mailbox.example" in text


def test_drafts_are_threaded_replies_in_the_maildir_drafts(demo_run):
    summary, text, root, _ledger, _before = demo_run
    drafts = _draft_files(root)
    assert drafts and len(drafts) == len(summary.drafts) == summary.drafts_written
    assert all(name.endswith(":2,D") for name in drafts)
    assert f"in {root / 'mailbox' / '.Drafts' / 'cur'}" in text
    original = _sample_mail("Front door")
    (reply,) = [m for m in drafts.values() if m["In-Reply-To"] == original["Message-ID"]]
    assert reply["Subject"] == "Re: Front door"
    assert original["Message-ID"] in reply["References"]
    assert reply["To"].addresses[0].addr_spec == original["From"].addresses[0].addr_spec
    assert reply["From"].addresses[0].addr_spec == SAMPLE_VA[1]
    assert "front door" in reply.get_body(preferencelist=("plain",)).get_content().lower()
    # no reply starts with "Re: Re:", and every one answers a mail of the sample
    assert not [m["Subject"] for m in drafts.values() if m["Subject"].lower().startswith("re: re:")]


def test_one_english_and_one_dutch_draft_are_shown_in_full(demo_run):
    summary, text, _root, _ledger, _before = demo_run
    assert [d.language for d in summary.shown] == ["en", "nl"]
    for d in summary.shown:
        assert f"Subject: {d.subject}" in text
        first = next(line for line in d.text.splitlines() if line.strip())
        assert f"  {first}" in text  # the greeting of the reply itself


def test_digest_html_names_every_client(demo_run):
    summary, text, root, _ledger, _before = demo_run
    page = root / "digest.html"
    assert summary.digest_html == page and str(page) in text
    body = page.read_text(encoding="utf-8")
    assert body.lstrip().lower().startswith("<!doctype html") or "<html" in body[:500].lower()
    for name in CLIENT_NAMES:
        assert html.escape(name, quote=False) in body
    assert "Could you write the agenda for Monday" in body  # a planted request, quoted


def test_the_bundled_sample_is_not_changed(demo_run):
    *_, before = demo_run
    assert _snapshot(SAMPLE) == before


def test_text_report_ends_with_what_next(demo_run):
    summary, text, root, _ledger, _before = demo_run
    tail = text[text.index("What next"):]
    assert f"scopewatch flags --workspace {root}" in tail
    assert f"scopewatch review --workspace {root}" in tail
    assert "scopewatch init" in tail and "scopewatch run" in tail
    assert f"scopewatch web --workspace {root}" in tail and "http://127.0.0.1:8465/" in tail
    # every command it suggests exists, so a newcomer never copies a dead command
    suggested = re.findall(r"scopewatch ([a-z]+)(?: ([a-z]+))?", tail)
    assert len(suggested) >= 6
    for name, sub in suggested:
        command = cli.commands.get(name)
        assert command is not None, f"`scopewatch {name}` does not exist"
        if isinstance(command, click.Group):
            assert sub in command.commands, f"`scopewatch {name} {sub}` does not exist"
    # and the finding it names is a real flag of the demo
    shown = re.search(r"scopewatch show (\d+) ", tail)
    assert shown and int(shown.group(1)) in {r.finding_id for r in summary.flagged}


def test_keep_rerun_reads_nothing_again_and_drafts_nothing_twice(demo_run):
    summary, _text, root, ledger, _before = demo_run
    files_before = set(_draft_files(root))
    findings_before = [(f.id, f.status) for f in ledger.findings()]
    again = run_demo(root, keep=True, echo=lambda line: None)
    assert again.processed == 0 and again.drafts_written == 0
    assert set(_draft_files(root)) == files_before
    assert [(f.id, f.status) for f in ledger.findings()] == findings_before
    # the report still explains everything the ledger holds
    assert {r.finding_id for r in again.flagged} == {r.finding_id for r in summary.flagged}
    assert again.client("hughes-house").messages == summary.client("hughes-house").messages


def test_cli_json_then_a_fresh_rerun_on_the_same_folder(tmp_path):
    into = tmp_path / "demo"
    result = CliRunner().invoke(cli, ["demo", "--into", str(into), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["workspace"] == str(into.resolve()) and data["messages"] == 36
    by_client = {c["client"]: c for c in data["clients"]}
    assert set(by_client) == {"devries-social", "hughes-house", "northgate-admin"}
    front_door = [f for f in by_client["hughes-house"]["flagged"] if f["subject"] == "Front door"]
    assert front_door and front_door[0]["category"] == "excluded" and front_door[0]["drafted"]
    assert front_door[0]["clause"]["id"] == "exterior"
    assert front_door[0]["source"].startswith("sample/INBOX/")
    assert data["drafts"]["total"] == len(_draft_files(into)) > 0
    assert Path(data["digest"]["html"]).is_file()
    first_ids = {m["Message-ID"] for m in _draft_files(into).values()}

    # Re-running starts fresh: a new ledger and new drafts, never the old ones plus new ones.
    result = CliRunner().invoke(cli, ["demo", "--into", str(into)])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output  # no colour when not a terminal
    assert "Bakkerij de Vries" in result.output
    drafts = _draft_files(into)
    assert len(drafts) == data["drafts"]["total"]
    assert not first_ids & {m["Message-ID"] for m in drafts.values()}


def test_a_folder_the_demo_did_not_make_is_refused(tmp_path):
    own = tmp_path / "notes"
    own.mkdir()
    (own / "todo.txt").write_text("mine", encoding="utf-8")
    result = CliRunner().invoke(cli, ["demo", "--into", str(own)])
    assert result.exit_code == 2
    assert "was not made by `scopewatch demo`" in result.output
    assert "Traceback" not in result.output
    assert [p.name for p in own.iterdir()] == ["todo.txt"]


def test_the_demo_never_writes_into_scopewatch_itself():
    before = _snapshot(SAMPLE)
    result = CliRunner().invoke(cli, ["demo", "--into", str(SAMPLE / "mailbox" / "demo")])
    assert result.exit_code == 2
    assert "scopewatch's own files" in result.output
    assert _snapshot(SAMPLE) == before


def _clean_env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SCOPEWATCH_") and k != "PYTHONPATH"}
    env["NO_COLOR"] = "1"
    return env


def test_installed_console_script_runs_the_demo_in_any_folder(tmp_path):
    script = Path(sys.executable).parent / "scopewatch"
    if not script.is_file():
        skip_or_fail(f"no installed console script at {script} (pip install . first)")
    cwd = tmp_path / "newcomer"
    cwd.mkdir()
    env = _clean_env()
    # The VA's own service settings in the environment must not steer the demo.
    env["SCOPEWATCH_DATABASE"] = f"sqlite:///{tmp_path / 'real-ledger.db'}"
    proc = subprocess.run([str(script), "demo"], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 0, proc.stderr
    root = cwd / "scopewatch-demo"
    assert f"Digest: {root / 'digest.html'}" in proc.stdout
    assert (root / "scopewatch.db").is_file() and (root / "digest.html").is_file()
    assert _draft_files(root)
    assert not (tmp_path / "real-ledger.db").exists()


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", ".", "--no-deps", "-w", str(out)],
        cwd=REPO, capture_output=True, text=True, timeout=300,
    )
    if proc.returncode != 0:
        # Build isolation fetches hatchling from PyPI; without the registry there is no wheel.
        skip_or_fail(f"could not build the wheel: {proc.stderr.strip().splitlines()[-1:] or proc.returncode}")
    (whl,) = out.glob("scopewatch-*.whl")
    return whl


def test_wheel_ships_sample_rules_and_templates(wheel):
    names = zipfile.ZipFile(wheel).namelist()
    for folder in ("examples", "rules", "templates"):
        assert any(n.startswith(f"scopewatch/_shipped/{folder}/") for n in names), folder
    for path in (SAMPLE / "scopes").glob("*.yaml"):
        assert f"scopewatch/_shipped/examples/scopes/{path.name}" in names
    for path in (REPO / "templates").glob("*.j2"):
        assert f"scopewatch/_shipped/templates/{path.name}" in names
    mails = [n for n in names if n.startswith("scopewatch/_shipped/examples/mailbox/") and "/.keep" not in n]
    assert len(mails) == 36
    assert "scopewatch/_shipped/examples/mailbox/tmp/.keep" in names


def test_demo_runs_from_an_installed_wheel_in_any_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    shipped = target / "scopewatch" / "_shipped" / "examples"
    before = _snapshot(shipped)
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    env = {**_clean_env(), "PYTHONPATH": str(target)}
    proc = subprocess.run(
        [sys.executable, "-m", "scopewatch", "demo", "--json"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert Path(data["sample"]).resolve() == shipped.resolve()
    assert Path(data["workspace"]) == (elsewhere / "scopewatch-demo").resolve()
    assert data["messages"] == 36 and data["drafts"]["total"] > 0
    assert Path(data["digest"]["html"]).is_file()
    assert _snapshot(shipped) == before


def test_what_next_commands_work_as_printed(demo_run, tmp_path):
    """Each closing command of the demo, copied from its output and run in a shell from the folder
    the demo ran in, does what it says (review finds the demo's drafts still waiting for a decision)."""
    import shlex

    from scopewatch.demo import program, what_next

    summary, _text, root, _ledger, _before = demo_run
    finding = next(r.finding_id for r in summary.flagged)
    printed = [cmd for cmd, _does in what_next(root, finding, program()) if str(root) in cmd]
    # `web` serves until Ctrl-C (tests/test_web_*.py serve the same workspace kind); the rest finish.
    assert any(" web --workspace " in cmd for cmd in printed)
    commands = [cmd for cmd in printed if " web " not in cmd]
    assert len(commands) == 5
    for cmd in commands:
        res = subprocess.run(cmd, shell=True, cwd=Path.cwd(), input="q\n", capture_output=True, text=True,
                             timeout=180, env=dict(os.environ, PYTHONPATH=str(REPO)))
        assert res.returncode == 0, (cmd, res.stdout[-500:], res.stderr[-500:])
        assert res.stdout.strip(), cmd
        if " review " in cmd:
            assert "no new findings" not in res.stdout and f"--- 1 of " in res.stdout
    # the program is spelled so a shell finds it: on PATH, or by its path
    first = shlex.split(commands[0])[0]
    assert first == "scopewatch" or Path(first).is_file()

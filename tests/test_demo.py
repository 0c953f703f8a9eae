"""`scopewatch demo` on the bundled sample: the planted out-of-scope requests are flagged with the
right category and explained, the sample mailbox is never changed, and the wheel ships the sample."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from scopewatch import resources
from scopewatch.cli import cli
from scopewatch.demo import run_demo

from tests.conftest import REPO, skip_or_fail

SAMPLE = resources.examples_dir()

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


@pytest.fixture(scope="module")
def demo_run():
    lines: list[str] = []
    summary = run_demo(echo=lines.append)
    return summary, "\n".join(lines)


def _flags(summary, client_id: str, subject: str):
    report = summary.client(client_id)
    assert report is not None, f"no report for {client_id}"
    return [r for r in report.flagged if r.subject == subject]


def test_demo_names_every_sample_client(demo_run):
    summary, text = demo_run
    assert {c.client_id for c in summary.clients} == {"devries-social", "hughes-house", "northgate-admin"}
    for name in ("Bakkerij de Vries", "Claire and Tom Hughes, 14 Elm Road", "Northgate Advisory (Mark Jensen)"):
        assert name in text
    # every sample mail is accounted for: a client's, an unknown sender's, or unreadable
    assert summary.messages == 36
    assert sum(c.messages for c in summary.clients) + len(summary.unknown_senders) + len(summary.errors) == 36
    assert not summary.errors


@pytest.mark.parametrize("client_id,subject,category,words", PLANTED, ids=[p[1] for p in PLANTED])
def test_planted_request_is_flagged_with_its_category(demo_run, client_id, subject, category, words):
    summary, text = demo_run
    flags = _flags(summary, client_id, subject)
    categories = sorted({r.finding.category for r in flags})
    assert category in categories, f"{subject!r}: flagged as {categories or 'nothing'}"
    matching = [r for r in flags if r.finding.category == category and words.lower() in r.finding.evidence.lower()]
    assert matching, f"{subject!r}: no {category} flag on a sentence with {words!r}"
    flag = matching[0]
    assert flag.finding.rules, "a flag must name the rule that fired"
    # the text report shows the sentence and its category
    assert f"OUT OF SCOPE: {category}" in text
    assert " ".join(flag.finding.evidence.split())[:60] in text


@pytest.mark.parametrize("client_id,subject", NOT_FLAGGED, ids=[n[1] for n in NOT_FLAGGED])
def test_in_scope_and_quoted_requests_are_not_flagged(demo_run, client_id, subject):
    summary, _ = demo_run
    flags = _flags(summary, client_id, subject)
    assert not flags, f"{subject!r} flagged: {[r.finding.evidence for r in flags]}"


def test_flags_point_at_the_agreement_clause(demo_run):
    summary, text = demo_run
    (flag,) = [r for r in _flags(summary, "devries-social", "Openingstijden vanaf februari")
               if r.finding.category == "excluded"]
    assert flag.clause is not None and flag.clause.id == "website"
    assert flag.clause.section == "exclusions"
    # the line of `- id: website` in the shipped YAML, so the VA can open the file right there
    yaml_lines = (SAMPLE / "scopes" / "devries-social.yaml").read_text(encoding="utf-8").splitlines()
    assert "id: website" in yaml_lines[flag.clause.line - 1]
    assert f"clause: scopes/devries-social.yaml line {flag.clause.line}, exclusions > website" in text


def test_unknown_senders_are_listed_not_judged(demo_run):
    summary, text = demo_run
    senders = {m.sender for m in summary.unknown_senders}
    assert senders == {"info@fietsenmakerij-jansen.example", "rachel.green@mailbox.example"}
    assert "Unknown senders" in text
    assert "rachel.green@mailbox.example" in text


def test_text_report_ends_with_what_next(demo_run):
    _, text = demo_run
    tail = text[text.index("What next"):]
    assert "scopewatch scope lint" in tail
    assert str(SAMPLE / "scopes") in tail
    # every command it suggests exists, so a newcomer never copies a dead command
    suggested = re.findall(r"scopewatch ([a-z]+)(?: ([a-z]+))?", tail)
    assert len(suggested) >= 5
    for name, sub in suggested:
        command = cli.commands.get(name)
        assert command is not None, f"`scopewatch {name}` does not exist"
        if isinstance(command, click.Group):
            assert sub in command.commands, f"`scopewatch {name} {sub}` does not exist"


def test_demo_command_json_is_valid_and_has_no_colour():
    result = CliRunner().invoke(cli, ["demo", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.output)
    assert data["messages"] == 36
    by_client = {c["client"]: c for c in data["clients"]}
    assert set(by_client) == {"devries-social", "hughes-house", "northgate-admin"}
    flagged = by_client["hughes-house"]["flagged"]
    front_door = [f for f in flagged if f["subject"] == "Front door"]
    assert front_door and front_door[0]["category"] == "excluded"
    assert front_door[0]["clause"]["id"] == "exterior"
    assert front_door[0]["source"].startswith("mailbox/cur/")


def test_demo_command_text_has_no_ansi_codes_when_not_a_terminal():
    result = CliRunner().invoke(cli, ["demo"])
    assert result.exit_code == 0, result.output
    assert "\x1b[" not in result.output
    assert "Bakkerij de Vries" in result.output


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_demo_on_a_given_workspace_leaves_its_maildir_untouched(tmp_path):
    ws = tmp_path / "va"
    shutil.copytree(SAMPLE, ws)
    # keep only the painter's client's mail, to show the demo reads this workspace, not the sample
    for p in list((ws / "mailbox").rglob("*")):
        if p.is_file() and not p.name.startswith(".") and b"hughesfamily.example" not in p.read_bytes():
            p.unlink()
    before = _snapshot(ws / "mailbox")
    summary = run_demo(ws, echo=lambda line: None)
    assert _snapshot(ws / "mailbox") == before
    assert summary.messages == len([k for k in before if not k.endswith(".keep")])
    assert summary.client("hughes-house").messages == summary.messages
    assert summary.client("devries-social").messages == 0


def test_workspace_without_mailbox_is_one_clear_error(tmp_path):
    shutil.copytree(SAMPLE / "scopes", tmp_path / "scopes")
    result = CliRunner().invoke(cli, ["demo", "--workspace", str(tmp_path)])
    assert result.exit_code == 2
    assert "has no mailbox/ folder" in result.output
    assert "Traceback" not in result.output


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
    mails = [n for n in names if n.startswith("scopewatch/_shipped/examples/mailbox/") and "/.keep" not in n]
    assert len(mails) == 36
    assert "scopewatch/_shipped/examples/mailbox/tmp/.keep" in names


def test_demo_runs_from_an_installed_wheel_in_any_folder(wheel, tmp_path):
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "--no-index", "--target", str(target), str(wheel)],
        check=True, capture_output=True, timeout=300,
    )
    elsewhere = tmp_path / "somewhere-else"
    elsewhere.mkdir()
    env = {**os.environ, "PYTHONPATH": str(target)}
    env.pop("SCOPEWATCH_WORKSPACE", None)
    proc = subprocess.run(
        [sys.executable, "-m", "scopewatch", "demo", "--json"],
        cwd=elsewhere, env=env, capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(proc.stdout)
    assert Path(data["workspace"]).resolve() == (target / "scopewatch" / "_shipped" / "examples").resolve()
    assert data["messages"] == 36

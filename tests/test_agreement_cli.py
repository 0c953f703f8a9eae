"""`scopewatch scope lint` and `scopewatch scope show`, run the way the VA runs them, plus the
readable summary `describe` prints."""

from __future__ import annotations

import json
import shutil
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch.agreement.load import load_agreement_file
from scopewatch.agreement.model import Agreement, Limit, Period, Rate, ScopeItem
from scopewatch.agreement.show import describe
from scopewatch.cli import cli

DATA = Path(__file__).resolve().parent / "data"


def workspace(tmp_path: Path, fixture: str) -> Path:
    shutil.copytree(DATA / fixture, tmp_path / "scopes")
    return tmp_path


def run(*args: str):
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


# --- scope lint -------------------------------------------------------------------------------


def test_lint_valid_workspace_exits_0(tmp_path):
    ws = workspace(tmp_path, "scopes_valid")
    result = run("scope", "lint", "--workspace", str(ws))
    assert result.exit_code == 0
    assert result.stdout.strip() == "2 agreements checked, 0 problems"


def test_lint_lists_every_problem_and_exits_2(tmp_path):
    ws = workspace(tmp_path, "scopes_broken")
    result = run("scope", "lint", "--workspace", str(ws))
    assert result.exit_code == 2
    lines = result.stdout.strip().splitlines()
    f = f"{ws}/scopes/devries-social.yaml"
    assert len(lines) == 10
    assert lines[0] == (
        f"{f}:3: contacts: expected a list of e-mail addresses, got a string; "
        "write it as a list: contacts: [anna@bakkerijdevries.example]"
    )
    assert f"{f}:13: deliverables[0].limit.per: 'weekly' is not one of week, month, quarter, year, project; " \
           "did you mean 'week'?" in lines
    assert f"{f}:7: deliverable: unknown key; did you mean 'deliverables'?" in lines
    assert "1 agreement checked, 10 problems" in result.stderr
    assert "Traceback" not in result.output


def test_lint_json_gives_one_object_per_problem(tmp_path):
    ws = workspace(tmp_path, "scopes_conflict")
    result = run("scope", "lint", "--workspace", str(ws), "--json")
    assert result.exit_code == 2
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert [(Path(r["file"]).name, r["line"], r["field"]) for r in rows] == [
        ("devries-website.yaml", 3, "contacts[0]"),
        ("devries-website.yaml", 4, "contacts[1]"),
        ("hughes.yaml", 2, "contacts[0]"),
    ]
    assert "devries-social.yaml:3" in rows[2]["message"]


def test_lint_reads_workspace_from_environment(tmp_path):
    ws = workspace(tmp_path, "scopes_valid")
    result = CliRunner().invoke(cli, ["scope", "lint"], env={"SCOPEWATCH_WORKSPACE": str(ws)})
    assert result.exit_code == 0
    assert "2 agreements checked" in result.stdout


def test_lint_without_scopes_folder_is_a_problem(tmp_path):
    result = run("scope", "lint", "--workspace", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout.strip() == (
        f"{tmp_path}/scopes: the scopes folder does not exist; "
        "create it and put one agreement per client in it as CLIENT.yaml"
    )


def test_lint_syntax_error_is_one_plain_line(tmp_path):
    (tmp_path / "scopes").mkdir()
    (tmp_path / "scopes" / "acme.yaml").write_text("client: Acme\ncontacts:\n  - @acme.example\n")
    result = run("scope", "lint", "-w", str(tmp_path))
    assert result.exit_code == 2
    assert result.stdout.strip() == (
        f"{tmp_path}/scopes/acme.yaml:3: invalid YAML (column 5): "
        "a value starting with '@' must be in quotes, e.g. \"@bakkerij.nl\""
    )


# --- scope show -------------------------------------------------------------------------------


def test_show_prints_a_readable_summary(tmp_path):
    ws = workspace(tmp_path, "scopes_valid")
    result = run("scope", "show", "--workspace", str(ws), "devries-social")
    assert result.exit_code == 0
    out = result.stdout
    for expected in (
        "Bakkerij de Vries (devries-social)",
        "Contacts:       anna@bakkerijdevries.example, @bakkerijdevries.example",
        "Replies in:     Dutch (nl)",
        "Project:        Social media beheer eerste kwartaal",
        "Goal:           Meer klanten in de winkel via Instagram",
        "Period:         2026-01-05 to 2026-03-31 (86 days)",
        "Rate:           EUR 45.50 per hour",
        "Extra work:     estimated 2 hours per request unless an item says otherwise",
        "  - instagram-posts: Instagram-posts met foto en tekst  [line 13]",
        "      limit:    at most 3 per week",
        "      due:      every Thursday",
        "      estimate: 1 hour",
        "      terms:    instagram, post, posts, story, reel",
        "      limit:    at most 1 rapport per month",
        "  - 2026-02-10 linkedin-posts: LinkedIn-posts, 1 per week  (from finding #41)  [line 36]",
        "Exclusions (not agreed):",
        "  - website: Website en webshop  [line 25]",
        "Client provides:",
        "  - photos: Productfoto's, uiterlijk vrijdag  [line 29]",
        "Acceptance:     Posts gaan donderdag ter goedkeuring naar Anna",
        "Change policy:  Extra werk na akkoord op een offerte, tegen het uurtarief",
        f"File:           {ws}/scopes/devries-social.yaml",
    ):
        assert expected in out.splitlines(), expected
    agreement = load_agreement_file(ws / "scopes" / "devries-social.yaml")
    assert f"Version:        sha256 {agreement.content_hash}" in out
    # Sections appear in the order the VA reads an agreement.
    order = ["Deliverables (agreed work):", "Amendments", "Exclusions", "Client provides:", "Acceptance:", "File:"]
    positions = [out.index(title) for title in order]
    assert positions == sorted(positions)


def test_show_unknown_client_exits_3_listing_known_clients(tmp_path):
    ws = workspace(tmp_path, "scopes_valid")
    result = run("scope", "show", "--workspace", str(ws), "devries")
    assert result.exit_code == 3
    assert result.stderr.strip() == (
        "error: no agreement for client 'devries' (known clients: devries-social, harbour-painting)"
    )
    assert result.stdout == ""


def test_show_of_a_broken_agreement_lists_its_problems_and_the_others_still_show(tmp_path):
    ws = workspace(tmp_path, "scopes_broken")
    result = run("scope", "show", "--workspace", str(ws), "devries-social")
    assert result.exit_code == 2
    assert result.stderr.startswith("error: 10 problems in scope agreements:\n")
    assert "deliverables[1].terms: is empty" in result.stderr
    assert "Traceback" not in result.output
    assert run("scope", "show", "--workspace", str(ws), "harbour-painting").exit_code == 0


def test_show_missing_workspace_is_a_clear_error(tmp_path):
    result = run("scope", "show", "--workspace", str(tmp_path / "nope"), "acme")
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: workspace folder {tmp_path / 'nope'} does not exist")


# --- describe ---------------------------------------------------------------------------------


def test_describe_a_minimal_agreement_skips_empty_sections():
    agreement = Agreement(
        client_id="acme",
        client="Acme",
        contacts=("jo@acme.example",),
        deliverables=(ScopeItem(id="posts", kind="deliverable", description="Posts", terms=("post",)),),
    )
    text = describe(agreement)
    assert text.splitlines()[0] == "Acme (acme)"
    assert "Replies in:     English (en)" in text
    assert "  - posts: Posts" in text
    for absent in ("Period", "Rate", "Exclusions", "Client provides", "Amendments", "Acceptance", "Version"):
        assert absent not in text
    assert "File:           (not loaded from a file)" in text


def test_describe_open_ended_period_units_and_long_text():
    long = "Weekly newsletter for the members of the association, written from the board's notes " * 2
    agreement = Agreement(
        client_id="club",
        client="The Club",
        contacts=("@club.example",),
        period=Period(start=date(2026, 4, 1)),
        rate=Rate(amount=Decimal("400"), currency="GBP", per="day"),
        deliverables=(
            ScopeItem(
                id="newsletter", kind="deliverable", description=long.strip(), terms=("newsletter",),
                limit=Limit(count=2, per="project", unit="revision round"), estimate_hours=1.5,
            ),
        ),
    )
    lines = describe(agreement).splitlines()
    assert "Period:         from 2026-04-01" in lines
    assert "Rate:           GBP 400 per day" in lines
    assert "      limit:    at most 2 revision round per project" in lines
    assert "      estimate: 1.5 hours" in lines
    assert all(len(line) <= 88 for line in lines)
    # The long description wraps under its bullet instead of running off the screen.
    start = lines.index(next(line for line in lines if line.startswith("  - newsletter:")))
    assert lines[start + 1].startswith("    ") and not lines[start + 1].startswith("      limit")


@pytest.mark.parametrize("name", ["devries-social.yaml", "harbour-painting.yml"])
def test_describe_names_every_clause_of_the_file(name):
    agreement = load_agreement_file(DATA / "scopes_valid" / name)
    text = describe(agreement)
    for item in agreement.items():
        assert f"{item.id}: {item.description}" in text

"""Accepting a change request writes a new agreement version: an `amendments:` entry appended to the
client's YAML with everything the VA wrote kept byte for byte, and later requests for the same
work judged in scope by the real detector."""

from __future__ import annotations

import hashlib
from datetime import date
from pathlib import Path

import pytest

from scopewatch.agreement.amend import amendment_terms, append_amendment
from scopewatch.agreement.load import load_agreement_file
from scopewatch.errors import WorkspaceError
from scopewatch.resources import examples_dir
from tests.test_followup import env, checker, sample_outcomes  # noqa: F401

BEDROOM_AGAIN = (
    b"From: Claire Hughes <claire.hughes@hughesfamily.example>\r\n"
    b"To: dave@brushandroller.example\r\n"
    b"Subject: Bedroom colour\r\n"
    b"Message-ID: <bedroom-again@hughesfamily.example>\r\n"
    b"Date: Mon, 9 Mar 2026 09:00:00 +0000\r\n\r\n"
    b"Hi Dave,\r\n\r\nCould you also do the spare bedroom upstairs in the same white?\r\n\r\nThanks, Claire\r\n"
)


def test_accepted_change_is_in_scope_for_later_requests(env):
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    before = Checker(open_workspace(env.root)).check_bytes(BEDROOM_AGAIN, source="again")
    assert before.result.verdict == "out_of_scope"

    f = env.finding_by_text("spare bedroom")
    path = env.root / "scopes" / "hughes-house.yaml"
    original = path.read_bytes()
    res = env.run("accept", str(f.id), "--reason", "yes by mail")
    assert res.exit_code == 0, res.output

    amended = path.read_bytes()
    assert amended.startswith(original)  # the VA's text, comments and all, untouched
    agreement = load_agreement_file(path)
    assert agreement.content_hash != hashlib.sha256(original).hexdigest()  # a new version
    [am] = agreement.amendments
    assert am.finding == f.id and am.date == date.today()
    assert am.estimate_hours == 8  # the agreement's own estimate for extra work
    assert set(am.terms) >= set(f.matched_terms)
    from click.testing import CliRunner
    from scopewatch.cli import cli

    lint = CliRunner().invoke(cli, ["scope", "lint", "-w", str(env.root)])
    assert lint.exit_code == 0, lint.output

    after = Checker(open_workspace(env.root)).check_bytes(BEDROOM_AGAIN, source="again")
    assert after.result.verdict == "in_scope", after.result
    assert any(x.scope_item == am.id for x in after.result.findings)
    last = env.ledger.events(f.id)[-1]
    assert last.to_status == "accepted" and am.id in last.why and "yes by mail" in last.why


@pytest.fixture
def agreement_file(tmp_path) -> Path:
    path = tmp_path / "hughes-house.yaml"
    path.write_bytes((examples_dir() / "scopes" / "hughes-house.yaml").read_bytes())
    return path


def test_appending_twice_for_the_same_finding_adds_once(agreement_file):
    _, first, added = append_amendment(agreement_file, finding_id=5, description="Spare bedroom", terms=["bedroom"])
    text = agreement_file.read_text()
    _, second, added_again = append_amendment(agreement_file, finding_id=5, description="x", terms=["x"])
    assert added and not added_again and second == first
    assert agreement_file.read_text() == text
    assert text.count("amendments:") == 1


def test_second_amendment_goes_into_the_existing_list_before_trailing_comments(agreement_file):
    append_amendment(agreement_file, finding_id=5, description="Spare bedroom", terms=["bedroom"])
    with agreement_file.open("a") as fh:
        fh.write("\n# notes the VA keeps at the end\n")
    before = agreement_file.read_text()
    agreement, am, _ = append_amendment(agreement_file, finding_id=9, description='Shed: "quick" coat', terms=["shed"],
                                        estimate_hours=3)
    after = agreement_file.read_text()
    assert after.endswith("\n# notes the VA keeps at the end\n")
    assert [a.finding for a in agreement.amendments] == [5, 9]
    assert agreement.amendments[1].description == 'Shed: "quick" coat'
    assert len(after) > len(before) and after.replace(after[after.index("  - id: change-9"):after.index("\n# notes")], "") \
        .startswith(before[: before.index("\n# notes")])


def test_an_empty_amendments_key_is_filled(tmp_path):
    path = tmp_path / "c.yaml"
    text = (examples_dir() / "scopes" / "hughes-house.yaml").read_text() + "amendments: []   # none yet\n"
    path.write_text(text)
    agreement, am, added = append_amendment(path, finding_id=1, description="Garage door", terms=["garage door"])
    assert added and [a.id for a in agreement.amendments] == ["change-1"]
    assert "amendments: # none yet\n  - id: change-1" in path.read_text()


def test_an_amendment_that_would_break_the_file_leaves_it_unchanged(agreement_file):
    before = agreement_file.read_bytes()
    with pytest.raises(WorkspaceError):
        append_amendment(agreement_file, finding_id=2, description="x", terms=[])
    with pytest.raises(WorkspaceError, match="invalid"):
        append_amendment(agreement_file, finding_id=3, description="   ", terms=["roof"])
    assert agreement_file.read_bytes() == before
    assert not [p for p in agreement_file.parent.iterdir() if p.name.startswith(".")]  # no temp files left


def test_amendment_id_does_not_clash_with_a_clause(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text((examples_dir() / "scopes" / "hughes-house.yaml").read_text())
    _, am, _ = append_amendment(path, finding_id=1, description="a", terms=["a1"], amendment_id="living-room")
    assert am.id != "living-room" and am.id.startswith("living-room-")


def test_terms_come_from_matched_terms_else_content_words():
    assert amendment_terms(["Bedroom", "bedroom "], "whatever") == ["bedroom"]
    words = amendment_terms([], "Could you also design flyers for the Easter campaign?")
    assert "flyers" in words and "easter" in words and "could" not in words and "you" not in words

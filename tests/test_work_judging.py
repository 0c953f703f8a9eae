"""Requests judged by the kind of work they ask for (work catalogue): agreed work in the client's
own words is in scope, new work hidden behind an agreed word used as context is flagged, and
every finding names the kind and the clause (issue examples, English and Dutch)."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from scopewatch.detect.checker import Checker
from scopewatch.workspace import open_workspace

AGREEMENTS = {
    "ea": """\
        client: Board Co
        contacts: [ann@board.example]
        deliverables:
          - id: calendar
            description: Calendar management and meeting scheduling
            terms: [calendar, meeting, scheduling]
          - id: travel
            description: Booking business travel
            terms: [trip]
        exclusions:
          - id: personal
            description: Personal errands and family matters
            terms: [personal, errand]
        """,
    "pod": """\
        client: Pod Co
        contacts: [sam@pod.example]
        deliverables:
          - id: editing
            description: Audio editing of each episode
            terms: [episode, editing]
        """,
    "boek": """\
        client: Boek BV
        contacts: [ingrid@boek.example]
        language: nl
        deliverables:
          - id: boekhouding
            description: Maandelijkse boekhouding
            terms: [boekhouding, administratie]
        """,
    "books": """\
        client: Books Ltd
        contacts: [tom@books.example]
        deliverables:
          - id: bookkeeping
            description: Monthly bookkeeping in Xero
            terms: [bookkeeping, xero]
        exclusions:
          - id: money-in
            description: Getting customers to pay
            terms: [customers]
            kinds: [credit-control]
        """,
}


@pytest.fixture(scope="module")
def checker(tmp_path_factory):
    root = tmp_path_factory.mktemp("ws")
    (root / "scopes").mkdir()
    for name, text in AGREEMENTS.items():
        (root / "scopes" / f"{name}.yaml").write_text(textwrap.dedent(text), encoding="utf-8")
    ws = open_workspace(root)
    return Checker(ws), ws


def one(checker, client: str, text: str):
    c, ws = checker
    agreement = ws.agreements[client]
    findings = c.check_text(text, agreement, agreement.language)
    assert len(findings) == 1, [f.evidence for f in findings]
    return findings[0]


@pytest.mark.parametrize("client, text, item, kind", [
    ("ea", "can u shift tuesday's 10 o'clock to the afternoon?", "calendar", "calendar"),
    ("ea", "Please find us an hour with the board next week.", "calendar", "calendar"),
    ("ea", "Could you book a hotel in Leeds for the conference?", "travel", "travel"),
    ("pod", "Could you cut the long pause after the intro?", "editing", "audio-editing"),
    ("boek", "Boek de tankbonnen voortaan op autokosten.", "boekhouding", "bookkeeping"),
    ("books", "Could you reconcile the bank feed?", "bookkeeping", "bookkeeping"),
])
def test_agreed_work_in_other_words_is_in_scope(checker, client, text, item, kind):
    f = one(checker, client, text)
    assert f.verdict == "in_scope", f.explanation
    assert f.scope_item == item
    assert f"KIND:{kind}" in f.rules
    assert "covered by" in f.explanation and item in f.explanation


@pytest.mark.parametrize("client, text, kind, words", [
    ("pod", "Could you make thumbnails for each episode?", "cover-art", "cover art and thumbnails"),
    ("ea", "Could you sit in on the board meeting and write up the notes?", "minutes", "minute-taking"),
    ("boek", "Kun je in Exact kijken wie nog niet betaald heeft en ze een herinnering sturen?", "credit-control",
     "credit control (chasing unpaid invoices"),
])
def test_new_work_behind_an_agreed_word_is_flagged(checker, client, text, kind, words):
    f = one(checker, client, text)
    assert f.verdict == "out_of_scope" and f.category == "new_work" and not f.review, f.explanation
    assert f"KIND:{kind}" in f.rules
    assert f.explanation.startswith(f"asks for {words}")
    assert "which is not in the agreement" in f.explanation


def test_a_narrower_kind_named_in_the_sentence_decides(checker):
    f = one(checker, "ea", "Could you book a hotel for our family holiday?")
    assert (f.verdict, f.category, f.scope_item) == ("out_of_scope", "excluded", "personal")
    assert f.explanation.startswith("asks for personal travel (holidays and family trips")


def test_an_explicit_kind_on_an_exclusion_is_used(checker):
    f = one(checker, "books", "Please send Jansen a payment reminder.")
    assert (f.verdict, f.category, f.scope_item) == ("out_of_scope", "excluded", "money-in")
    assert f.matched_terms == ["payment reminder"]
    assert "which the agreement excludes: money-in" in f.explanation


def test_no_kind_found_stays_a_question(checker):
    f = one(checker, "pod", "Could you have a look at this for me?")
    assert f.verdict == "out_of_scope" and f.review
    assert not any(r.startswith("KIND:") for r in f.rules)


def test_the_agreements_own_terms_still_win(checker):
    # "episode" is the thing asked for here, not context: the clause decides.
    f = one(checker, "pod", "Could you also do the episode with Anna?")
    assert f.verdict == "in_scope" and f.scope_item == "editing"

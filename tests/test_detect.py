"""Detection as a VA meets it: each category flagged with its clause, in English and Dutch, the
traps left alone, terms matched on lemmas and plurals, and user rules overriding shipped ones."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from scopewatch.detect.checker import Checker
from scopewatch.workspace import open_workspace

DATA = Path(__file__).parent / "data" / "detect"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(open_workspace(DATA))


def _oos(checker, client, text, subject=None):
    ag = checker.workspace.agreements[client]
    return [f for f in checker.check_text(text, ag, ag.language, subject=subject) if f.verdict == "out_of_scope" and not f.review]


CATEGORY_CASES = [
    ("painter", "Could you also do the fence while you're here?", "excluded", "exterior"),
    ("painter", "Can you also paint the downstairs toilet?", "new_work", None),
    ("painter", "Could you do a third coat on the walls?", "quantity", "living-room"),
    ("painter", "Could you work this weekend so the walls are done sooner?", "deadline", "living-room"),
    ("painter", "Could you pick up the paint yourself on the way in?", "client_duty", "paint"),
    ("bakkerij", "Kun je meteen ook de openingstijden op de website aanpassen?", "excluded", "website"),
    ("bakkerij", "Zou het een idee zijn om ook een nieuwsbrief te maken?", "new_work", None),
    ("bakkerij", "Kun je deze week 6 posts maken?", "quantity", "instagram-posts"),
    ("bakkerij", "Kun je de post morgen al klaarzetten in plaats van donderdag?", "deadline", "instagram-posts"),
    ("bakkerij", "Wil jij de productfoto's zelf maken? Ik kom er niet aan toe.", "client_duty", "photos"),
]


@pytest.mark.parametrize("client,text,category,item", CATEGORY_CASES)
def test_each_category_is_flagged_with_its_clause(checker, client, text, category, item):
    flags = _oos(checker, client, text)
    assert [f.category for f in flags] == [category], flags
    f = flags[0]
    assert f.scope_item == item
    assert f.rules and f.rules[0].split("_")[1] == "ASK"  # the request rule comes first
    assert 0.6 <= f.confidence <= 1.0
    assert f.explanation
    if item:
        assert checker.workspace.agreements[client].item(item).description == f.scope_item_description


@pytest.mark.parametrize(
    "client,text",
    [
        ("painter", "Could you paint the ceiling in the lighter white?"),
        ("painter", "Please do the second coat on the walls on Thursday."),
        ("bakkerij", "Kun je donderdag de post over de paasbroden plaatsen?"),
        ("bakkerij", "Graag een story over de nieuwe taart."),
    ],
)
def test_agreed_work_is_in_scope(checker, client, text):
    ag = checker.workspace.agreements[client]
    findings = checker.check_text(text, ag, ag.language)
    assert [f.verdict for f in findings] == ["in_scope"]
    assert findings[0].scope_item in {d.id for d in ag.deliverables}


@pytest.mark.parametrize(
    "client,text",
    [
        ("painter", "I also paid the invoice this morning."),
        ("painter", "No need to do the ceiling after all."),
        ("painter", "When will you start on Monday?"),
        ("painter", "Maybe next year we could talk about the exterior."),
        ("painter", "Could you let me know when you arrive?"),
        ("painter", "Thanks for the lovely job on the walls, they look great."),
        ("bakkerij", "Ik heb de factuur ook al betaald."),
        ("bakkerij", "De nieuwsbrief hoeft toch niet meer."),
        ("bakkerij", "Volgend jaar willen we misschien een nieuwe website."),
        ("bakkerij", "Heb je de foto's van vrijdag ontvangen?"),
        ("bakkerij", "Bedankt voor de mooie posts!"),
    ],
)
def test_traps_are_not_flagged(checker, client, text):
    assert _oos(checker, client, text) == []


def test_several_requests_in_one_mail_each_judged(checker):
    text = "Hi!\n\nCould you paint the ceiling white? Could you also do the fence?\n\nThanks"
    ag = checker.workspace.agreements["painter"]
    findings = checker.check_text(text, ag, "en")
    assert [(f.verdict, f.category) for f in findings] == [("in_scope", None), ("out_of_scope", "excluded")]
    for f in findings:
        assert text[f.start : f.end] == f.evidence  # offsets point into the new text


def test_terms_match_on_lemmas_plurals_case_and_phrases(checker):
    ag = checker.workspace.agreements["painter"]
    f = checker.check_text("Could you also do the FENCES at the back?", ag, "en")[0]
    assert f.category == "excluded" and f.matched_terms == ["FENCES"]
    f = checker.check_text("Could you repaint the Living Room walls?", ag, "en")[0]
    assert f.verdict == "in_scope" and f.scope_item == "living-room"
    nl = checker.workspace.agreements["bakkerij"]
    hit = checker.term_matcher(nl, "nl").find(checker.pipelines.get("nl")("Kun je twee reels en drie posts doen?"))
    assert [h.item.id for h in hit] == ["instagram-posts", "instagram-posts"]


def test_terms_match_whole_words_only(checker):
    nl = checker.workspace.agreements["bakkerij"]
    hits = checker.term_matcher(nl, "nl").find(checker.pipelines.get("nl")("Wat is de postcode van de winkel?"))
    assert hits == []


def test_dutch_compound_matches_its_head(checker):
    nl = checker.workspace.agreements["bakkerij"]
    hits = checker.term_matcher(nl, "nl").find(checker.pipelines.get("nl")("de instagramposts en de websiteteksten"))
    assert [(h.item.id, h.compound) for h in hits] == [("instagram-posts", True)]


def test_request_in_quoted_history_does_not_count(checker):
    raw = (
        b"From: Jane Hart <jane@hart.example.com>\r\nTo: va@example.com\r\nSubject: Re: walls\r\n"
        b"Message-ID: <q1@hart.example.com>\r\nIn-Reply-To: <p@va.example.com>\r\n\r\n"
        b"Thanks, that all sounds fine.\r\n\r\nOn Mon, 2 Feb 2026 at 10:00, Sam <va@example.com> wrote:\r\n"
        b"> Could you also do the fence?\r\n"
    )
    result = checker.check_bytes(raw, "q.eml").result
    assert result.client == "painter"
    assert result.verdict == "no_request"


def test_subject_counts_on_a_first_message_only(checker):
    head = b"From: jane@hart.example.com\r\nTo: va@example.com\r\nMessage-ID: <s%d@x>\r\n"
    first = checker.check_bytes(head % 1 + b"Subject: Could you also do the fence?\r\n\r\nThanks!\r\n").result
    assert first.verdict == "out_of_scope" and first.findings[0].part == "subject"
    reply = checker.check_bytes(head % 2 + b"Subject: Re: Could you also do the fence?\r\n\r\nThanks!\r\n").result
    assert reply.verdict == "no_request"


def test_unknown_sender_gets_no_findings(checker):
    raw = b"From: someone@else.example\r\nSubject: hi\r\n\r\nCould you also do the fence?\r\n"
    result = checker.check_bytes(raw, "u.eml").result
    assert (result.verdict, result.client, result.findings) == ("unknown_sender", None, [])


def test_out_of_office_reply_asks_for_nothing(checker):
    raw = (b"From: jane@hart.example.com\r\nSubject: Automatic reply: walls\r\n\r\n"
           b"I am out of the office until Monday. For urgent matters please call Tom on 0123.\r\n")
    assert checker.check_bytes(raw).result.verdict == "no_request"


def test_low_confidence_request_is_a_check_not_a_flag(checker):
    ag = checker.workspace.agreements["painter"]
    findings = checker.check_text("Could you have a look at this for me?", ag, "en")
    assert len(findings) == 1 and findings[0].verdict == "out_of_scope" and findings[0].review is True


def test_user_rule_overrides_and_adds(tmp_path):
    ws_dir = tmp_path / "ws"
    shutil.copytree(DATA, ws_dir)
    (ws_dir / "rules").mkdir()
    (ws_dir / "rules" / "mine.yaml").write_text(
        "- id: EN_ASK_PLEASE\n  disabled: true\n"
        "- id: EN_ASK_FANCY\n  description: My own way of asking\n  language: en\n  role: ask\n  score: 1.0\n"
        "  pattern: {phrases: [be a dear and]}\n  examples: {match: [Be a dear and paint the fence.]}\n",
        encoding="utf-8",
    )
    checker = Checker(open_workspace(ws_dir))
    ag = checker.workspace.agreements["painter"]
    assert "EN_ASK_PLEASE" not in checker.rules.rules
    assert checker.check_text("Please the fence.", ag, "en") == []
    f = checker.check_text("Be a dear and do the fence as well.", ag, "en")[0]
    assert f.category == "excluded" and "EN_ASK_FANCY" in f.rules

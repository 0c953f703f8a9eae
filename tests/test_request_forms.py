"""Requests that do not ask with "could you" / "kun je", found and judged in English and Dutch: a
statement of what to do, a question about the result, "kan ik ... al ... hebben?", a short mail
whose subject is the whole ask, and a mail that switches language."""

from __future__ import annotations

from pathlib import Path

import pytest

from scopewatch.detect.checker import Checker, is_short
from scopewatch.parse.language import mixed_with
from scopewatch.workspace import open_workspace

LIMITS = Path(__file__).parent / "data" / "limits"
DETECT = Path(__file__).parent / "data" / "detect"


@pytest.fixture(scope="module")
def limits() -> Checker:
    return Checker(open_workspace(LIMITS))


@pytest.fixture(scope="module")
def detect() -> Checker:
    return Checker(open_workspace(DETECT))


def _mail(sender: str, subject: str, body: str) -> bytes:
    return (f"From: {sender}\r\nTo: va@example.com\r\nSubject: {subject}\r\nMessage-ID: <f@example.com>\r\n"
            f"Content-Type: text/plain; charset=utf-8\r\n\r\n{body}\r\n").encode()


def _verdicts(checker, client, text):
    ag = checker.workspace.agreements[client]
    return [(f.verdict, f.category, f.scope_item, f.review) for f in checker.check_text(text, ag, ag.language)]


FORMS = [
    # statements of what to do
    (
        "detect", "painter", "Just patch any cracks in the fence as you go.",
        [("out_of_scope", "excluded", "exterior", False)],
    ),
    (
        "detect", "painter", "Feel free to do the living room ceiling too.",
        [("in_scope", None, "living-room", False)],
    ),
    (
        "limits", "boekhouding", "Plak de scheurtjes in de nieuwsbrief maar dicht.",
        [("in_scope", None, "nieuwsbrief", False)],
    ),
    # questions about the result
    (
        "limits", "podcast", "Could the newsletter go out on Monday instead of Friday?",
        [("out_of_scope", "deadline", "newsletter", False)],
    ),
    (
        "limits", "podcast", "Could the newsletter go out monthly instead?",
        [("out_of_scope", "quantity", "newsletter", False)],
    ),
    (
        "limits", "boekhouding", "Kan de nieuwsbrief deze week al op maandag de deur uit in plaats van dinsdag?",
        [("out_of_scope", "deadline", "nieuwsbrief", False)],
    ),
    # "kan ik ... al ... hebben?"
    (
        "limits", "boekhouding", "Kan ik de jaarcijfers al vrijdag hebben?",
        [("out_of_scope", "deadline", "jaarcijfers", False)],
    ),
    (
        "limits", "podcast", "Can I have the newsletter by 20 March?",
        [("out_of_scope", "deadline", "newsletter", False)],
    ),
]


@pytest.mark.parametrize("which,client,text,expected", FORMS)
def test_request_forms_are_found_and_judged(limits, detect, which, client, text, expected):
    checker = limits if which == "limits" else detect
    assert _verdicts(checker, client, text) == expected


@pytest.mark.parametrize("which,client,text", [
    ("detect", "painter", "Just checking in about the walls."),
    ("detect", "painter", "Could the delay be due to the cold weather?"),
    ("detect", "painter", "Could the meeting on Friday run a bit later?"),
    ("limits", "boekhouding", "Wanneer kan ik de jaarcijfers verwachten?"),
    ("limits", "boekhouding", "Ik plak de scheurtjes maar zelf."),
])
def test_look_alikes_are_not_requests(limits, detect, which, client, text):
    checker = limits if which == "limits" else detect
    assert _verdicts(checker, client, text) == []


@pytest.mark.parametrize("sender,subject,body,client,category,item", [
    ("anna@bakkerinstallatie.example", "Extra nieuwsbrief deze week?", "Hoi, lukt dat?\n\nAnna",
     "boekhouding", "quantity", "nieuwsbrief"),
    ("dan@kadepodcast.example", "Another episode this week?", "Hi, would be great.\n\nDan",
     "podcast", "quantity", "editing"),
])
def test_a_short_mails_subject_is_the_ask(limits, sender, subject, body, client, category, item):
    outcome = limits.check_bytes(_mail(sender, subject, body))
    flags = [f for f in outcome.result.findings if f.verdict == "out_of_scope" and not f.review]
    assert [(f.part, f.category, f.scope_item) for f in flags] == [("subject", category, item)]


def test_a_long_mails_subject_question_is_only_a_subject(limits):
    body = ("Hi,\n\nThe recording went well this time and the guest was great.\nWe talked for ages about\n"
            "the harbour history and the old ferry.\nI think listeners will love it.\nMore soon.\n\nDan")
    outcome = limits.check_bytes(_mail("dan@kadepodcast.example", "Another episode this week?", body))
    assert not is_short(body)
    assert [f for f in outcome.result.findings if f.part == "subject"] == []


@pytest.mark.parametrize("sender,body,client,category,item", [
    # a Dutch mail with the ask in English
    ("anna@bakkerinstallatie.example",
     "Hoi Sam,\n\nDank je wel voor de btw-aangifte, die is mooi op tijd binnen. Ik ben er erg blij mee en de\n"
     "boekhouder ook, want nu kan hij de cijfers van het kwartaal meteen afronden.\n"
     "Could you also send an extra mailing next to the weekly one?\n\nGroetjes, Anna",
     "boekhouding", "quantity", "nieuwsbrief"),
    # an English mail with the ask in Dutch
    ("dan@kadepodcast.example",
     "Hi Sam,\n\nThanks so much for the last episode, the listeners loved it and the mix was great.\n"
     "Kun je ook de newsletter maandelijks sturen in plaats van per kwartaal?\n\nCheers, Dan",
     "podcast", "quantity", "newsletter"),
])
def test_a_mail_in_two_languages_is_read_in_both(limits, sender, body, client, category, item):
    outcome = limits.check_bytes(_mail(sender, "Update", body))
    flags = [f for f in outcome.result.findings if f.verdict == "out_of_scope" and not f.review]
    assert [(f.category, f.scope_item) for f in flags] == [(category, item)]


def test_one_language_is_not_mixed():
    assert mixed_with("Could you also send the newsletter next week? Thanks so much for it.", "en") is None
    assert mixed_with("Kun je de nieuwsbrief ook volgende week sturen? Dank je wel.", "nl") is None
    assert mixed_with("Hoi Sam, dank je voor de aangifte. Could you also send the newsletter this week?", "nl") == "en"

"""Limits beyond a count, as a VA writes them: a size per piece (`each: 60 minutes`), a measured
unit, how often (`per`, or the description's "quarterly"), one more on top of the period's, and
deadlines against `due` dates and weekdays, in English and Dutch. A deadline moved later is not
a flag."""

from __future__ import annotations

from pathlib import Path

import pytest

from scopewatch.agreement.load import load_agreement_file
from scopewatch.detect.checker import Checker
from scopewatch.errors import AgreementError
from scopewatch.workspace import open_workspace

DATA = Path(__file__).parent / "data" / "limits"


@pytest.fixture(scope="module")
def checker() -> Checker:
    return Checker(open_workspace(DATA))


def _findings(checker, client, text):
    ag = checker.workspace.agreements[client]
    return checker.check_text(text, ag, ag.language)


def _flags(checker, client, text):
    return [f for f in _findings(checker, client, text) if f.verdict == "out_of_scope" and not f.review]


FLAGGED = [
    # measured limits
    ("podcast", "Here's episode 12. This one is 80 minutes of raw audio, sorry! Could you edit it as usual?",
     "quantity", "editing", "80 minutes"),
    ("podcast", "Could you write show notes of about 600 words for this one?", "quantity", "show-notes", "600 words"),
    ("boekhouding", "Kun je een blogartikel van 1.200 woorden schrijven?", "quantity", "blog", "1.200 woorden"),
    # more often than agreed
    ("podcast", "Could we make the newsletter monthly instead of quarterly?", "quantity", "newsletter", "monthly"),
    ("boekhouding", "Kun je voortaan de btw-aangifte maandelijks doen in plaats van per kwartaal?", "quantity", "btw",
     "maandelijks"),
    # extra on top of the period's
    ("podcast", "Could you edit an extra episode next to the regular one?", "quantity", "editing", "on top"),
    ("podcast", "Could we do one more episode this week?", "quantity", "editing", "on top"),
    ("boekhouding", "Kun je een extra nieuwsbrief sturen naast de wekelijkse?", "quantity", "nieuwsbrief", "on top"),
    # deadlines against dates and weekdays
    ("podcast", "Could we release the episode a day early, on Monday?", "deadline", "editing", "Monday"),
    ("podcast", "Could you send the newsletter by 20 March?", "deadline", "newsletter", "2026-03-27"),
    ("boekhouding", "Kun je de nieuwsbrief maandag al versturen in plaats van dinsdag?", "deadline", "nieuwsbrief",
     "elke dinsdag"),
    ("boekhouding", "Kun je de jaarcijfers op 15 mei klaar hebben?", "deadline", "jaarcijfers", "2026-05-29"),
    ("boekhouding", "Kun je de nieuwsbrief maandagmiddag al versturen in plaats van dinsdag?", "deadline", "nieuwsbrief",
     "maandag"),
]


@pytest.mark.parametrize("client,text,category,item,said", FLAGGED)
def test_over_a_limit_or_sooner_is_flagged_with_its_clause(checker, client, text, category, item, said):
    flags = _flags(checker, client, text)
    assert [(f.category, f.scope_item) for f in flags] == [(category, item)], flags
    assert said in flags[0].explanation


WITHIN = [
    ("podcast", "Could you edit this week's episode? It's 45 minutes."),
    ("podcast", "Could you edit one episode this week?"),
    ("boekhouding", "Kun je een blogartikel van 600 woorden schrijven?"),
    ("boekhouding", "Kun je de btw-aangifte over het eerste kwartaal doen?"),
    ("boekhouding", "Kun je de nieuwsbrief van deze week sturen?"),
]


@pytest.mark.parametrize("client,text", WITHIN)
def test_within_the_limit_is_not_flagged(checker, client, text):
    assert _flags(checker, client, text) == []
    assert any(f.verdict == "in_scope" for f in _findings(checker, client, text))


LATER = [
    ("podcast", "Could we release it on Wednesday instead of Tuesday?"),
    ("boekhouding", "Kan de nieuwsbrief deze week op donderdag in plaats van dinsdag?"),
    ("boekhouding", "Kunnen de jaarcijfers ook op 12 juni?"),
    # a part of the day written onto the weekday is still that day
    ("boekhouding", "Kun je de nieuwsbrief deze week woensdagochtend sturen in plaats van dinsdag?"),
]


@pytest.mark.parametrize("client,text", LATER)
def test_a_deadline_moved_later_is_not_a_flag(checker, client, text):
    found = _findings(checker, client, text)
    assert [f.verdict for f in found] == ["in_scope"], found
    assert "later" in found[0].explanation


def test_an_earlier_weekday_without_a_cue_is_a_check_not_a_flag(checker):
    """"On Monday" against "release Tuesday" may mean next Monday: the VA gets a question."""
    found = _findings(checker, "podcast", "Could you release the episode on Monday?")
    assert [(f.category, f.review) for f in found] == [("deadline", True)]


def _load(tmp_path, text, name="x"):
    path = tmp_path / f"{name}.yaml"
    path.write_text(text, encoding="utf-8")
    return load_agreement_file(path)


def test_each_frequency_and_year_load(tmp_path):
    ag = load_agreement_file(DATA / "scopes" / "podcast.yaml")
    editing = ag.item("editing")
    assert (editing.each.amount, editing.each.unit, editing.limit.count, editing.limit.per) == (60, "minute", 2, "month")
    assert ag.item("show-notes").limit is None and ag.item("show-notes").each.unit == "word"
    yearly = _load(tmp_path,
        "client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: report\n    description: Annual report\n"
        "    terms: [report]\n    limit: {count: 1, per: year, each: 8 pages}\n")
    assert yearly.item("report").limit.per == "year" and yearly.item("report").each.unit == "page"


def test_a_bad_size_names_file_line_and_field(tmp_path):
    text = ("client: X\ncontacts: [a@x.example]\ndeliverables:\n  - id: edit\n    description: Editing\n"
            "    terms: [edit]\n    limit: {count: 1, per: week, each: sixty}\n")
    with pytest.raises(AgreementError) as info:
        _load(tmp_path, text)
    assert "x.yaml:7: deliverables[0].limit.each: expected a number and what it measures" in str(info.value)


def test_scope_show_prints_size_and_frequency():
    from click.testing import CliRunner

    from scopewatch.cli import cli

    res = CliRunner().invoke(cli, ["scope", "show", "podcast", "--workspace", str(DATA)])
    assert res.exit_code == 0, res.output
    assert "each:     at most 60 minutes raw audio" in res.output
    assert "often:    once per quarter (from the description)" in res.output

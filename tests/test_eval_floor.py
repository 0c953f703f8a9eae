"""Detection quality floors on the project's own labelled corpus (tests/labelled). The holdout
split was written by people who never saw the rules; a change that drops below a floor is a
regression a VA would feel (missed creep, or false alarms)."""

from __future__ import annotations

from pathlib import Path

import pytest

from scopewatch.evaluate import run_eval

LABELLED = Path(__file__).parent / "labelled"


@pytest.fixture(scope="module")
def holdout():
    return run_eval(LABELLED, split="holdout")


def test_holdout_out_of_scope_flags(holdout):
    s = holdout.overall.flags
    assert holdout.overall.messages >= 150
    assert s.precision >= 0.90, s.to_json()
    assert s.f1 >= 0.70, s.to_json()


def test_holdout_false_flag_rate(holdout):
    assert holdout.overall.false_flag_rate <= 0.05, holdout.overall.to_json()


@pytest.mark.parametrize("language", ["en", "nl"])
def test_holdout_each_language(holdout, language):
    rep = holdout.languages[language]
    assert rep.messages >= 80
    assert rep.flags.precision >= 0.85 and rep.false_flag_rate <= 0.08, rep.to_json()

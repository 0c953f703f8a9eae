"""The language word lists (rules/<language>/words.yaml): shipped ones load and mean what the
judge relies on, a broken file gets file:line errors, and a new language is a data file only."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch import resources
from scopewatch.cli import cli
from scopewatch.detect.rules import lint_rules
from scopewatch.words import Lexicon, lexicon, lint_words, load_lexicon
from scopewatch.errors import RuleError


def test_shipped_word_lists_load_for_both_languages():
    lex = lexicon()
    assert lex.languages == ["en", "nl"]
    assert lex["en"].numbers["three"] == 3 and lex["nl"].numbers["drie"] == 3
    assert lex["nl"].months["maart"] == 3 and lex["en"].months["march"] == 3
    assert lex["nl"].periods["maandelijks"] == "month" and lex["en"].periods["weekly"] == "week"
    # Language-neutral signs (rules/words.yaml) are part of every language.
    assert "%" in lex["en"].not_a_count_after and "%" in lex["nl"].not_a_count_after
    # Mixed mail reads both: "every" holds the words of all languages.
    assert {"the", "de"} <= lex.every.plain_before


def test_words_files_are_not_read_as_rules():
    ruleset, problems = lint_rules([resources.rules_dir()])
    assert problems == []
    assert all(not r.source.endswith("words.yaml") for r in ruleset.rules.values())


def test_a_broken_words_file_names_file_line_and_key(tmp_path):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "words.yaml").write_text(
        "numbers: {one: 1, two: twee}\n"
        "months: {march: 13}\n"
        "periods: {fortnight: fortnight}\n"
        "plain_befor: [the]\n"
        "subjects: [You]\n"
        "self_does: ['(unclosed']\n",
        encoding="utf-8",
    )
    _, problems = lint_words(tmp_path)
    text = "\n".join(str(p) for p in problems)
    path = tmp_path / "en" / "words.yaml"
    assert f"{path}:1: numbers: two: expected a whole number, got 'twee'" in text
    assert f"{path}:2: months: march: expected a month number 1-12, got 13" in text
    assert f"{path}:3: periods: fortnight: 'fortnight' is not one of day, week, month, quarter, year" in text
    assert f"{path}:4: plain_befor: unknown key; did you mean 'plain_before'?" in text
    assert f"{path}:5: subjects: write words in lower case: You" in text
    assert f"{path}:6: self_does: invalid regular expression" in text
    with pytest.raises(RuleError):
        load_lexicon(tmp_path)


def test_not_yaml_is_one_clear_problem(tmp_path):
    (tmp_path / "nl").mkdir()
    (tmp_path / "nl" / "words.yaml").write_text("numbers: [twee: 2\n", encoding="utf-8")
    _, problems = lint_words(tmp_path)
    assert len(problems) == 1 and "not valid YAML" in str(problems[0])


def test_a_third_language_is_a_data_file(tmp_path):
    """German word lists dropped beside the shipped ones give a usable lexicon, without code."""
    shutil.copytree(resources.rules_dir(), tmp_path / "rules")
    (tmp_path / "rules" / "de").mkdir()
    (tmp_path / "rules" / "de" / "words.yaml").write_text(
        "numbers: {zwei: 2, drei: 3}\nmonths: {maerz: 3}\nperiods: {woche: week, monatlich: month}\n"
        "prepositions: [mit, auf]\n",
        encoding="utf-8",
    )
    lex = load_lexicon(tmp_path / "rules")
    assert isinstance(lex, Lexicon) and "de" in lex
    assert lex["de"].numbers["drei"] == 3 and lex["de"].periods["monatlich"] == "month"
    assert "mit" in lex["de"].prepositions and lex.every.numbers["zwei"] == 2
    assert ":" in lex["de"].not_a_count_after  # the language-neutral list applies to it too


def test_user_words_file_is_reported_as_unused(tmp_path):
    ws = tmp_path / "ws"
    (ws / "scopes").mkdir(parents=True)
    (ws / "rules" / "en").mkdir(parents=True)
    (ws / "rules" / "en" / "words.yaml").write_text("numbers: {thirty: 30}\n", encoding="utf-8")
    res = CliRunner().invoke(cli, ["rules", "lint", "--workspace", str(ws)])
    assert res.exit_code == 2
    assert "words.yaml: word lists are read from the shipped rules folder only" in res.output

"""Every rule's own examples: each `match` sentence must fire the rule, each `no_match` must not.

The examples are collected from the rule files, so a rule added to rules/ is tested without
touching this file (SpamAssassin's habit)."""

from __future__ import annotations

import pytest

from scopewatch import resources
from scopewatch.detect.nlp import Pipelines
from scopewatch.detect.requests import RequestFinder
from scopewatch.detect.rules import lint_rules, load_rules

RULES = load_rules([resources.rules_dir()])
PIPELINES = Pipelines()


def _cases():
    for rule in sorted(RULES.rules.values(), key=lambda r: r.id):
        langs = ["en", "nl"] if rule.language == "any" else [rule.language]
        for lang in langs:
            for text in rule.match_examples:
                yield pytest.param(rule.id, lang, text, True, id=f"{rule.id}-match-{text[:30]}")
            for text in rule.no_match_examples:
                yield pytest.param(rule.id, lang, text, False, id=f"{rule.id}-no_match-{text[:30]}")


_FINDERS: dict[str, RequestFinder] = {}


def _finder(lang: str) -> RequestFinder:
    if lang not in _FINDERS:
        _FINDERS[lang] = RequestFinder(PIPELINES.get(lang), RULES.for_language(lang))
    return _FINDERS[lang]


@pytest.mark.parametrize("rule_id,lang,text,expected", list(_cases()))
def test_rule_example(rule_id, lang, text, expected):
    doc = PIPELINES.get(lang)(text)
    assert _finder(lang).fires(rule_id, doc) is expected, (
        f"{rule_id} should {'match' if expected else 'not match'}: {text!r}"
    )


def test_every_shipped_rule_has_examples_and_a_description():
    assert len(RULES) >= 30
    for rule in RULES.rules.values():
        assert rule.match_examples, rule.id
        assert rule.description and len(rule.description) < 120, rule.id


def test_shipped_rules_cover_both_languages_and_all_request_kinds():
    for lang in ("en", "nl"):
        roles = {r.role for r in RULES.for_language(lang)}
        assert {"ask", "additive", "extra", "rush", "takeover", "cancel", "info", "hypothetical", "work"} <= roles, lang

"""`scopewatch rules lint`: validates every rule file and runs each rule's own examples, so a user
who writes a rule learns at once whether it matches what they meant."""

from __future__ import annotations

from pathlib import Path
from typing import Iterable

from scopewatch.detect.nlp import SUPPORTED, Pipelines
from scopewatch.detect.requests import RequestFinder
from scopewatch.detect.rules import RuleSet, lint_rules
from scopewatch.errors import DetectionTimeout, Problem


def example_problems(ruleset: RuleSet, pipelines: Pipelines | None = None) -> list[Problem]:
    """One problem per example that does not behave as its rule says."""
    pipelines = pipelines or Pipelines()
    problems: list[Problem] = []
    for lang in SUPPORTED:
        rules = [r for r in ruleset.for_language(lang) if r.match_examples or r.no_match_examples]
        if not rules:
            continue
        nlp = pipelines.get(lang)
        finder = RequestFinder(nlp, ruleset.for_language(lang))
        for rule in rules:
            if rule.language == "any" and lang != SUPPORTED[0]:
                continue  # examples of a language-neutral rule are checked once, in English
            try:
                for text in rule.match_examples:
                    if not finder.fires(rule.id, nlp(text)):
                        problems.append(Problem(rule.source, f"{rule.id}.examples.match", f"does not match: {text!r}", rule.line))
                for text in rule.no_match_examples:
                    if finder.fires(rule.id, nlp(text)):
                        problems.append(Problem(rule.source, f"{rule.id}.examples.no_match", f"matches but should not: {text!r}", rule.line))
            except DetectionTimeout as exc:
                problems.append(Problem(rule.source, f"{rule.id}.pattern", f"too slow on its own examples: {exc}", rule.line))
    return problems


def lint_all(dirs: Iterable[Path]) -> tuple[RuleSet, list[Problem]]:
    """Validation problems first; the examples run only when every rule (and every kind of
    the work catalogue in the folders' catalogue/) is valid."""
    from scopewatch.catalogue import catalogue_folders, lint_catalogue
    from scopewatch.detect import work

    dirs = list(dirs)
    ruleset, problems = lint_rules(dirs)
    catalogue, cat_problems = lint_catalogue(catalogue_folders(dirs))
    problems += cat_problems
    if not problems:
        pipelines = Pipelines()
        problems = example_problems(ruleset, pipelines) + work.example_problems(catalogue, pipelines)
    return ruleset, problems

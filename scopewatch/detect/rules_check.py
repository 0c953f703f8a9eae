"""`scopewatch rules lint`: validates every rule file, runs each rule's own examples, so a user who
writes a rule learns at once whether it matches what they meant, and times each regex rule on long
adversarial texts, so a rule that is slow on some mail is refused before it meets one."""

from __future__ import annotations

import time
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


# Long texts that make a backtracking regex show its worst: one long word, many words with no
# sentence end, digits, spaces, punctuation, a request that runs on. A rule reads one sentence at a
# time, and a single "word" can be this long.
SLOW_TEXTS = (
    "a" * 4000,
    "word " * 800,
    "Could you also " + "do this and that " * 240,
    "Kun je ook nog " + "even dit en dat " * 240,
    "1" * 4000,
    "a1_" * 1300,
    "aaaa-" * 800,
    " " * 2000 + "x",
    ".,;:!? " * 600,
    "Aa " * 1300 + "!",
)
RULE_SECONDS = 0.05  # one rule on one such text; the shipped rules take well under a millisecond


def speed_problems(ruleset: RuleSet) -> list[Problem]:
    """One problem per regex rule that takes longer than RULE_SECONDS on one of SLOW_TEXTS."""
    problems = []
    for rule in ruleset.rules.values():
        if rule.kind != "regex" or getattr(rule, "compiled", None) is None:
            continue
        for text in SLOW_TEXTS:
            started = time.perf_counter()
            try:
                rule.compiled.search(text, timeout=RULE_SECONDS)
            except TimeoutError:
                pass
            took = time.perf_counter() - started
            if took >= RULE_SECONDS:
                shown = text[:24] + "..." if len(text) > 24 else text
                problems.append(Problem(
                    rule.source, f"{rule.id}.pattern",
                    f"too slow: more than {RULE_SECONDS * 1000:g} ms on a {len(text):,}-character text ({shown!r}); "
                    "a mail like it would cost its whole time budget (limit: rule speed). Bound the repeats "
                    "(\\w{1,30} instead of \\w+) or anchor the pattern to the words it needs", rule.line))
                break
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
        problems = speed_problems(ruleset)
    if not problems:
        pipelines = Pipelines()
        problems = example_problems(ruleset, pipelines) + work.example_problems(catalogue, pipelines)
    return ruleset, problems

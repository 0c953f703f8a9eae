"""Rule regexes cannot hang detection: catastrophic shapes are refused by `rules lint` and at load
with the rule id and the reason, and what passes still runs under a per-message time budget, so a
mail a rule chokes on gets one error verdict while the mails around it are judged as usual."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from scopewatch.detect.regex_safety import catastrophic_reason
from scopewatch.detect.rules import lint_rules, load_rules
from scopewatch.errors import RuleError
from tests.test_service_support import REPO, flagged_mail, workspace

RULE = """
- id: {rid}
  description: A workspace rule written by the VA
  language: any
  role: ask
  score: 1.0
  pattern: {{regex: "{regex}"}}
  examples:
    match: ["Could you aaa"]
"""


def _rules_ws(tmp_path, regex: str, rid: str = "MY_ASK_AAA"):
    root = workspace(tmp_path)
    (root / "rules").mkdir()
    (root / "rules" / "mine.yaml").write_text(RULE.format(rid=rid, regex=regex))
    return root


@pytest.mark.parametrize("pattern", [r"(a+)+$", r"(\\w+\\s?)+$", r"(a|aa)+$", r"(a?)*b", r"([a-z]+-?)*\\d"])
def test_rules_lint_refuses_catastrophic_shapes_naming_the_rule_and_why(tmp_path, pattern):
    root = _rules_ws(tmp_path, pattern)
    proc = subprocess.run([sys.executable, "-m", "scopewatch", "rules", "lint", "-w", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    assert proc.returncode != 0
    out = proc.stdout + proc.stderr
    assert "MY_ASK_AAA.pattern.regex" in out and "rejected:" in out, out
    assert "Traceback" not in out
    with pytest.raises(RuleError) as err:  # and the service refuses to load it too
        load_rules([root / "rules"])
    assert "MY_ASK_AAA" in str(err.value) and ("nested quantifier" in str(err.value) or "nothing" in str(err.value))


def test_the_shipped_rules_pass_the_shape_check():
    _ruleset, problems = lint_rules([REPO / "rules"])
    assert problems == []
    # Bounded repeats of words ("(\\w+\\s+){0,3}") and separated rounds ("(ook\\s+|nog\\s+)*") are fine.
    assert catastrophic_reason(r"(\w+\s+){0,3}be") is None
    assert catastrophic_reason(r"(ook\s+|nog\s+|graag\s+)*(een|de)") is None


def test_a_slow_rule_costs_one_error_verdict_and_the_rest_of_the_batch_is_judged(tmp_path):
    # Polynomial, not exponential: it passes the shape check, and the budget is what stops it.
    root = _rules_ws(tmp_path, r"\\w*\\w*\\w*\\w*\\w*\\w*$", rid="MY_SLOW_RULE")
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    checker = Checker(open_workspace(root))  # its own: the shared checker must not learn this rule
    good = flagged_mail("good")
    head, _, _ = good.partition(b"\n\n")
    hostile = head + b"\n\nCould you also paint the spare bedroom " + b"a" * 4000 + b"!\n"
    outcomes = list(checker.check_many([("one", good), ("two", hostile), ("three", flagged_mail("after"))]))
    assert [o.result.verdict for o in outcomes] == ["out_of_scope", "error", "out_of_scope"]
    error = outcomes[1].result.error
    assert "MY_SLOW_RULE" in error and "budget" in error


def test_check_json_reports_the_budget_error_as_the_message_verdict(tmp_path):
    root = _rules_ws(tmp_path, r"\\w*\\w*\\w*\\w*\\w*\\w*$", rid="MY_SLOW_RULE")
    good = flagged_mail("good")
    head, _, _ = good.partition(b"\n\n")
    (tmp_path / "hostile.eml").write_bytes(head + b"\n\nCould you do this " + b"a" * 4000 + b"!\n")
    proc = subprocess.run([sys.executable, "-m", "scopewatch", "check", "--json", "-w", str(root),
                           str(tmp_path / "hostile.eml")], cwd=REPO, capture_output=True, text=True, timeout=120)
    doc = json.loads(proc.stdout.splitlines()[0])
    assert doc["verdict"] == "error" and "MY_SLOW_RULE" in doc["error"], proc.stdout + proc.stderr


def test_a_long_ordinary_mail_stays_within_the_budget(tmp_path):
    """Only matching time counts: spaCy's work on a 200 kB mail must not use up the regex budget
    and turn an ordinary long mail into an error."""
    from tests.test_service_support import shared_checker

    checker = shared_checker(workspace(tmp_path))
    head, _, body = flagged_mail("long").partition(b"\n\n")
    raw = head + b"\n\n" + (body * 400)[:200_000]
    result = checker.check_bytes(raw).result
    assert result.verdict == "out_of_scope", result.error

"""Limits on agreement files: a file too large, an item with too many terms or too many terms in all
gets one clear problem naming the limit; a 1 MB agreement within the limits loads and its terms are
found in mail (its load time is measured in bench/chaos.py)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from scopewatch.agreement.load import load_agreement_file
from scopewatch.agreement.validate import MAX_AGREEMENT_CHARS, MAX_TERMS_PER_ITEM, MAX_TERMS_TOTAL
from scopewatch.errors import AgreementError
from tests.test_service_support import REPO


def word(n: int) -> str:
    """A made-up word for number n (aab, aac, ...): agreements hold words, not codes."""
    out = ""
    for _ in range(4):
        n, r = divmod(n, 26)
        out += "abcdefghijklmnopqrstuvwxyz"[r]
    return out


def big_agreement(n_terms: int, per_item: int = 1000) -> str:
    """A valid agreement with `n_terms` two-word terms, `per_item` to a deliverable (58,863 terms: 1 MB)."""
    out = ["client: Big Client", "contacts: [big@client.example]", "language: en", "project: A big job",
           "rate: {amount: 50, currency: EUR, per: hour}", "deliverables:"]
    done = item = 0
    while done < n_terms:
        k = min(per_item, n_terms - done)
        terms = ", ".join(f"{word(done + j)}er site work" for j in range(k))
        out.append(f"  - id: item-{item}\n    description: Item {item}\n    terms: [{terms}]")
        done += k
        item += 1
    return "\n".join(out) + "\n"


def _problems(tmp_path, text: str) -> str:
    path = tmp_path / "big.yaml"
    path.write_text(text)
    with pytest.raises(AgreementError) as err:
        load_agreement_file(path)
    assert len(err.value.problems) == 1, err.value.problems
    return str(err.value.problems[0])


def test_a_file_over_the_size_limit_is_refused_naming_the_limit(tmp_path):
    text = big_agreement(1000) + "# " + "x" * MAX_AGREEMENT_CHARS + "\n"
    assert "limit: agreement size" in _problems(tmp_path, text)


def test_an_item_with_too_many_terms_is_refused_naming_the_limit(tmp_path):
    msg = _problems(tmp_path, big_agreement(MAX_TERMS_PER_ITEM + 1, per_item=MAX_TERMS_PER_ITEM + 1))
    assert "deliverables[0].terms" in msg and "limit: terms per item" in msg


def test_too_many_terms_in_all_is_refused_naming_the_limit(tmp_path):
    assert "limit: total terms" in _problems(tmp_path, big_agreement(MAX_TERMS_TOTAL + 1, per_item=MAX_TERMS_PER_ITEM))


def test_a_1_mb_agreement_loads_and_its_terms_are_found(tmp_path):
    from scopewatch.detect.nlp import Pipelines
    from scopewatch.detect.terms import TermMatcher

    path = tmp_path / "big.yaml"
    path.write_text(big_agreement(58_863))
    assert path.stat().st_size > 950_000
    agreement = load_agreement_file(path)
    assert sum(len(i.terms) for i in agreement.items()) == 58_863
    nlp = Pipelines().get("en")
    matcher = TermMatcher(nlp, agreement, "en")
    hits = matcher.find(nlp(f"Could you also do the {word(58_862)}er site works and {word(3_007)}er site work?"))
    assert [(h.item.id, h.term) for h in hits] == [("item-58", f"{word(58_862)}er site work"), ("item-3", f"{word(3_007)}er site work")]


def test_scope_lint_says_which_limit_in_one_line(tmp_path):
    root = tmp_path / "ws"
    (root / "scopes").mkdir(parents=True)
    (root / "scopes" / "big.yaml").write_text(big_agreement(MAX_TERMS_PER_ITEM + 5, per_item=MAX_TERMS_PER_ITEM + 5))
    proc = subprocess.run([sys.executable, "-m", "scopewatch", "scope", "lint", "-w", str(root)],
                          cwd=REPO, capture_output=True, text=True, timeout=120)
    out = proc.stdout + proc.stderr
    assert proc.returncode != 0 and "limit: terms per item" in out and "Traceback" not in out, out

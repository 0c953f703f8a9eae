"""`scopewatch eval`: measures detection on a labelled corpus (agreements + .eml files + labels),
and request detection alone on sentence-labelled data such as the Parakweet Enron set.

A message counts as flagged when it has a firm out-of-scope finding; low-confidence "check"
items reach the VA as questions, not as alarms, so every figure is given both ways: firm flags
alone, and flags plus checks (`with_checks`), with the share of mails that get a check.
"""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from scopewatch.detect.checker import Checker
from scopewatch.detect.findings import CheckResult
from scopewatch.errors import WorkspaceError
from scopewatch.workspace import open_workspace


@dataclass
class Labelled:
    file: str
    client: str
    verdict: str
    categories: frozenset[str]
    note: str
    language: str = "?"
    items: tuple[str, ...] = ()  # the agreement clauses the request belongs to (optional `item` column)


@dataclass
class Scores:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0

    def add(self, gold: bool, predicted: bool) -> None:
        if gold and predicted:
            self.tp += 1
        elif predicted:
            self.fp += 1
        elif gold:
            self.fn += 1
        else:
            self.tn += 1

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def false_flag_rate(self) -> float:
        """Flagged among the messages that should not be."""
        return self.fp / (self.fp + self.tn) if self.fp + self.tn else 0.0

    def to_json(self) -> dict[str, Any]:
        return {"tp": self.tp, "fp": self.fp, "fn": self.fn, "tn": self.tn,
                "precision": round(self.precision, 3), "recall": round(self.recall, 3), "f1": round(self.f1, 3)}


@dataclass
class CategoryScores(Scores):
    """One category: firm flags, flags plus checks, and how often a check of it was raised."""

    with_checks: Scores = field(default_factory=Scores)
    messages: int = 0
    checked: int = 0  # messages with a "check" item of this category

    def to_json(self) -> dict[str, Any]:
        return {**super().to_json(), "false_flag_rate": round(self.false_flag_rate, 3),
                "check_rate": round(self.checked / self.messages, 3) if self.messages else 0.0,
                "with_checks": {**self.with_checks.to_json(), "false_flag_rate": round(self.with_checks.false_flag_rate, 3)}}


@dataclass
class LanguageReport:
    messages: int = 0
    flags: Scores = field(default_factory=Scores)
    flags_or_checks: Scores = field(default_factory=Scores)  # a check counted as a flag
    negatives: int = 0  # in_scope + no_request mail
    false_flags: int = 0
    false_flags_or_checks: int = 0
    checks: int = 0  # messages that became "check" items only
    checked: int = 0  # messages with at least one "check" item (flagged or not)
    category_hits: int = 0  # flagged true positives whose categories match the labels exactly
    verdict_correct: int = 0

    @property
    def false_flag_rate(self) -> float:
        return self.false_flags / self.negatives if self.negatives else 0.0

    @property
    def check_rate(self) -> float:
        """The share of mails that get at least one "check" item."""
        return self.checked / self.messages if self.messages else 0.0

    @property
    def category_accuracy(self) -> float:
        return self.category_hits / self.flags.tp if self.flags.tp else 0.0

    def to_json(self) -> dict[str, Any]:
        s, c = self.flags, self.flags_or_checks
        return {"messages": self.messages,
                "precision": round(s.precision, 3), "recall": round(s.recall, 3), "f1": round(s.f1, 3),
                "false_flag_rate": round(self.false_flag_rate, 3), "check_rate": round(self.check_rate, 3),
                "with_checks": {"precision": round(c.precision, 3), "recall": round(c.recall, 3), "f1": round(c.f1, 3),
                                "false_flag_rate": round(self.false_flags_or_checks / self.negatives, 3) if self.negatives else 0.0,
                                "out_of_scope": c.to_json()},
                "out_of_scope": s.to_json(), "checks": self.checks,
                "category_accuracy": round(self.category_accuracy, 3),
                "verdict_accuracy": round(self.verdict_correct / self.messages, 3) if self.messages else 0.0}


@dataclass
class EvalReport:
    corpus: str
    split: str | None
    overall: LanguageReport
    languages: dict[str, LanguageReport]
    categories: dict[str, CategoryScores]
    rules: dict[str, Counter]
    errors: list[tuple[Labelled, CheckResult, str]]

    def to_json(self, *, errors: bool = False) -> dict[str, Any]:
        """The figures as one object; the wrong verdicts only when asked for (a holdout's errors
        are not to be read)."""
        out = {
            "corpus": self.corpus,
            "split": self.split,
            "overall": self.overall.to_json(),
            "languages": {k: v.to_json() for k, v in sorted(self.languages.items())},
            "categories": {k: v.to_json() for k, v in sorted(self.categories.items())},
            "rules": {k: dict(v) for k, v in sorted(self.rules.items())},
        }
        if errors:
            out["wrong"] = [{"file": lab.file, "expected": lab.verdict, "expected_categories": sorted(lab.categories),
                             "got": got, "note": lab.note} for lab, _, got in self.errors]
        return out


def read_labels(corpus: Path) -> list[Labelled]:
    rows: list[Labelled] = []
    files = sorted(corpus.glob("labels*.csv"))
    if not files:
        raise WorkspaceError(f"{corpus} has no labels*.csv (columns: file,client,verdict,categories,note and an optional item)")
    for path in files:
        with path.open(newline="", encoding="utf-8") as fh:
            for row in csv.DictReader(fh):
                cats = frozenset(c.strip() for c in (row.get("categories") or "").split(";") if c.strip())
                file = row["file"].strip()
                items = tuple(i.strip() for i in (row.get("item") or "").split(";") if i.strip())
                rows.append(Labelled(file, (row.get("client") or "").strip(), row["verdict"].strip(), cats,
                                     (row.get("note") or "").strip(), file.split("/", 1)[0], items))
    return rows


def in_split(labels: list[Labelled], split: str | None) -> list[Labelled]:
    """The labelled mails under the sub-folder `split` (several: "dev,dev2")."""
    if not split:
        return labels
    names = [s.strip() for s in split.split(",") if s.strip()]
    return [lab for lab in labels if any(f"/{n}/" in f"/{lab.file}" for n in names)]


def _predicted(result: CheckResult) -> str:
    if result.verdict == "out_of_scope":
        return "check" if result.review_only else "out_of_scope"
    return result.verdict


def run_eval(corpus: Path, *, split: str | None = None, checker: Checker | None = None) -> EvalReport:
    """Check every labelled message and compare with its label."""
    corpus = Path(corpus)
    labels = read_labels(corpus)
    labels = in_split(labels, split)
    mail_dir = corpus / "mail"
    checker = checker or Checker(open_workspace(corpus))
    items = [(lab.file, (mail_dir / lab.file).read_bytes()) for lab in labels]
    return score(str(corpus), split, zip(labels, (o.result for o in checker.check_many(items))))


def score(corpus: str, split: str | None, pairs) -> EvalReport:
    """The report over (label, result) pairs: `run_eval`'s figures for any way of checking."""
    overall = LanguageReport()
    languages: dict[str, LanguageReport] = defaultdict(LanguageReport)
    categories: dict[str, CategoryScores] = defaultdict(CategoryScores)
    rules: dict[str, Counter] = defaultdict(Counter)
    errors = []
    for lab, result in pairs:
        got = _predicted(result)
        gold = lab.verdict == "out_of_scope"
        flagged = result.flagged
        predicted_cats = {f.category for f in result.findings if f.verdict == "out_of_scope" and not f.review}
        checked_cats = {f.category for f in result.findings if f.verdict == "out_of_scope" and f.review}
        checked = bool(checked_cats) or any(f.verdict == "out_of_scope" and f.review for f in result.findings)
        for rep in (overall, languages[lab.language]):
            rep.messages += 1
            rep.flags.add(gold, flagged)
            rep.flags_or_checks.add(gold, flagged or checked)
            if lab.verdict in ("in_scope", "no_request"):
                rep.negatives += 1
                rep.false_flags += int(flagged)
                rep.false_flags_or_checks += int(flagged or checked)
            rep.checks += int(got == "check")
            rep.checked += int(checked)
            if gold and flagged and predicted_cats == set(lab.categories):
                rep.category_hits += 1
            rep.verdict_correct += int(got == lab.verdict)
        if lab.verdict != "unknown_sender":
            for cat in ("new_work", "excluded", "quantity", "deadline", "client_duty"):
                c = categories[cat]
                c.add(cat in lab.categories, cat in predicted_cats)
                c.with_checks.add(cat in lab.categories, cat in predicted_cats or cat in checked_cats)
                c.messages += 1
                c.checked += int(cat in checked_cats)
        for f in result.findings:
            if f.verdict == "out_of_scope" and not f.review:
                for rid in f.rules:
                    rules[rid]["flags"] += 1
                    rules[rid]["correct" if gold else "false"] += 1
        if got != lab.verdict or (gold and flagged and predicted_cats != set(lab.categories)):
            detail = got if got != "out_of_scope" else f"out_of_scope[{';'.join(sorted(predicted_cats))}]"
            errors.append((lab, result, detail))
    return EvalReport(corpus, split, overall, dict(languages), dict(categories), dict(rules), errors)


def _line(name: str, rep: LanguageReport) -> str:
    s = rep.flags
    return (f"  {name:<8} {rep.messages:>5}  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"false flags {rep.false_flags}/{rep.negatives} ({rep.false_flag_rate:.1%})  "
            f"checks {rep.checks}  category acc {rep.category_accuracy:.3f}  "
            f"verdict acc {rep.verdict_correct / rep.messages if rep.messages else 0:.3f}")


def _line_with_checks(name: str, rep: LanguageReport) -> str:
    s = rep.flags_or_checks
    rate = rep.false_flags_or_checks / rep.negatives if rep.negatives else 0.0
    return (f"  {name:<8} {rep.messages:>5}  P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  "
            f"false flags {rep.false_flags_or_checks}/{rep.negatives} ({rate:.1%})  "
            f"mails with a check {rep.checked} ({rep.check_rate:.1%})")


def format_eval(report: EvalReport, *, show_errors: bool = False) -> str:
    lines = [f"corpus {report.corpus}" + (f" (split {report.split})" if report.split else ""),
             "out-of-scope flags (message level):", _line("all", report.overall)]
    for lang, rep in sorted(report.languages.items()):
        lines.append(_line(lang, rep))
    lines.append("counting checks as flags:")
    lines.append(_line_with_checks("all", report.overall))
    for lang, rep in sorted(report.languages.items()):
        lines.append(_line_with_checks(lang, rep))
    lines.append("per category (message level, labelled vs flagged):")
    for cat, s in sorted(report.categories.items()):
        c = s.with_checks
        lines.append(f"  {cat:<12} P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}  (tp {s.tp}, fp {s.fp}, fn {s.fn})"
                     f"   with checks: P {c.precision:.3f}  R {c.recall:.3f}  F1 {c.f1:.3f}")
    lines.append("per rule (in firm flags: correct / false):")
    for rid, c in sorted(report.rules.items(), key=lambda kv: -kv[1]["flags"]):
        lines.append(f"  {rid:<28} {c['correct']:>4} / {c['false']:<4}")
    if show_errors:
        lines.append("wrong verdicts:")
        for lab, result, got in report.errors:
            want = lab.verdict + (f"[{';'.join(sorted(lab.categories))}]" if lab.categories else "")
            lines.append(f"  {lab.file}: expected {want}, got {got}  -- {lab.note}")
            for f in result.findings:
                tag = "check" if f.review else f.verdict
                lines.append(f"      {tag} {f.category or ''} {f.confidence:.2f} {f.rules} :: {f.evidence[:110]}")
    return "\n".join(lines)


def request_detection(rows: list[tuple[str, int]], checker: Checker, language: str = "en") -> Scores:
    """Sentence-level 'contains a request' on (text, label) rows, as in the Parakweet data set."""
    nlp = checker.pipelines.get(language)
    finder = checker.finder(language)
    scores = Scores()
    for (text, label), doc in zip(rows, nlp.pipe(t for t, _ in rows)):
        predicted = any(s.is_request for s in finder.sentences(doc))
        scores.add(bool(label), predicted)
    return scores


def read_intent_csv(path: Path) -> list[tuple[str, int]]:
    with Path(path).open(newline="", encoding="utf-8") as fh:
        return [(row["text"], int(row["label"])) for row in csv.DictReader(fh)]

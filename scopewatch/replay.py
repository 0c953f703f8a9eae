"""`scopewatch eval CORPUS --replay`: how much the VA's corrections teach. Each client's labelled
mails are checked in Date order through the real ledger code path (a temporary SQLite ledger), and
every wrong verdict is corrected at once the way a VA would (dismiss as in scope of a deliverable or
as no request, confirm with the right category and clause), so the next mail is checked with what
was learned. The later half of each client's mails is scored with and without that learning."""

from __future__ import annotations

import hashlib
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path
from typing import Any

from scopewatch.detect.checker import Checker
from scopewatch.detect.findings import CheckResult, Finding
from scopewatch.evaluate import EvalReport, Labelled, _predicted, format_eval, in_split, read_labels, score
from scopewatch.workspace import open_workspace

WHO = "replay"
_EPOCH = datetime(1970, 1, 1, tzinfo=timezone.utc)


@dataclass
class ReplayReport:
    without: EvalReport
    with_learning: EvalReport
    mails: int
    later: int
    corrections: Counter = field(default_factory=Counter)
    made_wrong: list[str] = field(default_factory=list)  # later mails right without learning, wrong with it
    learned: int = 0

    def to_json(self, *, errors: bool = False) -> dict[str, Any]:
        return {
            "without": self.without.to_json(errors=errors),
            "with": self.with_learning.to_json(errors=errors),
            "replay": {
                "mails": self.mails, "later_half": self.later,
                "errors_without": len(self.without.errors), "errors_with": len(self.with_learning.errors),
                "right_made_wrong": len(self.made_wrong), "corrections": dict(sorted(self.corrections.items())),
                "learned_entries": self.learned,
            },
        }


def _date(raw: bytes) -> datetime:
    head = raw.split(b"\n\n", 1)[0].split(b"\r\n\r\n", 1)[0].decode("utf-8", "replace")
    for line in head.splitlines():
        if line.lower().startswith("date:"):
            try:
                d = parsedate_to_datetime(line[5:].strip())
                return d if d.tzinfo else d.replace(tzinfo=timezone.utc)
            except (TypeError, ValueError):
                break
    return _EPOCH


def wrong(lab: Labelled, result: CheckResult) -> bool:
    """The same test as `scopewatch eval`'s list of wrong verdicts."""
    got = _predicted(result)
    cats = {f.category for f in result.findings if f.verdict == "out_of_scope" and not f.review}
    return got != lab.verdict or (lab.verdict == "out_of_scope" and result.flagged and cats != set(lab.categories))


def _deliverables(agreement) -> list:
    return [i for i in agreement.items() if i.kind == "deliverable"] if agreement is not None else []


def infer_item(agreement, finding: Finding, wanted: tuple[str, ...] = (), kind: str = "deliverable") -> str | None:
    """The clause a correction names: the labelled one (the finding's own when it is among them),
    else the clause of that kind whose words the request shares most, else None."""
    clauses = [i for i in (agreement.items() if agreement is not None else ()) if i.kind == kind]
    ids = {c.id for c in clauses}
    named = [w for w in wanted if w in ids] if agreement is not None else list(wanted)
    if finding.scope_item in named or (not named and finding.scope_item in ids):
        return finding.scope_item
    pool = [c for c in clauses if c.id in named] or ([] if named else clauses)
    if not pool:
        return named[0] if named else None
    words = set(finding.work_words)

    def overlap(c) -> int:
        text = " ".join([c.id, c.description, *c.terms]).lower()
        return sum(1 for w in words if w in text)

    best = max(pool, key=overlap)
    return best.id if (named or overlap(best) > 0) else None


_ITEM_KIND = {"excluded": "exclusion", "client_duty": "client_provides", "quantity": "deliverable", "deadline": "deliverable"}


def correct(decisions, ledger, lab: Labelled, result: CheckResult, finding_ids: list[int], agreement, counts: Counter) -> None:
    """Decide on each finding of a checked mail as the VA would, given the label."""
    pairs = list(zip(result.findings, finding_ids))
    if not pairs or lab.verdict == "unknown_sender":
        return
    is_wrong = wrong(lab, result)
    if lab.verdict == "no_request":
        for f, fid in pairs:
            decisions.dismiss(ledger, fid, who=WHO, not_a_request=True, agreement=agreement)
            counts["dismiss --not-a-request"] += 1
        return
    if lab.verdict == "in_scope":
        if not is_wrong:
            return
        for f, fid in pairs:
            if f.verdict != "out_of_scope":
                continue
            _dismiss_as_agreed(decisions, ledger, fid, f, agreement, lab, counts)
        return
    # Out of scope: confirm what is right, correct what is not, until every labelled category is there.
    wanted = set(lab.categories)
    covered = {f.category for f, _ in pairs if f.verdict == "out_of_scope" and not f.review and f.category in wanted}
    for f, fid in pairs:
        if f.verdict == "out_of_scope" and f.category in wanted:
            decisions.confirm(ledger, fid, who=WHO, agreement=agreement)
            counts["confirm" if not f.review else "confirm (a check)"] += 1
            covered.add(f.category)
    for f, fid in pairs:
        if f.verdict == "out_of_scope" and f.category in wanted:
            continue
        missing = sorted(wanted - covered)
        if missing:
            category = missing[0]
            kind = _ITEM_KIND.get(category)
            item = infer_item(agreement, f, lab.items, kind) if kind else None
            decisions.confirm(ledger, fid, who=WHO, category=category, item=item, agreement=agreement)
            counts["confirm --category"] += 1
            covered.add(category)
        elif f.verdict == "out_of_scope" and not f.review and is_wrong:
            _dismiss_as_agreed(decisions, ledger, fid, f, agreement, lab, counts)


def run_replay(corpus: Path, *, split: str | None = None, checker: Checker | None = None) -> ReplayReport:
    from scopewatch.store import decisions
    from scopewatch.store.learned import entries, knowledge
    from scopewatch.store.ledger import IncomingMessage, Ledger

    corpus = Path(corpus)
    labels = read_labels(corpus)
    labels = in_split(labels, split)
    checker = checker or Checker(open_workspace(corpus))
    raw = {lab.file: (corpus / "mail" / lab.file).read_bytes() for lab in labels}
    clients: dict[str, list[Labelled]] = {}
    for lab in labels:
        clients.setdefault(lab.client, []).append(lab)
    plain, taught, counts, made_wrong = [], [], Counter(), []
    later_total = 0
    with tempfile.TemporaryDirectory(prefix="scopewatch-replay-") as tmp:
        ledger = Ledger.open(f"sqlite:///{Path(tmp) / 'replay.db'}")
        try:
            for client, mails in sorted(clients.items()):
                mails.sort(key=lambda lab: (_date(raw[lab.file]), lab.file))
                half = len(mails) // 2
                for n, lab in enumerate(mails):
                    later = n >= half
                    if later:
                        checker.use_learned({})
                        before = checker.check_bytes(raw[lab.file], lab.file).result
                    checker.use_learned(knowledge(ledger))
                    out = checker.check_bytes(raw[lab.file], lab.file)
                    checker.use_learned({})
                    stored = ledger.record(IncomingMessage(
                        account=f"replay:{client or '-'}", folder="INBOX", key=lab.file, uid=None, uidvalidity=None,
                        parsed=out.parsed, result=out.result, agreement=out.agreement,
                        content_hash=hashlib.sha256(raw[lab.file]).hexdigest(),
                    ))
                    if later:
                        later_total += 1
                        plain.append((lab, before))
                        taught.append((lab, out.result))
                        if not wrong(lab, before) and wrong(lab, out.result):
                            made_wrong.append(lab.file)
                    if not stored.duplicate:
                        correct(decisions, ledger, lab, out.result, stored.finding_ids, out.agreement, counts)
            learned = len(entries(ledger))
        finally:
            ledger.close()
    return ReplayReport(score(str(corpus), split, plain), score(str(corpus), split, taught), len(labels), later_total,
                        counts, made_wrong, learned)


def format_replay(report: ReplayReport, *, show_errors: bool = False) -> str:
    w, t = report.without, report.with_learning
    lines = [
        f"replay of {report.mails} mails in Date order per client; figures over the later half ({report.later} mails)",
        f"corrections made: " + (", ".join(f"{k} {n}" for k, n in sorted(report.corrections.items())) or "none")
        + f"; {report.learned} entries learned",
        f"wrong verdicts: {len(w.errors)} without learning, {len(t.errors)} with learning"
        + (f" ({1 - len(t.errors) / len(w.errors):.0%} fewer)" if w.errors else ""),
        f"right without learning but wrong with it: {len(report.made_wrong)}",
        "", "== without learning ==", format_eval(w, show_errors=show_errors),
        "", "== with learning ==", format_eval(t, show_errors=show_errors),
    ]
    if show_errors and report.made_wrong:
        lines += ["", "made wrong by learning:", *(f"  {f}" for f in report.made_wrong)]
    return "\n".join(lines)


def _dismiss_as_agreed(decisions, ledger, fid, f, agreement, lab, counts) -> None:
    """A wrong flag dismissed as a VA would: covered by the item it best belongs to, or, with no
    such item, not a request at all."""
    item = infer_item(agreement, f, lab.items)
    if item is not None:
        decisions.dismiss(ledger, fid, who=WHO, in_scope=item, agreement=agreement)
        counts["dismiss --in-scope"] += 1
    else:
        decisions.dismiss(ledger, fid, who=WHO, not_a_request=True, agreement=agreement)
        counts["dismiss --not-a-request"] += 1

"""`scopewatch eval --replay`: a client's mails in Date order through the ledger, each wrong verdict
corrected as the VA would, and the later half scored with and without what was learned."""

from __future__ import annotations

import json

from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.evaluate import run_eval
from scopewatch.replay import run_replay
from tests.test_learning import AGREEMENT, DANA

MAILS = [  # (day, text, verdict, categories, item) in Date order; the first half teaches
    (2, "Could you shift my Friday call with Tom to Monday?", "in_scope", "", "calendar"),
    (3, "Could you guess how happy we are with the new kitchen?", "no_request", "", ""),
    (4, "Could you also renew the parking permit for the office?", "out_of_scope", "new_work", ""),
    (5, "Could you update the website banner?", "out_of_scope", "excluded", "website"),
    (9, "Can you shift the call with Anna to Thursday?", "in_scope", "", "calendar"),
    (10, "Could you guess how happy we are with the kitchen?", "no_request", "", ""),
    (11, "Could you renew the parking permit for the van?", "out_of_scope", "new_work", ""),
    (12, "Could you update the website banner for spring?", "out_of_scope", "excluded", "website"),
]


def make_corpus(root):
    (root / "scopes").mkdir(parents=True)
    (root / "scopes" / "dana.yaml").write_text(AGREEMENT.format(name="Dana Office", contact=DANA), encoding="utf-8")
    (root / "mail" / "en" / "dev").mkdir(parents=True)
    rows = ["file,client,verdict,categories,item,note"]
    # Written in reverse so the file names' order is not the Date order the replay must follow.
    for n, (day, text, verdict, cats, item) in enumerate(reversed(MAILS)):
        name = f"en/dev/{n:02d}.eml"
        (root / "mail" / name).write_bytes(
            f"From: Dana <{DANA}>\nTo: va@example.org\nSubject: note\nDate: Mon, {day} Nov 2026 09:00:00 +0000\n"
            f"Message-ID: <r{n}@example.org>\n\n{text}\n".encode())
        rows.append(f"{name},dana,{verdict},{cats},{item},")
    (root / "labels.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return root


def test_replay_learns_from_corrections_and_breaks_nothing(tmp_path):
    corpus = make_corpus(tmp_path / "corpus")
    report = run_replay(corpus)
    assert (report.mails, report.later) == (8, 4)
    assert len(report.without.errors) == 3  # the call, the kitchen, the permit: wrong without learning
    assert report.with_learning.errors == [] and report.made_wrong == []
    assert report.corrections["dismiss --in-scope"] == 1 and report.corrections["dismiss --not-a-request"] == 1
    assert report.corrections["confirm (a check)"] == 1
    # Without learning, the later half is what plain `eval` says of those mails.
    plain = run_eval(corpus)
    assert report.without.overall.messages == 4 and plain.overall.messages == 8

    res = CliRunner().invoke(cli, ["eval", str(corpus), "--replay", "--json"], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    data = json.loads(res.output)
    eval_keys = set(json.loads(CliRunner().invoke(cli, ["eval", str(corpus), "--json"]).output))
    assert set(data["without"]) == set(data["with"]) == eval_keys
    assert data["with"]["overall"]["verdict_accuracy"] == 1.0 and data["without"]["overall"]["verdict_accuracy"] == 0.25
    assert data["replay"]["errors_without"] == 3 and data["replay"]["errors_with"] == 0

    text = CliRunner().invoke(cli, ["eval", str(corpus), "--replay"]).output
    assert "wrong verdicts: 3 without learning, 0 with learning (100% fewer)" in text

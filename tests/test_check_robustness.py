"""Every real-world and torture message of the shared robustness corpus goes through parse AND
detection: each yields a result, or an error verdict with one clear line, never an exception."""

from __future__ import annotations

from pathlib import Path

from scopewatch.agreement.load import load_agreement_file
from scopewatch.detect.checker import Checker
from scopewatch.workspace import Workspace

DATA = Path(__file__).parent / "data" / "detect"


class EveryoneIsAClient(Workspace):
    """Judges every sender against one agreement, so detection runs on every message."""

    def agreement_for_sender(self, address):
        return self.agreements["painter"]


def test_every_robustness_message_gets_a_verdict(corpus_dir):
    files = sorted(p for p in (corpus_dir / "robustness").rglob("*")
                   if p.is_file() and p.suffix.lower() not in (".csv", ".md", ".txt") and "_licenses" not in p.parts)
    assert len(files) >= 1000
    ws = EveryoneIsAClient(root=DATA, agreements={"painter": load_agreement_file(DATA / "scopes" / "painter.yaml")})
    checker = Checker(ws)
    outcomes = list(checker.check_many((str(p), p.read_bytes()) for p in files))
    assert len(outcomes) == len(files)
    verdicts = {}
    for p, out in zip(files, outcomes):
        r = out.result
        assert r.source == str(p)
        verdicts[r.verdict] = verdicts.get(r.verdict, 0) + 1
        if r.verdict == "error":
            assert r.error and "\n" not in r.error and "Traceback" not in r.error
            assert not r.error.startswith("detection failed"), (p, r.error)  # detection itself never fails
        elif r.verdict == "unknown_sender":
            assert r.sender == ""  # no usable From header at all
        else:
            assert r.verdict in ("out_of_scope", "in_scope", "no_request")
            for f in r.findings:
                assert 0.0 <= f.confidence <= 1.0 and f.evidence
    print("verdicts over the robustness corpus:", verdicts)
    assert verdicts.get("error", 0) < 60  # only what is not e-mail at all

"""Request detection on real mail: sentence-level "contains a request" on the Parakweet Enron
intent data (../shared/corpus/intent), next to the reference results in that folder's README.

Usage: python bench/parakweet.py [--split test|train]
The test split is for measuring only: rules are never tuned by reading its errors.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scopewatch.detect.checker import Checker  # noqa: E402
from scopewatch.evaluate import read_intent_csv, request_detection  # noqa: E402
from scopewatch.workspace import Workspace  # noqa: E402

REFERENCE = {
    "keyword/question-mark rule": (0.795, 0.576, 0.668),
    "TF-IDF 1-2 grams + logistic regression": (0.675, 0.832, 0.745),
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", default="test", choices=["test", "train"])
    ap.add_argument("--corpus", type=Path, default=REPO.parent / "shared" / "corpus" / "intent")
    args = ap.parse_args()
    path = args.corpus / f"parakweet_{args.split}.csv"
    if not path.is_file():
        sys.exit(f"{path} not found")
    rows = read_intent_csv(path)
    checker = Checker(Workspace(root=REPO))
    s = request_detection(rows, checker, "en")
    print(f"Parakweet {args.split}: {len(rows)} sentences, {sum(l for _, l in rows)} positive")
    print(f"  scopewatch rules                         P {s.precision:.3f}  R {s.recall:.3f}  F1 {s.f1:.3f}")
    for name, (p, r, f1) in REFERENCE.items():
        print(f"  {name:<40} P {p:.3f}  R {r:.3f}  F1 {f1:.3f}  (reference, trained on train)")


if __name__ == "__main__":
    main()

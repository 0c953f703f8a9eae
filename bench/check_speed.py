"""Speed and memory of the check pipeline (parse -> detect) on one core.

Prints messages/s (median of several runs) on the project's labelled corpus and on the shared
robustness corpus, peak RSS with both languages loaded, and the cold start of `scopewatch check`
on one message. Usage: python bench/check_speed.py [--runs 5]
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from scopewatch.detect.checker import Checker  # noqa: E402
from scopewatch.workspace import Workspace, open_workspace  # noqa: E402


class EveryoneIsAClient(Workspace):
    """Judges every sender against the first agreement, so detection runs on every message."""

    def agreement_for_sender(self, address):
        return next(iter(self.agreements.values()))


_RELAY = (
    "Received: from mail-{n}.relay.example.net (mail-{n}.relay.example.net [203.0.113.{n}])\r\n"
    "\tby mx.example.com (Postfix) with ESMTPS id 4Z{n}Q\r\n\tfor <va@example.com>; Tue, 3 Mar 2026 10:12:0{n} +0100 (CET)\r\n"
)


def as_real_mail(raw: bytes) -> bytes:
    """The same client mail as a real provider delivers it: a chain of Received headers, DKIM and
    ARC signatures, and the text repeated as an HTML alternative, so it lands in the 2-10 KB that
    typical client mail weighs. The text the client wrote is unchanged."""
    from email import message_from_bytes, policy
    from email.message import EmailMessage
    from html import escape

    msg = message_from_bytes(raw, policy=policy.default)
    body = msg.get_body(("plain", "html"))
    text = body.get_content() if body is not None else ""
    if body is not None and body.get_content_type() == "text/html":
        return raw
    out = EmailMessage()
    for n in range(1, 5):
        out["Received"] = _RELAY.format(n=n).split(": ", 1)[1].replace("\r\n\t", " ").strip()
    sig = "b=" + "A1b2C3d4" * 40
    out["DKIM-Signature"] = f"v=1; a=rsa-sha256; c=relaxed/relaxed; d=client.example; s=s1; h=from:to:subject:date; bh=x; {sig}"
    out["ARC-Seal"] = f"i=1; a=rsa-sha256; t=1772528000; cv=none; d=relay.example.net; s=arc; {sig}"
    out["Authentication-Results"] = "mx.example.com; dkim=pass header.d=client.example; spf=pass; dmarc=pass"
    for key in ("From", "To", "Cc", "Subject", "Date", "Message-ID", "In-Reply-To", "References"):
        if msg[key]:
            out[key] = str(msg[key])
    out.set_content(text)
    html = "".join(f"<p>{escape(p).replace(chr(10), '<br>')}</p>" for p in text.split("\n\n"))
    out.add_alternative(f"<html><head><style>p{{margin:0 0 1em}}</style></head><body><div dir=\"ltr\">{html}</div></body></html>", subtype="html")
    return bytes(out)


def _rate(checker: Checker, items: list[tuple[str, bytes]], runs: int) -> tuple[float, float]:
    rates = []
    for _ in range(runs):
        t = time.perf_counter()
        for _ in checker.check_many(items):
            pass
        rates.append(len(items) / (time.perf_counter() - t))
    return statistics.median(rates), min(rates)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {sorted(os.sched_getaffinity(0))[0]})  # one core

    labelled = REPO / "tests" / "labelled"
    own = [(str(p), p.read_bytes()) for p in sorted((labelled / "mail").rglob("*.eml"))]
    ws = open_workspace(labelled)
    checker = Checker(ws)
    checker.warm_up()
    for _ in checker.check_many(own[:20]):
        pass
    sizes = sorted(len(raw) for _, raw in own)
    med, low = _rate(checker, own, args.runs)
    print(f"own corpus: {len(own)} mails, median size {sizes[len(sizes) // 2] / 1024:.1f} KB")
    print(f"  check pipeline: median {med:,.0f} msgs/s (slowest run {low:,.0f})")

    wrapped = [(src, as_real_mail(raw)) for src, raw in own]
    sizes = sorted(len(raw) for _, raw in wrapped)
    med, low = _rate(checker, wrapped, args.runs)
    print(f"own corpus as real clients send it ({len(wrapped)} mails: relay headers, DKIM, an HTML part; "
          f"median {sizes[len(sizes) // 2] / 1024:.1f} KB, {sizes[0] / 1024:.1f}-{sizes[-1] / 1024:.1f} KB)")
    print(f"  check pipeline: median {med:,.0f} msgs/s (slowest run {low:,.0f})")

    robust_dir = REPO.parent / "shared" / "corpus" / "robustness"
    if robust_dir.is_dir():
        robust = [(str(p), p.read_bytes()) for p in sorted(robust_dir.rglob("*"))
                  if p.is_file() and p.suffix.lower() not in (".csv", ".md", ".txt") and "_licenses" not in p.parts]
        all_in = Checker(EveryoneIsAClient(root=labelled, agreements=ws.agreements), rules=checker.rules, pipelines=checker.pipelines)
        typical = [(s_, r) for s_, r in robust if 2048 <= len(r) <= 10240]
        med, low = _rate(all_in, typical, args.runs)
        print(f"robustness corpus, the {len(typical)} typical mails of 2-10 KB, every one judged against an agreement")
        print(f"  check pipeline: median {med:,.0f} msgs/s (slowest run {low:,.0f})")
        med, low = _rate(all_in, robust, max(1, args.runs // 2))
        mb = sum(len(r) for _, r in robust) / 1e6
        print(f"robustness corpus: {len(robust)} files, {mb:.1f} MB, every message judged against an agreement")
        print(f"  check pipeline: median {med:,.0f} msgs/s (slowest run {low:,.0f})")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak RSS of this benchmark (both pipelines, every corpus held in memory at once): {rss:.0f} MB")
    # What the service itself needs: one `scopewatch check` over every English and Dutch mail of
    # the labelled corpus, reading the files one by one.
    files = [str(p) for p in sorted((labelled / "mail").rglob("*.eml"))]
    _check_cli([sys.executable, "-m", "scopewatch", "check", "--json", "--workspace", str(labelled), *files])
    child = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(f"peak RSS of `scopewatch check` over {len(files)} English and Dutch mails (both pipelines loaded): {child:.0f} MB")

    one = next(p for p in sorted((labelled / "mail").rglob("*.eml")))
    exe = [sys.executable, "-m", "scopewatch", "check", "--workspace", str(labelled), str(one)]
    starts = []
    for _ in range(args.runs):
        t = time.perf_counter()
        _check_cli(exe)
        starts.append(time.perf_counter() - t)
    print(f"cold start of `scopewatch check` on one message: median {statistics.median(starts):.2f} s")


def _check_cli(cmd: list[str]) -> None:
    """Run `scopewatch check`: exit 1 only means a message was out of scope."""
    done = subprocess.run(cmd, capture_output=True)
    if done.returncode not in (0, 1):
        raise SystemExit(f"scopewatch check failed ({done.returncode}): {done.stderr.decode()[-300:]}")


if __name__ == "__main__":
    main()

"""Compare quote strippers on tests/data/quotes/ (accuracy, similarity, speed) and print parse speed.

Run: .venv/bin/python bench/quote_strippers.py [--no-parse-speed]
Tools: quotequail.unwrap, quotequail.quote, mail-parser-reply (EmailReplyParser, en+nl) and
scopewatch.parse.quotes.strip_quotes. Parse speed is the median msgs/s of 5 runs of parse_message
over every file of the shared robustness corpus (when present).
"""

from __future__ import annotations

import difflib
import re
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

import quotequail  # noqa: E402
from mailparser_reply import EmailReplyParser  # noqa: E402

from scopewatch.errors import MessageError  # noqa: E402
from scopewatch.parse import parse_message  # noqa: E402
from scopewatch.parse.quotes import strip_quotes  # noqa: E402

CASES = REPO / "tests" / "data" / "quotes"
ROBUSTNESS = REPO.parent / "shared" / "corpus" / "robustness"


def normalize(text: str) -> str:
    """Compare texts the way a reader would: trailing blanks and runs of empty lines do not count."""
    lines = [line.rstrip() for line in (text or "").replace("\r\n", "\n").split("\n")]
    return re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()


def load_cases() -> list[tuple[str, str, str]]:
    cases = []
    for body_file in sorted(CASES.glob("*.txt")):
        if body_file.name.endswith(".expected.txt"):
            continue
        expected = body_file.with_name(body_file.stem + ".expected.txt")
        cases.append((body_file.stem, body_file.read_text(encoding="utf-8"), expected.read_text(encoding="utf-8")))
    return cases


def quotequail_unwrap(text: str) -> str:
    result = quotequail.unwrap(text)
    if result is None:
        return text
    return "\n\n".join(result[key] for key in ("text_top", "text_bottom") if result.get(key))


def quotequail_quote(text: str) -> str:
    return "\n".join(part for expanded, part in quotequail.quote(text) if expanded)


_MPR = EmailReplyParser(languages=["en", "nl"])


def mail_parser_reply(text: str) -> str:
    message = _MPR.read(text)
    return message.replies[0].body if message.replies else text


def quotequail_then_ours(text: str) -> str:
    """quotequail finds the reply/forward header; our stripper handles the rest of the top text."""
    result = quotequail.unwrap(text)
    if result is None or result.get("type") == "quote":
        return strip_quotes(text)
    return strip_quotes("\n\n".join(result[key] for key in ("text_top", "text_bottom") if result.get(key)))


TOOLS = {
    "quotequail.unwrap": quotequail_unwrap,
    "quotequail.quote": quotequail_quote,
    "mail-parser-reply": mail_parser_reply,
    "quotequail + ours": quotequail_then_ours,
    "scopewatch strip_quotes": strip_quotes,
}


def score(tool, cases) -> tuple[int, float, float, list[str]]:
    exact = 0
    similarity = []
    misses = []
    start = time.perf_counter()
    for name, body, expected in cases:
        try:
            got = normalize(tool(body))
        except Exception as exc:  # noqa: BLE001 - a crashing tool scores zero on that case
            got = f"<error {exc!r}>"
        want = normalize(expected)
        exact += got == want
        if got != want:
            misses.append(name)
        similarity.append(difflib.SequenceMatcher(None, got, want, autojunk=False).ratio())
    per_case_us = (time.perf_counter() - start) / len(cases) * 1e6
    return exact, statistics.mean(similarity), per_case_us, misses


def quote_table(show_misses: bool = True) -> None:
    cases = load_cases()
    n_nl = sum(1 for name, _, _ in cases if name.startswith("nl_"))
    print(f"quote-stripping set: {len(cases)} cases ({n_nl} Dutch) in {CASES.relative_to(REPO)}")
    print(f"{'tool':26} {'exact':>9} {'exact en':>9} {'exact nl':>9} {'mean sim':>9} {'us/case':>9}")
    for label, tool in TOOLS.items():
        exact, sim, us, misses = score(tool, cases)
        en_ok = sum(1 for name, _, _ in cases if name.startswith("en_") and name not in misses)
        nl_ok = sum(1 for name, _, _ in cases if name.startswith("nl_") and name not in misses)
        print(f"{label:26} {exact:>4}/{len(cases):<4} {en_ok:>5}/{len(cases) - n_nl:<3} {nl_ok:>5}/{n_nl:<3} "
              f"{sim:>9.3f} {us:>9.0f}")
        if show_misses and misses and "scopewatch" in label:
            print(f"   misses: {', '.join(misses)}")


def parse_speed(runs: int = 5) -> None:
    if not ROBUSTNESS.is_dir():
        print(f"parse speed: skipped, corpus not found at {ROBUSTNESS}")
        return
    skip = {"MANIFEST.csv", "PROFILE.csv"}
    files = [p for p in sorted(ROBUSTNESS.rglob("*"))
             if p.is_file() and p.name not in skip and "_licenses" not in p.parts]
    raws = [p.read_bytes() for p in files]
    small = [r for r in raws if 2_000 <= len(r) <= 10_000]
    for label, batch in (("all robustness files", raws), ("2-10 KB files", small)):
        rates = []
        for _ in range(runs):
            start = time.perf_counter()
            for raw in batch:
                try:
                    parse_message(raw)
                except MessageError:
                    pass
            rates.append(len(batch) / (time.perf_counter() - start))
        print(f"parse_message on {label} ({len(batch)} files): median {statistics.median(rates):.0f} msgs/s "
              f"over {runs} runs (min {min(rates):.0f}, max {max(rates):.0f})")


if __name__ == "__main__":
    quote_table()
    if "--no-parse-speed" not in sys.argv:
        parse_speed()

"""Real detector output into the ledger: the bundled sample mailbox and the robustness corpus of
real-world and torture mails are each stored exactly once, and nothing is lost on the way."""

from __future__ import annotations

import hashlib
from datetime import timezone
from pathlib import Path

import pytest

from scopewatch.resources import examples_dir
from scopewatch.store.convert import message_identity
from scopewatch.store.ledger import IncomingMessage, Ledger


@pytest.fixture(scope="module")
def checker():
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    return Checker(open_workspace(examples_dir()))


def _incoming(key: str, raw: bytes, out, folder: str = "") -> IncomingMessage:
    return IncomingMessage(
        account="sample",
        folder=folder,
        key=key,
        uid=None,
        uidvalidity=None,
        parsed=out.parsed,
        result=out.result,
        agreement=out.agreement,
        content_hash=hashlib.sha256(raw).hexdigest(),
    )


def _maildir(root: Path) -> list[tuple[str, bytes]]:
    files = sorted(p for sub in ("cur", "new") for p in (root / sub).iterdir() if p.is_file())
    return [(p.name.split(":2,")[0], p.read_bytes()) for p in files]


def test_sample_mailbox_flags_land_in_the_ledger_once(checker, ledger_url):
    mails = _maildir(examples_dir() / "mailbox")
    assert mails, "the bundled sample mailbox is empty"
    outcomes = list(checker.check_many(mails))
    ledger = Ledger.open(ledger_url)
    try:
        for (key, raw), out in zip(mails, outcomes):
            assert not ledger.record(_incoming(key, raw, out)).duplicate
        for (key, raw), out in zip(mails, outcomes):  # a restart that re-reads everything
            assert ledger.record(_incoming(key, raw, out)).duplicate

        flagged = [f for out in outcomes for f in out.result.findings if f.verdict == "out_of_scope"]
        stored = ledger.findings(verdict="out_of_scope")
        assert flagged, "the sample should contain out-of-scope requests"
        assert sorted((f.evidence, f.category) for f in stored) == sorted((f.evidence, f.category) for f in flagged)
        assert all(f.agreement_hash for f in stored)  # every flag points at its agreement version

        agreements = {o.agreement.client_id: o.agreement for o in outcomes if o.agreement is not None}
        assert agreements
        for client_id, agreement in agreements.items():
            period = agreement.period
            mine = [
                o for o in outcomes
                if o.result.client == client_id
                and (period.start is None or o.parsed.date.astimezone(timezone.utc).date() >= period.start)
                and (period.end is None or o.parsed.date.astimezone(timezone.utc).date() <= period.end)
            ]
            report = ledger.ledger_report(agreement)
            assert report.messages == len(mine)
            assert report.out_of_scope == sum(
                1 for o in mine for f in o.result.findings if f.verdict == "out_of_scope"
            )
    finally:
        ledger.close()


def test_robustness_corpus_is_stored_exactly_once(checker, corpus_dir, ledger_url):
    root = corpus_dir / "robustness"
    files = sorted(p for p in root.rglob("*") if p.is_file() and p.suffix != ".csv" and "_licenses" not in p.parts)
    mails = [(str(p.relative_to(root)), p.read_bytes()) for p in files]
    items = [_incoming(key, raw, out, folder="robustness") for (key, raw), out in zip(mails, checker.check_many(mails))]
    ledger = Ledger.open(ledger_url)
    try:
        first = [ledger.record(m) for m in items]
        identities = {message_identity(m) for m in items}
        assert sum(not o.duplicate for o in first) == len(identities)
        assert all(ledger.record(m).duplicate for m in items)
        keys = [m.key for m in items]
        assert ledger.known_keys("sample", "robustness", keys) == set(keys)
    finally:
        ledger.close()

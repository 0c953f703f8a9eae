"""Limits reached are part of the result, never silent: too many MIME parts or a body cut short
show in `check --json` as "truncated", are stored with the message and listed in the digest; a text
inside 200 nested multiparts is still read; findings per message are capped with the rest counted."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime, timezone

from scopewatch.detect.checker import MAX_FINDINGS_PER_MESSAGE
from scopewatch.digest.build import build_digest
from scopewatch.digest.render import render_digest
from scopewatch.ingest.base import FetchedMessage
from scopewatch.resources import templates_dir
from scopewatch.store.ledger import IncomingMessage, Ledger
from scopewatch.workspace import open_workspace
from tests.test_service_support import REPO, shared_checker, workspace

HEAD = (b"From: Claire Hughes <claire.hughes@hughesfamily.example>\r\nTo: dave@collinsdecorating.example\r\n"
        b"Subject: The other room\r\nDate: Wed, 04 Feb 2026 18:40:27 +0000\r\nMIME-Version: 1.0\r\n")
ASK = b"Now that you're here anyway, could you also do the spare bedroom upstairs?\r\n"


def many_parts(n: int, msgid: str) -> bytes:
    """A request in the LAST of `n` text parts: past the parts limit it is not read."""
    parts = b"".join(b"--b\r\nContent-Type: text/plain\r\n\r\nHello.\r\n" for _ in range(n))
    return (HEAD + f"Message-ID: <{msgid}@hughesfamily.example>\r\n".encode()
            + b'Content-Type: multipart/mixed; boundary="b"\r\n\r\n' + parts
            + b"--b\r\nContent-Type: text/plain\r\n\r\n" + ASK + b"--b--\r\n")


def nested(depth: int) -> bytes:
    body = b"Content-Type: text/plain\r\n\r\n" + ASK
    for n in range(depth):
        body = (f'Content-Type: multipart/mixed; boundary="n{n}"\r\n\r\n--n{n}\r\n'.encode() + body
                + f"\r\n--n{n}--\r\n".encode())
    return HEAD + b"Message-ID: <nested@hughesfamily.example>\r\n" + body


def flood(n: int) -> bytes:
    lines = b"".join(b"Could you also do the spare bedroom number %d upstairs?\r\n" % i for i in range(n))
    return HEAD + b"Message-ID: <flood@hughesfamily.example>\r\nContent-Type: text/plain\r\n\r\n" + lines


def test_check_json_names_what_was_not_read(tmp_path):
    root = workspace(tmp_path)
    (tmp_path / "parts.eml").write_bytes(many_parts(250, "parts"))
    proc = subprocess.run([sys.executable, "-m", "scopewatch", "check", "--json", "-w", str(root),
                           str(tmp_path / "parts.eml")], cwd=REPO, capture_output=True, text=True, timeout=120)
    doc = json.loads(proc.stdout.splitlines()[0])
    assert doc["truncated"] == ["too many MIME parts"], doc
    text = subprocess.run([sys.executable, "-m", "scopewatch", "check", "-w", str(root), str(tmp_path / "parts.eml")],
                          cwd=REPO, capture_output=True, text=True, timeout=120).stdout
    assert "not all read: too many MIME parts" in text


def test_a_request_inside_200_nested_multiparts_is_found(tmp_path):
    checker = shared_checker(workspace(tmp_path))
    result = checker.check_bytes(nested(200)).result
    assert result.verdict == "out_of_scope" and result.truncated == []
    assert "spare bedroom" in result.findings[0].evidence


def test_findings_per_message_are_capped_and_the_rest_counted(tmp_path):
    checker = shared_checker(workspace(tmp_path))
    result = checker.check_bytes(flood(MAX_FINDINGS_PER_MESSAGE + 30)).result
    assert len(result.findings) == MAX_FINDINGS_PER_MESSAGE
    assert result.truncated == [f"findings capped at {MAX_FINDINGS_PER_MESSAGE}: 30 more requests not listed"]


def test_the_ledger_keeps_it_and_the_digest_tells_the_va(tmp_path):
    root = workspace(tmp_path)
    checker = shared_checker(root)
    ledger = Ledger.open(f"sqlite:///{tmp_path / 'l.db'}")
    try:
        for key, raw in (("7:1", many_parts(250, "a")), ("7:2", flood(MAX_FINDINGS_PER_MESSAGE + 5))):
            m = FetchedMessage("work", "INBOX", key, int(key[2:]), 7, raw)
            out = checker.check_bytes(raw)
            ledger.record(IncomingMessage(account="work", folder="INBOX", key=key, uid=m.uid, uidvalidity=7,
                                          parsed=out.parsed, result=out.result, agreement=out.agreement,
                                          content_hash=key))
        stored = ledger.truncated_messages()
        assert [list(m.truncated) for m in stored] == [
            ["too many MIME parts"], [f"findings capped at {MAX_FINDINGS_PER_MESSAGE}: 5 more requests not listed"]]
        digest = build_digest(ledger, open_workspace(root), now=datetime(2026, 2, 5, tzinfo=timezone.utc))
        text, html = render_digest(digest, [templates_dir()])
        assert 'Not read in full: "The other room" from claire.hughes@hughesfamily.example' in text
        assert "too many MIME parts" in text and "too many MIME parts" in html
    finally:
        ledger.close()

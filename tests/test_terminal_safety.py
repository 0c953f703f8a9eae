"""Client text cannot drive the VA's terminal or reach a draft with escape sequences: a mail whose
subject and body hold ESC[2J, an OSC window title, an OSC 8 hyperlink and 8-bit C1 controls is
scanned, listed, shown and drafted; no control character but newline and tab comes out."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

from scopewatch.parse.controls import strip_controls
from scopewatch.parse.parser import parse_message
from tests.test_service_support import EXAMPLES, REPO

HOSTILE = (
    "From: Claire Hughes <claire.hughes@hughesfamily.example>\r\n"
    "To: Dave Collins <dave@collinsdecorating.example>\r\n"
    "Subject: =?utf-8?q?The_other_room=1B[2J=1B]0;pwned=07?=\r\n"
    "Date: Wed, 04 Feb 2026 18:40:27 +0000\r\n"
    "Message-ID: <escape-1@mail.hughesfamily.example>\r\n"
    "MIME-Version: 1.0\r\n"
    "Content-Type: text/plain; charset=utf-8\r\n"
    "Content-Transfer-Encoding: 8bit\r\n\r\n"
    "Hi Dave,\r\n\r\n"
    "Now that you're here anyway, could you also do the \x1b[31mspare bedroom\x1b[0m upstairs?\x1b]0;owned\x07\r\n"
    "It is about the same size\tas the hallway. \x1b]8;;http://evil.example\x1b\\see\x1b]8;;\x1b\\ \u009b2J\u009d0;t\u009c\r\n\r\n"
    "Best wishes,\r\nClaire\r\n"
).encode("utf-8")

CONTROLS = {chr(c) for c in range(32) if c not in (9, 10)} | {chr(c) for c in range(0x7F, 0xA0)}


def _clean(text: str) -> bool:
    return not (set(text) & CONTROLS)


def test_strip_controls_keeps_text_newlines_and_tabs():
    assert strip_controls("a\x1b[2Jb\x1b]0;title\x07c\td\r\ne\x9b31mf\x00") == "abc\td\nef"
    assert strip_controls("héllo €\n") == "héllo €\n"


def test_parsing_strips_escapes_from_subject_sender_and_text():
    parsed = parse_message(HOSTILE)
    for text in (parsed.subject, parsed.sender_name, parsed.new_text, parsed.body_text):
        assert _clean(text), repr(text)
    assert parsed.subject == "The other room"
    assert "spare bedroom upstairs?" in parsed.new_text and "size\tas the hallway" in parsed.new_text


def _cli(*args, root):
    return subprocess.run([sys.executable, "-m", "scopewatch", *args, "-w", str(root)], cwd=REPO,
                          capture_output=True, text=True, timeout=180)


def test_scan_flags_show_and_draft_print_write_no_escape_to_the_terminal(tmp_path):
    root = tmp_path / "ws"
    shutil.copytree(EXAMPLES / "scopes", root / "scopes")
    for sub in ("cur", "new", "tmp"):
        (root / "mailbox" / sub).mkdir(parents=True)
    (root / "mailbox" / "new" / "1770000000.M1P1.hostile").write_bytes(HOSTILE)
    (root / "scopewatch.toml").write_text('maildir = "mailbox"\n\n[va]\nname = "Dave Collins"\n'
                                          'address = "dave@collinsdecorating.example"\n')
    scan = _cli("scan", root=root)
    assert scan.returncode == 0, scan.stderr
    flags = _cli("flags", "--json", root=root)
    rows = [json.loads(line) for line in flags.stdout.splitlines() if line.strip()]
    assert rows and _clean(flags.stdout)
    fid = str(rows[0]["id"])
    outputs = [scan, _cli("flags", root=root), _cli("show", fid, root=root), _cli("draft", fid, "--print", root=root)]
    for proc in outputs:
        assert proc.returncode == 0, proc.stderr
        assert _clean(proc.stdout) and _clean(proc.stderr), repr(proc.stdout[:500])
    shown, drafted = outputs[2].stdout, outputs[3].stdout
    assert "spare bedroom upstairs" in shown
    assert "The other room" in drafted and "spare bedroom upstairs" in drafted

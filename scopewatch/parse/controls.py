"""Client text made safe for a terminal and a draft: C0/C1 control characters and terminal escape
sequences (colours, screen clearing, OSC window titles and hyperlinks) removed; newlines and tabs
kept, so a mail cannot rewrite the VA's screen or smuggle escapes into a reply. Bidi controls (which
turn text around on screen, "Trojan Source") stay in the stored text as written, but are never
printed raw: shown as [U+202E] to the VA, left out of a draft to the client."""

from __future__ import annotations

import re

_SEQUENCES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]?"  # CSI: ESC [ params final (colours, cursor moves, ESC[2J)
    r"|\x1b\][^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)?"  # OSC: ESC ] ... BEL or ST (titles, hyperlinks)
    r"|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\|\x9c)?"  # DCS, SOS, PM, APC strings
    r"|\x1b[ -/]*[0-~]?"  # any other escape (charset switches, ESC c reset)
    r"|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    r"|[\x9d\x90\x98\x9e\x9f][^\x07\x9c\x1b]*(?:\x07|\x9c|\x1b\\)?"  # 8-bit OSC, DCS, SOS, PM, APC
    r"|[\x00-\x08\x0b-\x1f\x7f-\x9f]"  # every other control character except tab and newline
)
_ANY = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")


def strip_controls(text: str) -> str:
    """`text` without control characters or escape sequences; CRLF becomes LF, tabs stay."""
    if not text or not _ANY.search(text):
        return text
    return _SEQUENCES.sub("", text.replace("\r\n", "\n"))


_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def show_bidi(text: str) -> str:
    """`text` with each bidi control written as a visible [U+202E]."""
    if not text or text.isascii():
        return text
    return _BIDI.sub(lambda m: f"[U+{ord(m.group()):04X}]", text)


def drop_bidi(text: str) -> str:
    """`text` without bidi controls (a draft quotes the client's words, not their direction tricks)."""
    if not text or text.isascii():
        return text
    return _BIDI.sub("", text)

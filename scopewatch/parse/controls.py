"""Client text made safe for a terminal and a draft: C0/C1 control characters and terminal escape
sequences (colours, screen clearing, OSC window titles and hyperlinks) removed; newlines and tabs
kept, so a mail cannot rewrite the VA's screen or smuggle escapes into a reply."""

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

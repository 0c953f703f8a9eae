"""Large messages read without their attachments, so memory stays bounded however big the mail: a
message up to MAX_WHOLE_BYTES is read whole; a larger one is rebuilt from its header and its inline
text parts (each at most MAX_TEXT_BYTES), which is all the parser ever reads of a mail. Over IMAP
the text parts are found in BODYSTRUCTURE and fetched alone (partially when long); from a file
(Maildir, `check`) the message is streamed line by line and every other part's body is left out."""

from __future__ import annotations

import hashlib
import os
import re
from email.parser import BytesHeaderParser
from email.policy import compat32
from itertools import chain
from pathlib import Path
from typing import BinaryIO

MAX_WHOLE_BYTES = 2_000_000  # a message up to this size is read whole (nearly every client mail)
# Of one text part, transfer encoding included: the parser reads 600 kB of decoded text (base64
# takes a third more), and a part cut here is reported as "body truncated".
MAX_TEXT_BYTES = 850_000
MAX_TEXT_PARTS = 4  # inline text parts of a large message (plain and HTML, and a forwarded note)
# A text part of a large message that did not fit is named in this header, and the parser
# reports the message as not read in full.
NOT_FETCHED_HEADER = "X-Scopewatch-Not-Fetched"

_TEXT = ("plain", "html")


# --- IMAP: BODYSTRUCTURE -------------------------------------------------------------------------

def _text(value) -> str:
    if isinstance(value, bytes):
        return value.decode("ascii", "replace").lower()
    return str(value).lower() if value is not None else ""


def _params(raw) -> dict[str, str]:
    if not isinstance(raw, (tuple, list)):
        return {}
    items = list(raw)
    return {_text(items[i]): _text(items[i + 1]) for i in range(0, len(items) - 1, 2)}


def _is_attachment(part: tuple, disposition_at: int) -> bool:
    disposition = part[disposition_at] if len(part) > disposition_at else None
    if isinstance(disposition, (tuple, list)) and disposition:
        if _text(disposition[0]) == "attachment":
            return True
        if "filename" in _params(disposition[1] if len(disposition) > 1 else None):
            return True
    return "name" in _params(part[2])


def text_sections(structure) -> tuple[list[tuple[str, int]], int]:
    """(section, size) of the inline text/plain and text/html parts of a BODYSTRUCTURE, in the
    order the parser reads them (attachments and attached messages left out, as it does), and how
    many more text parts there were than MAX_TEXT_PARTS."""
    found: list[tuple[str, int]] = []

    def walk(part, section: str) -> None:
        if getattr(part, "is_multipart", False) or (isinstance(part, tuple) and isinstance(part[0], list)):
            for n, sub in enumerate(part[0], 1):
                walk(sub, f"{section}.{n}" if section else str(n))
            return
        kind, sub = _text(part[0]), _text(part[1])
        if kind != "text" or sub not in _TEXT or _is_attachment(part, 9):
            return
        size = part[6] if len(part) > 6 and isinstance(part[6], int) else 0
        found.append((section or "1", size))

    walk(structure, "")
    return found[:MAX_TEXT_PARTS], max(0, len(found) - MAX_TEXT_PARTS)


def assemble(header: bytes, parts: list[tuple[bytes, bytes]], *, single: bool = False, missed: int = 0) -> bytes:
    """A message of the original header and these (MIME header, body) text parts. `single`: the
    message is one text part (its own header says how it is encoded), so its body follows as is."""
    head = header.rstrip(b"\r\n") + b"\r\n"
    if missed:
        head += f"{NOT_FETCHED_HEADER}: {missed} text part{'s' if missed != 1 else ''}\r\n".encode()
    if single:
        body = parts[0][1] if parts else b""
        return head + b"\r\n" + _whole_lines(body)
    # Derived from the content, so the same message always becomes the same bytes (its identity
    # when it has no Message-ID is their hash).
    boundary = b"scopewatch-" + hashlib.sha256(b"".join(m + b for m, b in parts) + head).hexdigest()[:32].encode()
    head = _without_content_headers(head) + b"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"" + boundary + b"\"\r\n"
    out = [head, b"\r\n"]
    for mime, body in parts:
        out += [b"--", boundary, b"\r\n", mime.rstrip(b"\r\n"), b"\r\n\r\n", _whole_lines(body), b"\r\n"]
    out += [b"--", boundary, b"--\r\n"]
    return b"".join(out)


_CONTENT_HEADER = re.compile(rb"^(content-type|content-transfer-encoding|mime-version)\s*:", re.IGNORECASE)


def _without_content_headers(head: bytes) -> bytes:
    """The header block without its Content-* lines (folded continuations included)."""
    out, skipping = [], False
    for line in head.splitlines(keepends=True):
        if line[:1] in (b" ", b"\t"):
            if not skipping:
                out.append(line)
            continue
        skipping = bool(_CONTENT_HEADER.match(line))
        if not skipping:
            out.append(line)
    return b"".join(out)


def _whole_lines(body: bytes) -> bytes:
    """A part cut short at a byte count, ended at its last line break (no half base64 quantum)."""
    if len(body) < MAX_TEXT_BYTES:
        return body
    cut = body.rfind(b"\n")
    return body[: cut + 1] if cut > 0 else body


# --- a file, streamed ----------------------------------------------------------------------------

def read_message(fh: BinaryIO, size: int | None = None) -> bytes:
    """The message in `fh`: whole up to MAX_WHOLE_BYTES, else its structure with the bodies of all
    but the inline text parts left out (and those cut at MAX_TEXT_BYTES), read line by line."""
    if size is not None and size <= MAX_WHOLE_BYTES:
        return fh.read()
    head = fh.read(MAX_WHOLE_BYTES + 1)
    if len(head) <= MAX_WHOLE_BYTES:
        return head
    return _Stream(head, fh).reduce()


def read_message_file(path: Path) -> bytes:
    """The message in the file at `path`, read as `read_message` does."""
    with path.open("rb") as fh:
        return read_message(fh, os.fstat(fh.fileno()).st_size)


class _Stream:
    """A line-by-line walk over a MIME message that keeps every header and boundary line, and of
    each leaf part's body only what the parser reads (text parts, up to MAX_TEXT_BYTES)."""

    def __init__(self, start: bytes, fh: BinaryIO):
        self.start, self.fh = start, fh

    def _lines(self):
        rest = b""
        for chunk in chain((self.start,), iter(lambda: self.fh.read(1 << 20), b"")):
            data = rest + chunk
            lines = data.split(b"\n")
            rest = lines.pop()
            for line in lines:
                yield line + b"\n"
        if rest:
            yield rest

    def reduce(self) -> bytes:
        out: list[bytes] = []
        boundaries: list[bytes] = []
        header: list[bytes] = []
        in_header = True
        top = True  # the message's own header comes first
        keep = kept = 0
        for line in self._lines():
            if in_header:
                if len(header) < 2000:
                    header.append(line)
                if line.strip():
                    continue
                in_header = False
                out += header
                keep, boundary = self._part(b"".join(header), top)
                header, kept, top = [], 0, False
                if boundary:
                    boundaries.append(boundary)
                continue
            stripped = line.rstrip(b"\r\n")
            if stripped.startswith(b"--") and boundaries:
                closing = stripped.endswith(b"--") and stripped[2:-2] in boundaries
                name = stripped[2:-2] if closing else stripped[2:].rstrip()
                if name in boundaries:
                    out.append(line)
                    if closing:
                        del boundaries[boundaries.index(name):]
                        keep = 0  # the epilogue
                    else:
                        del boundaries[boundaries.index(name) + 1:]
                        in_header = True
                    continue
            if kept < keep:
                out.append(line)
                kept += len(line)
        return b"".join(out)

    @staticmethod
    def _part(block: bytes, top: bool) -> tuple[int, bytes | None]:
        """(bytes of this part's body to keep, its boundary when it is a multipart)."""
        try:
            msg = BytesHeaderParser(policy=compat32).parsebytes(block)
            ctype = msg.get_content_type()
            boundary = msg.get_param("boundary") if msg.get_content_maintype() == "multipart" else None
            disposition = str(msg.get("Content-Disposition", "")).lower()
            attached = disposition.startswith("attachment") or bool(msg.get_param("filename", header="Content-Disposition")
                                                                     or msg.get_param("name"))
        except Exception:  # noqa: BLE001 - an unreadable part header: keep a little of the body
            return MAX_TEXT_BYTES, None
        if boundary:
            return 0, str(boundary).encode("ascii", "replace")
        if ctype in ("text/plain", "text/html") and not (attached and not top):
            return MAX_TEXT_BYTES, None
        return 0, None

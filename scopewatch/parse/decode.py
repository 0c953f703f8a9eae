"""Bytes to text: charsets (declared, wrong or unknown), RFC 2047 headers, MIME body choice, HTML to text.

Every function here returns something usable and records what went wrong as a short defect string;
none of them raises on bad input.
"""

from __future__ import annotations

import codecs
import re
from email.header import decode_header
from email.message import Message

import html2text
from charset_normalizer import from_bytes
from selectolax.lexbor import LexborHTMLParser

MAX_TEXT_CHARS = 200_000  # a request sits near the top; more text only costs time
MAX_PART_BYTES = 600_000  # undecoded bytes of one body part we look at
MAX_HEADER_CHARS = 8_000  # a single header value longer than this is junk or an attack
MAX_PARTS = 200  # leaf MIME parts (text, attachments) walked per message
MAX_CONTAINERS = 1_000  # multipart containers walked per message

# Charsets that decode any byte sequence without error, so a wrong declaration goes unnoticed.
_PERMISSIVE = {"iso8859-1", "cp1252", "ascii", "iso8859-15"}
_CHARSET_ALIASES = {"x-unknown": None, "unknown-8bit": None, "unknown": None, "x-user-defined": None,
                    "utf8": "utf-8", "ks_c_5601-1987": "cp949", "gb2312": "gbk", "x-mac-cyrillic": "mac-cyrillic",
                    "iso-8859-8-i": "iso-8859-8", "windows-874": "cp874", "x-sjis": "shift_jis"}


def _codec(charset: str | None) -> str | None:
    """The Python codec name for a declared charset, or None when unknown or not a text encoding."""
    if not charset:
        return None
    name = charset.strip().strip("\"'").lower()
    if name.startswith("charset="):  # seen in the wild: charset="charset=us-ascii"
        name = name[8:].strip("\"'")
    if name in _CHARSET_ALIASES:
        name = _CHARSET_ALIASES[name]
        if name is None:
            return None
    try:
        info = codecs.lookup(name)
    except (LookupError, ValueError):
        return None
    if not getattr(info, "_is_text_encoding", True):  # base64, rot13 and friends
        return None
    return info.name


def decode_bytes(data: bytes, charset: str | None, defects: list[str] | None = None) -> str:
    """Decode bytes as text: the declared charset, then UTF-8, then a guess; never raises."""
    if not data:
        return ""
    codec = _codec(charset)
    if charset and codec is None and defects is not None:
        defects.append(f"unknown charset {charset.strip()[:40]}")
    if codec is not None:
        if codec in _PERMISSIVE and _has_high_bytes(data):
            # latin-1 labels on UTF-8 text are common; UTF-8 validity is a strong signal.
            try:
                return data.decode("utf-8")
            except UnicodeDecodeError:
                pass
        try:
            return data.decode(codec)
        except (UnicodeDecodeError, LookupError, ValueError, TypeError):
            if defects is not None:
                defects.append(f"bytes do not match declared charset {codec}")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if codec is not None:
        mostly = _mostly_decodes(data, codec)
        if mostly is not None:
            return mostly
    return _guess(data)


def _mostly_decodes(data: bytes, codec: str) -> str | None:
    """The declared charset with a few broken sequences replaced, when it is clearly the right one."""
    try:
        text = data.decode(codec, errors="replace")
    except (LookupError, ValueError, TypeError):
        return None
    bad = text.count("\ufffd")
    good = sum(1 for ch in text if ord(ch) > 127) - bad
    # A wrong label (cp1252 bytes called utf-8) turns nearly every 8-bit character into U+FFFD.
    return text if good > 20 * bad else None


def _has_high_bytes(data: bytes) -> bool:
    return not data.isascii()


_HIGH_BYTES = bytes(range(0x80, 0x100))


def _guess(data: bytes) -> str:
    """Western text has few 8-bit bytes and cp1252 fits it; otherwise ask charset-normalizer."""
    sample = data[:4096]
    high = len(sample) - len(sample.translate(None, _HIGH_BYTES))
    if high / max(1, len(sample)) < 0.15:
        return data.decode("cp1252", errors="replace")
    try:
        best = from_bytes(data[:32_000]).best()
        if best is not None:
            return data.decode(best.encoding, errors="replace")
    except Exception:  # noqa: BLE001 - a detector failure must not lose the message
        pass
    return data.decode("latin-1")


def header_text(value: object, defects: list[str] | None = None) -> str:
    """A header value as clean text: 8-bit bytes decoded, RFC 2047 words decoded, unfolded."""
    if value is None:
        return ""
    text = str(value)
    if len(text) > MAX_HEADER_CHARS:
        text = text[:MAX_HEADER_CHARS]
        if defects is not None:
            defects.append("header truncated")
    if not text.isascii():
        # compat32 keeps raw 8-bit header bytes as surrogate escapes; decode them properly.
        try:
            raw = text.encode("ascii", "surrogateescape")
            text = decode_bytes(raw, None)
        except UnicodeEncodeError:
            pass  # already real text
    if "=?" in text:
        text = _decode_words(text, defects)
    return " ".join(text.split())


def _decode_words(text: str, defects: list[str] | None) -> str:
    try:
        chunks = decode_header(text)
    except Exception:  # noqa: BLE001 - malformed encoded words: keep them as written
        if defects is not None:
            defects.append("malformed encoded word")
        return text
    out = []
    for chunk, charset in chunks:
        if isinstance(chunk, str):
            out.append(chunk)
        else:
            out.append(decode_bytes(chunk, charset or "ascii", defects))
    return "".join(out)


# ---------------------------------------------------------------------------------------------
# MIME walking


def _disposition_is_attachment(part: Message) -> bool:
    disposition = str(part.get("Content-Disposition", "")).lower()
    if disposition.startswith("attachment"):
        return True
    try:
        return bool(part.get_param("filename", header="Content-Disposition") or part.get_param("name"))
    except Exception:  # noqa: BLE001
        return False


def _content_type(part: Message) -> str:
    try:
        return part.get_content_type()
    except Exception:  # noqa: BLE001
        return "text/plain"


def body_parts(msg: Message, defects: list[str]) -> tuple[list[Message], list[Message]]:
    """Inline text/plain and text/html parts, in order; attached messages are not the sender's words."""
    plain: list[Message] = []
    html: list[Message] = []
    stack = [msg]
    seen = containers = 0
    while stack:
        part = stack.pop()
        ctype = _content_type(part)
        if part.is_multipart():
            # Containers have a budget of their own: a text inside 200 nested multiparts is read.
            containers += 1
            if containers > MAX_CONTAINERS:
                defects.append("MIME nesting too deep")
                break
            payload = part.get_payload()
            if isinstance(payload, list):
                if ctype == "message/rfc822" and part is not msg:
                    continue
                stack.extend(reversed(payload))
            continue
        seen += 1
        if seen > MAX_PARTS:
            defects.append("too many MIME parts")
            break
        if part is not msg and _disposition_is_attachment(part):
            continue
        if ctype == "text/plain":
            plain.append(part)
        elif ctype == "text/html":
            html.append(part)
    return plain, html


def part_text(part: Message, defects: list[str]) -> str:
    """The decoded text of one leaf part, capped in size."""
    try:
        data = part.get_payload(decode=True)
    except Exception:  # noqa: BLE001 - broken transfer encoding: fall back to the raw payload
        defects.append("undecodable transfer encoding")
        raw = part.get_payload()
        data = raw.encode("ascii", "surrogateescape") if isinstance(raw, str) else b""
    if not isinstance(data, bytes):
        return ""
    if len(data) > MAX_PART_BYTES:
        data = data[:MAX_PART_BYTES]
        defects.append("body truncated")
    try:
        charset = part.get_content_charset()
    except Exception:  # noqa: BLE001
        charset = None
    text = decode_bytes(data, charset, defects)
    if len(text) > MAX_TEXT_CHARS:
        text = text[:MAX_TEXT_CHARS]
        if "body truncated" not in defects:
            defects.append("body truncated")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    try:
        flowed = str(part.get_param("format", "")).lower() == "flowed"
        delsp = str(part.get_param("delsp", "")).lower() == "yes"
    except Exception:  # noqa: BLE001
        flowed = delsp = False
    return unflow(text, delsp) if flowed else text


def unflow(text: str, delsp: bool = False) -> str:
    """Join the soft line breaks of format=flowed text (RFC 3676) so sentences are whole again."""
    out: list[str] = []
    pending: str | None = None
    pending_depth = 0
    for line in text.split("\n"):
        depth = len(line) - len(line.lstrip(">"))
        content = line[depth:]
        if content.startswith(" "):
            content = content[1:]  # space-stuffing
        if pending is not None and depth != pending_depth:
            out.append(">" * pending_depth + (" " if pending_depth else "") + pending)
            pending = None
        soft = content.endswith(" ") and content != "-- "
        if soft and delsp:
            content = content[:-1]
        pending = content if pending is None else pending + content
        pending_depth = depth
        if not soft:
            out.append(">" * depth + (" " if depth else "") + pending)
            pending = None
    if pending is not None:
        out.append(">" * pending_depth + (" " if pending_depth else "") + pending)
    return "\n".join(out)


# ---------------------------------------------------------------------------------------------
# HTML

# Containers that hold the quoted earlier message in Gmail, Apple Mail, Thunderbird and Outlook.
_QUOTE_SELECTORS = ("blockquote", "div.gmail_quote", "div.gmail_extra", "div.moz-cite-prefix",
                    "div.yahoo_quoted", "#divRplyFwdMsg", "#appendonsend", "div#mail-editor-reference-message-container")
# Outlook puts the quote after these markers as siblings, not inside them.
_CUT_FROM_HERE = ("#divRplyFwdMsg", "#appendonsend", "div#mail-editor-reference-message-container")
_QUOTE_HINTS = ("blockquote", "gmail_quote", "gmail_extra", "divRplyFwdMsg", "appendonsend", "moz-cite-prefix",
                "yahoo_quoted", "mail-editor-reference")

_MD_ESCAPE_LINE_START = re.compile(r"^(\s*)\\([-+#*])", re.MULTILINE)
_MD_ESCAPE_NUMBERED = re.compile(r"(\d)\\\.")
_MD_TABLE_RULE = re.compile(r"^[\s|:-]*---[\s|:-]*$", re.MULTILINE)
_BLANK_RUNS = re.compile(r"\n[ \t]*(?:\n[ \t]*){2,}")
_TABLE_PIPES = re.compile(r"(?:\s*\|\s*)+")


def _converter() -> html2text.HTML2Text:
    conv = html2text.HTML2Text()
    conv.body_width = 0  # keep the sender's lines; quote detection works line by line
    conv.ignore_images = True
    conv.ignore_links = True
    conv.ignore_emphasis = True
    conv.unicode_snob = True
    return conv


def html_to_text(html: str, drop_quotes: bool = False) -> str:
    """HTML as plain text with paragraphs and line breaks; blockquotes become `>` lines.

    With drop_quotes, blockquotes and the Gmail/Outlook quote containers (and, for Outlook,
    everything after the reply header) are removed first.
    """
    if drop_quotes and any(hint in html for hint in _QUOTE_HINTS):
        html = _drop_quote_containers(html)
    try:
        text = _converter().handle(html)
    except Exception:  # noqa: BLE001 - html2text chokes on some torture input: fall back to bare text
        text = _bare_text(html)
    # html2text escapes Markdown syntax ("1\\.", "\\-"); the sender wrote plain text.
    text = _MD_ESCAPE_LINE_START.sub(r"\1\2", text)
    text = _MD_ESCAPE_NUMBERED.sub(r"\1.", text)
    text = _MD_TABLE_RULE.sub("", text)
    # Layout tables come out as "|  |  | cell |"; keep one separator between real cells.
    text = "\n".join(_TABLE_PIPES.sub(" | ", line).strip(" |") if "|" in line else line.rstrip()
                     for line in text.split("\n"))
    return _BLANK_RUNS.sub("\n\n", text).strip()


def _drop_quote_containers(html: str) -> str:
    try:
        tree = LexborHTMLParser(html)
        for selector in _CUT_FROM_HERE:
            for node in tree.css(selector):
                _remove_following(node)
        for selector in _QUOTE_SELECTORS:
            for node in tree.css(selector):
                node.decompose()
        return tree.html or ""
    except Exception:  # noqa: BLE001
        return html


def _remove_following(node) -> None:
    """Remove everything after `node` in document order, up to the body."""
    current = node
    while current is not None and current.tag not in ("body", "html"):
        sibling = current.next
        while sibling is not None:
            following = sibling.next
            sibling.decompose()
            sibling = following
        current = current.parent


def _bare_text(html: str) -> str:
    try:
        tree = LexborHTMLParser(html)
        return tree.body.text(separator="\n") if tree.body is not None else ""
    except Exception:  # noqa: BLE001
        return re.sub(r"<[^>]+>", " ", html)

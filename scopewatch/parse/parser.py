"""Turn raw RFC 5322 bytes into a ParsedMessage: headers, chosen body, new text and language.

Parsing uses the compat32 policy (about five times faster than policy.default) and decodes
headers, charsets and bodies here, defensively, so that no input makes it raise anything but
MessageError.
"""

from __future__ import annotations

import hashlib
import re
from datetime import timezone
from email import message_from_bytes
from email.message import Message
from email.policy import compat32
from email.utils import getaddresses, parseaddr, parsedate_to_datetime, unquote

from scopewatch.errors import MessageError
from scopewatch.ingest.reduce import NOT_FETCHED_HEADER
from scopewatch.parse.decode import body_parts, decode_bytes, header_text, html_to_text, part_text
from scopewatch.parse.language import detect_language
from scopewatch.parse.controls import strip_controls
from scopewatch.parse.message import ParsedMessage
from scopewatch.parse.normalise import fold
from scopewatch.parse.quotes import strip_quotes

_REPLY_SUBJECT = re.compile(
    r"^\s*(?:\[[^\]]{0,60}\]\s*)?(?:re|aw|antw|antwoord|fw|fwd|doorst|wg|tr|sv|vs)\s*(?:\[\d+\]|\(\d+\))?\s*:",
    re.IGNORECASE,
)
# 'Anna <a@x.nl>', '"Smith, Anna" <a@x.nl>', '<a@x.nl>', 'a@x.nl': most headers; the rest go to email.utils.
_SIMPLE_MAILBOX = re.compile(
    r'^\s*(?:"(?P<quoted>[^"\\]*)"\s*|(?P<plain>[^"<>,@;:()\\]*?)\s*)?'
    r"<?(?P<address>[^\s<>@,;:\\\"()]+@[^\s<>@,;:\\\"()]+)>?\s*$"
)
_ANGLE_ADDRESS = re.compile(r"<\s*([^<>\s@,;:\\\"()]+@[^<>\s@,;:\\\"()]+)\s*>")
_MSG_ID = re.compile(r"<[^<>\s]{1,500}>")
# A header line that can open a message; used to skip garbage (SMTP dialogue, banners) before it.
_HEADER_START = re.compile(
    rb"^(?:From |(?:Return-Path|Received|Delivered-To|From|Date|Subject|To|Message-ID|MIME-Version|"
    rb"Content-Type|X-[A-Za-z0-9-]+)[ \t]*:)",
    re.MULTILINE | re.IGNORECASE,
)
_BLANK_LINE = re.compile(rb"\r?\n\r?\n")
_OBSOLETE_HEADER = re.compile(rb"^([!-9;-~]+)[ \t]+:", re.MULTILINE)
_KNOWN_HEADERS = ("from", "to", "subject", "date", "message-id", "received", "content-type", "mime-version",
                  "return-path", "delivered-to", "sender", "reply-to", "cc", "in-reply-to", "references")
_CONTROL_BYTES = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_GARBAGE_SCAN = 64_000  # how far into the file we look for headers after a garbage start
MAX_REFERENCES = 100


def parse_message(raw: bytes) -> ParsedMessage:
    """Parse one raw e-mail; raise MessageError when the bytes are not e-mail at all."""
    if not isinstance(raw, (bytes, bytearray)):
        raise MessageError(f"expected raw message bytes, got {type(raw).__name__}")
    raw = bytes(raw)
    _reject_non_mail(raw)
    defects: list[str] = []
    msg = _parse_headers_and_body(raw, defects)
    headers = _raw_headers(msg)
    if NOT_FETCHED_HEADER.lower() in headers:
        defects.append("body truncated")  # a large message's text part did not fit (ingest/reduce.py)

    sender_name, sender = _sender(headers, defects)
    sender_name = strip_controls(sender_name)
    subject = strip_controls(header_text(_first(headers, "subject"), defects))
    in_reply_to = _first_id(_first(headers, "in-reply-to"), defects)
    body_text, new_text, html_only = _bodies(msg, defects)
    # Nothing downstream (ledger, digest, draft, terminal) gets a client's escape sequences.
    body_text, new_text = strip_controls(body_text), strip_controls(new_text)
    language = detect_language(fold(_language_sample(new_text, subject, body_text)).text)

    return ParsedMessage(
        message_id=_first_id(_first(headers, "message-id"), defects),
        sender=sender,
        sender_name=sender_name,
        to=_addresses(headers, "to", defects),
        cc=_addresses(headers, "cc", defects),
        subject=subject,
        date=_date(_first(headers, "date"), defects),
        in_reply_to=in_reply_to,
        references=_references(_first(headers, "references"), defects),
        language=language,
        new_text=new_text,
        body_text=body_text,
        is_reply=bool(in_reply_to) or bool(_REPLY_SUBJECT.match(subject)),
        html_only=html_only,
        content_hash=hashlib.sha256(raw).hexdigest(),
        defects=tuple(dict.fromkeys(defects)),
    )


def _language_sample(new_text: str, subject: str, body_text: str) -> str:
    """The new text decides; a one- or two-word reply ("Prima", "OK") borrows the subject, then the body."""
    if len(new_text.split()) >= 4:
        return new_text
    sample = f"{new_text}\n{subject}"
    return sample if len(sample.split()) >= 4 else f"{sample}\n{body_text[:2000]}"


def _reject_non_mail(raw: bytes) -> None:
    if not raw.strip():
        raise MessageError(f"not an e-mail: the message is empty ({len(raw)} bytes)")
    head = raw[:4096]
    end = min((i for i in (head.find(b"\n\n"), head.find(b"\r\n\r\n")) if i >= 0), default=len(head))
    head = head[:end]  # binary bodies (utf-16 text, images) are fine; binary headers are not mail
    if b"\x00" in head:
        raise MessageError("not an e-mail: binary data (NUL bytes in the header area)")
    control = len(head) - len(head.translate(None, _CONTROL_BYTES))
    if control > max(1, len(head) // 20):
        raise MessageError("not an e-mail: binary data (control bytes in the header area)")


def _parse_headers_and_body(raw: bytes, defects: list[str]) -> Message:
    body = raw.lstrip(b" \t\r\n")
    msg = message_from_bytes(body, policy=compat32)
    if not _has_known_header(msg) and _OBSOLETE_HEADER.match(body):
        # RFC 5322 obsolete syntax allows blanks before the colon ("Subject : Hi"); compat32 does not.
        blank = _BLANK_LINE.search(body)
        end = blank.start() if blank else len(body)
        body = _OBSOLETE_HEADER.sub(rb"\1:", body[:end]) + body[end:]
        msg = message_from_bytes(body, policy=compat32)
        defects.append("obsolete header syntax")
    if not _has_known_header(msg):
        match = _HEADER_START.search(body, 0, _GARBAGE_SCAN)
        if match is None or match.start() == 0:
            raise MessageError("not an e-mail: no message headers found")
        msg = message_from_bytes(body[match.start() :], policy=compat32)
        if not _has_known_header(msg):
            raise MessageError("not an e-mail: no message headers found")
        defects.append("garbage before headers")
    defects.extend(type(d).__name__ for d in msg.defects[:10])
    return msg


def _has_known_header(msg: Message) -> bool:
    try:
        return any(key.strip().lower() in _KNOWN_HEADERS for key in msg.keys())
    except Exception:  # noqa: BLE001
        return False


def _raw_headers(msg: Message) -> dict[str, list[str]]:
    """Header values as parsed, unsanitized: compat32's get() turns 8-bit bytes into U+FFFD."""
    headers: dict[str, list[str]] = {}
    for name, value in msg.raw_items():
        headers.setdefault(name.strip().lower(), []).append(value if isinstance(value, str) else str(value))
    return headers


def _first(headers: dict[str, list[str]], name: str) -> str | None:
    values = headers.get(name)
    return values[0] if values else None


def _sender(headers: dict[str, list[str]], defects: list[str]) -> tuple[str, str]:
    value = _first(headers, "from")
    if value is None:
        value = _first(headers, "sender")
    if value is None:
        defects.append("no From header")
        return "", ""
    text = _address_header(value)
    simple = _SIMPLE_MAILBOX.match(text)
    angle = _ANGLE_ADDRESS.search(text)
    if simple:
        name, address = (simple.group("quoted") or simple.group("plain") or "").strip(), simple.group("address")
    elif angle:
        # The address is what stands in <...>: "anna@client.example <stranger@evil.example>" is
        # the stranger, whatever the display name says (parseaddr reads it as Anna).
        name, address = unquote(text[: angle.start()].strip()).strip(), angle.group(1)
    else:
        try:
            name, address = parseaddr(text)
        except Exception:  # noqa: BLE001
            name, address = "", ""
    address = address.strip().lower()
    if "@" not in address or len(address) > 254:
        defects.append("unusable From header")
        address = ""
    name = header_text(name)
    if "@" in name and name.strip().lower() != address:
        # A display name that is another address only misleads (a draft would greet the stranger
        # under Anna's address): the address decides, and the name is dropped.
        defects.append("display name shows another address")
        name = ""
    return name, address


def _addresses(headers: dict[str, list[str]], field: str, defects: list[str]) -> tuple[str, ...]:
    values = headers.get(field, [])
    texts = [_address_header(v) for v in values]
    addresses = _simple_address_list(texts)
    if addresses is None:
        try:
            addresses = [address for _, address in getaddresses(texts)]
        except Exception:  # noqa: BLE001
            defects.append(f"unusable {field} header")
            return ()
    found = []
    for address in addresses:
        address = address.strip().lower()
        if "@" in address and address not in found:
            found.append(address)
    return tuple(found[:200])


def _simple_address_list(texts: list[str]) -> list[str] | None:
    """Addresses of a plain list ("Anna <a@x.nl>, b@y.com") without the slow full parser; None if unusual."""
    found = []
    for text in texts:
        if any(ch in text for ch in '"()\\;:'):
            return None  # quoting, comments or groups: let the stdlib parser deal with them
        for chunk in text.split(","):
            chunk = chunk.strip()
            if not chunk:
                continue
            simple = _SIMPLE_MAILBOX.match(chunk)
            if simple is None:
                return None
            found.append(simple.group("address"))
    return found


def _address_header(value: object) -> str:
    """An address header as text, with encoded words left alone so a "=?..?=" name cannot add commas."""
    text = str(value)[:8000]
    if not text.isascii():
        try:
            text = decode_bytes(text.encode("ascii", "surrogateescape"), None)
        except UnicodeEncodeError:
            pass
    return " ".join(text.split())


def _first_id(value: object, defects: list[str]) -> str | None:
    if value is None:
        return None
    text = header_text(value, defects)
    match = _MSG_ID.search(text)
    if match:
        return match.group(0)
    return text.strip() or None


def _references(value: object, defects: list[str]) -> tuple[str, ...]:
    if value is None:
        return ()
    ids = _MSG_ID.findall(header_text(value, defects))
    if len(ids) > MAX_REFERENCES:
        ids = ids[:1] + ids[-(MAX_REFERENCES - 1) :]  # the thread root and the closest parents matter
    return tuple(ids)


def _date(value: object, defects: list[str]):
    if value is None:
        return None
    text = header_text(value, defects)
    try:
        date = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError, OverflowError):
        defects.append("unreadable Date header")
        return None
    if date.tzinfo is None:
        date = date.replace(tzinfo=timezone.utc)  # "-0000": UTC with the local zone unknown
    return date


def _bodies(msg: Message, defects: list[str]) -> tuple[str, str, bool]:
    """(body_text, new_text, html_only): text/plain preferred, HTML converted when it is all there is."""
    plain, html = body_parts(msg, defects)
    texts = [part_text(part, defects) for part in plain]
    texts = [t for t in texts if t.strip()]
    if texts:
        body = "\n\n".join(texts)
        return body.strip(), strip_quotes(body), False
    for part in html:
        markup = part_text(part, defects)
        if markup.strip():
            body = html_to_text(markup)
            return body, strip_quotes(html_to_text(markup, drop_quotes=True)), True
    return "", "", False

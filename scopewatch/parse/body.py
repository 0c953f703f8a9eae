"""The plain-text body of a message scopewatch keeps a copy of (a draft in Drafts), and a digest of
it that ignores what mail programs change on saving (line ends, wrapping, trailing spaces), so
"is the copy in Drafts still the text we know?" compares the words only."""

from __future__ import annotations

import email
import hashlib
from email import policy


def body_text(raw: bytes) -> str:
    """The plain-text body (the first text/plain part of a multipart message)."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    part = msg.get_body(preferencelist=("plain",)) if msg.is_multipart() else msg
    try:
        return part.get_content().replace("\r\n", "\n") if part is not None else ""
    except (LookupError, ValueError, AttributeError):  # an unknown charset in a copy a mail program wrote
        payload = part.get_payload(decode=True) if part is not None else b""
        return (payload or b"").decode("utf-8", "replace").replace("\r\n", "\n")


def text_digest(raw: bytes) -> str:
    """sha256 of the body's words, whitespace-normalised: the same text however it was wrapped."""
    return hashlib.sha256(" ".join(body_text(raw).split()).encode("utf-8")).hexdigest()

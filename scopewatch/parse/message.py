"""The parsed message handed from `parse/` to `detect/` and `store/`."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


# Defects that mean part of the mail was not read: a request there would be missed, so they are
# reported with the verdict (check --json "truncated", the ledger, the digest).
LIMITS_REACHED = ("too many MIME parts", "MIME nesting too deep", "body truncated", "header truncated")


@dataclass
class ParsedMessage:
    """A message reduced to what detection needs. `new_text` excludes quotes and signatures."""

    message_id: str | None
    sender: str  # bare address, lower-cased; "" when the From header is unusable
    sender_name: str
    to: tuple[str, ...]
    cc: tuple[str, ...]
    subject: str
    date: datetime | None
    in_reply_to: str | None
    references: tuple[str, ...]
    language: str  # "en" or "nl"
    new_text: str  # what the sender wrote in this message: no quoted history, no signature
    body_text: str  # the whole decoded body text, quotes included (for drafts that quote it)
    is_reply: bool  # subject starts with Re:/Antw:/AW: or In-Reply-To is set
    html_only: bool = False
    content_hash: str = ""  # sha256 of the raw bytes, the identity of a message without Message-ID
    defects: tuple[str, ...] = field(default_factory=tuple)

    @property
    def truncated(self) -> list[str]:
        return [d for d in self.defects if d in LIMITS_REACHED]

    @property
    def subject_is_new(self) -> bool:
        """The subject counts as new text on a first message, not on replies or forwards."""
        return not self.is_reply and bool(self.subject.strip())

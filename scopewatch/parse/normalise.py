"""Text as detection reads it: the client's words with their disguises taken off. No-break and other
odd spaces become a plain space, zero-width characters, soft hyphens, the BOM and bidi controls are
dropped, combining accents are joined to their letter and compatibility forms (ligatures, full-width
and "mathematical bold" letters) become plain letters. What the client wrote stays as written for
display; `Folded` maps every offset found in the folded text back to it."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import lru_cache

# Unicode compatibility forms that only change how a letter looks, never what it says. Superscripts,
# fractions and circled or squared forms are left alone: "m²" must not read as "m2", nor "½" as "1/2".
_SAFE_COMPAT = ("<font>", "<wide>", "<narrow>", "<compat>", "<noBreak>")
_LINE_SEPARATORS = {"\u2028": "\n", "\u2029": "\n", "\x85": "\n"}
# Written explicitly, not only by category (Cf): these are what a mail uses to hide words.
BIDI_CONTROLS = frozenset("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
INVISIBLE = frozenset("\u00ad\u180e\u200b\u200c\u200d\u2060\u2061\u2062\u2063\u2064\ufeff") | BIDI_CONTROLS


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    """What one character becomes for matching ("" when it is dropped)."""
    if ch in INVISIBLE or unicodedata.category(ch) == "Cf":
        return ""
    if ch in _LINE_SEPARATORS:
        return _LINE_SEPARATORS[ch]
    if ch != " " and unicodedata.category(ch) == "Zs":
        return " "
    decomposition = unicodedata.decomposition(ch)
    if decomposition.startswith(_SAFE_COMPAT):
        return unicodedata.normalize("NFKC", ch)
    return ch


@dataclass(frozen=True)
class Folded:
    """The folded text, and for each of its characters the offset of the character it came from."""

    text: str
    original: str
    origin: tuple[int, ...] | None  # None: nothing changed, offsets are the same

    def span(self, start: int, end: int) -> tuple[int, int]:
        """The (start, end) in the original text of characters start..end of the folded text."""
        if self.origin is None or start >= end:
            return start, end
        if not self.origin:
            return 0, 0
        start = max(0, min(start, len(self.origin) - 1))
        end = max(start + 1, min(end, len(self.origin)))
        return self.origin[start], self.origin[end - 1] + 1

    def as_written(self, start: int, end: int) -> str:
        """The original text of a folded span, as the client wrote it."""
        a, b = self.span(start, end)
        return self.original[a:b]


def fold(text: str) -> Folded:
    """`text` as detection reads it, with the way back to the offsets of the original."""
    if not text or (text.isascii() and "\x85" not in text):
        return Folded(text or "", text or "", None)
    out: list[str] = []
    origin: list[int] = []
    changed = False
    for i, ch in enumerate(text):
        if ch.isascii():
            out.append(ch)
            origin.append(i)
            continue
        if unicodedata.combining(ch) and out:
            joined = unicodedata.normalize("NFC", out[-1] + ch)
            if len(joined) == 1:  # "e" + U+0301 is "é": one letter, where the base letter stood
                out[-1] = joined
                changed = True
                continue
        folded = _fold_char(ch)
        if folded != ch:
            changed = True
        for part in folded:
            out.append(part)
            origin.append(i)
    if not changed:
        return Folded(text, text, None)
    return Folded("".join(out), text, tuple(origin))

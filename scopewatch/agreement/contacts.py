"""`scope lint` warnings about contacts that only look right: an address with a Cyrillic "а" or a
Greek "ο" among Latin letters files a stranger's mail under the client, or never matches the client's
real address. Each warning names the character and what the address reads as in plain Latin."""

from __future__ import annotations

import unicodedata

from scopewatch.agreement.model import Agreement
from scopewatch.errors import Problem

# Letters of other scripts that look like a Latin letter in a mail program's font.
LOOKALIKES = {
    **dict(zip("аеорсухіјѕԁһӏԛԝ", "aeopcyxijsdhlqw")),  # Cyrillic
    **dict(zip("АВЕКМНОРСТХІЈЅ", "ABEKMHOPCTXIJS")),
    **dict(zip("αονρτυικχεη", "aovptuikxen")),  # Greek
    **dict(zip("ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX")),
    "ı": "i", "ȷ": "j", "ℓ": "l", "ɡ": "g", "ɑ": "a",
}


def _script(ch: str) -> str:
    """The script a letter belongs to, from its Unicode name (LATIN, CYRILLIC, GREEK, ...)."""
    try:
        return unicodedata.name(ch).split()[0]
    except ValueError:
        return "UNKNOWN"


def lookalike_reason(contact: str) -> str | None:
    """Why a contact may not be what it looks like, or None."""
    odd = [ch for ch in contact if not ch.isascii() and ch.isalpha()]
    if not odd:
        return None
    scripts = {_script(ch) for ch in contact if ch.isalpha()}
    fakes = [ch for ch in odd if ch in LOOKALIKES]
    # A Russian address is Cyrillic through and through; a spoof mixes, or uses look-alikes only.
    if fakes and ("LATIN" in scripts or all(ch in LOOKALIKES for ch in odd)):
        plain = "".join(LOOKALIKES.get(ch, ch) for ch in contact)
        named = ", ".join(f"'{ch}' ({unicodedata.name(ch, 'U+%04X' % ord(ch)).lower()})" for ch in dict.fromkeys(fakes))
        return f"looks like '{plain}' but has {named}: mail from '{plain}' will not match it"
    if len(scripts) > 1:
        return f"mixes letters of several scripts ({', '.join(sorted(s.lower() for s in scripts))})"
    return None


def lookalike_contacts(agreement: Agreement) -> list[Problem]:
    """One warning per contact of the agreement that only looks like a plain address."""
    out = []
    source = agreement.source_text or ""
    for index, contact in enumerate(agreement.contacts):
        why = lookalike_reason(contact)
        if why is None:
            continue
        at = source.lower().find(contact)
        line = source.count("\n", 0, at) + 1 if at >= 0 else None
        out.append(Problem(agreement.source_path or f"{agreement.client_id}.yaml", f"contacts[{index}]",
                           f"'{contact}' {why}; retype the address", line))
    return out

"""`scope lint` warnings about wording the client would read: an item's description is quoted in
change-request drafts unless it has a `client_text`, so a description written as a note to
oneself ("(her accountant does these)", "TODO", "ask Tom") gets a warning naming the fix."""

from __future__ import annotations

import re

from scopewatch.agreement.model import Agreement
from scopewatch.errors import Problem

_SECTION = {"deliverable": "deliverables", "exclusion": "exclusions", "client_provides": "client_provides"}
# Signs of a note: brackets, reminders, and talking about the client in the third person.
_NOTE = re.compile(
    r"[()\[\]?!]|\b(?:todo|tbd|tbc|nb|fyi|n\.b\.|note|ask|check|remember|maybe|"
    r"her|his|she|he|they|their|them|haar|hij|zij|hun|navragen|vragen|checken|nog doen)\b",
    re.IGNORECASE,
)


def note_like(agreement: Agreement) -> list[Problem]:
    """One warning per item without client_text whose description reads as a note."""
    out = []
    counts: dict[str, int] = {}
    for item in (*agreement.deliverables, *agreement.exclusions, *agreement.client_provides):
        section = _SECTION[item.kind]
        index = counts.get(section, 0)
        counts[section] = index + 1
        if item.client_text:
            continue
        m = _NOTE.search(item.description)
        if m:
            out.append(Problem(
                agreement.source_path or f"{agreement.client_id}.yaml", f"{section}[{index}].description",
                f"reads as a note to yourself ({m.group(0)!r}), and drafts quote it to the client: add "
                f"client_text: with the words the client should read", item.line,
            ))
    return out

"""`scope lint` warnings about wording the client would read: an item's description is quoted in
change-request drafts unless it has a `client_text`, so a description written as a note to
oneself ("(her accountant does these)", "TODO", "ask Tom", "maybe?") gets a warning naming the fix.
Only what a VA would agree is a note: a description in brackets or with "check" in it is not."""

from __future__ import annotations

import re

from scopewatch.agreement.model import Agreement
from scopewatch.errors import Problem

_SECTION = {"deliverable": "deliverables", "exclusion": "exclusions", "client_provides": "client_provides"}
# Signs of a note to oneself, not of a description: reminders and open questions ("TODO", "ask Tom",
# "nog navragen", "maybe?"). Brackets alone are no sign: "Reviews beantwoorden (Trustpilot en
# Google)" and "Proofreading (two rounds)" are how a VA describes work.
_NOTE = re.compile(
    r"\b(?:todo|tbd|tbc|fixme|n\.b\.|nb:|fyi|note to self|remember to|don't forget|do not forget|"
    r"niet vergeten|nog (?:navragen|vragen|checken|doen|regelen|uitzoeken|bespreken)|navragen|nagaan|"
    r"(?:ask|check with|confirm with|double-check with)\s+(?:(?-i:[A-Z][a-z]+)|her|him|them|the client)|"
    r"vragen aan|overleggen met|maybe|perhaps|misschien)\b|\?",
    re.IGNORECASE,
)
# Talking about the client in the third person inside brackets: "(her accountant does these)",
# "(doet zij zelf)": a remark for the VA's own eyes.
_ASIDE = re.compile(r"\((?=[^()]*\b(?:she|he|her|his|they|their|them|zij|hij|haar|hun)\b)[^()]*\)", re.IGNORECASE)


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
        m = _NOTE.search(item.description) or _ASIDE.search(item.description)
        if m:
            out.append(Problem(
                agreement.source_path or f"{agreement.client_id}.yaml", f"{section}[{index}].description",
                f"reads as a note to yourself ({m.group(0)!r}), and drafts quote it to the client: add "
                f"client_text: with the words the client should read", item.line,
            ))
    return out

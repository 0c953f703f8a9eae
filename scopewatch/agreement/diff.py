"""What changed between two versions of one agreement, clause by clause (matched by id), for the
client's letter after an amendment or an edit: added, removed and changed items, checklist
answers, period, rate, acceptance and the change policy. Wording is left to the letter."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from scopewatch.agreement.model import Agreement, ScopeItem

SECTIONS = ("deliverables", "amendments", "exclusions", "client_provides")
TEXTS = ("project", "acceptance", "change_policy")


@dataclass(frozen=True)
class Change:
    how: str  # added, removed, changed
    section: str  # one of SECTIONS, "checklist", "period", "rate" or one of TEXTS
    old: Any = None  # the earlier ScopeItem, Amendment, ChecklistLine, Period, Rate or text
    new: Any = None


def _item_terms(item: ScopeItem) -> tuple:
    """What the client can see of an item (its terms are the VA's own words for detection)."""
    return (item.wording, item.limit, item.each and item.each.text, item.due, item.price, item.estimate_hours,
            item.estimate_days)


def changes(old: Agreement, new: Agreement) -> list[Change]:
    """Every change the client would notice, in the order of the letter."""
    out: list[Change] = []
    for section in SECTIONS:
        before = {i.id: i for i in getattr(old, section)}
        after = {i.id: i for i in getattr(new, section)}
        for item_id, item in after.items():
            if item_id not in before:
                out.append(Change("added", section, None, item))
            elif section != "amendments" and _item_terms(before[item_id]) != _item_terms(item):
                out.append(Change("changed", section, before[item_id], item))
            elif section == "amendments" and before[item_id].description != item.description:
                out.append(Change("changed", section, before[item_id], item))
        for item_id, item in before.items():
            if item_id not in after:
                out.append(Change("removed", section, item, None))
    before = {line.kind: line for line in old.checklist}
    after = {line.kind: line for line in new.checklist}
    for kind, line in after.items():
        if kind not in before:
            out.append(Change("added", "checklist", None, line))
        elif before[kind].answer != line.answer:
            out.append(Change("changed", "checklist", before[kind], line))
    for kind, line in before.items():
        if kind not in after:
            out.append(Change("removed", "checklist", line, None))
    if (old.period.start, old.period.end) != (new.period.start, new.period.end):
        out.append(Change("changed", "period", old.period, new.period))
    if old.rate != new.rate:
        out.append(Change("changed" if old.rate and new.rate else "added" if new.rate else "removed", "rate",
                          old.rate, new.rate))
    for name in TEXTS:
        a, b = getattr(old, name), getattr(new, name)
        if a != b:
            out.append(Change("changed" if a and b else "added" if b else "removed", name, a, b))
    return out

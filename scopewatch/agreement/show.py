"""A readable summary of one agreement for the VA (`scopewatch scope show CLIENT`): what was
agreed, what was not, limits, duties, money, accepted changes, and which file version it is."""

from __future__ import annotations

import textwrap

from scopewatch.agreement.model import Agreement, Amendment, Limit, Rate, ScopeItem
from scopewatch.words import frequency_in

WIDTH = 88
LABEL = 16  # width of the "Label:" column of the header block
LANGUAGE_NAMES = {"en": "English", "nl": "Dutch"}


def describe(agreement: Agreement, links: dict | None = None) -> str:
    """The agreement as plain text, one section per part of the YAML file.

    `links` maps item ids to their kinds of work (detect/work.py `Link`): what each item covers
    in the work catalogue and how that was found."""
    a = agreement
    lines = [f"{a.client} ({a.client_id})", "=" * min(WIDTH, len(a.client) + len(a.client_id) + 3)]
    lines += _field("Contacts", ", ".join(a.contacts))
    lines += _field("Replies in", f"{LANGUAGE_NAMES.get(a.language, a.language)} ({a.language})")
    lines += _field("Project", a.project)
    lines += _field("Goal", a.goal)
    lines += _field("Period", _period(a))
    lines += _field("Rate", _rate(a.rate) if a.rate else None)
    if a.estimate_hours is not None:
        lines += _field("Extra work", f"estimated {_hours(a.estimate_hours)} per request unless an item says otherwise")

    lines += _section("Deliverables (agreed work)", a.deliverables, links)
    lines += _amendments(a.amendments, links)
    lines += _section("Exclusions (not agreed)", a.exclusions, links)
    lines += _section("Client provides", a.client_provides, links)
    lines += _checklist(a)

    if a.acceptance or a.change_policy:
        lines.append("")
        lines += _field("Acceptance", a.acceptance)
        lines += _field("Change policy", a.change_policy)

    lines.append("")
    lines += _field("File", a.source_path or "(not loaded from a file)", wrap=False)
    lines += _field("Version", f"sha256 {a.content_hash}" if a.content_hash else None, wrap=False)
    return "\n".join(lines)


def _field(label: str, value: str | None, *, wrap: bool = True) -> list[str]:
    if not value:
        return []
    head = f"{label + ':':<{LABEL}}"
    if not wrap:  # paths and hashes stay whole, so they can be copied
        return [head + value]
    wrapped = textwrap.wrap(
        value, WIDTH, initial_indent=head, subsequent_indent=" " * LABEL, break_on_hyphens=False, break_long_words=False
    )
    return wrapped or [head.rstrip()]


def _period(a: Agreement) -> str | None:
    start, end = a.period.start, a.period.end
    if start and end:
        days = (end - start).days + 1
        return f"{start.isoformat()} to {end.isoformat()} ({days} days)"
    if start:
        return f"from {start.isoformat()}"
    if end:
        return f"until {end.isoformat()}"
    return None


def _rate(rate: Rate) -> str:
    return f"{rate.currency} {rate.amount} per {rate.per}"


def _hours(hours: float) -> str:
    text = f"{hours:g}"
    return f"{text} hour" if text == "1" else f"{text} hours"


def _limit(limit: Limit) -> str:
    what = f" {limit.unit}" if limit.unit else ""
    return f"at most {limit.count}{what} per {limit.per}"


def _kinds(link) -> str:
    if link is None:
        return ""
    if link.how == "explicit":
        return f"{', '.join(link.kinds)} (as written in kinds:)"
    if link.how == "inferred":
        shown = ", ".join(f'"{w}"' for w in link.words[:6]) + (", ..." if len(link.words) > 6 else "")
        return f"{', '.join(link.kinds)} (inferred from {shown})"
    return "none found: add kinds: [...] so requests in other words are recognised"


def _section(title: str, items: tuple[ScopeItem, ...], links: dict | None = None) -> list[str]:
    if not items:
        return []
    lines = ["", f"{title}:"]
    for item in items:
        where = f"  [line {item.line}]" if item.line else ""
        lines += _bullet(f"{item.id}: {item.description}{where}")
        if item.limit:
            lines += _detail("limit", _limit(item.limit))
        if item.each:
            lines += _detail("each", f"at most {item.each.size}")
        if item.limit is None and item.kind == "deliverable" and (often := frequency_in(item.description)):
            lines += _detail("often", f"once per {often} (from the description)")
        if item.due:
            lines += _detail("due", item.due)
        if item.estimate_hours is not None:
            lines += _detail("estimate", _hours(item.estimate_hours))
        lines += _detail("terms", ", ".join(item.terms))
        if links is not None:
            lines += _detail("kinds", _kinds(links.get(item.id)))
    return lines


ANSWER_WORDS = {"included": "included", "excluded": "not included", "client": "the client's part",
                "ask": "ask me first"}


def _checklist(a: Agreement) -> list[str]:
    if not a.checklist:
        return []
    lines = ["", "Checklist (kinds of work answered once" + (f", trade {a.trade}" if a.trade else "") + "):"]
    for line in a.checklist:
        where = f"  [line {line.line}]" if line.line else ""
        lines += _bullet(f"{line.label} ({line.kind}): {ANSWER_WORDS[line.answer]}{where}")
    return lines


def _amendments(amendments: tuple[Amendment, ...], links: dict | None = None) -> list[str]:
    if not amendments:
        return []
    lines = ["", "Amendments (accepted changes, now part of the agreed work):"]
    for am in amendments:
        source = f"  (from finding #{am.finding})" if am.finding is not None else ""
        where = f"  [line {am.line}]" if am.line else ""
        lines += _bullet(f"{am.date.isoformat()} {am.id}: {am.description}{source}{where}")
        if am.estimate_hours is not None:
            lines += _detail("estimate", _hours(am.estimate_hours))
        lines += _detail("terms", ", ".join(am.terms))
        if links is not None:
            lines += _detail("kinds", _kinds(links.get(am.id)))
    return lines


def _bullet(text: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent="  - ", subsequent_indent="    ", break_on_hyphens=False, break_long_words=False)


def _detail(label: str, text: str) -> list[str]:
    head = f"      {label + ':':<10}"
    return textwrap.wrap(
        text, WIDTH, initial_indent=head, subsequent_indent=" " * len(head), break_on_hyphens=False, break_long_words=False
    )

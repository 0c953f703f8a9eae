"""The readable report of `scopewatch check`, in the spirit of SpamAssassin's: the verdict, then
every request with its sentence, the rules that fired (with their descriptions) and the clause."""

from __future__ import annotations

import textwrap

from scopewatch.detect.findings import CheckResult, Finding
from scopewatch.detect.rules import RuleSet

_LABEL = {
    "out_of_scope": "OUT OF SCOPE",
    "in_scope": "in scope",
    "no_request": "no request",
    "unknown_sender": "unknown sender",
    "error": "ERROR",
}


def _wrap(text: str, indent: str, width: int = 100) -> str:
    return textwrap.fill(text, width=width, initial_indent=indent, subsequent_indent=indent)


def _finding_lines(n: int, f: Finding, rules: RuleSet | None) -> list[str]:
    if f.verdict == "out_of_scope":
        head = f"[{n}] {'CHECK' if f.review else 'OUT OF SCOPE'} - {f.category} - confidence {f.confidence:.2f}"
    else:
        head = f"[{n}] in scope - confidence {f.confidence:.2f}"
    where = " (subject)" if f.part == "subject" else ""
    lines = [f"  {head}", _wrap(f'"{f.evidence}"{where}', "      ")]
    lines.append(_wrap(f"why: {f.explanation}", "      "))
    if f.scope_item:
        lines.append(_wrap(f"agreement: {f.scope_item_kind or 'item'} {f.scope_item} - {f.scope_item_description}", "      "))
    width = max((len(r) for r in f.rules), default=0)
    for i, rid in enumerate(f.rules):
        rule = rules.rules.get(rid) if rules else None
        desc = f"  {rule.description}" if rule else ""
        score = f"{rule.score:+.1f} " if rule else ""
        lines.append(f"      {'rules: ' if i == 0 else '       '}{score}{rid.ljust(width)}{desc}")
    return lines


def format_report(result: CheckResult, rules: RuleSet | None = None) -> str:
    """A multi-line report for one message."""
    lines = [f"== {result.source or '<stdin>'} =="]
    if result.verdict == "error":
        lines.append(f"  error: {result.error}")
        return "\n".join(lines)
    if result.sender is not None:
        who = result.sender
        if result.client:
            who += f"  ({result.client_name or result.client}, agreement {result.client})"
        lines.append(f"  from:    {who}")
    if result.subject:
        lines.append(f"  subject: {result.subject}")
    oos = [f for f in result.findings if f.verdict == "out_of_scope"]
    firm = [f for f in oos if not f.review]
    summary = _LABEL.get(result.verdict, result.verdict)
    if result.findings:
        summary += (
            f"  ({len(result.findings)} request{'s' if len(result.findings) != 1 else ''}: "
            f"{len(firm)} out of scope, {len(oos) - len(firm)} to check, "
            f"{len(result.findings) - len(oos)} in scope)"
        )
    if result.verdict == "unknown_sender":
        summary += "  (no agreement lists this sender in its contacts)"
    lines.append(f"  verdict: {summary}  [language {result.language or '?'}]")
    if result.truncated:
        lines.append(_wrap("not all read: " + "; ".join(result.truncated), "  "))
    for n, f in enumerate(result.findings, 1):
        lines.append("")
        lines.extend(_finding_lines(n, f, rules))
    return "\n".join(lines)

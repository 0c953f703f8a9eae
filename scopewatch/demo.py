"""`scopewatch demo`: runs the checker over the bundled sample workspace (or any workspace with a
`mailbox/` Maildir) and explains every flag, so a newcomer sees in a minute what scopewatch does.
The Maildir files are only read, never moved or renamed."""

from __future__ import annotations

import json
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable

from scopewatch import resources
from scopewatch.agreement.model import Agreement
from scopewatch.detect.findings import CheckResult, Finding
from scopewatch.errors import WorkspaceError

# The agreement section each kind of clause is written under, as the VA sees it in the YAML.
_SECTION = {"deliverable": "deliverables", "exclusion": "exclusions", "client_provides": "client_provides"}

_CATEGORY_HELP = {
    "new_work": "work no deliverable covers",
    "excluded": "work the agreement explicitly leaves out",
    "quantity": "more than the agreed amount",
    "deadline": "sooner, or outside working days, than agreed",
    "client_duty": "something the client agreed to do or supply",
}


@dataclass
class Clause:
    """The agreement clause a finding was compared with, located in its YAML file."""

    file: str
    line: int | None
    section: str
    id: str
    description: str

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file} line {self.line}"
        return f"{where}, {self.section} > {self.id}: {self.description}"


@dataclass
class DemoRequest:
    """One request found in a sample mail, with where it came from."""

    source: str
    subject: str
    sender: str
    date: str | None
    finding: Finding
    clause: Clause | None

    def to_json(self) -> dict[str, Any]:
        d = self.finding.to_json()
        d.update(source=self.source, subject=self.subject, sender=self.sender, date=self.date)
        d["clause"] = None if self.clause is None else {
            "file": self.clause.file,
            "line": self.clause.line,
            "section": self.clause.section,
            "id": self.clause.id,
            "description": self.clause.description,
        }
        return d


@dataclass
class ClientReport:
    """What the demo found for one client: flags, "check" items and message counts."""

    client_id: str
    name: str
    language: str
    agreement_file: str
    messages: int = 0
    out_of_scope: int = 0
    in_scope: int = 0
    no_request: int = 0
    flagged: list[DemoRequest] = field(default_factory=list)
    check: list[DemoRequest] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "client": self.client_id,
            "name": self.name,
            "language": self.language,
            "agreement": self.agreement_file,
            "messages": self.messages,
            "out_of_scope": self.out_of_scope,
            "in_scope": self.in_scope,
            "no_request": self.no_request,
            "flagged": [r.to_json() for r in self.flagged],
            "check": [r.to_json() for r in self.check],
        }


@dataclass
class OtherMessage:
    """A mail that belongs to no client (unknown sender) or could not be read."""

    source: str
    sender: str
    subject: str
    reason: str

    def to_json(self) -> dict[str, Any]:
        return {"source": self.source, "sender": self.sender, "subject": self.subject, "reason": self.reason}


@dataclass
class DemoSummary:
    """Everything `run_demo` found; `results` keeps the raw CheckResults in mailbox order."""

    workspace: Path
    mailbox: Path
    messages: int
    seconds: float
    clients: list[ClientReport]
    unknown_senders: list[OtherMessage]
    errors: list[OtherMessage]
    results: list[CheckResult] = field(default_factory=list, repr=False)

    @property
    def flagged(self) -> list[DemoRequest]:
        return [r for c in self.clients for r in c.flagged]

    def client(self, client_id: str) -> ClientReport | None:
        return next((c for c in self.clients if c.client_id == client_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "workspace": str(self.workspace),
            "mailbox": str(self.mailbox),
            "messages": self.messages,
            "seconds": round(self.seconds, 2),
            "flagged": len(self.flagged),
            "clients": [c.to_json() for c in self.clients],
            "unknown_senders": [m.to_json() for m in self.unknown_senders],
            "errors": [m.to_json() for m in self.errors],
        }


def read_maildir(mailbox: Path) -> list[tuple[str, bytes]]:
    """(source, raw bytes) for every message in `cur/` and `new/`, sorted by file name.

    Maildir names start with the delivery time, so name order is arrival order. Files are only
    read: renaming them (as a mail client does when it marks mail seen) would change the mailbox.
    """
    folders = [mailbox / "cur", mailbox / "new"]
    if not any(f.is_dir() for f in folders):
        raise WorkspaceError(f"{mailbox} is not a Maildir: it has no cur/ or new/ folder")
    files = []
    for folder in folders:
        if folder.is_dir():
            files.extend(p for p in folder.iterdir() if p.is_file() and not p.name.startswith("."))
    files.sort(key=lambda p: (p.name, p.parent.name))
    out = []
    for path in files:
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise WorkspaceError(f"cannot read {path}: {exc.strerror or exc}") from exc
        out.append((f"{mailbox.name}/{path.parent.name}/{path.name}", raw))
    return out


def run_demo(
    workspace: Path | None = None,
    *,
    echo: Callable[[str], Any] = print,
    as_json: bool = False,
    color: bool = False,
) -> DemoSummary:
    """Check every mail in `WORKSPACE/mailbox/` (default: the bundled sample) and print a summary.

    `echo` receives each line of text (or the whole JSON document with `as_json`). `color` adds
    ANSI styles; pass it with `click.echo`, which drops them when stdout is not a terminal.
    """
    from scopewatch.detect.checker import Checker
    from scopewatch.workspace import open_workspace

    root = Path(workspace) if workspace is not None else resources.examples_dir()
    mailbox = root / "mailbox"
    if not root.is_dir():
        raise WorkspaceError(f"workspace folder {root} does not exist")
    if not mailbox.is_dir():
        raise WorkspaceError(
            f"{root} has no mailbox/ folder: the demo reads a Maildir at {mailbox} "
            "(run `scopewatch demo` without --workspace to use the bundled sample)"
        )
    started = time.perf_counter()
    ws = open_workspace(root)
    if not ws.agreements:
        raise WorkspaceError(f"{ws.scopes_dir} holds no agreements: add one CLIENT.yaml per client")
    messages = read_maildir(mailbox)
    checker = Checker(ws)
    outcomes = list(checker.check_many(messages))
    summary = _summarise(root, mailbox, ws.agreements, outcomes)
    summary.seconds = time.perf_counter() - started

    if as_json:
        echo(json.dumps(summary.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        for line in render(summary, color=color):
            echo(line)
    return summary


def _summarise(root: Path, mailbox: Path, agreements: dict[str, Agreement], outcomes) -> DemoSummary:
    reports = {
        cid: ClientReport(
            client_id=cid,
            name=a.client,
            language=a.language,
            agreement_file=_relative(a.source_path, root) or f"scopes/{cid}.yaml",
        )
        for cid, a in sorted(agreements.items(), key=lambda kv: kv[1].client.lower())
    }
    unknown: list[OtherMessage] = []
    errors: list[OtherMessage] = []
    results: list[CheckResult] = []
    for out in outcomes:
        result: CheckResult = out.result
        results.append(result)
        parsed = getattr(out, "parsed", None)
        subject = result.subject or (parsed.subject if parsed else "") or "(no subject)"
        sender = result.sender or (parsed.sender if parsed else "") or "(unknown)"
        date = parsed.date.date().isoformat() if parsed is not None and parsed.date else None
        if result.verdict == "error":
            errors.append(OtherMessage(result.source, sender, subject, result.error or "unreadable"))
            continue
        report = reports.get(result.client) if result.client else None
        if result.verdict == "unknown_sender" or report is None:
            unknown.append(OtherMessage(result.source, sender, subject, "sender is in no agreement's contacts"))
            continue
        agreement = getattr(out, "agreement", None) or agreements.get(result.client)
        report.messages += 1
        if result.verdict == "out_of_scope":
            report.out_of_scope += 1
        elif result.verdict == "in_scope":
            report.in_scope += 1
        else:
            report.no_request += 1
        for f in result.findings:
            request = DemoRequest(
                source=result.source,
                subject=subject,
                sender=sender,
                date=date,
                finding=f,
                clause=_clause(f, agreement, report.agreement_file),
            )
            if f.review:
                report.check.append(request)
            elif f.verdict == "out_of_scope":
                report.flagged.append(request)
    return DemoSummary(
        workspace=root,
        mailbox=mailbox,
        messages=len(results),
        seconds=0.0,
        clients=list(reports.values()),
        unknown_senders=unknown,
        errors=errors,
        results=results,
    )


def _relative(path: str | None, root: Path) -> str | None:
    if not path:
        return None
    try:
        return Path(path).resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        return path


def _clause(f: Finding, agreement: Agreement | None, file: str) -> Clause | None:
    if not f.scope_item:
        return None
    item = agreement.item(f.scope_item) if agreement is not None else None
    kind = f.scope_item_kind or (item.kind if item else None)
    return Clause(
        file=file,
        line=item.line if item else None,
        section=_SECTION.get(kind or "", kind or "clause"),
        id=f.scope_item,
        description=(item.description if item else f.scope_item_description) or "",
    )


# --- text output -------------------------------------------------------------------------------


def render(summary: DemoSummary, *, color: bool = False) -> list[str]:
    """The demo's text report as lines: per client the flags and "check" items, then what next."""

    def style(text: str, **kw) -> str:
        if not color:
            return text
        import click

        return click.style(text, **kw)

    lines: list[str] = []
    n_agreements = len(summary.clients)
    lines.append(
        style("scopewatch demo", bold=True)
        + f": {summary.messages} mail{'s' if summary.messages != 1 else ''} in {summary.mailbox}"
    )
    lines.append(
        f"checked against {n_agreements} agreement{'s' if n_agreements != 1 else ''} in "
        f"{summary.workspace / 'scopes'} ({summary.seconds:.1f} s). Nothing was sent or changed."
    )
    for c in summary.clients:
        lines.append("")
        lines.append(
            style(c.name, bold=True)
            + f"  [{c.client_id}, {c.language}, {c.agreement_file}]  {c.messages} mail{'s' if c.messages != 1 else ''}"
        )
        if not c.messages:
            lines.append("  no mail from this client in the mailbox")
            continue
        for r in c.flagged:
            label = f"OUT OF SCOPE: {r.finding.category or 'unknown'}"
            lines.append("  " + style(label, fg="red", bold=True) + _category_help(r.finding.category))
            lines.extend(_request_lines(r))
        for r in c.check:
            what = r.finding.category if r.finding.verdict == "out_of_scope" else "probably in scope"
            lines.append("  " + style(f"CHECK: {what}", fg="yellow", bold=True) + "  (low confidence: your call)")
            lines.extend(_request_lines(r))
        flagged_mails = len({r.source for r in c.flagged})
        lines.append(
            "  "
            + style(f"{_plural(len(c.flagged), 'request')} flagged", fg="red" if c.flagged else None)
            + f" in {_plural(flagged_mails, 'mail')}, {len(c.check)} to check; "
            + style(f"{_plural(c.in_scope, 'mail')} in scope", fg="green")
            + f", {_plural(c.no_request, 'mail')} without a request"
        )
    if summary.unknown_senders:
        lines.append("")
        lines.append(style("Unknown senders", bold=True) + " (in no agreement's contacts, so not judged)")
        for m in summary.unknown_senders:
            lines.append(f"  {m.sender}: \"{m.subject}\"")
    if summary.errors:
        lines.append("")
        lines.append(style("Unreadable mail", bold=True, fg="red"))
        for m in summary.errors:
            lines.append(f"  {m.source}: {m.reason}")
    lines.append("")
    lines.extend(_what_next(summary))
    return lines


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def _category_help(category: str | None) -> str:
    text = _CATEGORY_HELP.get(category or "")
    return f"  ({text})" if text else ""


def _request_lines(r: DemoRequest) -> list[str]:
    f = r.finding
    where = "subject" if f.part == "subject" else "mail"
    date = f"{r.date}, " if r.date else ""
    out = [
        f"    \"{_one_line(f.evidence)}\"",
        f"    {where}:   {date}{r.sender}, \"{_one_line(r.subject)}\"",
    ]
    if r.clause is not None:
        out.append(f"    clause: {r.clause}")
    elif f.category == "deadline":
        out.append("    clause: the agreement's due dates and period (see why)")
    else:
        out.append("    clause: none covers it (no deliverable, exclusion or client duty matches)")
    if f.matched_terms:
        out.append(f"    terms:  {', '.join(f.matched_terms)}")
    out.append(f"    rules:  {', '.join(f.rules) if f.rules else '(none)'}  (confidence {f.confidence:.2f})")
    if f.explanation:
        out.append(f"    why:    {_one_line(f.explanation)}")
    return out


def _one_line(text: str, limit: int = 160) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 3].rstrip() + "..."


def _what_next(summary: DemoSummary) -> list[str]:
    sample = resources.examples_dir() / "scopes"
    return [
        "What next",
        "  1. Create your own workspace:   scopewatch init ~/va",
        "  2. Write one scopes/CLIENT.yaml per client; the sample agreements explain every field:",
        f"     {sample}",
        "     Check them:                  scopewatch scope lint --workspace ~/va",
        "  3. Try a saved client mail:     scopewatch check --workspace ~/va MAIL.eml",
        "  4. Put your mailbox in ~/va/scopewatch.toml, then look without storing anything:",
        "                                  scopewatch scan --dry-run --workspace ~/va",
        "     and keep watching:           scopewatch run --workspace ~/va",
        "  The demo also runs on your own folder: scopewatch demo --workspace DIR (DIR/scopes, DIR/mailbox).",
    ]

"""`scopewatch demo`: copies the bundled sample into a demo folder and runs the whole flow there once
(the service over the sample Maildir, detection, the SQLite ledger, change-request drafts into the
Maildir's .Drafts, the digest as HTML), then explains what it found, so a newcomer sees it in a minute."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import stat
import sys
import time
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any, Callable

from scopewatch import resources
from scopewatch.agreement.model import Agreement
from scopewatch.detect.findings import Finding
from scopewatch.errors import WorkspaceError
from scopewatch.terminal import echo

DEFAULT_INTO = Path("scopewatch-demo")
MARKER = ".scopewatch-demo"  # marks a folder the demo made, so a re-run may replace its files
MAILBOX = "sample"
DIGEST_FILE = "digest.html"
WEB_URL = "http://127.0.0.1:8465/"  # where `scopewatch web` serves the review page by default
# The sample mail is written to Sanne, a VA (and to Dave, a painter); the drafts come from her.
SAMPLE_VA = ("Sanne Visser", "sanne@sannevirtueel.example")
SHOW_DRAFT_LINES = 45  # a second draft (the other language) is shown in full only when this short

CONFIG = f"""\
# Written by `scopewatch demo`: the bundled sample as a workspace of its own. Re-running the demo
# replaces the sample files, the ledger, the drafts and the digest here (`--keep` keeps them).
database = "sqlite:///scopewatch.db"

[[mailbox]]
name = "{MAILBOX}"
maildir = "mailbox"        # the sample Maildir; only .Drafts inside it is ever written

[va]
name = "{SAMPLE_VA[0]}"
address = "{SAMPLE_VA[1]}"

[draft]
auto_draft = "all"         # every out-of-scope request gets a draft (the usual setting is "confirmed")

[web]
base_url = "http://127.0.0.1:8465"   # the digest links each request to its page (`scopewatch web`)
"""

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
    """One stored finding of a sample mail, with where it came from and whether a reply is drafted."""

    finding_id: int
    status: str
    source: str  # mailbox/folder/key in the ledger
    subject: str
    sender: str
    date: str | None
    finding: Finding
    clause: Clause | None
    drafted: bool = False

    def to_json(self) -> dict[str, Any]:
        d = self.finding.to_json()
        d.update(finding_id=self.finding_id, status=self.status, source=self.source, subject=self.subject,
                 sender=self.sender, date=self.date, drafted=self.drafted)
        d["clause"] = asdict(self.clause) if self.clause else None
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
            "client": self.client_id, "name": self.name, "language": self.language,
            "agreement": self.agreement_file, "messages": self.messages, "out_of_scope": self.out_of_scope,
            "in_scope": self.in_scope, "no_request": self.no_request,
            "flagged": [r.to_json() for r in self.flagged], "check": [r.to_json() for r in self.check],
        }


@dataclass
class OtherMessage:
    """A mail that belongs to no client (unknown sender) or could not be read."""

    source: str
    sender: str
    subject: str
    reason: str


@dataclass
class DemoDraft:
    """A change-request reply the service put into the sample Maildir's Drafts."""

    finding_ids: list[int]
    language: str
    to: str
    subject: str
    message_id: str
    in_reply_to: str | None
    text: str  # the whole plain-text body, quoted client mail included


@dataclass
class DemoSummary:
    """Everything one demo run did and found."""

    workspace: Path
    sample: Path
    mailbox: Path
    ledger: Path
    messages: int  # mail in the sample Maildir
    processed: int  # mail the service read this run (0 on a --keep re-run)
    seconds: float
    clients: list[ClientReport]
    unknown_senders: list[OtherMessage]
    errors: list[OtherMessage]
    drafts_folder: Path
    drafts: list[DemoDraft]
    drafts_written: int  # made during this run
    digest_html: Path
    digest_as_of: datetime
    shown: list[DemoDraft] = field(default_factory=list)  # printed in full
    what_next: list[tuple[str, str]] = field(default_factory=list)  # (command, what it does)

    @property
    def flagged(self) -> list[DemoRequest]:
        return [r for c in self.clients for r in c.flagged]

    def client(self, client_id: str) -> ClientReport | None:
        return next((c for c in self.clients if c.client_id == client_id), None)

    def to_json(self) -> dict[str, Any]:
        return {
            "workspace": str(self.workspace), "sample": str(self.sample), "mailbox": str(self.mailbox),
            "ledger": str(self.ledger), "messages": self.messages, "processed": self.processed,
            "seconds": round(self.seconds, 2), "flagged": len(self.flagged),
            "clients": [c.to_json() for c in self.clients],
            "unknown_senders": [asdict(m) for m in self.unknown_senders], "errors": [asdict(m) for m in self.errors],
            "drafts": {"folder": str(self.drafts_folder), "written": self.drafts_written, "total": len(self.drafts),
                       "items": [asdict(d) for d in self.drafts]},
            "digest": {"html": str(self.digest_html), "as_of": self.digest_as_of.isoformat()},
            "what_next": [{"command": c, "does": d} for c, d in self.what_next],
        }


# --- the demo folder ---------------------------------------------------------------------------


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def prepare_folder(into: Path, *, keep: bool = False) -> bool:
    """Make `into` a demo workspace: the bundled sample copied in, plus its scopewatch.toml. A folder
    the demo made before starts fresh (or, with `keep`, is used as it is); any other folder with
    files in it is refused. Returns True when a fresh copy was made."""
    sample = resources.examples_dir().resolve()
    target = into.expanduser().resolve()
    package = Path(resources.__file__).resolve().parent
    if _inside(target, sample) or _inside(target, package) or _inside(sample, target):
        raise WorkspaceError(f"{into} is (or holds) scopewatch's own files: pick a demo folder elsewhere with --into DIR")
    if target.exists() and not target.is_dir():
        raise WorkspaceError(f"{into} is a file, not a folder: pick a demo folder with --into DIR")
    ours = (target / MARKER).is_file()
    if target.is_dir() and any(target.iterdir()) and not ours:
        raise WorkspaceError(
            f"{into} already holds files and was not made by `scopewatch demo`; the demo will not write "
            "there: pick a new or empty folder with --into DIR"
        )
    if ours and keep:
        return False
    if ours:
        _remove_demo_files(target, sample)
    target.mkdir(parents=True, exist_ok=True)
    # The marker first: a copy cut short is still known as the demo's own folder next time.
    (target / MARKER).write_text("made by `scopewatch demo`; a re-run replaces the sample files here\n",
                                 encoding="utf-8")
    shutil.copytree(sample, target, dirs_exist_ok=True, ignore=shutil.ignore_patterns("__pycache__"))
    _make_writable(target)  # an installed package may be read-only; its copy must not be
    (target / "scopewatch.toml").write_text(CONFIG, encoding="utf-8")
    return True


def _remove_demo_files(target: Path, sample: Path) -> None:
    # Only what the demo itself puts there: a file of the VA's own in the folder stays.
    names = {p.name for p in sample.iterdir()} | {"scopewatch.toml", DIGEST_FILE, MARKER}
    names |= {f"scopewatch.db{suffix}" for suffix in ("", "-wal", "-shm", "-journal")}
    for name in names:
        path = target / name
        if path.is_dir() and not path.is_symlink():
            shutil.rmtree(path)
        elif path.exists() or path.is_symlink():
            path.unlink()


def _make_writable(root: Path) -> None:
    for folder, dirs, files in os.walk(root):
        for name in [*dirs, *files]:
            path = Path(folder) / name
            mode = path.lstat().st_mode
            if not stat.S_ISLNK(mode):
                path.chmod(mode | stat.S_IWUSR | (stat.S_IXUSR if stat.S_ISDIR(mode) else 0))


# --- running it --------------------------------------------------------------------------------


def run_demo(
    into: Path | None = None,
    *,
    keep: bool = False,
    echo: Callable[[str], Any] = print,
    as_json: bool = False,
    color: bool = False,
) -> DemoSummary:
    """Copy the bundled sample into `into` (default ./scopewatch-demo), run the service over its Maildir
    once (ledger, drafts into .Drafts), write the digest HTML, and print what happened.

    `echo` receives each line of text (or the whole JSON document with `as_json`). `color` adds ANSI
    styles; pass it with `click.echo`, which drops them when stdout is not a terminal.
    """
    from scopewatch.config import load_config
    from scopewatch.daemon import Service
    from scopewatch.digest.build import build_digest
    from scopewatch.digest.render import render_digest
    from scopewatch.ingest.maildir import MaildirSource
    from scopewatch.store import followup

    started = time.perf_counter()
    into = Path(into) if into is not None else DEFAULT_INTO
    fresh = prepare_folder(into, keep=keep)
    root = into.expanduser().resolve()
    if not as_json:
        echo(f"{'Copied the bundled sample to' if fresh else 'Using the earlier demo folder'} {root}; running the "
             "service over its mailbox once (loading the language models takes a few seconds) ...")
    # Only the demo's own settings: a SCOPEWATCH_... variable meant for the VA's real service must
    # not point the demo at her mailbox or her ledger.
    config = load_config(root, environ={})
    box = config.mailbox(MAILBOX)
    service = Service(root, config=config, database=config.database_url)
    seen = []
    service.on_message = seen.append
    try:
        before = len(followup.drafts(service.ledger, account=MAILBOX))
        service.run(once=True)
        ledger, workspace = service.ledger, service.workspace
        records = followup.drafts(ledger, account=MAILBOX)
        drafted = {i for d in records if d.in_mailbox for i in d.finding_ids}
        findings = [f for f in ledger.findings() if f.message.account == MAILBOX]
        clients = _clients(root, workspace.agreements, findings, drafted)
        unknown, errors = _count(clients, seen, ledger, workspace.agreements)
        dates = [f.message.date for f in findings if f.message.date is not None]
        # The digest as on the day of the newest sample mail: "this week" then holds the sample's mail.
        as_of = max(dates) if dates else datetime.now().astimezone()
        digest = build_digest(ledger, workspace, va_name=config.va_name or "", now=as_of,
                              timezone_name=config.digest_timezone, base_url=config.web.base_url)
        _text, html = render_digest(digest, workspace.template_dirs(), language=config.digest_language)
    finally:
        service.close()
    digest_path = root / DIGEST_FILE
    digest_path.write_text(html, encoding="utf-8")
    source = MaildirSource(box.name, box.maildir)
    drafts = [_demo_draft(d) for d in records if d.in_mailbox]
    summary = DemoSummary(
        workspace=root, sample=resources.examples_dir(), mailbox=box.maildir,
        ledger=Path(config.database_url[len("sqlite:///"):]),
        messages=source.folder_state("INBOX").exists, processed=len(seen),
        seconds=time.perf_counter() - started, clients=clients, unknown_senders=unknown, errors=errors,
        drafts_folder=source.folder_path(box.drafts_folder) / "cur",
        drafts=drafts, drafts_written=len(records) - before, digest_html=digest_path, digest_as_of=as_of,
    )
    summary.shown = _drafts_to_show(drafts)
    example = next((r.finding_id for r in summary.flagged), None)
    summary.what_next = what_next(into, example, program())
    if as_json:
        echo(json.dumps(summary.to_json(), ensure_ascii=False, indent=2, default=str))
    else:
        for line in render(summary, color=color):
            echo(line)
    return summary


def _clients(root: Path, agreements: dict[str, Agreement], findings, drafted: set[int]) -> list[ClientReport]:
    reports = {
        cid: ClientReport(client_id=cid, name=a.client, language=a.language,
                          agreement_file=_relative(a.source_path, root) or f"scopes/{cid}.yaml")
        for cid, a in sorted(agreements.items(), key=lambda kv: kv[1].client.lower())
    }
    for f in findings:
        report = reports.get(f.client or "")
        if report is None or f.verdict != "out_of_scope" or f.status == "dismissed":
            continue
        finding = f.to_finding()
        msg = f.message
        request = DemoRequest(
            finding_id=f.id, status=f.status, source=f"{msg.account}/{msg.folder}/{msg.key}",
            subject=msg.subject or "(no subject)", sender=msg.sender or "(unknown)",
            date=msg.date.date().isoformat() if msg.date else None, finding=finding,
            clause=_clause(finding, agreements.get(report.client_id), report.agreement_file),
            drafted=f.id in drafted,
        )
        (report.check if f.review else report.flagged).append(request)
    return list(reports.values())


def _count(clients: list[ClientReport], seen, ledger, agreements) -> tuple[list[OtherMessage], list[OtherMessage]]:
    """Mail per client and verdict, and the mail of no client: from what the service read this run,
    or, when a --keep re-run read nothing new, the ledger's counts over each agreement period."""
    by_id = {c.client_id: c for c in clients}
    unknown: list[OtherMessage] = []
    errors: list[OtherMessage] = []
    if not seen:
        for c in clients:
            verdicts = Counter(ledger.ledger_report(agreements[c.client_id]).by_verdict)
            c.messages = sum(verdicts.values())
            c.out_of_scope, c.in_scope, c.no_request = verdicts["out_of_scope"], verdicts["in_scope"], verdicts["no_request"]
        return unknown, errors
    for item in seen:
        result, parsed = item.incoming.result, item.incoming.parsed
        source = f"{item.account}/{item.folder}/{item.key}"
        subject = result.subject or (parsed.subject if parsed else "") or "(no subject)"
        sender = result.sender or (parsed.sender if parsed else "") or "(unknown)"
        report = by_id.get(result.client or "")
        if result.verdict == "error":
            errors.append(OtherMessage(source, sender, subject, result.error or "unreadable"))
        elif result.verdict == "unknown_sender" or report is None:
            unknown.append(OtherMessage(source, sender, subject, "sender is in no agreement's contacts"))
        else:
            report.messages += 1
            verdict = result.verdict if result.verdict in ("out_of_scope", "in_scope") else "no_request"
            setattr(report, verdict, getattr(report, verdict) + 1)
    return unknown, errors


def _demo_draft(record) -> DemoDraft:
    from scopewatch.draft.service import body_text

    return DemoDraft(finding_ids=list(record.finding_ids), language=record.language, to=record.to,
                     subject=record.subject, message_id=record.message_id, in_reply_to=record.original_message_id,
                     text=body_text(record.raw))


def _drafts_to_show(drafts: list[DemoDraft]) -> list[DemoDraft]:
    """The shortest English draft, and the shortest Dutch one when it is short enough too."""
    shown: list[DemoDraft] = []
    for language in ("en", "nl"):
        candidates = [d for d in drafts if d.language == language]
        if not candidates:
            continue
        best = min(candidates, key=lambda d: (len(d.text.splitlines()), d.finding_ids))
        if not shown or len(best.text.splitlines()) <= SHOW_DRAFT_LINES:
            shown.append(best)
    return shown


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
    return Clause(file=file, line=item.line if item else None, section=_SECTION.get(kind or "", kind or "clause"),
                  id=f.scope_item, description=(item.description if item else f.scope_item_description) or "")


def program(which: Callable[[str], str | None] = shutil.which) -> str:
    """How to run this very scopewatch from the folder the demo ran in: `scopewatch` when that is
    the one on PATH, else the path of the script beside this Python (e.g. `.venv/bin/scopewatch`)."""
    script = Path(sys.executable).parent / ("scopewatch.exe" if os.name == "nt" else "scopewatch")
    if not script.is_file():
        return f"{shlex.quote(sys.executable)} -m scopewatch"
    found = which("scopewatch")
    if found and Path(found).resolve() == script.resolve():
        return "scopewatch"
    try:
        shown = script.absolute().relative_to(Path.cwd())
    except ValueError:
        shown = script.absolute()
    return shlex.quote(str(shown))


def what_next(into: Path, finding: int | None = None, prog: str = "scopewatch") -> list[tuple[str, str]]:
    """The commands to review the demo's results (`finding` as the example), then to start for real,
    spelled with `prog` so that each works as printed."""
    ws = shlex.quote(str(into))
    one = str(finding) if finding is not None else "FINDING"
    rows = [
        (f"scopewatch web --workspace {ws}", f"the review page: then open {WEB_URL} in your browser (Ctrl-C stops it)"),
        (f"scopewatch flags --workspace {ws}", "every flag in the ledger, with its finding number"),
        (f"scopewatch show {one} --workspace {ws}", "one finding in full, with its history and the mail's new text"),
        (f"scopewatch review --workspace {ws}", "decide one by one: confirm, dismiss, edit the draft"),
        (f"scopewatch draft {one} --print --workspace {ws}", "the change request drafted for that finding"),
        (f"scopewatch digest --workspace {ws}", "the digest as plain text"),
        ("scopewatch init ~/va", "your own workspace: a commented scopewatch.toml and an example agreement"),
        ("scopewatch scope lint --workspace ~/va", "check your agreements (scopes/CLIENT.yaml)"),
        ("scopewatch run --workspace ~/va", "watch your mailbox (IMAP or Maildir) and keep the ledger"),
    ]
    return [(prog + cmd[len("scopewatch"):], does) for cmd, does in rows]


# --- text output -------------------------------------------------------------------------------


def render(summary: DemoSummary, *, color: bool = False) -> list[str]:
    """The demo's text report as lines: what ran, per client the flags and "check" items, the drafts
    (one or two in full), the digest, and what next."""

    def style(text: str, **kw) -> str:
        if not color:
            return text
        import click

        return click.style(text, **kw)

    s = summary
    new = f"{s.processed} read now" if s.processed else "all in the ledger from the earlier run, none read again"
    lines = [
        style("scopewatch demo", bold=True) + f": the whole flow over the bundled sample, once ({s.seconds:.1f} s)",
        f"  workspace  {s.workspace}  (a copy of the sample; its scopewatch.toml sets the VA and auto_draft = \"all\")",
        f"  mailbox    {s.mailbox}  (Maildir: {_plural(s.messages, 'mail')}, {new}; only read, never changed)",
        f"  ledger     {s.ledger}  (SQLite)",
        f"  agreements {len(s.clients)} in {s.workspace / 'scopes'}",
    ]
    for c in s.clients:
        lines += ["", style(c.name, bold=True) + f"  [{c.client_id}, {c.language}, {c.agreement_file}]  "
                  + _plural(c.messages, "mail")]
        for r in c.flagged:
            label = f"OUT OF SCOPE: {r.finding.category or 'unknown'}"
            lines.append("  " + style(label, fg="red", bold=True) + _category_help(r.finding.category)
                         + f"  finding {r.finding_id}" + (", reply drafted" if r.drafted else ""))
            lines.extend(_request_lines(r))
        for r in c.check:
            what = r.finding.category if r.finding.verdict == "out_of_scope" else "probably in scope"
            lines.append("  " + style(f"CHECK: {what}", fg="yellow", bold=True)
                         + f"  (low confidence: your call)  finding {r.finding_id}")
            lines.extend(_request_lines(r))
        flagged_mails = len({r.source for r in c.flagged})
        lines.append(
            "  " + style(f"{_plural(len(c.flagged), 'request')} flagged", fg="red" if c.flagged else None)
            + f" in {_plural(flagged_mails, 'mail')}, {len(c.check)} to check; "
            + style(f"{_plural(c.in_scope, 'mail')} in scope", fg="green")
            + f", {_plural(c.no_request, 'mail')} without a request"
        )
    if s.unknown_senders:
        lines += ["", style("Unknown senders", bold=True) + " (in no agreement's contacts, so not judged)"]
        lines += [f"  {m.sender}: \"{m.subject}\"" for m in s.unknown_senders]
    if s.errors:
        lines += ["", style("Unreadable mail", bold=True, fg="red")]
        lines += [f"  {m.source}: {m.reason}" for m in s.errors]
    lines += ["", style("Drafts", bold=True) + f": {_plural(len(s.drafts), 'change-request reply', 'change-request replies')} in "
              f"{s.drafts_folder} ({s.drafts_written} written now), one per mail, answering all its flags."]
    lines.append("  Each is a reply (Re:, In-Reply-To) from the VA, flagged as a draft (\":2,D\"); nothing was sent.")
    for d in s.shown:
        lines += ["", f"  --- the draft for finding {', '.join(map(str, d.finding_ids))} ({d.language}) ---",
                  f"  To: {d.to}", f"  Subject: {d.subject}", ""]
        lines += [f"  {line}".rstrip() for line in d.text.rstrip().splitlines()]
    lines += ["", style("Digest", bold=True) + f": {s.digest_html}",
              f"  open it in a browser: the VA's overview as of {s.digest_as_of:%d %B %Y}, the newest sample mail.",
              "", style("What next", bold=True)]
    width = max(len(cmd) for cmd, _ in s.what_next)
    lines += [f"  {cmd.ljust(width)}  {does}" for cmd, does in s.what_next]
    lines.append("  Run the demo again to start fresh, or with --keep to see that nothing is read or drafted twice.")
    return lines


def _plural(n: int, word: str, plural: str | None = None) -> str:
    return f"{n} {word if n == 1 else (plural or word + 's')}"


def _category_help(category: str | None) -> str:
    text = _CATEGORY_HELP.get(category or "")
    return f"  ({text})" if text else ""


def _request_lines(r: DemoRequest) -> list[str]:
    f = r.finding
    where = "subject" if f.part == "subject" else "mail"
    date = f"{r.date}, " if r.date else ""
    out = [f"    \"{_one_line(f.evidence)}\"", f"    {where}:   {date}{r.sender}, \"{_one_line(r.subject)}\""]
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

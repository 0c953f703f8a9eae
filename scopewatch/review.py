"""The VA's review of the ledger from the command line: list flags, read one in full, confirm or
dismiss it, see a client's ledger, upgrade the database. Each function returns the text to print."""

from __future__ import annotations

import json
import os
import textwrap
from datetime import date, datetime, timezone
from pathlib import Path

from scopewatch.errors import NotFoundError
from scopewatch.store.ledger import FindingRecord, Ledger
from scopewatch.store.report import LedgerReport
from scopewatch.store.url import database_url

EVIDENCE_WIDTH = 60


def reviewer() -> str:
    """Who is reviewing: the login name, else "va"."""
    return os.environ.get("USER") or os.environ.get("USERNAME") or "va"


def _open(workspace: Path | None, database: str | None) -> Ledger:
    return Ledger.open(database_url(workspace, database))


def local_zone(workspace: Path | None):
    """The VA's timezone ([digest] timezone) for every time a person reads; UTC without a config."""
    from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

    from scopewatch.config import load_config
    from scopewatch.errors import ScopewatchError
    from scopewatch.workspace import locate

    try:
        return ZoneInfo(load_config(locate(workspace)).digest_timezone or "UTC")
    except (ScopewatchError, ZoneInfoNotFoundError, ValueError):
        return timezone.utc


def _local(value: datetime, tz) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(tz or timezone.utc)


def _day(value: datetime | None, tz=None) -> str:
    return _local(value, tz).strftime("%Y-%m-%d") if value else "-"


def _stamp(value: datetime | None, tz=None) -> str:
    if not value:
        return "-"
    local = _local(value, tz)
    return local.strftime("%Y-%m-%d %H:%M ") + (local.tzname() or "UTC")


def _short(text: str, width: int) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1].rstrip() + "…"


def _category(f: FindingRecord) -> str:
    label = f.category or ("in scope" if f.verdict == "in_scope" else "-")
    return f"{label} (check)" if f.review else label


def flags(
    workspace: Path | None,
    database: str | None,
    *,
    client: str | None = None,
    status: str | None = None,
    since: date | None = None,
    include_in_scope: bool = False,
    as_json: bool = False,
) -> str:
    """The findings as a table (or one JSON object per line), oldest mail first."""
    ledger = _open(workspace, database)
    tz = local_zone(workspace)
    try:
        records = ledger.findings(
            client=client, status=status, since=since, verdict=None if include_in_scope else "out_of_scope"
        )
    finally:
        ledger.close()
    if as_json:
        return "\n".join(json.dumps(r.to_json(), ensure_ascii=False, default=str) for r in records)
    if not records:
        return "no flags" + (" matching these filters" if client or status or since else "")
    rows = [("ID", "DATE", "CLIENT", "CATEGORY", "CONF", "STATUS", "REQUEST")]
    for r in records:
        rows.append(
            (
                str(r.id),
                _day(r.message.date or r.created_at, tz),
                r.client or "-",
                _category(r),
                f"{r.confidence:.2f}",
                r.status,
                _short(r.evidence, EVIDENCE_WIDTH),
            )
        )
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths)) + "  " + row[-1] for row in rows
    )


def show(workspace: Path | None, database: str | None, finding_id: int) -> str:
    """Everything about one finding: why it was flagged, the mail's new text and its history."""
    ledger = _open(workspace, database)
    tz = local_zone(workspace)
    try:
        f = ledger.finding(finding_id)
        history = ledger.events(finding_id)
    finally:
        ledger.close()
    m = f.message
    verdict = "out of scope" if f.verdict == "out_of_scope" else "in scope"
    if f.category:
        verdict += f" ({f.category})"
    lines = [
        f"Finding {f.id}: {verdict}, confidence {f.confidence:.2f}, status {f.status}"
        + ("  [low confidence: check it]" if f.review else ""),
        f"Client:      {f.client or 'unknown'}",
        f"Mail:        \"{m.subject or '(no subject)'}\" from {m.sender or 'unknown sender'}, {_stamp(m.date, tz)}",
        f"Mailbox:     {m.account}/{m.folder or '(top)'} key {m.key}",
        f"Message-ID:  {m.message_id or '-'}",
        "",
        f"Request ({f.part}, characters {f.start}-{f.end}):",
        f"  \"{f.evidence}\"",
    ]
    if f.explanation:
        lines += ["Why:", *textwrap.wrap(f.explanation, 96, initial_indent="  ", subsequent_indent="  ")]
    lines.append(f"Rules:       {', '.join(f.rules) or '-'}")
    if f.scope_item:
        kind = f" ({f.scope_item_kind})" if f.scope_item_kind else ""
        lines.append(f"Agreement:   {f.scope_item}{kind}: {f.scope_item_description or ''}".rstrip())
    else:
        lines.append("Agreement:   no clause covers this request")
    if f.agreement_hash:
        lines.append(f"             {_clause_source(workspace, f)}")
    if f.matched_terms:
        lines.append(f"Terms:       {', '.join(f.matched_terms)}")
    lines += ["", "New text of the mail:"]
    text = (m.new_text or "").strip("\n")
    lines += ["  | " + line for line in text.splitlines()] if text else ["  (none stored)"]
    lines += ["", "History:"]
    for e in history:
        change = f"{e.from_status} -> {e.to_status}" if e.from_status else f"-> {e.to_status}"
        lines.append(f"  {_stamp(e.at, tz)}  {e.who}  {change}" + (f"  ({e.why})" if e.why else ""))
    return "\n".join(lines)


def _clause_source(workspace: Path | None, f: FindingRecord) -> str:
    """Where the clause is written: file and line when the workspace still holds the very agreement
    version the finding was judged against, else the stored version's file and hash."""
    from scopewatch.errors import ScopewatchError
    from scopewatch.workspace import open_workspace

    where = f"judged against {f.agreement_path or 'the agreement'}, version {f.agreement_hash[:12]}"
    try:
        current = open_workspace(workspace).agreements.get(f.client or "")
    except ScopewatchError:
        return where  # a broken or missing workspace must not hide the finding
    if current is None or current.content_hash != f.agreement_hash:
        return where + " (the file has changed since)"
    item = current.item(f.scope_item) if f.scope_item else None
    if item is not None and item.line is not None:
        return f"judged against {current.source_path or f.agreement_path}:{item.line} (unchanged since)"
    return where + " (unchanged since)"


def set_status(
    workspace: Path | None, database: str | None, finding_id: int, status: str, *, why: str | None = None
) -> str:
    """Confirm, dismiss (or otherwise move) a finding; logged with the reviewer's name."""
    ledger = _open(workspace, database)
    try:
        before = ledger.finding(finding_id).status
        after = ledger.set_status(finding_id, status, who=reviewer(), why=why)
    finally:
        ledger.close()
    if before == after.status:
        return f"finding {finding_id} is already {after.status}"
    return f"finding {finding_id}: {before} -> {after.status}" + (f" ({why})" if why else "")


def _agreement_of(workspace: Path | None, client: str | None):
    """The client's agreement in the workspace, to check a decision's clause against; None when
    the workspace cannot be read (the decision is still taken)."""
    from scopewatch.errors import ScopewatchError
    from scopewatch.workspace import open_workspace

    try:
        return open_workspace(workspace).agreements.get(client or "")
    except ScopewatchError:
        return None


def confirm(workspace: Path | None, database: str | None, finding_id: int, *, category: str | None = None,
            item: str | None = None, reason: str | None = None) -> str:
    """Confirm a finding, correcting its category and clause when given; logged with the reviewer."""
    from scopewatch.store import decisions

    ledger = _open(workspace, database)
    try:
        f = ledger.finding(finding_id)
        done = decisions.confirm(ledger, finding_id, who=reviewer(), category=category, item=item, reason=reason,
                                 agreement=_agreement_of(workspace, f.client))
    finally:
        ledger.close()
    summary = done.summary(f.status)
    if done.corrected and (category or item):
        from scopewatch.errors import ScopewatchError
        from scopewatch.outbox import session
        from scopewatch.replies import after_correction

        try:  # its reply follows the correction (a broken workspace must not hide the decision)
            with session(workspace, database) as s:
                follow = after_correction(s, finding_id)
        except ScopewatchError as exc:
            follow = f"its reply was not written anew: {exc}"
        if follow:
            first, *rest = summary.splitlines()
            summary = "\n".join([f"{first}; {follow}", *rest])
    return summary


def list_learned(workspace: Path | None, database: str | None, *, client: str | None = None, as_json: bool = False) -> str:
    """The learned entries: what, from which decision, how often it has decided a verdict since."""
    from scopewatch.store.learned import entries

    ledger = _open(workspace, database)
    try:
        records = entries(ledger, client=client)
    finally:
        ledger.close()
    if as_json:
        return "\n".join(json.dumps(r.to_json(), ensure_ascii=False) for r in records)
    if not records:
        return "nothing learned yet" + (f" for {client}" if client else "") + \
            " (decisions teach: dismiss --in-scope ITEM / --not-a-request / --already-agreed, confirm --category --item)"
    rows = [("ID", "CLIENT", "LEARNED", "FROM", "USED")]
    for r in records:
        what = " ".join(r.words) if r.kind != "work_kind" else "kind " + ", ".join(r.words)
        from scopewatch.store.decisions import _meaning

        source = f"finding {r.finding_id}" if r.finding_id else "-"
        rows.append((str(r.id), r.client, _short(f'"{what}" -> {_meaning(r)}', 70),
                     f"{r.decision.replace('_', ' ')} on {_day(r.decided_on)} ({source})", str(r.uses)))
    widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]) - 1)]
    return "\n".join("  ".join(cell.ljust(w) for cell, w in zip(row[:-1], widths)) + "  " + row[-1] for row in rows)


def export_learned(workspace: Path | None, database: str | None, client: str) -> str:
    """The client's learned phrases as YAML terms per agreement clause."""
    from scopewatch.store.learned import entries, export_yaml

    ledger = _open(workspace, database)
    try:
        records = entries(ledger, client=client)
    finally:
        ledger.close()
    return export_yaml(records, _agreement_of(workspace, client))


def forget(workspace: Path | None, database: str | None, entry_id: int) -> str:
    from scopewatch.store import learned

    ledger = _open(workspace, database)
    try:
        gone = learned.forget(ledger, entry_id)
    finally:
        ledger.close()
    from scopewatch.store.decisions import _meaning

    return f"forgot learned entry {gone.id} ({gone.client}: \"{' '.join(gone.words)}\" -> {_meaning(gone)})"


# A rule the VA dismissed this often, and confirmed in at most this share of her decisions, is a
# candidate to switch off in the workspace.
SWITCH_OFF_DISMISSED = 3
SWITCH_OFF_PRECISION = 0.25


def rules_stats(workspace: Path | None, database: str | None, *, client: str | None = None, as_json: bool = False) -> str:
    """Per rule over the ledger: fired, flagged, confirmed, dismissed, precision; and the rules the
    VA keeps dismissing, named as candidates to switch off (nothing is switched off here)."""
    from scopewatch.store.learned import rule_stats

    ledger = _open(workspace, database)
    try:
        stats = rule_stats(ledger, client=client)
    finally:
        ledger.close()
    candidates = [r for r in stats if r.dismissed >= SWITCH_OFF_DISMISSED and (r.precision or 0) <= SWITCH_OFF_PRECISION]
    if as_json:
        return json.dumps({"rules": [r.to_json() for r in stats],
                           "switch_off_candidates": [r.rule for r in candidates]}, ensure_ascii=False)
    if not stats:
        return "no findings in the ledger yet"
    lines = [f"{'FIRED':>6} {'FLAGGED':>8} {'CONFIRMED':>10} {'DISMISSED':>10} {'PRECISION':>10}  RULE"]
    for r in stats:
        p = f"{r.precision:.3f}" if r.precision is not None else "-"
        lines.append(f"{r.fired:>6} {r.flagged:>8} {r.confirmed:>10} {r.dismissed:>10} {p:>10}  {r.rule}")
    if candidates:
        lines += ["", "Candidates to switch off (you keep dismissing their findings):"]
        for r in candidates:
            lines.append(f"  {r.rule}: {r.dismissed} dismissed, {r.confirmed} confirmed")
        lines.append("Switch one off in the workspace with a file in rules/ holding `- id: RULE` and `disabled: true`;")
        lines.append("scopewatch never switches a rule off by itself.")
    return "\n".join(lines)


def client_ledger(workspace: Path | None, database: str | None, client: str, *, as_json: bool = False) -> str:
    """The client's ledger report against the agreement in the workspace."""
    from scopewatch.workspace import open_workspace

    ws = open_workspace(workspace)
    agreement = ws.agreements.get(client)
    if agreement is None:
        known = ", ".join(sorted(ws.agreements)) or "none"
        raise NotFoundError(f"no agreement for client '{client}' (known clients: {known})")
    ledger = _open(ws.root, database)
    try:
        report = ledger.ledger_report(agreement)
    finally:
        ledger.close()
    if as_json:
        return json.dumps(report.to_json(), ensure_ascii=False)
    return format_report(report)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'' if n == 1 else 's'}"


def format_report(r: LedgerReport) -> str:
    if r.period_start or r.period_end:
        period = f"{r.period_start or '…'} to {r.period_end or '…'}"
    else:
        period = "all time"
    lines = [f"Ledger for {r.client} ({r.client_id}), {period}"]
    verdicts = ", ".join(f"{n} {v.replace('_', ' ')}" for v, n in r.by_verdict.items())
    lines.append(f"{_plural(r.messages, 'message')}" + (f": {verdicts}" if verdicts else ""))
    extra = f", {r.dismissed} dismissed not counted" if r.dismissed else ""
    lines.append(f"{_plural(r.findings, 'request')}: {r.in_scope} in scope, {r.out_of_scope} out of scope{extra}")
    if r.by_category:
        lines.append("Out of scope by category: " + ", ".join(f"{c} {n}" for c, n in r.by_category.items()))
    if r.usage:
        lines.append("Limits:")
        for u in r.usage:
            window = f" ({u.window_start}..{u.window_end})" if u.window_start and u.window_end else ""
            lines.append(f"  {u.label()}{window}" + ("  OVER" if u.over else ""))
    if r.extra_hours is not None:
        worth = f", worth {r.currency} {r.extra_value}" if r.extra_value is not None else ""
        missing = f" ({_plural(r.unestimated, 'request')} without an estimate)" if r.unestimated else ""
        lines.append(f"Extra work requested (confirmed): {r.extra_hours:g} h{worth}{missing}")
    elif r.out_of_scope > r.unconfirmed:
        lines.append("Extra work requested (confirmed): no hour estimates in the agreement to value it")
    if r.unconfirmed:
        size = f", about {r.unconfirmed_hours:g} h" if r.unconfirmed_hours is not None else ""
        worth = f", {r.currency} {r.unconfirmed_value}" if r.unconfirmed_value is not None else ""
        lines.append(f"Not confirmed yet (not counted above): {_plural(r.unconfirmed, 'request')}{size}{worth}")
    return "\n".join(lines)


def upgrade_database(workspace: Path | None, database: str | None) -> str:
    """Create or upgrade the ledger schema to the newest version."""
    from scopewatch.store import db

    url = database_url(workspace, database)
    engine = db.make_engine(url)
    try:
        before = db.current_revision(engine)
        db.upgrade(engine)
        after = db.current_revision(engine)
    except Exception:
        engine.dispose()
        raise
    engine.dispose()
    if before == after:
        return f"ledger {db.safe_url(url)} is up to date (schema {after})"
    return f"ledger {db.safe_url(url)} upgraded from schema {before or 'none'} to {after}"


# The interactive walk (`scopewatch review`) lives in scopewatch/walk.py; its names stay importable here.
from scopewatch.walk import (  # noqa: E402,F401
    DISMISS_PROMPT, REVIEW_KEYS, open_editor, parse_dismiss_reason, read_key, waiting_for_decision, walk,
)

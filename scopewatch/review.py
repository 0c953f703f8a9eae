"""The VA's review of the ledger from the command line: list flags, read one in full, confirm or
dismiss it, see a client's ledger, upgrade the database. Each function returns the text to print."""

from __future__ import annotations

import json
import os
import sys
import textwrap
from datetime import date, datetime, timezone
from pathlib import Path

from scopewatch.errors import NotFoundError
from scopewatch.store.ledger import FindingRecord, Ledger
from scopewatch.store.report import LedgerReport
from scopewatch.store.url import database_url
from scopewatch.store.followup import SYSTEM as SYSTEM_WHO
from scopewatch.terminal import echo

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
    return done.summary(f.status)


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
        lines.append(f"Extra work requested: {r.extra_hours:g} h{worth}{missing}")
    elif r.out_of_scope:
        lines.append("Extra work requested: no hour estimates in the agreement to value it")
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


# --- the interactive walk through new findings (`scopewatch review`) ---------------------------

REVIEW_KEYS = {"c": "confirm and draft", "k": "confirm as another category or clause", "d": "dismiss",
               "e": "edit the draft", "s": "skip", "q": "quit"}
DISMISS_PROMPT = ("Reason: i ITEM = in scope of that deliverable, n = not a request, a = already agreed "
                  "(amendment or quote), or your own words")


def parse_dismiss_reason(text: str) -> dict:
    """The review prompt's answer as `decisions.dismiss` arguments: "i calendar", "n", "a" or free text."""
    words = text.split()
    if len(words) == 2 and words[0].lower() in ("i", "in-scope", "in_scope"):
        return {"in_scope": words[1]}
    if len(words) == 1 and words[0].lower() in ("n", "not-a-request", "not_a_request"):
        return {"not_a_request": True}
    if len(words) == 1 and words[0].lower() in ("a", "already-agreed", "already_agreed"):
        return {"already_agreed": True}
    return {"reason": text or "dismissed in review"}


def read_key(question: str, choices: list[str], *, interactive: bool | None = None, getchar=None) -> str:
    """One of `choices`: a single key press without Enter on a terminal, else a typed line (a pipe,
    a script, a terminal that cannot be read key by key). A wrong key asks again."""
    import click

    if interactive is None:
        interactive = sys.stdin.isatty() and sys.stdout.isatty()
    if interactive:
        getchar = getchar or click.getchar
        echo(question + " ", nl=False)
        while True:
            try:
                key = getchar()
            except (OSError, RuntimeError, EOFError):
                break  # no raw mode on this terminal: fall back to a line
            if key in ("\x03", "\x04"):
                raise KeyboardInterrupt
            key = (key or "").strip().lower()
            if key in choices:
                echo(key)
                return key
            if key:
                echo(f"\n'{key}' is not one of {', '.join(choices)}; " + question + " ", nl=False)
    return click.prompt(question, type=click.Choice(choices), show_choices=False)


def open_editor(text: str) -> tuple[str | None, str | None]:
    """(edited text or None when unchanged, None) or (None, one line on why the editor failed)."""
    import click

    try:
        edited = click.edit(text, extension=".txt", require_save=True)
    except (click.ClickException, OSError) as exc:
        message = exc.format_message() if isinstance(exc, click.ClickException) else str(exc)
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "the default editor"
        return None, (f"the editor ({editor}) could not start: {' '.join(message.split())}; "
                      "set $EDITOR to one that works (the draft is unchanged)")
    if edited is None or edited.strip() == text.strip():
        return None, None
    return edited, None


def waiting_for_decision(ledger: Ledger, client: str | None = None) -> list[FindingRecord]:
    """The out-of-scope findings the VA has not decided on: new ones, and ones the service drafted
    by itself (`auto_draft = "all"`) that no person has confirmed yet and that are not sent."""
    out = []
    for f in ledger.findings(client=client, status=("new", "drafted"), verdict="out_of_scope"):
        if f.status == "drafted" and any(
            e.to_status == "confirmed" or (e.who != SYSTEM_WHO and (e.why or "").startswith("confirmed"))
            for e in ledger.events(f.id)
        ):
            continue
        out.append(f)
    return out


def walk(workspace: Path | None, database: str | None, *, client: str | None = None) -> str:
    """Show each new out-of-scope finding with its explanation and draft and ask what to do:
    c = confirm (and draft into Drafts when a mailbox is configured), k = confirm with another
    category or clause, d = dismiss (asks a reason: in scope of a deliverable, not a request,
    already agreed, or free text; the first three teach detection),
    e = edit the draft in $EDITOR, s = skip, q = quit. Every decision is logged as an event."""
    import click

    from scopewatch.draft.service import body_text, draft_for_finding, edit_draft, render_for_finding
    from scopewatch.errors import ConfigError, ScopewatchError
    from scopewatch.outbox import connected, session
    from scopewatch.store import decisions, followup

    counts = {"confirmed": 0, "dismissed": 0, "edited": 0, "skipped": 0}
    with session(workspace, database) as s:
        queue = waiting_for_decision(s.ledger, client)
        if not queue:
            return "no new findings to review"
        try:
            va = s.va()
        except ConfigError as exc:
            va = None
            echo(f"note: drafts cannot be shown: {exc}")
        for n, f in enumerate(queue, 1):
            if s.ledger.finding(f.id).status != f.status:
                continue  # answered together with an earlier one of the same mail
            while True:
                echo("")
                echo(f"--- {n} of {len(queue)} " + "-" * 60)
                echo(show(s.workspace.root, database, f.id))
                existing = followup.draft_for(s.ledger, f.id)
                text = None
                if existing is not None:
                    text = body_text(existing.raw)
                elif va is not None:
                    try:
                        text = render_for_finding(s.ledger, s.workspace, f.id, va)[0].text
                    except ScopewatchError as exc:
                        echo(f"\n(no draft: {exc})")
                if text:
                    echo("\nDraft" + (" (edited)" if existing is not None and existing.edited_at else "") + ":")
                    echo("\n".join("  " + line for line in text.rstrip().splitlines()))
                echo("")
                choice = read_key(", ".join(f"{k} = {v}" for k, v in REVIEW_KEYS.items()), list(REVIEW_KEYS))
                if choice == "e":
                    if va is None or text is None:
                        echo("there is no draft to edit for this finding")
                        continue
                    edited, problem = open_editor(text)
                    if problem:
                        echo(problem)
                        continue  # the walk goes on: decide without editing, or fix $EDITOR
                    if edited is None:
                        echo("draft unchanged")
                        continue
                    edit_draft(s.ledger, s.workspace, f.id, va, edited, who=s.who)
                    counts["edited"] += 1
                    echo("draft saved")
                    continue  # show it again, then decide
                break
            if choice == "q":
                echo(f"finding {f.id}: left as it is; review ended")
                break
            if choice == "s":
                followup.note(s.ledger, f.id, "skipped in review", who=s.who)
                counts["skipped"] += 1
                echo(f"finding {f.id}: skipped, still {f.status}")
            elif choice == "d":
                agreement = s.workspace.agreements.get(f.client or "")
                while True:
                    reason = click.prompt(DISMISS_PROMPT, default="", show_default=False).strip()
                    try:
                        decided = decisions.dismiss(s.ledger, f.id, who=s.who, agreement=agreement,
                                                    **parse_dismiss_reason(reason))
                        break
                    except ScopewatchError as exc:
                        echo(f"error: {exc}")
                counts["dismissed"] += 1
                from scopewatch.outbox import withdraw_after

                done = withdraw_after(s, f.id)
                echo(f"finding {f.id}: dismissed" + (f"; {done}" if done else ""))
                for line in decided.summary(f.status).splitlines()[1:]:
                    echo(line)
            elif choice in ("c", "k"):
                agreement = s.workspace.agreements.get(f.client or "")
                category = item = None
                if choice == "k":
                    from scopewatch.detect.findings import CATEGORIES

                    category = click.prompt("Category", type=click.Choice(CATEGORIES), default=f.category or "new_work")
                    item = click.prompt("Clause id (Enter: none)", default="", show_default=False).strip() or None
                try:
                    decided = decisions.confirm(s.ledger, f.id, who=s.who, category=category, item=item,
                                                agreement=agreement, reason="confirmed in review")
                except ScopewatchError as exc:
                    echo(f"error: {exc}")
                    continue
                counts["confirmed"] += 1
                for line in decided.summary(f.status).splitlines()[1:]:
                    echo(line)
                if f.status == "drafted":
                    followup.note(s.ledger, f.id, "confirmed in review; the change request stays in Drafts", who=s.who)
                    echo(f"finding {f.id}: confirmed; its change request stays in Drafts")
                elif va is not None:
                    echo(f"finding {f.id}: " + _draft_after_confirm(s, f, va, draft_for_finding, connected))
                else:
                    echo(f"finding {f.id}: confirmed (no draft: the VA's address is not set)")
    return "review: " + ", ".join(f"{n} {k}" for k, n in counts.items())


def _draft_after_confirm(s, f: FindingRecord, va, draft_for_finding, connected) -> str:
    from scopewatch.errors import ConfigError, ScopewatchError

    try:
        try:
            mb = s.mailbox_for(f.message.account)
        except ConfigError:
            out = draft_for_finding(s.ledger, s.workspace, f.id, va, who=s.who)
            return f"confirmed; draft {out.draft.message_id} kept in the ledger (no mailbox '{f.message.account}' configured)"
        with connected(mb) as source:
            out = draft_for_finding(s.ledger, s.workspace, f.id, va, source=source, who=s.who)
        return f"confirmed; change request in {out.draft.account}/{out.draft.folder}"
    except ScopewatchError as exc:
        return f"confirmed; no draft: {exc}"

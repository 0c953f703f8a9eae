"""`scopewatch review`: the interactive walk through the requests waiting for a decision, one by
one, with single keys: confirm (and draft), correct, dismiss with a reason detection learns from,
edit the reply (it replaces the copy in Drafts), skip, quit. Every decision is logged."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from scopewatch.store.ledger import FindingRecord, Ledger
from scopewatch.terminal import echo

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
    from scopewatch.store.decisions import confirmed_by_va

    found = ledger.findings(client=client, status=("new", "drafted"), verdict="out_of_scope")
    decided = confirmed_by_va(ledger, [f.id for f in found if f.status == "drafted"])
    return [f for f in found if f.id not in decided]


def walk(workspace: Path | None, database: str | None, *, client: str | None = None) -> str:
    """Show each new out-of-scope finding with its explanation and draft and ask what to do:
    c = confirm (and draft into Drafts when a mailbox is configured), k = confirm with another
    category or clause, d = dismiss (asks a reason: in scope of a deliverable, not a request,
    already agreed, or free text; the first three teach detection),
    e = edit the draft in $EDITOR, s = skip, q = quit. Every decision is logged as an event."""
    import click

    from scopewatch.draft.service import body_text, draft_for_finding, render_for_finding
    from scopewatch.review import show
    from scopewatch.errors import ConfigError, ScopewatchError
    from scopewatch.outbox import connected, session
    from scopewatch.replies import after_correction, edit_in_editor
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
                    # Saved into Drafts in place of the earlier copy; an editor that cannot start,
                    # or no change, is one line and the walk goes on.
                    line = edit_in_editor(s, f.id, open_editor)
                    echo(line)
                    if line.startswith("Saved") or "\nSaved" in line:
                        counts["edited"] += 1
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
                from scopewatch.outbox import dismiss_question

                question = dismiss_question(s, f.id)
                if question and not click.confirm(f"{question[0].upper()}{question[1:]}. Dismiss it?", default=False):
                    counts["skipped"] += 1
                    echo(f"finding {f.id}: not dismissed; its reply stays in Drafts")
                    continue
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

                done = withdraw_after(s, f.id, confirmed=bool(question))
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
                    follow = after_correction(s, f.id) if decided.corrected and decided.why else None
                    echo(f"finding {f.id}: confirmed; " + (follow or "its change request stays in Drafts"))
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

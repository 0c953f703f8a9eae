"""The VA's hand on a change-request reply, shared by the page, `scopewatch draft --edit` and
`scopewatch review`: save her text (the copy in Drafts is replaced by it), write it anew, follow a
correction, and say truthfully which version the mailbox holds. Each returns the line to show."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from scopewatch.draft import versions
from scopewatch.draft.versions import CopyState
from scopewatch.errors import MailboxError
from scopewatch.outbox import Session, mailbox
from scopewatch.parse.body import body_text
from scopewatch.store import followup
from scopewatch.store.followup import DraftRecord


def where(d: DraftRecord, why_not: str | None = None) -> str:
    """One line on which version of the reply the mailbox holds."""
    if d.sent_at is not None:
        return f"the reply was sent ({d.sent_how})"
    if d.pending:
        return (f"Drafts still holds the earlier version ({why_not or 'the mailbox could not be reached'}); "
                "yours goes there on the service's next pass, or with Put into Drafts")
    if not d.in_mailbox:
        return "kept in scopewatch; it is not in Drafts yet"
    version = "your edited version" if d.edited_at is not None else "the version scopewatch wrote"
    return f"{version} is in {d.account}/{d.folder}"


def _draft(s: Session, finding_id: int) -> DraftRecord:
    from scopewatch.draft.service import draft_for_finding

    return draft_for_finding(s.ledger, s.workspace, finding_id, s.va(), who=s.who).draft


@dataclass
class Done:
    """A new version of the reply, and why the mailbox could not take it now (None: it did)."""

    record: DraftRecord
    why_not: str | None
    what: str = "Saved"

    def __str__(self) -> str:
        return f"{self.what}: {where(self.record, self.why_not)}."


def save(s: Session, finding_id: int, text: str, *, seen: str | None = None) -> Done:
    """Keep the VA's text and put it into Drafts in place of the earlier copy. Raises
    versions.DraftChanged when the copy in Drafts was changed in her mail program since `seen`."""
    from scopewatch.draft.service import edit_draft

    d = _draft(s, finding_id)
    with mailbox(s, d.account) as (source, why_not):
        try:
            record = edit_draft(s.ledger, s.workspace, finding_id, s.va(), text, who=s.who, source=source, seen=seen)
        except MailboxError as exc:  # stored; the copy in Drafts is replaced on the next pass
            record, why_not = followup.draft_for(s.ledger, finding_id) or d, str(exc)
    return Done(record, why_not)


def rewrite(s: Session, finding_id: int) -> Done:
    """The reply written anew from the agreement (edits dropped), in the ledger and in Drafts."""
    from scopewatch.draft.service import rerender_draft

    d = _draft(s, finding_id)
    with mailbox(s, d.account) as (source, why_not):
        try:
            record = rerender_draft(s.ledger, s.workspace, finding_id, s.va(), who=s.who, source=source)
        except MailboxError as exc:
            record, why_not = followup.draft_for(s.ledger, finding_id) or d, str(exc)
    return Done(record, why_not, "Written anew from the agreement")


def after_correction(s: Session, finding_id: int) -> str | None:
    """After Correct on a finding that has a reply: the reply follows the correction (see
    draft.service.refresh_after_correction); None when there is no unsent reply."""
    from scopewatch.draft.service import refresh_after_correction

    d = followup.draft_for(s.ledger, finding_id)
    if d is None or d.sent_at is not None:
        return None
    try:
        va = s.va()
    except Exception:  # noqa: BLE001 - no VA address: the reply cannot be written anew
        return None
    with mailbox(s, d.account) as (source, _why_not):
        try:
            return refresh_after_correction(s.ledger, s.workspace, finding_id, va, source=source, who=s.who)
        except MailboxError as exc:
            return f"its reply was written anew; Drafts gets it when the mailbox can be reached ({exc})"


@dataclass
class Opened:
    """The reply as the VA's editor should start from it: the mailbox's copy when she changed it in
    her mail program (`seen` is its digest), else the ledger's latest text (or the reply as it would
    be written, when none is stored yet: nothing is stored before she saves)."""

    draft: DraftRecord | None
    text: str
    state: CopyState | None
    seen: str | None


def open_reply(s: Session, finding_id: int, *, read_mailbox: bool = True) -> Opened:
    from scopewatch.draft.service import render_for_finding

    d = followup.draft_for(s.ledger, finding_id)
    if d is None:
        return Opened(None, render_for_finding(s.ledger, s.workspace, finding_id, s.va())[0].text, None, None)
    state = None
    if read_mailbox and d.in_mailbox and not d.pending and d.sent_at is None:
        with mailbox(s, d.account) as (source, _why_not):
            if source is not None:
                try:
                    state = versions.copy_state(source, d)
                except MailboxError:
                    state = None
    if state is not None and state.state == "changed":
        return Opened(d, state.text or "", state, state.digest)
    return Opened(d, body_text(d.raw), state, None)


def edit_in_editor(s: Session, finding_id: int, editor: Callable[[str], tuple[str | None, str | None]], *,
                   into_drafts: bool = False) -> str:
    """`draft --edit` and review's e: the reply in $EDITOR (from the mailbox's copy when the VA
    changed it there), then saved and put into Drafts in place of the earlier copy; with
    `into_drafts` (`draft --edit`) a reply not in Drafts yet goes there too."""
    opened = open_reply(s, finding_id)
    if opened.draft is not None and opened.draft.sent_at is not None:
        return f"the change request for finding {finding_id} was sent already; it cannot be edited"
    note = "the reply in Drafts was changed in your mail program: you are editing that text\n" if opened.seen else ""
    edited, problem = editor(opened.text)
    if problem:
        return note + problem
    if edited is None:
        return note + "draft unchanged"
    try:
        done = save(s, finding_id, edited, seen=opened.seen)
        if into_drafts and not done.record.in_mailbox:
            from scopewatch.outbox import draft_into_mailbox

            try:
                done = Done(draft_into_mailbox(s, finding_id).draft, None)
            except MailboxError as exc:
                done = Done(done.record, str(exc))
        return note + str(done)
    except versions.DraftChanged:
        import tempfile

        with tempfile.NamedTemporaryFile("w", encoding="utf-8", prefix="scopewatch-reply-", suffix=".txt",
                                         delete=False) as fh:
            fh.write(edited)
        return (f"not saved: the reply in Drafts was changed in your mail program while you were editing; "
                f"your text is in {fh.name}: run `scopewatch draft {finding_id} --edit` again and paste it")

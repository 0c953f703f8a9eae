"""Following a finding up: the change-request draft put into the mailbox's Drafts once (one reply
per client mail, following the VA's decisions), sending it on the VA's word and noticing when she
sent it herself. These are the functions `scopewatch draft/send/review` and the service call; new
versions of a reply are draft/versions.py, the client's answer draft/answers.py."""

from __future__ import annotations

import email
import logging
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from typing import Any

from scopewatch.draft import copies, versions
from scopewatch.draft.render import Draft, DraftFinding, draft_bytes, render_change_request
from scopewatch.draft.smtp import SmtpSettings, send_message
from scopewatch.errors import MailboxError, MessageError, NotFoundError, ScopewatchError
from scopewatch.parse.body import body_text  # noqa: F401  (callers import it from here)
from scopewatch.store import followup
from scopewatch.store.followup import SYSTEM, DraftRecord
from scopewatch.store.ledger import FindingRecord, Ledger
from scopewatch.workspace import Workspace

log = logging.getLogger(__name__)

# A finding in one of these states gets no (new) draft: the VA or the client has settled it.
CLOSED = ("dismissed", "accepted", "declined")
# How long after drafting the service keeps looking for the sent reply in Sent.
SENT_LOOKBACK = timedelta(days=60)


@dataclass
class DraftOutcome:
    draft: DraftRecord
    created: bool  # made now (False: the finding had a draft already)
    appended: bool  # put into the mailbox's Drafts folder now
    text: str  # the whole body, for printing


@dataclass
class VA:
    """Who the drafts come from."""

    name: str
    address: str
    default_estimate_hours: float | None = None
    timezone: str | None = None  # [digest] timezone: the quote header's time is local to the VA


# --- rendering -----------------------------------------------------------------------------------


def _agreement(workspace: Workspace, f: FindingRecord):
    agreement = workspace.agreements.get(f.client or "")
    if agreement is None:
        raise NotFoundError(
            f"finding {f.id}: no agreement for client '{f.client or 'unknown'}' in {workspace.scopes_dir}, "
            "so no change request can be written"
        )
    return agreement


def companions(ledger: Ledger, f: FindingRecord) -> list[FindingRecord]:
    """The finding and the other open out-of-scope findings of the same mail not drafted yet (the
    low-confidence ones only when confirmed): one reply answers them all."""
    same = ledger.findings(message_pk=f.message_pk, verdict="out_of_scope") if f.message_pk else [f]
    out = []
    for other in same:
        if other.id == f.id:
            out.append(other)
        elif other.status not in CLOSED and (not other.review or other.status == "confirmed") \
                and followup.draft_for(ledger, other.id) is None:
            out.append(other)  # low-confidence ones only once the VA confirmed them
    return out or [f]


def render_for_finding(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA,
                       *, now: datetime | None = None,
                       finding_ids: list[int] | None = None) -> tuple[Draft, FindingRecord, list[int]]:
    """The change request for this finding (and its companions, or exactly `finding_ids`: the
    findings a stored draft answers), not stored anywhere."""
    f = ledger.finding(finding_id)
    if f.verdict != "out_of_scope":
        raise MessageError(f"finding {finding_id} is in scope: there is no change request to write")
    if f.status in CLOSED:
        raise MessageError(f"finding {finding_id} is {f.status}: no change request is needed")
    group = [ledger.finding(i) for i in finding_ids] if finding_ids else companions(ledger, f)
    original = followup.original_message(ledger, f.message_pk)
    draft = render_change_request(
        _agreement(workspace, f),
        [DraftFinding(g.id, g.to_finding()) for g in group],
        original,
        va_name=va.name,
        va_address=va.address,
        template_dirs=workspace.template_dirs(),
        default_estimate_hours=va.default_estimate_hours,
        now=now,
        timezone_name=va.timezone,
    )
    return draft, f, [g.id for g in group]


# --- drafting into the mailbox -------------------------------------------------------------------


_drafts_folder = copies.drafts_folder


def _put_in_drafts(ledger: Ledger, source: Any, draft: DraftRecord, who: str) -> tuple[DraftRecord, bool]:
    """Append the stored draft to Drafts unless it is there already (a crash between the append and
    the ledger update must not leave two copies); then its findings become `drafted`."""
    folder = _drafts_folder(source)
    appended = False
    if not source.find_header(folder, "Message-ID", draft.message_id):
        folder = source.append_draft(draft.raw) or folder
        appended = True
    # One transaction: the draft is in Drafts AND its findings are drafted, or neither (then the
    # next pass finds the copy in Drafts by its Message-ID and records both).
    draft = followup.mark_appended(ledger, draft.id, folder, who=who,
                                   why=f"change request {draft.message_id} in {folder}")
    return draft, appended


def _swap_in_drafts(ledger: Ledger, workspace: Workspace, source: Any, old: DraftRecord, va: VA, *,
                    ids: list[int], who: str, why: str, drop_edits: bool = False) -> DraftRecord:
    """The mail's reply written anew to answer `ids` (and the mail's other open requests), put into
    Drafts in place of the old version (draft/copies.py: exactly once, resumed after a crash)."""
    group = [i for i in dict.fromkeys(ids) if ledger.finding(i).status not in CLOSED]
    if not group:
        raise MessageError("nothing left for the reply to answer")
    f = ledger.finding(group[0])
    group += [g.id for g in companions(ledger, f) if g.id not in group and g.id not in ids]
    rendered, _f, ids = render_for_finding(ledger, workspace, group[0], va, finding_ids=group)
    return versions.write_anew(ledger, old, rendered.text, who=who, source=source, finding_ids=ids,
                               why=f"{why}: the reply now answers finding(s) {', '.join(map(str, ids))}",
                               drop_edits=drop_edits)


def needs_confirmation(ledger: Ledger, finding_id: int, source: Any = None) -> str | None:
    """Before a dismiss: one line asking the VA to confirm when its reply in Drafts is her edited
    version (dismissing takes it out of Drafts all the same); None when nothing needs asking."""
    d = followup.draft_for(ledger, finding_id)
    if d is None or d.sent_at is not None or not versions.edited(ledger, source, d):
        return None
    rest = [i for i in d.finding_ids if i != finding_id and ledger.finding(i).status not in CLOSED]
    if rest:
        return (f"the reply {d.message_id} in Drafts is your edited version; dismissing finding {finding_id} "
                f"writes it anew for finding(s) {', '.join(map(str, rest))} only, without your edits")
    return f"the reply {d.message_id} in Drafts is your edited version; dismissing finding {finding_id} removes it from Drafts"


def withdraw(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA | None, *, source: Any = None,
             who: str = SYSTEM, confirmed: bool = False) -> str | None:
    """After a dismiss: the finding's unsent reply leaves Drafts (the mail's other open requests get
    a new version without it). A reply the VA edited goes too once she `confirmed` it (see
    `needs_confirmation`); without that it stays, and the line says so. Returns one line saying what
    happened, or None when there was no draft."""
    d = followup.draft_for(ledger, finding_id)
    if d is None or d.sent_at is not None:
        return None
    if source is None:
        if not d.in_mailbox and not d.pending:
            versions.draft_versions.withdraw_draft(ledger, d.id, who=who,
                                                   why=f"finding {finding_id} dismissed: draft {d.message_id} forgotten")
            return "its draft was forgotten (it was not in Drafts)"
        return f"its draft {d.message_id} stays: no mailbox is configured for '{d.account}'"
    was_edited = versions.edited(ledger, source, d)
    if was_edited and not confirmed:
        followup.note(ledger, finding_id, f"the draft {d.message_id} was edited, so it stays in Drafts", who=who)
        return f"its draft {d.message_id} was edited by you, so it stays in Drafts: remove this request from it by hand"
    rest = [i for i in d.finding_ids if i != finding_id and ledger.finding(i).status not in CLOSED]
    if rest and va is not None:
        record = _swap_in_drafts(ledger, workspace, source, d, va, ids=rest, who=who,
                                 why=f"finding {finding_id} dismissed", drop_edits=was_edited)
        where = record.folder or "Drafts"
        return f"the reply in {where} now answers finding(s) {', '.join(map(str, rest))} only"
    removed = versions.take_out(ledger, source, d, who=who, why=f"finding {finding_id} dismissed", any_text=was_edited)
    if removed:
        return f"its {'edited ' if was_edited else ''}draft was removed from {d.folder or 'Drafts'}"
    return "its draft was forgotten (it was not in Drafts)"


def reconcile_drafts(ledger: Ledger, source: Any, *, who: str = SYSTEM) -> list[int]:
    """Make the ledger agree with Drafts after a crash: a claimed draft whose copy reached Drafts is
    recorded there (its findings `drafted`), and a draft in Drafts whose findings were left new or
    confirmed moves them. Runs at start-up and after each batch; returns the draft ids repaired."""
    repaired = []
    copies.resume(ledger, source, who=who)  # replacements of a copy in Drafts left half done
    folder = None
    for d in followup.drafts(ledger, account=source.account, unsent=True, in_mailbox=False):
        folder = folder or _drafts_folder(source)
        if source.find_header(folder, "Message-ID", d.message_id):
            followup.mark_appended(ledger, d.id, folder, who=who,
                                   why=f"change request {d.message_id} found in {folder} after a restart")
            repaired.append(d.id)
    for draft_id in followup.drafted_left_open(ledger, source.account):
        followup.mark_appended(ledger, draft_id, "", who=who, why="the change request is in Drafts already")
        repaired.append(draft_id)
    if repaired:
        log.info("%s: %d draft%s brought in line with Drafts", source.account, len(repaired),
                 "s" if len(repaired) != 1 else "")
    return repaired


def draft_for_finding(
    ledger: Ledger,
    workspace: Workspace,
    finding_id: int,
    va: VA,
    *,
    source: Any = None,
    who: str = SYSTEM,
    now: datetime | None = None,
) -> DraftOutcome:
    """Make the change-request draft for a finding ONCE: stored in the ledger (Message-ID, text) and,
    with a mail `source`, appended to its Drafts folder; the findings it answers become `drafted`.
    Calling it again returns the same draft (and only appends it if it never reached Drafts)."""
    existing = followup.draft_for(ledger, finding_id)
    if existing is not None and existing.pending and source is not None and existing.sent_at is None:
        # Drafts still holds an earlier version (the mailbox was unreachable when it changed).
        from scopewatch.store import draft_versions, swaps

        swap = swaps.for_owner(ledger, draft_versions.owner_of(existing.id))
        if swap is not None:
            copies.carry_out(ledger, source, swap, who=who)
            existing = followup.draft_for(ledger, finding_id) or existing
            return DraftOutcome(existing, False, not existing.pending, body_text(existing.raw))
    if existing is None and source is not None:
        f = ledger.finding(finding_id)
        reply = followup.draft_for_message(ledger, f.message_pk) if f.message_pk else None
        if reply is not None and reply.in_mailbox:
            # One reply per client mail: the new request joins the draft already in Drafts.
            if versions.edited(ledger, source, reply):
                why = f"not added to the reply {reply.message_id}: you edited it, so scopewatch leaves it alone"
                if not any(e.why == why for e in ledger.events(finding_id)):
                    followup.note(ledger, finding_id, why, who=who)
                raise MessageError(f"finding {finding_id}: the reply to this mail ({reply.message_id}) was edited "
                                   "by you, so scopewatch leaves it alone; add this request to it by hand")
            record = _swap_in_drafts(ledger, workspace, source, reply, va, ids=[*reply.finding_ids, finding_id],
                                     who=who, why=f"finding {finding_id} added to the reply")
            return DraftOutcome(record, True, True, body_text(record.raw))
    if existing is None:
        rendered, f, ids = render_for_finding(ledger, workspace, finding_id, va, now=now)
        existing, created = followup.claim_draft(
            ledger,
            message_pk=f.message_pk,
            finding_ids=ids,
            message_id=rendered.message_id,
            account=f.message.account,
            language=rendered.language,
            to=rendered.to,
            subject=rendered.subject,
            raw=draft_bytes(rendered),
        )
    else:
        created = False
    appended = False
    if source is not None and not existing.in_mailbox and existing.sent_at is None:
        try:
            existing, appended = _put_in_drafts(ledger, source, existing, who)
        except ScopewatchError:
            if created:
                followup.forget_draft(ledger, existing.id)  # nothing reached the mailbox: start clean next time
            raise
    return DraftOutcome(existing, created, appended, body_text(existing.raw))


def auto_draft(
    ledger: Ledger, workspace: Workspace, source: Any, va: VA, *, mode: str = "confirmed"
) -> list[DraftOutcome]:
    """The service's auto-drafting for one mailbox: every confirmed finding ("confirmed"), or every
    out-of-scope finding still new or confirmed ("all"), gets its draft in Drafts. "off" does nothing.
    Problems with one finding (no agreement, no sender) are logged and skipped."""
    if mode == "off":
        return []
    statuses = ("confirmed",) if mode == "confirmed" else ("new", "confirmed")
    out = []
    done: set[int] = set()
    for f in ledger.findings(status=statuses, verdict="out_of_scope"):
        if f.id in done or f.message.account != source.account:
            continue
        if mode == "all" and f.review:
            continue  # low confidence: the VA decides first
        existing = followup.draft_for(ledger, f.id)
        if existing is not None and existing.in_mailbox:
            continue
        try:
            outcome = draft_for_finding(ledger, workspace, f.id, va, source=source)
        except MailboxError:
            raise  # the caller reconnects
        except ScopewatchError as exc:
            log.warning("finding %s: no draft: %s", f.id, exc)
            continue
        done.update(outcome.draft.finding_ids)
        out.append(outcome)
    return out


# --- sending -------------------------------------------------------------------------------------


def send_finding(
    ledger: Ledger,
    workspace: Workspace,
    finding_id: int,
    va: VA,
    smtp: SmtpSettings,
    *,
    source: Any = None,
    who: str = SYSTEM,
) -> DraftRecord:
    """Send the finding's (edited) change request over SMTP, file the sent copy in Sent when there is
    a mail `source`, and mark the findings `sent`. A draft already sent is never sent again."""
    outcome = draft_for_finding(ledger, workspace, finding_id, va, who=who)
    draft = outcome.draft
    if draft.sent_at is not None:
        raise MessageError(
            f"the change request for finding {finding_id} was sent already "
            f"({draft.sent_at:%Y-%m-%d %H:%M} UTC, {draft.sent_how})"
        )
    msg = email.message_from_bytes(draft.raw, policy=policy.default)
    if not isinstance(msg, EmailMessage) or not msg["To"]:
        raise MessageError(f"the draft for finding {finding_id} has no recipient")
    send_message(msg, smtp)
    # Sent: from here on a failure must not make the VA send it twice.
    followup.mark_sent(ledger, draft.id, "smtp", who=who, why=f"sent {draft.message_id} by SMTP to {draft.to}")
    if source is not None:
        try:
            folder = source.append_sent(draft.raw)
            followup.note(ledger, finding_id, f"sent copy filed in {folder}", who=who)
        except ScopewatchError as exc:
            followup.note(ledger, finding_id, f"sent, but the copy could not be filed in Sent: {exc}", who=who)
    return followup.draft_for(ledger, finding_id) or draft


# --- noticing what happened in the mailbox -------------------------------------------------------


def detect_sent(source: Any, ledger: Ledger, *, now: datetime | None = None) -> list[int]:
    """Per poll: drafts of this mailbox the VA sent from her own mail client. A message with the
    draft's Message-ID in Sent, or the draft gone from Drafts and a reply to the client's mail in
    Sent, marks its findings `sent`. Returns the ids of the drafts marked. Read-only on the mailbox."""
    now = now or datetime.now(timezone.utc)
    pending = [
        d for d in followup.drafts(ledger, account=source.account, unsent=True, in_mailbox=True)
        if d.created_at >= now - SENT_LOOKBACK
    ]
    if not pending:
        return []
    sent_folder = source.sent_folder_name() if hasattr(source, "sent_folder_name") else source.sent_folder
    if not sent_folder:
        return []
    marked = []
    for d in pending:
        if source.find_header(sent_folder, "Message-ID", d.message_id):
            how, why = "seen-in-sent", f"the change request {d.message_id} is in {sent_folder}"
        elif d.original_message_id and not source.find_header(d.folder, "Message-ID", d.message_id) and (
            source.find_header(sent_folder, "In-Reply-To", d.original_message_id)
            or source.find_header(sent_folder, "References", d.original_message_id)
        ):
            how, why = "reply-in-sent", f"the draft left {d.folder} and a reply to the client's mail is in {sent_folder}"
        else:
            continue
        if followup.mark_sent(ledger, d.id, how, why=why):
            marked.append(d.id)
    return marked


# --- the VA's edits and the client's answer --------------------------------------------------------


def edit_draft(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA, text: str, *, who: str,
               source: Any = None, seen: str | None = None) -> DraftRecord:
    """Keep the VA's text of the finding's change request (made and stored first if needed) and,
    when the reply is in Drafts, put the new version there in place of the earlier copy: at once
    with a mail `source`, else on the service's next pass (or "Put into Drafts"). `seen`: the digest
    of a copy changed in the mail program that the VA's editor started from."""
    outcome = draft_for_finding(ledger, workspace, finding_id, va, who=who)
    if outcome.draft.sent_at is not None:
        raise MessageError(f"the change request for finding {finding_id} was sent already; it cannot be edited")
    return versions.save_text(ledger, outcome.draft, text, who=who, source=source, seen=seen)


def rerender_draft(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA, *, who: str,
                   source: Any = None) -> DraftRecord:
    """Drop the VA's edits: the reply written anew from the template and the current agreement, for
    the same findings, in the ledger and in Drafts. Not once it was sent."""
    existing = followup.draft_for(ledger, finding_id)
    if existing is None:
        return draft_for_finding(ledger, workspace, finding_id, va, who=who, source=source).draft
    if existing.sent_at is not None:
        raise MessageError(f"the change request for finding {finding_id} was sent already; it cannot be changed")
    rendered, _f, _ids = render_for_finding(ledger, workspace, finding_id, va, finding_ids=existing.finding_ids)
    return versions.write_anew(ledger, existing, rendered.text, who=who, source=source, drop_edits=True,
                               why="draft written anew from the agreement (edits dropped)")


def refresh_after_correction(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA | None, *,
                             source: Any = None, who: str = SYSTEM) -> str | None:
    """After the VA corrected a finding's category or clause: its reply, when scopewatch wrote it,
    is written anew to say the corrected thing (and replaced in Drafts); an edited one stays and
    the line says so. None when the finding has no unsent reply."""
    d = followup.draft_for(ledger, finding_id)
    if d is None or d.sent_at is not None or va is None:
        return None
    if versions.edited(ledger, source, d):
        followup.note(ledger, finding_id, f"corrected; the edited reply {d.message_id} stays as you wrote it", who=who)
        return "its reply was edited by you, so it stays as it is: write it anew on its page to follow the correction"
    rendered, _f, _ids = render_for_finding(ledger, workspace, finding_id, va, finding_ids=d.finding_ids)
    record = versions.write_anew(ledger, d, rendered.text, who=who, source=source,
                                 why="the reply written anew after the correction")
    if record.pending:
        return "its reply was written anew; Drafts gets the new version when the mailbox can be reached"
    return f"its reply was written anew{' in ' + record.folder if record.folder else ''}"


# --- one call for the service --------------------------------------------------------------------


@dataclass
class FollowUp:
    drafted: list[int]  # draft ids put into Drafts now
    sent: list[int]  # draft ids found sent by the VA herself


def follow_up(ledger: Ledger, workspace: Workspace, source: Any, va: VA | None, *, auto_draft_mode: str = "confirmed") -> FollowUp:
    """What the service runs on a mailbox's own thread after each poll: auto-drafting (when the VA's
    address is configured) and sent detection. Raises MailboxError when the connection is lost."""
    reconcile_drafts(ledger, source)
    drafted = [o.draft.id for o in auto_draft(ledger, workspace, source, va, mode=auto_draft_mode)] if va else []
    return FollowUp(drafted=drafted, sent=detect_sent(source, ledger))


# The client's answer lives in draft/answers.py; these names stay importable from here.
from scopewatch.draft.answers import accept_finding, decline_finding, link_reply, reply_offer  # noqa: E402,F401

"""Following a finding up: the change-request draft put into the mailbox's Drafts once, sending it
on the VA's word, noticing when she sent it herself, and linking the client's answer to it. These
are the functions `scopewatch draft/send/review` and the service call."""

from __future__ import annotations

import email
import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from email import policy
from email.message import EmailMessage
from pathlib import Path
from typing import Any

from scopewatch.draft.render import Draft, DraftFinding, draft_bytes, render_change_request
from scopewatch.draft.smtp import SmtpSettings, send_message
from scopewatch.errors import MailboxError, MessageError, NotFoundError, ScopewatchError
from scopewatch.parse.message import ParsedMessage
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


def body_text(raw: bytes) -> str:
    """The plain-text body of a stored draft (after the VA's edits)."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    part = msg.get_body(preferencelist=("plain",)) if msg.is_multipart() else msg
    return part.get_content().replace("\r\n", "\n") if part is not None else ""


# --- drafting into the mailbox -------------------------------------------------------------------


def _drafts_folder(source: Any) -> str:
    name = getattr(source, "drafts_folder_name", None)
    return name() if callable(name) else source.drafts_folder


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


def unchanged_copy(draft: DraftRecord):
    """Is a copy found in Drafts still exactly the text scopewatch wrote (not edited by the VA)?"""
    mine = " ".join(body_text(draft.raw).split())
    return lambda raw: " ".join(body_text(raw).split()) == mine


def _edited(source: Any, draft: DraftRecord) -> bool:
    """The VA changed this draft: with `scopewatch review`/edit, or in her mail program (its copy
    in Drafts is no longer what scopewatch wrote, or is gone)."""
    if draft.edited_at is not None:
        return True
    if source is None or not hasattr(source, "draft_copy"):
        return False
    copy = source.draft_copy(draft.message_id)
    return copy is None or not unchanged_copy(draft)(copy)


def _swap_in_drafts(ledger: Ledger, workspace: Workspace, source: Any, old: DraftRecord, va: VA, *,
                    ids: list[int], who: str, why: str) -> DraftRecord:
    """Put the new version of a mail's reply (answering `ids`) into Drafts, then remove the old one
    scopewatch wrote there (only if unedited), and record the swap: new Message-ID, its findings."""
    group = [i for i in dict.fromkeys(ids) if ledger.finding(i).status not in CLOSED]
    if not group:
        raise MessageError("nothing left for the reply to answer")
    f = ledger.finding(group[0])
    group += [g.id for g in companions(ledger, f) if g.id not in group and g.id not in ids]
    rendered, _f, ids = render_for_finding(ledger, workspace, group[0], va, finding_ids=group)
    raw = draft_bytes(rendered)
    folder = source.append_draft(raw) or _drafts_folder(source)
    removed = source.remove_draft(old.message_id, unchanged_copy(old)) if old.in_mailbox else False
    record = followup.replace_draft(
        ledger, old.id, message_id=rendered.message_id, raw=raw, finding_ids=ids, folder=folder, who=who,
        why=f"{why}: change request {rendered.message_id} in {folder}"
            + (f" replaces {old.message_id}" if removed else f" (the earlier {old.message_id} was not in {folder})"),
    )
    return record


def withdraw(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA | None, *, source: Any = None,
             who: str = SYSTEM) -> str | None:
    """After a dismiss: the finding's unsent draft leaves Drafts when scopewatch wrote it and the VA
    did not edit it (the mail's other open requests get a new version without it); an edited draft
    is kept. Returns one line saying what happened, or None when there was no draft."""
    d = followup.draft_for(ledger, finding_id)
    if d is None or d.sent_at is not None:
        return None
    if source is None:
        return f"its draft {d.message_id} stays: no mailbox is configured for '{d.account}'"
    if _edited(source, d):
        followup.note(ledger, finding_id, f"the draft {d.message_id} was edited, so it stays in Drafts", who=who)
        return f"its draft {d.message_id} was edited by you, so it stays in Drafts: remove this request from it by hand"
    rest = [i for i in d.finding_ids if i != finding_id and ledger.finding(i).status not in CLOSED]
    if rest and va is not None:
        record = _swap_in_drafts(ledger, workspace, source, d, va, ids=rest, who=who,
                                 why=f"finding {finding_id} dismissed")
        return f"the reply in {record.folder} now answers finding(s) {', '.join(map(str, rest))} only"
    removed = source.remove_draft(d.message_id, unchanged_copy(d)) if d.in_mailbox else False
    followup.withdraw_draft(ledger, d.id, who=who, why=f"finding {finding_id} dismissed: draft {d.message_id} "
                            + ("removed from " + (d.folder or "Drafts") if removed else "forgotten"))
    return f"its draft was removed from {d.folder}" if removed else "its draft was forgotten (it was not in Drafts)"


def reconcile_drafts(ledger: Ledger, source: Any, *, who: str = SYSTEM) -> list[int]:
    """Make the ledger agree with Drafts after a crash: a claimed draft whose copy reached Drafts is
    recorded there (its findings `drafted`), and a draft in Drafts whose findings were left new or
    confirmed moves them. Runs at start-up and after each batch; returns the draft ids repaired."""
    repaired = []
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
    if existing is None and source is not None:
        f = ledger.finding(finding_id)
        reply = followup.draft_for_message(ledger, f.message_pk) if f.message_pk else None
        if reply is not None and reply.in_mailbox:
            # One reply per client mail: the new request joins the draft already in Drafts.
            if _edited(source, reply):
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


_ACCEPT = {
    "en": [
        r"go ahead", r"sounds good", r"please do (?:it|that|so)", r"yes,? please", r"let'?s do (?:it|that)",
        r"(?:that'?s|that is) fine(?: by me| with me)?", r"approved", r"ok(?:ay)?,? do it",
        r"happy (?:with that|to pay|to go ahead)", r"works for me",
    ],
    "nl": [
        r"akkoord", r"ga je gang", r"gaat u (?:uw|je) gang", r"doe maar", r"ja,? graag",
        r"dat is goed", r"klinkt goed", r"dat is prima", r"top,? doen",
    ],
}
_DECLINE = {
    "en": [
        r"no,? thanks?(?: you)?", r"not now", r"leave it", r"let'?s (?:not|skip it|leave it)", r"no need",
        r"never ?mind", r"forget (?:it|about it)", r"too (?:much|expensive)", r"don'?t (?:bother|do it)",
        r"i'?ll do it myself", r"not (?:necessary|needed)", r"hold off", r"skip (?:it|that)",
    ],
    "nl": [
        r"laat maar", r"nee,? (?:dank je|dank u|bedankt)", r"niet nodig", r"hoeft niet", r"toch maar niet",
        r"liever niet", r"te duur", r"doe ik zelf", r"laten we het laten", r"nu even niet", r"geen behoefte",
    ],
}
_NEGATION = re.compile(r"\b(?:not|no|don'?t|doesn'?t|isn'?t|niet|geen|nee)\b", re.IGNORECASE)


def _patterns(table: dict[str, list[str]]) -> re.Pattern:
    words = [p for ps in table.values() for p in ps]
    return re.compile(r"(?<![\w'])(?:" + "|".join(words) + r")(?![\w'])", re.IGNORECASE)


_ACCEPT_RE = _patterns(_ACCEPT)
_DECLINE_RE = _patterns(_DECLINE)


def reply_offer(text: str) -> tuple[str | None, str | None]:
    """("accept" | "decline" | None, the words that say so) for a client's answer. Precision first:
    a yes with a no or a negation before it in the same sentence, or a question, offers nothing."""
    first = " ".join((text or "").split())[:600]
    decline = _DECLINE_RE.search(first)
    accept = _ACCEPT_RE.search(first)
    if decline and accept:
        return None, None  # "go ahead ... or leave it?" is not clear
    if decline:
        return "decline", decline.group(0)
    if accept:
        sentence_start = max(first.rfind(".", 0, accept.start()), first.rfind("!", 0, accept.start()), -1) + 1
        before = first[sentence_start : accept.start()]
        end = re.search(r"[.!?\n]|$", first[accept.end():])
        after = first[accept.end(): accept.end() + (end.start() if end else 0) + 1]
        if _NEGATION.search(before) or after.endswith("?"):
            return None, None
        return "accept", accept.group(0)
    return None, None


def link_reply(ledger: Ledger, parsed: ParsedMessage, *, account: str | None = None) -> list[int]:
    """Link a client's mail whose In-Reply-To/References point at one of our drafts (or at the mail
    a draft answered) to those findings; a clear yes or no becomes an "acceptance offered" / "decline
    offered" event for the VA to confirm. Never accepts anything itself. Returns the linked finding ids."""
    if not parsed.message_id:
        return []
    refs = [r for r in dict.fromkeys([parsed.in_reply_to, *parsed.references]) if r]
    if not refs:
        return []
    targets: list[int] = []
    for ref in refs:
        d = followup.draft_by_message_id(ledger, ref)
        if d is not None and (account is None or d.account == account):
            targets.extend(d.finding_ids)
    for _mid, ids in followup.findings_by_message_ids(ledger, refs, account).items():
        # Only findings the VA has answered: other follow-ups in the thread are ordinary mail.
        targets.extend(i for i in ids if followup.draft_for(ledger, i) is not None)
    offer, phrase = reply_offer(parsed.new_text)
    linked = []
    for fid in dict.fromkeys(targets):
        status = ledger.finding(fid).status
        this_offer = offer if status not in CLOSED else None
        if followup.record_reply(
            ledger, fid, message_id=parsed.message_id, sender=parsed.sender, date=parsed.date,
            excerpt=" ".join(parsed.new_text.split())[:300], offer=this_offer, phrase=phrase,
        ):
            linked.append(fid)
    return linked


# --- the VA's edits and the client's answer --------------------------------------------------------


def replace_body(raw: bytes, text: str) -> bytes:
    """The draft with a new plain-text body; every header (To, Subject, threading, Message-ID) kept."""
    msg = email.message_from_bytes(raw, policy=policy.default)
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    return msg.as_bytes(policy=policy.SMTP)


def edit_draft(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA, text: str, *, who: str) -> DraftRecord:
    """Keep the VA's edited text of the finding's change request (made and stored first if needed).
    A copy already in Drafts stays as it was: scopewatch only ever adds to the mailbox."""
    outcome = draft_for_finding(ledger, workspace, finding_id, va, who=who)
    if outcome.draft.sent_at is not None:
        raise MessageError(f"the change request for finding {finding_id} was sent already; it cannot be edited")
    record = followup.update_draft_raw(ledger, outcome.draft.id, replace_body(outcome.draft.raw, text))
    where = f" (the copy in {record.folder} is the earlier version)" if record.in_mailbox else ""
    followup.note(ledger, finding_id, f"draft edited{where}", who=who)
    return record


def rerender_draft(ledger: Ledger, workspace: Workspace, finding_id: int, va: VA, *, who: str) -> DraftRecord:
    """Drop the VA's edits: the stored draft's text written anew from the template and the current
    agreement, for the same findings; headers (Message-ID, threading) stay. Not once it was sent."""
    existing = followup.draft_for(ledger, finding_id)
    if existing is None:
        return draft_for_finding(ledger, workspace, finding_id, va, who=who).draft
    if existing.sent_at is not None:
        raise MessageError(f"the change request for finding {finding_id} was sent already; it cannot be changed")
    rendered, _f, _ids = render_for_finding(ledger, workspace, finding_id, va, finding_ids=existing.finding_ids)
    record = followup.update_draft_raw(ledger, existing.id, replace_body(existing.raw, rendered.text))
    followup.note(ledger, finding_id, "draft written anew from the agreement (edits dropped)", who=who)
    return record


def _short(text: str, words: int = 20) -> str:
    parts = " ".join(text.split()).split(" ")
    return " ".join(parts[:words]) + (" …" if len(parts) > words else "")


def accept_finding(
    ledger: Ledger, workspace: Workspace, finding_id: int, *, who: str, why: str | None = None,
    default_estimate_hours: float | None = None, when=None,
):
    """The client said yes: the change becomes part of the agreement (a new `amendments:` entry in
    the client's YAML, so later requests for the same work are in scope) and the finding `accepted`.
    Returns (amendment, added_now). Running it again adds nothing."""
    from scopewatch.agreement.amend import amendment_terms, append_amendment
    from scopewatch.draft.render import estimate_for

    f = ledger.finding(finding_id)
    if f.verdict != "out_of_scope":
        raise MessageError(f"finding {finding_id} is in scope already: there is no change to accept")
    if f.status in ("dismissed", "declined"):
        raise MessageError(f"finding {finding_id} is {f.status}; move it back (scopewatch confirm {finding_id}) before accepting it")
    agreement = _agreement(workspace, f)
    if not agreement.source_path:
        raise NotFoundError(f"the agreement of '{agreement.client_id}' has no file to write the change into")
    item = agreement.item(f.scope_item) if f.scope_item else None
    estimate = estimate_for(agreement, item, default_estimate_hours)
    _new, amendment, added = append_amendment(
        Path(agreement.source_path),
        finding_id=finding_id,
        description=f"Accepted change request: {_short(f.evidence)}",
        terms=amendment_terms(f.matched_terms, f.evidence),
        when=when,
        estimate_hours=estimate,
    )
    text = f"added to {Path(agreement.source_path).name} as amendment {amendment.id}"
    ledger.set_status(finding_id, "accepted", who=who, why=f"{why}; {text}" if why else text)
    if added:
        from scopewatch.store.decisions import learn_accepted

        learn_accepted(ledger, finding_id, amendment.id, who=who)  # like requests are in scope now
    return amendment, added


def decline_finding(ledger: Ledger, finding_id: int, *, who: str, why: str | None = None) -> FindingRecord:
    """The client said no (or the VA let it go): the finding is `declined`; the agreement is unchanged."""
    f = ledger.finding(finding_id)
    if f.verdict != "out_of_scope":
        raise MessageError(f"finding {finding_id} is in scope: there is no change request to decline")
    if f.status == "accepted":
        raise MessageError(f"finding {finding_id} was accepted and is part of the agreement now; edit the agreement to undo it")
    return ledger.set_status(finding_id, "declined", who=who, why=why or "the client declined the change request")


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

"""What each page shows, gathered from the library layer (the digest's view of what waits for a
decision, the ledger's findings, events, drafts, replies and reports); no ledger logic here."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timezone
from typing import Any

from scopewatch.digest.build import build_digest
from scopewatch.digest.model import DigestItem
from scopewatch.digest.render import CATEGORY_LABELS
from scopewatch.errors import ScopewatchError
from scopewatch.outbox import Session
from scopewatch.store import followup
from scopewatch.store.ledger import FindingRecord

CONTEXT_CHARS = 140  # of the mail's new text shown around the request on Today
HISTORY_ROWS = 300  # newest requests listed on a client's page


@dataclass
class Card:
    """One request as Today and the client's history show it."""

    f: FindingRecord
    kind: str  # decide | check | send | answer | waiting | done
    category_label: str
    confidence_pct: int
    draft_ready: bool = False
    offer: str | None = None
    offer_phrase: str | None = None
    before: str = ""
    match: str = ""
    after: str = ""
    # Which version of the reply the mailbox holds (see draft_state): the card says it as it is.
    draft_state: str = "none"
    confirmed: bool = False  # a person confirmed it (a draft the service made alone is no decision)
    next_id: int | None = None  # the card after this one on Today: where a decision returns to

    @property
    def id(self) -> int:
        return self.f.id

    @property
    def undecided(self) -> bool:
        """Confirm, Dismiss and Correct are offered: the VA has not decided yet, draft or no draft."""
        return self.f.verdict == "out_of_scope" and (
            self.f.status == "new" or (self.f.status == "drafted" and not self.confirmed))


def draft_state(d: followup.DraftRecord | None, copy: str | None = None) -> str:
    """none | ledger (kept in scopewatch only) | earlier (Drafts holds an earlier version) | ready
    (scopewatch's text in Drafts) | edited (the VA's text in Drafts) | sent; with what the mailbox
    was seen to hold (`copy`): changed (edited in the mail program) | missing."""
    if d is None:
        return "none"
    if d.sent_at is not None:
        return "sent"
    if d.pending:
        return "earlier"
    if not d.in_mailbox:
        return "ledger"
    if copy in ("changed", "missing"):
        return copy
    return "edited" if d.edited_at is not None else "ready"


@dataclass
class ClientGroup:
    client_id: str
    name: str
    cards: list[Card] = field(default_factory=list)

    def of(self, *kinds: str) -> list[Card]:
        return [c for c in self.cards if c.kind in kinds]


def category_label(f: FindingRecord, language: str) -> str:
    if f.verdict != "out_of_scope":
        return {"en": "in scope", "nl": "binnen de afspraak"}[language]
    labels = CATEGORY_LABELS[language]
    return labels.get(f.category, f.category or labels[None])


def split_text(text: str, f: FindingRecord, limit: int | None = CONTEXT_CHARS) -> tuple[str, str, str]:
    """(before, the request, after) in the mail's new text; `limit` characters of context each side."""
    text = text or ""
    start, end = f.start, f.end
    if not (0 <= start < end <= len(text)) or " ".join(text[start:end].split()) != " ".join(f.evidence.split()):
        at = text.find(f.evidence)
        if at < 0:
            return "", f.evidence, ""
        start, end = at, at + len(f.evidence)
    before, match, after = text[:start], text[start:end], text[end:]
    if limit is not None:  # a card on Today: one flowing paragraph around the request
        before, match, after = (" ".join(part.split()) for part in (before, match, after))
        if len(before) > limit:
            before = "… " + before[-limit:].split(" ", 1)[-1]
        if len(after) > limit:
            after = after[:limit].rsplit(" ", 1)[0] + " …"
        before, after = (before + " " if before else ""), (" " + after if after else "")
    return before, match, after


def _kind(f: FindingRecord, item: DigestItem | None, confirmed: bool = True) -> str:
    if item is not None and item.offer:
        return "answer"
    if f.status == "new" or (f.status == "drafted" and not confirmed):
        # A reply the service drafted by itself (auto_draft = "all") still waits for the decision.
        return "check" if f.review else "decide"
    if f.status in ("confirmed", "drafted"):
        return "send"
    if f.status == "sent":
        return "waiting"
    return "done"


def card(f: FindingRecord, language: str, item: DigestItem | None = None, drafted: bool | None = None,
         limit: int | None = CONTEXT_CHARS, draft: followup.DraftRecord | None = None, confirmed: bool = True,
         copy: str | None = None) -> Card:
    before, match, after = split_text(f.message.new_text or "", f, limit)
    state = draft_state(draft, copy) if draft is not None else ("ready" if (item.draft_ready if item else drafted) else "none")
    return Card(
        f=f, kind=_kind(f, item, confirmed), category_label=category_label(f, language),
        confidence_pct=round(max(0.0, min(1.0, f.confidence)) * 100),
        draft_ready=state in ("ready", "edited", "changed"),
        offer=item.offer if item else None, offer_phrase=item.offer_phrase if item else None,
        before=before, match=match, after=after, draft_state=state, confirmed=confirmed,
    )


def _when(f: FindingRecord) -> datetime:
    return f.message.date or f.created_at


def today(s: Session, language: str) -> list[ClientGroup]:
    """What waits for the VA, per client (those with the most waiting first), newest mail first:
    the digest's own selection over the whole ledger, each with its mail from the ledger."""
    from scopewatch.store.decisions import confirmed_by_va

    digest = build_digest(s.ledger, s.workspace, va_name=s.config.va_name or "")
    ids = [i.finding_id for c in digest.clients for i in (*c.answers, *c.flagged, *c.checks)]
    drafts = followup.drafts_for(s.ledger, ids)
    confirmed = confirmed_by_va(s.ledger, ids)
    groups = []
    for c in digest.clients:
        items = [*c.answers, *c.flagged, *c.checks]
        if not items:
            continue
        group = ClientGroup(c.client_id, c.client_name)
        for item in items:
            f = s.ledger.finding(item.finding_id)
            group.cards.append(card(f, language, item, draft=drafts.get(f.id),
                                    confirmed=f.id in confirmed or f.status not in ("new", "drafted")))
        group.cards.sort(key=lambda k: (_when(k.f), k.id), reverse=True)
        groups.append(group)
    groups.sort(key=lambda g: (-len(g.of("answer", "decide", "check", "send")), g.name.lower()))
    _link_next(groups)
    return groups


# The order Today shows the cards in, per client: the sections of today.html.j2, then the folded ones.
PAGE_ORDER = ("answer", "decide", "send", "check", "waiting")


def _link_next(groups: list[ClientGroup]) -> None:
    """Each card learns the card shown after it (else the one before), so a decision on it
    returns the VA to where she was on the page, not to its top."""
    shown = [c for g in groups for kind in PAGE_ORDER for c in g.of(kind)]
    for i, c in enumerate(shown):
        neighbour = shown[i + 1] if i + 1 < len(shown) else (shown[i - 1] if i else None)
        c.next_id = neighbour.id if neighbour is not None else None


@dataclass
class FindingPage:
    card: Card
    events: list
    draft: followup.DraftRecord | None
    draft_text: str | None
    draft_error: str | None
    replies: list
    whole_mail: str | None
    mail_error: str | None
    clause_source: str | None
    others: list[FindingRecord]  # the other findings of the same mail
    seen: str | None = None  # digest of the copy in Drafts the editor shows (changed in the mail program)
    conflict: str | None = None  # saving was refused: the copy in Drafts changed meanwhile


def finding(s: Session, finding_id: int, language: str) -> FindingPage:
    from scopewatch.draft import versions
    from scopewatch.draft.service import body_text, render_for_finding
    from scopewatch.outbox import mailbox
    from scopewatch.parse.parser import parse_message
    from scopewatch.review import _clause_source
    from scopewatch.store.decisions import confirmed_by_va

    f = s.ledger.finding(finding_id)
    draft = followup.draft_for(s.ledger, f.id)
    text = error = seen = None
    copy = None
    mail = mail_error = None
    # One connection: the whole mail (quoted history) and what Drafts holds of the reply now.
    with mailbox(s, f.message.account) as (source, why_not):
        if source is None:
            if "configured" not in (why_not or ""):
                mail_error = why_not
        else:
            try:
                for fetched in source.fetch(f.message.folder, [f.message.key]):
                    mail = parse_message(fetched.raw).body_text
                    break
            except ScopewatchError as exc:
                mail_error = str(exc)
            if draft is not None and draft.sent_at is None and draft.in_mailbox and not draft.pending:
                try:
                    state = versions.copy_state(source, draft)
                    copy = state.state
                    if state.state == "changed":  # her latest text is the one in Drafts
                        text, seen = state.text, state.digest
                except ScopewatchError:
                    copy = None
    if draft is not None and text is None:
        text = body_text(draft.raw)
    elif draft is None and f.verdict == "out_of_scope" and f.status not in ("dismissed", "accepted", "declined"):
        try:
            text = render_for_finding(s.ledger, s.workspace, f.id, s.va())[0].text
        except ScopewatchError as exc:
            error = str(exc)
    others = [o for o in s.ledger.findings(message_pk=f.message_pk) if o.id != f.id] if f.message_pk else []
    confirmed = f.status not in ("new", "drafted") or bool(confirmed_by_va(s.ledger, [f.id]))
    return FindingPage(
        card=card(f, language, drafted=bool(draft and draft.in_mailbox), limit=None, draft=draft,
                  confirmed=confirmed, copy=copy),
        events=s.ledger.events(f.id), draft=draft, draft_text=text, draft_error=error,
        replies=followup.replies(s.ledger, f.id), whole_mail=mail, mail_error=mail_error,
        clause_source=_relative(_clause_source(s.workspace.root, f), s) if f.agreement_hash else None,
        others=others, seen=seen,
    )


def _relative(text: str, s: Session) -> str:
    """Paths inside the workspace as the VA knows them: scopes/CLIENT.yaml."""
    return text.replace(f"{s.workspace.root.resolve()}/", "").replace(f"{s.workspace.root}/", "")


@dataclass
class ClientPage:
    agreement: Any
    report: Any
    history: list[Card]
    bars: list[dict]


def client(s: Session, client_id: str, language: str) -> ClientPage | None:
    agreement = s.workspace.agreements.get(client_id)
    if agreement is None:
        return None
    # After the agreement's period, its limits are shown as they stood in its last window.
    today = datetime.now(timezone.utc).date()
    if agreement.period.end is not None and today > agreement.period.end:
        today = agreement.period.end
    report = s.ledger.ledger_report(agreement, today=today)
    records = sorted(s.ledger.findings(client=client_id), key=lambda r: (_when(r), r.id), reverse=True)[:HISTORY_ROWS]
    drafted = followup.drafted_in_mailbox(s.ledger, [r.id for r in records])
    bars = [
        {"u": u, "pct": min(100, round(100 * u.asked / u.limit)) if u.limit else 100,
         "over_pct": min(100, round(100 * (u.asked - u.limit) / u.asked)) if u.over else 0}
        for u in report.usage
    ]
    return ClientPage(agreement, report, [card(r, language, drafted=r.id in drafted) for r in records], bars)

"""Renders the polite change-request reply to a client's out-of-scope request: a threaded,
header-safe plain-text e-mail built from `change_request.<lang>.txt.j2`, ready for Drafts."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from decimal import ROUND_HALF_UP, Decimal
from email import policy
from email.headerregistry import Address
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any, NamedTuple

from babel.dates import format_date, format_time
from babel.numbers import format_currency, format_decimal

from scopewatch.agreement.model import Agreement, ScopeItem
from scopewatch.detect.findings import CATEGORIES, Finding
from scopewatch.draft import quoting, templating, wording
from scopewatch.errors import ConfigError, MessageError, TemplateError
from scopewatch.parse.controls import drop_bidi, strip_controls
from scopewatch.parse.message import ParsedMessage

DRAFT_LANGUAGES = ("en", "nl")
_MAX_EVIDENCE_WORDS = 24  # the whole mail is quoted below; the reply only needs to point at it
WORD_LIMIT = 150  # the reply before the quoted mail stays under this many words
_MAX_REFERENCES = 20  # RFC 5322 lets a reply trim a long References chain


class DraftFinding(NamedTuple):
    """An out-of-scope finding as stored in the ledger: its id there and the detect Finding."""

    finding_id: int
    finding: Finding


@dataclass
class Draft:
    """A rendered change-request reply. `text` is the whole body, the quoted mail included."""

    message: EmailMessage
    text: str
    html: str | None  # always None: a reply in a thread reads best as plain text (see README)
    estimate_hours: float | None  # total, None when any request has no estimate
    amount: Decimal | None  # estimate_hours x hourly rate, None without both
    language: str
    message_id: str
    finding_ids: list[int] = field(default_factory=list)
    to: str = ""
    subject: str = ""
    reply: str = ""  # the reply's own words, without the quoted mail


# --- locale helpers ------------------------------------------------------------------------------


def babel_locale(language: str, currency: str | None = None) -> str:
    """The Babel locale for a draft language: nl_NL, or en_GB (en_US for dollar amounts)."""
    if language == "nl":
        return "nl_NL"
    return "en_US" if currency == "USD" else "en_GB"


def format_money(amount: Decimal, currency: str, language: str) -> str:
    """`€ 45,00` in Dutch, `€45.00` in English (Babel; Dutch keeps a no-break space after €)."""
    return format_currency(amount, currency, locale=babel_locale(language, currency))


def format_hours(hours: float, language: str) -> str:
    """`1,5 uur` / `1.5 hours`, `1 hour`."""
    number = format_decimal(hours, format="#,##0.##", locale=babel_locale(language))
    if language == "nl":
        return f"{number} uur"
    return f"{number} hour" if hours == 1 else f"{number} hours"


# --- header safety -------------------------------------------------------------------------------

_WS = re.compile(r"\s+")


def header_safe(text: str | None, *, limit: int = 200) -> str:
    """Client text made fit for a header: no CR/LF or other control or format characters, one line."""
    if not text:
        return ""
    out = []
    for ch in text:
        cat = unicodedata.category(ch)
        # Cc: controls incl. CR/LF/TAB; Cf: bidi overrides and other invisible format characters;
        # Zl/Zp: Unicode line and paragraph separators, which some clients treat as line breaks.
        out.append(" " if cat in ("Cc", "Cf", "Zl", "Zp") else ch)
    clean = _WS.sub(" ", "".join(out)).strip()
    if len(clean) > limit:
        clean = clean[: limit - 1].rstrip() + "…"
    return clean


_REPLY_PREFIX = re.compile(
    r"^(?:\s*(?:re|aw|antw|antwoord|sv|vs|ref)\s*(?:\[\d+\]|\(\d+\))?\s*[:：]\s*)+", re.IGNORECASE
)


def reply_subject(subject: str | None) -> str:
    """`Re: <subject>` exactly once, whatever reply prefixes (Re:, RE:, Antw:, AW:) were stacked."""
    rest = _REPLY_PREFIX.sub("", header_safe(subject, limit=400)).strip()
    return f"Re: {rest}" if rest else "Re:"


_MSGID = re.compile(r"<[^<>\s]+@[^<>\s]+>")


def _msgid(value: str | None) -> str | None:
    """A message id in angle brackets, or None when the client's value is not a usable id."""
    if not value:
        return None
    value = header_safe(value, limit=500)
    if not value.startswith("<"):
        value = f"<{value}>"
    match = _MSGID.fullmatch(value)
    return match.group(0) if match else None


def _address(name: str | None, addr: str, what: str, error: type[Exception]) -> Address:
    addr = header_safe(addr, limit=320)
    try:
        return Address(display_name=header_safe(name, limit=120), addr_spec=addr)
    except (ValueError, IndexError, TypeError) as exc:
        raise error(f"{what} address {addr!r} is not a usable e-mail address ({exc})") from None


# --- content -------------------------------------------------------------------------------------

_FORMAL_NL = re.compile(r"\b(?:u|uw|geachte|uzelf)\b", re.IGNORECASE)


def dutch_register(new_text: str) -> str:
    """"u" when the client writes formally (u, uw, Geachte), else "je"."""
    return "u" if _FORMAL_NL.search(new_text or "") else "je"


def first_name(sender_name: str) -> str:
    name = header_safe(sender_name, limit=120).strip("\"' ")
    if not name or "@" in name:
        return ""
    if "," in name:  # "De Vries, Sanne"
        name = name.split(",", 1)[1].strip() or name.split(",", 1)[0].strip()
    return name.split()[0] if name.split() else ""


def estimate_for(agreement: Agreement, item: ScopeItem | None, default_estimate_hours: float | None) -> float | None:
    """The clause's own estimate, else the agreement's, else the workspace default, else None."""
    for hours in (item.estimate_hours if item else None, agreement.estimate_hours, default_estimate_hours):
        if hours is not None and hours > 0:
            return float(hours)
    return None


def _money(hours: float, rate: Decimal) -> Decimal:
    return (Decimal(str(hours)) * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _limit_text(item: ScopeItem | None, language: str, template_dirs: list[Path] = ()) -> str | None:
    """"2 trips per month", "3 posts per week, up to 60 minutes each": the unit agrees with its
    number in either language (left out in Dutch when its plural is not known)."""
    if item is None or (item.limit is None and item.each is None):
        return None
    each = None
    if item.each is not None:
        each = {"en": f"up to {item.each.size} each", "nl": f"tot {item.each.size} per stuk"}[language]
    if item.limit is None:
        return each
    per = {
        "en": {"week": "per week", "month": "per month", "quarter": "per quarter", "year": "per year", "project": "in total"},
        "nl": {"week": "per week", "month": "per maand", "quarter": "per kwartaal", "year": "per jaar", "project": "in totaal"},
    }[language].get(item.limit.per, f"per {item.limit.per}")
    return f"{wording.counted(item.limit.count, item.limit.unit, language, template_dirs)} {per}" + (f", {each}" if each else "")


def _group_by_clause(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Requests against the same clause share one sentence: "You asked: "A" and "B". We agreed ..."."""
    groups: dict[tuple, dict[str, Any]] = {}
    for it in items:
        key = (it["scope_item"], it["clause"])
        if key not in groups:
            groups[key] = dict(it, evidences=[], finding_ids=[])
        g = groups[key]
        if it["evidence"] not in g["evidences"]:
            g["evidences"].append(it["evidence"])
        g["finding_ids"].append(it["finding_id"])
        g.setdefault("members", []).append(it)
        g["dated"] = g.get("dated", False) or it["dated"]  # any of its sentences names a moment
        if it["category"] == "deadline":
            # The moment asked for, from all its sentences: "by Friday 27 February" wins over
            # "for Saturday the 28th" (the event it is for) wherever each stands.
            g["asked_when"] = wording.asked_when(" ".join(m["evidence_full"] for m in g["members"]), g["language"])
        if (it["cost"].amount or 0) > (g["cost"].amount or 0):
            g.update(cost=it["cost"], cost_text=it["cost_text"], amount=it["amount"], amount_text=it["amount_text"])
    return list(groups.values())


def _due_text(due: str | None, language: str) -> str | None:
    """An ISO due date as "6 March 2026" / "6 maart 2026"; free text ("every Thursday") as written."""
    if not due:
        return None
    try:
        day = date.fromisoformat(due.strip())
    except ValueError:
        return due
    return format_date(day, format="long", locale=babel_locale(language))


def _item_context(
    agreement: Agreement, df: DraftFinding, language: str, default_hours: float | None, evidence_words: int,
    names: list[str] = (), template_dirs: list[Path] = (), mail_text: str = "", register: str | None = None,
) -> dict[str, Any]:
    f = df.finding
    evidence = quoting.complete(f.evidence, mail_text) if f.part == "body" else f.evidence
    item = agreement.item(f.scope_item) if f.scope_item else None
    cost = wording.cost_of(agreement, item, f.category, default_hours, language)
    hours = estimate_for(agreement, item, default_hours)
    per = item.limit.per if item is not None and item.limit is not None else None
    # What the client reads: the item's client_text, else its description (never a note), and never
    # the client named as someone else ("written by Mark" to Mark). A kind the checklist says to ask
    # about first is no clause the client agreed to: plain new work.
    clause = None if f.scope_item_kind == "ask" else (item.wording if item else None) or f.scope_item_description
    if clause and not (item is not None and item.client_text):
        clause = quoting.for_client(clause, list(names), language, register)
    return {
        "finding_id": df.finding_id,
        "category": f.category,
        # The client's own words, whole sentences only: a cut quote reads as careless.
        "evidence": quoting.whole_sentences(evidence, evidence_words),
        "evidence_full": evidence,
        "scope_item": f.scope_item,
        "clause": clause,
        "clause_kind": (item.kind if item else None) or f.scope_item_kind,
        "limit_text": _limit_text(item, language, template_dirs),
        "limit_per": per,
        "periodic": per in ("week", "month", "quarter", "year"),
        "unit": item.limit.unit if item is not None and item.limit is not None else None,
        "due": item.due if item else None,
        "due_text": _due_text(item.due if item else None, language),
        "asked_when": wording.asked_when(f.evidence, language) if f.category == "deadline" else None,
        # Tied to a moment ("on Friday", "this week"): no "after our period" option for it.
        "dated": f.category == "deadline" or wording.asked_when(f.evidence, language) is not None,
        "language": language,
        "hours": hours,
        "hours_text": format_hours(hours, language) if hours is not None else None,
        "cost": cost,
        "cost_text": cost.text,
        "amount": cost.amount,
        "amount_text": format_money(cost.amount, agreement.rate.currency if agreement.rate else "EUR", language)
        if cost.amount is not None else None,
    }


def _quote(original: ParsedMessage, language: str, tz: ZoneInfo | None = None) -> str:
    who = header_safe(original.sender_name, limit=120) or original.sender or (
        "the sender" if language == "en" else "de afzender"
    )
    loc = babel_locale(language)
    if original.date is not None:
        # The VA's local time ([digest] timezone): "07:55" for a mail sent 07:55 +0100 in Amsterdam.
        sent = original.date if original.date.tzinfo else original.date.replace(tzinfo=timezone.utc)
        local = sent.astimezone(tz or ZoneInfo("UTC"))
        day = format_date(local.date(), format="long", locale=loc)
        clock = format_time(local, format="HH:mm", tzinfo=local.tzinfo, locale=loc)
        head = f"On {day} at {clock}, {who} wrote:" if language == "en" else f"Op {day} om {clock} schreef {who}:"
    else:
        head = f"{who} wrote:" if language == "en" else f"{who} schreef:"
    lines = (original.body_text or original.new_text or "").replace("\r\n", "\n").replace("\r", "\n")
    quoted = [(">" + line if line.startswith(">") else "> " + line).rstrip() for line in lines.rstrip("\n").split("\n")]
    return head + "\n" + "\n".join(quoted) + "\n"


def render_change_request(
    agreement: Agreement,
    findings: list[DraftFinding],
    original: ParsedMessage,
    *,
    va_name: str,
    va_address: str,
    template_dirs: list[Path],
    default_estimate_hours: float | None = None,
    now: datetime | None = None,
    timezone_name: str | None = None,
) -> Draft:
    """One reply covering every out-of-scope finding of `original`, in the client's language."""
    findings = [df if isinstance(df, DraftFinding) else DraftFinding(*df) for df in findings]
    findings = [df for df in findings if df.finding.verdict == "out_of_scope"]
    if not findings:
        raise MessageError("no out-of-scope request in this message: there is nothing to draft a reply for")
    if not original.sender:
        raise MessageError("the message has no usable sender address, so a reply cannot be addressed")
    # Client text from a ledger written before parsing stripped it may still carry terminal escapes.
    # Bidi controls neither: a reply quotes the client's words, not their direction tricks.
    original = replace(original, subject=_clean(original.subject), sender_name=_clean(original.sender_name),
                       new_text=_clean(original.new_text), body_text=_clean(original.body_text))

    # One language per reply: the agreement's (its clauses are written in it); the client's own
    # words are quoted as they are.
    language = agreement.language if agreement.language in DRAFT_LANGUAGES else "en"
    register = dutch_register(original.new_text) if language == "nl" else None
    evidence_words = _MAX_EVIDENCE_WORDS
    names = quoting.names_of(original.sender_name)
    items = [_item_context(agreement, df, language, default_estimate_hours, evidence_words, names, template_dirs,
                           original.new_text, register) for df in findings]
    sections = []
    for category in CATEGORIES:
        members = [it for it in items if it["category"] == category]
        if members:
            sections.append({"category": category, "requests": members, "groups": _group_by_clause(members)})
    # A category detect may add later still gets a reply, phrased as new work.
    stray = [it for it in items if it["category"] not in CATEGORIES]
    if stray:
        sections.append({"category": "new_work", "requests": stray, "groups": _group_by_clause(stray)})

    rate = agreement.rate
    # One sentence judged against two clauses is still one piece of work: estimate it once.
    per_sentence: dict[tuple, float | None] = {}
    for df, it in zip(findings, items):
        span = (df.finding.part, df.finding.start, df.finding.end, df.finding.evidence)
        hours = it["hours"]
        if span not in per_sentence or (hours is not None and (per_sentence[span] or 0) < hours):
            per_sentence[span] = hours
    all_hours = list(per_sentence.values())
    total_hours = sum(all_hours) if all(h is not None for h in all_hours) else None
    # One cost per request the reply names: sentences asking for the same thing under one clause
    # (a group) cost once, and a sentence already priced under another clause is not priced again.
    costs: list[wording.Cost] = []
    counted: set[str] = set()
    groups = [g for section in sections for g in section["groups"]]
    for g in groups:
        if set(g["evidences"]) <= counted:
            continue
        counted.update(g["evidences"])
        costs.append(g["cost"])
    amount = (sum((c.amount for c in costs), Decimal("0"))
              if costs and all(c.amount is not None for c in costs) else None)
    tone, opening_line = wording.opening(original.new_text, language, register, template_dirs,
                                         original.message_id or original.content_hash or original.subject or "")
    per_text = {"en": {"hour": "per hour", "day": "per day", "project": "for the project"},
                "nl": {"hour": "per uur", "day": "per dag", "project": "voor het project"}}[language]
    context = {
        "language": language,
        "formal": register == "u",
        "register": register,
        "client_name": header_safe(original.sender_name, limit=120),
        "client_first_name": first_name(original.sender_name),
        "client": agreement.client,
        "project": agreement.project,
        "agreement": agreement,
        # The agreed work as the client reads it (client_text, never the client named as someone else).
        "deliverables": [w for w in (d.client_text or quoting.for_client(d.description, names, language, register)
                                     for d in agreement.deliverables) if w],
        "deliverables_limit": 3,  # how many deliverables a "that is new work" sentence names
        "sections": sections,
        "items": items,
        # One request (one clause, however many sentences ask it) gets a paragraph; more, a list.
        "single": len(groups) == 1,
        "total_hours": total_hours,
        "total_hours_text": format_hours(total_hours, language) if total_hours is not None else None,
        "rate_text": (f"{format_money(rate.amount, rate.currency, language)} {per_text.get(rate.per, rate.per)}"
                      if rate else None),
        "hourly_rate_text": format_money(rate.amount, rate.currency, language) if rate and rate.per == "hour" else None,
        "amount": amount,
        "amount_text": format_money(amount, rate.currency if rate else "EUR", language) if amount is not None else None,
        "total_text": wording.total(costs, rate, language),
        "tone": tone,
        "opening": opening_line,
        "period_end": agreement.period.end,
        "period_end_text": (format_date(agreement.period.end, format="long", locale=babel_locale(language))
                            if agreement.period.end else None),
        "va_name": header_safe(va_name, limit=120),
        "subject": header_safe(original.subject),
    }
    env = templating.make_environment(template_dirs, for_client=True)
    names = [f"change_request.{language}.txt.j2"]
    template = templating.pick_template(env, names)
    body = templating.render(template, context).strip("\n")
    # A very long reply: quote less of each sentence (the whole mail is quoted below it anyway).
    if len(body.split()) >= WORD_LIMIT + 40 * max(0, len(per_sentence) - 1):
        context["deliverables_limit"] = 2
        for it in items:
            it["evidence"] = quoting.whole_sentences(it["evidence_full"], 14)
        for section in sections:
            section["groups"] = _group_by_clause(section["requests"])
        body = templating.render(template, context).strip("\n")
    if not body.strip():
        raise TemplateError(f"template {template.filename}: rendered an empty reply")
    body = drop_bidi(body)
    text = _clean(body + "\n\n" + _quote(original, language, _zone(timezone_name)))  # evidence quotes the client too

    sender = _address(va_name, va_address, "the VA's", ConfigError)
    recipient = _address(original.sender_name, original.sender, "the client's", MessageError)
    domain = sender.domain or "localhost"
    message_id = make_msgid(domain=domain)
    when = now or datetime.now(timezone.utc)
    if when.tzinfo is None:
        when = when.astimezone()

    msg = EmailMessage(policy=policy.default)
    msg["From"] = sender
    msg["To"] = recipient
    msg["Subject"] = reply_subject(original.subject)
    msg["Date"] = format_datetime(when)
    msg["Message-ID"] = message_id
    parent = _msgid(original.message_id)
    chain = [m for m in (_msgid(r) for r in original.references) if m]
    if parent:
        msg["In-Reply-To"] = parent
        chain.append(parent)
    if chain:
        chain = list(dict.fromkeys(chain))
        if len(chain) > _MAX_REFERENCES:  # keep the thread's root and the most recent ones
            chain = chain[:1] + chain[-(_MAX_REFERENCES - 1):]
        msg["References"] = " ".join(chain)
    msg["Content-Language"] = language
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")

    return Draft(
        message=msg,
        text=text,
        html=None,
        estimate_hours=total_hours,
        amount=amount,
        language=language,
        message_id=message_id,
        finding_ids=[df.finding_id for df in findings],
        to=str(recipient),
        subject=str(msg["Subject"]),
        reply=body,
    )


def _clean(text: str) -> str:
    return drop_bidi(strip_controls(text))


def _zone(name: str | None) -> ZoneInfo:
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def draft_bytes(draft: Draft) -> bytes:
    """The draft as RFC 5322 bytes with CRLF line ends, for IMAP APPEND to Drafts."""
    return draft.message.as_bytes(policy=policy.SMTP)


def words_before_quote(draft: Draft) -> int:
    """How many words the reply itself has (the quoted mail not counted)."""
    return len(draft.reply.split())

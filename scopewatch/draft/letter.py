"""The client's copy of the agreement, "What we agreed": a plain-text letter in the agreement's
language from `templates/letter.<lang>.txt.j2`, every sentence built from the agreement (what is
delivered, by when and how much, what the client supplies, what is not included, when the work is
done, how an extra request is handled and priced). After an amendment or an edit, the next letter
opens with what changed since the last one. It goes into Drafts once per agreement version."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, datetime, timezone
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any

from babel.dates import format_date

from scopewatch.agreement.diff import Change, changes
from scopewatch.agreement.model import Agreement, Period, Rate, ScopeItem
from scopewatch.draft import templating
from scopewatch.draft.render import DRAFT_LANGUAGES, _address, _due_text, _limit_text, babel_locale, format_hours, \
    format_money, header_safe
from scopewatch.errors import ConfigError, MessageError, TemplateError
from scopewatch.parse.controls import strip_controls

CATEGORIES = ("new_work", "excluded", "quantity", "deadline", "client_duty")


@dataclass
class Letter:
    """A rendered letter: `text` is the whole body; `changes` what it says changed."""

    message: EmailMessage
    text: str
    subject: str
    to: str
    language: str
    message_id: str
    changes: list[Change] = field(default_factory=list)

    def as_bytes(self) -> bytes:
        return self.message.as_bytes(policy=policy.SMTP)


def recipient(agreement: Agreement) -> str:
    """The client's own address: the first contact that is an address, not an @domain."""
    for contact in agreement.contacts:
        if not contact.startswith("@"):
            return contact
    raise MessageError(f"client '{agreement.client_id}' has only @domains in contacts: add the client's own "
                       f"address to contacts: so the letter can be addressed")


def _day(value: date | None, language: str) -> str | None:
    return format_date(value, format="long", locale=babel_locale(language)) if value else None


def _due(item: ScopeItem, language: str) -> str | None:
    """"by 20 February 2026" for a date, the VA's own words ("every Thursday") otherwise."""
    if not item.due:
        return None
    text = _due_text(item.due, language)
    if text != item.due:  # it was a date
        return ("uiterlijk " if language == "nl" else "by ") + text
    return text


def sentence(text: str | None) -> str:
    """The VA's text as a sentence: a full stop added where it has none."""
    text = (text or "").strip()
    return text if not text or text[-1] in ".!?:;)\"'" else text + "."


def _plural(unit: str) -> str:
    """"trip" -> "trips" for an English count above one ("2 trip per month" reads wrong)."""
    if unit.endswith("s"):
        return unit
    if unit.endswith("y") and unit[-2:-1] not in "aeiou":
        return unit[:-1] + "ies"
    return unit + "s"


def _detail(item: ScopeItem, language: str) -> str:
    """How much and by when, in one phrase: "3 per week, every Thursday"."""
    if language == "en" and item.limit and item.limit.unit and item.limit.count != 1:
        item = replace(item, limit=replace(item.limit, unit=_plural(item.limit.unit)))
    return ", ".join(p for p in (_limit_text(item, language), _due(item, language)) if p)


def _money(amount, rate: Rate | None, language: str) -> str:
    return format_money(amount, rate.currency if rate else "EUR", language)


def _rate_text(rate: Rate | None, language: str) -> str | None:
    if rate is None:
        return None
    per = {"en": {"hour": "per hour", "day": "per day", "project": "for the project"},
           "nl": {"hour": "per uur", "day": "per dag", "project": "voor het project"}}[language]
    return f"{_money(rate.amount, rate, language)} {per.get(rate.per, rate.per)}"


def _period_text(period: Period, language: str) -> dict[str, str | None]:
    return {"start": _day(period.start, language), "end": _day(period.end, language)}


def _estimate_text(hours: float | None, days: float | None, price, rate: Rate | None, language: str) -> str | None:
    if price is not None:
        return _money(price, rate, language)
    if days is not None:
        n = f"{days:g}".replace(".", ",") if language == "nl" else f"{days:g}"
        return f"{n} {'dag' if days == 1 else 'dagen'}" if language == "nl" else f"{n} day{'s' if days != 1 else ''}"
    if hours is not None:
        return format_hours(hours, language)
    return None


def _item(item: ScopeItem, agreement: Agreement, language: str) -> dict[str, Any]:
    return {
        "id": item.id, "text": item.wording, "detail": _detail(item, language), "due_text": _due(item, language),
        "limit_text": _limit_text(item, language),
        "price_text": _estimate_text(item.estimate_hours, item.estimate_days, item.price, agreement.rate, language),
    }


def _change(c: Change, agreement: Agreement, old_agreement: Agreement, language: str) -> dict[str, Any]:
    """One change in words the template puts in a sentence."""
    out: dict[str, Any] = {"how": c.how, "section": c.section}
    if c.section in ("deliverables", "exclusions", "client_provides"):
        for side, item, owner in (("old", c.old, old_agreement), ("new", c.new, agreement)):
            if item is not None:
                out[f"{side}_text"] = item.wording
                out[f"{side}_detail"] = _detail(item, language)
                out[f"{side}_price"] = _estimate_text(item.estimate_hours, item.estimate_days, item.price, owner.rate,
                                                      language)
        out["text"] = (c.new or c.old).wording
    elif c.section == "amendments":
        am = c.new or c.old
        out.update(text=am.description, date_text=_day(am.date, language))
    elif c.section == "checklist":
        out["text"] = (c.new or c.old).label
        out["old_answer"] = c.old.answer if c.old else None
        out["new_answer"] = c.new.answer if c.new else None
    elif c.section == "period":
        out["old"], out["new"] = _period_text(c.old, language), _period_text(c.new, language)
    elif c.section == "rate":
        out["old_text"], out["new_text"] = _rate_text(c.old, language), _rate_text(c.new, language)
    else:
        out["old_text"], out["new_text"] = c.old, c.new
    return out


_ANSWER_SECTION = {"included": "deliverable", "excluded": "exclusion", "client": "client_provides"}


def _said_by_items(agreement: Agreement, links: dict | None) -> dict[str, set[str]]:
    """Per checklist answer, the kinds of work an item written out already says the same about
    ("Betaalde advertenties en campagnes" under exclusions covers paid-ads: not said twice)."""
    out: dict[str, set[str]] = {answer: set() for answer in _ANSWER_SECTION}
    for answer, kind in _ANSWER_SECTION.items():
        for item in agreement.items():
            if item.kind != kind or item.id.startswith("checklist:"):
                continue
            link = (links or {}).get(item.id)
            out[answer].update(item.kinds or (link.whole if link is not None else ()))
    return out


def letter_context(agreement: Agreement, *, previous: Agreement | None = None, previous_date: date | None = None,
                   va_name: str = "", register: str | None = None,
                   links: dict | None = None) -> tuple[dict[str, Any], list[Change]]:
    """What the letter template is given; and the changes since `previous` (the version the client
    was last sent, on `previous_date`). `links` (detect/links.py) are the items' kinds of work, so a
    checklist line an item already says is left out."""
    a = agreement
    language = a.language if a.language in DRAFT_LANGUAGES else "en"
    found = changes(previous, a) if previous is not None else []
    said = _said_by_items(a, links)
    by_answer = {answer: [line.label for line in a.checklist if line.answer == answer
                          and line.kind not in said.get(answer, ())]
                 for answer in ("included", "excluded", "client", "ask")}
    estimates = []
    for cat in CATEGORIES:
        e = a.estimates.get(cat)
        text = _estimate_text(e.hours, e.days, e.price, a.rate, language) if e else None
        if text:
            estimates.append({"category": cat, "text": text})
    context = {
        "language": language,
        "formal": register == "u",
        "client": a.client,
        "project": a.project,
        "goal": a.goal,
        "period": _period_text(a.period, language),
        "deliverables": [_item(i, a, language) for i in a.deliverables],
        "amendments": [{"text": am.description, "date_text": _day(am.date, language)} for am in a.amendments],
        "included_kinds": by_answer["included"],
        "client_provides": [_item(i, a, language) for i in a.client_provides],
        "client_kinds": by_answer["client"],
        "exclusions": [_item(i, a, language) for i in a.exclusions],
        "excluded_kinds": by_answer["excluded"],
        "ask_kinds": by_answer["ask"],
        "acceptance": a.acceptance,
        "change_policy": a.change_policy,
        "rate_text": _rate_text(a.rate, language),
        "estimate_text": _estimate_text(a.estimate_hours, None, None, a.rate, language),
        "estimates": estimates,
        "changes": [_change(c, a, previous, language) for c in found],
        "previous_date_text": _day(previous_date, language),
        "va_name": header_safe(va_name, limit=120),
    }
    return context, found


def render_letter(agreement: Agreement, *, va_name: str, va_address: str, template_dirs: list[Path],
                  previous: Agreement | None = None, previous_date: date | None = None, register: str | None = None,
                  now: datetime | None = None, links: dict | None = None) -> Letter:
    """The letter as an e-mail from the VA to the client's address, ready for Drafts."""
    context, found = letter_context(agreement, previous=previous, previous_date=previous_date, va_name=va_name,
                                    register=register, links=links)
    language = context["language"]
    env = templating.make_environment(template_dirs)
    env.filters["sentence"] = sentence
    env.filters["first_upper"] = lambda text: (text[:1].upper() + text[1:]) if text else ""  # "SEO" stays SEO
    template = templating.pick_template(env, [f"letter.{language}.txt.j2"])
    rendered = templating.render(template, context).strip("\n")
    head, sep, body = rendered.partition("\n\n")
    if not sep or not head.lower().startswith(("subject:", "onderwerp:")):
        raise TemplateError(f"template {template.filename}: the first line must be 'Subject: ...' and then a blank line")
    subject = header_safe(head.split(":", 1)[1].strip())
    text = strip_controls(body.strip("\n")) + "\n"
    if not text.strip():
        raise TemplateError(f"template {template.filename}: rendered an empty letter")
    sender = _address(va_name, va_address, "the VA's", ConfigError)
    to = _address(None, recipient(agreement), "the client's", MessageError)
    message_id = make_msgid(domain=sender.domain or "localhost")
    when = now or datetime.now(timezone.utc)
    msg = EmailMessage(policy=policy.default)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = format_datetime(when if when.tzinfo else when.astimezone())
    msg["Message-ID"] = message_id
    msg["Content-Language"] = language
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    return Letter(msg, text, subject, str(to), language, message_id, found)


# --- into the mailbox, once per agreement version ----------------------------------------------------


@dataclass
class LetterOutcome:
    text: str  # the letter's body
    subject: str
    to: str
    message_id: str
    changes: list[Change]  # what it says changed (empty for a stored letter shown again)
    appended: bool = False  # put into Drafts now
    created: bool = False  # made now (False: this agreement version had its letter already)
    folder: str | None = None  # where it is in the mailbox (None: kept in scopewatch only)
    account: str = ""


def _previous(ledger, agreement: Agreement, scopes_dir: Path) -> tuple[Agreement | None, date | None]:
    """The agreement as the client was last sent it, and when (None, None before any letter)."""
    from scopewatch.agreement.load import workspace_labels
    from scopewatch.agreement.validate import check_agreement_text
    from scopewatch.store import letters

    found = letters.previous_letter(ledger, agreement.client_id, agreement.content_hash)
    if found is None:
        return None, None
    record, version = found
    old, _problems, _ = check_agreement_text(version.source_text, "earlier version", agreement.client_id, None,
                                            workspace_labels(scopes_dir))
    return old, record.created_at.date() if old is not None else None


def make_letter(ledger, workspace, client_id: str, va, *, register: str | None = None,
                now: datetime | None = None, pipelines=None) -> Letter:
    """The letter for the client's agreement as it is now, with what changed since the last one
    the ledger holds. `register` ("u" or "je", Dutch) defaults to how the client last wrote."""
    from scopewatch.draft.render import dutch_register
    from scopewatch.errors import NotFoundError
    from scopewatch.store import letters

    agreement = workspace.agreements.get(client_id)
    if agreement is None:
        known = ", ".join(sorted(workspace.agreements)) or "none"
        raise NotFoundError(f"no agreement for client '{client_id}' (known clients: {known})")
    if register is None and agreement.language == "nl":
        mail = letters.client_mail(ledger, client_id)
        register = dutch_register(mail[1] or "") if mail else "je"
    previous, when = _previous(ledger, agreement, workspace.scopes_dir)
    links = None
    if agreement.checklist:
        from scopewatch.detect.links import agreement_links
        from scopewatch.detect.nlp import Pipelines

        links = agreement_links(agreement, workspace.catalogue(), pipelines or Pipelines())
    return render_letter(agreement, va_name=va.name, va_address=va.address, template_dirs=workspace.template_dirs(),
                         previous=previous, previous_date=when, register=register, now=now, links=links)


def letter_into_drafts(ledger, workspace, client_id: str, va, *, account: str, source: Any = None,
                       who: str = "scopewatch", register: str | None = None) -> LetterOutcome:
    """Put the letter of the agreement's current version into the mailbox's Drafts ONCE: made and
    stored the first time, appended when it is not there yet (a crash between the append and the
    ledger is recognised by its Message-ID); without a `source` it is kept in the ledger only."""
    from scopewatch.draft.service import _drafts_folder, body_text
    from scopewatch.errors import ScopewatchError
    from scopewatch.store import letters

    agreement = workspace.agreements.get(client_id)
    letter = make_letter(ledger, workspace, client_id, va, register=register)
    version = letters.record_version(ledger, agreement)
    record, created = letters.claim_letter(
        ledger, client_id=client_id, version_id=version.id, message_id=letter.message_id, account=account,
        language=letter.language, to=letter.to, subject=letter.subject, raw=letter.as_bytes(), who=who)
    appended = False
    if source is not None and not record.in_mailbox:
        try:
            folder = _drafts_folder(source)
            if not source.find_header(folder, "Message-ID", record.message_id):
                folder = source.append_draft(record.raw) or folder
                appended = True
            record = letters.mark_letter_appended(ledger, record.id, folder)
        except ScopewatchError:
            if created:
                letters.forget_letter(ledger, record.id)  # nothing reached the mailbox: start clean next time
            raise
    return LetterOutcome(body_text(record.raw), record.subject, record.to, record.message_id,
                         letter.changes if created else [], appended, created, record.folder, record.account)

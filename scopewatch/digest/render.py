"""Renders the VA's digest to plain text and HTML (`digest.txt.j2` / `digest.html.j2`, Dutch
`digest.nl.*`) and wraps both into one multipart/alternative e-mail."""

from __future__ import annotations

from datetime import datetime, timezone
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime, make_msgid
from pathlib import Path
from typing import Any, Sequence

from babel.dates import format_date, format_datetime as babel_datetime

from scopewatch.agreement.model import BrokenAgreement
from scopewatch.digest.model import ClientDigest, Digest, DigestItem, IncompleteMail, Silence, is_empty
from scopewatch.draft import templating
from scopewatch.draft.render import babel_locale, format_money, header_safe
from scopewatch.errors import ConfigError

__all__ = ["render_digest", "build_digest_message", "digest_subject", "compose_digest", "is_empty"]

CATEGORY_LABELS = {
    "en": {
        "new_work": "new work",
        "excluded": "excluded by the agreement",
        "quantity": "more than agreed",
        "deadline": "outside the agreed timing",
        "client_duty": "the client's own task",
        None: "out of scope",
    },
    "nl": {
        "new_work": "nieuw werk",
        "excluded": "uitgesloten in de afspraak",
        "quantity": "meer dan afgesproken",
        "deadline": "buiten de afgesproken planning",
        "client_duty": "taak van de klant",
        None: "buiten de afspraak",
    },
}
_PERIOD = {
    "en": {"week": "this week", "month": "this month", "quarter": "this quarter", "project": "in this project"},
    "nl": {"week": "deze week", "month": "deze maand", "quarter": "dit kwartaal", "project": "in dit project"},
}


def _lang(language: str) -> str:
    return "nl" if language == "nl" else "en"


def zone(name: str | None) -> ZoneInfo:
    """The VA's timezone ([digest] timezone); UTC when unset or unknown (config checks the name)."""
    try:
        return ZoneInfo(name or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def _when(value: datetime | None, language: str, tz: ZoneInfo | None = None) -> str | None:
    """A moment as the VA reads it: her local time in [digest] timezone."""
    if value is None:
        return None
    if value.tzinfo is None:
        value = value.replace(tzinfo=timezone.utc)
    return babel_datetime(value, format="d MMM yyyy HH:mm", tzinfo=tz or ZoneInfo("UTC"), locale=babel_locale(language))


def _silence(s: Silence, language: str, tz: ZoneInfo) -> str:
    where = f"{s.account}/{s.folder}"
    since = _when(s.since, language, tz)
    if language == "nl":
        if s.until is not None:
            return (f"scopewatch was stil voor {where} van {since} tot {_when(s.until, language, tz)}: "
                    "de mail van toen is bij de herstart alsnog gelezen.")
        if since is None:
            return f"scopewatch heeft {where} nog nooit gelezen: draait de service? (`scopewatch status` zegt waarom)"
        return f"scopewatch is stil: {where} is sinds {since} niet gelezen. Draait de service? (`scopewatch status` zegt waarom)"
    if s.until is not None:
        return (f"scopewatch was silent on {where} from {since} to {_when(s.until, language, tz)}: "
                "the mail of that time was read when it started again.")
    if since is None:
        return f"scopewatch has never read {where}: is the service running? (`scopewatch status` says why)"
    return f"The service is silent: scopewatch has not read {where} since {since}. Is it running? (`scopewatch status` says why)"


def _incomplete(m: IncompleteMail, language: str, tz: ZoneInfo) -> str:
    when = _when(m.date, language, tz)
    what = "; ".join(m.truncated)
    if language == "nl":
        return (f'Niet helemaal gelezen: "{m.subject}" van {m.sender}{", " + when if when else ""} ({what}). '
                "Een verzoek in het deel dat niet gelezen is, ziet scopewatch niet: kijk de mail zelf na.")
    return (f'Not read in full: "{m.subject}" from {m.sender}{", " + when if when else ""} ({what}). '
            "A request in the part not read is missed: read that mail yourself.")


def _broken(b: BrokenAgreement, language: str) -> str:
    if language == "nl":
        return (f"De afspraak {b.path} is niet te gebruiken: {b.reason}. Mail van {b.client_id} krijgt een fout "
                "in plaats van een oordeel tot je het bestand herstelt (`scopewatch scope lint`).")
    return (f"The agreement {b.path} cannot be used: {b.reason}. Mail from {b.client_id} gets an error verdict "
            "instead of a judgement until you fix the file (`scopewatch scope lint`).")


def _actions(item: DigestItem, fid: int) -> list[dict[str, str | None]]:
    """The VA's next steps for this request, by its status: each a `key` the templates label and the
    exact command, or no command when the step happens elsewhere (her Drafts folder, the client)."""
    accept, decline = f"scopewatch accept {fid}", f'scopewatch decline {fid} --reason "..."'
    if item.offer == "accept":
        steps = [("accept", accept), ("decline", decline)]
    elif item.offer == "decline":
        steps = [("decline", decline), ("accept", accept)]
    elif item.status == "new":
        steps = [("confirm", f"scopewatch confirm {fid}"), ("dismiss", f'scopewatch dismiss {fid} --reason "..."'),
                 ("see_draft", f"scopewatch draft {fid} --print")]
    elif item.status in ("confirmed", "drafted"):
        steps = [("send", f"scopewatch send {fid}")]
        # A draft in Drafts is edited (and may be sent) in the VA's own mail program.
        steps.append(("edit", None) if item.draft_ready else ("make_draft", f"scopewatch draft {fid}"))
    elif item.status == "sent":
        steps = [("waiting", None)]
    else:
        steps = []
    return [{"key": key, "command": command} for key, command in steps]


def _item(item: DigestItem, language: str, tz: ZoneInfo | None = None, base_url: str | None = None) -> dict[str, Any]:
    fid = int(item.finding_id)
    return {
        "id": fid,
        # The finding's page on the review page ([web] base_url); None without one.
        "url": f"{base_url.rstrip('/')}/finding/{fid}" if base_url else None,
        "evidence": " ".join((item.evidence or "").split()),
        "category": item.category,
        "category_label": CATEGORY_LABELS[language].get(item.category, item.category or CATEGORY_LABELS[language][None]),
        "scope_item": item.scope_item,
        "clause": item.scope_item_description,
        "confidence_pct": round(max(0.0, min(1.0, float(item.confidence))) * 100),
        "subject": header_safe(item.subject, limit=160),
        "sender": header_safe(item.sender, limit=160),
        "date_text": _when(item.date, language, tz),
        "draft_ready": item.draft_ready,
        "rules": list(item.rules),
        "status": item.status,
        "offer": item.offer,
        "offer_phrase": " ".join((item.offer_phrase or "").split()) or None,
        "actions": _actions(item, fid),
        # The finding id is an int, so these commands cannot carry client text into a shell.
        "confirm": f"scopewatch confirm {fid}",
        "dismiss": f'scopewatch dismiss {fid} --reason "..."',
        "draft": f"scopewatch draft {fid} --print",
    }


def _client(c: ClientDigest, language: str, tz: ZoneInfo | None = None, base_url: str | None = None) -> dict[str, Any]:
    labels = CATEGORY_LABELS[language]
    totals = [
        {"category": cat, "label": labels.get(cat, cat), "count": n}
        for cat, n in sorted(c.totals.items(), key=lambda kv: (-kv[1], str(kv[0])))
        if n
    ]
    limits = [
        {
            "item_id": lu.item_id,
            "description": lu.description,
            "period": _PERIOD[language].get(lu.per, lu.per),
            "used": lu.used,
            "limit": lu.limit,
            "over": lu.over,
        }
        for lu in c.limits
    ]
    return {
        "id": c.client_id,
        "name": c.client_name,
        "flagged": [_item(i, language, tz, base_url) for i in c.flagged],
        "checks": [_item(i, language, tz, base_url) for i in c.checks],
        "answers": [_item(i, language, tz, base_url) for i in c.answers],
        "in_scope_count": c.in_scope_count,
        "totals": totals,
        "total_requests": sum(t["count"] for t in totals),
        "limits": limits,
        "extra_value_text": format_money(c.extra_value, c.currency, language) if c.extra_value else None,
        "unconfirmed_value_text": format_money(c.unconfirmed_value, c.currency, language) if c.unconfirmed_value else None,
    }


def _local(value: datetime, tz: ZoneInfo) -> datetime:
    return (value if value.tzinfo else value.replace(tzinfo=timezone.utc)).astimezone(tz)


def digest_context(digest: Digest, language: str = "en") -> dict[str, Any]:
    """The values the digest templates see (also handy for a user's own template)."""
    language = _lang(language)
    tz = zone(digest.timezone)
    clients = [_client(c, language, tz, digest.base_url) for c in digest.clients if c.has_news]
    return {
        "language": language,
        "va_name": digest.va_name,
        "generated_at": digest.generated_at,
        "generated_text": format_date(_local(digest.generated_at, tz), format="long", locale=babel_locale(language)),
        "since_text": _when(digest.since, language, tz),
        "silent": [_silence(s, language, tz) for s in digest.silent],
        "incomplete": [_incomplete(m, language, tz) for m in digest.incomplete],
        "broken": [_broken(b, language) for b in digest.broken],
        "clients": clients,
        "flagged_count": sum(len(c["flagged"]) for c in clients),
        "check_count": sum(len(c["checks"]) for c in clients),
        "answer_count": sum(len(c["answers"]) for c in clients),
        "subject": digest_subject(digest, language),
        "base_url": digest.base_url,
    }


def render_digest(digest: Digest, template_dirs: Sequence[Path], *, language: str = "en") -> tuple[str, str]:
    """(plain text, HTML) of the digest, in the VA's language (English unless "nl")."""
    language = _lang(language)
    env = templating.make_environment(template_dirs)
    context = digest_context(digest, language)
    out = []
    for kind in ("txt", "html"):
        names = [f"digest.{language}.{kind}.j2", f"digest.{kind}.j2"] if language != "en" else [f"digest.{kind}.j2"]
        out.append(templating.render(templating.pick_template(env, names), context))
    return out[0], out[1]


def digest_subject(digest: Digest, language: str = "en") -> str:
    """A subject that says what is waiting: "scopewatch: 3 requests outside scope (1 to check)"."""
    language = _lang(language)
    flagged = sum(len(c.flagged) for c in digest.clients)
    checks = sum(len(c.checks) for c in digest.clients)
    answers = sum(len(c.answers) for c in digest.clients)
    clients = sum(1 for c in digest.clients if c.has_news)
    if language == "nl":
        parts = [f"{flagged} {'verzoek' if flagged == 1 else 'verzoeken'} buiten de afspraak"] if flagged or not answers else []
        if answers:
            parts.append(f"{answers} {'antwoord' if answers == 1 else 'antwoorden'} van klanten te verwerken")
        s = f"scopewatch: {' en '.join(parts)} bij {clients} {'klant' if clients == 1 else 'klanten'}"
        if checks:
            s += f" ({checks} te controleren)"
    else:
        parts = [f"{flagged} {'request' if flagged == 1 else 'requests'} outside scope"] if flagged or not answers else []
        if answers:
            parts.append(f"{answers} client {'answer' if answers == 1 else 'answers'} to record")
        s = f"scopewatch: {' and '.join(parts)} for {clients} {'client' if clients == 1 else 'clients'}"
        if checks:
            s += f" ({checks} to check)"
    return s


def build_digest_message(text: str, html: str, *, to: str, from_: str, subject: str) -> EmailMessage:
    """A multipart/alternative e-mail: plain text first, HTML preferred by clients that show it."""
    msg = EmailMessage(policy=policy.default)
    try:
        msg["From"] = header_safe(from_, limit=320)
        msg["To"] = header_safe(to, limit=2000)
    except (ValueError, IndexError) as exc:
        raise ConfigError(f"digest address is not usable: {exc}") from None
    if not msg["From"].addresses or not msg["To"].addresses:
        raise ConfigError(f"digest needs a sender and a recipient address (from {from_!r}, to {to!r})")
    msg["Subject"] = header_safe(subject, limit=200)
    msg["Date"] = format_datetime(datetime.now().astimezone())
    domain = msg["From"].addresses[0].domain or "localhost"
    msg["Message-ID"] = make_msgid(domain=domain)
    msg["Auto-Submitted"] = "auto-generated"  # RFC 3834: mail robots must not answer it
    msg.set_content(text, subtype="plain", charset="utf-8", cte="quoted-printable")
    msg.add_alternative(html, subtype="html", charset="utf-8", cte="quoted-printable")
    return msg


def compose_digest(
    digest: Digest, template_dirs: Sequence[Path], *, to: str, from_: str, language: str = "en"
) -> EmailMessage | None:
    """The digest e-mail ready to send, or None when there is nothing new to tell the VA."""
    if is_empty(digest):
        return None
    text, html = render_digest(digest, template_dirs, language=language)
    return build_digest_message(text, html, to=to, from_=from_, subject=digest_subject(digest, language))

"""The words of a change request that depend on the mail and the agreement: the opening that
answers what the client wrote (`templates/openings.yaml`), the cost of each request (hours, days or
a fixed price at the agreed rate, with totals), and the date the client asked for."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Sequence

import yaml

from scopewatch.agreement.model import Agreement, Rate, ScopeItem
from scopewatch.errors import TemplateError

HOURS_PER_DAY = 8  # how a day rate prices an estimate given in hours (and the other way round)
OPENINGS_FILE = "openings.yaml"


# --- openings ------------------------------------------------------------------------------------

_openings_cache: dict[str, dict] = {}


def _openings(template_dirs: Sequence[Path]) -> dict:
    from scopewatch import resources

    for folder in [*template_dirs, resources.templates_dir()]:
        path = Path(folder) / OPENINGS_FILE
        if path.is_file():
            key = str(path)
            if key not in _openings_cache:
                try:
                    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                except (OSError, yaml.YAMLError) as exc:
                    raise TemplateError(f"{path}: cannot be read as YAML ({exc})") from None
                if not isinstance(data, dict):
                    raise TemplateError(f"{path}: expected languages (en:, nl:) with tones under them")
                _openings_cache[key] = data
            return _openings_cache[key]
    raise TemplateError(f"no {OPENINGS_FILE} in {', '.join(map(str, template_dirs))}")


def opening(new_text: str, language: str, register: str | None, template_dirs: Sequence[Path],
            seed: str) -> tuple[str, str]:
    """(tone, line): the first tone whose cue is in the client's words, one of its lines picked by
    `seed` (the mail's id: the same mail always gets the same line, different mails vary)."""
    table = _openings(template_dirs).get(language) or {}
    text = new_text or ""
    chosen = "plain"
    for tone, spec in table.items():
        cues = (spec or {}).get("cues") or []
        try:
            if any(re.search(c, text, re.IGNORECASE) for c in cues):
                chosen = tone
                break
        except re.error as exc:
            raise TemplateError(f"{OPENINGS_FILE}: {language}.{tone}: a cue is not a valid pattern ({exc})") from None
    spec = table.get(chosen) or {}
    lines = spec.get(register or "lines") or spec.get("lines") or spec.get("je") or []
    if not lines:
        return chosen, ""
    n = int(hashlib.sha256(seed.encode("utf-8", "replace")).hexdigest()[:8], 16)
    return chosen, str(lines[n % len(lines)])


# --- costs ---------------------------------------------------------------------------------------


@dataclass
class Cost:
    """The estimate of one request: its size (hours or days) and its money at the agreed rate."""

    hours: float | None = None
    days: float | None = None
    price: Decimal | None = None  # a fixed price
    amount: Decimal | None = None  # what it costs the client, when known
    text: str | None = None  # "about 1 day × £280.00 = £280.00", "€ 150,00 (vaste prijs)"


def _money(value: Decimal) -> Decimal:
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def cost_of(agreement: Agreement, item: ScopeItem | None, category: str | None,
            default_hours: float | None, language: str) -> Cost:
    """A request's cost. A rush (deadline) is priced by the agreement's `estimates: deadline:`
    (the item's own estimate is the work, not the rush); otherwise the clause's own price, days or
    hours come first, then `estimates:` for the category, then the agreement's and the workspace's
    default hours."""
    from scopewatch.draft.render import format_hours, format_money

    sources = []
    if category != "deadline" and item is not None:
        sources.append((item.price, item.estimate_days, item.estimate_hours))
    est = agreement.estimates.get(category or "")
    if est is not None:
        sources.append((est.price, est.days, est.hours))
    if category != "deadline":
        sources.append((None, None, agreement.estimate_hours))
        sources.append((None, None, default_hours))
    price = days = hours = None
    for p, d, h in sources:
        if p or d or h:
            price, days, hours = p, d, h
            break
    rate = agreement.rate
    if price:
        price = _money(Decimal(price))
        cur = rate.currency if rate else "EUR"
        fixed = "vaste prijs" if language == "nl" else "fixed price"
        return Cost(price=price, amount=price, text=f"{format_money(price, cur, language)} ({fixed})")
    if not days and not hours:
        return Cost()
    about = "ongeveer" if language == "nl" else "about"
    if rate is not None and rate.per == "day":
        days = days or round(hours / HOURS_PER_DAY, 2)
        return _priced(days, rate, format_days(days, language), about, language)
    hours = hours or days * HOURS_PER_DAY
    if rate is not None and rate.per == "hour":
        return _priced(hours, rate, format_hours(hours, language), about, language, hours=True)
    return Cost(hours=hours, text=f"{about} {format_hours(hours, language)}")


def _priced(size: float, rate: Rate, size_text: str, about: str, language: str, *, hours: bool = False) -> Cost:
    from scopewatch.draft.render import format_money

    amount = _money(Decimal(str(size)) * rate.amount)
    text = (f"{about} {size_text} × {format_money(rate.amount, rate.currency, language)} = "
            f"{format_money(amount, rate.currency, language)}")
    return Cost(hours=size if hours else None, days=None if hours else size, amount=amount, text=text)


def format_days(days: float, language: str) -> str:
    from babel.numbers import format_decimal

    from scopewatch.draft.render import babel_locale

    number = format_decimal(days, format="#,##0.##", locale=babel_locale(language))
    if language == "nl":
        return f"{number} dag" if days == 1 else f"{number} dagen"
    return f"{number} day" if days == 1 else f"{number} days"


def total(costs: list[Cost], rate: Rate | None, language: str) -> str | None:
    """The sum of several requests' money, when every one of them is priced."""
    from scopewatch.draft.render import format_money

    if len(costs) < 2 or any(c.amount is None for c in costs):
        return None
    return format_money(sum((c.amount for c in costs), Decimal("0")), rate.currency if rate else "EUR", language)


# --- the date a client asks for -------------------------------------------------------------------

_MONTHS = {
    "en": "january|february|march|april|may|june|july|august|september|october|november|december",
    "nl": "januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december",
}
_DAYS = {
    "en": "monday|tuesday|wednesday|thursday|friday|saturday|sunday",
    "nl": "maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag",
}
_WHEN = {
    # "by"/"before" name the deadline itself; "on"/"for" may be the event it is for: looked for last.
    "en": [
        r"\b(?:by|before)\s+(?:(?:this|next)\s+)?(?:{days})(?:\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:{months}))?)?",
        r"\b(?:by|before)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:{months}))?",
        r"\b(?:by\s+)?tomorrow(?:\s+(?:morning|afternoon|evening|night))?", r"\bby\s+(?:tonight|today|the weekend)\b",
        r"\b(?:on|for)\s+(?:(?:this|next)\s+)?(?:{days})(?:\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:{months}))?)?",
        r"\b(?:on|for)\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:{months}))?",
        r"\b(?:this|next)\s+(?:{days}|week)\b", r"\b(?:{days})\s+\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{months})",
        r"\btonight\b", r"\btoday\b", r"\b(?:this|next)\s+weekend\b",
    ],
    "nl": [
        r"\b(?:voor|op|uiterlijk|vóór)\s+(?:deze\s+|volgende\s+)?(?:{days})(?:\s+\d{{1,2}}(?:\s+(?:{months}))?)?",
        r"\b(?:voor|op|uiterlijk|vóór)\s+\d{{1,2}}\s+(?:{months})", r"\b(?:deze|volgende)\s+(?:{days}|week)\b",
        r"\bmorgen(?:ochtend|middag|avond)?\b", r"\bvanavond\b", r"\bvandaag\b", r"\bdit weekend\b",
    ],
}


def asked_when(evidence: str, language: str) -> str | None:
    """The moment the client asks for, in their words ("by Friday 27 February"), if they named one."""
    lang = language if language in _WHEN else "en"
    for pattern in _WHEN[lang]:
        m = re.search(pattern.format(days=_DAYS[lang], months=_MONTHS[lang]), evidence or "", re.IGNORECASE)
        if m:
            return m.group(0).strip()
    return None

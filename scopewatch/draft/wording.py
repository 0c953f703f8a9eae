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

_yaml_cache: dict[str, dict] = {}


def _template_yaml(template_dirs: Sequence[Path], name: str, what: str) -> dict:
    """A YAML file of draft wording (openings.yaml, plurals.yaml): the workspace's copy first."""
    from scopewatch import resources

    for folder in [*template_dirs, resources.templates_dir()]:
        path = Path(folder) / name
        if path.is_file():
            key = str(path)
            if key not in _yaml_cache:
                try:
                    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
                except (OSError, yaml.YAMLError) as exc:
                    raise TemplateError(f"{path}: cannot be read as YAML ({exc})") from None
                if not isinstance(data, dict):
                    raise TemplateError(f"{path}: expected languages (en:, nl:) with {what} under them")
                _yaml_cache[key] = data
            return _yaml_cache[key]
    raise TemplateError(f"no {name} in {', '.join(map(str, template_dirs))}")


def _openings(template_dirs: Sequence[Path]) -> dict:
    return _template_yaml(template_dirs, OPENINGS_FILE, "tones")


# --- counted things --------------------------------------------------------------------------------

PLURALS_FILE = "plurals.yaml"
_EN_ES = re.compile(r"(?:s|x|z|ch|sh)$")
_EN_IES = re.compile(r"[^aeiou]y$")
_NL_PLURAL = re.compile(r"(?:en|'s|s)$")


def plural(noun: str, language: str, template_dirs: Sequence[Path] = ()) -> str | None:
    """The plural of a one-word unit ("trip" -> "trips", "laag" -> "lagen"), or None when it cannot
    be written surely (a Dutch word not in plurals.yaml): then the draft leaves the unit out."""
    word = noun.strip()
    if not word or " " in word:
        return None
    table = (_template_yaml(template_dirs, PLURALS_FILE, "words").get(language) or {})
    known = table.get(word.lower())
    if known:
        return str(known) if word.islower() else str(known)[:1].upper() + str(known)[1:]
    if language == "en":
        if re.search(r"[^su]s$", word, re.IGNORECASE) and not word.lower().endswith("is"):
            return word  # written in the plural already ("trips", "words")
        if _EN_IES.search(word):
            return word[:-1] + "ies"
        if _EN_ES.search(word):
            return word + "es"
        return word + "s"
    if word.lower() in {str(v).lower() for v in table.values()} or (language == "nl" and _NL_PLURAL.search(word)
                                                                     and word.lower() not in table):
        return word  # written in the plural already ("woorden", "posts")
    return None


def counted(count: float | int, noun: str | None, language: str, template_dirs: Sequence[Path] = ()) -> str:
    """"2 trips", "1 trip", "3 lagen"; the number alone when the noun's plural is not known."""
    number = f"{count:g}" if isinstance(count, float) else str(count)
    if not noun:
        return number
    if count == 1:
        singular = {str(v): k for k, v in ((_template_yaml(template_dirs, PLURALS_FILE, "words").get(language) or {}).items())}
        one = singular.get(noun.lower(), noun)
        if one == noun and language == "en" and re.search(r"[^su]s$", noun) and not noun.endswith("is"):
            one = noun[:-3] + "y" if noun.endswith("ies") else noun[:-1]
        return f"{number} {one}"
    form = plural(noun, language, template_dirs)
    return f"{number} {form}" if form else number


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
_DATE = {
    "en": (r"(?:(?:this|next)\s+)?(?:{days})(?:\s+(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?(?:\s+(?:of\s+)?(?:{months}))?)?"
           r"|(?:the\s+)?\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{months})|(?:{months})\s+\d{{1,2}}(?:st|nd|rd|th)?"
           r"|the\s+\d{{1,2}}(?:st|nd|rd|th)\b|tomorrow(?:\s+(?:morning|afternoon|evening|night))?|tonight|today"
           r"|(?:this|next)\s+(?:week(?:end)?)|the\s+weekend"),
    "nl": (r"(?:(?:deze|volgende|komende|aanstaande)\s+)?(?:{days})(?:ochtend|middag|avond)?(?:\s+\d{{1,2}}(?:\s+(?:{months}))?)?"
           r"|\d{{1,2}}\s+(?:{months})|morgen(?:ochtend|middag|avond|vroeg)?|overmorgen|vanavond|vandaag"
           r"|(?:deze|volgende|komende)\s+week|dit\s+weekend|het\s+weekend"),
}
# The deadline itself: "by Friday", "uiterlijk vrijdag" name the moment asked for.
_BY = {"en": r"\b(?:by|before|no later than)\s+$", "nl": r"\b(?:voor|vóór|uiterlijk|uiterlijk op)\s+$"}
# A moment that belongs to something else: "instead of Monday" (the agreed one), "before I'm back on
# Monday", "als je woensdag langskomt" (a side remark, not the moment asked for).
_NOT_ASKED = {
    "en": (r"\b(?:instead\s+of|rather\s+than|not)\s+(?:on\s+|the\s+)?$",
           r"\b(?:before|until|till|after|when|once|while|since|as\s+soon\s+as)\s+(?:i|i'm|i am|we|we're|we are|"
           r"he|she|they|you|he's|she's|they're)\b[^,;.!?]*$"),
    "nl": (r"\b(?:in\s+plaats\s+van|i\.p\.v\.|niet)\s+(?:op\s+)?$",
           r"\b(?:voordat|totdat|tot|nadat|als|wanneer|zodra|terwijl)\s+(?:ik|we|wij|hij|zij|ze|jij|je|u)\b[^,;.!?]*$"),
}


def asked_moments(evidence: str, language: str) -> list[tuple[int, str, bool]]:
    """Every moment the request names as the one asked for: (where, the words, a deadline "by"),
    leaving out the agreed one it replaces and moments of a side clause."""
    lang = language if language in _DATE else "en"
    text = evidence or ""
    found = []
    # Not "this week's report": a possessive names a thing, not a moment.
    pattern = re.compile(r"(?<![\w-])(?:" + _DATE[lang].format(days=_DAYS[lang], months=_MONTHS[lang])
                         + r")(?![\w-])(?!['’]s\b)", re.IGNORECASE)
    for m in pattern.finditer(text):
        before = text[max(0, m.start() - 80):m.start()]
        if any(re.search(p, before, re.IGNORECASE) for p in _NOT_ASKED[lang]):
            continue
        found.append((m.start(), m.group(0).strip(), bool(re.search(_BY[lang], before, re.IGNORECASE))))
    return found


_ASK_CUE = {
    "en": r"\b(?:could|can|would|will|please|pls|love|like|need|want|have it|get it)\b",
    "nl": r"\b(?:kun|kunt|kan|zou|zouden|wil|wilt|graag|moet|mag)\b",
}
_INSTEAD = {"en": r"\b(?:instead\s+of|rather\s+than)\b", "nl": r"\b(?:in\s+plaats\s+van|i\.p\.v\.)"}
_CLAUSE_END = r"[,;.!?:]|\s(?:so|because|as|dus|want|omdat)\s"


def _clause_of(text: str, at: int) -> tuple[int, int]:
    starts = [m.end() for m in re.finditer(_CLAUSE_END, text[:at])]
    end = re.search(_CLAUSE_END, text[at:])
    return (starts[-1] if starts else 0), (at + end.start() if end else len(text))


def asked_when(evidence: str, language: str) -> str | None:
    """The moment the client asks for, in their words ("by Friday 27 February", "this Saturday"), if
    they named one: a deadline ("by ..."), else the moment right before "instead of ...", else one
    in the clause that asks ("I'd love it live on Tuesday"), else the first named."""
    text = evidence or ""
    moments = asked_moments(text, language)
    if not moments:
        return None
    lang = language if language in _ASK_CUE else "en"
    ranked = []
    for at, words, by in moments:
        start, end = _clause_of(text, at)
        clause = text[start:end]
        after = text[at:end]
        rank = 0 if by else 1 if re.search(_INSTEAD[lang], after, re.IGNORECASE) else \
            2 if re.search(_ASK_CUE[lang], clause, re.IGNORECASE) else 3
        ranked.append((rank, at, words, by))
    _rank, at, words, by = min(ranked)
    before = text[max(0, at - 20):at]
    if by:
        lead = re.search(r"\b(by|before|no later than|voor|vóór|uiterlijk(?:\s+op)?)\s+$", before, re.IGNORECASE)
        return f"{lead.group(1)} {words}" if lead else words
    # "on Friday" as the client wrote it; a bare weekday or date gets its "on" in English.
    lead = re.search(r"\b(on|for|op)\s+$", before, re.IGNORECASE)
    if lead:
        return f"{lead.group(1)} {words}"
    if language == "en" and re.match(r"(?:" + _DAYS["en"] + r"|\d)", words, re.IGNORECASE):
        return f"on {words}"
    return words

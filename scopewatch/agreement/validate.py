"""Checks the YAML of one scope agreement node by node, so every problem carries the line it is on
and the field path the VA sees (`deliverables[1].limit.per`); `load.py` handles files and folders.
"""

from __future__ import annotations

import difflib
import math
import re
from datetime import date, datetime
from decimal import Decimal, InvalidOperation

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scopewatch.agreement.model import (
    LANGUAGES,
    LIMIT_PERIODS,
    Agreement,
    Amendment,
    Limit,
    Period,
    Rate,
    ScopeItem,
)
from scopewatch.errors import Problem

RATE_PERIODS = ("hour", "day", "project")

TOP_KEYS = (
    "client", "contacts", "language", "project", "goal", "period", "rate", "estimate_hours",
    "deliverables", "exclusions", "client_provides", "acceptance", "change_policy", "amendments",
)
# Which keys each list of items accepts; a key valid in another list gets a pointed message.
SECTION_KEYS = {
    "deliverables": ("id", "description", "terms", "limit", "due", "estimate_hours"),
    "exclusions": ("id", "description", "terms", "estimate_hours"),
    "client_provides": ("id", "description", "terms", "due"),
    "amendments": ("id", "date", "description", "terms", "finding", "estimate_hours"),
}
SECTION_KIND = {"deliverables": "deliverable", "exclusions": "exclusion", "client_provides": "client_provides"}
LIMIT_KEYS = ("count", "per", "unit")
PERIOD_KEYS = ("start", "end")
RATE_KEYS = ("amount", "currency", "per")

ID_RE = re.compile(r"^[a-z0-9_-]+$")
_DOMAIN = r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
ADDRESS_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@" + _DOMAIN + r"$")
DOMAIN_RE = re.compile(r"^@" + _DOMAIN + r"$")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
CURRENCY_WORDS = {"€": "EUR", "EURO": "EUR", "EUROS": "EUR", "$": "USD", "DOLLAR": "USD", "£": "GBP", "POUND": "GBP"}
COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "JPY")

_TAG = "tag:yaml.org,2002:"



def check_agreement_text(text: str, label: str, client_id: str) -> tuple[Agreement | None, list[Problem], list[tuple[str, int | None]]]:
    """Validate one agreement's YAML text.

    Returns the agreement (None when there is any problem), every problem sorted by line, and
    each valid contact with its line (also when other fields have problems, for cross-file checks).
    `label` names the file in problems; source fields of the agreement are left for the caller.
    """
    checker = _Checker(label, client_id)
    agreement = checker.check(text)
    problems = sorted(checker.problems, key=lambda p: p.line or 0)
    return (agreement if not problems else None), problems, checker.contact_lines


# --- YAML syntax ------------------------------------------------------------------------------

_PLAIN_YAML = (
    ("found character '@' that cannot start any token",
     "a value starting with '@' must be in quotes, e.g. \"@bakkerij.nl\""),
    ("found character '`' that cannot start any token", "a value starting with '`' must be in quotes"),
    ("found character '\\t' that cannot start any token", "a tab is used for indenting; use spaces only"),
    ("mapping values are not allowed here",
     "unexpected ':'; put text that contains ': ' in quotes, or check the indentation"),
    ("could not find expected ':'", "a key without ':' after it, or the indentation is off"),
    ("found unexpected end of stream", "a quote is opened but never closed"),
    ("expected ',' or ']'", "a [list] is not closed with ']' (or a comma is missing between items)"),
    ("expected ',' or '}'", "a {mapping} is not closed with '}' (or a comma is missing between items)"),
    ("expected <block end>", "the indentation does not line up with the lines above"),
    ("found another document", "a second YAML document ('---'); keep one agreement per file"),
    ("found undefined alias", "an alias (*name) refers to an anchor (&name) that is not defined"),
    ("found duplicate anchor", "the same anchor (&name) is defined twice"),
)


def _syntax_problem(label: str, exc: yaml.YAMLError, text: str) -> Problem:
    if isinstance(exc, yaml.reader.ReaderError):
        return Problem(
            label,
            "",
            f"invalid YAML: an invisible control character (U+{exc.character:04X}) that YAML does not "
            "allow; delete it (retyping the line helps)",
            text.count("\n", 0, exc.position) + 1,
        )
    problem = getattr(exc, "problem", None) or str(exc)
    context = getattr(exc, "context", None) or ""
    mark = getattr(exc, "problem_mark", None)
    # For an unclosed quote or a key without ':' the problem mark lands after the fact; the
    # context mark is where the VA has to look.
    if context in ("while scanning a quoted scalar", "while scanning a simple key",
                   "while parsing a flow sequence", "while parsing a flow mapping"):
        mark = getattr(exc, "context_mark", None) or mark
    plain = next((msg for needle, msg in _PLAIN_YAML if needle in problem), None)
    if plain is None:
        plain = f"{context} {problem}".strip() if context else problem
    line = mark.line + 1 if mark is not None else None
    column = f" (column {mark.column + 1})" if mark is not None else ""
    return Problem(label, "", f"invalid YAML{column}: {plain}", line)


# --- validation -------------------------------------------------------------------------------


def _line(node: Node | None) -> int | None:
    return node.start_mark.line + 1 if node is not None else None


def _is_null(node: Node | None) -> bool:
    return node is None or (isinstance(node, ScalarNode) and node.tag == _TAG + "null")


def _what(node: Node) -> str:
    """How the VA would name what they wrote, for "expected X, got Y" messages."""
    if isinstance(node, SequenceNode):
        return "a list"
    if isinstance(node, MappingNode):
        return "a mapping (key: value pairs)"
    tag = node.tag.removeprefix(_TAG)
    return {
        "str": "a string",
        "int": "a number",
        "float": "a number",
        "bool": f"'{node.value}' (a yes/no value; put it in quotes if you meant text)",
        "null": "nothing",
        "timestamp": "a date",
    }.get(tag, f"'{node.value}'" if isinstance(node, ScalarNode) else "something else")


def _yaml_list(values: list[str]) -> str:
    def quote(v: str) -> str:
        return f'"{v}"' if v[:1] in "@&*!|>%`'\"[{#-?:," or ": " in v or " #" in v else v

    return "[" + ", ".join(quote(v) for v in values) + "]"


class _Checker:
    """Walks the composed YAML node tree, so every value keeps the line it was written on."""

    def __init__(self, label: str, client_id: str):
        self.label = label
        self.client_id = client_id
        self.problems: list[Problem] = []
        self.contact_lines: list[tuple[str, int | None]] = []
        self._ids: dict[str, tuple[str, int | None]] = {}
        self._loader: yaml.SafeLoader | None = None

    def problem(self, path: str, message: str, node: Node | None = None, line: int | None = None) -> None:
        self.problems.append(Problem(self.label, path, message, line if line is not None else _line(node)))

    # -- document ---------------------------------------------------------------------------

    def check(self, text: str) -> Agreement | None:
        try:
            # The reader checks for forbidden characters already while it is being created.
            self._loader = loader = yaml.SafeLoader(text)
            root = loader.get_single_node()
            loader.dispose()
        except yaml.YAMLError as exc:
            self.problems.append(_syntax_problem(self.label, exc, text))
            return None
        if root is None or _is_null(root):
            self.problem(
                "", "the file is empty; an agreement needs at least client:, contacts: and deliverables:", line=1
            )
            return None
        if not isinstance(root, MappingNode):
            self.problem(
                "",
                f"expected the agreement as key: value lines (client:, contacts:, deliverables:, ...), "
                f"got {_what(root)}",
                root,
            )
            return None
        fields = self.mapping(root, "", TOP_KEYS)
        if fields is None:
            return None
        return self.agreement(root, fields)

    def agreement(self, root: MappingNode, f: dict[str, Node]) -> Agreement | None:
        client = self.text(f.get("client"), "client", required=True, node_for_line=root,
                           hint="the client's display name, e.g. client: Bakkerij de Vries")
        contacts = self.contacts(f.get("contacts"), root)
        language = "en"
        if not _is_null(f.get("language")):
            language = self.choice(f["language"], "language", LANGUAGES) or "en"
        period = self.period(f.get("period"))
        rate = self.rate(f.get("rate"))
        estimate = self.positive_number(f.get("estimate_hours"), "estimate_hours")
        deliverables = self.items(f.get("deliverables"), "deliverables", root, required=True)
        exclusions = self.items(f.get("exclusions"), "exclusions", root)
        provides = self.items(f.get("client_provides"), "client_provides", root)
        amendments = self.amendments(f.get("amendments"))
        texts = {
            k: self.text(f.get(k), k) for k in ("project", "goal", "acceptance", "change_policy")
        }
        if self.problems or client is None:
            return None
        return Agreement(
            client_id=self.client_id,
            client=client,
            contacts=tuple(contacts),
            deliverables=tuple(deliverables),
            language=language,
            project=texts["project"],
            goal=texts["goal"],
            period=period or Period(),
            rate=rate,
            exclusions=tuple(exclusions),
            client_provides=tuple(provides),
            amendments=tuple(amendments),
            acceptance=texts["acceptance"],
            change_policy=texts["change_policy"],
            estimate_hours=estimate,
        )

    # -- structure --------------------------------------------------------------------------

    def mapping(self, node: MappingNode, path: str, allowed: tuple[str, ...],
                elsewhere: dict[str, str] | None = None) -> dict[str, Node] | None:
        """Key -> value node; unknown and repeated keys become problems."""
        try:
            self._loader.flatten_mapping(node)  # resolves `<<: *anchor` merge keys
        except yaml.YAMLError as exc:
            self.problem(path, f"cannot merge with '<<': {getattr(exc, 'problem', exc)}", node)
            return None
        out: dict[str, Node] = {}
        key_lines: dict[str, int | None] = {}
        for key_node, value_node in node.value:
            if not isinstance(key_node, ScalarNode) or _is_null(key_node):
                self.problem(path, "every key must be a plain word followed by ':'", key_node)
                continue
            key = key_node.value
            sub = f"{path}.{key}" if path else key
            if key in out:
                self.problem(sub, f"key appears twice (first on line {key_lines[key]}); keep one", key_node)
                continue
            if key not in allowed:
                self.problem(sub, self.unknown_key_message(key, allowed, elsewhere or {}), key_node)
                continue
            out[key] = value_node
            key_lines[key] = _line(key_node)
        return out

    @staticmethod
    def unknown_key_message(key: str, allowed: tuple[str, ...], elsewhere: dict[str, str]) -> str:
        if key in elsewhere:
            return f"unknown key here; '{key}' is only used in {elsewhere[key]}"
        lowered = {a.lower(): a for a in allowed}
        close = difflib.get_close_matches(key.lower().replace(" ", "_"), list(lowered), n=1, cutoff=0.6)
        if close:
            return f"unknown key; did you mean '{lowered[close[0]]}'?"
        return "unknown key; expected one of " + ", ".join(allowed)

    def expect_mapping(self, node: Node, path: str, example: str) -> MappingNode | None:
        if isinstance(node, MappingNode):
            return node
        self.problem(path, f"expected a mapping like {example}, got {_what(node)}", node)
        return None

    # -- scalars ----------------------------------------------------------------------------

    def text(self, node: Node | None, path: str, *, required: bool = False,
             node_for_line: Node | None = None, hint: str = "") -> str | None:
        """The text as the VA typed it: `yes`, `2026` or `12:30` stay text instead of turning into
        true, a number or a time, because YAML's guess is not what they meant."""
        if _is_null(node) or (isinstance(node, ScalarNode) and not node.value.strip()):
            if required:
                message = "required" + (f": {hint}" if hint else "")
                if node is not None:
                    message = "is empty" + (f"; {hint}" if hint else "")
                self.problem(path, message, node if node is not None else node_for_line)
            return None
        if not isinstance(node, ScalarNode):
            self.problem(path, f"expected text, got {_what(node)}", node)
            return None
        return node.value.strip()

    def construct(self, node: ScalarNode, path: str):
        try:
            return self._loader.construct_object(node, deep=True)
        except Exception:  # noqa: BLE001 - PyYAML raises odd types on odd scalars (`!!timestamp x`)
            if node.tag == _TAG + "timestamp":
                self.problem(path, f"'{node.value}' is not a valid date", node)
            else:
                self.problem(path, f"cannot read '{node.value}' (unsupported YAML tag {node.tag})", node)
            return _INVALID

    def choice(self, node: Node, path: str, choices: tuple[str, ...]) -> str | None:
        if not isinstance(node, ScalarNode) or _is_null(node):
            self.problem(path, f"expected one of {', '.join(choices)}, got {_what(node)}", node)
            return None
        value = node.value.strip().lower()
        if value in choices:
            return value
        message = f"'{node.value}' is not one of {', '.join(choices)}"
        close = difflib.get_close_matches(value, choices, n=1, cutoff=0.6)
        if close:
            message += f"; did you mean '{close[0]}'?"
        self.problem(path, message, node)
        return None

    def number(self, node: Node, path: str, *, whole: bool = False, example: str = "2 or 1.5"):
        """A positive int/float from the node, or None after recording why not."""
        kind = "a whole number like 3" if whole else f"a number like {example}"
        if not isinstance(node, ScalarNode) or node.tag not in (_TAG + "int", _TAG + "float"):
            message = f"expected {kind}, got {_what(node)}"
            if isinstance(node, ScalarNode) and re.fullmatch(r"\s*\d+,\d+\s*", node.value):
                message += f"; write decimals with a dot: {node.value.strip().replace(',', '.')}"
            elif isinstance(node, ScalarNode) and re.search(r"\d", node.value) and re.search(r"[€$£]|[A-Za-z]{3}", node.value):
                digits = re.sub(r"[^\d.,]", "", node.value).replace(",", ".")
                message += f"; write only the number ({digits}) and put the currency in currency:"
            self.problem(path, message, node)
            return None
        value = self.construct(node, path)
        if value is _INVALID:
            return None
        if isinstance(value, float) and not math.isfinite(value):
            self.problem(path, f"expected {kind}, got '{node.value}'", node)
            return None
        if whole and not isinstance(value, int):
            self.problem(path, f"expected {kind}, got '{node.value}'", node)
            return None
        if value <= 0:
            self.problem(path, f"must be more than 0, got {node.value}", node)
            return None
        return value

    def positive_number(self, node: Node | None, path: str) -> float | None:
        if _is_null(node):
            return None
        value = self.number(node, path)
        return float(value) if value is not None else None

    def date_value(self, node: Node | None, path: str) -> date | None:
        example = "2026-01-05"
        if _is_null(node):
            return None
        if not isinstance(node, ScalarNode):
            self.problem(path, f"expected a date like {example}, got {_what(node)}", node)
            return None
        if node.tag == _TAG + "timestamp":
            value = self.construct(node, path)
            if value is _INVALID:
                return None
            return value.date() if isinstance(value, datetime) else value
        raw = node.value.strip()
        try:
            return date.fromisoformat(raw)
        except ValueError:
            pass
        if re.fullmatch(r"\d{4}-\d{1,2}-\d{1,2}", raw):
            self.problem(path, f"'{raw}' is not a valid date", node)
        else:
            self.problem(path, f"expected a date written as YYYY-MM-DD like {example}, got '{raw}'", node)
        return None

    # -- sections ---------------------------------------------------------------------------

    def contacts(self, node: Node | None, root: MappingNode) -> list[str]:
        hint = "list the client's addresses or @domains, e.g. contacts: [anna@bakkerij.nl]"
        if _is_null(node) or (isinstance(node, SequenceNode) and not node.value):
            where = node if node is not None else root
            self.problem("contacts", ("is empty; " if node is not None else "required: ") + hint, where)
            return []
        if not isinstance(node, SequenceNode):
            message = f"expected a list of e-mail addresses, got {_what(node)}"
            if isinstance(node, ScalarNode):
                parts = [p.strip() for p in re.split(r"[,;\s]+", node.value) if p.strip()]
                message += f"; write it as a list: contacts: {_yaml_list(parts or ['anna@bakkerij.nl'])}"
            self.problem("contacts", message, node)
            return []
        out: list[str] = []
        for index, item in enumerate(node.value):
            path = f"contacts[{index}]"
            if not isinstance(item, ScalarNode) or _is_null(item):
                self.problem(path, f"expected an e-mail address or @domain, got {_what(item)}", item)
                continue
            raw = item.value.strip()
            contact = raw.lower()
            if (ADDRESS_RE.match(contact) and not contact.startswith("*@")) or DOMAIN_RE.match(contact):
                if contact not in out:
                    out.append(contact)
                    self.contact_lines.append((contact, _line(item)))
                continue
            self.problem(path, self.contact_message(raw), item)
        return out

    @staticmethod
    def contact_message(raw: str) -> str:
        base = f"'{raw}' is not an e-mail address (name@domain.nl) or a @domain"
        inside = re.search(r"<([^<>]+)>", raw)
        if inside and ADDRESS_RE.match(inside.group(1).strip().lower()):
            return base + f"; write only the address: {inside.group(1).strip()}"
        if raw.startswith("*@") and DOMAIN_RE.match(raw[1:].lower()):
            return base + f"; for everyone at that domain write \"{raw[1:]}\" (in quotes)"
        if DOMAIN_RE.match("@" + raw.lower()):
            return base + f"; for everyone at that domain write \"@{raw}\" (in quotes)"
        return base

    def period(self, node: Node | None) -> Period | None:
        if _is_null(node):
            return None
        node = self.expect_mapping(node, "period", "period: {start: 2026-01-05, end: 2026-03-31}")
        if node is None:
            return None
        f = self.mapping(node, "period", PERIOD_KEYS)
        if f is None:
            return None
        start = self.date_value(f.get("start"), "period.start")
        end = self.date_value(f.get("end"), "period.end")
        if start and end and start > end:
            self.problem("period.end", f"the period ends ({end}) before it starts ({start})", f["end"])
            return None
        return Period(start=start, end=end)

    def rate(self, node: Node | None) -> Rate | None:
        if _is_null(node):
            return None
        node = self.expect_mapping(node, "rate", "rate: {amount: 45, currency: EUR, per: hour}")
        if node is None:
            return None
        f = self.mapping(node, "rate", RATE_KEYS)
        if f is None:
            return None
        amount = None
        if _is_null(f.get("amount")):
            self.problem("rate.amount", "required: the rate as a number, e.g. amount: 45", f.get("amount") or node)
        else:
            value = self.number(f["amount"], "rate.amount", example="45 or 45.50")
            if value is not None:
                # Money stays exact: read the digits the VA typed, not YAML's float.
                try:
                    amount = Decimal(f["amount"].value.strip().replace("_", ""))
                except InvalidOperation:
                    amount = Decimal(str(value))
        currency = "EUR"
        if not _is_null(f.get("currency")):
            currency = self.currency(f["currency"]) or currency
        per = "hour"
        if not _is_null(f.get("per")):
            per = self.choice(f["per"], "rate.per", RATE_PERIODS) or per
        if amount is None:
            return None
        return Rate(amount=amount, currency=currency, per=per)

    def currency(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode):
            self.problem("rate.currency", f"expected a 3-letter currency code like EUR, got {_what(node)}", node)
            return None
        code = node.value.strip().upper()
        if not CURRENCY_RE.match(code):
            hint = CURRENCY_WORDS.get(code)
            message = f"'{node.value}' is not a 3-letter currency code like EUR, USD or GBP"
            self.problem("rate.currency", message + (f"; write {hint}" if hint else ""), node)
            return None
        known = _iso_currencies()
        if known and code not in known:
            message = f"'{node.value}' is not an ISO currency code"
            # Common currencies first, so 'EUO' suggests EUR rather than the obscure XEU.
            close = difflib.get_close_matches(code, COMMON_CURRENCIES, n=1, cutoff=0.6) or \
                difflib.get_close_matches(code, sorted(known), n=1, cutoff=0.6)
            self.problem("rate.currency", message + (f"; did you mean '{close[0]}'?" if close else ""), node)
            return None
        return code

    def limit(self, node: Node, path: str) -> Limit | None:
        node = self.expect_mapping(node, path, "limit: {count: 3, per: week}")
        if node is None:
            return None
        f = self.mapping(node, path, LIMIT_KEYS)
        if f is None:
            return None
        count = None
        if _is_null(f.get("count")):
            self.problem(f"{path}.count", "required: how many, e.g. count: 3", f.get("count") or node)
        else:
            count = self.number(f["count"], f"{path}.count", whole=True)
        per = None
        if _is_null(f.get("per")):
            self.problem(f"{path}.per", f"required: one of {', '.join(LIMIT_PERIODS)}", f.get("per") or node)
        else:
            per = self.choice(f["per"], f"{path}.per", LIMIT_PERIODS)
        unit = self.text(f.get("unit"), f"{path}.unit")
        if count is None or per is None:
            return None
        return Limit(count=count, per=per, unit=unit)

    def item_list(self, node: Node | None, section: str, root: MappingNode, required: bool) -> list[Node]:
        if _is_null(node) or (isinstance(node, SequenceNode) and not node.value):
            if required:
                where = node if node is not None else root
                self.problem(
                    section,
                    ("is empty" if node is not None else "required")
                    + ": list the agreed work, at least one item with id, description and terms",
                    where,
                )
            return []
        if not isinstance(node, SequenceNode):
            self.problem(
                section,
                f"expected a list of items (each starting with '- id: ...'), got {_what(node)}",
                node,
            )
            return []
        return node.value

    def common_item(self, node: Node, section: str, index: int) -> tuple[str, dict[str, Node], dict] | None:
        """Check the fields every kind of item shares; returns (path, fields, values)."""
        path = f"{section}[{index}]"
        if not isinstance(node, MappingNode):
            self.problem(path, f"expected an item with id:, description: and terms:, got {_what(node)}", node)
            return None
        allowed = SECTION_KEYS[section]
        elsewhere = {}
        for other, keys in SECTION_KEYS.items():
            for key in keys:
                if key not in allowed and key not in elsewhere:
                    elsewhere[key] = " and ".join(s for s, ks in SECTION_KEYS.items() if key in ks)
        f = self.mapping(node, path, allowed, elsewhere)
        if f is None:
            return None
        values = {
            "id": self.item_id(f.get("id"), f"{path}.id", node),
            "description": self.text(
                f.get("description"), f"{path}.description", required=True, node_for_line=node,
                hint="a short description of the work",
            ),
            "terms": self.terms(f.get("terms"), f"{path}.terms", node),
        }
        return path, f, values

    def items(self, node: Node | None, section: str, root: MappingNode, required: bool = False) -> list[ScopeItem]:
        out = []
        for index, item_node in enumerate(self.item_list(node, section, root, required)):
            checked = self.common_item(item_node, section, index)
            if checked is None:
                continue
            path, f, v = checked
            limit = None
            if "limit" in f and not _is_null(f["limit"]):
                limit = self.limit(f["limit"], f"{path}.limit")
            due = self.due(f.get("due"), f"{path}.due")
            estimate = self.positive_number(f.get("estimate_hours"), f"{path}.estimate_hours")
            if v["id"] and v["description"] and v["terms"]:
                out.append(
                    ScopeItem(
                        id=v["id"],
                        kind=SECTION_KIND[section],
                        description=v["description"],
                        terms=v["terms"],
                        limit=limit,
                        due=due,
                        estimate_hours=estimate,
                        line=_line(item_node),
                    )
                )
        return out

    def amendments(self, node: Node | None) -> list[Amendment]:
        out = []
        for index, item_node in enumerate(self.item_list(node, "amendments", None, False)):
            checked = self.common_item(item_node, "amendments", index)
            if checked is None:
                continue
            path, f, v = checked
            when = None
            if _is_null(f.get("date")):
                self.problem(f"{path}.date", "required: the day the change was accepted, e.g. 2026-02-10",
                             f.get("date") or item_node)
            else:
                when = self.date_value(f["date"], f"{path}.date")
            finding = None
            if not _is_null(f.get("finding")):
                finding = self.number(f["finding"], f"{path}.finding", whole=True)
            estimate = self.positive_number(f.get("estimate_hours"), f"{path}.estimate_hours")
            if v["id"] and v["description"] and v["terms"] and when:
                out.append(
                    Amendment(
                        id=v["id"], date=when, description=v["description"], terms=v["terms"],
                        finding=finding, estimate_hours=estimate, line=_line(item_node),
                    )
                )
        return out

    def item_id(self, node: Node | None, path: str, item: Node) -> str | None:
        value = self.text(node, path, required=True, node_for_line=item,
                          hint="a short name in lowercase, e.g. id: instagram-posts")
        if value is None:
            return None
        if not ID_RE.match(value):
            slug = re.sub(r"[^a-z0-9_-]+", "-", value.lower()).strip("-")
            message = f"'{value}' is not a valid id: use lowercase letters, digits, '-' and '_'"
            self.problem(path, message + (f", e.g. '{slug}'" if slug else ""), node)
            return None
        earlier = self._ids.get(value)
        if earlier is not None:
            where, line = earlier
            self.problem(
                path,
                f"id '{value}' is already used by {where} (line {line}); every id in an agreement must be unique",
                node,
            )
            return None
        self._ids[value] = (path.rpartition(".")[0], _line(node))
        return value

    def terms(self, node: Node | None, path: str, item: Node) -> tuple[str, ...] | None:
        hint = "the words the client uses for it, e.g. terms: [instagram, post]"
        if _is_null(node) or (isinstance(node, SequenceNode) and not node.value):
            self.problem(path, ("is empty; " if node is not None else "required: ") + hint,
                         node if node is not None else item)
            return None
        if not isinstance(node, SequenceNode):
            message = f"expected a list of words, got {_what(node)}"
            if isinstance(node, ScalarNode):
                parts = [p.strip() for p in node.value.split(",") if p.strip()]
                message += f"; write it as a list: terms: {_yaml_list(parts or ['instagram'])}"
            self.problem(path, message, node)
            return None
        out: list[str] = []
        ok = True
        for index, term_node in enumerate(node.value):
            term = self.text(term_node, f"{path}[{index}]")
            if term is None:
                if _is_null(term_node) or isinstance(term_node, ScalarNode):
                    self.problem(f"{path}[{index}]", "is empty; remove it or write the word", term_node)
                ok = False
            elif term not in out:
                out.append(term)
        return tuple(out) if ok else None

    def due(self, node: Node | None, path: str) -> str | None:
        if _is_null(node):
            return None
        if isinstance(node, ScalarNode) and node.tag == _TAG + "timestamp":
            value = self.date_value(node, path)
            return value.isoformat() if value else None
        return self.text(node, path)


class _Invalid:
    """Marks a value YAML could not construct (the problem is already recorded)."""


_INVALID = _Invalid()
_CURRENCIES: frozenset[str] | None = None


def _iso_currencies() -> frozenset[str]:
    global _CURRENCIES
    if _CURRENCIES is None:
        try:
            from babel.numbers import list_currencies

            _CURRENCIES = frozenset(list_currencies())
        except Exception:  # babel missing or without data: the 3-letter shape check still applies
            _CURRENCIES = frozenset()
    return _CURRENCIES

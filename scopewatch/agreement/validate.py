"""Checks the YAML of one scope agreement node by node, so every problem carries the line it is on
and the field path the VA sees (`deliverables[1].limit.per`); `load.py` handles files and folders.
"""

from __future__ import annotations

import difflib
import re
from decimal import Decimal, InvalidOperation

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from scopewatch.agreement.model import (
    LANGUAGES,
    Agreement,
    Estimate,
    Amendment,
    Period,
    Rate,
    ScopeItem,
)
from scopewatch.agreement.validate_work import ID_RE, WorkReader
from scopewatch.agreement.yamlnodes import (
    TAG,
    is_null,
    kind_of,
    line_of,
    syntax_problem,
    yaml_list,
)
from scopewatch.catalogue import Catalogue
from scopewatch.errors import Problem

RATE_PERIODS = ("hour", "day", "project")

# Limits on one agreement file, so a pasted word list cannot stall start-up or fill the memory.
# Real agreements are a few kB with tens of terms.
MAX_AGREEMENT_CHARS = 2_000_000
MAX_TERMS_PER_ITEM = 2_000
MAX_TERMS_TOTAL = 100_000
MAX_TERM_CHARS = 200
# Counted after aliases are expanded: `description: *d` in 500 items is 500 descriptions to link and
# match, however small the file. A description is a line or a paragraph, never a document.
MAX_TEXT_CHARS = 5_000
MAX_EXPANDED_CHARS = 2_000_000
_TERM_PATH = re.compile(r"\.terms\[\d+\]$")

_FastLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

TOP_KEYS = (
    "client", "contacts", "language", "project", "goal", "period", "rate", "estimate_hours",
    "deliverables", "exclusions", "client_provides", "acceptance", "change_policy", "amendments", "estimates",
    "trade", "checklist",
)
ESTIMATE_KEYS = ("estimate_hours", "estimate_days", "price")
ESTIMATE_CATEGORIES = ("new_work", "excluded", "quantity", "deadline", "client_duty")
# Which keys each list of items accepts; a key valid in another list gets a pointed message.
SECTION_KEYS = {
    "deliverables": ("id", "description", "terms", "kinds", "limit", "due", "estimate_hours", "client_text",
                     "estimate_days", "price"),
    "exclusions": ("id", "description", "terms", "kinds", "estimate_hours", "client_text", "estimate_days", "price"),
    "client_provides": ("id", "description", "terms", "kinds", "due", "client_text", "estimate_hours", "estimate_days",
                        "price"),
    "amendments": ("id", "date", "description", "terms", "finding", "estimate_hours"),
}
SECTION_KIND = {"deliverables": "deliverable", "exclusions": "exclusion", "client_provides": "client_provides"}
PERIOD_KEYS = ("start", "end")
RATE_KEYS = ("amount", "currency", "per")

_DOMAIN = r"(?:[^\W_](?:[\w-]*[^\W_])?\.)+[^\W\d_]{2,}"
ADDRESS_RE = re.compile(r"^[^@\s<>()\[\],;:\"]+@" + _DOMAIN + r"$")
DOMAIN_RE = re.compile(r"^@" + _DOMAIN + r"$")
CURRENCY_RE = re.compile(r"^[A-Z]{3}$")
CURRENCY_WORDS = {"€": "EUR", "EURO": "EUR", "EUROS": "EUR", "$": "USD", "DOLLAR": "USD", "£": "GBP", "POUND": "GBP"}
COMMON_CURRENCIES = ("EUR", "USD", "GBP", "CHF", "CAD", "AUD", "NZD", "SEK", "NOK", "DKK", "PLN", "JPY")

# A valid contact, the line it is on and its index in `contacts`, for the cross-file check.
ContactAt = tuple[str, "int | None", int]


def check_agreement_text(
    text: str, label: str, client_id: str, catalogue: Catalogue | None = None, labels=None
) -> tuple[Agreement | None, list[Problem], list[ContactAt]]:
    """Validate one agreement's YAML text.

    Returns the agreement (None when there is any problem), every problem sorted by line, and
    each valid contact with where it is (also when other fields have problems).
    `label` names the file in problems; source fields of the agreement are left for the caller.
    `catalogue` is the work catalogue that `kinds:` and `checklist:` must name (unchecked when None);
    `labels` (agreement/checklist.py ChecklistData) words a checklist line for the client.
    """
    checker = _Checker(label, client_id, catalogue, labels)
    agreement = checker.check(text)
    problems = sorted(checker.problems, key=lambda p: p.line or 0)
    return (agreement if not problems else None), problems, checker.contact_lines


class _Checker(WorkReader):
    """Walks the composed YAML node tree of one agreement, so every value keeps its line."""

    def __init__(self, label: str, client_id: str, catalogue: Catalogue | None = None, labels=None):
        super().__init__(label)
        self.client_id = client_id
        self.catalogue = catalogue
        self.labels = labels
        self.contact_lines: list[ContactAt] = []
        self._ids: dict[str, tuple[str, int | None]] = {}
        self._terms_total = 0
        self._told_total = False
        self._chars_total = 0
        self._told_expanded = False
        self._told_long: set[int] = set()  # text nodes already reported too long (an alias shares one)

    def text(self, node: Node | None, path: str, **kw) -> str | None:
        """Every text value counts towards the agreement's size as it is used, aliases expanded."""
        value = super().text(node, path, **kw)
        if value is None:
            return None
        self._chars_total += len(value)
        if self._chars_total > MAX_EXPANDED_CHARS and not self._told_expanded:
            self._told_expanded = True
            self.problem(path, f"the agreement's text adds up to more than {MAX_EXPANDED_CHARS / 1e6:g} million "
                         "characters once aliases (*name) are expanded (limit: expanded size); write each "
                         "description once and keep them short", node)
        if len(value) > MAX_TEXT_CHARS and not _TERM_PATH.search(path) and id(node) not in self._told_long:
            self._told_long.add(id(node))
            self.problem(path, f"is {len(value):,} characters long; a text field may have at most "
                         f"{MAX_TEXT_CHARS:,} (limit: text length); describe the work in a sentence or two", node)
        return value

    # -- document ---------------------------------------------------------------------------

    def check(self, text: str) -> Agreement | None:
        if len(text) > MAX_AGREEMENT_CHARS:
            self.problem("", f"the file is {len(text) / 1e6:.1f} MB; an agreement may be at most "
                         f"{MAX_AGREEMENT_CHARS / 1e6:g} MB (limit: agreement size); split the client's "
                         "work into fewer, broader terms", line=1)
            return None
        try:
            # libyaml composes a 1 MB file in a fraction of a second, the pure-Python parser takes
            # over ten; a file libyaml refuses is read again by the pure-Python parser, whose error
            # messages (and reader checks for forbidden characters) the VA gets.
            self.loader = loader = _FastLoader(text)
            try:
                root = loader.get_single_node()
            except yaml.YAMLError:
                self.loader = loader = yaml.SafeLoader(text)
                root = loader.get_single_node()
            loader.dispose()
        except yaml.YAMLError as exc:
            self.problems.append(syntax_problem(self.label, exc, text))
            return None
        if root is None or is_null(root):
            self.problem(
                "", "the file is empty; an agreement needs at least client:, contacts: and deliverables:", line=1
            )
            return None
        if not isinstance(root, MappingNode):
            self.problem(
                "",
                f"expected the agreement as key: value lines (client:, contacts:, deliverables:, ...), "
                f"got {kind_of(root)}",
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
        if not is_null(f.get("language")):
            language = self.choice(f["language"], "language", LANGUAGES) or "en"
        period = self.period(f.get("period"))
        rate = self.rate(f.get("rate"))
        estimate = self.positive_number(f.get("estimate_hours"), "estimate_hours")
        deliverables = self.items(f.get("deliverables"), "deliverables", root, required=True)
        exclusions = self.items(f.get("exclusions"), "exclusions", root)
        provides = self.items(f.get("client_provides"), "client_provides", root)
        amendments = self.amendments(f.get("amendments"))
        estimates = self.estimates(f.get("estimates"))
        texts = {
            k: self.text(f.get(k), k) for k in ("project", "goal", "acceptance", "change_policy")
        }
        trade = None
        if not is_null(f.get("trade")):
            trade = self.text(f["trade"], "trade")
            if trade is not None and not ID_RE.match(trade):
                self.problem("trade", f"'{trade}' is not a trade id: lowercase letters, digits and '-', "
                                      "e.g. trade: house-painter", f["trade"])
                trade = None
        checklist = self.checklist(f.get("checklist"), language)
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
            estimates=estimates,
            trade=trade,
            checklist=checklist,
        )

    def estimates(self, node: Node | None) -> dict[str, Estimate]:
        """`estimates: {deadline: {price: 150}, quantity: {estimate_hours: 1}}`: per category."""
        if is_null(node):
            return {}
        hint = "e.g. estimates: {deadline: {price: 150}, quantity: {estimate_hours: 1}}"
        if not isinstance(node, MappingNode):
            self.problem("estimates", f"expected a category per line with its estimate, {hint}", node)
            return {}
        f = self.mapping(node, "estimates", ESTIMATE_CATEGORIES)
        out = {}
        for category, sub in (f or {}).items():
            if not isinstance(sub, MappingNode):
                self.problem(f"estimates.{category}", f"expected estimate_hours, estimate_days or price, {hint}", sub)
                continue
            g = self.mapping(sub, f"estimates.{category}", ESTIMATE_KEYS)
            if g is None:
                continue
            out[category] = Estimate(
                hours=self.positive_number(g.get("estimate_hours"), f"estimates.{category}.estimate_hours"),
                days=self.positive_number(g.get("estimate_days"), f"estimates.{category}.estimate_days"),
                price=self.price(g.get("price"), f"estimates.{category}.price"),
            )
        return out

    def price(self, node: Node | None, path: str) -> Decimal | None:
        value = self.positive_number(node, path)
        return None if value is None else Decimal(str(value)).quantize(Decimal("0.01"))

    # -- sections ---------------------------------------------------------------------------

    def contacts(self, node: Node | None, root: MappingNode) -> list[str]:
        hint = "list the client's addresses or @domains, e.g. contacts: [anna@bakkerij.nl]"
        if is_null(node) or (isinstance(node, SequenceNode) and not node.value):
            where = node if node is not None else root
            self.problem("contacts", ("is empty; " if node is not None else "required: ") + hint, where)
            return []
        if not isinstance(node, SequenceNode):
            message = f"expected a list of e-mail addresses, got {kind_of(node)}"
            if isinstance(node, ScalarNode):
                parts = [p.strip() for p in re.split(r"[,;\s]+", node.value) if p.strip()]
                message += f"; write it as a list: contacts: {yaml_list(parts or ['anna@bakkerij.nl'])}"
            self.problem("contacts", message, node)
            return []
        out: list[str] = []
        for index, item in enumerate(node.value):
            path = f"contacts[{index}]"
            if not isinstance(item, ScalarNode) or is_null(item):
                self.problem(path, f"expected an e-mail address or @domain, got {kind_of(item)}", item)
                continue
            raw = item.value.strip()
            contact = raw.lower()
            if (ADDRESS_RE.match(contact) and not contact.startswith("*@")) or DOMAIN_RE.match(contact):
                if contact not in out:
                    out.append(contact)
                    self.contact_lines.append((contact, line_of(item), index))
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
        if is_null(node):
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
        if is_null(node):
            return None
        node = self.expect_mapping(node, "rate", "rate: {amount: 45, currency: EUR, per: hour}")
        if node is None:
            return None
        f = self.mapping(node, "rate", RATE_KEYS)
        if f is None:
            return None
        amount = None
        if is_null(f.get("amount")):
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
        if not is_null(f.get("currency")):
            currency = self.currency(f["currency"]) or currency
        per = "hour"
        if not is_null(f.get("per")):
            per = self.choice(f["per"], "rate.per", RATE_PERIODS) or per
        if amount is None:
            return None
        return Rate(amount=amount, currency=currency, per=per)

    def currency(self, node: Node) -> str | None:
        if not isinstance(node, ScalarNode):
            self.problem("rate.currency", f"expected a 3-letter currency code like EUR, got {kind_of(node)}", node)
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

    def item_list(self, node: Node | None, section: str, root: MappingNode, required: bool) -> list[Node]:
        if is_null(node) or (isinstance(node, SequenceNode) and not node.value):
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
                f"expected a list of items (each starting with '- id: ...'), got {kind_of(node)}",
                node,
            )
            return []
        return node.value

    def common_item(self, node: Node, section: str, index: int) -> tuple[str, dict[str, Node], dict] | None:
        """Check the fields every kind of item shares; returns (path, fields, values)."""
        path = f"{section}[{index}]"
        if not isinstance(node, MappingNode):
            self.problem(path, f"expected an item with id:, description: and terms:, got {kind_of(node)}", node)
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
            limit = each = None
            if "limit" in f and not is_null(f["limit"]):
                limit, each = self.limit(f["limit"], f"{path}.limit")
            due = self.due(f.get("due"), f"{path}.due")
            estimate = self.positive_number(f.get("estimate_hours"), f"{path}.estimate_hours")
            kinds = self.kinds(f.get("kinds"), f"{path}.kinds")
            days = self.positive_number(f.get("estimate_days"), f"{path}.estimate_days")
            price = self.price(f.get("price"), f"{path}.price")
            client_text = self.text(f.get("client_text"), f"{path}.client_text")
            if v["id"] and v["description"] and v["terms"]:
                out.append(
                    ScopeItem(
                        id=v["id"],
                        kind=SECTION_KIND[section],
                        description=v["description"],
                        terms=v["terms"],
                        limit=limit,
                        due=due,
                        each=each,
                        estimate_hours=estimate,
                        line=line_of(item_node),
                        kinds=kinds,
                        client_text=client_text,
                        estimate_days=days,
                        price=price,
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
            if is_null(f.get("date")):
                self.problem(f"{path}.date", "required: the day the change was accepted, e.g. 2026-02-10",
                             f.get("date") or item_node)
            else:
                when = self.date_value(f["date"], f"{path}.date")
            finding = None
            if not is_null(f.get("finding")):
                finding = self.number(f["finding"], f"{path}.finding", whole=True)
            estimate = self.positive_number(f.get("estimate_hours"), f"{path}.estimate_hours")
            if v["id"] and v["description"] and v["terms"] and when:
                out.append(
                    Amendment(
                        id=v["id"], date=when, description=v["description"], terms=v["terms"],
                        finding=finding, estimate_hours=estimate, line=line_of(item_node),
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
        self._ids[value] = (path.rpartition(".")[0], line_of(node))
        return value

    def terms(self, node: Node | None, path: str, item: Node) -> tuple[str, ...] | None:
        hint = "the words the client uses for it, e.g. terms: [instagram, post]"
        if is_null(node) or (isinstance(node, SequenceNode) and not node.value):
            self.problem(path, ("is empty; " if node is not None else "required: ") + hint,
                         node if node is not None else item)
            return None
        if not isinstance(node, SequenceNode):
            message = f"expected a list of words, got {kind_of(node)}"
            if isinstance(node, ScalarNode):
                parts = [p.strip() for p in node.value.split(",") if p.strip()]
                message += f"; write it as a list: terms: {yaml_list(parts or ['instagram'])}"
            self.problem(path, message, node)
            return None
        if len(node.value) > MAX_TERMS_PER_ITEM:
            self.problem(path, f"has {len(node.value):,} terms; an item may have at most {MAX_TERMS_PER_ITEM:,} "
                         "(limit: terms per item); keep the words a client really uses", node)
            return None
        self._terms_total += len(node.value)
        if self._terms_total > MAX_TERMS_TOTAL:
            if not self._told_total:
                self.problem(path, f"the agreement has more than {MAX_TERMS_TOTAL:,} terms in all "
                             "(limit: total terms); keep the words a client really uses", node)
                self._told_total = True
            return None
        out: dict[str, None] = {}  # insertion-ordered set: one pass, however many terms
        ok = True
        for index, term_node in enumerate(node.value):
            term = self.text(term_node, f"{path}[{index}]")
            if term is None:
                if is_null(term_node) or isinstance(term_node, ScalarNode):
                    self.problem(f"{path}[{index}]", "is empty; remove it or write the word", term_node)
                ok = False
            elif len(term) > MAX_TERM_CHARS:
                self.problem(f"{path}[{index}]", f"is {len(term)} characters long; a term may have at most "
                             f"{MAX_TERM_CHARS} (limit: term length)", term_node)
                ok = False
            else:
                out.setdefault(term)
        return tuple(out) if ok else None

    def due(self, node: Node | None, path: str) -> str | None:
        if is_null(node):
            return None
        if isinstance(node, ScalarNode) and node.tag == TAG + "timestamp":
            value = self.date_value(node, path)
            return value.isoformat() if value else None
        return self.text(node, path)


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

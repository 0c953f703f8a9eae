"""Writing an agreement the VA filled in on the page back into its YAML file: with a round-trip YAML
library (ruamel.yaml), so a hand-edited file keeps its comments, key order, quoting and layout,
and only the values that changed are rewritten. A new agreement starts from a trade's commented
starter file. `AgreementForm` is what the page edits: plain strings as typed, so a wrong value
reaches validation as written and its message stands at its field."""

from __future__ import annotations

import copy
import io
import os
import re
import tempfile
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.util import load_yaml_guess_indent

from scopewatch.errors import AgreementError, Problem, WorkspaceError

SECTIONS = ("deliverables", "exclusions", "client_provides")
CATEGORIES = ("new_work", "excluded", "quantity", "deadline", "client_duty")
# Where a key goes when the file does not have it yet: after the nearest key before it here.
TOP_ORDER = ("client", "contacts", "language", "trade", "project", "goal", "period", "rate", "estimate_hours",
             "estimates", "deliverables", "exclusions", "client_provides", "acceptance", "change_policy",
             "checklist", "amendments")
ITEM_ORDER = ("id", "description", "client_text", "terms", "kinds", "limit", "due", "estimate_hours",
              "estimate_days", "price")
_NUMBER = re.compile(r"^\s*\d+(?:\.\d+)?\s*$")
_ISO_DATE = re.compile(r"^\s*\d{4}-\d{2}-\d{2}\s*$")


@dataclass
class ItemForm:
    """One clause as the page edits it; `orig_id` is its id in the file (empty for a new one)."""

    id: str = ""
    description: str = ""
    client_text: str = ""
    terms: str = ""  # comma-separated, as typed
    limit_count: str = ""
    limit_per: str = ""
    limit_unit: str = ""
    each: str = ""
    due: str = ""
    estimate_hours: str = ""
    price: str = ""
    orig_id: str = ""
    remove: bool = False

    def is_blank(self) -> bool:
        return not any((self.id, self.description, self.client_text, self.terms, self.limit_count,
                        self.limit_unit, self.each, self.due, self.estimate_hours, self.price))


@dataclass
class AgreementForm:
    """Everything the agreement page edits; every value a string as the VA typed it."""

    client: str = ""
    contacts: str = ""  # one per line or comma-separated
    language: str = "en"
    trade: str = ""
    project: str = ""
    goal: str = ""
    period_start: str = ""
    period_end: str = ""
    rate_amount: str = ""
    rate_currency: str = ""
    rate_per: str = ""
    estimate_hours: str = ""
    acceptance: str = ""
    change_policy: str = ""
    deliverables: list[ItemForm] = field(default_factory=list)
    exclusions: list[ItemForm] = field(default_factory=list)
    client_provides: list[ItemForm] = field(default_factory=list)
    estimates: dict[str, dict[str, str]] = field(default_factory=dict)  # category -> {hours, price}
    checklist: dict[str, str] = field(default_factory=dict)  # kind id -> answer ("" = not on it)


# --- reading and writing the document --------------------------------------------------------------


class Document:
    """One agreement file as a round-trip YAML document, dumped with the file's own indentation."""

    def __init__(self, text: str, label: str = "agreement"):
        self.original = text
        try:
            _, indent, offset = load_yaml_guess_indent(text) if text.strip() else (None, None, None)
        except YAMLError:
            indent = offset = None
        self._yaml = YAML()
        self._yaml.preserve_quotes = True
        self._yaml.width = 4096  # never re-wrap a long description
        self._yaml.indent(mapping=2, sequence=indent or 4, offset=2 if offset is None else offset)
        try:
            data = self._yaml.load(text) if text.strip() else None
        except YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            raise AgreementError([Problem(label, "", f"invalid YAML: {getattr(exc, 'problem', exc)}",
                                          mark.line + 1 if mark else None)]) from None
        if data is None:
            data = CommentedMap()
        if not isinstance(data, CommentedMap):
            raise AgreementError([Problem(label, "", "expected the agreement as key: value lines", 1)])
        self.data = data

    def text(self) -> str:
        out = io.StringIO()
        self._yaml.dump(self.data, out)
        return out.getvalue()

    def changed(self) -> bool:
        return self.text() != self.original


# --- the form from a document ----------------------------------------------------------------------


def _s(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, (list, tuple)):
        return ", ".join(_s(v) for v in value)
    return str(value)


def _item_form(m) -> ItemForm:
    if not isinstance(m, dict):
        return ItemForm(description=_s(m))
    limit = m.get("limit") if isinstance(m.get("limit"), dict) else {}
    return ItemForm(
        id=_s(m.get("id")), description=_s(m.get("description")), client_text=_s(m.get("client_text")),
        terms=_s(m.get("terms")), limit_count=_s(limit.get("count")), limit_per=_s(limit.get("per")),
        limit_unit=_s(limit.get("unit")), each=_s(limit.get("each")), due=_s(m.get("due")),
        estimate_hours=_s(m.get("estimate_hours")), price=_s(m.get("price")), orig_id=_s(m.get("id")),
    )


def form_of(doc: Document) -> AgreementForm:
    """What the page shows of a file: every value the form edits, as text."""
    d = doc.data
    period = d.get("period") if isinstance(d.get("period"), dict) else {}
    rate = d.get("rate") if isinstance(d.get("rate"), dict) else {}
    contacts = d.get("contacts")
    form = AgreementForm(
        client=_s(d.get("client")),
        contacts="\n".join(_s(c) for c in contacts) if isinstance(contacts, list) else _s(contacts),
        language=_s(d.get("language")) or "en", trade=_s(d.get("trade")), project=_s(d.get("project")),
        goal=_s(d.get("goal")), period_start=_s(period.get("start")), period_end=_s(period.get("end")),
        rate_amount=_s(rate.get("amount")), rate_currency=_s(rate.get("currency")), rate_per=_s(rate.get("per")),
        estimate_hours=_s(d.get("estimate_hours")), acceptance=_s(d.get("acceptance")),
        change_policy=_s(d.get("change_policy")),
    )
    for section in SECTIONS:
        items = d.get(section)
        setattr(form, section, [_item_form(m) for m in items] if isinstance(items, list) else [])
    estimates = d.get("estimates") if isinstance(d.get("estimates"), dict) else {}
    for cat in CATEGORIES:
        e = estimates.get(cat) if isinstance(estimates.get(cat), dict) else {}
        form.estimates[cat] = {"hours": _s(e.get("estimate_hours")), "price": _s(e.get("price"))}
    checklist = d.get("checklist") if isinstance(d.get("checklist"), dict) else {}
    for kind, answer in checklist.items():
        value = answer.get("answer") if isinstance(answer, dict) else answer
        form.checklist[str(kind)] = _s(value)
    return form


# --- the document from a form ----------------------------------------------------------------------


def _typed(text: str, *, number: bool = False, day: bool = False):
    """A form value as YAML should hold it: a number or a date where the field takes one and the
    text is one; anything else stays the text, so validation names what is wrong with it."""
    text = " ".join(text.split())
    if not text:
        return None
    if number and _NUMBER.match(text):
        return int(text) if "." not in text else float(text)
    if day and _ISO_DATE.match(text):
        try:
            return date.fromisoformat(text.strip())
        except ValueError:
            return text
    return text


def _same(old, new) -> bool:
    """Whether the file already says this (then it is left as written, quotes and all)."""
    if isinstance(old, (list, dict)) or isinstance(new, (list, dict)):
        return isinstance(old, list) and isinstance(new, list) and [str(o) for o in old] == [str(n) for n in new]
    if isinstance(new, bool) or isinstance(old, bool):
        return old is new
    if isinstance(new, (int, float, date)):
        return type(old) is type(new) and old == new or (isinstance(new, float) and isinstance(old, float) and old == new)
    return isinstance(old, str) and old == new


def _insert_at(m: CommentedMap, key: str, value, order: tuple[str, ...]) -> None:
    """Put a key the map lacks after the nearest key before it in `order` (else first)."""
    keys = list(m.keys())
    before = order[: order.index(key)] if key in order else order
    at = 0
    for k in reversed(before):
        if k in keys:
            at = keys.index(k) + 1
            break
    else:
        if key not in order:
            at = len(keys)
    m.insert(at, key, value)


def _set(m: CommentedMap, key: str, value, order: tuple[str, ...]) -> None:
    """Set, change or remove one key, touching nothing when the value is the same."""
    if value is None or value == [] or value == {}:
        if key in m:
            del m[key]
        return
    if key in m:
        if not _same(m[key], value):
            m[key] = value
        return
    _insert_at(m, key, value, order)


def _flow_list(values: list[str]) -> CommentedSeq:
    seq = CommentedSeq(values)
    seq.fa.set_flow_style()
    return seq


def _set_list(m: CommentedMap, key: str, values: list[str], order: tuple[str, ...], flow: bool = True) -> None:
    """A list keeps its style (inline or one per line) and comments when it only changes."""
    if not values:
        _set(m, key, None, order)
        return
    old = m.get(key)
    if isinstance(old, list):
        if [str(v) for v in old] != values:
            old[:] = values
        return
    if flow:
        _set(m, key, _flow_list(values), order)
    else:
        _set(m, key, CommentedSeq(values), order)


def _set_map(m: CommentedMap, key: str, values: dict, order: tuple[str, ...], keys: tuple[str, ...]) -> None:
    """A small inline mapping (`period`, `rate`, `limit`): edited key by key, so its style stays."""
    values = {k: v for k, v in values.items() if v is not None}
    if not values:
        _set(m, key, None, order)
        return
    old = m.get(key)
    if not isinstance(old, CommentedMap):
        new = CommentedMap((k, values[k]) for k in keys if k in values)
        new.fa.set_flow_style()
        _set(m, key, new, order)
        return
    for k in keys:
        _set(old, k, values.get(k), keys)


def split_list(text: str) -> list[str]:
    """Terms or contacts as typed: one per line, or separated by commas or semicolons."""
    return [p.strip().strip('"').strip() for p in re.split(r"[,;\n]", text or "") if p.strip().strip('"').strip()]


def slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:40].strip("-")


def _item_values(item: ItemForm, m: CommentedMap) -> None:
    _set(m, "id", item.id.strip() or None, ITEM_ORDER)
    _set(m, "description", _typed(item.description), ITEM_ORDER)
    _set(m, "client_text", _typed(item.client_text), ITEM_ORDER)
    _set_list(m, "terms", split_list(item.terms), ITEM_ORDER)
    _set_map(m, "limit", {"count": _typed(item.limit_count, number=True), "per": _typed(item.limit_per),
                          "unit": _typed(item.limit_unit), "each": _typed(item.each)}, ITEM_ORDER,
             ("count", "per", "unit", "each"))
    _set(m, "due", _typed(item.due, day=True), ITEM_ORDER)
    _set(m, "estimate_hours", _typed(item.estimate_hours, number=True), ITEM_ORDER)
    _set(m, "price", _typed(item.price, number=True), ITEM_ORDER)


def _items(d: CommentedMap, section: str, rows: list[ItemForm]) -> list[int]:
    """The section's list made like the rows (existing items matched by their id in the file, so
    their comments stay); returns, per item in the file, the row it came from."""
    old = d.get(section) if isinstance(d.get(section), list) else None
    by_id = {str(m.get("id")): m for m in old or [] if isinstance(m, dict) and m.get("id") is not None}
    taken = {r.id.strip() for r in rows if r.id.strip()} | set(by_id)
    keep: list[tuple[int, CommentedMap]] = []
    for n, row in enumerate(rows):
        if row.remove or (row.is_blank() and not row.orig_id):
            continue
        if not row.id.strip():
            base = slug(row.description) or section.rstrip("s")
            row.id, k = base, 2
            while row.id in taken:
                row.id, k = f"{base}-{k}", k + 1
            taken.add(row.id)
        m = by_id.get(row.orig_id) if row.orig_id else None
        if m is None:
            m = CommentedMap()
        _item_values(row, m)
        keep.append((n, m))
    if old is None:
        if keep:
            _set(d, section, CommentedSeq([m for _, m in keep]), TOP_ORDER)
        return [n for n, _ in keep]
    kept_ids = {id(m) for _, m in keep}
    for i in range(len(old) - 1, -1, -1):  # removed items go; comments of the others stay
        if id(old[i]) not in kept_ids:
            del old[i]
    present = {id(m) for m in old}
    for _, m in keep:
        if id(m) not in present:
            old.append(m)
            _blank_line_before_last(old)
    if not old:
        del d[section]
    order = {id(m): n for n, m in keep}
    return [order[id(m)] for m in old]


def _blank_line_before_last(items: CommentedSeq) -> None:
    """A new item at the end of a list whose items stand apart by a blank line gets one too (ruamel
    keeps such a blank line as a comment before the item's index)."""
    n = len(items) - 1
    for i, entry in items.ca.items.items():
        if i == n or not i or not entry or len(entry) < 2 or not entry[1]:
            continue
        if all(not getattr(t, "value", "x").strip() for t in entry[1]):
            items.ca.items[n] = [None, [copy.copy(entry[1][0])], None, None]
            return


def apply_form(doc: Document, form: AgreementForm) -> dict[str, list[int]]:
    """Make the document say what the form says. Returns, per section, the form row of each item
    in the file (to put a problem about `deliverables[2]` at the right row)."""
    d = doc.data
    _set(d, "client", _typed(form.client), TOP_ORDER)
    _set_list(d, "contacts", split_list(form.contacts), TOP_ORDER, flow=False)
    _set(d, "language", _typed(form.language), TOP_ORDER)
    _set(d, "trade", _typed(form.trade), TOP_ORDER)
    _set(d, "project", _typed(form.project), TOP_ORDER)
    _set(d, "goal", _typed(form.goal), TOP_ORDER)
    _set_map(d, "period", {"start": _typed(form.period_start, day=True), "end": _typed(form.period_end, day=True)},
             TOP_ORDER, ("start", "end"))
    _set_map(d, "rate", {"amount": _typed(form.rate_amount, number=True), "currency": _typed(form.rate_currency),
                         "per": _typed(form.rate_per)}, TOP_ORDER, ("amount", "currency", "per"))
    _set(d, "estimate_hours", _typed(form.estimate_hours, number=True), TOP_ORDER)
    _estimates(d, form.estimates)
    rows = {section: _items(d, section, getattr(form, section)) for section in SECTIONS}
    _set(d, "acceptance", _typed(form.acceptance), TOP_ORDER)
    _set(d, "change_policy", _typed(form.change_policy), TOP_ORDER)
    _checklist(d, form.checklist)
    return rows


def _estimates(d: CommentedMap, estimates: dict[str, dict[str, str]]) -> None:
    old = d.get("estimates") if isinstance(d.get("estimates"), CommentedMap) else None
    wanted = {}
    for cat in CATEGORIES:
        e = estimates.get(cat) or {}
        values = {"estimate_hours": _typed(e.get("hours", ""), number=True), "price": _typed(e.get("price", ""), number=True)}
        if any(v is not None for v in values.values()):
            wanted[cat] = values
    if not wanted and old is None:
        return
    if old is None:
        old = CommentedMap()
        _set(d, "estimates", old, TOP_ORDER)
    for cat in CATEGORIES:
        if cat in wanted:
            _set_map(old, cat, wanted[cat], CATEGORIES, ("estimate_hours", "estimate_days", "price"))
        elif cat in old and isinstance(old[cat], dict) and set(old[cat]) <= {"estimate_hours", "price"}:
            del old[cat]  # emptied on the page (an estimate_days written by hand stays)
    if not old:
        del d["estimates"]


def _checklist(d: CommentedMap, answers: dict[str, str]) -> None:
    old = d.get("checklist") if isinstance(d.get("checklist"), CommentedMap) else None
    wanted = {k: a for k, a in answers.items() if a}
    if old is None:
        if wanted:
            _set(d, "checklist", CommentedMap(wanted.items()), TOP_ORDER)
        return
    for kind in list(old.keys()):
        if str(kind) in answers and not answers[str(kind)]:
            del old[kind]
    for kind, answer in wanted.items():
        current = old.get(kind)
        if isinstance(current, CommentedMap):  # {answer: ..., text: ...}: keep its own wording
            _set(current, "answer", answer, ("answer", "text"))
        elif current != answer:
            old[kind] = answer
    if not old:
        del d["checklist"]


def write_agreement(path: Path, text: str, *, new: bool) -> None:
    """Write the file atomically (a reader sees the old text or the new, never half); a new
    agreement never replaces a file that appeared meanwhile, an edit keeps the file's mode."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=".yaml.tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode("utf-8"))
            fh.flush()
            os.fsync(fh.fileno())
        if new:
            try:
                os.link(tmp, path)  # fails when the file exists: nothing is overwritten
            except FileExistsError:
                raise WorkspaceError(f"{path} exists already; pick another file name") from None
            except OSError:  # a file system without hard links: exclusive create instead
                try:
                    with open(path, "x", encoding="utf-8") as fh:
                        fh.write(text)
                except FileExistsError:
                    raise WorkspaceError(f"{path} exists already; pick another file name") from None
            os.unlink(tmp)
        else:
            if path.exists():
                os.chmod(tmp, os.stat(path).st_mode & 0o7777)
            os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise

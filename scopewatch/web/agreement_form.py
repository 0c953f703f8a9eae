"""The agreement page's form: the posted fields read into an AgreementForm (agreement/edit.py), and
every lint message put at the field it is about (`deliverables[2].limit.each` in the file is the
"each" box of the row that item came from), so the VA sees it where she typed."""

from __future__ import annotations

import re
from dataclasses import fields

from scopewatch.agreement.edit import CATEGORIES, SECTIONS, AgreementForm, ItemForm
from scopewatch.errors import Problem

ITEM_FIELDS = [f.name for f in fields(ItemForm) if f.name not in ("remove",)]
_ROW = re.compile(r"^(deliverables|exclusions|client_provides)\[(\d+)\]\.(\w+)$")
MAX_ROWS = 200  # rows per section a posted form may carry (a form is a few kB; this bounds a forged one)
# A validation path inside an item -> the form field it belongs to.
_ITEM_PATHS = {"limit.count": "limit_count", "limit.per": "limit_per", "limit.unit": "limit_unit",
               "limit.each": "each", "limit": "limit_count"}
_TOP_PATHS = {"period": "period.start", "rate": "rate.amount", "contacts": "contacts", "estimates": "estimates"}


def read_form(data) -> AgreementForm:
    """The AgreementForm in a posted form (a werkzeug MultiDict or a dict of strings)."""
    get = (lambda k: (data.get(k) or "")) if hasattr(data, "get") else (lambda k: "")
    form = AgreementForm(
        client=get("client"), contacts=get("contacts"), language=get("language") or "en", trade=get("trade"),
        project=get("project"), goal=get("goal"), period_start=get("period.start"), period_end=get("period.end"),
        rate_amount=get("rate.amount"), rate_currency=get("rate.currency"), rate_per=get("rate.per"),
        estimate_hours=get("estimate_hours"), acceptance=get("acceptance"), change_policy=get("change_policy"),
    )
    rows: dict[str, dict[int, ItemForm]] = {s: {} for s in SECTIONS}
    for key in data.keys():
        m = _ROW.match(key)
        if not m or m.group(3) not in (*ITEM_FIELDS, "remove"):
            continue
        section, n, name = m.group(1), int(m.group(2)), m.group(3)
        if n >= MAX_ROWS:
            continue
        row = rows[section].setdefault(n, ItemForm())
        if name == "remove":
            row.remove = bool(get(key))
        else:
            setattr(row, name, get(key))
    for section in SECTIONS:
        setattr(form, section, [rows[section][n] for n in sorted(rows[section])])
    for cat in CATEGORIES:
        form.estimates[cat] = {"hours": get(f"estimates.{cat}.hours"), "price": get(f"estimates.{cat}.price")}
    for key in data.keys():
        if key.startswith("checklist.") and len(key) < 120:
            form.checklist[key[len("checklist."):]] = get(key)
    added = get("checklist_add").strip().lower()
    if added and get("checklist_add_answer"):
        form.checklist[added] = get("checklist_add_answer")
    return form


def add_row(form: AgreementForm, section: str) -> None:
    """One more empty row in a section ("Add work" and friends; the page runs no script)."""
    if section in SECTIONS and len(getattr(form, section)) < MAX_ROWS:
        getattr(form, section).append(ItemForm())


def field_of(problem: Problem, rows: dict[str, list[int]], form: AgreementForm) -> str:
    """The form field a problem (or warning) is about; "" when it is about the file as a whole."""
    path = problem.field or ""
    for section in SECTIONS:
        if path == section:
            return section
        m = re.match(rf"^{section}\[(\d+)\](?:\.(.*))?$", path)
        if m:
            index, rest = int(m.group(1)), m.group(2) or "description"
            in_form = rows.get(section, [])
            row = in_form[index] if index < len(in_form) else index
            rest = re.sub(r"\[\d+\]$", "", rest)  # terms[2] -> terms
            name = _ITEM_PATHS.get(rest, rest)
            return f"{section}[{row}].{name if name in ITEM_FIELDS else 'description'}"
        if path.startswith(section + "."):  # "deliverables.<id>": a warning about one item
            item_id = path[len(section) + 1:]
            for n, row in enumerate(getattr(form, section)):
                if row.id == item_id or row.orig_id == item_id:
                    return f"{section}[{n}].description"
            return section
    if path.startswith("checklist"):
        return path if path.count(".") >= 1 else "checklist"
    if path.startswith("estimates."):
        parts = path.split(".")
        if len(parts) >= 3:
            return f"estimates.{parts[1]}.{'price' if parts[2] == 'price' else 'hours'}"
        return "estimates"
    top = re.sub(r"\[\d+\]$", "", path)
    if top in _TOP_PATHS:
        return _TOP_PATHS[top]
    if top in ("period.start", "period.end", "rate.amount", "rate.currency", "rate.per"):
        return top
    return top if top in ("client", "language", "trade", "project", "goal", "estimate_hours", "acceptance",
                          "change_policy") else ""


def messages_by_field(problems: list[Problem], warnings: list[Problem], rows: dict[str, list[int]],
                      form: AgreementForm) -> dict[str, list[tuple[str, str]]]:
    """Field -> [(kind, message)], kind "error" or "warning"; the file-wide ones under ""."""
    out: dict[str, list[tuple[str, str]]] = {}
    for kind, found in (("error", problems), ("warning", warnings)):
        for p in found:
            out.setdefault(field_of(p, rows, form), []).append((kind, p.message))
    return out

"""The agreement pages: New client (from a trade's starter or empty), Edit agreement (a form, or the
YAML itself), the scope checklist inside it, and the client's letter "What we agreed". Lint runs on
Check and on Save and every message stands at its field; Save writes the YAML file the command line
reads (keeping a hand-edited file's comments and order) and records the new version in the ledger."""

from __future__ import annotations

import hashlib
from pathlib import Path

from flask import Flask, abort, current_app, g, redirect, request, url_for

from scopewatch.agreement.checklist import checklist_data, checklist_kinds, guess_trade, starter_text
from scopewatch.agreement.edit import CATEGORIES, SECTIONS, AgreementForm, Document, apply_form, form_of, slug, \
    write_agreement
from scopewatch.agreement.load import YAML_SUFFIXES, check_in_workspace, lint_agreements
from scopewatch.agreement.model import LIMIT_PERIODS
from scopewatch.agreement.validate import RATE_PERIODS
from scopewatch.agreement.validate_work import ID_RE
from scopewatch.errors import AgreementError, ConfigError, ScopewatchError
from scopewatch.web.agreement_form import add_row, messages_by_field, read_form
from scopewatch.web.app import web_session

WORDS_FILE = "agreement_labels.yaml"
RESERVED_IDS = ("new",)  # /client/new is the New client page


def _session():
    """This request's Session; when one agreement file is broken the others still load, so its
    own page can still be opened to fix it."""
    if "sw_session" in g:
        return g.sw_session
    try:
        return web_session()
    except AgreementError:
        from scopewatch.outbox import Session, reviewer
        from scopewatch.workspace import Workspace

        root = current_app.config["SCOPEWATCH_ROOT"]
        good, _problems = lint_agreements(Path(root) / "scopes")
        g.sw_session = Session(Workspace(Path(root), good), current_app.config["SCOPEWATCH_CONFIG"],
                               current_app.extensions["scopewatch_ledger"], f"{reviewer()} (web)")
        return g.sw_session


def _pipelines():
    """spaCy pipelines for the lint warnings and the checklist's trade guess, built once per app."""
    from scopewatch.detect.nlp import Pipelines

    return current_app.extensions.setdefault("scopewatch_pipelines", Pipelines())


def _lang() -> str:
    return current_app.config["SCOPEWATCH_LANGUAGE"]


def _words() -> dict[str, str]:
    s = _session()
    for d in s.workspace.template_dirs():
        path = Path(d) / "web" / WORDS_FILE
        if path.is_file():
            from scopewatch.web.app import _labels

            data = _labels(str(path), path.stat().st_mtime)
            return {**data.get("en", {}), **data.get(_lang(), {})}
    raise ConfigError(f"templates/web/{WORDS_FILE} is missing from the installation")


def _w(key: str, **values) -> str:
    text = _words().get(key, key)
    return text.format(**values) if values else text


def _render(name: str, **context):
    from scopewatch.web.views import _render as render

    _session()  # loads what can be loaded before the shared frame asks for the workspace
    return render(name, w=_words(), **context)


def _file_of(client_id: str) -> Path | None:
    scopes = _session().workspace.scopes_dir
    for suffix in YAML_SUFFIXES:
        path = scopes / f"{client_id}{suffix}"
        if path.is_file():
            return path
    return None


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


# --- what the form page shows ----------------------------------------------------------------------


def _checklist_rows(form: AgreementForm, agreement=None) -> tuple[list[dict], list[dict], dict]:
    """The checklist's rows (the trade's kinds, then any other answered), the kinds that can be
    added, and the trades to choose from; labels in the VA's language."""
    s = _session()
    data = checklist_data(s.workspace.template_dirs())
    catalogue = s.workspace.catalogue()
    trade = form.trade if form.trade in data.trades else None
    if trade is None and agreement is not None:
        from scopewatch.detect.links import agreement_links

        trade = guess_trade(agreement, data, agreement_links(agreement, catalogue, _pipelines()))
    from scopewatch.agreement.model import Agreement

    shown = checklist_kinds(agreement or Agreement("", "", (), ()), data, trade)
    shown += [k for k in form.checklist if k not in shown]
    rows = [{"kind": k, "label": data.label(k, _lang(), catalogue), "answer": form.checklist.get(k, ""),
             "known": k in catalogue} for k in shown]
    others = sorted(({"kind": k, "label": data.label(k, _lang(), catalogue)} for k in catalogue.kinds if k not in shown),
                    key=lambda r: r["label"].lower())
    trades = {t.id: t.name(_lang()) for t in data.trades.values()}
    return rows, others, {"trades": trades, "trade": trade}


def _form_page(form: AgreementForm, *, client_id: str | None, messages: dict, base: str = "", starter: str = "",
               starter_language: str = "", agreement=None, status: int = 200):
    rows, others, trades = _checklist_rows(form, agreement)
    for section in SECTIONS:  # always a row to fill in
        if not getattr(form, section):
            add_row(form, section)
    words = _words()
    new = client_id is None
    title = _w("new_client") if new else f"{_w('edit_agreement')}: {form.client or client_id}"
    counts = {kind: sum(1 for found in messages.values() for k, _ in found if k == kind) for kind in ("error", "warning")}
    page = _render("agreement.html.j2", form=form, client_id=client_id, new=new, messages=messages, counts=counts,
                   base=base, starter=starter, starter_language=starter_language, checklist_rows=rows,
                   checklist_others=others, trades=trades["trades"], trade=trades["trade"], sections=SECTIONS,
                   estimate_categories=CATEGORIES, rate_options=[(p, words[f"per_{p}"]) for p in RATE_PERIODS],
                   limit_options=[(p, words[f"per_{p}"]) for p in LIMIT_PERIODS],
                   posted_id=request.form.get("client_id", "") if request.method == "POST" else "", title=title)
    return page, status


def _lint(client_id: str, text: str, form: AgreementForm, rows: dict) -> tuple[object, list, dict]:
    """Validate the text as scopes/CLIENT.yaml; the problems and warnings at their fields."""
    from scopewatch.scope_lint import warnings

    s = _session()
    agreement, problems = check_in_workspace(s.workspace.scopes_dir, client_id, text)
    found = warnings([agreement], s.workspace.catalogue(), _pipelines()) if agreement is not None else []
    return agreement, problems, messages_by_field(problems, found, rows, form)


# --- saving ------------------------------------------------------------------------------------------


def _submit(client_id: str | None, base_text: str, *, starter: str = "", starter_language: str = ""):
    """Check, add a row, or save the posted form over `base_text` (the file, or the starter)."""
    from flask import flash

    s = _session()
    form = read_form(request.form)
    action = request.form.get("action", "check")
    base = request.form.get("base", "")
    if action.startswith("add:"):
        add_row(form, action[4:])
        return _form_page(form, client_id=client_id, messages={}, base=base, starter=starter,
                          starter_language=starter_language)
    if form.trade and form.trade == request.form.get("trade_guess") and not any(form.checklist.values()):
        form.trade = ""  # the page's guess, and nothing answered on its checklist: not written into the file
    new = client_id is None
    target_id = client_id or (request.form.get("client_id", "").strip() or slug(form.client))
    doc = Document(base_text)
    rows = apply_form(doc, form)
    text = doc.text()
    agreement, problems, messages = _lint(target_id or "client", text, form, rows)
    if new:
        problem = None
        if not target_id or not ID_RE.match(target_id) or target_id in RESERVED_IDS:
            problem = _words()["f_client_id_help"]
        elif _file_of(target_id) is not None:
            problem = _w("exists", id=target_id)
        if problem:
            messages.setdefault("client_id", []).insert(0, ("error", problem))
    errors = sum(1 for found in messages.values() for k, _ in found if k == "error")
    if action == "save" and not errors:
        if not new and base and base != _hash(base_text):
            flash(_w("changed_on_disk"), "error")
        elif not new and not doc.changed():
            flash(_w("unchanged"), "ok")
            return redirect(url_for("agreement_edit", client_id=client_id))
        else:
            path = (_file_of(client_id) if not new else None) or s.workspace.scopes_dir / f"{target_id}.yaml"
            write_agreement(path, text, new=new)
            _record(target_id, path)
            name = f"scopes/{path.name}"
            flash(_w("saved_new", file=name, contacts=", ".join(agreement.contacts)) if new else _w("saved", file=name),
                  "ok")
            return redirect(url_for("agreement_edit", client_id=target_id))
    elif action in ("check", "save"):
        flash(_w("errors_here", n=errors) if errors else _w("checked_ok") if not any(messages.values())
              else _w("warnings_here", n=sum(len(m) for m in messages.values())), "error" if errors else "ok")
    return _form_page(form, client_id=client_id, messages=messages, base=base, starter=starter,
                      starter_language=starter_language, agreement=agreement, status=422 if errors else 200)


def _record(client_id: str, path: Path) -> None:
    """The saved text as a new version of the client's agreement in the ledger."""
    from scopewatch.agreement.load import load_agreement_file
    from scopewatch.store.letters import record_version

    record_version(_session().ledger, load_agreement_file(path))


# --- routes ------------------------------------------------------------------------------------------


def register(app: Flask) -> None:
    @app.get("/client/new")
    def agreement_new():
        s = _session()
        language = request.args.get("language") or _lang()
        trade = request.args.get("trade", "")
        form = form_of(Document(starter_text(s.workspace.template_dirs(), trade or None, language)))
        form.language = form.language or language
        return _form_page(form, client_id=None, messages={}, starter=trade, starter_language=language)[0]

    @app.post("/client/new")
    def agreement_new_post():
        s = _session()
        starter, language = request.form.get("starter", ""), request.form.get("starter_language") or _lang()
        base = starter_text(s.workspace.template_dirs(), starter or None, language)
        return _submit(None, base, starter=starter, starter_language=language)

    @app.get("/client/<client_id>/edit")
    def agreement_edit(client_id: str):
        path = _file_of(client_id)
        if path is None:
            abort(404, f"no agreement file for client {client_id!r} in scopes/")
        text = path.read_text(encoding="utf-8")
        try:
            doc = Document(text, str(path))
        except AgreementError:
            return redirect(url_for("agreement_yaml", client_id=client_id))
        form = form_of(doc)
        rows = {section: list(range(len(getattr(form, section)))) for section in SECTIONS}
        agreement, _problems, messages = _lint(client_id, text, form, rows)
        return _form_page(form, client_id=client_id, messages=messages, base=_hash(text), agreement=agreement)[0]

    @app.post("/client/<client_id>/edit")
    def agreement_edit_post(client_id: str):
        path = _file_of(client_id)
        if path is None:
            abort(404, f"no agreement file for client {client_id!r} in scopes/")
        return _submit(client_id, path.read_text(encoding="utf-8"))

    @app.get("/client/<client_id>/yaml")
    def agreement_yaml(client_id: str):
        path = _file_of(client_id)
        if path is None:
            abort(404, f"no agreement file for client {client_id!r} in scopes/")
        text = path.read_text(encoding="utf-8")
        _agreement, problems = check_in_workspace(_session().workspace.scopes_dir, client_id, text)
        return _render("agreement_yaml.html.j2", client_id=client_id, text=text, problems=problems, base=_hash(text),
                       title=f"{_w('yaml_title')}: {client_id}")

    @app.post("/client/<client_id>/yaml")
    def agreement_yaml_post(client_id: str):
        from flask import flash

        path = _file_of(client_id)
        if path is None:
            abort(404, f"no agreement file for client {client_id!r} in scopes/")
        text = request.form.get("text", "").replace("\r\n", "\n")
        current = path.read_text(encoding="utf-8")
        _agreement, problems = check_in_workspace(_session().workspace.scopes_dir, client_id, text)
        if request.form.get("base") != _hash(current):
            flash(_w("changed_on_disk"), "error")
        elif problems:
            flash(_w("errors_here", n=len(problems)), "error")
        elif text == current:
            flash(_w("unchanged"), "ok")
            return redirect(url_for("agreement_edit", client_id=client_id))
        else:
            write_agreement(path, text, new=False)
            _record(client_id, path)
            flash(_w("saved", file=f"scopes/{path.name}"), "ok")
            return redirect(url_for("agreement_yaml", client_id=client_id))
        return _render("agreement_yaml.html.j2", client_id=client_id, text=text, problems=problems,
                       base=request.form.get("base", ""), title=f"{_w('yaml_title')}: {client_id}"), 422

    @app.get("/client/<client_id>/letter")
    def agreement_letter(client_id: str):
        from scopewatch.draft.letter import make_letter
        from scopewatch.store import letters

        s = _session()
        agreement = s.workspace.agreements.get(client_id)
        if agreement is None:
            abort(404, f"no agreement for client {client_id!r}")
        made = error = None
        try:
            made = make_letter(s.ledger, s.workspace, client_id, s.va(), pipelines=_pipelines())
        except ConfigError:
            error = _w("letter_no_va")
        except ScopewatchError as exc:
            error = str(exc)
        sent = letters.letters(s.ledger, client_id)
        versions = {v.id: v.content_hash for v in letters.versions(s.ledger, client_id)}
        current = next((lt for lt in reversed(sent) if versions.get(lt.version_id) == agreement.content_hash
                        and lt.in_mailbox), None)
        previous = letters.previous_letter(s.ledger, client_id, agreement.content_hash)
        return _render("letter.html.j2", agreement=agreement, letter=made, error=error, sent=list(reversed(sent)),
                       current=current, previous=previous[0] if previous else None,
                       title=f"{_w('letter')}: {agreement.client}")

    @app.post("/client/<client_id>/letter")
    def agreement_letter_post(client_id: str):
        from flask import flash

        from scopewatch.outbox import letter_into_mailbox

        s = _session()
        if client_id not in s.workspace.agreements:
            abort(404, f"no agreement for client {client_id!r}")
        out = letter_into_mailbox(s, client_id)
        where = f"{out.account}/{out.folder}"
        if out.folder is None:
            flash(_w("letter_kept", to=out.to), "ok")
        elif out.created or out.appended:
            flash(_w("letter_put_done", to=out.to, where=where), "ok")
        else:
            flash(_w("letter_once", where=where), "ok")
        return redirect(url_for("agreement_letter", client_id=client_id))

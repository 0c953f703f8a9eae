"""The page's routes: GET only shows, every change is a POST form with the CSRF token, and each
calls the same library function as the matching command (confirm, dismiss, draft, send, accept)."""

from __future__ import annotations

import re
from pathlib import Path

from flask import Flask, abort, current_app, redirect, render_template, request, send_file, session, url_for
from flask import flash as _flash
from markupsafe import Markup, escape
from werkzeug.exceptions import HTTPException

from scopewatch.errors import (
    ConfigError, DecisionError, MailboxError, MessageError, NotFoundError, ScopewatchError, SmtpError, StoreError,
    TemplateError,
)
from scopewatch.web import pages, security
from scopewatch.web.app import labels, web_session

STATIC_FILES = {"web.css": "text/css", "agreement.css": "text/css"}
FLASH_CHARS = 600  # a message rides in the session cookie until shown: keep it well under 4 KB
# Reasons a dismissal can give, as stored in the finding's history.
DISMISS_REASONS = ("in_scope", "not_a_request", "already_agreed", "other")


def flash(message: str, kind: str) -> None:
    _flash(message if len(message) <= FLASH_CHARS else message[: FLASH_CHARS - 1] + "…", kind)


def _lang() -> str:
    return current_app.config["SCOPEWATCH_LANGUAGE"]


def _render(name: str, **context):
    s = web_session()
    context.setdefault("title", "")
    from scopewatch.detect.findings import CATEGORIES
    from scopewatch.digest.render import CATEGORY_LABELS

    return render_template(
        f"web/{name}", t=labels(s.workspace.template_dirs(), _lang()), lang=_lang(),
        categories=CATEGORIES, category_labels=CATEGORY_LABELS[_lang()],
        login=current_app.config["SCOPEWATCH_LOGIN"], logged_in=bool(session.get("user")),
        clients=sorted(s.workspace.agreements.values(), key=lambda a: a.client.lower()), **context,
    )


def _back(fid: int | None = None):
    target = security.safe_next(request.form.get("next"))
    if target == "/" and fid is not None and not request.form.get("next"):
        target = url_for("finding", fid=fid)
    return redirect(target)


def _t(key: str, **values) -> str:
    text = labels(web_session().workspace.template_dirs(), _lang()).get(key, key)
    return text.format(**values) if values else text


def _note() -> str | None:
    return " ".join(request.form.get("note", "").split())[:500] or None


def _learned(decided) -> str:
    """What detection learned from a decision, as `scopewatch dismiss/confirm` print it."""
    lines = decided.summary(decided.finding.status).splitlines()[1:]
    return (" " + "; ".join(line.strip() for line in lines) + ".") if lines else ""


def _saved(head: str, done) -> str:
    """The flash after a new version of the reply: what happened, and which version Drafts holds."""
    from scopewatch.web.pages import draft_state

    state = draft_state(done.record)
    line = f"{head} {_t('draft_state_' + state)}."
    return line + (f" ({done.why_not})" if done.why_not and state == "earlier" else "")


def ticks(text) -> Markup:
    """Text with `command` spans as <code>: messages written for the terminal read right on the page
    (escaped first, so client text can never become markup)."""
    escaped = str(escape(text or ""))
    return Markup(re.sub(r"`([^`<>]+)`", r"<code>\1</code>", escaped))


def counted(count, unit: str | None, language: str) -> str:
    """"2 trips", "3 lagen": a limit's number with its unit agreeing, as the replies write it."""
    from scopewatch.draft.wording import counted as words

    return words(count, unit, language, web_session().workspace.template_dirs())


def register(app: Flask) -> None:
    app.jinja_env.filters["ticks"] = ticks
    app.jinja_env.filters["counted"] = counted

    @app.get("/")
    def today():
        s = web_session()
        return _render("today.html.j2", groups=pages.today(s, _lang()), title=_t("today"))

    @app.get("/finding/<int:fid>")
    def finding(fid: int):
        s = web_session()
        page = pages.finding(s, fid, _lang())
        agreement = s.workspace.agreements.get(page.card.f.client or "")
        return _render("finding.html.j2", p=page, agreement=agreement, reasons=DISMISS_REASONS,
                       title=f"#{fid}")

    @app.get("/finding/<int:fid>/send")
    def send_confirm(fid: int):
        from scopewatch.draft.service import body_text, render_for_finding
        from scopewatch.store import followup

        s = web_session()
        d = followup.draft_for(s.ledger, fid)
        if d is not None:
            to, subject, text, sent = d.to, d.subject, body_text(d.raw), d.sent_at
        else:  # shown, not stored: a GET changes nothing
            rendered = render_for_finding(s.ledger, s.workspace, fid, s.va())[0]
            to, subject, text, sent = rendered.to, rendered.subject, rendered.text, None
        return _render("send.html.j2", fid=fid, to=to, subject=subject, text=text, sent=sent,
                       smtp=s.config.smtp, title=_t("send_title"))

    @app.post("/finding/<int:fid>/confirm")
    def confirm(fid: int):
        from scopewatch.outbox import draft_into_mailbox
        from scopewatch.replies import after_correction
        from scopewatch.store import decisions, followup

        s = web_session()
        f = s.ledger.finding(fid)
        # The same decision as `scopewatch confirm [--category C --item I]`: a correction teaches detection.
        decided = decisions.confirm(s.ledger, fid, who=s.who, category=request.form.get("category") or None,
                                    item=request.form.get("item") or None, reason=_note(),
                                    agreement=s.workspace.agreements.get(f.client or ""))
        learned = _learned(decided)
        existing = followup.draft_for(s.ledger, fid)
        if existing is not None and decided.corrected and (request.form.get("category") or request.form.get("item")):
            # Its reply says the corrected thing now (unless the VA edited it: then it says so).
            follow = after_correction(s, fid)
            flash(_t("flash_confirmed", id=fid) + (f" {follow[0].upper()}{follow[1:]}." if follow else "") + learned, "ok")
            return _back(fid)
        try:
            out = draft_into_mailbox(s, fid)
            where = f"{out.draft.account}/{out.draft.folder}" if out.draft.in_mailbox else _t("ledger_only")
            flash(_t("flash_confirmed_drafted", id=fid, where=where) + learned, "ok")
        except ScopewatchError as exc:
            flash(_t("flash_confirmed_no_draft", id=fid, error=str(exc)) + learned, "warn")
        return _back(fid)

    @app.post("/finding/<int:fid>/dismiss")
    def dismiss(fid: int):
        from scopewatch.outbox import dismiss_question, withdraw_after
        from scopewatch.store import decisions

        s = web_session()
        kind = request.form.get("reason", "other")
        if kind not in DISMISS_REASONS:
            abort(400, "unknown dismiss reason")
        f = s.ledger.finding(fid)
        item, note = request.form.get("item") or None, _note()
        # An edited reply leaves Drafts too, but only after the VA said so once on this page.
        question = dismiss_question(s, fid) if f.status not in ("dismissed",) else None
        if question and request.form.get("confirm_edited") != "yes":
            fields = {k: request.form.get(k, "") for k in ("reason", "item", "note", "next")}
            return _render("confirm_dismiss.html.j2", fid=fid, f=f, question=question, fields=fields,
                           title=_t("dismiss_title"))
        if kind == "in_scope" and not item:  # agreed work, but no deliverable named: nothing to learn
            kind, note = "other", "in scope" + (f"; {note}" if note else "")
        # The same decision as `scopewatch dismiss --in-scope ITEM / --not-a-request / --already-agreed`.
        decided = decisions.dismiss(
            s.ledger, fid, who=s.who, in_scope=item if kind == "in_scope" else None,
            not_a_request=kind == "not_a_request", already_agreed=kind == "already_agreed",
            reason=note, agreement=s.workspace.agreements.get(f.client or ""))
        # Its reply leaves Drafts, as with `scopewatch dismiss`.
        done = withdraw_after(s, fid, confirmed=bool(question)) if decided.changed else None
        flash(_t("flash_dismissed", id=fid, why=decided.why or "") + _learned(decided)
              + (f" {done[0].upper()}{done[1:]}." if done else ""), "ok")
        return _back(fid)

    @app.post("/finding/<int:fid>/draft")
    def draft(fid: int):
        from scopewatch import replies
        from scopewatch.draft.versions import DraftChanged

        s = web_session()
        action = request.form.get("action")
        if action == "save":
            text = request.form.get("text", "").replace("\r\n", "\n")
            if not text.strip():
                flash(_t("flash_empty_draft"), "warn")
            else:
                try:
                    done = replies.save(s, fid, text, seen=request.form.get("seen") or None)
                    flash(_saved(_t("flash_draft_saved"), done), "warn" if done.record.pending else "ok")
                except DraftChanged as exc:
                    # Her text stays in the editor; the copy from Drafts is shown beside it to compare.
                    page = pages.finding(s, fid, _lang())
                    page.draft_text, page.conflict, page.seen = text, exc.text, exc.digest
                    agreement = s.workspace.agreements.get(page.card.f.client or "")
                    flash(str(exc)[0].upper() + str(exc)[1:] + ".", "error")
                    return _render("finding.html.j2", p=page, agreement=agreement, reasons=DISMISS_REASONS,
                                   title=f"#{fid}"), 409
        elif action == "rerender":
            done = replies.rewrite(s, fid)
            flash(_saved(_t("flash_draft_rerendered"), done), "warn" if done.record.pending else "ok")
        elif action == "mailbox":
            from scopewatch.outbox import draft_into_mailbox

            out = draft_into_mailbox(s, fid)
            flash(_t("flash_in_drafts", where=f"{out.draft.account}/{out.draft.folder}")
                  if out.draft.in_mailbox and not out.draft.pending else _t("ledger_only"), "ok")
        else:
            abort(400, "unknown draft action")
        return redirect(url_for("finding", fid=fid) + "#draft")

    @app.post("/finding/<int:fid>/send")
    def send(fid: int):
        from scopewatch.outbox import deliver, smtp_settings

        s = web_session()
        if request.form.get("confirm") != "yes":
            abort(400, "sending needs the confirmation step")
        flash(deliver(s, fid, smtp_settings(s.config)), "ok")
        return redirect(url_for("finding", fid=fid))

    @app.post("/finding/<int:fid>/accept")
    def accept(fid: int):
        from scopewatch.draft.service import accept_finding

        s = web_session()
        note = " ".join(request.form.get("note", "").split())[:500] or None
        amendment, _added = accept_finding(s.ledger, s.workspace, fid, who=s.who, why=note,
                                           default_estimate_hours=s.config.default_estimate_hours)
        flash(_t("flash_accepted", id=fid, amendment=amendment.id), "ok")
        return _back(fid)

    @app.post("/finding/<int:fid>/decline")
    def decline(fid: int):
        from scopewatch.draft.service import decline_finding

        s = web_session()
        note = " ".join(request.form.get("note", "").split())[:500] or None
        decline_finding(s.ledger, fid, who=s.who, why=note)
        flash(_t("flash_declined", id=fid), "ok")
        return _back(fid)

    @app.get("/client/<client_id>")
    def client(client_id: str):
        page = pages.client(web_session(), client_id, _lang())
        if page is None:
            abort(404, f"no agreement for client {client_id!r}")
        return _render("client.html.j2", p=page, title=page.agreement.client)

    @app.get("/service")
    def service():
        from scopewatch.service.health import service_status

        s = web_session()
        report = service_status(s.workspace.root, s.config.database_url)
        return _render("service.html.j2", report=report, title=_t("service"))

    @app.get("/login")
    def login():
        if not current_app.config["SCOPEWATCH_LOGIN"]:
            return redirect(url_for("today"))
        return _render("login.html.j2", next=security.safe_next(request.args.get("next")), title=_t("login"))

    @app.post("/login")
    def login_post():
        password = current_app.config["SCOPEWATCH_PASSWORD"]
        if password is None:
            return redirect(url_for("today"))
        limiter = current_app.extensions["scopewatch_limiter"]
        who = request.remote_addr or "?"
        wait = limiter.wait_seconds(who)
        if wait:
            abort(429, _t("too_many", minutes=max(1, round(wait / 60))))
        if not security.check_password(request.form.get("password", ""), password):
            limiter.failed(who)
            flash(_t("wrong_password"), "error")
            return _render("login.html.j2", next=security.safe_next(request.form.get("next")), title=_t("login")), 401
        limiter.succeeded(who)
        security.log_in(current_app)
        return redirect(security.safe_next(request.form.get("next")))

    @app.post("/logout")
    def logout():
        security.log_out(current_app)
        return redirect(url_for("login") if current_app.config["SCOPEWATCH_LOGIN"] else url_for("today"))

    @app.get("/static/<name>")
    def static_file(name: str):
        if name not in STATIC_FILES:
            abort(404)
        for d in web_session().workspace.template_dirs():
            path = Path(d) / "web" / name
            if path.is_file():
                response = send_file(path, mimetype=STATIC_FILES[name], max_age=300)
                response.headers["Cache-Control"] = "public, max-age=300"
                return response
        abort(404)

    @app.errorhandler(ScopewatchError)
    def scopewatch_error(exc: ScopewatchError):
        if request.method == "POST":
            flash(str(exc), "error")
            fid = (request.view_args or {}).get("fid")
            return redirect(url_for("finding", fid=fid) if fid and not isinstance(exc, NotFoundError) else url_for("today"))
        return _error(_code(exc), str(exc))

    @app.errorhandler(HTTPException)
    def http_error(exc: HTTPException):
        return _error(exc.code or 500, exc.description or exc.name)


def _code(exc: ScopewatchError) -> int:
    """The HTTP status of a ScopewatchError on a page: what was asked does not exist (404), cannot
    be done to this finding (409), or a server the page needs is not there (503)."""
    if isinstance(exc, NotFoundError):
        return 404
    if isinstance(exc, (MessageError, DecisionError)):
        return 409
    if isinstance(exc, (ConfigError, TemplateError, MailboxError, SmtpError, StoreError)):
        return 503
    return 500


def _error(code: int, message: str):
    try:
        return _render("error.html.j2", code=code, message=message, title=str(code)), code
    except ScopewatchError:
        return f"{code}: {message}", code, {"Content-Type": "text/plain; charset=utf-8"}

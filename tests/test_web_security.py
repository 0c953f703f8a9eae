"""The review page's safety, through Flask's test client on a real workspace: loopback only without
a login, a rate-limited login beyond it, the CSRF token on every form, no change by GET, session
cookie flags and headers, and the digest's links to the page."""

from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.config import load_config
from scopewatch.errors import ConfigError
from scopewatch.resources import examples_dir
from scopewatch.store.ledger import Ledger
from scopewatch.web import create_app
from scopewatch.web.security import LoginLimiter, is_loopback, safe_next
from scopewatch.workspace import open_workspace
from tests.web_workspace import hostile_mail, make_workspace

LOCAL = {"REMOTE_ADDR": "127.0.0.1"}
PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def checker():
    from scopewatch.detect.checker import Checker

    return Checker(open_workspace(examples_dir()))


@pytest.fixture(scope="module")
def root(tmp_path_factory, checker):
    return make_workspace(tmp_path_factory.mktemp("web") / "ws", extra_mails=[hostile_mail()], checker=checker)


def _new(root, n=1):
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        return [f.id for f in ledger.findings(status="new", verdict="out_of_scope")][:n]
    finally:
        ledger.close()


def _status(root, fid):
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        return ledger.finding(fid).status
    finally:
        ledger.close()


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


@pytest.fixture
def local(root):
    app = create_app(root, host="127.0.0.1")
    yield app.test_client()
    app.extensions["scopewatch_close"]()


def _login_app(root, monkeypatch):
    monkeypatch.setenv("SCOPEWATCH_WEB_PASSWORD", PASSWORD)
    return create_app(root, config=load_config(root), host="0.0.0.0")


def test_a_form_post_without_the_csrf_token_is_refused(root, local):
    fid, other = _new(root, 2)
    page = local.get("/", environ_base=LOCAL)
    assert page.status_code == 200
    token = _csrf(page.get_data(as_text=True))
    for form in ({}, {"csrf": "forged"}, {"csrf": token[:-1]}):
        response = local.post(f"/finding/{fid}/confirm", data=form, environ_base=LOCAL)
        assert response.status_code == 400 and "reload the page" in response.get_data(as_text=True)
    assert _status(root, fid) == "new"
    # Another site's form is refused even if it somehow had the token.
    response = local.post(f"/finding/{fid}/dismiss", data={"csrf": token, "reason": "other"},
                          headers={"Origin": "http://evil.example"}, environ_base=LOCAL)
    assert response.status_code == 403 and _status(root, fid) == "new"
    # With the token it works: the same form the page shows.
    response = local.post(f"/finding/{other}/dismiss", data={"csrf": token, "reason": "already_agreed"},
                          environ_base=LOCAL)
    assert response.status_code == 302 and _status(root, other) == "dismissed"


def test_no_action_by_get(root, local):
    (fid,) = _new(root)
    for path in ("confirm", "dismiss", "draft", "accept", "decline"):
        assert local.get(f"/finding/{fid}/{path}", environ_base=LOCAL).status_code == 405
    # The send page only asks; nothing is sent or stored by showing it.
    assert local.get(f"/finding/{fid}/send", environ_base=LOCAL).status_code == 200
    assert _status(root, fid) == "new"


def test_without_a_login_only_this_machine_is_answered(root, local):
    assert local.get("/", environ_base={"REMOTE_ADDR": "192.0.2.7"}).status_code == 403
    # A foreign name pointing at 127.0.0.1 (DNS rebinding) gets nothing either.
    assert local.get("/", headers={"Host": "evil.example"}, environ_base=LOCAL).status_code == 400
    assert local.get("/", headers={"Host": "localhost:8465"}, environ_base=LOCAL).status_code == 200


def test_beyond_loopback_the_page_will_not_start_without_a_login(root, monkeypatch):
    monkeypatch.delenv("SCOPEWATCH_WEB_PASSWORD", raising=False)
    with pytest.raises(ConfigError, match="without a login"):
        create_app(root, config=load_config(root, environ={}), host="0.0.0.0")
    result = CliRunner().invoke(cli, ["web", "--workspace", str(root), "--host", "0.0.0.0", "--port", "0"],
                                env={"SCOPEWATCH_WEB_PASSWORD": ""})
    assert result.exit_code != 0 and "error: the web page would listen on 0.0.0.0" in result.output
    assert "Traceback" not in result.output


def test_a_password_in_the_file_is_refused(tmp_path):
    (tmp_path / "scopewatch.toml").write_text('[web]\npassword = "hunter2"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"\[web\] password: a password must never be written"):
        load_config(tmp_path, environ={})


def test_login_is_required_and_rate_limited(root, monkeypatch):
    app = _login_app(root, monkeypatch)
    client = app.test_client()
    remote = {"REMOTE_ADDR": "192.0.2.8"}
    (fid,) = _new(root)
    response = client.get("/", environ_base=remote)
    assert response.status_code == 302 and "/login" in response.headers["Location"]
    login = client.get("/login", environ_base=remote)
    token = _csrf(login.get_data(as_text=True))
    assert client.post(f"/finding/{fid}/confirm", data={"csrf": token}, environ_base=remote).status_code == 401
    assert _status(root, fid) == "new"
    for _ in range(5):
        wrong = client.post("/login", data={"csrf": token, "password": "guess"}, environ_base=remote)
        assert wrong.status_code == 401
    blocked = client.post("/login", data={"csrf": token, "password": PASSWORD}, environ_base=remote)
    assert blocked.status_code == 429  # even the right password waits now
    # Another address may still log in; its session cookie is Secure, HttpOnly and SameSite=Strict.
    other = {"REMOTE_ADDR": "192.0.2.9"}
    token = _csrf(client.get("/login", environ_base=other).get_data(as_text=True))
    ok = client.post("/login", data={"csrf": token, "password": PASSWORD, "next": "//evil.example/"},
                     environ_base=other)
    assert ok.status_code == 302 and ok.headers["Location"] == "/"
    cookie = ok.headers["Set-Cookie"]
    assert "Secure" in cookie and "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert client.get("/", environ_base=other).status_code == 200
    app.extensions["scopewatch_close"]()


def test_headers_forbid_scripts_and_framing(local):
    response = local.get("/", environ_base=LOCAL)
    csp = response.headers["Content-Security-Policy"]
    assert "default-src 'none'" in csp and "script-src" not in csp and "frame-ancestors 'none'" in csp
    assert response.headers["X-Frame-Options"] == "DENY"
    assert "<script" not in response.get_data(as_text=True)


def test_helpers():
    assert is_loopback("127.0.0.1") and is_loopback("::1") and is_loopback("[::1]") and is_loopback("localhost")
    assert not is_loopback("0.0.0.0") and not is_loopback("192.168.1.2") and not is_loopback("")
    assert safe_next("/finding/3") == "/finding/3"
    assert safe_next("//evil.example") == "/" and safe_next("https://evil.example") == "/"
    now = [0.0]
    limiter = LoginLimiter(attempts=2, window=60, clock=lambda: now[0])
    limiter.failed("a"), limiter.failed("a")
    assert limiter.wait_seconds("a") > 0 and limiter.wait_seconds("b") == 0
    now[0] = 61
    assert limiter.wait_seconds("a") == 0


def test_the_digest_links_each_item_to_its_finding_page(root, local):
    from scopewatch.digest.build import build_digest
    from scopewatch.digest.render import render_digest

    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    ws = open_workspace(root)
    try:
        plain = build_digest(ledger, ws)
        linked = build_digest(ledger, ws, base_url="http://127.0.0.1:8465/")
    finally:
        ledger.close()
    ids = [i.finding_id for c in linked.clients for i in (*c.flagged, *c.checks, *c.answers)]
    assert ids
    for language in ("en", "nl"):
        text, html = render_digest(linked, ws.template_dirs(), language=language)
        for fid in ids:
            assert f'href="http://127.0.0.1:8465/finding/{fid}"' in html
            assert f"http://127.0.0.1:8465/finding/{fid}\n" in text
        text, html = render_digest(plain, ws.template_dirs(), language=language)
        assert "/finding/" not in text and "/finding/" not in html
    # The link leads to that finding's page.
    page = local.get(f"/finding/{ids[0]}", environ_base=LOCAL)
    assert page.status_code == 200 and f"#{ids[0]}" in page.get_data(as_text=True)
    # `scopewatch digest` links too once [web] base_url is set (here from the environment).
    result = CliRunner().invoke(cli, ["digest", "--workspace", str(root), "--since", "2026-01-01"],
                                env={"SCOPEWATCH_WEB_BASE_URL": "http://127.0.0.1:8465"})
    assert result.exit_code == 0, result.output
    assert f"Open:      http://127.0.0.1:8465/finding/{ids[0]}" in result.output


def test_the_page_speaks_dutch_when_the_digest_does(root):
    app = create_app(root, config=load_config(root, environ={"SCOPEWATCH_DIGEST_LANGUAGE": "nl"}),
                     host="127.0.0.1")
    client = app.test_client()
    today = client.get("/", environ_base=LOCAL).get_data(as_text=True)
    assert '<html lang="nl">' in today and "Vandaag" in today and "Bevestigen" in today
    assert "Today" not in today and "Confirm" not in today
    (fid,) = _new(root)
    finding = client.get(f"/finding/{fid}", environ_base=LOCAL).get_data(as_text=True)
    assert "Geschiedenis" in finding and "Opslaan" in finding
    app.extensions["scopewatch_close"]()


def test_client_and_service_pages(root, local):
    page = local.get("/client/devries-social", environ_base=LOCAL).get_data(as_text=True)
    # The agreement as a summary, and each limit's use as a bar: "asked / limit".
    assert "Instagram-posts met foto en tekst" in page and "Website en webshop" in page
    assert re.search(r"<strong>\d+ / 3</strong>", page) and 'class="bar"' in page
    assert "EUR" in page  # the value of the extra work asked for, at the agreed rate
    assert local.get("/client/nobody", environ_base=LOCAL).status_code == 404
    service = local.get("/service", environ_base=LOCAL).get_data(as_text=True)
    assert "sample/INBOX" in service and "Last fetch" in service


def test_scopewatch_run_serves_the_page_when_asked(root, checker):
    import threading
    import time
    import urllib.request

    from scopewatch.daemon import Service

    config = load_config(root, environ={"SCOPEWATCH_WEB_SERVE": "true", "SCOPEWATCH_WEB_PORT": "0"})
    service = Service(root, config=config, checker=checker)
    thread = threading.Thread(target=service.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while service.web is None and time.monotonic() < deadline:
            time.sleep(0.05)
        assert service.web is not None and service.web.host == "127.0.0.1"
        with urllib.request.urlopen(service.web.url + "service", timeout=10) as response:
            body = response.read().decode()
        assert response.status == 200 and "sample/INBOX" in body
    finally:
        service.stop.set()
        thread.join(timeout=30)
        service.close()
    assert not thread.is_alive()


def test_dismissing_on_the_page_takes_the_unedited_draft_out_of_drafts(root, local):
    import email
    from email import policy

    from scopewatch.store import followup

    def in_drafts() -> set[str]:
        folder = root / "mailbox" / ".Drafts" / "cur"
        return {email.message_from_bytes(p.read_bytes(), policy=policy.default)["Message-ID"]
                for p in folder.iterdir()} if folder.is_dir() else set()

    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        # A new request alone in its mail, so its reply answers nothing else.
        fid = next(f.id for f in ledger.findings(status="new", verdict="out_of_scope")
                   if not f.review and len(ledger.findings(message_pk=f.message_pk, verdict="out_of_scope")) == 1)
    finally:
        ledger.close()
    token = _csrf(local.get("/", environ_base=LOCAL).get_data(as_text=True))
    local.post(f"/finding/{fid}/confirm", data={"csrf": token}, environ_base=LOCAL)
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        draft = followup.draft_for(ledger, fid)
    finally:
        ledger.close()
    assert draft is not None and draft.message_id in in_drafts()
    page = local.post(f"/finding/{fid}/dismiss", data={"csrf": token, "reason": "not_a_request"},
                      environ_base=LOCAL, follow_redirects=True).get_data(as_text=True)
    assert "removed from" in page
    assert draft.message_id not in in_drafts() and _status(root, fid) == "dismissed"

"""The page's breaks of the second reliability probe: logout ends the session for every copy of the
cookie, wrong passwords are limited in all as well as per address, `next` never leaves the site,
half-open connections do not make the page unreachable, and odd requests are 404/405/409, not 500."""

from __future__ import annotations

import http.client
import re
import socket
import time

import pytest

from scopewatch.config import load_config
from scopewatch.store.ledger import Ledger
from scopewatch.web import create_app
from scopewatch.web.security import LoginLimiter, safe_next
from tests.web_workspace import make_workspace

PASSWORD = "correct horse battery staple"


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    from scopewatch.detect.checker import Checker
    from scopewatch.resources import examples_dir
    from scopewatch.workspace import open_workspace

    return make_workspace(tmp_path_factory.mktemp("webrel") / "ws", checker=Checker(open_workspace(examples_dir())))


@pytest.fixture
def app(root, monkeypatch):
    monkeypatch.setenv("SCOPEWATCH_WEB_PASSWORD", PASSWORD)
    app = create_app(root, config=load_config(root), host="0.0.0.0")
    yield app
    app.extensions["scopewatch_close"]()


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _ids(root, verdict):
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        return [f.id for f in ledger.findings(verdict=verdict, status="new")]
    finally:
        ledger.close()


def _login(client, remote, next_="/"):
    token = _csrf(client.get("/login", environ_base=remote).get_data(as_text=True))
    return client.post("/login", data={"csrf": token, "password": PASSWORD, "next": next_}, environ_base=remote)


def test_logout_ends_the_session_for_a_copied_cookie_too(root, app):
    remote = {"REMOTE_ADDR": "192.0.2.20"}
    va = app.test_client()
    assert _login(va, remote).status_code == 302
    token = _csrf(va.get("/", environ_base=remote).get_data(as_text=True))
    cookie = va.get_cookie("scopewatch_session").value
    va.post("/logout", data={"csrf": token}, environ_base=remote)
    thief = app.test_client()
    thief.set_cookie("scopewatch_session", cookie)
    (fid,) = _ids(root, "out_of_scope")[:1]
    response = thief.post(f"/finding/{fid}/dismiss", data={"csrf": token, "reason": "other"}, environ_base=remote)
    assert response.status_code in (400, 401)  # before: 302, the finding dismissed
    assert fid in _ids(root, "out_of_scope")
    assert thief.get("/", environ_base=remote).status_code == 302  # back to the login


def test_wrong_passwords_are_limited_in_all_not_only_per_address(app):
    client = app.test_client()
    checked = refused = 0
    for n in range(10):
        remote = {"REMOTE_ADDR": f"127.0.0.{n + 2}"}
        token = _csrf(client.get("/login", environ_base=remote).get_data(as_text=True))
        for _ in range(5):  # each address within its own limit
            status = client.post("/login", data={"csrf": token, "password": "wrong"}, environ_base=remote).status_code
            checked += status == 401
            refused += status == 429
    assert checked == 20 and refused == 30  # before: all 50 checked


def test_next_is_only_ever_a_path_on_this_site(app):
    client = app.test_client()
    for n, target in enumerate(["/\t/127.0.0.2:18467/", "//evil.example/", "/\\evil.example",
                                "https://evil.example/", "/\n/evil.example", " //evil.example"]):
        response = _login(client, {"REMOTE_ADDR": f"192.0.2.{40 + n}"}, next_=target)
        assert response.status_code == 302 and response.headers["Location"] == "/", (target, response.headers["Location"])
    assert safe_next("/finding/3?x=1") == "/finding/3?x=1"


def test_odd_requests_are_404_405_or_409_not_500(root, app):
    client = app.test_client()
    remote = {"REMOTE_ADDR": "192.0.2.60"}
    _login(client, remote)
    assert client.get("/finding/" + "9" * 23, environ_base=remote).status_code == 404
    (in_scope,) = _ids(root, "in_scope")[:1]
    page = client.get(f"/finding/{in_scope}/send", environ_base=remote)
    assert page.status_code == 409 and "in scope" in page.get_data(as_text=True)
    (fid,) = _ids(root, "out_of_scope")[:1]
    assert client.delete(f"/finding/{fid}", environ_base=remote).status_code == 405
    assert client.get("/no/such/page", environ_base=remote).status_code == 404


def test_half_open_connections_do_not_make_the_page_unreachable(root):
    from scopewatch.web.server import make_server

    server = make_server(root, host="127.0.0.1", port=0).start()
    half = []
    try:
        for _ in range(120):
            s = socket.create_connection(("127.0.0.1", server.port), timeout=5)
            s.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")  # and never the end of the request
            half.append(s)
        conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        started = time.monotonic()
        conn.request("GET", "/service", headers={"Host": f"127.0.0.1:{server.port}"})
        assert conn.getresponse().status == 200
        assert time.monotonic() - started < 10  # before: no answer at all
    finally:
        for s in half:
            s.close()
        server.stop()


def test_the_limiter_counts_all_addresses_in_one_window():
    now = [0.0]
    limiter = LoginLimiter(attempts=3, window=60, clock=lambda: now[0], total=5)
    for who in "abcde":
        limiter.failed(who)
    assert limiter.wait_seconds("f") > 0  # a new address waits too: five failures in all
    now[0] = 61
    assert limiter.wait_seconds("f") == 0

"""What the review page says, read through Flask's test client: money only as sure as it is (a
client's extra work counts confirmed requests; unconfirmed ones apart, marked so), a decision on
Today returns to the next card, terminal commands shown as code (no literal backticks), in-scope
requests not marked as a red "new", and Dutch words that tell dismiss from decline."""

from __future__ import annotations

import re

import pytest

from scopewatch.resources import examples_dir
from scopewatch.store.ledger import Ledger
from scopewatch.web import create_app
from scopewatch.workspace import open_workspace
from tests.web_workspace import config_text, make_workspace


@pytest.fixture(scope="module")
def checker():
    from scopewatch.detect.checker import Checker

    return Checker(open_workspace(examples_dir()))


@pytest.fixture
def root(tmp_path, checker):
    return make_workspace(tmp_path / "ws", checker=checker)


def _csrf(html: str) -> str:
    return re.search(r'name="csrf" value="([^"]+)"', html).group(1)


def _client(root, language="en"):
    if language != "en":
        (root / "scopewatch.toml").write_text(config_text(language=language), encoding="utf-8")
    app = create_app(root, host="127.0.0.1")
    return app, app.test_client()


def _ledger(root) -> Ledger:
    return Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")


def _value_row(html: str, label: str) -> str:
    m = re.search(rf"<dt>{re.escape(label)}</dt>\s*<dd[^>]*>(.*?)</dd>", html, re.S)
    return re.sub(r"<[^>]+>", "", m.group(1)).strip() if m else ""


def test_extra_work_counts_confirmed_requests_and_shows_the_rest_apart(root):
    app, web = _client(root)
    html = web.get("/client/northgate-admin").get_data(as_text=True)
    # Nothing confirmed yet: no money is shown as asked for; every request waits apart, marked so.
    assert _value_row(html, "asked for (confirmed)") == "—"
    waiting = _value_row(html, "not confirmed yet")
    assert "request(s)" in waiting and "GBP" in waiting and "not counted above" in waiting
    assert "2 trips / month" in html and "2 trip " not in html  # a unit agrees with its number here too
    ledger = _ledger(root)
    try:
        sure = [f for f in ledger.findings(client="northgate-admin", verdict="out_of_scope", status="new")
                if not f.review]
        checks = [f for f in ledger.findings(client="northgate-admin", verdict="out_of_scope") if f.review]
    finally:
        ledger.close()
    page = web.get("/").get_data(as_text=True)
    web.post(f"/finding/{sure[0].id}/confirm", data={"csrf": _csrf(page), "next": "/"})
    html = web.get("/client/northgate-admin").get_data(as_text=True)
    asked = _value_row(html, "asked for (confirmed)")
    assert asked.startswith("2 h") and "GBP 76.00" in asked  # one request, the agreement's 2 h × £38
    # A "check" item the page rates as unsure is never in the confirmed total.
    if checks:
        assert "not confirmed yet" in html
    app.extensions["scopewatch_close"]()


def test_a_decision_on_today_comes_back_at_the_next_card(root):
    app, web = _client(root)
    page = web.get("/").get_data(as_text=True)
    cards = re.findall(r'<article class="card kind-decide" id="f(\d+)"', page)
    first, second = cards[0], cards[1]
    # The card's forms carry where to come back: the card after it.
    block = page[page.index(f'id="f{first}"'):page.index(f'id="f{second}"')]
    assert f'name="next" value="/#f{second}"' in block
    done = web.post(f"/finding/{first}/confirm", data={"csrf": _csrf(page), "next": f"/#f{second}"})
    assert done.status_code == 302 and done.headers["Location"].endswith(f"/#f{second}")
    app.extensions["scopewatch_close"]()


def test_commands_show_as_code_and_in_scope_requests_are_not_new(root):
    app, web = _client(root)
    missing = web.get("/finding/99999")
    text = missing.get_data(as_text=True)
    assert missing.status_code == 404 and "`" not in text and "<code>scopewatch flags</code>" in text
    service = web.get("/service").get_data(as_text=True)
    assert "`" not in service
    history = web.get("/client/hughes-house").get_data(as_text=True)
    assert "status-in-scope" in history and "agreed work" in history
    ledger = _ledger(root)
    try:
        in_scope = [f.id for f in ledger.findings(client="hughes-house", verdict="in_scope")]
    finally:
        ledger.close()
    for fid in in_scope:
        row = re.search(rf'href="/finding/{fid}">#{fid}</a></td>.*?</tr>', history, re.S).group(0)
        assert "status-new" not in row
    app.extensions["scopewatch_close"]()


def test_dutch_page_tells_dismiss_from_decline(root):
    app, web = _client(root, language="nl")
    page = web.get("/").get_data(as_text=True)
    assert "Onterecht" in page and "Afwijzen" not in page
    ledger = _ledger(root)
    try:
        f = next(f for f in ledger.findings(verdict="out_of_scope", status="new") if not f.review)
        ledger.set_status(f.id, "sent", who="mila")
    finally:
        ledger.close()
    finding = web.get(f"/finding/{f.id}").get_data(as_text=True)
    assert "Klant zegt nee" in finding and "Afwijzen" not in finding
    app.extensions["scopewatch_close"]()

"""The review page driven by a real headless Chromium (Debian's chromium + chromium-driver through
Selenium; nothing downloaded): a VA's morning on Today and a finding's page, then the ledger, the
Maildir's Drafts, the SMTP sink and the agreement file checked; hostile client text shown as text."""

from __future__ import annotations

import email
import socket
import time
from email import policy
from pathlib import Path

import pytest

from scopewatch.resources import examples_dir
from scopewatch.store import followup
from scopewatch.store.ledger import Ledger
from scopewatch.workspace import open_workspace
from tests import browser
from tests.conftest import skip_or_fail
from tests.web_workspace import VA_ADDRESS, hostile_mail, make_workspace

try:
    from aiosmtpd.controller import Controller
except ImportError:  # pragma: no cover - aiosmtpd is in the test extra
    Controller = None


class Sink:
    """An aiosmtpd handler keeping every delivered message."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def checker():
    from scopewatch.detect.checker import Checker

    return Checker(open_workspace(examples_dir()))


@pytest.fixture
def smtp_sink():
    if Controller is None:
        skip_or_fail("aiosmtpd is not installed (pip install -e '.[test]')")
    sink, port = Sink(), free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        yield sink, port
    finally:
        controller.stop()


@pytest.fixture
def chrome():
    reason = browser.missing()
    if reason:
        skip_or_fail(f"the browser tests need Chromium: {reason}")
    try:
        with browser.chromium(1280, 1000) as driver:
            yield driver
    except Exception as exc:  # the browser itself would not start
        if "driver" in locals():
            raise
        skip_or_fail(f"headless Chromium did not start: {type(exc).__name__}: {exc}")


@pytest.fixture
def site(tmp_path, smtp_sink, checker):
    from scopewatch.web.server import make_server

    sink, port = smtp_sink
    root = make_workspace(tmp_path / "ws", smtp_port=port, extra_mails=[hostile_mail()], checker=checker)
    server = make_server(root, host="127.0.0.1", port=0).start()
    try:
        yield root, server.url.rstrip("/"), sink
    finally:
        server.stop()


def _ledger(root: Path) -> Ledger:
    return Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")


def _two_new_findings(root: Path) -> tuple[int, int]:
    """Two sure new out-of-scope findings of the painter's client, from different mails."""
    ledger = _ledger(root)
    try:
        found = [f for f in ledger.findings(status="new", verdict="out_of_scope", client="hughes-house")
                 if not f.review and "<" not in f.evidence]
    finally:
        ledger.close()
    first = found[0]
    second = next(f for f in found if f.message_pk != first.message_pk)
    return first.id, second.id


def _third_new_finding(root: Path, taken: set[int]) -> int:
    ledger = _ledger(root)
    try:
        return next(f.id for f in ledger.findings(status="new", verdict="out_of_scope", client="hughes-house")
                    if f.id not in taken and not f.review and f.scope_item != "wallpaper" and "<" not in f.evidence)
    finally:
        ledger.close()


def _css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def _flash(driver) -> str:
    """The page's message after a form was sent (waiting for the next page to load)."""
    from selenium.common.exceptions import TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    from selenium.common.exceptions import StaleElementReferenceException

    # The element found may belong to the page that is being replaced: look again on the new one.
    for _ in range(20):
        try:
            return WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash"))).text
        except StaleElementReferenceException:
            time.sleep(0.1)
        except TimeoutException:
            raise AssertionError(f"no message on {driver.current_url}:\n{driver.page_source[:3000]}") from None
    raise AssertionError(f"the message on {driver.current_url} kept going stale")


def test_a_morning_on_the_page(chrome, site):
    root, base, sink = site
    confirm_id, dismiss_id = _two_new_findings(root)

    # Today: both cards are there, with their one-click actions.
    chrome.get(base + "/")
    assert "Today" in chrome.title
    _css(chrome, f"#f{confirm_id} form[action$='/confirm'] button").click()
    assert f"#{confirm_id} confirmed" in _flash(chrome)
    assert "sample/Drafts" in _flash(chrome)

    # Dismiss another with a reason the detector can learn from, and a note.
    _css(chrome, f"#f{dismiss_id} details.dismiss summary").click()
    _css(chrome, f"#f{dismiss_id} input[value=not_a_request]").click()
    _css(chrome, f"#f{dismiss_id} input[name=note]").send_keys("she was thinking out loud")
    _css(chrome, f"#f{dismiss_id} button.danger").click()
    assert f"#{dismiss_id} dismissed" in _flash(chrome)
    assert not chrome.find_elements("css selector", f"#f{dismiss_id}")  # gone from Today

    # Confirm a third one with a corrected category and clause (the detector learns from that).
    third = _third_new_finding(root, {confirm_id, dismiss_id})
    chrome.get(base + "/")
    _css(chrome, f"#f{third} details.correct summary").click()
    from selenium.webdriver.support.ui import Select

    Select(_css(chrome, f"#f{third} details.correct select[name=category]")).select_by_value("excluded")
    Select(_css(chrome, f"#f{third} details.correct select[name=item]")).select_by_value("wallpaper")
    _css(chrome, f"#f{third} details.correct button.primary").click()
    assert f"#{third} confirmed" in _flash(chrome) and "learned" in _flash(chrome)

    # The finding's page: edit the draft and save it.
    chrome.get(f"{base}/finding/{confirm_id}")
    editor = _css(chrome, "textarea[name=text]")
    original = editor.get_attribute("value")
    editor.send_keys("\nP.S. Edited in the browser: happy to talk it through on Monday.")
    _css(chrome, "button[name=action][value=save]").click()
    assert "Draft saved" in _flash(chrome)
    assert "Edited in the browser" in _css(chrome, "textarea[name=text]").get_attribute("value")

    # Send it, through the confirmation step, to the SMTP server.
    _css(chrome, "a[href$='/send']").click()
    assert "Send this to" in _css(chrome, ".question").text
    assert not sink.envelopes  # showing the confirmation sends nothing
    _css(chrome, "button[name=confirm][value=yes]").click()
    assert "sent to" in _flash(chrome)

    # The client said yes: accept the change.
    _css(chrome, f"form[action$='/finding/{confirm_id}/accept'] button").click()
    assert "accepted" in _flash(chrome)

    # The ledger: statuses and who/why in the history.
    ledger = _ledger(root)
    try:
        assert ledger.finding(confirm_id).status == "accepted"
        assert ledger.finding(dismiss_id).status == "dismissed"
        dismissed = ledger.events(dismiss_id)[-1]
        assert dismissed.why == "not a request; she was thinking out loud" and "(web)" in dismissed.who
        moves = [e.to_status for e in ledger.events(confirm_id) if e.from_status and e.from_status != e.to_status]
        assert moves == ["confirmed", "drafted", "sent", "accepted"]
        draft = followup.draft_for(ledger, confirm_id)
        corrected = ledger.finding(third)
        assert (corrected.category, corrected.scope_item) == ("excluded", "wallpaper")
        assert corrected.status in ("confirmed", "drafted")
    finally:
        ledger.close()

    # Drafts: the reply went into the Maildir's Drafts once, as made on confirm (before the edit).
    drafts = [p for p in (root / "mailbox" / ".Drafts" / "cur").iterdir()]
    in_drafts = [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in drafts]
    assert [m["Message-ID"] for m in in_drafts].count(draft.message_id) == 1
    assert "Edited in the browser" not in in_drafts[0].get_body(("plain",)).get_content()

    # SMTP: exactly one message, the edited text, to the client, from the VA.
    assert len(sink.envelopes) == 1
    sent = email.message_from_bytes(sink.envelopes[0].content, policy=policy.default)
    assert sink.envelopes[0].rcpt_tos == ["claire.hughes@hughesfamily.example"]
    assert VA_ADDRESS in sent["From"] and sent["Message-ID"] == draft.message_id
    body = sent.get_body(("plain",)).get_content()
    assert "Edited in the browser" in body and original.strip().splitlines()[0] in body
    # A copy is in Sent; the agreement has the amendment for this finding.
    assert any((root / "mailbox" / ".Sent" / "cur").iterdir())
    assert f"finding: {confirm_id}" in (root / "scopes" / "hughes-house.yaml").read_text(encoding="utf-8")


def test_hostile_client_text_is_shown_as_text(chrome, site):
    from selenium.webdriver.common.by import By

    root, base, _sink = site
    ledger = _ledger(root)
    try:
        hostile = next(f for f in ledger.findings(verdict="out_of_scope") if "onerror" in f.evidence)
    finally:
        ledger.close()
    for path in ("/", f"/finding/{hostile.id}", "/client/hughes-house"):
        chrome.get(base + path)
        # No element made from the client's text: no script, no img, no onerror attribute anywhere.
        assert chrome.find_elements(By.TAG_NAME, "script") == []
        assert chrome.find_elements(By.TAG_NAME, "img") == []
        assert chrome.find_elements(By.CSS_SELECTOR, "[onerror]") == []
        assert "<img src=x onerror=alert(2)>" in chrome.find_element(By.TAG_NAME, "body").text
    # Confirming it drafts the reply; the subject's CR/LF must not start a header of that draft.
    chrome.get(base + "/")
    _css(chrome, f"#f{hostile.id} form[action$='/confirm'] button").click()
    assert f"#{hostile.id} confirmed" in _flash(chrome)  # the confirmation (and its draft) is done
    chrome.get(f"{base}/finding/{hostile.id}")
    text = chrome.find_element(By.TAG_NAME, "body").text
    assert "<script>alert(3)</script>" in text and "<script>alert(1)</script>" in text
    assert chrome.find_elements(By.TAG_NAME, "script") == []
    headers = _css(chrome, "#draft p.muted").text
    assert "\n" not in headers and headers.startswith("To: Claire Hughes <claire.hughes@hughesfamily.example>")
    ledger = _ledger(root)
    try:
        draft = followup.draft_for(ledger, hostile.id)
    finally:
        ledger.close()
    filed = [email.message_from_bytes(p.read_bytes(), policy=policy.default)
             for p in (root / "mailbox" / ".Drafts" / "cur").iterdir()]
    mine = next(m for m in filed if m["Message-ID"] == draft.message_id)
    assert mine["Bcc"] is None and "evil@attacker.example" not in str(mine["To"])
    assert "\n" not in str(mine["Subject"]) and "\r" not in str(mine["Subject"])


def test_the_pages_fit_a_phone_screen(site):
    """At a phone's width (390 CSS pixels, touch) nothing is wider than the screen and the buttons
    are big enough to tap."""
    reason = browser.missing()
    if reason:
        skip_or_fail(f"the browser tests need Chromium: {reason}")
    root, base, _sink = site
    confirm_id, _other = _two_new_findings(root)
    with browser.chromium(390, 844, mobile=True) as phone:
        for path in ("/", f"/finding/{confirm_id}", "/client/hughes-house", "/service"):
            phone.get(base + path)
            width, inner = phone.execute_script(
                "return [document.documentElement.scrollWidth, window.innerWidth]")
            assert width <= inner, f"{path}: {width}px wide on a {inner}px screen"
        phone.get(base + "/")
        button = _css(phone, f"#f{confirm_id} form[action$='/confirm'] button")
        assert button.size["height"] >= 36 and button.size["width"] >= 88  # a thumb's width at least

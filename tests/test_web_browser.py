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


@pytest.fixture
def site_all(tmp_path, checker):
    """The sample with auto_draft = "all" (the demo's setting): every sure request drafted already."""
    from scopewatch.web.server import make_server

    root = make_workspace(tmp_path / "ws-all", checker=checker, auto_draft="all")
    server = make_server(root, host="127.0.0.1", port=0).start()
    try:
        yield root, server.url.rstrip("/")
    finally:
        server.stop()


def _drafts(root: Path) -> list:
    folder = root / "mailbox" / ".Drafts" / "cur"
    return [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in sorted(folder.iterdir())]


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


def _submit(driver, element) -> str:
    """Click a form's button and return the message of the page it leads to (never the old one's)."""
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    old = driver.find_element(By.TAG_NAME, "html")
    element.click()

    def replaced(_driver) -> bool:
        try:
            old.is_enabled()
            return False
        except WebDriverException:  # stale, or "node does not belong to the document" mid-navigation
            return True

    WebDriverWait(driver, 20).until(replaced)
    return _flash(driver)


def test_a_morning_on_the_page(chrome, site):
    root, base, sink = site
    confirm_id, dismiss_id = _two_new_findings(root)

    # Today: both cards are there, with their one-click actions.
    chrome.get(base + "/")
    assert "Today" in chrome.title
    message = _submit(chrome, _css(chrome, f"#f{confirm_id} form[action$='/confirm'] button"))
    assert f"#{confirm_id} confirmed" in message and "sample/Drafts" in message

    # Dismiss another with a reason the detector can learn from, and a note.
    _css(chrome, f"#f{dismiss_id} details.dismiss summary").click()
    _css(chrome, f"#f{dismiss_id} input[value=not_a_request]").click()
    _css(chrome, f"#f{dismiss_id} input[name=note]").send_keys("she was thinking out loud")
    assert f"#{dismiss_id} dismissed" in _submit(chrome, _css(chrome, f"#f{dismiss_id} button.danger"))
    assert not chrome.find_elements("css selector", f"#f{dismiss_id}")  # gone from Today

    # Confirm a third one with a corrected category and clause (the detector learns from that).
    third = _third_new_finding(root, {confirm_id, dismiss_id})
    chrome.get(base + "/")
    _css(chrome, f"#f{third} details.correct summary").click()
    from selenium.webdriver.support.ui import Select

    Select(_css(chrome, f"#f{third} details.correct select[name=category]")).select_by_value("excluded")
    Select(_css(chrome, f"#f{third} details.correct select[name=item]")).select_by_value("wallpaper")
    message = _submit(chrome, _css(chrome, f"#f{third} details.correct button.primary"))
    assert f"#{third} confirmed" in message and "learned" in message

    # The finding's page: edit the draft and save it.
    chrome.get(f"{base}/finding/{confirm_id}")
    editor = _css(chrome, "textarea[name=text]")
    original = editor.get_attribute("value")
    editor.send_keys("\nP.S. Edited in the browser: happy to talk it through on Monday.")
    message = _submit(chrome, _css(chrome, "button[name=action][value=save]"))
    assert "Draft saved" in message and "Your edited reply is in Drafts" in message
    assert "Edited in the browser" in _css(chrome, "textarea[name=text]").get_attribute("value")

    # Send it, through the confirmation step, to the SMTP server.
    _css(chrome, "a[href$='/send']").click()
    assert "Send this to" in _css(chrome, ".question").text
    assert not sink.envelopes  # showing the confirmation sends nothing
    assert "sent to" in _submit(chrome, _css(chrome, "button[name=confirm][value=yes]"))

    # The client said yes: accept the change.
    assert "accepted" in _submit(chrome, _css(chrome, f"form[action$='/finding/{confirm_id}/accept'] button"))

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

    # Drafts: the reply is there once, as the VA saved it on the page (the version made on confirm
    # was replaced by it): what she might send from her mail program is what she wrote.
    drafts = [p for p in (root / "mailbox" / ".Drafts" / "cur").iterdir()]
    in_drafts = [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in drafts]
    mine = [m for m in in_drafts if m["In-Reply-To"] == draft.original_message_id]
    assert [m["Message-ID"] for m in mine] == [draft.message_id]
    assert "Edited in the browser" in mine[0].get_body(("plain",)).get_content()

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
    # the confirmation (and its draft) is done before the next page is asked for
    assert f"#{hostile.id} confirmed" in _submit(chrome, _css(chrome, f"#f{hostile.id} form[action$='/confirm'] button"))
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


# Every page, with its forms open: at 390 CSS pixels (a phone) and 1280 nothing is wider than the
# screen. A phone's browser zooms out to show a too-wide page (its innerWidth grows with it), so
# the page is measured against the screen's own width.
WIDE = """
const out = [];
for (const el of document.querySelectorAll('body *')) {
  if (el.closest('details:not([open]) > :not(summary)')) continue;
  const r = el.getBoundingClientRect();
  if (r.width > 0 && r.right > arguments[0] + 1) out.push(el.tagName.toLowerCase() + '.' + el.className + ': '
      + (el.textContent || '').replace(/\\s+/g, ' ').slice(0, 60));
}
return [document.documentElement.scrollWidth, screen.width, window.innerWidth, out.slice(-3)];
"""


def _every_page(root: Path) -> list[str]:
    ledger = _ledger(root)
    try:
        found = ledger.findings(verdict="out_of_scope")
        drafted = [f.id for f in found if f.status == "drafted"]
        new = [f.id for f in found if f.status == "new"]
        in_scope = [f.id for f in ledger.findings(verdict="in_scope")][:1]
    finally:
        ledger.close()
    clients = sorted(open_workspace(root).agreements)
    pages = ["/", "/service", "/client/new", "/finding/999999", *[f"/client/{c}" for c in clients],
             *[f"/client/{c}/{p}" for c in clients[:1] for p in ("edit", "yaml", "letter")],
             *[f"/finding/{i}" for i in drafted[:2] + new[:2] + in_scope], f"/finding/{drafted[0]}/send"]
    return pages


@pytest.mark.parametrize("width, mobile", [(1280, False), (390, True)])
def test_no_page_is_wider_than_the_screen(site_all, width, mobile):
    """Long Message-IDs in the history, long clauses in the open Dismiss and Correct forms, addresses
    on the send page: they wrap. On a phone the menu keeps every client."""
    from selenium.webdriver.common.by import By

    reason = browser.missing()
    if reason:
        skip_or_fail(f"the browser tests need Chromium: {reason}")
    root, base = site_all
    with browser.chromium(width, 900, mobile=mobile) as driver:
        for path in _every_page(root):
            driver.get(base + path)
            for summary in driver.find_elements(By.CSS_SELECTOR, "details.dismiss > summary"):
                if summary.is_displayed():
                    summary.click()  # the open forms must fit too
            scroll, screen, inner, wide = driver.execute_script(WIDE, width)
            assert (screen if mobile else inner) == width, (screen, inner)
            assert scroll <= width, f"{path}: {scroll}px wide on a {width}px screen: {wide}"
        if mobile:
            driver.get(base + "/")
            menu = driver.find_element(By.CSS_SELECTOR, "header details.clients-menu")
            assert menu.is_displayed()
            menu.find_element(By.TAG_NAME, "summary").click()
            names = [a.text for a in menu.find_elements(By.CSS_SELECTOR, "a") if a.is_displayed()]
            assert names == sorted((a.client for a in open_workspace(root).agreements.values()), key=str.lower)
            button = _css(driver, "article.card form.inline[action$='/confirm'] button")
            assert button.size["height"] >= 36 and button.size["width"] >= 88  # a thumb's width at least
        else:
            assert not driver.find_element(By.CSS_SELECTOR, "header details.clients-menu").is_displayed()


def test_every_decision_on_a_drafted_request_under_auto_draft_all(chrome, site_all):
    """A reply the service drafted by itself is no decision: its card offers Confirm, Dismiss and
    Correct; dismissing takes the reply out of Drafts; an edit saved on the page replaces the copy
    in Drafts, and dismissing that one asks once first. A decision returns to the next card."""
    from selenium.webdriver.common.by import By

    root, base = site_all
    ledger = _ledger(root)
    try:
        drafted = [f for f in ledger.findings(status="drafted", client="hughes-house")
                   if len(followup.draft_for(ledger, f.id).finding_ids) == 1 and "<" not in f.evidence]
    finally:
        ledger.close()
    first, second, third = drafted[0].id, drafted[1].id, drafted[2].id
    copies = len(_drafts(root))

    chrome.get(base + "/")
    card = _css(chrome, f"#f{first}")
    assert "Reply ready in Drafts" in card.text
    for form in ("form[action$='/confirm'] button", "details.dismiss summary", "details.correct summary"):
        assert card.find_elements(By.CSS_SELECTOR, form), form
    # Dismiss it from Today: the reply leaves Drafts, and the page comes back at the next card.
    _css(chrome, f"#f{first} details.dismiss summary").click()
    _css(chrome, f"#f{first} input[value=not_a_request]").click()
    message = _submit(chrome, _css(chrome, f"#f{first} button.danger"))
    assert f"#{first} dismissed" in message and "removed from" in message
    assert len(_drafts(root)) == copies - 1
    assert "#f" in chrome.current_url and not chrome.current_url.endswith(f"#f{first}")

    # Confirm another: a person's decision now, so it moves to Ready to send.
    chrome.get(base + "/")
    assert f"#{second} confirmed" in _submit(chrome, _css(chrome, f"#f{second} form[action$='/confirm'] button"))
    assert not _css(chrome, f"#f{second}").find_elements(By.CSS_SELECTOR, "form.inline[action$='/confirm']")
    assert "ready to send" in chrome.find_element(By.TAG_NAME, "body").text.lower()

    # Edit the third on its page: Drafts holds the edited text, once.
    chrome.get(f"{base}/finding/{third}")
    _css(chrome, "textarea[name=text]").send_keys("\nP.S. Written on the page.")
    message = _submit(chrome, _css(chrome, "button[name=action][value=save]"))
    assert "Your edited reply is in Drafts" in message
    ledger = _ledger(root)
    try:
        reply = followup.draft_for(ledger, third)
    finally:
        ledger.close()
    mine = [m for m in _drafts(root) if m["In-Reply-To"] == reply.original_message_id]
    assert [m["Message-ID"] for m in mine] == [reply.message_id]
    assert "Written on the page." in mine[0].get_body(("plain",)).get_content()
    # Dismissing it asks once (it is her text), then the copy goes.
    _css(chrome, "details.dismiss summary").click()
    _css(chrome, "input[value=already_agreed]").click()
    assert "your edited version" in _submit(chrome, _css(chrome, "button.danger"))
    assert len([m for m in _drafts(root) if m["In-Reply-To"] == reply.original_message_id]) == 1
    message = _submit(chrome, _css(chrome, "input[name=confirm_edited] ~ button.danger"))
    assert f"#{third} dismissed" in message and "removed from" in message
    assert [m for m in _drafts(root) if m["In-Reply-To"] == reply.original_message_id] == []

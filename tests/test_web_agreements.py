"""The agreement pages in a real headless Chromium (Debian's chromium + chromium-driver through
Selenium): a new client made from a starter, a lint message at its field, fixed and saved; the YAML
loads with `scope lint` clean, mail from that client is judged against it, and its letter lands in
Drafts once. A commented agreement edited on the page keeps its comments and order."""

from __future__ import annotations

import difflib
import email
import re
import time
from email import policy
from email.message import EmailMessage
from email.utils import format_datetime
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from scopewatch.cli import cli
from scopewatch.resources import examples_dir
from scopewatch.store.ledger import Ledger
from scopewatch.workspace import open_workspace
from tests import browser
from tests.conftest import skip_or_fail
from tests.web_workspace import make_workspace


@pytest.fixture(scope="module")
def checker():
    from scopewatch.detect.checker import Checker

    return Checker(open_workspace(examples_dir()))


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
def site(tmp_path, checker):
    from scopewatch.web.server import make_server

    root = make_workspace(tmp_path / "ws", checker=checker)
    server = make_server(root, host="127.0.0.1", port=0).start()
    try:
        yield root, server.url.rstrip("/")
    finally:
        server.stop()


def _css(driver, selector):
    from selenium.webdriver.common.by import By

    return driver.find_element(By.CSS_SELECTOR, selector)


def _click(driver, selector):
    """Click an element in the middle of the window (not under the sticky Check / Save bar)."""
    el = _css(driver, selector)
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", el)
    el.click()


def _flash(driver) -> str:
    """The page's message after a form was sent (waiting for the next page to load)."""
    from selenium.common.exceptions import StaleElementReferenceException, TimeoutException
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    for _ in range(20):
        try:
            return WebDriverWait(driver, 20).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".flash"))).text
        except StaleElementReferenceException:
            time.sleep(0.1)
        except TimeoutException:
            raise AssertionError(f"no message on {driver.current_url}:\n{driver.page_source[:3000]}") from None
    raise AssertionError(f"the message on {driver.current_url} kept going stale")


def _go(driver, selector: str) -> None:
    """Click a link or a button that loads another page, and wait until it has replaced this one."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    page = driver.find_element(By.TAG_NAME, "html")
    _click(driver, selector)
    WebDriverWait(driver, 20).until(EC.staleness_of(page))


def _submit(driver, selector: str) -> str:
    """Click a button that sends a form, wait for the next page, and return its message."""
    _go(driver, selector)
    return _flash(driver)


def _type(driver, selector: str, text: str) -> None:
    field = _css(driver, selector)
    field.clear()
    field.send_keys(text)


def _lint(root: Path) -> str:
    res = CliRunner().invoke(cli, ["scope", "lint", "-w", str(root)])
    assert res.exit_code == 0, res.output
    return res.output


def _drafts(root: Path) -> list:
    folder = root / "mailbox" / ".Drafts" / "cur"
    return [email.message_from_bytes(p.read_bytes(), policy=policy.default) for p in folder.iterdir()] \
        if folder.is_dir() else []


def test_a_new_client_from_a_starter_is_checked_saved_judged_and_gets_its_letter_once(chrome, site):
    from selenium.webdriver.support.ui import Select

    root, base = site
    chrome.get(base + "/")
    _go(chrome, "header nav a[href$='/client/new']")
    # Start from the Dutch social media starter.
    Select(_css(chrome, "#starter-trade")).select_by_value("social-media")
    Select(_css(chrome, "#starter-language")).select_by_value("nl")
    _go(chrome, "form.starter button")
    assert _css(chrome, "#f-deliverables-0-description").get_attribute("value") == "Instagram-posts met foto en tekst"
    assert _css(chrome, "input[name='checklist.paid-ads'][value=excluded]").is_selected()

    # A contact that is no address: the message stands at the contacts field, nothing is saved.
    _type(chrome, "#f-client", "Bloemenzaak Roos")
    _type(chrome, "#f-contacts", "roos bij bloemenzaakroos")
    assert "Nothing saved yet" in _submit(chrome, ".form-actions button[value=save]")
    message = _css(chrome, ".msg-error[data-field=contacts]").text
    assert "is not an e-mail address" in message
    assert _css(chrome, "#f-contacts").get_attribute("aria-invalid") == "true"
    assert not (root / "scopes" / "bloemenzaak-roos.yaml").exists()

    # Fix it, mark one more kind of work, save.
    _type(chrome, "#f-contacts", "roos@bloemenzaakroos.example")
    _click(chrome, "input[name='checklist.blog'][value=ask]")
    assert "Saved scopes/bloemenzaak-roos.yaml" in _submit(chrome, ".form-actions button[value=save]")
    assert "/client/bloemenzaak-roos/edit" in chrome.current_url

    # The file the command line reads: the starter's comments kept, lint clean, the answers in it.
    path = root / "scopes" / "bloemenzaak-roos.yaml"
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Startafspraak: social media.") and "client: Bloemenzaak Roos" in text
    assert "  blog: ask" in text and "  paid-ads: excluded" in text
    out = _lint(root)
    assert "4 agreements checked, 0 problems" in out and "warning" not in out
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        from scopewatch.store import letters

        assert len(letters.versions(ledger, "bloemenzaak-roos")) == 1  # the saved version is recorded
    finally:
        ledger.close()

    # Mail from the new client is judged against it by the service.
    _mail(root, "roos@bloemenzaakroos.example", "Kun je ook een blogartikel over onze moederdagboeketten schrijven?")
    _mail(root, "roos@bloemenzaakroos.example", "Kun je voor de actie een advertentie op Facebook zetten?")
    _run_service(root)
    ledger = Ledger.open(f"sqlite:///{root / 'scopewatch.db'}")
    try:
        found = {f.evidence: f for f in ledger.findings(client="bloemenzaak-roos")}
    finally:
        ledger.close()
    blog = next(f for e, f in found.items() if "blogartikel" in e)
    ads = next(f for e, f in found.items() if "advertentie" in e)
    assert (blog.verdict, blog.scope_item, blog.review) == ("out_of_scope", "checklist:blog", True)  # ask me first
    assert (ads.verdict, ads.category) == ("out_of_scope", "excluded")

    # The letter: shown, then into Drafts once, however often the button is pressed.
    chrome.get(f"{base}/client/bloemenzaak-roos")
    _go(chrome, "a[href$='/client/bloemenzaak-roos/letter']")
    assert "Wat ik lever:" in _css(chrome, "pre.letter-text").text
    before = len(_drafts(root))
    assert "The letter to roos@bloemenzaakroos.example is in sample/Drafts" in _submit(chrome, "form[action$='/letter'] button")
    assert "already" in _submit(chrome, "form[action$='/letter'] button")
    letters_in_drafts = [m for m in _drafts(root) if m["To"] == "roos@bloemenzaakroos.example"]
    assert len(_drafts(root)) == before + 1 and len(letters_in_drafts) == 1
    assert letters_in_drafts[0]["Subject"].strip() == "Wat we hebben afgesproken: Social media beheer"


def _mail(root: Path, sender: str, text: str) -> None:
    msg = EmailMessage()
    msg["From"] = sender
    msg["To"] = "sanne@sannevirtueel.example"
    msg["Subject"] = "Vraagje"
    msg["Date"] = format_datetime(datetime(2026, 3, 2, 9, 0, tzinfo=timezone.utc))
    msg["Message-ID"] = f"<{abs(hash(text))}@bloemenzaakroos.example>"
    msg.set_content(f"Hoi Sanne,\n\n{text}\n\nGroet, Roos\n")
    (root / "mailbox" / "new" / f"{time.time_ns()}.M1P1.roos").write_bytes(bytes(msg))


def _run_service(root: Path) -> None:
    from scopewatch.config import load_config
    from scopewatch.daemon import Service

    service = Service(root, config=load_config(root, environ={}))
    try:
        service.run(once=True)
    finally:
        service.close()


def test_editing_a_commented_agreement_keeps_its_comments_and_order(chrome, site):
    root, base = site
    path = root / "scopes" / "hughes-house.yaml"
    original = path.read_text(encoding="utf-8")
    chrome.get(f"{base}/client/hughes-house/edit")
    rows = {el.get_attribute("value"): el.get_attribute("name")
            for el in chrome.find_elements("css selector", "input[name$='.orig_id']")}
    hallway = rows["hallway"].replace(".orig_id", "")
    wallpaper = rows["wallpaper"].replace(".orig_id", "")
    _type(chrome, f"textarea[name='{hallway}.description']", "Hallway, stairs and landing walls, two colours")
    _click(chrome, f"input[name='{wallpaper}.remove']")
    # The checklist shows the painter's kinds (the trade is guessed from the items).
    _click(chrome, "input[name='checklist.tiling'][value=excluded]")
    # One more exclusion: "Add another" gives a row, the rest of what was typed stays.
    _go(chrome, "#exclusions button.add")
    rows = chrome.find_elements("css selector", "#exclusions fieldset.item")
    assert len(rows) == 4
    assert "two colours" in _css(chrome, f"textarea[name='{hallway}.description']").get_attribute("value")
    _type(chrome, "textarea[name='exclusions[3].description']", "Painting the garden fence")
    _type(chrome, "input[name='exclusions[3].terms']", "garden fence, fence panels")
    assert "Saved scopes/hughes-house.yaml" in _submit(chrome, ".form-actions button[value=save]")

    text = path.read_text(encoding="utf-8")
    # Every comment survives, in its place; only the edited lines differ.
    comments = [line for line in original.splitlines() if "#" in line]
    assert [line for line in text.splitlines() if "#" in line] == comments
    keys = [line.split(":")[0] for line in original.splitlines() if re.match(r"^[a-z_]+:", line)]
    # The trade the page guessed for the checklist is written with the first answer, after language.
    expected = [*keys[:keys.index("language") + 1], "trade", *keys[keys.index("language") + 1:], "checklist"]
    assert [line.split(":")[0] for line in text.splitlines() if re.match(r"^[a-z_]+:", line)] == expected
    removed = [d[2:] for d in difflib.ndiff(original.splitlines(), text.splitlines()) if d.startswith("- ")]
    assert removed == ["    description: Hallway, stairs and landing walls",
                       "  - id: wallpaper", "    description: Stripping or hanging wallpaper", "    terms: [wallpaper]",
                       ""]
    assert "    description: Hallway, stairs and landing walls, two colours" in text
    assert "    description: Painting the garden fence\n    terms: [garden fence, fence panels]" in text
    assert text.rstrip().endswith("checklist:\n  tiling: excluded")
    _lint(root)
    agreement = open_workspace(root).agreements["hughes-house"]
    assert agreement.item("wallpaper") is None and agreement.checklist_answer("tiling") == "excluded"
    assert agreement.trade == "house-painter"

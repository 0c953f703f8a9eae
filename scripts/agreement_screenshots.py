"""Screenshots of the agreement pages for the README: builds a workspace from the bundled sample in a
temporary folder (the Dutch VA's pages, as on the review page's screenshots), serves it on a free
loopback port and photographs New client (from a starter, with a lint message at its field), Edit
agreement, the scope checklist and the client's letter with headless Chromium (Debian's chromium +
chromium-driver via Selenium; nothing is downloaded) at desktop (1280 px) and phone (390 px) width.

    .venv/bin/python scripts/agreement_screenshots.py            # writes docs/screenshots/agreement-*.png
    .venv/bin/python scripts/agreement_screenshots.py --out /tmp/shots --language en
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.browser import chromium, missing  # noqa: E402
from tests.web_workspace import make_workspace  # noqa: E402

DESKTOP = (1280, 900)
PHONE = (390, 844)


def _full_height(driver) -> int:
    return int(driver.execute_script("return document.documentElement.scrollHeight"))


def _shoot(driver, target: Path, width: int, mobile: bool, height: int | None = None) -> None:
    full = min(height or _full_height(driver), 9000)
    if mobile:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                               {"width": width, "height": full, "deviceScaleFactor": 2, "mobile": True})
    else:
        driver.set_window_size(width, full)
    driver.save_screenshot(str(target))
    print(f"wrote {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")


def _new_client_with_a_message(driver, base: str, language: str) -> None:
    """New client from the social media starter, a contact that is no address: Check shows the
    message at the contacts field."""
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support import expected_conditions as EC
    from selenium.webdriver.support.ui import WebDriverWait

    driver.get(f"{base}/client/new?trade=social-media&language={language}")
    name = "Bakkerij de Vries" if language == "nl" else "Bloom Studio"
    driver.find_element(By.ID, "f-client").send_keys(name)
    driver.find_element(By.ID, "f-contacts").send_keys("anna at bakkerijdevries")
    page = driver.find_element(By.TAG_NAME, "html")
    button = driver.find_element(By.CSS_SELECTOR, ".form-actions button[value=check]")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", button)
    button.click()
    WebDriverWait(driver, 30).until(EC.staleness_of(page))
    WebDriverWait(driver, 30).until(EC.presence_of_element_located((By.CSS_SELECTOR, ".msg-error")))
    driver.execute_script("window.scrollTo(0, 0)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    parser.add_argument("--language", choices=("en", "nl"), default="en", help="the VA's language: the pages' words")
    args = parser.parse_args()
    reason = missing()
    if reason:
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 1
    from selenium.webdriver.common.by import By

    from scopewatch.web.server import make_server

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scopewatch-shots-") as tmp:
        demo = make_workspace(Path(tmp) / "demo", language=args.language)
        server = make_server(demo, host="127.0.0.1", port=0).start()
        try:
            base = server.url.rstrip("/")
            for suffix, (width, height), mobile in (("", DESKTOP, False), ("-phone", PHONE, True)):
                with chromium(width, height, mobile=mobile) as driver:
                    _new_client_with_a_message(driver, base, args.language)
                    _shoot(driver, args.out / f"agreement-new{suffix}.png", width, mobile)
                with chromium(width, height, mobile=mobile) as driver:
                    driver.get(f"{base}/client/hughes-house/edit")
                    _shoot(driver, args.out / f"agreement-edit{suffix}.png", width, mobile, 1700 if not mobile else 2200)
                with chromium(width, height, mobile=mobile) as driver:
                    driver.get(f"{base}/client/new?trade=social-media&language={args.language}")
                    top = driver.find_element(By.ID, "checklist").location["y"]
                    driver.execute_script(f"document.documentElement.style.marginTop = '-{max(0, top - 10)}px'")
                    _shoot(driver, args.out / f"agreement-checklist{suffix}.png", width, mobile, 1100 if not mobile else 1900)
                with chromium(width, height, mobile=mobile) as driver:
                    driver.get(f"{base}/client/devries-social/letter")
                    _shoot(driver, args.out / f"agreement-letter{suffix}.png", width, mobile)
        finally:
            server.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())

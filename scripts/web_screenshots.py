"""Screenshots of the review page for the README: builds a workspace from the bundled sample (the
demo's agreements and mail, drafts only for confirmed requests) in a temporary folder, confirms two
requests, serves it on a free loopback port and photographs the pages with headless Chromium
(Debian's chromium + chromium-driver via Selenium; nothing is downloaded) at desktop and phone
width (390 px): Today, a finding (its reply, the open Dismiss and Correct forms), a client, the send
step and the phone menu.

    .venv/bin/python scripts/web_screenshots.py            # writes docs/screenshots/web-*.png
    .venv/bin/python scripts/web_screenshots.py --out /tmp/shots
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


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=REPO / "docs" / "screenshots")
    args = parser.parse_args()
    reason = missing()
    if reason:
        print(f"cannot take screenshots: {reason}", file=sys.stderr)
        return 1
    from scopewatch.outbox import draft_into_mailbox, session
    from scopewatch.web.server import make_server

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scopewatch-shots-") as tmp:
        demo = make_workspace(Path(tmp) / "demo")
        with session(demo, None) as s:
            for f in _confirm_these(s.ledger):
                s.ledger.set_status(f, "confirmed", who="sanne", why="confirmed for the screenshots")
                draft_into_mailbox(s, f)
        server = make_server(demo, host="127.0.0.1", port=0).start()
        try:
            base = server.url.rstrip("/")
            first = _first_finding(server)
            # (name, path, size, phone, full height, a details element to open first)
            shots = [
                ("today", "/", DESKTOP, False, 1500, None),
                ("finding", f"/finding/{first}", DESKTOP, False, 1900, None),
                ("client", "/client/devries-social", DESKTOP, False, 1250, None),
                ("today-phone", "/", PHONE, True, 1500, None),
                ("finding-phone", f"/finding/{first}#draft", PHONE, True, 1400, None),
                ("dismiss-phone", f"/finding/{first}", PHONE, True, 1500, "details.dismiss > summary"),
                ("correct-phone", f"/finding/{first}", PHONE, True, 1500, "details.correct > summary"),
                ("client-phone", "/client/northgate-admin", PHONE, True, 1500, None),
                ("send-phone", f"/finding/{first}/send", PHONE, True, 1300, None),
                ("menu-phone", "/", PHONE, True, 900, "header details.clients-menu > summary"),
            ]
            for name, path, (width, height), mobile, full, open_first in shots:
                with chromium(width, height, mobile=mobile) as driver:
                    driver.get(base + path)
                    if open_first:
                        from selenium.webdriver.common.by import By

                        driver.find_element(By.CSS_SELECTOR, open_first).click()
                    if not mobile:
                        driver.set_window_size(width, full)
                    else:
                        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                            "width": width, "height": full, "deviceScaleFactor": 2, "mobile": True})
                    target = args.out / f"web-{name}.png"
                    driver.save_screenshot(str(target))
                    print(f"wrote {target.relative_to(REPO) if target.is_relative_to(REPO) else target}")
        finally:
            server.stop()
    return 0


def _confirm_these(ledger) -> list[int]:
    """The first sure request of the Dutch bakery and the last of the painter's clients."""
    bakery = ledger.findings(verdict="out_of_scope", status="new", client="devries-social")
    house = ledger.findings(verdict="out_of_scope", status="new", client="hughes-house")
    return [f.id for f in (bakery[:1] + house[-1:]) if not f.review]


def _first_finding(server) -> int:
    """The confirmed request with its draft: the one the finding page shows."""
    ledger = server.app.extensions["scopewatch_ledger"]
    return ledger.findings(verdict="out_of_scope", status="drafted", client="devries-social")[0].id


if __name__ == "__main__":
    sys.exit(main())

"""Screenshots of the review page for the README: runs `scopewatch demo` into a temporary folder,
serves its workspace on a free loopback port, and photographs pages with headless Chromium
(Debian's chromium + chromium-driver via Selenium; nothing is downloaded) at desktop and phone width.

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
    from scopewatch.demo import run_demo
    from scopewatch.web.server import make_server

    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="scopewatch-shots-") as tmp:
        demo = Path(tmp) / "demo"
        run_demo(demo, echo=lambda _line: None)
        server = make_server(demo, host="127.0.0.1", port=0).start()
        try:
            base = server.url.rstrip("/")
            first = _first_finding(server)
            shots = [
                ("today", "/", DESKTOP, False, 1800),
                ("finding", f"/finding/{first}", DESKTOP, False, 2000),
                ("client", "/client/devries-social", DESKTOP, False, 1400),
                ("today-phone", "/", PHONE, True, 1700),
                ("finding-phone", f"/finding/{first}", PHONE, True, 1700),
            ]
            for name, path, (width, height), mobile, full in shots:
                with chromium(width, height, mobile=mobile) as driver:
                    driver.get(base + path)
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


def _first_finding(server) -> int:
    """A flagged request with a draft: the one the finding page shows."""
    ledger = server.app.extensions["scopewatch_ledger"]
    records = ledger.findings(verdict="out_of_scope", client="devries-social")
    return records[0].id if records else ledger.findings(verdict="out_of_scope")[0].id


if __name__ == "__main__":
    sys.exit(main())

"""Renders a sample digest to HTML and screenshots it with headless Chromium at phone and desktop
widths, to see how the digest e-mail reads. Usage: python scripts/render_digest_png.py [OUT_DIR] [--lang nl]"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
from datetime import datetime, timezone
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from scopewatch import resources  # noqa: E402
from scopewatch.digest.model import ClientDigest, Digest, DigestItem, LimitUse  # noqa: E402
from scopewatch.digest.render import render_digest  # noqa: E402

SIZES = {"phone": "420,1400", "desktop": "900,1400"}


def sample_digest() -> Digest:
    mail = datetime(2026, 2, 3, 10, 14, tzinfo=timezone.utc)
    anna = "anna@bakkerijdevries.example"
    return Digest(
        generated_at=datetime(2026, 2, 3, 18, 0, tzinfo=timezone.utc),
        since=datetime(2026, 2, 2, 18, 0, tzinfo=timezone.utc),
        va_name="Mila Jansen",
        clients=[
            ClientDigest(
                "devries", "Bakkerij de Vries",
                flagged=[
                    DigestItem(41, "Kun je ook een nieuwsbrief maken voor onze vaste klanten?", "new_work",
                               None, None, 0.92, "Nieuwsbrief", anna, mail, True, ["ask-can-you"]),
                    DigestItem(42, "Kun je deze week ook twee extra posts plaatsen voor de opening?", "quantity",
                               "instagram-posts", "Instagram-posts met foto en tekst", 0.88, "Opening zaterdag",
                               anna, mail, True, ["ask-can-you"], status="drafted"),
                    DigestItem(45, "Kun je ook de menukaart opnieuw vormgeven?", "new_work", None, None, 0.9,
                               "Menukaart", anna, mail, True, [], status="sent"),
                ],
                answers=[DigestItem(38, "Zou je ook flyers voor de paasactie kunnen ontwerpen?", "new_work", None,
                                    None, 0.93, "Flyers", anna, mail, True, [], status="sent", offer="accept",
                                    offer_phrase="Prima, doe maar!")],
                checks=[DigestItem(43, "Misschien kun je ook eens naar de website kijken?", "new_work", None, None,
                                   0.41, "Website <b>vraag</b>", anna, mail, False, [])],
                in_scope_count=12, totals={"new_work": 3, "quantity": 2, "excluded": 1},
                limits=[LimitUse("instagram-posts", "Instagram-posts", 5, 3, "week")],
                extra_value=Decimal("315.00"),
            ),
            ClientDigest(
                "northwind", "Northwind Consulting",
                flagged=[DigestItem(44, "Could you also run our LinkedIn ads campaign next month?", "excluded",
                                    "paid-ads", "Paid advertising management", 0.95, "Q2 plans",
                                    "tom@northwind.example", mail, True, [])],
                in_scope_count=4, totals={"excluded": 1},
                limits=[LimitUse("blog-posts", "Blog posts", 2, 4, "month")], extra_value=Decimal("90"),
            ),
        ],
    )


def find_chromium() -> str:
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    sys.exit("Chromium not found: install it with `apt-get install -y chromium`")


def screenshot(chromium: str, html: Path, png: Path, size: str) -> None:
    with tempfile.TemporaryDirectory(prefix="scopewatch-chromium-") as profile:
        cmd = [
            chromium, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--hide-scrollbars", f"--user-data-dir={profile}", f"--screenshot={png}", f"--window-size={size}",
            html.resolve().as_uri(),
        ]
        subprocess.run(cmd, check=True, capture_output=True, timeout=120)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("out_dir", nargs="?", default="digest-screens", type=Path)
    parser.add_argument("--lang", default="en", choices=("en", "nl"))
    args = parser.parse_args()
    args.out_dir.mkdir(parents=True, exist_ok=True)
    text, html = render_digest(sample_digest(), [resources.templates_dir()], language=args.lang)
    html_path = args.out_dir / f"digest.{args.lang}.html"
    html_path.write_text(html, encoding="utf-8")
    (args.out_dir / f"digest.{args.lang}.txt").write_text(text, encoding="utf-8")
    chromium = find_chromium()
    for label, size in SIZES.items():
        png = args.out_dir / f"digest.{args.lang}.{label}.png"
        screenshot(chromium, html_path, png, size)
        print(png)


if __name__ == "__main__":
    main()

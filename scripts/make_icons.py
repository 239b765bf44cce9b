#!/usr/bin/env python3
"""Render the installable app's icons from assets/logo.svg with Chromium (Playwright): `python scripts/make_icons.py`.

Writes assets/icons/icon-{192,512}.png (the logo as drawn, transparent corners) and
icon-maskable-{192,512}.png: a full-bleed square whose artwork sits inside the central safe
circle (radius 40%), as launchers crop maskable icons to their own shape.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
LOGO = ROOT / "assets" / "logo.svg"
OUT = ROOT / "assets" / "icons"
SIZES = (192, 512)
# The artwork spans about 45 of the logo's 64 units; at this scale its farthest point stays inside the safe circle.
MASKABLE_SCALE = 0.72
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def maskable_svg(svg: str) -> str:
    """The logo with square corners and its artwork shrunk into the maskable safe zone."""
    svg = re.sub(r'(<rect [^>]*?)\s+rx="[^"]*"', r"\1", svg, count=1)
    head, rect, rest = re.split(r"(<rect [^>]*/>)", svg, maxsplit=1)
    body, tail = rest.rsplit("</svg>", 1)
    transform = f"translate(32 32) scale({MASKABLE_SCALE}) translate(-32 -32)"
    return f'{head}{rect}<g transform="{transform}">{body}</g></svg>{tail}'


def sized(svg: str, size: int) -> str:
    """The SVG drawn at `size` CSS pixels."""
    return svg.replace("<svg ", f'<svg width="{size}" height="{size}" ', 1)


def main() -> None:
    """Render every icon."""
    logo = LOGO.read_text()
    variants = {"icon": logo, "icon-maskable": maskable_svg(logo)}
    OUT.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"])
        for name, svg in variants.items():
            for size in SIZES:
                page = browser.new_page(viewport={"width": size, "height": size})
                page.set_content(f'<html><body style="margin:0">{sized(svg, size)}</body></html>')
                path = OUT / f"{name}-{size}.png"
                page.locator("svg").screenshot(path=str(path), omit_background=True)
                page.close()
                print(path.relative_to(ROOT))
        browser.close()


if __name__ == "__main__":
    main()

"""The marketplace in a browser: a seller lists gear with a photo at a town; a buyer nearby finds it by words and
distance, opens it and says they're interested; the seller marks it sold. Screenshots on desktop and phone."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.e2e.flows import register

ORANGE = {"latitude": -33.2835, "longitude": 149.1013}  # ~124 km from Dubbo


def _photo(tmp_path: Path) -> Path:
    image = Image.new("RGB", (1200, 900), (60, 60, 64))
    image.paste((200, 40, 40), (300, 250, 900, 650))  # a red barbecue, more or less
    path = tmp_path / "weber.jpg"
    out = io.BytesIO()
    image.save(out, format="JPEG")
    path.write_bytes(out.getvalue())
    return path


def _card(page: Page, title: str):
    return page.locator(".listing-card").filter(has_text=title)


def test_list_find_interest_and_sell(page: Page, browser: Browser, app_server: str, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    register(page, name="Sam Seller")
    page.goto("/social?tab=market")
    expect(page.get_by_text("Nothing matches")).to_be_visible(timeout=20_000)

    page.get_by_role("button", name="Sell something").click()
    dialog = page.get_by_role("dialog")
    dialog.locator("input[name=listing-title]").fill("Weber Baby Q with cover")
    dialog.locator("input[name=listing-price]").fill("about two hundred")
    dialog.locator("textarea[name=listing-description]").fill("<b>Barely</b> used, pick up from the showground.")
    dialog.get_by_role("button", name="List it").click()
    expect(dialog.get_by_text("Type the price as a number")).to_be_visible()
    expect(dialog.get_by_text("Say where it is")).to_be_visible()
    expect(dialog.locator("input[name=listing-title]")).to_have_value("Weber Baby Q with cover")  # nothing lost
    dialog.locator("input[name=listing-price]").fill("220")
    dialog.get_by_label("Town where the item is").fill("Dubbo")
    # The offline gazetteer loads on the first suggestion: seconds on a busy machine.
    dialog.get_by_role("option", name=re.compile(r"^Dubbo, New South Wales")).click(timeout=60_000)
    expect(dialog.locator(".listing-location")).to_have_text("Dubbo, New South Wales")
    dialog.locator("input[type=file]").set_input_files(str(_photo(tmp_path)))
    expect(dialog.locator(".listing-photo-slot")).to_have_count(1, timeout=20_000)
    expect(dialog.get_by_text("Cover", exact=True)).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "market-sell-desktop.png"))
    dialog.get_by_role("button", name="List it").click()
    expect(page.get_by_role("dialog")).to_have_count(0)
    mine = _card(page, "Weber Baby Q")
    expect(mine).to_be_visible()
    expect(mine.get_by_text("Yours")).to_be_visible()
    expect(mine.get_by_text("$220.00")).to_be_visible()

    # A buyer in Orange, with the browser's location allowed.
    buyer_context = browser.new_context(
        base_url=app_server, viewport=DESKTOP, geolocation=ORANGE, permissions=["geolocation"]
    )
    buyer = buyer_context.new_page()
    try:
        register(buyer, name="Bea Buyer")
        buyer.goto("/social?tab=market")
        expect(buyer.locator(".market-origin")).to_contain_text("Distances from your location")
        card = _card(buyer, "Weber Baby Q")
        expect(card).to_contain_text("Dubbo, New South Wales")
        expect(card).to_contain_text(re.compile(r"12\d km away"))  # Orange to Dubbo, as the crow flies
        buyer.get_by_label("Search listings").fill("weber")
        expect(card).to_be_visible()
        buyer.get_by_label("Distance").click()
        buyer.get_by_role("option", name="Within 100 km").click()
        expect(buyer.get_by_text("Nothing matches")).to_be_visible()
        buyer.get_by_label("Distance").click()
        buyer.get_by_role("option", name="Within 250 km").click()
        expect(card).to_be_visible()
        buyer.wait_for_function(
            "() => [...document.querySelectorAll('.listing-card img')].some(i => i.complete && i.naturalWidth > 0)"
        )
        buyer.screenshot(path=str(SCREENSHOTS / "market-desktop.png"))

        card.get_by_role("button", name=re.compile("^Open Weber")).click()
        detail = buyer.get_by_role("dialog")
        expect(detail.get_by_text("Sam Seller")).to_be_visible()
        expect(detail.get_by_text("<b>Barely</b> used", exact=False)).to_be_visible()  # text, never HTML
        assert detail.locator("b").count() == 0
        image = detail.get_by_alt_text("Weber Baby Q with cover")
        expect(image).to_be_visible()
        assert "/api/v1/listing-photos/" in (image.get_attribute("src") or "")
        buyer.wait_for_timeout(400)  # the dialog's opening animation
        buyer.screenshot(path=str(SCREENSHOTS / "market-detail-desktop.png"))
        detail.get_by_role("button", name="I'm interested").click()
        expect(buyer.get_by_text("Sam Seller has been told you're interested.")).to_be_visible()
        expect(detail.get_by_role("button", name="Seller told")).to_be_disabled()
    finally:
        buyer_context.close()

    # The seller hears about it, and marks the item sold from its card.
    page.reload()
    mine = _card(page, "Weber Baby Q")
    mine.get_by_role("button", name="Listing options").click()
    page.get_by_role("menuitem", name="Mark sold").click()
    expect(page.get_by_text("is now sold")).to_be_visible()
    expect(mine.locator(".status-badge")).to_have_text("Sold")
    expect(mine).to_have_attribute("data-status", "sold")

    page.set_viewport_size(PHONE)
    page.get_by_role("switch").first.click()  # include pending and sold
    expect(mine).to_be_visible()
    expect(page.get_by_text("is now sold")).to_have_count(0, timeout=15_000)
    page.screenshot(path=str(SCREENSHOTS / "market-phone.png"), full_page=True)
    page.get_by_role("button", name=re.compile("^Sell")).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    page.wait_for_timeout(400)
    page.screenshot(path=str(SCREENSHOTS / "market-sell-phone.png"))

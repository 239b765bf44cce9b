"""Groups in a browser: start one and post in it; another traveller finds it, joins (count 1 → 2), reads, leaves."""

from __future__ import annotations

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.e2e.flows import register

NAME = "Solar & 12V power"


def _card(page: Page):
    return page.locator(".group-card").filter(has_text=NAME)


def test_create_post_join_and_leave(page: Page, browser: Browser, app_server: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size(DESKTOP)
    register(page, name="Alice Nomad")
    page.goto("/social?tab=groups")
    expect(page.get_by_text("No groups yet")).to_be_visible()
    page.get_by_role("button", name="New group").click()
    page.get_by_label("Name").fill("ab")
    page.get_by_label("Description").fill("Panels, lithium and inverters")
    page.get_by_role("button", name="Create group").click()
    expect(page.get_by_role("alert")).to_contain_text("3 to 80 characters")
    expect(page.get_by_label("Description")).to_have_value("Panels, lithium and inverters")
    page.get_by_label("Name").fill(NAME)
    page.get_by_role("button", name="Create group").click()
    expect(page.get_by_role("heading", name=NAME, exact=True)).to_be_visible()
    page.get_by_label("Your post").fill("400W on the roof, 200Ah lithium below")
    page.get_by_role("button", name="Post", exact=True).click()
    expect(page.locator(".post-card").filter(has_text="400W on the roof")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "groups-feed-desktop.png"))
    page.get_by_role("button", name="All groups").click()
    expect(_card(page)).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "groups-desktop.png"))

    context = browser.new_context(
        base_url=app_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    context.set_default_timeout(15_000)
    bob = context.new_page()
    try:
        register(bob, name="Bob Grey")
        bob.goto("/social")
        expect(bob.locator(".post-card").filter(has_text="400W on the roof")).to_have_count(0)
        bob.get_by_role("tab", name="Groups").click()
        bob.get_by_label("Search groups").fill("solar")
        card = _card(bob)
        expect(card.locator(".member-count")).to_have_text("1 member")
        bob.screenshot(path=str(SCREENSHOTS / "groups-phone.png"))
        card.get_by_role("button", name=f"Join {NAME}").click()
        expect(card.locator(".member-count")).to_have_text("2 members")
        expect(card.get_by_text("Joined")).to_be_visible()
        card.get_by_role("button", name="Open").click()
        expect(bob.get_by_role("heading", name=NAME, exact=True)).to_be_visible()
        expect(bob.locator(".post-card").filter(has_text="400W on the roof")).to_be_visible()
        expect(bob.get_by_label("Your post")).to_be_visible()
        bob.screenshot(path=str(SCREENSHOTS / "groups-feed-phone.png"))
        bob.get_by_role("button", name=f"Leave {NAME}").click()
        expect(bob.get_by_role("button", name="Join to post")).to_be_visible()
        expect(bob.locator(".member-count")).to_have_text("1 member")
        expect(bob.get_by_label("Your post")).to_have_count(0)
    finally:
        context.close()

"""Notifications in a browser: likes and comments reach the bell and the page; choices stop them; a profile photo."""

from __future__ import annotations

import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.e2e.flows import register

POST = "Lake Eyre by air: worth the flight?"


def _portrait(tmp_path: Path) -> Path:
    image = Image.new("RGB", (900, 1400), (230, 150, 40))
    image.paste((40, 90, 160), (150, 400, 750, 1000))  # a blue square in the middle
    path = tmp_path / "me.png"
    image.save(path, format="PNG")
    return path


def _card(page: Page):
    return page.locator(".post-card").filter(has_text=POST)


def _badge(page: Page):
    return page.locator("#notifications-unread:visible")


def _row(page: Page, text: str):
    return page.locator(".notification-row").filter(has_text=text)


def test_likes_and_comments_notify_until_turned_off(
    page: Page, browser: Browser, app_server: str, tmp_path: Path
) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    register(page, name="Alice Nomad")
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    made = page.request.post("/api/v1/posts", data={"content": POST}, headers={"Authorization": f"Bearer {token}"})
    assert made.status == 201

    bob_context = browser.new_context(base_url=app_server, viewport=DESKTOP)
    bob_context.set_default_timeout(15_000)
    bob = bob_context.new_page()
    try:
        register(bob, name="Bob Grey")
        bob.goto("/social")
        card = _card(bob)
        card.get_by_role("button", name="Like").click()
        expect(card.get_by_role("button", name="Unlike")).to_be_visible()
        card.get_by_role("button", name="Comments").click()
        card.get_by_label("Your comment").fill("Went last spring: go at dusk")
        card.get_by_role("button", name="Reply").click()
        expect(card.get_by_text("Went last spring: go at dusk")).to_be_visible()

        page.goto("/")
        expect(_badge(page)).to_have_text("2")
        page.get_by_role("button", name="Notifications").click()
        expect(page.get_by_text("Bob Grey liked your post").first).to_be_visible()
        page.get_by_role("link", name="See all notifications").click()
        expect(page).to_have_url(re.compile(r"/notifications$"))
        expect(_row(page, "Bob Grey liked your post")).to_be_visible()
        expect(_row(page, "Bob Grey commented on your post")).to_contain_text("Went last spring: go at dusk")
        page.screenshot(path=str(SCREENSHOTS / "notifications-desktop.png"), full_page=True)

        page.get_by_role("button", name="Mark all read").click()
        expect(_badge(page)).to_have_count(0)
        expect(page.get_by_role("button", name="Mark all read")).to_be_disabled()
        _row(page, "liked your post").get_by_role("button", name="Mark as unread").click()
        expect(_badge(page)).to_have_text("1")
        page.get_by_role("radio", name="Unread").click()
        expect(page.locator(".notification-row")).to_have_count(1)
        page.get_by_role("radio", name="All").click()
        expect(page.locator(".notification-row")).to_have_count(2)

        # A deleted notice stays deleted: liking again does not bring it back.
        _row(page, "liked your post").get_by_role("button", name="Delete notification").click()
        expect(page.get_by_role("button", name="Undo")).to_be_visible()
        expect(_row(page, "liked your post")).to_have_count(0)
        expect(_badge(page)).to_have_count(0)
        card.get_by_role("button", name="Unlike").click()
        expect(card.get_by_role("button", name="Like")).to_be_visible()
        card.get_by_role("button", name="Like").click()
        expect(card.get_by_role("button", name="Unlike")).to_be_visible()

        # With comments turned off, a new comment (a new notice otherwise) sends nothing.
        page.goto("/you")
        page.get_by_role("switch", name="Comments on my posts").click()
        expect(page.get_by_text("Comments on my posts: off")).to_be_visible()
        card.get_by_label("Your comment").fill("Bring a head torch too")
        card.get_by_role("button", name="Reply").click()
        expect(card.get_by_text("Bring a head torch too")).to_be_visible()
    finally:
        bob_context.close()

    page.goto("/notifications")
    expect(_row(page, "commented on your post")).to_be_visible()
    expect(page.locator(".notification-row")).to_have_count(1)
    expect(_badge(page)).to_have_count(0)

    page.goto("/you")
    avatar = page.locator("#you-avatar")
    expect(page.get_by_role("button", name="Add photo")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("switch", name="Comments on my posts")).not_to_be_checked()  # the choice was saved
    page.locator("input[type=file]").set_input_files(str(_portrait(tmp_path)))
    expect(page.get_by_text("Profile photo saved.")).to_be_visible(timeout=20_000)
    expect(page.get_by_role("button", name="Change photo")).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('#you-avatar img')].some(i => i.complete && i.naturalWidth > 0)"
    )
    assert avatar.locator("img").evaluate("img => img.naturalWidth") == 512
    assert "/api/v1/avatars/" in (avatar.locator("img").get_attribute("src") or "")
    nav_photo = page.locator("nav img[src*='/api/v1/avatars/']")
    expect(nav_photo.first).to_be_attached()  # the sidebar's chip shows it too
    page.screenshot(path=str(SCREENSHOTS / "you-desktop.png"), full_page=True)

    phone_context = browser.new_context(
        base_url=app_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    phone_context.add_init_script(f"window.localStorage.setItem('ww_token', {token!r})")
    phone_context.set_default_timeout(15_000)
    phone = phone_context.new_page()
    try:
        phone.goto("/notifications")
        expect(_row(phone, "commented on your post")).to_be_visible()
        phone.screenshot(path=str(SCREENSHOTS / "notifications-phone.png"), full_page=True)
        phone.goto("/you")
        expect(phone.get_by_role("button", name="Change photo")).to_be_visible()
        phone.wait_for_function(
            "() => [...document.querySelectorAll('#you-avatar img')].some(i => i.complete && i.naturalWidth > 0)"
        )
        phone.screenshot(path=str(SCREENSHOTS / "you-phone.png"), full_page=True)
    finally:
        phone_context.close()

    page.get_by_role("button", name="Remove", exact=True).click()
    expect(page.get_by_role("button", name="Add photo")).to_be_visible()
    expect(page.locator("#you-avatar img")).to_have_count(0)

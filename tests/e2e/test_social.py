"""The community feed in a browser: post with a photo, like, comment, edit, report, and text that stays text."""

from __future__ import annotations

import io
import re
from pathlib import Path

from PIL import Image
from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import PHONE, SCREENSHOTS
from tests.e2e.flows import register

EVIL = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script> **not bold**'


def _photo(tmp_path: Path) -> Path:
    exif = Image.Exif()
    exif[0x010F] = "SnoopCam"
    exif[0x8825] = {1: "S", 2: (33.0, 51.0, 35.0), 3: "E", 4: (151.0, 12.0, 40.0)}
    image = Image.new("RGB", (1200, 800), (40, 110, 160))
    image.paste((220, 170, 60), (0, 560, 1200, 800))  # sand under sky
    out = io.BytesIO()
    image.save(out, format="JPEG", exif=exif)
    path = tmp_path / "beach.jpg"
    path.write_bytes(out.getvalue())
    return path


def _card(page: Page, text: str):
    return page.locator(".post-card").filter(has_text=text)


def _publish(page: Page, text: str) -> None:
    page.get_by_label("Your post").fill(text)
    page.get_by_role("button", name="Post", exact=True).click()
    expect(_card(page, text[:20]).first).to_be_visible()


def test_post_like_comment_edit_report(page: Page, browser: Browser, app_server: str, tmp_path: Path) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    register(page, name="Alice Nomad")
    page.goto("/social")
    # The feed is shared with the other browser tests' users, so it need not be empty here.
    expect(page.get_by_label("Your post")).to_be_visible()

    page.get_by_label("Your post").fill("Sunset at Mungo")
    expect(page.get_by_text(str(2000 - len("Sunset at Mungo")) + " left")).to_be_visible()
    page.locator("input[type=file]").set_input_files(str(_photo(tmp_path)))
    expect(page.get_by_alt_text("The photo you're about to post")).to_be_visible(timeout=20_000)
    page.screenshot(path=str(SCREENSHOTS / "social-composer-desktop.png"))
    page.get_by_role("button", name="Post", exact=True).click()
    card = _card(page, "Sunset at Mungo")
    photo = card.get_by_alt_text("Photo shared with the post")
    expect(photo).to_be_visible()
    page.wait_for_function(
        "() => [...document.querySelectorAll('.post-card img')].some(i => i.complete && i.naturalWidth > 0)"
    )
    assert photo.evaluate("img => img.naturalWidth") == 1200
    assert "/api/v1/posts/" in (photo.get_attribute("src") or "") and "/_upload" not in photo.get_attribute("src")
    expect(page.get_by_alt_text("The photo you're about to post")).to_have_count(0)

    _publish(page, EVIL)
    evil_card = _card(page, "not bold")
    expect(evil_card.locator(".post-text")).to_have_text(EVIL)
    assert evil_card.locator(".post-text img, .post-text script, .post-text strong").count() == 0
    assert page.evaluate("() => window.__pwned") is None

    like = card.get_by_role("button", name="Like")
    like.click()
    expect(card.get_by_role("button", name="Unlike")).to_have_attribute("aria-pressed", "true")
    expect(card.get_by_role("button", name="Unlike")).to_have_text("1")

    card.get_by_role("button", name="Comments").click()
    expect(card.get_by_text("No comments yet")).to_be_visible()
    card.get_by_label("Your comment").fill("Was it windy?")
    card.get_by_role("button", name="Reply").click()
    expect(card.get_by_text("Was it windy?")).to_be_visible()
    expect(card.get_by_role("button", name="Comments")).to_contain_text("1")

    card.get_by_role("button", name="Post options").click()
    page.get_by_role("menuitem", name="Edit").click()
    page.get_by_label("Edit your post").fill("Sunset at Mungo, Walls of China")
    page.get_by_role("button", name="Save").click()
    expect(page.get_by_text("Sunset at Mungo, Walls of China")).to_be_visible()
    page.screenshot(path=str(SCREENSHOTS / "social-desktop.png"), full_page=False)

    context = browser.new_context(
        base_url=app_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    context.set_default_timeout(15_000)
    bob = context.new_page()
    try:
        register(bob, name="Bob Grey")
        bob.goto("/social")
        bob_card = _card(bob, "Walls of China")
        expect(bob_card).to_be_visible()
        expect(_card(bob, "not bold")).to_be_visible()
        bob.wait_for_function(
            "() => [...document.querySelectorAll('.post-card img')].some(i => i.complete && i.naturalWidth > 0)"
        )
        bob.screenshot(path=str(SCREENSHOTS / "social-phone.png"), full_page=False)
        bob_card.get_by_role("button", name="Comments").click()
        expect(bob_card.get_by_text("Was it windy?")).to_be_visible()
        expect(bob_card.get_by_role("button", name="Edit")).to_have_count(0)  # only one's own comments
        bob_card.get_by_label("Your comment").fill("Only a breeze")
        bob_card.get_by_role("button", name="Reply").click()
        expect(bob_card.get_by_text("Only a breeze")).to_be_visible()
        bob_card.get_by_text("Only a breeze").scroll_into_view_if_needed()
        bob.screenshot(path=str(SCREENSHOTS / "social-comments-phone.png"), full_page=False)
        _card(bob, "not bold").get_by_role("button", name="Post options").click()
        bob.get_by_role("menuitem", name="Report").click()
        expect(bob.get_by_text("We'll hide it for you and let the moderators know.")).to_be_visible()
        bob.get_by_role("button", name="Report").click()
        expect(_card(bob, "not bold")).to_have_count(0)
        bob.reload()
        expect(_card(bob, "Walls of China")).to_be_visible()
        expect(_card(bob, "not bold")).to_have_count(0)
    finally:
        context.close()

    page.reload()
    expect(_card(page, "not bold")).to_be_visible()
    expect(_card(page, "Walls of China").get_by_role("button", name=re.compile("Unlike"))).to_be_visible()

    _card(page, "not bold").get_by_role("button", name="Post options").click()
    page.get_by_role("menuitem", name="Delete").click()
    page.get_by_role("button", name="Delete").click()
    expect(_card(page, "not bold")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(_card(page, "not bold")).to_be_visible()


def test_load_more_pages_through_the_feed(page: Page) -> None:
    register(page, name="Pat Paging")
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    for number in range(12):
        made = page.request.post(
            "/api/v1/posts", data={"content": f"Paged post {number:02d}"}, headers={"Authorization": f"Bearer {token}"}
        )
        assert made.status == 201, made.text()
    page.goto("/social")
    expect(_card(page, "Paged post 11")).to_be_visible()
    expect(_card(page, "Paged post 01")).to_have_count(0)
    page.screenshot(path=str(SCREENSHOTS / "social-feed-desktop.png"))
    page.get_by_role("button", name="Load more").click()
    expect(_card(page, "Paged post 00")).to_be_visible()
    expect(page.locator(".post-card").filter(has_text="Paged post")).to_have_count(12)
    expect(page.get_by_text("You're all caught up.")).to_be_visible()

"""The installable app: manifest and icons, the service worker, the offline page and the install action."""

from __future__ import annotations

import re
import struct
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.flows import register

CACHED_PATHS = """async () => {
    const paths = [];
    for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) paths.push(new URL(request.url).pathname);
    }
    return paths;
}"""
REQUIRED_FIELDS = ("id", "name", "short_name", "description", "start_url", "scope", "display", "theme_color")


def _png_size(body: bytes) -> tuple[int, int]:
    assert body[:8] == b"\x89PNG\r\n\x1a\n", "not a PNG"
    return struct.unpack(">II", body[16:24])


@pytest.fixture
def context(browser: Browser, app_server: str) -> Iterator[BrowserContext]:
    """A context of its own, so going offline affects nothing else."""
    context = browser.new_context(base_url=app_server, viewport=DESKTOP)
    context.set_default_timeout(15_000)
    yield context
    context.close()


def _controlled_page(context: BrowserContext, path: str = "/login") -> Page:
    """Open `path`, wait for the service worker to activate, reload: the page is then under its control."""
    page = context.new_page()
    page.goto(path)
    # The worker claims open pages when it activates; a reload must then come under its control too.
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    page.reload()
    page.wait_for_function("() => navigator.serviceWorker.controller !== null")
    registration = page.evaluate("async () => (await navigator.serviceWorker.getRegistration()).scope")
    assert registration == page.evaluate("() => new URL('/', location.href).href")
    return page


def test_manifest_is_linked_and_valid(page: Page) -> None:
    page.goto("/login")
    head = page.locator("head")
    expect(head.locator('meta[name="theme-color"]')).to_have_attribute("content", "#0f766e")
    touch_icon = head.locator('link[rel="apple-touch-icon"]').get_attribute("href")
    assert page.request.get(touch_icon).headers["content-type"] == "image/png"

    href = head.locator('link[rel="manifest"]').get_attribute("href")
    response = page.request.get(href)
    assert response.ok
    assert response.headers["content-type"].startswith("application/manifest+json")
    manifest = response.json()
    assert all(manifest.get(field) for field in REQUIRED_FIELDS), manifest
    assert manifest["name"] == "Wheels & Wins"
    assert (manifest["start_url"], manifest["scope"], manifest["display"]) == ("/", "/", "standalone")
    assert re.fullmatch(r"#[0-9a-f]{6}", manifest["background_color"])

    offered = set()
    for icon in manifest["icons"]:
        image = page.request.get(icon["src"])
        assert image.ok, icon["src"]
        assert image.headers["content-type"] == icon["type"] == "image/png"
        width, height = _png_size(image.body())
        assert icon["sizes"] == f"{width}x{height}"
        offered.add((icon["sizes"], icon.get("purpose", "any")))
    assert offered >= {(size, purpose) for size in ("192x192", "512x512") for purpose in ("any", "maskable")}


def test_service_worker_controls_the_page_and_serves_offline(
    context: BrowserContext, screenshot: Callable[[Page, str], Path]
) -> None:
    page = _controlled_page(context)
    assert page.evaluate("() => navigator.serviceWorker.controller.scriptURL").endswith("/sw.js")
    expect(page.locator("input[name=email]")).to_be_visible()

    context.set_offline(True)
    page.goto("/wins")
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()
    expect(page.get_by_text("PAM needs a connection")).to_be_visible()
    expect(page).to_have_url(re.compile(r"/wins$"))
    screenshot(page, "pwa-offline-desktop")
    # A page visited a moment ago gets the offline page too: a stored copy would be an empty skeleton.
    page.goto("/login/")
    expect(page.get_by_role("heading", name="You're offline")).to_be_visible()

    cached = page.evaluate(CACHED_PATHS)
    assert {"/offline.html", "/manifest.webmanifest", "/icons/icon-192.png", "/app.css"} <= set(cached), cached
    assert any(path.startswith("/assets/") for path in cached), cached
    assert not [path for path in cached if path.startswith(("/api/", "/_event", "/_upload"))]
    assert "/login/" not in cached and "/" not in cached, cached

    page.goto("/wins")
    page.get_by_role("button", name="Retry").click()
    expect(page.get_by_role("status")).to_contain_text("Still offline")
    # Back online the page reloads by itself and the real app answers: /wins sends a signed-out visitor to sign in.
    context.set_offline(False)
    expect(page.get_by_role("status")).to_contain_text("The connection is back")
    expect(page.locator("input[name=email]")).to_be_visible(timeout=30_000)
    expect(page.get_by_role("heading", name="You're offline")).to_have_count(0)


def test_offline_page_on_a_phone(browser: Browser, app_server: str, screenshot: Callable[[Page, str], Path]) -> None:
    context = browser.new_context(base_url=app_server, viewport=PHONE, is_mobile=True, has_touch=True)
    try:
        page = _controlled_page(context)
        context.set_offline(True)
        page.goto("/you")
        expect(page.get_by_role("button", name="Retry")).to_be_in_viewport()
        screenshot(page, "pwa-offline-phone")
    finally:
        context.close()


FAKE_INSTALL_PROMPT = """() => {
    window.__installPrompts = 0;
    const event = new Event("beforeinstallprompt", { cancelable: true });
    event.prompt = () => { window.__installPrompts += 1; return Promise.resolve(); };
    event.userChoice = Promise.resolve({ outcome: "accepted", platform: "web" });
    window.dispatchEvent(event);
    return event.defaultPrevented;
}"""


def test_install_action_shows_only_when_the_browser_offers_it(
    page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    register(page)
    sidebar = page.get_by_role("navigation", name="Main").first
    install = sidebar.locator("[data-ww-install]")
    expect(install).to_have_count(1)
    expect(install).to_be_hidden()

    # What Chromium fires once the app meets its install criteria (headless never does by itself).
    assert page.evaluate(FAKE_INSTALL_PROMPT) is True
    expect(sidebar.get_by_role("button", name="Install Wheels & Wins as an app")).to_be_visible()
    screenshot(page, "pwa-install-sidebar")
    install.click()
    expect(install).to_be_hidden()
    assert page.evaluate("() => window.__installPrompts") == 1


def test_install_action_in_the_phone_menu(phone_page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(phone_page)
    assert phone_page.evaluate(FAKE_INSTALL_PROMPT) is True
    menu = phone_page.get_by_role("menu", name="Account")
    for _ in range(3):  # a click landing while the header re-renders after sign-up opens nothing
        phone_page.get_by_role("button", name="Account").click()
        try:
            expect(menu).to_be_visible(timeout=3_000)
            break
        except AssertionError:
            continue
    item = menu.get_by_role("menuitem", name="Install app")
    expect(item).to_be_visible()
    screenshot(phone_page, "pwa-install-phone-menu")
    item.click()
    assert phone_page.evaluate("() => window.__installPrompts") == 1

"""Script and markup that users type are shown as text: an expense, a post and a trip carrying payloads are
created over REST, and the Wins, Social and Wheels pages show them literally without running anything."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Browser, Page, expect

from tests.e2e.conftest import PHONE
from tests.e2e.flows import register

# Each would set window.__pwned (or open a dialog) if it were ever parsed as HTML or markdown.
EXPENSE = '<img src=x onerror="window.__pwned=1;alert(1)"> Dinner 🍝 שלום'
POST = "<script>window.__pwned=1</script> <b>bold?</b> [x](javascript:alert(1)) Robert'); DROP TABLE posts;-- مرحبا"
TRIP = "<svg onload=window.__pwned=1> Coast run 🚐 ‮reversed‬"
PAGES = (("/wins", EXPENSE), ("/social", POST), ("/wheels", TRIP))
INJECTED = "img[src='x'], [onerror], [onload], svg[onload], a[href^='javascript:'], b:text-is('bold?')"


def _seed(page: Page) -> str:
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    headers = {"Authorization": f"Bearer {token}"}
    expense = {"amount": "42.50", "category": "dining", "description": EXPENSE}
    assert page.request.post("/api/v1/expenses", data=expense, headers=headers).status == 201
    assert page.request.post("/api/v1/posts", data={"content": POST}, headers=headers).status == 201
    trip = {"title": TRIP, "waypoints": [{"name": "Sydney"}, {"name": "Canberra"}]}
    assert page.request.post("/api/v1/trips", data=trip, headers=headers).status == 201
    return token


def _assert_inert(page: Page, path: str, text: str, dialogs: list[str]) -> None:
    page.goto(path)
    expect(page.get_by_text(text, exact=True).filter(visible=True).first).to_be_visible(timeout=20_000)
    page.wait_for_timeout(500)  # give any injected handler the chance to fire
    assert page.evaluate("() => typeof window.__pwned") == "undefined", path
    assert page.locator(INJECTED).count() == 0, path
    assert dialogs == [], path


def test_payloads_render_as_text_and_never_run(
    page: Page, browser: Browser, app_server: str, screenshot: Callable[[Page, str], Path]
) -> None:
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    register(page)
    token = _seed(page)
    for path, text in PAGES:
        _assert_inert(page, path, text, dialogs)
        screenshot(page, f"hostile{path.replace('/', '-')}-desktop")

    phone_context = browser.new_context(
        base_url=app_server, viewport=PHONE, is_mobile=True, has_touch=True, device_scale_factor=2
    )
    phone_context.add_init_script(f"window.localStorage.setItem('ww_token', {token!r})")
    phone_context.set_default_timeout(15_000)
    phone = phone_context.new_page()
    phone.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    try:
        for path, text in PAGES:
            _assert_inert(phone, path, text, dialogs)
            screenshot(phone, f"hostile{path.replace('/', '-')}-phone")
    finally:
        phone_context.close()

"""The production build loads in a real browser and syncs state with its backend on the same port."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

from playwright.sync_api import Page, expect


def test_home_page_renders_and_connects(page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))

    with page.expect_websocket(lambda ws: "/_event" in ws.url) as socket_info:
        page.goto("/")
    socket = socket_info.value
    # The first frame back from the backend is its answer to the page's hydrate event.
    socket.wait_for_event("framereceived")

    expect(page).to_have_title(re.compile("wheels", re.IGNORECASE))
    expect(page.locator("body")).to_be_visible()
    assert urlsplit(socket.url).netloc == urlsplit(page.url).netloc
    assert errors == []
    assert screenshot(page, "smoke-home").stat().st_size > 0

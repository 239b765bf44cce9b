"""Wheels › Places in the browser: save places by picking on the map and by typing a town, see them nearest first,
rate, filter, delete and undo; where distances are measured from when location is allowed or refused."""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.e2e.flows import register

DUBBO = {"latitude": -32.2569, "longitude": 148.6011}


@pytest.fixture
def located(browser: Browser, app_server: str) -> Iterator[Callable[..., Page]]:
    """located(viewport=..., token=...) -> a page whose browser allows location and is in Dubbo."""
    contexts: list[BrowserContext] = []

    def _open(viewport: dict[str, int] = DESKTOP, token: str | None = None, **options: object) -> Page:
        context = browser.new_context(
            base_url=app_server, viewport=viewport, geolocation=DUBBO, permissions=["geolocation"], **options
        )
        context.set_default_timeout(15_000)
        if token:
            context.add_init_script(f"window.localStorage.setItem('ww_token', {json.dumps(token)})")
        contexts.append(context)
        return context.new_page()

    yield _open
    for context in contexts:
        context.close()


def _open_places(page: Page) -> None:
    page.goto("/wheels?tab=places")
    expect(page.get_by_role("tab", name="Places")).to_have_attribute("aria-selected", "true")


def _rows(page: Page):
    return page.locator(".place-row")


def _shot_screen(page: Page, name: str) -> None:
    """What the screen shows (a full-page capture would scroll the page under a dialog, or show the phone's
    fixed bottom bar mid-page)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def test_save_rate_filter_delete_and_undo_places(
    located: Callable[..., Page], screenshot: Callable[[Page, str], Path]
) -> None:
    page = located()
    register(page)
    _open_places(page)
    expect(page.get_by_text("Save the places worth coming back to")).to_be_visible()
    screenshot(page, "places-empty-desktop")

    # Picked on the map.
    page.get_by_role("button", name="Add your first place").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Save place").click()
    expect(dialog.get_by_text("Give the place a name.")).to_be_visible()
    expect(dialog.get_by_text("Choose where it is: find a town, or pick the spot on the map.")).to_be_visible()
    dialog.get_by_label("Name").fill("Ponto Falls")
    dialog.get_by_role("combobox").filter(has_text="Campground").click()
    page.get_by_role("option", name="Free camp").click()
    dialog.get_by_role("radio", name="Pick on the map").click()
    pick_map = dialog.get_by_role("region", name="Map to pick the place's location")
    expect(pick_map.locator(".leaflet-container")).to_be_visible()
    pick_map.click(position={"x": 200, "y": 120})
    expect(dialog.locator(".picked-coordinates")).to_have_text(re.compile(r"^-?\d+\.\d{4}, \d+\.\d{4}$"))
    expect(pick_map.locator(".ww-place-marker--free_camp")).to_have_count(1)
    dialog.get_by_role("button", name="Rate it 3 stars").click()
    dialog.get_by_label("Notes").fill("River flats, shady. Bring water.")
    _shot_screen(page, "places-dialog-map-desktop")
    dialog.get_by_role("button", name="Save place").click()
    expect(page.get_by_text("Saved “Ponto Falls” (Free camp).")).to_be_visible()
    expect(_rows(page)).to_have_count(1)

    # Typed a town.
    page.get_by_role("button", name="Add place").click()
    dialog.get_by_label("Name").fill("Dubbo showground")
    dialog.get_by_role("combobox", name="Find a town").fill("Dubbo")
    dialog.get_by_role("option", name=re.compile(r"^Dubbo, New South Wales")).click()
    expect(dialog.get_by_text(re.compile(r"^Dubbo, New South Wales"))).to_be_visible()
    dialog.get_by_role("button", name="Save place").click()
    expect(_rows(page)).to_have_count(2)

    # Nearest first from the browser's location (Dubbo), distances in km, both on the map.
    expect(page.get_by_text("Nearest to your location")).to_be_visible()
    expect(_rows(page).first).to_contain_text("Dubbo showground")
    expect(_rows(page).first.locator(".place-distance")).to_have_text(re.compile(r"^(< )?\d+(\.\d)? km$"))
    expect(_rows(page).nth(1).locator(".place-distance")).to_have_text(re.compile(r"^[\d,]+(\.\d)? km$"))
    places_map = page.get_by_role("region", name="Map of your saved places")
    expect(places_map.locator(".ww-place-marker")).to_have_count(2)

    # Rate from the list.
    page.get_by_role("button", name="Rate Dubbo showground: 4 stars").click()
    expect(page.get_by_role("button", name="Rate Dubbo showground: 4 stars")).to_have_attribute("aria-pressed", "true")
    screenshot(page, "places-list-desktop")

    # Filter by kind, then by name.
    page.get_by_role("button", name=re.compile(r"^Free camp\s*1$")).click()
    expect(_rows(page)).to_have_count(1)
    expect(_rows(page).first).to_contain_text("Ponto Falls")
    expect(places_map.locator(".ww-place-marker")).to_have_count(1)
    page.get_by_role("button", name=re.compile(r"^All\s*2$")).click()
    expect(_rows(page)).to_have_count(2)
    page.get_by_placeholder("Find a saved place by name").fill("show")
    expect(_rows(page)).to_have_count(1)
    page.get_by_placeholder("Find a saved place by name").fill("")
    expect(_rows(page)).to_have_count(2)

    # Delete, then undo.
    page.get_by_role("button", name="Delete Ponto Falls").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(_rows(page)).to_have_count(1)
    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_text("Restored “Ponto Falls”.")).to_be_visible()
    expect(_rows(page)).to_have_count(2)
    expect(page.get_by_role("button", name="Rate Ponto Falls: 3 stars")).to_have_attribute("aria-pressed", "true")

    # The same places on a phone.
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    phone = located(PHONE, token, is_mobile=True, has_touch=True, device_scale_factor=2)
    _open_places(phone)
    expect(phone.get_by_text("Nearest to your location")).to_be_visible()
    expect(_rows(phone)).to_have_count(2)
    screenshot(phone, "places-list-phone")
    _rows(phone).last.evaluate("(row) => row.scrollIntoView({block: 'center'})")
    _shot_screen(phone, "places-rows-phone")
    phone.get_by_role("button", name="Edit Ponto Falls").click()
    expect(phone.get_by_role("dialog").get_by_label("Name")).to_have_value("Ponto Falls")
    _shot_screen(phone, "places-dialog-phone")


def test_refused_location_lists_newest_first_and_says_why(page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(page)
    _open_places(page)
    page.get_by_role("button", name="Add your first place").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Name").fill("Orange Caltex")
    dialog.get_by_role("combobox", name="Find a town").fill("Orange")
    dialog.get_by_role("option", name=re.compile(r"^Orange, New South Wales")).click()
    dialog.get_by_role("button", name="Save place").click()
    expect(_rows(page)).to_have_count(1)
    expect(page.get_by_text("Newest first", exact=True)).to_be_visible()
    expect(_rows(page).first.locator(".place-distance")).to_have_count(0)
    page.get_by_role("button", name="Use my location").click()
    expect(page.get_by_text("Location is blocked for this site.")).to_be_visible()
    screenshot(page, "places-refused-desktop")

"""Wheels in the browser: a trip built stop by stop by typing (and a pin on the map), planned, reordered, optimised."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.flows import register

FIRST_LOOKUP_MS = 60_000  # the first suggestion may build the place index


def _stop_box(page: Page) -> Locator:
    return page.get_by_role("combobox", name="Add a stop")


def _draft_map(page: Page) -> Locator:
    return page.get_by_role("region", name="Map of the draft trip")


def _trip_map(page: Page) -> Locator:
    return page.get_by_role("region", name="Map of the trip's stops")


def _pick(page: Page, typed: str, option: str, *, how: str = "click") -> None:
    """Type a prefix, wait for its suggestions, and pick one by click, Enter, or ArrowDown then Enter."""
    box = _stop_box(page)
    box.fill(typed)
    wanted = page.get_by_role("option", name=option)
    expect(wanted).to_be_visible(timeout=FIRST_LOOKUP_MS)
    if how == "click":
        wanted.click()
    else:
        if how == "arrow":
            box.press("ArrowDown")
            expect(wanted).to_have_attribute("aria-selected", "true")
        box.press("Enter")
    expect(page.get_by_role("listbox")).to_have_count(0)
    expect(box).to_have_value("")


def test_build_a_trip_by_typing_pin_plan_reorder_and_optimise(
    page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    register(page)
    page.goto("/wheels")
    expect(_draft_map(page)).to_be_visible()

    _pick(page, "Syd", "Sydney, New South Wales, Australia")
    _pick(page, "Canb", "Canberra, Australian Capital Territory, Australia", how="enter")
    _stop_box(page).fill("Bal")
    expect(page.get_by_role("option", name="Ballarat, Victoria, Australia")).to_be_visible()
    screenshot(page, "wheels-planner-suggestions-desktop")
    _pick(page, "Melb", "Melbourne, Victoria, Australia", how="arrow")

    draft = page.get_by_role("list", name="Stops of the draft trip").get_by_role("listitem")
    expect(draft).to_have_count(3)
    expect(draft.nth(1)).to_contain_text("Canberra")
    expect(_draft_map(page).locator(".leaflet-marker-icon")).to_have_count(3)
    expect(_draft_map(page).locator(".leaflet-overlay-pane path")).to_have_count(1)  # the dashed estimate
    expect(page.get_by_text(re.compile(r"\d[\d,]* km · \d+ h.* in all"))).to_be_visible()
    page.mouse.move(0, 0)
    screenshot(page, "wheels-planner-draft-desktop")

    # A stop picked on the map: a click away from the markers (top left is inland NSW).
    page.get_by_role("button", name="Pick on map").click()
    expect(page.get_by_text("Click or tap the map to add stop 4.")).to_be_visible()
    _draft_map(page).click(position={"x": 60, "y": 40})
    expect(draft).to_have_count(4)
    expect(draft.nth(3)).to_contain_text(re.compile(r"Pin \d+\.\d{3}° S, \d+\.\d{3}° E"))
    expect(_draft_map(page).locator(".leaflet-marker-icon")).to_have_count(4)

    page.get_by_role("button", name="Plan trip").click()
    expect(page.get_by_text("Planned “Sydney to Pin ", exact=False)).to_be_visible(timeout=30_000)
    expect(_trip_map(page).locator(".leaflet-marker-icon")).to_have_count(4)
    expect(_trip_map(page).locator(".leaflet-overlay-pane path")).to_have_count(1)
    expect(draft).to_have_count(0)
    expect(_draft_map(page).locator(".leaflet-marker-icon")).to_have_count(0)

    rows = page.locator(".stop-row")
    expect(rows).to_have_count(4)
    page.get_by_role("button", name="Move Canberra later").click()
    expect(rows.nth(2)).to_contain_text("Canberra")
    expect(rows.nth(1)).to_contain_text("Melbourne")
    expect(rows.nth(1)).to_contain_text(re.compile(r"\d[\d,]* km · "))  # the leg from Sydney

    page.get_by_role("button", name="Optimise order").click()
    expect(
        page.get_by_text(re.compile(r"New order saves about [\d,]+ km|already in the shortest order"))
    ).to_be_visible()
    expect(rows.first).to_contain_text("Sydney")
    expect(rows.last).to_contain_text("Pin ")
    expect(_trip_map(page).locator(".leaflet-marker-icon")).to_have_count(4)
    expect(page.get_by_text(re.compile(r"^\d[\d,]* km · \d+ h.* · estimate$"))).to_be_visible()
    page.mouse.move(0, 0)
    screenshot(page, "wheels-trip-on-map-desktop")


def test_paste_a_list_unknown_names_and_the_draft_survives_a_reload_on_a_phone(
    phone_page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    page = phone_page
    register(page)
    page.goto("/wheels")
    box = _stop_box(page)
    expect(box).to_be_visible()

    box.fill("Qzxwville")
    expect(page.get_by_text("No place called “Qzxwville” found.")).to_be_visible(timeout=FIRST_LOOKUP_MS)
    expect(page.get_by_role("button", name="Pick on the map instead")).to_be_visible()

    box.fill("Sydney, Richmond, Melbourne")
    expect(page.get_by_text("Press Enter to add these 3 places in order.")).to_be_visible()
    expect(page.get_by_text("No place called", exact=False)).to_have_count(0)
    box.press("Enter")
    draft = page.get_by_role("list", name="Stops of the draft trip").get_by_role("listitem")
    expect(draft).to_have_count(3, timeout=FIRST_LOOKUP_MS)
    expect(draft.nth(1)).to_contain_text("Richmond, Victoria, Australia")
    notice = page.get_by_text(re.compile(r"“Richmond” could be \d+ places: took the largest, Richmond, Victoria"))
    expect(notice).to_be_visible()
    expect(_draft_map(page).locator(".leaflet-marker-icon")).to_have_count(3)

    page.reload()
    expect(draft).to_have_count(3, timeout=30_000)
    expect(draft.first).to_contain_text("Sydney")
    expect(_draft_map(page).locator(".leaflet-marker-icon")).to_have_count(3)
    screenshot(page, "wheels-planner-draft-phone")

    page.get_by_role("button", name="Remove Richmond").click()
    expect(draft).to_have_count(2)
    page.get_by_role("button", name="Clear the draft").click()
    expect(draft).to_have_count(0)

"""Wheels in the browser: a trip planned by typing places shows its numbered stops and route on the map."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.flows import register


def test_a_planned_trip_shows_on_the_map(page: Page) -> None:
    register(page)
    page.goto("/wheels")
    page.get_by_placeholder("Sydney, Canberra, Melbourne").fill("Sydney, Canberra, Melbourne")
    page.get_by_role("button", name=re.compile("Plan", re.I)).last.click()
    map_region = page.get_by_role("region", name="Map of the trip's stops")
    expect(map_region).to_be_visible(timeout=30_000)  # the first lookup may build the place index
    expect(map_region.locator(".leaflet-marker-icon")).to_have_count(3)
    expect(map_region.locator(".leaflet-marker-icon").first).to_contain_text("1")
    expect(map_region.locator("path.leaflet-interactive")).to_have_count(1)  # the route line


def test_optimise_reorder_and_remove_stops(page: Page) -> None:
    register(page)
    page.goto("/wheels")
    page.get_by_placeholder("Sydney, Canberra, Melbourne").fill("Sydney, Melbourne, Canberra, Adelaide")
    page.get_by_role("button", name=re.compile("Plan", re.I)).last.click()
    rows = page.locator(".stop-row")
    expect(rows).to_have_count(4, timeout=30_000)

    page.get_by_role("button", name="Optimise order").click()
    expect(page.get_by_text(re.compile(r"New order saves about [\d,]+ km"))).to_be_visible()
    expect(rows.nth(1)).to_contain_text("Canberra")
    expect(rows.nth(2)).to_contain_text("Melbourne")

    page.get_by_role("button", name="Remove Canberra").click()
    expect(rows).to_have_count(3)
    page.get_by_role("button", name="Move Melbourne earlier").click()
    expect(rows.first).to_contain_text("Melbourne")
    expect(page.get_by_role("region", name="Map of the trip's stops").locator(".leaflet-marker-icon")).to_have_count(3)

"""A trip's budget vs actual in the browser: an expense linked in the Wins editor, a budget set in the trip's details.

The trip is planned through REST with the browser's own session token (the planner form is not
what this test is about), as an active trip, so the Wins editor links new expenses to it by default.
"""

from __future__ import annotations

import re
from decimal import Decimal

from playwright.sync_api import Page, expect

from tests.e2e.conftest import PHONE, SCREENSHOTS
from tests.e2e.flows import register
from wheels_wins.db import to_money

TRIP = {
    "title": "Outback loop",
    "status": "active",
    "waypoints": [{"name": "Broken Hill", "lat": -31.95, "lon": 141.47}, {"name": "Mildura", "lat": -34.19, "lon": 142.16}],
}


def _screenshot(page: Page, name: str) -> None:
    """The viewport as the user sees it (a full-page capture would misplace the fixed dialog and navigation)."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.wait_for_timeout(400)  # let the dialog's and the chart's transitions settle
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _plan_trip(page: Page) -> dict:
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    response = page.request.post("/api/v1/trips", data=TRIP, headers={"Authorization": f"Bearer {token}"})
    assert response.status == 201, response.text()
    return response.json()


def _add_expense(page: Page, amount: str, category: str, description: str, *, trip: str | None = None) -> None:
    page.get_by_role("button", name="Add expense").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Amount").fill(amount)
    dialog.get_by_role("combobox").first.click()
    page.get_by_role("option", name=category, exact=True).click()
    if trip is not None:
        dialog.get_by_role("combobox", name="Trip").click()
        page.get_by_role("option", name=trip, exact=True).click()
    dialog.get_by_label("Description").fill(description)
    dialog.get_by_role("button", name="Add expense").click()
    expect(dialog).to_be_hidden()


def test_link_an_expense_set_a_budget_and_see_budget_vs_actual(page: Page) -> None:
    register(page)
    trip = _plan_trip(page)

    # New expenses default to the active trip, visibly, and the link can be cleared.
    page.goto("/wins")
    page.get_by_role("button", name="Add expense").first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("combobox", name="Trip")).to_contain_text("Outback loop · active")
    expect(dialog.get_by_text("Your active trip.", exact=False)).to_be_visible()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    _add_expense(page, "62.40", "Fuel", "Diesel")
    _add_expense(page, "18.00", "Dining", "Pies", trip="No trip")
    rows = page.locator(".expense-row")
    expect(rows.filter(has_text="Diesel")).to_contain_text("Outback loop")
    expect(rows.filter(has_text="Pies")).not_to_contain_text("Outback loop")

    page.goto("/wheels")
    page.get_by_role("button", name="Details").first.click()
    sheet = page.locator("#trip-sheet")
    expect(sheet.locator("#trip-sheet-title")).to_have_text("Outback loop")
    expect(sheet.locator("#trip-sheet-spent")).to_have_text("$62.40")
    expect(sheet.get_by_text("no budget set", exact=False)).to_be_visible()
    expect(sheet.locator(".trip-expense-row")).to_have_count(1)
    expect(sheet.locator(".trip-expense-row")).to_contain_text("Diesel")

    # An end before the start is refused beside the end date; then a budget is saved with good dates.
    sheet.get_by_role("button", name="Set a budget").click()
    sheet.get_by_label("Start date").fill("2026-06-10")
    sheet.get_by_label("End date").fill("2026-06-01")
    sheet.get_by_label("Budget (AUD)").fill("500")
    sheet.get_by_role("button", name="Save changes").click()
    expect(sheet.get_by_text("The end date must be on or after the start date.")).to_be_visible()
    sheet.get_by_label("End date").fill("2026-06-20")
    sheet.get_by_role("button", name="Save changes").click()

    expect(sheet.locator("#trip-sheet-left")).to_have_text("$437.60 left")
    expect(sheet.get_by_text("12% of the budget used")).to_be_visible()
    per_km = to_money(Decimal("62.40") / Decimal(str(trip["distance_km"])))
    expect(sheet.locator("#trip-sheet-per-distance")).to_have_text(f"${per_km} per km")
    expect(sheet.get_by_text("Wed 10 Jun – Sat 20 Jun 2026 · 11 days")).to_be_visible()
    expect(sheet.locator(".trip-costs-chart .js-plotly-plot")).to_be_visible()
    _screenshot(page, "trip-budget-desktop")
    sheet.get_by_role("tab", name="Edit trip").click()
    _screenshot(page, "trip-edit-desktop")

    page.keyboard.press("Escape")
    expect(sheet).to_be_hidden()
    page.set_viewport_size(PHONE)
    page.reload()
    page.get_by_role("button", name="Details").first.click()
    expect(sheet.locator("#trip-sheet-left")).to_have_text("$437.60 left")
    expect(sheet.locator(".trip-costs-chart .js-plotly-plot")).to_be_visible()
    chart_box, sheet_box = sheet.locator(".trip-costs-chart").bounding_box(), sheet.bounding_box()
    assert chart_box and sheet_box and chart_box["x"] + chart_box["width"] <= sheet_box["x"] + sheet_box["width"]
    _screenshot(page, "trip-budget-phone")
    sheet.get_by_role("tab", name="Edit trip").click()
    sheet_box = sheet.bounding_box()
    assert sheet_box and sheet_box["x"] >= 0 and sheet_box["x"] + sheet_box["width"] <= PHONE["width"]
    _screenshot(page, "trip-edit-phone")
    sheet.get_by_role("tab", name="Budget vs actual").click()

    # "See in Wins" lists just this trip's expenses.
    sheet.get_by_role("button", name="See in Wins").click()
    expect(page).to_have_url(re.compile(r"/wins$"))
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Diesel")
    expect(page.locator("#expenses-filtered-total")).to_have_text("$62.40")

    # On a phone the editor's fields stack in one column, inside the screen.
    page.get_by_role("button", name="Add expense").first.click()
    editor = page.get_by_role("dialog")
    expect(editor.get_by_role("combobox", name="Trip")).to_contain_text("Outback loop · active")
    editor_box = editor.bounding_box()
    assert editor_box and editor_box["x"] >= 0 and editor_box["x"] + editor_box["width"] <= PHONE["width"]
    _screenshot(page, "wins-editor-phone")


def test_delete_a_trip_and_undo(page: Page) -> None:
    register(page)
    _plan_trip(page)
    page.goto("/wins")
    _add_expense(page, "30.00", "Camping", "Station stay")

    page.goto("/wheels")
    page.get_by_role("button", name="Details").first.click()
    sheet = page.locator("#trip-sheet")
    sheet.get_by_role("tab", name="Edit trip").click()
    sheet.get_by_role("button", name="Delete trip").click()
    confirm = page.get_by_role("alertdialog")
    expect(confirm).to_contain_text("Its 1 linked expense stays in Wins")
    confirm.get_by_role("button", name="Delete trip").click()
    expect(page.get_by_text("Deleted “Outback loop”.")).to_be_visible()
    expect(page.get_by_role("button", name="Details")).to_have_count(0)

    page.get_by_role("button", name="Undo").click()
    expect(page.get_by_role("button", name="Details")).to_have_count(1)
    page.get_by_role("button", name="Details").click()
    expect(page.locator("#trip-sheet-spent")).to_have_text("$30.00")  # the expense is linked again

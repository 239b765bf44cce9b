"""Wheels › Vehicle in the browser: the profile, fill-ups through the dialog, measured consumption, the fuel
expense in Wins, delete with Undo, and imperial units (gal, mi, mpg); screenshots at desktop and phone sizes."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.e2e.flows import register

VEHICLE_TAB = "/wheels?tab=vehicle"


def _add_vehicle(page: Page, *, tank: str, consumption: str, screenshot=None) -> None:
    card = page.locator("#vehicle-card")
    card.get_by_role("button", name="Add your vehicle").click()
    card.get_by_label("Name").fill("The Tortoise")
    card.get_by_label("Make").fill("Toyota")
    card.get_by_label("Model").fill("LandCruiser 79")
    card.get_by_label("Year").fill("19")  # refused, naming the field; what was typed stays
    card.get_by_label("Tank size").fill(tank)
    card.get_by_label("Expected consumption").fill(consumption)
    card.get_by_role("button", name="Add vehicle").click()
    expect(card.get_by_text("Enter the year as four digits")).to_be_visible()
    expect(card.get_by_label("Name")).to_have_value("The Tortoise")
    if screenshot:
        screenshot(page, "vehicle-form-desktop")
    card.get_by_label("Year").fill("2019")
    card.get_by_role("button", name="Add vehicle").click()
    expect(card.locator("#vehicle-name")).to_have_text("The Tortoise")
    expect(card).to_contain_text("2019 Toyota LandCruiser 79")


def _fill_up(
    page: Page, *, volume: str, odometer: str, location: str, total: str = "", price: str = "", derived: str
) -> None:
    page.locator("#fuel-log").get_by_role("button", name="Add fill-up").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Volume").fill(volume)
    if price:
        dialog.get_by_role("radio", name=re.compile("^Price per")).click()
        dialog.get_by_label("Price per").fill(price)
    else:
        dialog.get_by_label("Total cost").fill(total)
    expect(dialog).to_contain_text(derived)  # the other figure, worked out as it is typed
    dialog.get_by_role("textbox", name=re.compile("^Odometer")).fill(odometer)
    dialog.get_by_label("Location").fill(location)
    expect(dialog.get_by_role("checkbox")).to_be_checked()  # full tank unless said otherwise
    dialog.get_by_role("button", name="Add fill-up").click()
    expect(dialog).to_be_hidden()


def _no_toasts(page: Page) -> None:
    page.mouse.move(1, 1)  # toasts stay while hovered
    expect(page.locator("[data-sonner-toast]")).to_have_count(0, timeout=15_000)  # they would hide the page


def _screenshots(page: Page, screenshot, name: str) -> None:
    _no_toasts(page)
    page.set_viewport_size(DESKTOP)
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)


def _rows(page: Page) -> Locator:
    return page.locator("#fuel-log .fill-row")


def test_vehicle_fill_ups_measure_consumption_and_record_fuel_expenses(page: Page, screenshot) -> None:
    register(page)
    page.goto(VEHICLE_TAB)
    expect(page.locator("#fuel-log")).to_contain_text("No fill-ups yet")
    _screenshots(page, screenshot, "vehicle-empty")
    _add_vehicle(page, tank="180", consumption="15.5", screenshot=screenshot)
    expect(page.locator("#vehicle-card")).to_contain_text("180 L")
    expect(page.locator("#vehicle-card")).to_contain_text("1,161 km")  # the range on a full tank
    expect(page.locator("#fuel-estimate-basis")).to_contain_text("15.5 L/100 km at $1.950/L")

    _fill_up(page, volume="60", total="120", odometer="100000", location="Dubbo", derived="That's $2.000/L")
    _fill_up(page, volume="45", price="2.1", odometer="100500", location="Gilgandra", derived="Total $94.50")

    rows = _rows(page)
    expect(rows).to_have_count(2)
    newest = rows.first
    expect(newest).to_contain_text("45 L")
    expect(newest).to_contain_text("$94.50")
    expect(newest).to_contain_text("$2.100/L")
    expect(newest).to_contain_text("100,500 km")
    expect(newest).to_contain_text("Full")
    expect(newest).to_contain_text("9.0 L/100 km")  # 45 L over 500 km
    expect(page.locator("#fuel-average")).to_contain_text("9.0 L/100 km")
    expect(page.locator("#fuel-price")).to_contain_text("$2.050/L")
    expect(page.locator("#fuel-estimate-basis")).to_contain_text("15.5 L/100 km at $2.050/L")
    expect(page.locator("#vehicle-card")).to_contain_text("100,500 km")  # the latest odometer reading
    _screenshots(page, screenshot, "vehicle")

    # Delete the newest, then Undo: it comes back with its expense.
    page.get_by_role("button", name=re.compile("^Delete .* fill-up of 45 L")).click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(rows).to_have_count(1)
    page.get_by_role("button", name="Undo").click()
    expect(rows).to_have_count(2)
    expect(rows.first).to_contain_text("9.0 L/100 km")

    page.goto("/wins")
    expenses = page.locator(".expense-row")
    expect(expenses).to_have_count(2)
    gilgandra = expenses.filter(has_text="Gilgandra")
    expect(gilgandra).to_contain_text("Fuel")
    expect(gilgandra).to_contain_text("$94.50")
    expect(expenses.filter(has_text="Dubbo")).to_contain_text("$120.00")


def test_imperial_units_show_gallons_miles_and_mpg(page: Page, screenshot) -> None:
    register(page)
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    changed = page.request.patch(
        "/api/v1/me", data={"preferences": {"units": "imperial"}}, headers={"Authorization": f"Bearer {token}"}
    )
    assert changed.ok, changed.text()
    page.goto(VEHICLE_TAB)
    _add_vehicle(page, tank="47.5", consumption="15")
    card = page.locator("#vehicle-card")
    expect(card).to_contain_text("47.5 gal")
    expect(card).to_contain_text("15.0 mpg")

    _fill_up(page, volume="15", total="60", odometer="10000", location="Amarillo", derived="That's $4.000/gal")
    _fill_up(page, volume="12", price="4.5", odometer="10300", location="Tucumcari", derived="Total $54.00")
    newest = _rows(page).first
    expect(newest).to_contain_text("12 gal")
    expect(newest).to_contain_text("$4.500/gal")
    expect(newest).to_contain_text("10,300 mi")
    expect(newest).to_contain_text("25.0 mpg")  # 12 gal over 300 mi
    expect(page.locator("#fuel-average")).to_contain_text("25.0 mpg")

    # Editing keeps the units: the dialog opens in gallons and miles (shown here at phone size).
    _no_toasts(page)
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name=re.compile("^Edit .* fill-up of 12 gal")).click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("That's $4.500/gal")
    page.wait_for_timeout(500)  # the dialog's opening animation
    date_box = dialog.get_by_label("Date").bounding_box()
    volume_box = dialog.get_by_label("Volume").bounding_box()
    assert date_box and volume_box and volume_box["y"] > date_box["y"] + date_box["height"]  # one column on phones
    page.screenshot(path=str(SCREENSHOTS / "vehicle-dialog-phone.png"))  # the viewport: a modal is fixed
    page.set_viewport_size(DESKTOP)
    page.screenshot(path=str(SCREENSHOTS / "vehicle-dialog-desktop.png"))
    expect(dialog.get_by_label("Volume")).to_have_value("12")
    expect(dialog.get_by_role("textbox", name=re.compile("^Odometer"))).to_have_value("10300")
    dialog.get_by_label("Location").fill("Tucumcari NM")
    dialog.get_by_role("button", name="Save changes").click()
    expect(dialog).to_be_hidden()
    expect(newest).to_contain_text("Tucumcari NM")
    expect(newest).to_contain_text("10,300 mi")
    expect(newest).to_contain_text("$54.00")
    _screenshots(page, screenshot, "vehicle-imperial")

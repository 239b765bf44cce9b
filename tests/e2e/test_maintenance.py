"""Maintenance in the browser: a schedule, a record that makes it due soon, the due item on Home, Mark done, Undo."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.conftest import DESKTOP, PHONE, SCREENSHOTS
from tests.e2e.flows import register
from wheels_wins.services.maintenance_due import add_months

VEHICLE_TAB = "/wheels?tab=vehicle"


def _dialog(page: Page) -> Locator:
    return page.get_by_role("dialog")


def _submit(page: Page, fields: dict[str, str], button: str) -> None:
    dialog = _dialog(page)
    expect(dialog).to_be_visible()
    for name, value in fields.items():
        dialog.locator(f"[name={name}]").fill(value)
    dialog.get_by_role("button", name=button).click()
    expect(dialog).to_have_count(0)


def _screenshots(page: Page, screenshot: Callable[[Page, str], Path], name: str) -> None:
    """The whole Vehicle tab and its maintenance part, at desktop then phone size (reloaded: no toasts)."""
    for size, suffix in ((DESKTOP, "desktop"), (PHONE, "phone")):
        page.set_viewport_size(size)
        page.reload()
        expect(page.locator(".maintenance-schedule").first).to_be_visible()
        page.mouse.move(0, 0)
        screenshot(page, f"{name}-{suffix}")
        page.locator("#maintenance").screenshot(path=str(SCREENSHOTS / f"{name}-{suffix}-part.png"))
    page.set_viewport_size(DESKTOP)


def test_schedule_record_due_home_mark_done_and_undo(page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(page)
    page.goto(VEHICLE_TAB)
    expect(page.get_by_text("No schedules yet")).to_be_visible()
    expect(page.locator("#maintenance-nothing-due")).to_be_visible()

    page.get_by_role("button", name="Add schedule").click()
    _submit(page, {"task": "Oil change", "every": "10,000", "months": "6"}, "Add schedule")
    schedule = page.locator(".maintenance-schedule")
    expect(schedule).to_have_count(1)
    expect(schedule).to_contain_text("Every 10,000 km or 6 months")
    expect(schedule).to_contain_text("Not done yet")
    expect(schedule).to_contain_text("On track")

    # Done five and a half months ago at 120,000 km: due again in about two weeks (or at 130,000 km).
    done = add_months(dt.date.today(), -6) + dt.timedelta(days=14)
    page.get_by_role("button", name="Log maintenance").click()
    _submit(
        page,
        {"task": "oil change", "date": done.isoformat(), "odometer": "120000", "cost": "189.50", "notes": "5W-30"},
        "Log it",
    )
    record = page.locator(".maintenance-record")
    expect(record).to_have_count(1)
    expect(record).to_contain_text("120,000 km")
    expect(record).to_contain_text("$189.50")
    expect(schedule).to_contain_text("Due soon")
    expect(schedule).to_contain_text(f"Last done {done.day} {done:%b %Y} at 120,000 km")
    due = page.locator(".maintenance-due")
    expect(due).to_have_count(1)
    expect(due).to_contain_text("Oil change")
    expect(due).to_contain_text(re.compile(r"Due in 1\d days or 10,000 km"))
    expect(page.locator("#notifications-unread").first).to_have_text("1")
    _screenshots(page, screenshot, "maintenance")

    page.goto("/")
    coming_up = page.get_by_text("Service: Oil change")
    expect(coming_up).to_be_visible()
    expect(page.get_by_text(re.compile(r"^Due in 1\d days or 10,000 km$"))).to_be_visible()
    page.mouse.move(0, 0)
    screenshot(page, "maintenance-home-desktop")

    page.goto(VEHICLE_TAB)
    page.get_by_role("button", name="Mark Oil change done").click()
    expect(_dialog(page).locator("[name=task]")).to_have_value("Oil change")
    expect(_dialog(page).locator("[name=odometer]")).to_have_value("120000")
    _submit(page, {"odometer": "121500"}, "Log it")
    expect(page.locator("#maintenance-nothing-due")).to_be_visible()
    expect(record).to_have_count(2)
    expect(schedule).to_contain_text("On track")
    expect(schedule).to_contain_text("131,500 km")

    record.first.get_by_role("button", name="Delete Oil change").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(record).to_have_count(1)
    expect(page.locator(".maintenance-due")).to_have_count(1)
    page.get_by_role("button", name="Undo").click()
    expect(record).to_have_count(2)
    expect(page.locator("#maintenance-nothing-due")).to_be_visible()


def test_miles_validation_and_an_edit_that_keeps_km_exact(page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(page)
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    auth = {"Authorization": f"Bearer {token}"}
    assert page.request.patch("/api/v1/me", data={"preferences": {"units": "imperial"}}, headers=auth).ok
    page.goto(VEHICLE_TAB)

    page.get_by_role("button", name="Add schedule").click()
    dialog = _dialog(page)
    expect(dialog).to_contain_text("mi")
    dialog.locator("[name=task]").fill("Oil change")
    dialog.get_by_role("button", name="Add schedule").click()
    expect(dialog.get_by_text("Give a distance, a number of months, or both.")).to_be_visible()
    dialog.locator("[name=months]").fill("1.5")
    dialog.get_by_role("button", name="Add schedule").click()
    expect(dialog.get_by_text("Enter a whole number of months.")).to_be_visible()
    expect(dialog.locator("[name=task]")).to_have_value("Oil change")
    screenshot(page, "maintenance-schedule-dialog-desktop")
    _submit(page, {"months": "", "every": "6214", "start_odometer": "74565"}, "Add schedule")
    schedule = page.locator(".maintenance-schedule")
    expect(schedule).to_contain_text("Every 6,214 mi")

    page.get_by_role("button", name="Edit Oil change").click()
    expect(_dialog(page).locator("[name=every]")).to_have_value("6214")
    _submit(page, {"notes": "5W-30"}, "Save changes")
    expect(page.get_by_text("Updated the Oil change schedule.")).to_be_visible()

    fill_up = {"litres": "60", "total_cost": "120", "odometer_km": 129_600}
    assert page.request.post("/api/v1/fuel", data=fill_up, headers=auth).ok
    page.reload()
    expect(page.locator(".maintenance-due")).to_contain_text("Due in 249 mi")  # 401 km to 130,001 km
    _screenshots(page, screenshot, "maintenance-imperial")
    page.set_viewport_size(PHONE)
    page.get_by_role("button", name="Mark Oil change done").click()
    expect(_dialog(page).locator("[name=odometer]")).to_have_value("80530")  # 129,600 km
    screenshot(page, "maintenance-record-dialog-phone")
    page.keyboard.press("Escape")
    [saved] = page.request.get("/api/v1/maintenance/schedules", headers=auth).json()["items"]
    assert (saved["every_km"], saved["start_odometer_km"], saved["notes"]) == (
        10_000,
        120_001,
        "5W-30",
    )  # as typed: 74,565 mi

"""Wheels › Calendar in the browser: add through the dialog, see it in the month and the upcoming list,
move between months, edit, delete and undo; the phone layout reads as dots and a day list."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path
from zoneinfo import ZoneInfo

from playwright.sync_api import Page, expect

from tests.e2e.flows import register

SYDNEY = ZoneInfo("Australia/Sydney")  # a new account's timezone
CALENDAR = "/wheels?tab=calendar"


def _today() -> dt.date:
    return dt.datetime.now(SYDNEY).date()


def _seed(page: Page) -> None:
    """A few days of plans and a service coming due, through the REST API as this browser's user."""
    token = page.evaluate("() => window.localStorage.getItem('ww_token')")
    headers = {"Authorization": f"Bearer {token}"}
    soon = _today() + dt.timedelta(days=2)
    later = _today() + dt.timedelta(days=5)
    bodies = [
        {"title": "Ferry to Devonport", "start": f"{soon}T08:30", "end": f"{soon}T18:00"},
        {"title": "Fill water tanks", "start": f"{soon}T07:00", "kind": "reminder"},
        {"title": "Cradle Mountain walk", "start": f"{soon}T13:00"},
        {"title": "Call Mum", "start": f"{soon}T19:30", "kind": "reminder"},
        {"title": "Renew caravan rego", "start": str(later), "all_day": True, "kind": "reminder"},
    ]
    for body in bodies:
        assert page.request.post("/api/v1/calendar", data=body, headers=headers).status == 201
    service = {
        "task": "Tyre rotation",
        "date": str(_today() - dt.timedelta(days=170)),
        "next_due_date": str(_today() + dt.timedelta(days=3)),
    }
    assert page.request.post("/api/v1/maintenance", data=service, headers=headers).status == 201


def _month_name(day: dt.date) -> str:
    return f"{day:%B %Y}"


def test_add_see_move_edit_delete_and_undo(page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(page)
    _seed(page)
    today = _today()
    page.goto(CALENDAR)
    title = page.locator("#calendar-month-title")
    expect(title).to_have_text(_month_name(today))
    upcoming = page.get_by_role("region", name="Coming up")
    expect(upcoming.get_by_text("Tyre rotation")).to_be_visible()
    expect(upcoming.get_by_text("Ferry to Devonport")).to_be_visible()

    page.get_by_role("button", name="Add", exact=True).click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Title").fill("Dump point run")
    expect(dialog.get_by_label("Date", exact=True)).to_have_value(today.isoformat())
    dialog.get_by_label("Start time").fill("10:00")
    dialog.get_by_label("End time").fill("09:15")
    dialog.get_by_role("button", name="Add").click()
    expect(dialog.get_by_text("The end must be after the start (10am).")).to_be_visible()
    dialog.get_by_role("switch").click()
    expect(dialog.get_by_label("Start time")).to_be_hidden()
    dialog.get_by_role("button", name="Add").click()
    expect(dialog).to_be_hidden()
    expect(page.get_by_text("Added “Dump point run”.")).to_be_visible()

    today_cell = page.locator(f".calendar-day[data-day='{today}']")
    expect(today_cell.locator(".calendar-chip", has_text="Dump point run")).to_be_visible()
    day_list = page.get_by_role("region", name="Selected day")
    expect(day_list.get_by_text("Dump point run")).to_be_visible()
    expect(upcoming.locator(".calendar-entry", has_text="Dump point run")).to_contain_text("Today")

    busy = today + dt.timedelta(days=2)
    page.locator(f".calendar-day[data-day='{busy}']").click()
    expect(day_list.locator(".calendar-entry")).to_have_count(4)
    expect(day_list.locator(".calendar-entry").first).to_contain_text("Fill water tanks")
    expect(page.locator(f".calendar-day[data-day='{busy}']")).to_contain_text("+2 more")
    page.set_viewport_size({"width": 1280, "height": 800})
    screenshot(page, "calendar-desktop")

    next_month = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    page.get_by_role("button", name="Next month").click()
    expect(title).to_have_text(_month_name(next_month))
    expect(page.locator(".calendar-day[aria-pressed='true']")).to_have_attribute("data-day", next_month.isoformat())
    page.get_by_role("button", name="Previous month").click()
    expect(title).to_have_text(_month_name(today))
    page.get_by_role("button", name="Next month").click()
    page.get_by_role("button", name="Today", exact=True).click()
    expect(title).to_have_text(_month_name(today))
    expect(page.locator(".calendar-day[aria-pressed='true']")).to_have_attribute("data-day", today.isoformat())
    expect(today_cell.locator(".calendar-chip", has_text="Dump point run")).to_be_visible()

    day_list.get_by_role("button", name="Edit Dump point run").click()
    expect(dialog.get_by_label("Title")).to_have_value("Dump point run")
    dialog.get_by_label("Title").fill("Dump point and water")
    dialog.get_by_role("button", name="Save changes").click()
    expect(day_list.get_by_text("Dump point and water")).to_be_visible()

    day_list.get_by_role("button", name="Delete Dump point and water").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(page.get_by_text("Deleted “Dump point and water”.")).to_be_visible()
    expect(day_list.get_by_text("Dump point and water")).to_have_count(0)
    expect(upcoming.get_by_text("Dump point and water")).to_have_count(0)
    page.get_by_role("button", name="Undo").click()
    expect(day_list.get_by_text("Dump point and water")).to_be_visible()
    expect(today_cell.locator(".calendar-chip", has_text="Dump point and water")).to_be_visible()


def test_the_phone_layout_reads_as_dots_and_a_day_list(
    phone_page: Page, screenshot: Callable[[Page, str], Path]
) -> None:
    page = phone_page
    register(page)
    _seed(page)
    page.goto(CALENDAR)
    busy = _today() + dt.timedelta(days=2)
    cell = page.locator(f".calendar-day[data-day='{busy}']")
    expect(cell).to_be_visible()
    expect(cell.locator(".calendar-chip").first).to_be_hidden()
    cell.click()
    day_list = page.get_by_role("region", name="Selected day")
    expect(day_list.locator(".calendar-entry")).to_have_count(4)
    expect(day_list.get_by_role("button", name="Edit Ferry to Devonport")).to_be_visible()
    width = page.evaluate("() => document.documentElement.scrollWidth")
    assert width <= 390, f"the page scrolls sideways ({width}px)"
    screenshot(page, "calendar-phone")
    page.get_by_role("button", name="Add", exact=True).click()
    expect(page.get_by_role("dialog")).to_be_visible()
    screenshot(page, "calendar-phone-dialog")
    assert re.search(r"\d", page.get_by_role("dialog").get_by_label("Date", exact=True).input_value())

"""The maintenance tab's inputs and rows: distances typed and shown in the user's unit, edits that keep figures exact."""

from __future__ import annotations

import datetime as dt
import uuid

import pytest

from wheels_wins.models import MaintenanceRecord, MaintenanceSchedule
from wheels_wins.pages.wheels.maintenance import due_row, interval_text, schedule_row
from wheels_wins.pages.wheels.maintenance_inputs import changed_only, check_task, parse_distance, parse_months
from wheels_wins.services.maintenance_due import DueItem, ScheduleStatus

USER = uuid.uuid4()


@pytest.mark.parametrize(
    ("text", "units", "allow_zero", "expected"),
    [
        ("10000", "metric", False, (10_000, "")),
        ("10,000", "metric", False, (10_000, "")),
        (" 6 214 ", "imperial", False, (10_000, "")),
        ("6213.7", "imperial", False, (10_000, "")),
        ("", "metric", False, (None, "")),
        ("0", "metric", False, (None, "Enter a number above zero.")),
        ("0", "metric", True, (0, "")),
        ("-5", "metric", True, (None, "Can't be negative.")),
        ("ten", "metric", False, (None, "Enter a number, like 10000.")),
        ("NaN", "metric", False, (None, "Enter a number, like 10000.")),
        ("20000000", "metric", False, (None, "That distance is too large.")),
    ],
)
def test_parse_distance(text: str, units: str, allow_zero: bool, expected: tuple[int | None, str]) -> None:
    assert parse_distance(text, units, allow_zero=allow_zero) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("6", (6, "")),
        ("", (None, "")),
        ("0", (None, "Choose between 1 and 120 months.")),
        ("121", (None, "Choose between 1 and 120 months.")),
        ("1.5", (None, "Enter a whole number of months.")),
        ("-1", (None, "Enter a whole number of months.")),
    ],
)
def test_parse_months(text: str, expected: tuple[int | None, str]) -> None:
    assert parse_months(text) == expected


def test_check_task() -> None:
    assert check_task("Oil change") == ""
    assert check_task("") == "Name the task, like Oil change."
    assert check_task("x" * 161) == "Keep the task under 160 characters."


def test_an_edit_sends_only_what_was_changed() -> None:
    columns = {"task": "task", "odometer": "odometer_km", "notes": "notes"}
    shown = {"task": "Oil change", "odometer": "74565", "notes": ""}
    values = {"task": "Oil change", "odometer_km": 120_001, "notes": "5W-30"}
    typed = {"task": " Oil change ", "odometer": "74565", "notes": "5W-30"}
    assert changed_only(values, columns, typed, shown) == {"notes": "5W-30"}


def test_interval_text() -> None:
    assert interval_text(10_000, 6, "metric") == "Every 10,000 km or 6 months"
    assert interval_text(10_000, None, "imperial") == "Every 6,214 mi"
    assert interval_text(None, 1, "metric") == "Every 1 month"


def test_schedule_row_in_miles() -> None:
    schedule = MaintenanceSchedule(
        user_id=USER,
        task="Oil change",
        every_km=10_000,
        every_months=6,
        start_date=dt.date(2026, 1, 31),
        start_odometer_km=80_000,
        notes="5W-30",
    )
    last = MaintenanceRecord(user_id=USER, task="oil change", date=dt.date(2026, 3, 3), odometer_km=120_000)
    due = DueItem("Oil change", False, 12, 400, dt.date(2026, 9, 3), 130_000, schedule.id, last, soon=True)
    row = schedule_row(ScheduleStatus(schedule, last, due), "imperial")
    assert (row.interval, row.last_done, row.next_due) == (
        "Every 6,214 mi or 6 months",
        "Last done 3 Mar 2026 at 74,565 mi",
        "Next due 3 Sep 2026 or at 80,778 mi",
    )
    assert (row.state, row.state_label, row.every_value, row.months_value) == ("soon", "Due soon", "6214", "6")
    assert (row.start_date, row.start_odometer_value, row.notes) == ("2026-01-31", "49710", "5W-30")

    never = DueItem("Oil change", False, None, None, None, None, schedule.id, None)
    row = schedule_row(ScheduleStatus(schedule, None, never), "metric")
    assert (row.last_done, row.next_due, row.state_label) == (
        "Not done yet",
        "Next due: log an odometer reading to know",
        "Needs a reading",
    )


def test_due_row() -> None:
    overdue = DueItem("Rego", True, -3, None, dt.date(2026, 5, 29), None)
    assert due_row(overdue, "metric") == due_row(overdue, "imperial")
    row = due_row(overdue, "metric")
    assert (row.task, row.overdue, row.label, row.detail) == ("Rego", True, "Overdue by 3 days", "Due 29 May 2026")
    soon = due_row(DueItem("Oil change", False, 12, 400, dt.date(2026, 6, 13), 130_000, soon=True), "imperial")
    assert (soon.label, soon.detail) == ("Due in 12 days or 249 mi", "Next due 13 Jun 2026 or at 80,778 mi")

"""Wheels › Vehicle: maintenance due soon and overdue, schedules, and the maintenance history.

Due figures come from services.maintenance_due (the one place with the rules); this state only
formats them, in the user's units. The add/edit dialogs live in maintenance_forms.py.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.format import distance_label
from wheels_wins.models import MaintenanceRecord, User
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services import maintenance_due, money
from wheels_wins.services.maintenance_due import DueItem, ScheduleStatus
from wheels_wins.services.units import distance_unit, km_to_display
from wheels_wins.state.auth import current_user, run_in_session

HISTORY_PAGE = 10
STATE_LABELS = {"overdue": "Overdue", "soon": "Due soon", "ok": "On track", "unknown": "Needs a reading"}


@dataclasses.dataclass
class DueRow:
    """A task overdue or due soon, ready to show."""

    task: str
    overdue: bool
    label: str
    detail: str


@dataclasses.dataclass
class ScheduleRow:
    """A schedule with its last and next service; the `*_value` fields pre-fill the edit dialog."""

    id: str
    task: str
    interval: str
    last_done: str
    next_due: str
    state: str
    state_label: str
    every_value: str
    months_value: str
    start_date: str
    start_odometer_value: str
    notes: str


@dataclasses.dataclass
class RecordRow:
    """One maintenance record; the `*_value` fields pre-fill the edit dialog."""

    id: str
    task: str
    day: str
    date: str
    odometer: str
    odometer_value: str
    cost: str
    cost_value: str
    notes: str
    summary: str = ""


def day_text(day: dt.date) -> str:
    """'3 Sep 2026'."""
    return f"{day.day} {day:%b %Y}"


def distance_value(km: int | None, units: str) -> str:
    """A stored km figure as the number an input shows in the user's unit ('' when unknown)."""
    return "" if km is None else f"{km_to_display(km, units):.0f}"


def interval_text(every_km: int | None, every_months: int | None, units: str) -> str:
    """'Every 10,000 km or 6 months', 'Every 12 months', 'Every 3,107 mi'."""
    parts = []
    if every_km:
        parts.append(distance_label(every_km, units))
    if every_months:
        parts.append(f"{every_months} month{'' if every_months == 1 else 's'}")
    return "Every " + " or ".join(parts)


def due_when(item: DueItem, units: str) -> str:
    """'10 Sep 2026 or at 131,000 km', whichever figures are known; '' when neither is."""
    parts = []
    if item.due_date is not None:
        parts.append(day_text(item.due_date))
    if item.due_km is not None:
        parts.append("at " + distance_label(item.due_km, units))
    return " or ".join(parts)


def due_row(item: DueItem, units: str) -> DueRow:
    """A due item as the list shows it."""
    when = due_when(item, units)
    lead = "Due" if item.overdue else "Next due"  # "was due" misleads when only the km has passed
    return DueRow(item.task, item.overdue, maintenance_due.due_label(item, units), f"{lead} {when}" if when else "")


def schedule_row(status: ScheduleStatus, units: str) -> ScheduleRow:
    """A schedule as the list shows it."""
    s, last, due = status.schedule, status.last_done, status.due
    if last is None:
        done = "Not done yet"
    elif last.odometer_km is not None:
        done = f"Last done {day_text(last.date)} at {distance_label(last.odometer_km, units)}"
    else:
        done = f"Last done {day_text(last.date)}"
    when = due_when(due, units)
    return ScheduleRow(
        id=str(s.id),
        task=s.task,
        interval=interval_text(s.every_km, s.every_months, units),
        last_done=done,
        next_due=f"Next due {when}" if when else "Next due: log an odometer reading to know",
        state=due.state,
        state_label=STATE_LABELS[due.state],
        every_value=distance_value(s.every_km, units),
        months_value=str(s.every_months or ""),
        start_date=s.start_date.isoformat(),
        start_odometer_value=distance_value(s.start_odometer_km, units),
        notes=s.notes,
    )


def record_row(record: MaintenanceRecord, user: User) -> RecordRow:
    """A record as the history shows it."""
    odometer = distance_label(record.odometer_km, user.units) if record.odometer_km is not None else ""
    return RecordRow(
        id=str(record.id),
        task=record.task,
        day=day_text(record.date),
        date=record.date.isoformat(),
        odometer=odometer,
        odometer_value=distance_value(record.odometer_km, user.units),
        cost=money.format_money(record.cost, user.currency) if record.cost is not None else "",
        cost_value=f"{record.cost:.2f}" if record.cost is not None else "",
        notes=record.notes,
        summary=" · ".join(part for part in (day_text(record.date), odometer, " ".join(record.notes.split())) if part),
    )


class MaintenanceState(rx.State):
    """What is due, the schedules and the history, formatted for the signed-in user."""

    loaded: bool = False
    unit: str = "km"
    today: str = ""
    odometer_value: str = ""
    due: rx.Field[list[DueRow]] = rx.field(default_factory=list)
    schedules: rx.Field[list[ScheduleRow]] = rx.field(default_factory=list)
    records: rx.Field[list[RecordRow]] = rx.field(default_factory=list)
    record_total: int = 0
    shown: int = HISTORY_PAGE

    @rx.event
    async def load(self):
        """Read what is due, the schedules and the newest records."""
        user = await current_user(self)
        if user is None:
            return
        today = money.today_in(user.timezone)
        limit = self.shown

        def read(session: Session) -> tuple[Any, ...]:
            due = maintenance_due.maintenance_due(session, user_id=user.id, today=today)
            statuses = maintenance_due.schedule_statuses(session, user_id=user.id, today=today)
            records, total = maintenance_repo.list_page(session, user_id=user.id, limit=limit)
            odometer = maintenance_due.current_odometer(session, user_id=user.id)
            return due, statuses, records, total, odometer

        due, statuses, records, total, odometer = await run_in_session(read)
        self.unit = distance_unit(user.units)
        self.today = today.isoformat()
        self.odometer_value = distance_value(odometer, user.units)
        self.due = [due_row(item, user.units) for item in due]
        self.schedules = [schedule_row(status, user.units) for status in statuses]
        self.records = [record_row(record, user) for record in records]
        self.record_total = total
        self.loaded = True

    @rx.event
    async def show_more(self):
        """Show the next page of the history."""
        if await current_user(self) is None:
            return None
        self.shown += HISTORY_PAGE * 2
        return MaintenanceState.load

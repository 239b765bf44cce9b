"""When maintenance falls due: schedules (every N km and/or M months) and records' own next-due figures.

The rules, all here:

- Only the newest record of a task counts (newest date, then newest entry); tasks match with case
  and spacing ignored, so "Oil change" and "oil  change" are one task.
- A schedule was last done at that newest record; until it is first done it counts from its own
  `start_date` and `start_odometer_km`.
- Next due date = last done date + `every_months` calendar months (31 Jan + 1 month = 28 or 29 Feb);
  next due km = last done odometer + `every_km` (unknown when that odometer is).
- A record's own `next_due_date` / `next_due_km`, when given, win over its schedule's interval for
  that figure; a task with no schedule is due only by them.
- The odometer now is the highest reading in the fuel and maintenance logs; with none, nothing is
  due by km.
- Overdue once the date or the km has passed (days_left or km_left below zero: due today is not
  overdue yet); due soon within `soon_days` days or `soon_km` km.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from sqlmodel import Session

from wheels_wins.models import MaintenanceRecord, MaintenanceSchedule
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import maintenance_schedules as schedule_repo
from wheels_wins.services.units import distance_unit, km_to_display

SOON_DAYS = 30
SOON_KM = 1000

DueState = Literal["overdue", "soon", "ok", "unknown"]


@dataclass(frozen=True)
class DueItem:
    """A task's next due date and odometer, and how far off they are (negative: passed).

    `record` is the newest record of the task (None when never done); `schedule_id` the schedule
    it comes from (None when only a record's own next-due figures make it due).
    """

    task: str
    overdue: bool
    days_left: int | None
    km_left: int | None
    due_date: dt.date | None = None
    due_km: int | None = None
    schedule_id: uuid.UUID | None = None
    record: MaintenanceRecord | None = None
    soon: bool = False

    @property
    def state(self) -> DueState:
        """One of "overdue", "soon", "ok", or "unknown" when neither figure can be worked out."""
        if self.overdue:
            return "overdue"
        if self.soon:
            return "soon"
        return "ok" if self.days_left is not None or self.km_left is not None else "unknown"


@dataclass(frozen=True)
class ScheduleStatus:
    """A schedule, the record that last did it (None: never done) and when it is due next."""

    schedule: MaintenanceSchedule
    last_done: MaintenanceRecord | None
    due: DueItem


def add_months(day: dt.date, months: int) -> dt.date:
    """`day` plus calendar months, the day of the month clamped to the month's end (31 Jan + 1 = 28/29 Feb)."""
    index = day.year * 12 + day.month - 1 + months
    year, month = divmod(index, 12)
    return day.replace(year=year, month=month + 1, day=min(day.day, calendar.monthrange(year, month + 1)[1]))


def task_key(task: str) -> str:
    """A task's name as matching compares it: case and spacing ignored."""
    return " ".join(task.split()).casefold()


def newest_by_task(records: Iterable[MaintenanceRecord]) -> dict[str, MaintenanceRecord]:
    """The newest record of each task (by date, then by when it was entered)."""
    newest: dict[str, MaintenanceRecord] = {}
    for record in records:
        key = task_key(record.task)
        held = newest.get(key)
        if held is None or (record.date, record.created_at) > (held.date, held.created_at):
            newest[key] = record
    return newest


def current_odometer(session: Session, *, user_id: uuid.UUID) -> int | None:
    """The highest odometer reading in the user's fuel and maintenance logs, or None."""
    readings = [
        reading
        for reading in (
            fuel_repo.latest_odometer(session, user_id=user_id),
            maintenance_repo.latest_odometer(session, user_id=user_id),
        )
        if reading is not None
    ]
    return max(readings) if readings else None


def assess(
    task: str,
    *,
    due_date: dt.date | None,
    due_km: int | None,
    today: dt.date,
    odometer: int | None,
    soon_days: int = SOON_DAYS,
    soon_km: int = SOON_KM,
    schedule_id: uuid.UUID | None = None,
    record: MaintenanceRecord | None = None,
) -> DueItem:
    """How far off a due date and km are from today and the odometer, and whether that is overdue or soon."""
    days_left = (due_date - today).days if due_date is not None else None
    km_left = due_km - odometer if due_km is not None and odometer is not None else None
    overdue = (days_left is not None and days_left < 0) or (km_left is not None and km_left < 0)
    soon = (days_left is not None and days_left <= soon_days) or (km_left is not None and km_left <= soon_km)
    return DueItem(task, overdue, days_left, km_left, due_date, due_km, schedule_id, record, soon and not overdue)


def schedule_due(
    schedule: MaintenanceSchedule,
    last_done: MaintenanceRecord | None,
    *,
    today: dt.date,
    odometer: int | None,
    soon_days: int = SOON_DAYS,
    soon_km: int = SOON_KM,
) -> DueItem:
    """When a schedule is next due, counted from its last record or, never done, from its start."""
    since_date = last_done.date if last_done else schedule.start_date
    since_km = last_done.odometer_km if last_done else schedule.start_odometer_km
    due_date = add_months(since_date, schedule.every_months) if schedule.every_months else None
    due_km = since_km + schedule.every_km if schedule.every_km and since_km is not None else None
    if last_done is not None:
        due_date = last_done.next_due_date or due_date
        due_km = last_done.next_due_km if last_done.next_due_km is not None else due_km
    return assess(
        schedule.task,
        due_date=due_date,
        due_km=due_km,
        today=today,
        odometer=odometer,
        soon_days=soon_days,
        soon_km=soon_km,
        schedule_id=schedule.id,
        record=last_done,
    )


def _newest_and_odometer(session: Session, user_id: uuid.UUID) -> tuple[dict[str, MaintenanceRecord], int | None]:
    newest = newest_by_task(maintenance_repo.list_all(session, user_id=user_id))
    return newest, current_odometer(session, user_id=user_id)


def schedule_statuses(
    session: Session,
    *,
    user_id: uuid.UUID,
    today: dt.date,
    schedules: list[MaintenanceSchedule] | None = None,
    soon_days: int = SOON_DAYS,
    soon_km: int = SOON_KM,
) -> list[ScheduleStatus]:
    """Each of the user's schedules (or the given ones) with its last record and next due figures."""
    if schedules is None:
        schedules = schedule_repo.list_all(session, user_id=user_id)
    if not schedules:
        return []
    newest, odometer = _newest_and_odometer(session, user_id)
    statuses = []
    for schedule in schedules:
        last = newest.get(task_key(schedule.task))
        due = schedule_due(schedule, last, today=today, odometer=odometer, soon_days=soon_days, soon_km=soon_km)
        statuses.append(ScheduleStatus(schedule, last, due))
    return statuses


def _order(item: DueItem) -> tuple[bool, int, int, str]:
    far = 10**9
    return (
        not item.overdue,
        item.days_left if item.days_left is not None else far,
        item.km_left if item.km_left is not None else far,
        task_key(item.task),
    )


def maintenance_due(
    session: Session,
    *,
    user_id: uuid.UUID,
    today: dt.date,
    soon_days: int = SOON_DAYS,
    soon_km: int = SOON_KM,
    include_later: bool = False,
) -> list[DueItem]:
    """Tasks overdue or due within `soon_days`/`soon_km` of today and the odometer (with `include_later`, every task
    with a next due date or reading): overdue first, then soonest."""
    schedules = schedule_repo.list_all(session, user_id=user_id)
    newest, odometer = _newest_and_odometer(session, user_id)
    items = [
        schedule_due(
            s, newest.get(task_key(s.task)), today=today, odometer=odometer, soon_days=soon_days, soon_km=soon_km
        )
        for s in schedules
    ]
    scheduled = {task_key(s.task) for s in schedules}
    items += [
        assess(
            record.task,
            due_date=record.next_due_date,
            due_km=record.next_due_km,
            today=today,
            odometer=odometer,
            soon_days=soon_days,
            soon_km=soon_km,
            record=record,
        )
        for key, record in newest.items()
        if key not in scheduled and (record.next_due_date is not None or record.next_due_km is not None)
    ]
    return sorted((item for item in items if item.overdue or item.soon or include_later), key=_order)


def _days(n: int) -> str:
    return f"{n} day{'' if n == 1 else 's'}"


def _distance(km: int, units: str) -> str:
    return f"{km_to_display(km, units):,.0f} {distance_unit(units)}"


def due_label(item: DueItem, units: str = "metric") -> str:
    """Like "Overdue by 3 days", "Due today", "Due in 12 days or 400 km" or "Due in 250 mi", in the user's units."""
    days, km = item.days_left, item.km_left
    if item.overdue:
        if days is not None and days < 0:
            return f"Overdue by {_days(-days)}"
        return f"Overdue by {_distance(-km, units)}" if km is not None else "Overdue"
    if days == 0 or km == 0:
        return "Due today" if days == 0 else "Due now"
    parts = []
    if days is not None:
        parts.append(_days(days))
    if km is not None:
        parts.append(_distance(km, units))
    return f"Due in {' or '.join(parts)}" if parts else "Not yet known"

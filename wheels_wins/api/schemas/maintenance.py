"""Maintenance schedules and what is due: recurring tasks every so many km and/or calendar months."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar, Literal

from pydantic import Field

from wheels_wins.api.schemas.common import Patch, Schema, Str, Timestamp
from wheels_wins.api.schemas.travel import MAX_ODOMETER_KM
from wheels_wins.services.maintenance_due import DueItem, ScheduleStatus
from wheels_wins.services.vehicle_log import MAX_EVERY_KM, MAX_EVERY_MONTHS

DueStatus = Literal["overdue", "soon", "ok", "unknown"]


class ScheduleCreate(Schema):
    """A recurring task: `every_km`, `every_months` or both; until first done it counts from its start.

    The start defaults to today and the highest odometer reading logged so far.
    """

    task: Str = Field(min_length=1, max_length=160, examples=["Oil change"])
    every_km: int | None = Field(None, ge=1, le=MAX_EVERY_KM, examples=[10000])
    every_months: int | None = Field(None, ge=1, le=MAX_EVERY_MONTHS, examples=[6])
    start_date: dt.date | None = None
    start_odometer_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)
    notes: Str = Field("", max_length=2000)
    vehicle_id: uuid.UUID | None = None


class ScheduleUpdate(Patch):
    """Schedule fields to change; one of `every_km` and `every_months` must remain."""

    nullable: ClassVar[frozenset[str]] = frozenset({"every_km", "every_months", "start_odometer_km", "vehicle_id"})

    task: Str | None = Field(None, min_length=1, max_length=160)
    every_km: int | None = Field(None, ge=1, le=MAX_EVERY_KM)
    every_months: int | None = Field(None, ge=1, le=MAX_EVERY_MONTHS)
    start_date: dt.date | None = None
    start_odometer_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)
    notes: Str | None = Field(None, max_length=2000)
    vehicle_id: uuid.UUID | None = None


class SchedulePublic(Schema):
    """A schedule, when it was last done (by the newest record of its task) and when it is next due."""

    id: uuid.UUID
    task: str
    every_km: int | None
    every_months: int | None
    start_date: dt.date
    start_odometer_km: int | None
    notes: str
    vehicle_id: uuid.UUID | None
    created_at: Timestamp
    last_done_date: dt.date | None = Field(description="None until a record of this task is logged")
    last_done_km: int | None
    next_due_date: dt.date | None
    next_due_km: int | None = Field(description="None when the km it counts from is unknown")
    days_left: int | None = Field(description="Negative once the date has passed")
    km_left: int | None = Field(description="Negative once passed; None without an odometer reading")
    status: DueStatus

    @classmethod
    def of(cls, status: ScheduleStatus) -> SchedulePublic:
        """The schedule with its due figures."""
        s, last, due = status.schedule, status.last_done, status.due
        return cls(
            id=s.id,
            task=s.task,
            every_km=s.every_km,
            every_months=s.every_months,
            start_date=s.start_date,
            start_odometer_km=s.start_odometer_km,
            notes=s.notes,
            vehicle_id=s.vehicle_id,
            created_at=s.created_at,
            last_done_date=last.date if last else None,
            last_done_km=last.odometer_km if last else None,
            next_due_date=due.due_date,
            next_due_km=due.due_km,
            days_left=due.days_left,
            km_left=due.km_left,
            status=due.state,
        )


class DuePublic(Schema):
    """A task overdue or due soon, from a schedule or from a record's own next-due date or km."""

    task: str
    status: Literal["overdue", "soon"]
    due_date: dt.date | None
    due_km: int | None
    days_left: int | None = Field(description="Negative once the date has passed")
    km_left: int | None = Field(description="Negative once passed; None without an odometer reading")
    schedule_id: uuid.UUID | None = Field(description="The schedule it comes from, if any")
    record_id: uuid.UUID | None = Field(description="The newest record of the task, if any")

    @classmethod
    def of(cls, item: DueItem) -> DuePublic:
        """The due item as the API shows it."""
        return cls(
            task=item.task,
            status="overdue" if item.overdue else "soon",
            due_date=item.due_date,
            due_km=item.due_km,
            days_left=item.days_left,
            km_left=item.km_left,
            schedule_id=item.schedule_id,
            record_id=item.record.id if item.record else None,
        )


class DueList(Schema):
    """Everything overdue or due soon, overdue first, then soonest; `odometer_km` is the reading it counts from."""

    items: list[DuePublic]
    total: int
    odometer_km: int | None = Field(description="The highest reading in the fuel and maintenance logs")

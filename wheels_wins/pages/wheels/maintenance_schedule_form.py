"""Add, edit and delete a maintenance schedule: the dialog's state, validation, and undo of a delete."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.pages.wheels.maintenance import MaintenanceState, ScheduleRow
from wheels_wins.pages.wheels.maintenance_inputs import (
    MAX_NOTES,
    changed_only,
    check_task,
    parse_distance,
    parse_months,
    sentence,
)
from wheels_wins.pages.wins.validation import check_length, parse_day
from wheels_wins.repositories import maintenance_schedules as schedule_repo
from wheels_wins.services import money, vehicle_log
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.notifications import NotificationsState
from wheels_wins.state.undoable import UndoableDelete

log = logging.getLogger(__name__)

_COLUMNS = {
    "task": "task",
    "every": "every_km",
    "months": "every_months",
    "start_date": "start_date",
    "start_odometer": "start_odometer_km",
    "notes": "notes",
}
_KEPT = {"task", "every_km", "every_months", "start_date", "start_odometer_km", "notes", "vehicle_id"}


class ScheduleEditorState(UndoableDelete, rx.State):
    """The schedule dialog (uncontrolled inputs; this holds what it starts from and the messages), delete with Undo."""

    open: bool = False
    editing_id: str = ""
    form_key: int = 0
    task: str = ""
    every: str = ""
    months: str = ""
    start_date: str = ""
    start_odometer: str = ""
    notes: str = ""
    task_error: str = ""
    every_error: str = ""
    months_error: str = ""
    start_date_error: str = ""
    start_odometer_error: str = ""
    form_error: str = ""
    saving: bool = False

    def _start(self, row: ScheduleRow | None, today: str) -> None:
        self.form_key += 1
        self.editing_id = row.id if row else ""
        self.task = row.task if row else ""
        self.every = row.every_value if row else ""
        self.months = row.months_value if row else ""
        self.start_date = row.start_date if row else today
        self.start_odometer = row.start_odometer_value if row else ""
        self.notes = row.notes if row else ""
        self.task_error = self.every_error = self.months_error = ""
        self.start_date_error = self.start_odometer_error = self.form_error = ""
        self.saving = False
        self.open = True

    @rx.event
    async def open_new(self):
        """Open an empty dialog counting from today."""
        user = await current_user(self)
        if user is not None:
            self._start(None, money.today_in(user.timezone).isoformat())

    @rx.event
    async def open_edit(self, row: dict[str, Any]):
        """Open the dialog on an existing schedule."""
        if await current_user(self) is not None:
            self._start(ScheduleRow(**row), "")

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Cancel)."""
        self.open = is_open

    def _read(self, form: dict[str, Any], units: str) -> dict[str, Any] | None:
        """The schedule's fields from the form, or None with the messages set."""
        task = str(form.get("task", "")).strip()
        notes = str(form.get("notes", "")).strip()
        every_km, self.every_error = parse_distance(str(form.get("every", "")), units)
        months, self.months_error = parse_months(str(form.get("months", "")))
        start, self.start_date_error = parse_day(str(form.get("start_date", "")))
        start_km, self.start_odometer_error = parse_distance(
            str(form.get("start_odometer", "")), units, allow_zero=True
        )
        self.task_error = check_task(task)
        self.form_error = check_length(notes, MAX_NOTES, "notes")
        errors = (
            self.task_error,
            self.every_error,
            self.months_error,
            self.start_date_error,
            self.start_odometer_error,
            self.form_error,
        )
        if any(errors):
            return None
        fields = {
            "task": task,
            "every_km": every_km,
            "every_months": months,
            "start_date": start,
            "start_odometer_km": start_km,
            "notes": notes,
        }
        if not self.editing_id:
            return fields
        shown = {
            "task": self.task,
            "every": self.every,
            "months": self.months,
            "start_date": self.start_date,
            "start_odometer": self.start_odometer,
            "notes": self.notes,
        }
        return changed_only(fields, _COLUMNS, form, shown)

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Validate and save; on any error every field keeps what was typed."""
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this schedule."
            return
        fields = self._read(form, user.units)
        if fields is None:
            return
        editing = parse_uuid(self.editing_id)
        self.saving = True
        yield
        try:
            saved = await run_in_session(lambda session: _write(session, user, editing, fields))
        except vehicle_log.VehicleLogError as error:
            self.saving = False
            message = sentence(error.message)
            if error.field == "task":
                self.task_error = message
            elif error.field == "every_months":
                self.months_error = message
            elif error.field == "every_km":
                self.every_error = message
            else:
                self.form_error = message
            return
        except Exception:
            log.exception("Saving a maintenance schedule failed")
            saved = False
        self.saving = False
        if not saved:
            self.form_error = "We couldn't save that schedule. Please try again."
            return
        self.open = False
        yield [MaintenanceState.load, NotificationsState.refresh_count]
        task = str(form.get("task", "")).strip()
        yield rx.toast.success(f"{'Updated' if editing else 'Added'} the {task} schedule.")

    @rx.event
    async def ask_delete(self, row: dict[str, Any]):
        """Ask before deleting."""
        await self._ask(row.get("id", ""), f"{row.get('task', '')} · {row.get('interval', '')}")

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        """The schedule goes; its records stay."""
        schedule = schedule_repo.get(session, user_id=user.id, schedule_id=target)
        if schedule is None:
            return None
        kept = schedule.model_dump(include=_KEPT)
        vehicle_log.delete_schedule(session, user=user, schedule_id=target)
        return kept

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        return vehicle_log.add_schedule(session, user=user, **kept)

    def _refused(self, error: Exception) -> str | None:
        return sentence(error.message) if isinstance(error, vehicle_log.VehicleLogError) else None

    def _gone_message(self) -> str:
        return "That schedule was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return f"{kept['task']} schedule deleted."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return f"{kept['task']} schedule restored."

    def _reload_events(self) -> list[Any]:
        return [MaintenanceState.load, NotificationsState.refresh_count]


def _write(session: Session, user: User, editing: uuid.UUID | None, fields: dict[str, Any]) -> bool:
    """Create or update in one transaction; False when the schedule being edited is gone."""
    if editing is None:
        vehicle_log.add_schedule(session, user=user, **fields)
        return True
    return vehicle_log.update_schedule(session, user=user, schedule_id=editing, changes=fields) is not None

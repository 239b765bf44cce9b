"""Log, edit and delete maintenance records ("Mark done" pre-fills one), with undo of a delete."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.pages.wheels.maintenance import MaintenanceState, RecordRow, distance_value
from wheels_wins.pages.wheels.maintenance_inputs import MAX_NOTES, changed_only, check_task, parse_distance
from wheels_wins.pages.wins.validation import check_length, parse_amount, parse_day
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services import maintenance_due, money, vehicle_log
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.notifications import NotificationsState
from wheels_wins.state.undoable import UndoableDelete

log = logging.getLogger(__name__)

_COLUMNS = {"task": "task", "date": "date", "odometer": "odometer_km", "cost": "cost", "notes": "notes"}
_KEPT = {"task", "date", "odometer_km", "cost", "notes", "next_due_date", "next_due_km", "vehicle_id"}


class RecordEditorState(UndoableDelete, rx.State):
    """The record dialog (uncontrolled inputs; this holds what it starts from and the messages) and delete with Undo."""

    open: bool = False
    editing_id: str = ""
    form_key: int = 0
    task: str = ""
    date: str = ""
    odometer: str = ""
    cost: str = ""
    notes: str = ""
    task_error: str = ""
    date_error: str = ""
    odometer_error: str = ""
    cost_error: str = ""
    form_error: str = ""
    saving: bool = False

    def _start(self, row: RecordRow) -> None:
        self.form_key += 1
        self.editing_id = row.id
        self.task, self.date, self.odometer = row.task, row.date, row.odometer_value
        self.cost, self.notes = row.cost_value, row.notes
        self.task_error = self.date_error = self.odometer_error = self.cost_error = self.form_error = ""
        self.saving = False
        self.open = True

    async def _start_new(self, task: str) -> None:
        user = await current_user(self)
        if user is None:
            return
        odometer = await run_in_session(lambda s: maintenance_due.current_odometer(s, user_id=user.id))
        today = money.today_in(user.timezone).isoformat()
        self._start(RecordRow("", task, "", today, "", distance_value(odometer, user.units), "", "", ""))

    @rx.event
    async def open_new(self):
        """Open an empty dialog dated today at the latest odometer reading."""
        await self._start_new("")

    @rx.event
    async def mark_done(self, task: str):
        """Log a due task as done today, at the latest odometer reading."""
        await self._start_new(task)

    @rx.event
    async def open_edit(self, row: dict[str, Any]):
        """Open the dialog on an existing record."""
        if await current_user(self) is not None:
            self._start(RecordRow(**row))

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Cancel)."""
        self.open = is_open

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Validate and save; on any error every field keeps what was typed."""
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this record."
            return
        task = str(form.get("task", "")).strip()
        notes = str(form.get("notes", "")).strip()
        self.task_error = check_task(task)
        day, self.date_error = parse_day(str(form.get("date", "")))
        odometer, self.odometer_error = parse_distance(str(form.get("odometer", "")), user.units, allow_zero=True)
        cost_text = str(form.get("cost", "")).strip()
        cost, self.cost_error = parse_amount(cost_text) if cost_text else (None, "")
        self.form_error = check_length(notes, MAX_NOTES, "notes")
        if self.task_error or self.date_error or self.odometer_error or self.cost_error or self.form_error:
            return
        fields = {"task": task, "date": day, "odometer_km": odometer, "cost": cost, "notes": notes}
        editing = parse_uuid(self.editing_id)
        if editing is not None:
            shown = {
                "task": self.task,
                "date": self.date,
                "odometer": self.odometer,
                "cost": self.cost,
                "notes": self.notes,
            }
            fields = changed_only(fields, _COLUMNS, form, shown)
        self.saving = True
        yield
        try:
            saved = await run_in_session(lambda session: _write(session, user, editing, fields))
        except Exception:
            log.exception("Saving a maintenance record failed")
            saved = False
        self.saving = False
        if not saved:
            self.form_error = "We couldn't save that record. Please try again."
            return
        self.open = False
        yield [MaintenanceState.load, NotificationsState.refresh_count]
        yield rx.toast.success(f"{'Updated' if editing else 'Logged'} {task}.")

    @rx.event
    async def ask_delete(self, row: dict[str, Any]):
        """Ask before deleting."""
        await self._ask(row.get("id", ""), f"{row.get('task', '')} · {row.get('day', '')}")

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        """The record goes with its expense."""
        record = maintenance_repo.get(session, user_id=user.id, record_id=target)
        if record is None:
            return None
        kept = record.model_dump(include=_KEPT)
        vehicle_log.delete_maintenance(session, user=user, record_id=target)
        return kept

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        return vehicle_log.log_maintenance(session, user=user, **kept)

    def _gone_message(self) -> str:
        return "That record was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return f"{kept['task']} record deleted."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return f"{kept['task']} record restored."

    def _reload_events(self) -> list[Any]:
        return [MaintenanceState.load, NotificationsState.refresh_count]


def _write(session: Session, user: User, editing: uuid.UUID | None, fields: dict[str, Any]) -> bool:
    """Create or update in one transaction (the expense follows the cost); False when the record is gone."""
    if editing is None:
        vehicle_log.log_maintenance(session, user=user, **fields)
        return True
    return vehicle_log.update_maintenance(session, user=user, record_id=editing, changes=fields) is not None

"""Add, edit and delete one calendar event or reminder: the dialog's state, and undo of a delete for a few seconds."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.pages.wheels.calendar import CalendarState
from wheels_wins.pages.wheels.calendar_form import parse_event
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.services import money
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.undoable import UndoableDelete

log = logging.getLogger(__name__)

KEPT_FIELDS = {"title", "start", "end", "all_day", "kind", "description"}


class CalendarEditorState(UndoableDelete, rx.State):
    """The add/edit dialog and the delete confirmation (with Undo, from UndoableDelete).

    The form's inputs are uncontrolled (the browser keeps what was typed); this state holds what the
    dialog starts from, whether it is all-day (which hides the times), and the validation messages.
    """

    open: bool = False
    editing_id: str = ""
    form_key: int = 0
    title: str = ""
    date: str = ""
    all_day: bool = False
    start_time: str = "09:00"
    end_date: str = ""
    end_time: str = ""
    kind: str = "event"
    description: str = ""
    title_error: str = ""
    date_error: str = ""
    start_time_error: str = ""
    end_error: str = ""
    form_error: str = ""
    saving: bool = False

    def _start(self, values: dict[str, Any]) -> None:
        self.form_key += 1
        self.editing_id = values.get("id", "")
        self.title = values.get("title", "")
        self.date = values["date"]
        self.all_day = values.get("all_day", False)
        self.start_time = values.get("start_time", "09:00")
        self.end_date = values.get("end_date", "")
        self.end_time = values.get("end_time", "")
        self.kind = values.get("kind", "event")
        self.description = values.get("description", "")
        self.title_error = self.date_error = self.start_time_error = self.end_error = self.form_error = ""
        self.saving = False
        self.open = True

    @rx.event
    async def open_new(self):
        """Open an empty dialog on the selected day (or today)."""
        user = await current_user(self)
        if user is None:
            return
        calendar = await self.get_state(CalendarState)
        self._start({"date": calendar.selected or money.today_in(user.timezone).isoformat()})

    @rx.event
    async def open_edit(self, event_id: str):
        """Open the dialog on one of the user's events, as stored now."""
        user = await current_user(self)
        target = parse_uuid(str(event_id))
        if user is None or target is None:
            return
        event = await run_in_session(lambda session: calendar_repo.get(session, user_id=user.id, event_id=target))
        if event is None:
            yield rx.toast.error("That event is gone.")
            yield CalendarState.load
            return
        tz = money.zone(user.timezone)
        start = event.start.astimezone(tz)
        end = event.end.astimezone(tz) if event.end else None
        self._start(
            {
                "id": str(event.id),
                "title": event.title,
                "date": start.date().isoformat(),
                "all_day": event.all_day,
                "start_time": "09:00" if event.all_day else f"{start:%H:%M}",
                "end_date": end.date().isoformat() if end and end.date() != start.date() else "",
                "end_time": f"{end:%H:%M}" if end and not event.all_day else "",
                "kind": event.kind,
                "description": event.description,
            }
        )

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Cancel)."""
        self.open = is_open

    @rx.event
    def set_all_day(self, value: bool):
        """All day, or at a time."""
        self.all_day = bool(value)

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Validate and save in the user's timezone; on any error every field keeps what was typed."""
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this."
            return
        parsed = parse_event(form, all_day=self.all_day, tz=money.zone(user.timezone))
        errors = parsed.errors
        self.title_error = errors.get("title", "")
        self.date_error = errors.get("date", "")
        self.start_time_error = errors.get("start_time", "")
        self.end_error = errors.get("end", "")
        self.form_error = errors.get("kind", "") or errors.get("description", "")
        fields = parsed.fields
        if fields is None:
            return
        editing = parse_uuid(self.editing_id)
        self.saving = True
        yield
        try:
            saved = await run_in_session(lambda session: _write(session, user.id, editing, fields))
        except Exception:
            log.exception("Saving a calendar event failed")
            saved = False
        self.saving = False
        if not saved:
            self.form_error = "We couldn't save that. Please try again."
            return
        self.open = False
        calendar = await self.get_state(CalendarState)
        day = fields["start"].date()
        calendar.year, calendar.month, calendar.selected = day.year, day.month, day.isoformat()
        verb = "Updated" if editing else "Added"
        yield CalendarState.load
        yield rx.toast.success(f"{verb} “{fields['title']}”.")

    @rx.event
    async def ask_delete(self, event_id: str, title: str):
        """Ask before deleting."""
        await self._ask(event_id, title)

    def _confirmed(self) -> None:
        self.open = False  # when asked from the edit dialog

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        event = calendar_repo.get(session, user_id=user.id, event_id=target)
        if event is None:
            return None
        kept = event.model_dump(include=KEPT_FIELDS)
        calendar_repo.delete(session, user_id=user.id, event_id=target)
        return kept

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        return calendar_repo.create(session, user_id=user.id, **kept)

    def _gone_message(self) -> str:
        return "That event was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return f"Deleted “{kept['title']}”."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return f"Restored “{kept['title']}”."

    def _reload_events(self) -> list[Any]:
        return [CalendarState.load]


def _write(session: Session, user_id: uuid.UUID, editing: uuid.UUID | None, fields: dict[str, Any]) -> bool:
    """Create or update in one transaction; False when the event being edited is gone."""
    if editing is None:
        calendar_repo.create(session, user_id=user_id, **fields)
        return True
    return calendar_repo.update(session, user_id=user_id, event_id=editing, changes=fields) is not None

"""The maintenance dialogs: a schedule, a record, and the delete confirmations."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins.components import field
from wheels_wins.components.dialogs import confirm_delete_dialog, form_dialog
from wheels_wins.components.nav import PHONE
from wheels_wins.pages.wheels.maintenance import MaintenanceState
from wheels_wins.pages.wheels.maintenance_inputs import MAX_NOTES, MAX_TASK
from wheels_wins.pages.wheels.maintenance_record_form import RecordEditorState
from wheels_wins.pages.wheels.maintenance_schedule_form import ScheduleEditorState

TWO_COLUMNS = {
    "grid_template_columns": "1fr 1fr",
    PHONE: {"grid_template_columns": "1fr", "& > *": {"grid_column": "auto"}},
}


def _input(name: str, value: rx.Var[str], **props: Any) -> rx.Component:
    return rx.input(name=name, default_value=value, size="3", width="100%", **props)


def _unit_input(name: str, value: rx.Var[str], placeholder: str | rx.Var[str]) -> rx.Component:
    return rx.input(
        rx.input.slot(rx.text(MaintenanceState.unit, size="2", color=rx.color("gray", 10)), side="right"),
        name=name,
        default_value=value,
        placeholder=placeholder,
        input_mode="numeric",
        max_length=12,
        size="3",
        width="100%",
    )


def _task(value: rx.Var[str], error: rx.Var[str]) -> rx.Component:
    return field("Task", _input("task", value, placeholder="Oil change", max_length=MAX_TASK, auto_focus=True), error)


def _notes(value: rx.Var[str], placeholder: str) -> rx.Component:
    return field(
        "Notes",
        rx.text_area(
            name="notes",
            default_value=value,
            placeholder=placeholder,
            max_length=MAX_NOTES,
            size="3",
            width="100%",
            rows="2",
        ),
    )


def schedule_dialog() -> rx.Component:
    """Add or edit a schedule: every so many km/mi and/or months."""
    s = ScheduleEditorState
    return form_dialog(
        s,
        rx.cond(s.editing_id != "", "Edit schedule", "Add a schedule"),
        "Give a distance, a number of months, or both — whichever comes first makes it due.",
        _task(s.task, s.task_error),
        rx.grid(
            field(
                "Every (distance)",
                _unit_input("every", s.every, rx.cond(MaintenanceState.unit == "mi", "6000", "10000")),
                s.every_error,
            ),
            field(
                "Every (months)",
                _input("months", s.months, placeholder="6", input_mode="numeric", max_length=3),
                s.months_error,
            ),
            field(
                "Counting from",
                _input("start_date", s.start_date, type="date"),
                s.start_date_error,
                hint="Until it is first done",
            ),
            field(
                "Odometer then",
                _unit_input("start_odometer", s.start_odometer, "Latest reading"),
                s.start_odometer_error,
                hint="Blank: the latest reading",
            ),
            gap="var(--space-3)",
            width="100%",
            style=TWO_COLUMNS,
        ),
        _notes(s.notes, "5W-30, 8 L (optional)"),
        submit=rx.cond(s.editing_id != "", "Save changes", "Add schedule"),
    )


def record_dialog() -> rx.Component:
    """Log or edit a maintenance record; a cost is also recorded as an expense."""
    s = RecordEditorState
    return form_dialog(
        s,
        rx.cond(s.editing_id != "", "Edit maintenance", "Log maintenance"),
        "A cost is also recorded as a maintenance expense on Wins.",
        _task(s.task, s.task_error),
        rx.grid(
            field("Date", _input("date", s.date, type="date"), s.date_error),
            field("Odometer", _unit_input("odometer", s.odometer, "Optional"), s.odometer_error),
            field(
                "Cost",
                _input("cost", s.cost, placeholder="0.00 (optional)", input_mode="decimal", max_length=16),
                s.cost_error,
            ),
            gap="var(--space-3)",
            width="100%",
            style=TWO_COLUMNS,
        ),
        _notes(s.notes, "Optional"),
        submit=rx.cond(s.editing_id != "", "Save changes", "Log it"),
    )


def delete_dialogs() -> rx.Component:
    """Are you sure? (Undo stays available for a few seconds afterwards.)"""
    return rx.fragment(
        confirm_delete_dialog(ScheduleEditorState, "Delete this schedule?", note="Its maintenance records stay."),
        confirm_delete_dialog(RecordEditorState, "Delete this record?", note="Its maintenance expense goes too."),
    )

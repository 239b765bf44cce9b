"""The maintenance dialogs: a schedule, a record, and the delete confirmations."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins.components import field, form_error
from wheels_wins.components.confirm import confirm_delete_dialog
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


def _buttons(label: rx.Var[str], saving: rx.Var[bool]) -> rx.Component:
    return rx.hstack(
        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
        rx.button(label, type="submit", loading=saving),
        justify="end",
        width="100%",
        spacing="2",
    )


def schedule_dialog() -> rx.Component:
    """Add or edit a schedule: every so many km/mi and/or months."""
    s = ScheduleEditorState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(s.editing_id != "", "Edit schedule", "Add a schedule")),
            rx.dialog.description(
                "Give a distance, a number of months, or both — whichever comes first makes it due.",
                size="2",
                color=rx.color("gray", 11),
                margin_bottom="12px",
            ),
            rx.form(
                rx.vstack(
                    form_error(s.form_error),
                    field(
                        "Task",
                        _input("task", s.task, placeholder="Oil change", max_length=MAX_TASK, auto_focus=True),
                        s.task_error,
                    ),
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
                    field(
                        "Notes",
                        rx.text_area(
                            name="notes",
                            default_value=s.notes,
                            placeholder="5W-30, 8 L (optional)",
                            max_length=MAX_NOTES,
                            size="3",
                            width="100%",
                            rows="2",
                        ),
                    ),
                    _buttons(rx.cond(s.editing_id != "", "Save changes", "Add schedule"), s.saving),
                    spacing="4",
                    width="100%",
                ),
                on_submit=s.save,
                reset_on_submit=False,
                no_validate=True,
                key=s.form_key,
            ),
            max_width="520px",
        ),
        open=s.open,
        on_open_change=s.set_open,
    )


def record_dialog() -> rx.Component:
    """Log or edit a maintenance record; a cost is also recorded as an expense."""
    s = RecordEditorState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(s.editing_id != "", "Edit maintenance", "Log maintenance")),
            rx.dialog.description(
                "A cost is also recorded as a maintenance expense on Wins.",
                size="2",
                color=rx.color("gray", 11),
                margin_bottom="12px",
            ),
            rx.form(
                rx.vstack(
                    form_error(s.form_error),
                    field(
                        "Task",
                        _input("task", s.task, placeholder="Oil change", max_length=MAX_TASK, auto_focus=True),
                        s.task_error,
                    ),
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
                    field(
                        "Notes",
                        rx.text_area(
                            name="notes",
                            default_value=s.notes,
                            placeholder="Optional",
                            max_length=MAX_NOTES,
                            size="3",
                            width="100%",
                            rows="2",
                        ),
                    ),
                    _buttons(rx.cond(s.editing_id != "", "Save changes", "Log it"), s.saving),
                    spacing="4",
                    width="100%",
                ),
                on_submit=s.save,
                reset_on_submit=False,
                no_validate=True,
                key=s.form_key,
            ),
            max_width="520px",
        ),
        open=s.open,
        on_open_change=s.set_open,
    )


def delete_dialogs() -> rx.Component:
    """Are you sure? (Undo stays available for a few seconds afterwards.)"""
    return rx.fragment(
        confirm_delete_dialog(ScheduleEditorState, "Delete this schedule?", note="Its maintenance records stay."),
        confirm_delete_dialog(RecordEditorState, "Delete this record?", note="Its maintenance expense goes too."),
    )

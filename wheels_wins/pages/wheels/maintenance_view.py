"""Wheels › Vehicle: maintenance due soon and overdue on top, then the schedules and the history."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import empty_state, list_row, loading_block, money_text, section_card
from wheels_wins.pages.wheels.maintenance import DueRow, MaintenanceState, RecordRow, ScheduleRow
from wheels_wins.pages.wheels.maintenance_dialogs import delete_dialogs, record_dialog, schedule_dialog
from wheels_wins.pages.wheels.maintenance_record_form import RecordEditorState
from wheels_wins.pages.wheels.maintenance_schedule_form import ScheduleEditorState

ONE_LINE = {"white_space": "nowrap", "overflow": "hidden", "text_overflow": "ellipsis", "width": "100%"}
# list_row's `py` and `_last` reach the CSS as invalid keys ("py", "&:last"), so rows get both here.
ROW_PADDING = "var(--space-2)"
LAST_ROW_PLAIN = {"& > :last-child": {"border_bottom": "none"}}
_STATE_COLOURS = {"overdue": "red", "soon": "amber", "ok": "grass"}


def _muted(text: rx.Var[str], **props) -> rx.Component:
    return rx.text(text, size="1", color=rx.color("gray", 11), **props)


def _actions(edit, delete, label: rx.Var[str]) -> rx.Component:
    return rx.hstack(
        rx.icon_button(
            rx.icon("pencil", size=14),
            variant="ghost",
            color_scheme="gray",
            size="1",
            on_click=edit,
            aria_label="Edit " + label,
        ),
        rx.icon_button(
            rx.icon("trash-2", size=14),
            variant="ghost",
            color_scheme="red",
            size="1",
            on_click=delete,
            aria_label="Delete " + label,
        ),
        spacing="3",
        flex_shrink="0",
    )


def _due_row(row: DueRow) -> rx.Component:
    return list_row(
        rx.vstack(
            rx.hstack(
                rx.text(row.task, size="2", weight="medium"),
                rx.badge(
                    rx.cond(row.overdue, "Overdue", "Due soon"),
                    color_scheme=rx.cond(row.overdue, "red", "amber"),
                    variant="soft",
                    radius="full",
                    size="1",
                ),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            rx.text(
                row.label,
                size="1",
                weight="medium",
                color=rx.cond(row.overdue, rx.color("red", 11), rx.color("amber", 11)),
            ),
            rx.cond(row.detail != "", _muted(row.detail)),
            spacing="1",
            min_width="0",
        ),
        rx.button(
            rx.icon("check", size=14),
            "Mark done",
            variant="soft",
            size="1",
            flex_shrink="0",
            on_click=RecordEditorState.mark_done(row.task),
            aria_label="Mark " + row.task + " done",
        ),
        padding_y=ROW_PADDING,
        class_name="maintenance-due",
    )


def _due_card() -> rx.Component:
    return section_card(
        "wrench",
        "Due soon / overdue",
        rx.cond(
            MaintenanceState.loaded,
            rx.cond(
                MaintenanceState.due.length() > 0,
                rx.vstack(rx.foreach(MaintenanceState.due, _due_row), spacing="0", width="100%", style=LAST_ROW_PLAIN),
                rx.hstack(
                    rx.icon("circle-check", size=18, color=rx.color("grass", 10)),
                    rx.text("Nothing due in the next 30 days or 1,000 km.", size="2", color=rx.color("gray", 11)),
                    spacing="2",
                    align="center",
                    id="maintenance-nothing-due",
                ),
            ),
            loading_block(2),
        ),
    )


def _schedule_row(row: ScheduleRow) -> rx.Component:
    return list_row(
        rx.vstack(
            rx.hstack(
                rx.text(row.task, size="2", weight="medium"),
                rx.badge(
                    row.state_label,
                    color_scheme=rx.match(row.state, *_STATE_COLOURS.items(), "gray"),
                    variant="soft",
                    radius="full",
                    size="1",
                ),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            _muted(row.interval),
            _muted(row.last_done),
            _muted(row.next_due),
            spacing="1",
            min_width="0",
        ),
        _actions(ScheduleEditorState.open_edit(row), ScheduleEditorState.ask_delete(row), row.task),
        padding_y=ROW_PADDING,
        class_name="maintenance-schedule",
    )


def _schedules_card() -> rx.Component:
    return section_card(
        "calendar-clock",
        "Schedules",
        rx.cond(
            MaintenanceState.loaded,
            rx.cond(
                MaintenanceState.schedules.length() > 0,
                rx.vstack(
                    rx.foreach(MaintenanceState.schedules, _schedule_row),
                    spacing="0",
                    width="100%",
                    style=LAST_ROW_PLAIN,
                ),
                empty_state(
                    "calendar-clock",
                    "No schedules yet",
                    "Add one, like an oil change every 10,000 km or 6 months, to see when it's due.",
                    "oil change every 10,000 km or 6 months",
                ),
            ),
            loading_block(3),
        ),
        rx.button(
            rx.icon("plus", size=16),
            "Add schedule",
            variant="soft",
            size="2",
            margin_top="12px",
            on_click=ScheduleEditorState.open_new,
        ),
    )


def _record_row(row: RecordRow) -> rx.Component:
    return list_row(
        rx.vstack(
            rx.text(row.task, size="2", weight="medium"),
            _muted(row.summary, title=row.summary, **ONE_LINE),
            spacing="0",
            min_width="0",
            flex="1",
        ),
        rx.hstack(
            rx.cond(row.cost != "", money_text(row.cost, size="2", weight="medium")),
            _actions(RecordEditorState.open_edit(row), RecordEditorState.ask_delete(row), row.task),
            spacing="3",
            align="center",
            flex_shrink="0",
        ),
        padding_y=ROW_PADDING,
        class_name="maintenance-record",
    )


def _history_card() -> rx.Component:
    more = rx.cond(
        MaintenanceState.records.length() < MaintenanceState.record_total,
        rx.button("Show more", variant="ghost", size="2", on_click=MaintenanceState.show_more, margin_top="8px"),
    )
    return section_card(
        "history",
        "Maintenance history",
        rx.cond(
            MaintenanceState.loaded,
            rx.cond(
                MaintenanceState.records.length() > 0,
                rx.vstack(
                    rx.foreach(MaintenanceState.records, _record_row),
                    more,
                    spacing="0",
                    width="100%",
                    style=LAST_ROW_PLAIN,
                ),
                empty_state(
                    "history",
                    "Nothing logged yet",
                    "Log services and repairs to keep the history.",
                    "log wheel alignment today $99",
                ),
            ),
            loading_block(3),
        ),
        rx.button(
            rx.icon("plus", size=16),
            "Log maintenance",
            variant="soft",
            size="2",
            margin_top="12px",
            on_click=RecordEditorState.open_new,
        ),
    )


def maintenance_panel() -> rx.Component:
    """What is due, the schedules and the history, with their dialogs."""
    return rx.vstack(
        _due_card(),
        rx.grid(
            _schedules_card(),
            _history_card(),
            grid_template_columns="repeat(auto-fit, minmax(min(100%, 380px), 1fr))",
            gap="var(--space-4)",
            width="100%",
            align_items="start",
        ),
        schedule_dialog(),
        record_dialog(),
        delete_dialogs(),
        spacing="4",
        width="100%",
        id="maintenance",
    )

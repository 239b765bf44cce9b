"""The Calendar tab's dialogs: add or edit an event or reminder, and confirm a delete."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import field, form_error
from wheels_wins.components.dialogs import confirm_delete_dialog
from wheels_wins.components.nav import PHONE
from wheels_wins.pages.wheels.calendar import CalendarState
from wheels_wins.pages.wheels.calendar_editor import CalendarEditorState
from wheels_wins.pages.wheels.calendar_form import MAX_DESCRIPTION, MAX_TITLE


def _times() -> rx.Component:
    s = CalendarEditorState
    return rx.grid(
        field(
            "Start time",
            rx.input(name="start_time", type="time", default_value=s.start_time, size="3", width="100%"),
            s.start_time_error,
        ),
        field(
            "End time",
            rx.input(name="end_time", type="time", default_value=s.end_time, size="3", width="100%"),
            hint="Optional",
        ),
        grid_template_columns="minmax(0, 1fr) minmax(0, 1fr)",
        gap="var(--space-3)",
        width="100%",
        display=rx.cond(s.all_day, "none", "grid"),  # hidden, not unmounted: typed times survive a toggle
    )


def event_dialog() -> rx.Component:
    """Add or edit one event or reminder; times are the user's local times."""
    s = CalendarEditorState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(s.editing_id != "", "Edit event", "Add to the calendar")),
            rx.dialog.description(
                "Times are in ",
                CalendarState.timezone,
                ".",
                size="2",
                color=rx.color("gray", 11),
                margin_bottom="12px",
            ),
            rx.form(
                rx.vstack(
                    form_error(s.form_error),
                    field(
                        "Title",
                        rx.input(
                            name="title",
                            default_value=s.title,
                            placeholder="Pick up mail in Ballarat",
                            max_length=MAX_TITLE,
                            size="3",
                            width="100%",
                            auto_focus=True,
                        ),
                        s.title_error,
                    ),
                    rx.grid(
                        field(
                            "Date",
                            rx.input(name="date", type="date", default_value=s.date, size="3", width="100%"),
                            s.date_error,
                        ),
                        field(
                            "Kind",
                            rx.select.root(
                                rx.select.trigger(width="100%"),
                                rx.select.content(
                                    rx.select.item("Event", value="event"),
                                    rx.select.item("Reminder", value="reminder"),
                                ),
                                name="kind",
                                default_value=s.kind,
                                size="3",
                            ),
                        ),
                        grid_template_columns="minmax(0, 1fr) minmax(0, 1fr)",
                        gap="var(--space-3)",
                        width="100%",
                    ),
                    rx.el.label(
                        rx.hstack(
                            rx.switch(checked=s.all_day, on_change=s.set_all_day, size="2"),
                            rx.text("All day", size="2", weight="medium"),
                            spacing="2",
                            align="center",
                        ),
                    ),
                    _times(),
                    field(
                        "End date",
                        rx.input(name="end_date", type="date", default_value=s.end_date, size="3", width="100%"),
                        s.end_error,
                        hint=rx.cond(
                            s.all_day,
                            "Optional: the last day, for several days",
                            "Optional: when it ends on a later day",
                        ),
                    ),
                    field(
                        "Notes",
                        rx.text_area(
                            name="description",
                            default_value=s.description,
                            max_length=MAX_DESCRIPTION,
                            placeholder="Optional",
                            rows="3",
                            size="3",
                            width="100%",
                        ),
                    ),
                    rx.flex(
                        rx.cond(
                            s.editing_id != "",
                            rx.button(
                                rx.icon("trash-2", size=15),
                                "Delete",
                                type="button",
                                variant="soft",
                                color_scheme="red",
                                on_click=s.ask_delete(s.editing_id, s.title),
                            ),
                        ),
                        rx.spacer(),
                        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                        rx.button(rx.cond(s.editing_id != "", "Save changes", "Add"), type="submit", loading=s.saving),
                        spacing="2",
                        width="100%",
                        align="center",
                    ),
                    spacing="3",
                    width="100%",
                ),
                on_submit=s.save,
                reset_on_submit=False,
                no_validate=True,
                key=s.form_key,
            ),
            max_width="480px",
            style={PHONE: {"padding": "var(--space-4)"}},
        ),
        open=s.open,
        on_open_change=s.set_open,
    )


def delete_dialog() -> rx.Component:
    """Are you sure? (Undo stays available for a few seconds afterwards.)"""
    return confirm_delete_dialog(CalendarEditorState, "Delete this from the calendar?")

"""Wheels › Calendar: a month view and the upcoming list, maintenance due dates included."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import empty_state, loading_block, section_card
from wheels_wins.components.nav import PHONE
from wheels_wins.pages.wheels.calendar import CalendarState
from wheels_wins.pages.wheels.calendar_dialogs import delete_dialog, event_dialog
from wheels_wins.pages.wheels.calendar_editor import CalendarEditorState
from wheels_wins.pages.wheels.calendar_rows import KIND_COLORS, KIND_NAMES, DayView, EntryView
from wheels_wins.services.calendar_grid import WEEKDAY_NAMES

DESKTOP_ONLY = {PHONE: {"display": "none"}}
PHONE_ONLY = {"display": "none", PHONE: {"display": "flex"}}


def _tone(color: rx.Var[str], step: int) -> rx.Var[str]:
    return f"var(--{color}-{step})"  # type: ignore[return-value]


def _kind_icon(entry: EntryView, size: int) -> rx.Component:
    return rx.match(
        entry.kind,
        ("maintenance", rx.icon("wrench", size=size)),
        ("reminder", rx.icon("bell", size=size)),
        ("trip", rx.icon("route", size=size)),
        rx.icon("calendar", size=size),
    )


def _toolbar() -> rx.Component:
    return rx.flex(
        rx.heading(CalendarState.month_title, size="5", weight="bold", id="calendar-month-title", min_width="0"),
        rx.hstack(
            rx.icon_button(
                rx.icon("chevron-left", size=18),
                variant="soft",
                color_scheme="gray",
                size="2",
                on_click=CalendarState.go_month(-1),
                aria_label="Previous month",
            ),
            rx.button("Today", variant="soft", color_scheme="gray", size="2", on_click=CalendarState.go_today),
            rx.icon_button(
                rx.icon("chevron-right", size=18),
                variant="soft",
                color_scheme="gray",
                size="2",
                on_click=CalendarState.go_month(1),
                aria_label="Next month",
            ),
            rx.button(rx.icon("plus", size=16), "Add", size="2", on_click=CalendarEditorState.open_new),
            spacing="2",
            align="center",
        ),
        justify="between",
        align="center",
        wrap="wrap",
        spacing="3",
        width="100%",
    )


def _chip(entry: EntryView) -> rx.Component:
    return rx.hstack(
        rx.cond(
            entry.kind == "maintenance",
            rx.icon("wrench", size=11, flex_shrink="0"),
            rx.cond(entry.short_time != "", rx.text(entry.short_time, as_="span", flex_shrink="0", opacity="0.8")),
        ),
        rx.text(
            entry.title,
            as_="span",
            weight="medium",
            min_width="0",
            style={"white_space": "nowrap", "overflow": "hidden", "text_overflow": "ellipsis"},
        ),
        spacing="1",
        align="center",
        width="100%",
        min_width="0",
        padding="1px 5px",
        border_radius="var(--radius-1)",
        border_left=f"2px solid {_tone(entry.color, 9)}",
        background=_tone(entry.color, 3),
        color=_tone(entry.color, 11),
        font_size="11px",
        line_height="16px",
        class_name="calendar-chip",
    )


def _dot(color: rx.Var[str]) -> rx.Component:
    return rx.box(width="6px", height="6px", border_radius="9999px", background=_tone(color, 9), flex_shrink="0")


def _cell(day: DayView) -> rx.Component:
    selected = CalendarState.selected == day.iso
    number = rx.center(
        day.number,
        width="24px",
        height="24px",
        border_radius="9999px",
        font_size="12px",
        font_weight=rx.cond(day.is_today, "700", "500"),
        background=rx.cond(day.is_today, rx.color("accent", 9), "transparent"),
        color=rx.cond(day.is_today, "white", rx.cond(day.in_month, rx.color("gray", 12), rx.color("gray", 8))),
        flex_shrink="0",
    )
    return rx.el.button(
        rx.vstack(
            number,
            rx.vstack(
                rx.foreach(day.chips, _chip),
                rx.cond(day.more != "", rx.text(day.more, size="1", color=rx.color("gray", 11), padding_left="4px")),
                spacing="1",
                width="100%",
                style=DESKTOP_ONLY,
            ),
            rx.hstack(rx.foreach(day.dots, _dot), spacing="1", justify="center", width="100%", style=PHONE_ONLY),
            spacing="1",
            align="start",
            width="100%",
            style={PHONE: {"align_items": "center"}},
        ),
        on_click=CalendarState.select_day(day.iso),
        aria_label=day.label,
        aria_pressed=rx.cond(selected, "true", "false"),
        class_name="calendar-day",
        custom_attrs={"data-day": day.iso},
        display="flex",
        flex_direction="column",
        justify_content="flex-start",
        align_items="stretch",
        width="100%",
        min_width="0",
        min_height="96px",
        padding="4px",
        text_align="left",
        cursor="pointer",
        border="none",
        background=rx.cond(
            selected, rx.color("accent", 3), rx.cond(day.in_month, rx.color("gray", 1), rx.color("gray", 2))
        ),
        box_shadow=rx.cond(selected, f"inset 0 0 0 2px {rx.color('accent', 8)}", "none"),
        opacity=rx.cond(day.in_month, "1", "0.75"),
        _hover={"background": rx.color("accent", 2)},
        _focus_visible={"outline": f"2px solid {rx.color('accent', 8)}", "outline_offset": "-2px"},
        style={PHONE: {"min_height": "48px", "padding": "4px 0"}},
    )


def _legend() -> rx.Component:
    return rx.flex(
        *[
            rx.hstack(
                _dot(KIND_COLORS[kind]),  # type: ignore[arg-type]
                rx.text(KIND_NAMES[kind], size="1", color=rx.color("gray", 11)),
                spacing="1",
                align="center",
            )
            for kind in ("event", "reminder", "maintenance")
        ],
        rx.hstack(_dot("red"), rx.text("Overdue", size="1", color=rx.color("gray", 11)), spacing="1", align="center"),  # type: ignore[arg-type]
        rx.spacer(),
        rx.text("Times in ", CalendarState.timezone, size="1", color=rx.color("gray", 10)),
        wrap="wrap",
        align="center",
        width="100%",
        style={"gap": "6px 16px"},
    )


def _month() -> rx.Component:
    return rx.card(
        rx.vstack(
            _toolbar(),
            rx.cond(
                CalendarState.loaded,
                rx.box(
                    rx.grid(
                        *[
                            rx.text(
                                name,
                                size="1",
                                weight="medium",
                                color=rx.color("gray", 11),
                                text_align="center",
                                padding="6px 0",
                                background=rx.color("gray", 2),
                            )
                            for name in WEEKDAY_NAMES
                        ],
                        rx.foreach(CalendarState.days, _cell),
                        grid_template_columns="repeat(7, minmax(0, 1fr))",
                        gap="1px",
                        background=rx.color("gray", 5),
                        border=f"1px solid {rx.color('gray', 5)}",
                        border_radius="var(--radius-3)",
                        overflow="hidden",
                        width="100%",
                        role="group",
                        aria_label="Month",
                        id="calendar-grid",
                    ),
                    width="100%",
                ),
                loading_block(6),
            ),
            _legend(),
            spacing="3",
            width="100%",
        ),
        size="2",
        width="100%",
    )


def _entry_row(entry: EntryView) -> rx.Component:
    return rx.hstack(
        rx.center(
            _kind_icon(entry, 15),
            width="32px",
            height="32px",
            border_radius="var(--radius-2)",
            background=_tone(entry.color, 3),
            color=_tone(entry.color, 11),
            flex_shrink="0",
        ),
        rx.vstack(
            rx.text(entry.title, size="2", weight="medium", style={"overflow_wrap": "anywhere"}),
            rx.text(
                entry.when,
                size="1",
                color=rx.cond(entry.overdue, rx.color("red", 11), rx.color("gray", 11)),
                weight=rx.cond(entry.overdue, "medium", "regular"),
            ),
            rx.cond(
                entry.note != "",
                rx.text(
                    entry.note,
                    size="1",
                    color=rx.color("gray", 11),
                    class_name="calendar-note",
                    style={
                        "display": "-webkit-box",
                        "-webkit-line-clamp": "2",
                        "-webkit-box-orient": "vertical",
                        "overflow": "hidden",
                    },
                ),
            ),
            spacing="0",
            flex="1",
            min_width="0",
        ),
        rx.cond(
            entry.editable,
            rx.hstack(
                rx.icon_button(
                    rx.icon("pencil", size=15),
                    variant="ghost",
                    color_scheme="gray",
                    size="2",
                    on_click=CalendarEditorState.open_edit(entry.key),
                    aria_label="Edit " + entry.title,
                ),
                rx.icon_button(
                    rx.icon("trash-2", size=15),
                    variant="ghost",
                    color_scheme="red",
                    size="2",
                    on_click=CalendarEditorState.ask_delete(entry.key, entry.title),
                    aria_label="Delete " + entry.title,
                ),
                spacing="3",
                flex_shrink="0",
            ),
        ),
        align="center",
        spacing="3",
        width="100%",
        padding_y="var(--space-2)",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        style={"&:last-child": {"border_bottom": "none"}},
        class_name="calendar-entry",
    )


def _selected_day() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.heading(CalendarState.selected_title, size="3", weight="medium", id="calendar-day-title"),
                rx.button(
                    rx.icon("plus", size=14),
                    "Add",
                    size="1",
                    variant="soft",
                    on_click=CalendarEditorState.open_new,
                    aria_label="Add on this day",
                ),
                justify="between",
                align="center",
                width="100%",
            ),
            rx.cond(
                CalendarState.day_entries.length() > 0,
                rx.vstack(rx.foreach(CalendarState.day_entries, _entry_row), spacing="0", width="100%"),
                rx.text("Nothing on this day.", size="2", color=rx.color("gray", 11), py="2"),
            ),
            spacing="2",
            width="100%",
        ),
        size="2",
        width="100%",
        id="calendar-day",
        role="region",
        aria_label="Selected day",
    )


def _upcoming() -> rx.Component:
    return section_card(
        "calendar-clock",
        "Coming up",
        rx.cond(
            CalendarState.loaded,
            rx.cond(
                CalendarState.upcoming.length() > 0,
                rx.vstack(rx.foreach(CalendarState.upcoming, _entry_row), spacing="0", width="100%"),
                empty_state(
                    "calendar",
                    "Nothing coming up",
                    "Add an event or reminder, or log maintenance with a next-due date.",
                    "remind me to renew the rego on 1 March",
                ),
            ),
            loading_block(4),
        ),
        id="calendar-upcoming",
        role="region",
        aria_label="Coming up",
    )


def calendar_panel() -> rx.Component:
    """The Calendar tab."""
    return rx.vstack(
        _month(),
        rx.grid(
            _selected_day(),
            _upcoming(),
            grid_template_columns="repeat(auto-fit, minmax(min(100%, 320px), 1fr))",
            gap="var(--space-4)",
            align_items="start",
            width="100%",
        ),
        event_dialog(),
        delete_dialog(),
        spacing="4",
        width="100%",
    )

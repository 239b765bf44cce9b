"""Wheels › Vehicle: the fuel log (a table, cards on phones, "show more") and the fill-up dialogs."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import card_title, empty_state, field, loading_block, money_text
from wheels_wins.components.dialogs import confirm_delete_dialog, form_dialog
from wheels_wins.components.nav import PHONE
from wheels_wins.pages.wheels.vehicle import FillRow, VehicleState
from wheels_wins.pages.wheels.vehicle_fuel import MAX_LOCATION, FuelDeleteState, FuelEditorState

DESKTOP_ONLY = {PHONE: {"display": "none"}}
PHONE_ONLY = {"display": "none", PHONE: {"display": "flex"}}
MUTED = rx.color("gray", 11)


def _tank_badge(row: FillRow) -> rx.Component:
    return rx.cond(
        row.full_tank,
        rx.badge("Full", color_scheme="grass", variant="soft", radius="full", size="1"),
        rx.badge("Partial", color_scheme="amber", variant="soft", radius="full", size="1"),
    )


def _actions(row: FillRow) -> rx.Component:
    label = row.day + " fill-up of " + row.volume
    return rx.hstack(
        rx.icon_button(
            rx.icon("pencil", size=14),
            variant="ghost",
            color_scheme="gray",
            size="1",
            on_click=FuelEditorState.open_edit(row),
            aria_label="Edit " + label,
        ),
        rx.icon_button(
            rx.icon("trash-2", size=14),
            variant="ghost",
            color_scheme="red",
            size="1",
            on_click=FuelDeleteState.ask_delete(row),
            aria_label="Delete " + label,
        ),
        spacing="3",
        justify="end",
    )


def _dash(value: rx.Var[str]) -> rx.Var[str]:
    return rx.cond(value != "", value, "—")


def _header(label: rx.Var[str] | str, **props) -> rx.Component:
    return rx.table.column_header_cell(rx.text(label, size="1", color=MUTED, weight="medium"), **props)


def _table() -> rx.Component:
    s = VehicleState

    def row(item: FillRow) -> rx.Component:
        right = {"text_align": "right", "white_space": "nowrap"}
        return rx.table.row(
            rx.table.cell(rx.text(item.day, size="2", white_space="nowrap")),
            rx.table.cell(rx.text(item.volume, size="2"), **right),
            rx.table.cell(money_text(item.total, size="2"), **right),
            rx.table.cell(rx.text(item.price, size="2", color=MUTED), **right),
            rx.table.cell(rx.text(_dash(item.odometer), size="2", color=MUTED), **right),
            rx.table.cell(rx.text(item.location, size="2", truncate=True, max_width="14em")),
            rx.table.cell(_tank_badge(item)),
            rx.table.cell(rx.text(_dash(item.consumption), size="2", weight="medium"), **right),
            rx.table.cell(_actions(item)),
            align="center",
            class_name="fill-row",
        )

    return rx.table.root(
        rx.table.header(
            rx.table.row(
                _header("Date"),
                _header("Volume", text_align="right"),
                _header("Total", text_align="right"),
                _header("Price", text_align="right"),
                _header("Odometer", text_align="right"),
                _header("Location"),
                _header("Tank"),
                _header("Consumption", text_align="right"),
                rx.table.column_header_cell(rx.el.span("Actions", class_name="visually-hidden"), width="72px"),
            ),
        ),
        rx.table.body(rx.foreach(s.fills, row)),
        variant="ghost",
        size="1",
        width="100%",
        style=DESKTOP_ONLY,
    )


def _cards() -> rx.Component:
    def card(item: FillRow) -> rx.Component:
        dot = rx.text("·", size="1", color=rx.color("gray", 8))
        return rx.hstack(
            rx.vstack(
                rx.hstack(
                    rx.text(item.day, size="2", weight="medium"),
                    dot,
                    rx.text(item.volume, size="2"),
                    _tank_badge(item),
                    spacing="2",
                    align="center",
                    wrap="wrap",
                ),
                rx.text(
                    item.price,
                    rx.cond(item.odometer != "", " · " + item.odometer, ""),
                    rx.cond(item.location != "", " · " + item.location, ""),
                    size="1",
                    color=MUTED,
                ),
                rx.cond(
                    item.consumption != "",
                    rx.hstack(
                        rx.icon("gauge", size=12, color=MUTED),
                        rx.text(item.consumption, size="1", weight="medium"),
                        spacing="1",
                        align="center",
                    ),
                ),
                spacing="1",
                min_width="0",
                flex="1",
            ),
            rx.vstack(money_text(item.total, size="3"), _actions(item), align="end", spacing="1"),
            width="100%",
            py="2",
            border_bottom=f"1px solid {rx.color('gray', 4)}",
            class_name="fill-card",
        )

    return rx.vstack(rx.foreach(VehicleState.fills, card), spacing="0", width="100%", style=PHONE_ONLY)


def fuel_log() -> rx.Component:
    """Recent fill-ups, newest first, with their interval's consumption when known."""
    s = VehicleState
    add = rx.button(rx.icon("plus", size=16), "Add fill-up", size="2", on_click=FuelEditorState.open_new)
    return rx.card(
        rx.hstack(card_title("fuel", "Fuel log"), add, justify="between", align="start", width="100%"),
        rx.cond(
            s.loaded,
            rx.cond(
                s.fill_count > 0,
                rx.vstack(
                    _table(),
                    _cards(),
                    rx.hstack(
                        rx.text(
                            s.fills.length().to_string() + " of " + s.fill_count.to_string() + " fill-ups",
                            size="1",
                            color=MUTED,
                        ),
                        rx.cond(
                            s.more_to_show,
                            rx.button("Show more", variant="soft", size="1", on_click=s.show_more),
                        ),
                        justify="between",
                        align="center",
                        width="100%",
                        pt="3",
                    ),
                    spacing="0",
                    width="100%",
                ),
                empty_state(
                    "fuel",
                    "No fill-ups yet",
                    "Log each fill-up: its cost goes into Wins as fuel, and two full fills with odometer "
                    "readings measure your real consumption.",
                    "filled 60 L for $120 at Dubbo",
                ),
            ),
            loading_block(4),
        ),
        size="2",
        width="100%",
        id="fuel-log",
    )


def _editor() -> rx.Component:
    s = FuelEditorState
    return form_dialog(
        s,
        rx.cond(s.editing_id != "", "Edit fill-up", "Add a fill-up"),
        "Its cost is recorded in Wins as a fuel expense.",
        rx.grid(
            field(
                "Date",
                rx.input(name="date", type="date", default_value=s.date, size="3", width="100%"),
                s.date_error,
            ),
            field(
                "Volume",
                rx.input(
                    rx.input.slot(
                        rx.text(s.volume_unit, size="2", color=rx.color("gray", 10)), side="right"
                    ),
                    name="volume",
                    value=s.volume_text,
                    on_change=s.set_volume,
                    placeholder="0.00",
                    input_mode="decimal",
                    max_length=12,
                    size="3",
                    width="100%",
                    auto_focus=True,
                ),
                s.volume_error,
            ),
            rx.vstack(
                rx.segmented_control.root(
                    rx.segmented_control.item("Total cost", value="total"),
                    rx.segmented_control.item("Price per " + s.volume_unit, value="price"),
                    value=s.mode,
                    on_change=s.set_mode,
                    size="1",
                    width="100%",
                    aria_label="Enter the cost as",
                ),
                field(
                    rx.cond(s.mode == "total", "Total cost", "Price per " + s.volume_unit),
                    rx.input(
                        name="amount",
                        value=s.amount_text,
                        on_change=s.set_amount,
                        placeholder=rx.cond(s.mode == "total", "0.00", "0.000"),
                        input_mode="decimal",
                        max_length=12,
                        size="3",
                        width="100%",
                    ),
                    s.amount_error,
                    hint=s.derived,
                ),
                spacing="2",
                width="100%",
                grid_column="1 / -1",  # the whole row, in one column or two
            ),
            field(
                "Odometer",
                rx.input(
                    rx.input.slot(
                        rx.text(s.distance_unit, size="2", color=rx.color("gray", 10)), side="right"
                    ),
                    name="odometer",
                    default_value=s.odometer,
                    placeholder="Optional",
                    input_mode="numeric",
                    max_length=10,
                    size="3",
                    width="100%",
                ),
                s.odometer_error,
            ),
            field(
                "Location",
                rx.input(
                    name="location",
                    default_value=s.location,
                    placeholder="Gundagai (optional)",
                    max_length=MAX_LOCATION,
                    size="3",
                    width="100%",
                ),
                s.location_error,
            ),
            rx.el.label(
                rx.hstack(
                    rx.checkbox(checked=s.full_tank, on_change=s.set_full_tank, size="2"),
                    rx.vstack(
                        rx.text("Filled to the top", size="2", weight="medium"),
                        rx.text(
                            "Full fills with odometer readings measure consumption.", size="1", color=MUTED
                        ),
                        spacing="0",
                    ),
                    spacing="2",
                    align="start",
                ),
                grid_column="1 / -1",  # the whole row, in one column or two
            ),
            gap="var(--space-3)",
            width="100%",
            align_items="start",
            # Base before the media query: emotion writes rules in key order and the later one wins.
            style={
                "grid_template_columns": "repeat(2, minmax(0, 1fr))",
                PHONE: {"grid_template_columns": "minmax(0, 1fr)"},
            },
        ),
        submit=rx.cond(s.editing_id != "", "Save changes", "Add fill-up"),
    )


def _delete_dialog() -> rx.Component:
    s = FuelDeleteState
    return confirm_delete_dialog(s, "Delete this fill-up?", s.confirm_label, " — its fuel expense goes too.")


def fuel_dialogs() -> rx.Component:
    """The add/edit fill-up dialog and the delete confirmation."""
    return rx.fragment(_editor(), _delete_dialog())

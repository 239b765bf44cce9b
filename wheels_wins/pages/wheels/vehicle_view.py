"""Wheels › Vehicle: the vehicle profile card (view, edit, first-time invitation), the consumption summary,
and the fuel log (vehicle_fuel_view)."""

from __future__ import annotations

import reflex as rx

from wheels_wins.api.schemas.vehicle import FUEL_TYPE_LABELS, MAX_MAKE, MAX_NAME
from wheels_wins.components import card_title, empty_state, field, form_error, loading_block, section_card, stat
from wheels_wins.components.nav import NARROW
from wheels_wins.pages.wheels.vehicle import VehicleState
from wheels_wins.pages.wheels.vehicle_fuel_view import fuel_dialogs, fuel_log

S = VehicleState
_TWO_COLUMNS = {"grid_template_columns": "repeat(2, minmax(0, 1fr))"}


def _input(name: str, default: rx.Var[str], **props) -> rx.Component:
    return rx.input(name=name, default_value=default, size="3", width="100%", **props)


def _with_unit(name: str, default: rx.Var[str], unit: rx.Var[str], **props) -> rx.Component:
    return rx.input(
        rx.input.slot(rx.text(unit, size="2", color=rx.color("gray", 10)), side="right"),
        name=name,
        default_value=default,
        input_mode="decimal",
        size="3",
        width="100%",
        **props,
    )


def _profile_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            form_error(S.form_error),
            field(
                "Name",
                _input("name", S.f_name, placeholder="The Tortoise", max_length=MAX_NAME, auto_focus=True),
                S.name_error,
            ),
            rx.grid(
                field("Make", _input("make", S.f_make, placeholder="Toyota", max_length=MAX_MAKE), S.make_error),
                field(
                    "Model",
                    _input("model", S.f_model, placeholder="LandCruiser 79", max_length=MAX_MAKE),
                    S.model_error,
                ),
                field(
                    "Year",
                    _input("year", S.f_year, placeholder="2019", input_mode="numeric", max_length=4),
                    S.year_error,
                ),
                field(
                    "Fuel type",
                    rx.select.root(
                        rx.select.trigger(width="100%", aria_label="Fuel type"),
                        rx.select.content(
                            *[rx.select.item(label, value=key) for key, label in FUEL_TYPE_LABELS.items()]
                        ),
                        name="fuel_type",
                        default_value=S.f_fuel_type,
                        size="3",
                    ),
                    S.fuel_type_error,
                ),
                field(
                    "Tank size",
                    _with_unit("tank", S.f_tank, S.volume_unit, placeholder="Optional", max_length=10),
                    S.tank_error,
                ),
                field(
                    "Expected consumption",
                    _with_unit("consumption", S.f_consumption, S.consumption_unit, max_length=8),
                    S.consumption_error,
                    hint="Trip fuel estimates use this.",
                ),
                gap="var(--space-3)",
                width="100%",
                align_items="start",
                # Base before the media query: emotion writes rules in key order and the later one wins.
                style={"grid_template_columns": "repeat(3, minmax(0, 1fr))", NARROW: _TWO_COLUMNS},
            ),
            rx.hstack(
                rx.cond(
                    S.has_vehicle,
                    rx.button("Cancel", variant="soft", color_scheme="gray", type="button", on_click=S.cancel_edit),
                    rx.button("Not now", variant="soft", color_scheme="gray", type="button", on_click=S.cancel_edit),
                ),
                rx.button(rx.cond(S.has_vehicle, "Save vehicle", "Add vehicle"), type="submit", loading=S.saving),
                justify="end",
                width="100%",
                spacing="2",
            ),
            spacing="4",
            width="100%",
        ),
        on_submit=S.save,
        reset_on_submit=False,
        no_validate=True,
        key=S.form_key,
        width="100%",
    )


def _figure(label: str, value: rx.Var[str]) -> rx.Component:
    return rx.vstack(
        rx.text(label, size="1", color=rx.color("gray", 11)),
        rx.text(value, size="3", weight="medium", white_space="nowrap"),
        spacing="1",
    )


def _profile_view() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.vstack(
                rx.heading(S.vehicle_name, size="5", id="vehicle-name"),
                rx.cond(S.details != "", rx.text(S.details, size="2", color=rx.color("gray", 11))),
                spacing="1",
                min_width="0",
            ),
            rx.button(
                rx.icon("pencil", size=14),
                "Edit",
                variant="soft",
                size="2",
                on_click=S.start_edit,
                aria_label="Edit vehicle",
            ),
            justify="between",
            align="start",
            width="100%",
        ),
        rx.grid(
            _figure("Fuel", S.fuel_label),
            _figure("Tank", S.tank),
            _figure("Expected use", S.expected),
            _figure("Full-tank range", S.full_range),
            _figure("Odometer", S.odometer),
            gap="var(--space-3)",
            width="100%",
            style={"grid_template_columns": "repeat(3, minmax(0, 1fr))", NARROW: _TWO_COLUMNS},
        ),
        spacing="4",
        width="100%",
    )


def _first_time() -> rx.Component:
    return rx.vstack(
        empty_state(
            "caravan",
            "Add your vehicle",
            "Its fuel use sets the fuel cost of every trip you plan, and your fill-ups measure the real figure.",
        ),
        rx.button(rx.icon("plus", size=16), "Add your vehicle", size="3", on_click=S.start_edit),
        align="center",
        width="100%",
        padding_bottom="var(--space-3)",
    )


def _profile_card() -> rx.Component:
    return rx.card(
        card_title("caravan", "Your vehicle"),
        rx.cond(
            S.loaded,
            rx.cond(S.editing, _profile_form(), rx.cond(S.has_vehicle, _profile_view(), _first_time())),
            loading_block(3),
        ),
        size="2",
        width="100%",
        id="vehicle-card",
        grid_column=rx.cond(S.editing, "1 / -1", "auto"),
    )


def _summary_card() -> rx.Component:
    return section_card(
        "gauge",
        "Fuel economy",
        rx.cond(
            S.loaded,
            rx.vstack(
                rx.grid(
                    rx.box(stat("Average", S.average, S.average_hint), id="fuel-average"),
                    rx.box(stat("Recent price", S.price, S.price_hint), id="fuel-price"),
                    grid_template_columns="repeat(auto-fit, minmax(min(100%, 170px), 1fr))",
                    gap="var(--space-4)",
                    width="100%",
                ),
                rx.box(
                    rx.text("Trip estimates use ", rx.text.strong(S.basis), size="2"),
                    rx.text(S.basis_hint, size="1", color=rx.color("gray", 11)),
                    rx.cond(
                        S.measured != "",
                        rx.button(
                            rx.icon("check", size=14),
                            "Use measured ",
                            S.measured,
                            variant="soft",
                            size="1",
                            margin_top="8px",
                            on_click=S.use_measured,
                        ),
                    ),
                    id="fuel-estimate-basis",
                    padding="var(--space-3)",
                    border_radius="var(--radius-3)",
                    background=rx.color("gray", 2),
                    border=f"1px solid {rx.color('gray', 4)}",
                    width="100%",
                ),
                spacing="4",
                width="100%",
            ),
            loading_block(3),
        ),
    )


def vehicle_panel() -> rx.Component:
    """The vehicle profile and fuel log."""
    return rx.vstack(
        rx.grid(
            _profile_card(),
            _summary_card(),
            gap="var(--space-4)",
            width="100%",
            align_items="stretch",
            style={
                "grid_template_columns": "repeat(2, minmax(0, 1fr))",
                NARROW: {"grid_template_columns": "minmax(0, 1fr)"},
            },
        ),
        fuel_log(),
        fuel_dialogs(),
        spacing="4",
        width="100%",
    )

"""Wheels › Trips: the planner card — the place box, the draft's stops with their legs, and the draft on a map."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins.components import field, form_error, section_card
from wheels_wins.components.map import trip_map
from wheels_wins.components.nav import WIDE
from wheels_wins.components.place_search import place_search
from wheels_wins.pages.wheels.planner import MAX_TITLE, DraftStop, PlannerState
from wheels_wins.pages.wheels.planner_search import PlannerSearchState
from wheels_wins.pages.wheels.trips import WheelsState

DRAFT_MAP_LABEL = "Map of the draft trip"


def _icon_button(icon: str, label: rx.Var[str], **props: Any) -> rx.Component:
    props.setdefault("color_scheme", "gray")
    return rx.icon_button(rx.icon(icon, size=15), variant="ghost", size="2", aria_label=label, type="button", **props)


def _draft_stop(stop: DraftStop, index: rx.Var[int]) -> rx.Component:
    leg = PlannerState.legs[index]
    last = PlannerState.stops.length() - 1
    return rx.box(
        rx.cond(
            leg != "",
            rx.hstack(
                rx.icon("arrow-down", size=12, color=rx.color("gray", 9)),
                rx.text(leg, size="1", color=rx.color("gray", 11)),
                spacing="1",
                align="center",
                padding="2px 0 4px 10px",
            ),
        ),
        rx.hstack(
            rx.badge(index + 1, radius="full", variant="solid", size="2", flex_shrink="0"),
            rx.box(
                rx.text(stop.name, size="2", weight="medium", as_="div", trim="both"),
                rx.cond(stop.label != stop.name, rx.text(stop.label, size="1", color=rx.color("gray", 11), as_="div")),
                flex="1",
                min_width="0",
            ),
            _icon_button(
                "arrow-up", "Move " + stop.name + " earlier", disabled=index == 0, on_click=PlannerState.move(index, -1)
            ),
            _icon_button(
                "arrow-down",
                "Move " + stop.name + " later",
                disabled=index == last,
                on_click=PlannerState.move(index, 1),
            ),
            _icon_button("x", "Remove " + stop.name, color_scheme="red", on_click=PlannerState.remove(index)),
            align="center",
            spacing="2",
            padding="6px 6px 6px 10px",
            border_radius="var(--radius-3)",
            border=f"1px solid {rx.color('gray', 5)}",
            background=rx.color("gray", 2),
            width="100%",
        ),
        class_name="draft-stop",
        width="100%",
    )


def _draft_list() -> rx.Component:
    return rx.cond(
        PlannerState.stops.length() > 0,
        rx.vstack(
            rx.hstack(
                rx.text(
                    PlannerState.stops.length().to_string(),
                    rx.cond(PlannerState.stops.length() == 1, " stop", " stops"),
                    size="2",
                    weight="medium",
                    color=rx.color("gray", 11),
                ),
                rx.button(
                    rx.icon("trash-2", size=13),
                    "Clear",
                    size="1",
                    variant="soft",
                    color_scheme="gray",
                    type="button",
                    on_click=PlannerState.clear,
                    aria_label="Clear the draft",
                ),
                justify="between",
                align="center",
                width="100%",
            ),
            rx.el.ol(
                rx.foreach(PlannerState.stops, lambda stop, i: rx.el.li(_draft_stop(stop, i))),
                aria_label="Stops of the draft trip",
                style={"listStyle": "none", "margin": 0, "padding": 0, "width": "100%"},
            ),
            rx.cond(
                PlannerState.total != "",
                rx.hstack(
                    rx.icon("route", size=14, color=rx.color("accent", 11)),
                    rx.text(
                        rx.text.strong(PlannerState.total),
                        " in all — an estimate (straight legs × a road factor); road figures come after planning.",
                        size="1",
                        color=rx.color("gray", 11),
                    ),
                    spacing="2",
                    align="start",
                ),
            ),
            spacing="2",
            width="100%",
        ),
        rx.text(
            "Start with where you're leaving from, then add each stop in order. "
            "You can also paste a list like “Sydney, Canberra, Melbourne”.",
            size="2",
            color=rx.color("gray", 11),
        ),
    )


def _picking_banner() -> rx.Component:
    return rx.cond(
        PlannerState.picking,
        rx.callout.root(
            rx.callout.icon(rx.icon("crosshair", size=16)),
            rx.callout.text(
                rx.hstack(
                    rx.text("Click or tap the map to add stop ", (PlannerState.stops.length() + 1).to_string(), "."),
                    rx.button(
                        "Cancel", size="1", variant="soft", type="button", on_click=PlannerState.set_picking(False)
                    ),
                    align="center",
                    justify="between",
                    wrap="wrap",
                    spacing="2",
                    width="100%",
                ),
            ),
            color_scheme="teal",
            size="1",
            role="status",
            width="100%",
        ),
    )


def _details() -> rx.Component:
    return rx.grid(
        field(
            "Trip name",
            rx.input(
                value=PlannerState.title,
                on_change=PlannerState.set_title,
                debounce_timeout=400,
                placeholder="Optional — we'll name it for you",
                size="3",
                width="100%",
                max_length=MAX_TITLE,
            ),
        ),
        field(
            "Start date",
            rx.input(
                type="date",
                value=PlannerState.start_date,
                on_change=PlannerState.set_start_date,
                size="3",
                width="100%",
            ),
            PlannerState.date_error,
            hint="Optional",
        ),
        grid_template_columns="repeat(auto-fit, minmax(min(100%, 200px), 1fr))",
        gap="var(--space-3)",
        width="100%",
        align_items="start",
    )


def _actions() -> rx.Component:
    few = PlannerState.stops.length() < 4
    return rx.flex(
        rx.button(
            rx.icon("route", size=16),
            "Plan trip",
            size="2",
            type="button",
            loading=PlannerState.planning,
            on_click=PlannerState.plan,
        ),
        rx.button(
            rx.icon("map-pin", size=15),
            "Pick on map",
            size="2",
            variant="soft",
            type="button",
            on_click=PlannerState.set_picking(~PlannerState.picking),
            aria_pressed=PlannerState.picking,
        ),
        rx.cond(
            PlannerState.stops.length() > 2,
            rx.button(
                rx.icon("wand-sparkles", size=15),
                "Optimise order",
                size="2",
                variant="soft",
                color_scheme="gray",
                type="button",
                disabled=few,
                on_click=PlannerState.optimise,
                title=rx.cond(few, "Needs four stops or more: the first and last stay put", ""),
            ),
        ),
        wrap="wrap",
        spacing="2",
        width="100%",
    )


def _draft_map() -> rx.Component:
    return rx.box(
        trip_map(
            PlannerState.map_stops,
            PlannerState.route,
            WheelsState.map_places,
            on_map_click=PlannerState.add_pin,
            route_estimated=True,
            label=DRAFT_MAP_LABEL,
            height=["300px", "340px", "360px", "460px"],
        ),
        class_name=rx.cond(PlannerState.picking, "ww-map-picking", ""),
        grid_area="map",
        width="100%",
    )


def planner_card() -> rx.Component:
    """The "Plan a trip" card: type or pick stops, see them on the map, then save the trip."""
    return section_card(
        "navigation",
        "Plan a trip",
        rx.grid(
            rx.vstack(
                place_search(
                    query=PlannerSearchState.query,
                    searched=PlannerSearchState.searched,
                    suggestions=PlannerSearchState.suggestions,
                    on_type=PlannerSearchState.type_place,
                    on_pick=PlannerSearchState.pick_place,
                    on_enter=PlannerSearchState.enter_place,
                    on_pick_on_map=PlannerSearchState.pick_on_map,
                    id="trip-stop",
                    label="Add a stop",
                    placeholder="Add a stop: a town or a saved place",
                ),
                rx.cond(
                    PlannerSearchState.list_size > 0,
                    rx.text(
                        rx.icon("corner-down-left", size=13),
                        " Press Enter to add these ",
                        PlannerSearchState.list_size.to_string(),
                        " places in order.",
                        size="2",
                        color=rx.color("gray", 11),
                        role="status",
                    ),
                ),
                rx.cond(
                    PlannerState.notice != "",
                    rx.callout(PlannerState.notice, icon="info", size="1", color_scheme="blue", width="100%"),
                ),
                _picking_banner(),
                _draft_list(),
                grid_area="top",
                spacing="3",
                width="100%",
                min_width="0",
            ),
            _draft_map(),
            rx.vstack(
                _details(),
                form_error(PlannerState.form_error),
                _actions(),
                grid_area="bottom",
                spacing="3",
                width="100%",
                min_width="0",
            ),
            # The map right under the stops, so each pick shows; the map beside them when the page's column has
            # room (a wide window without PAM docked beside the page).
            grid_template_areas='"top" "map" "bottom"',
            grid_template_columns="minmax(0, 1fr)",
            grid_template_rows="auto",
            style={
                WIDE: {
                    "grid_template_areas": '"top map" "bottom map"',
                    "grid_template_columns": "minmax(0, 5fr) minmax(0, 6fr)",
                    "grid_template_rows": "auto 1fr",
                }
            },
            gap="var(--space-4)",
            align_items="start",
            width="100%",
        ),
        on_mount=PlannerState.restore,
    )

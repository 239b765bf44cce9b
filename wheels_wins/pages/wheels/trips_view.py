"""Wheels › Trips: the map of the shown trip with its stop editor, the planner and the trip cards."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import empty_state, field, form_error, loading_block, section_card
from wheels_wins.components.map import MapStop, trip_map
from wheels_wins.pages.wheels.trip_sheet import TripSheetState
from wheels_wins.pages.wheels.trips import MAX_TITLE, StopView, TripView, WheelsState


def _planner() -> rx.Component:
    return section_card(
        "navigation",
        "Plan a trip",
        rx.form(
            rx.vstack(
                form_error(WheelsState.form_error),
                field(
                    "Places, in order",
                    rx.input(
                        value=WheelsState.places,
                        on_change=WheelsState.set_places,
                        placeholder="Sydney, Canberra, Melbourne",
                        size="3",
                        width="100%",
                        max_length=2000,
                    ),
                    WheelsState.places_error,
                    hint="Separate stops with commas. Towns and cities work best.",
                ),
                rx.grid(
                    field(
                        "Trip name",
                        rx.input(
                            value=WheelsState.title,
                            on_change=WheelsState.set_title,
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
                            value=WheelsState.start_date,
                            on_change=WheelsState.set_start_date,
                            size="3",
                            width="100%",
                        ),
                        WheelsState.date_error,
                        hint="Optional",
                    ),
                    grid_template_columns="repeat(auto-fit, minmax(min(100%, 220px), 1fr))",
                    gap="var(--space-3)",
                    width="100%",
                    align_items="start",
                ),
                rx.hstack(
                    rx.button(
                        rx.icon("route", size=16), "Plan trip", type="submit", size="3", loading=WheelsState.planning
                    ),
                    justify="end",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=WheelsState.plan_trip,
            reset_on_submit=False,
            no_validate=True,
            width="100%",
        ),
    )


def _stop(stop: StopView) -> rx.Component:
    return rx.hstack(
        rx.cond(
            stop.leg != "",
            rx.hstack(
                rx.box(width="16px", height="2px", background=rx.color("gray", 6)),
                rx.text(stop.leg, size="1", color=rx.color("gray", 10), white_space="nowrap"),
                rx.box(width="16px", height="2px", background=rx.color("gray", 6)),
                spacing="1",
                align="center",
            ),
        ),
        rx.badge(rx.icon("map_pin", size=12), stop.name, variant="soft", radius="full", size="2"),
        spacing="1",
        align="center",
    )


def _figure(icon: str, label: str, value: rx.Var[str]) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.icon(icon, size=14, color=rx.color("gray", 10)),
            rx.text(label, size="1", color=rx.color("gray", 11)),
            spacing="1",
            align="center",
        ),
        rx.text(value, size="3", weight="medium", white_space="nowrap"),
        spacing="1",
    )


def _stop_editor() -> rx.Component:
    def row(stop: MapStop, index: rx.Var[int]) -> rx.Component:
        return rx.hstack(
            rx.badge(index + 1, radius="full", variant="solid"),
            rx.text(stop.name, size="2", flex="1"),
            rx.icon_button(rx.icon("arrow-up", size=14), variant="ghost", size="1", color_scheme="gray",
                           disabled=index == 0, on_click=WheelsState.move_stop(index, -1),
                           aria_label="Move " + stop.name + " earlier"),
            rx.icon_button(rx.icon("arrow-down", size=14), variant="ghost", size="1", color_scheme="gray",
                           disabled=index == WheelsState.map_stops.length() - 1,
                           on_click=WheelsState.move_stop(index, 1), aria_label="Move " + stop.name + " later"),
            rx.icon_button(rx.icon("x", size=14), variant="ghost", size="1", color_scheme="red",
                           on_click=WheelsState.remove_stop(index), aria_label="Remove " + stop.name),
            align="center",
            width="100%",
            class_name="stop-row",
        )

    return rx.vstack(
        rx.foreach(WheelsState.map_stops, row),
        rx.button(rx.icon("wand-sparkles", size=14), "Optimise order", variant="soft", size="2",
                  on_click=WheelsState.optimise, disabled=WheelsState.map_stops.length() < 4),
        spacing="1",
        width="100%",
        max_width="520px",
        padding_top="12px",
    )


def _trip_map() -> rx.Component:
    return rx.cond(
        WheelsState.map_stops.length() > 0,
        section_card(
            "map",
            "On the map",
            rx.text(
                WheelsState.map_title,
                rx.cond(WheelsState.map_estimated, " — distances are estimates (straight legs × a road factor).",
                        " — by road."),
                size="2", color=rx.color("gray", 11), margin_bottom="8px",
            ),
            trip_map(WheelsState.map_stops, WheelsState.map_route, route_estimated=WheelsState.map_estimated,
                     label="Map of the trip's stops"),
            _stop_editor(),
        ),
    )


def _trip_card(trip: TripView, index: rx.Var[int]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.vstack(
                    rx.heading(trip.title, size="4"),
                    rx.text(trip.dates, size="2", color=rx.color("gray", 11)),
                    spacing="1",
                ),
                rx.badge(
                    trip.status,
                    color_scheme=rx.match(trip.status, ("Active", "grass"), ("Completed", "gray"), "amber"),
                    radius="full",
                    size="2",
                ),
                justify="between",
                align="start",
                width="100%",
            ),
            rx.flex(rx.foreach(trip.stops, _stop), wrap="wrap", gap="2", align="center"),
            rx.hstack(
                rx.button(rx.icon("list", size=14), "Details", variant="soft", size="1",
                          on_click=TripSheetState.open_trip(trip.id)),
                rx.cond(
                    WheelsState.shown != index,
                    rx.button(rx.icon("map-pin", size=14), "Show on map", variant="ghost", size="1",
                              on_click=[WheelsState.show_trip(index), rx.scroll_to("wheels-map")]),
                ),
                spacing="2",
            ),
            rx.grid(
                _figure("ruler", "Distance", trip.distance),
                _figure("clock", "Driving", trip.duration),
                _figure("fuel", "Fuel est.", trip.fuel),
                columns="3",
                gap="3",
                width="100%",
                max_width="480px",
                pt="1",
            ),
            spacing="3",
            width="100%",
        ),
        size="2",
        width="100%",
    )


def _trip_list() -> rx.Component:
    return rx.cond(
        WheelsState.loaded,
        rx.cond(
            WheelsState.trips.length() > 0,
            rx.vstack(
                rx.hstack(
                    rx.heading("Your trips", size="4"),
                    rx.badge(WheelsState.total_count.to_string(), radius="full", variant="soft", color_scheme="gray"),
                    spacing="2",
                    align="center",
                    pt="2",
                ),
                rx.foreach(WheelsState.trips, _trip_card),
                spacing="3",
                width="100%",
            ),
            rx.card(
                empty_state(
                    "map",
                    "No trips yet",
                    "Type a few places above and we'll work out the distances, driving time and a fuel estimate.",
                    "plan a trip from Sydney to Melbourne",
                ),
                width="100%",
            ),
        ),
        rx.card(loading_block(4), width="100%"),
    )


def trips_panel() -> rx.Component:
    """The Trips tab: the map, the planner, then the trips."""
    return rx.vstack(
        rx.box(_trip_map(), id="wheels-map", width="100%"),
        _planner(),
        _trip_list(),
        spacing="4",
        width="100%",
    )

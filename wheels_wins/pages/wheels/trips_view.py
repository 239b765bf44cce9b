"""Wheels › Trips: the planner, the trip on the map with its legs, stop editor and weather, and the trip cards."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import empty_state, loading_block, section_card
from wheels_wins.components.map import MapStop, trip_map
from wheels_wins.pages.wheels.planner_view import planner_card
from wheels_wins.pages.wheels.trip_sheet import TripSheetState
from wheels_wins.pages.wheels.trips import StopView, TripView, WheelsState
from wheels_wins.pages.wheels.trips_weather import WeatherRow

TRIP_MAP_LABEL = "Map of the trip's stops"


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
    last = WheelsState.map_stops.length() - 1

    def row(stop: MapStop, index: rx.Var[int]) -> rx.Component:
        leg = WheelsState.map_legs[index]
        return rx.vstack(
            rx.cond(
                leg != "",
                rx.hstack(
                    rx.icon("arrow-down", size=12, color=rx.color("gray", 9)),
                    rx.text(leg, size="1", color=rx.color("gray", 11)),
                    spacing="1",
                    align="center",
                    padding_left="6px",
                ),
            ),
            rx.hstack(
                rx.badge(index + 1, radius="full", variant="solid"),
                rx.text(stop.name, size="2", flex="1", min_width="0"),
                rx.icon_button(
                    rx.icon("arrow-up", size=14),
                    variant="ghost",
                    size="2",
                    color_scheme="gray",
                    disabled=index == 0,
                    on_click=WheelsState.move_stop(index, -1),
                    aria_label="Move " + stop.name + " earlier",
                ),
                rx.icon_button(
                    rx.icon("arrow-down", size=14),
                    variant="ghost",
                    size="2",
                    color_scheme="gray",
                    disabled=index == last,
                    on_click=WheelsState.move_stop(index, 1),
                    aria_label="Move " + stop.name + " later",
                ),
                rx.icon_button(
                    rx.icon("x", size=14),
                    variant="ghost",
                    size="2",
                    color_scheme="red",
                    on_click=WheelsState.remove_stop(index),
                    aria_label="Remove " + stop.name,
                ),
                align="center",
                width="100%",
            ),
            spacing="1",
            width="100%",
            class_name="stop-row",
        )

    return rx.vstack(
        rx.foreach(WheelsState.map_stops, row),
        rx.button(
            rx.icon("wand-sparkles", size=14),
            "Optimise order",
            variant="soft",
            size="2",
            on_click=WheelsState.optimise,
            disabled=WheelsState.map_stops.length() < 4,
            title=rx.cond(
                WheelsState.map_stops.length() < 4, "Needs four stops or more: the first and last stay put", ""
            ),
        ),
        spacing="2",
        width="100%",
    )


def _weather_row(row: WeatherRow) -> rx.Component:
    return rx.hstack(
        rx.icon(row.icon, size=18, color=rx.color("amber", 10), flex_shrink="0"),
        rx.box(
            rx.text(row.stop, size="2", weight="medium", as_="div", trim="both"),
            rx.text(row.day, " · ", row.summary, size="1", color=rx.color("gray", 11), as_="div"),
            flex="1",
            min_width="0",
        ),
        rx.text(row.temps, size="2", white_space="nowrap"),
        rx.cond(row.rain != "", rx.badge(rx.icon("droplets", size=12), row.rain, variant="soft", color_scheme="blue")),
        align="center",
        spacing="3",
        width="100%",
        class_name="weather-row",
    )


def _weather() -> rx.Component:
    return rx.cond(
        WheelsState.weather.length() > 0,
        rx.vstack(
            rx.hstack(
                rx.heading("Weather", size="3", weight="medium"),
                rx.text("Forecast from ", WheelsState.weather_source, size="1", color=rx.color("gray", 10)),
                align="baseline",
                justify="between",
                wrap="wrap",
                width="100%",
            ),
            rx.foreach(WheelsState.weather, _weather_row),
            spacing="2",
            width="100%",
            aria_label="Weather at the stops",
            role="group",
        ),
    )


def _trip_map() -> rx.Component:
    return rx.cond(
        WheelsState.map_stops.length() > 0,
        section_card(
            "map",
            "On the map",
            rx.hstack(
                rx.text(WheelsState.map_title, size="3", weight="medium"),
                rx.badge(
                    WheelsState.map_total,
                    " · ",
                    rx.cond(WheelsState.map_estimated, "estimate", "by road"),
                    variant="soft",
                    color_scheme=rx.cond(WheelsState.map_estimated, "gray", "teal"),
                    radius="full",
                    title=rx.cond(WheelsState.map_estimated, "Straight legs × a road factor", "Measured along roads"),
                ),
                align="center",
                wrap="wrap",
                spacing="2",
                margin_bottom="10px",
            ),
            rx.grid(
                trip_map(
                    WheelsState.map_stops,
                    WheelsState.map_route,
                    WheelsState.map_places,
                    route_estimated=WheelsState.map_estimated,
                    label=TRIP_MAP_LABEL,
                ),
                rx.vstack(_stop_editor(), _weather(), spacing="4", width="100%", min_width="0"),
                grid_template_columns=[
                    "minmax(0, 1fr)",
                    "minmax(0, 1fr)",
                    "minmax(0, 1fr)",
                    "minmax(0, 3fr) minmax(0, 2fr)",
                ],
                gap="var(--space-4)",
                align_items="start",
                width="100%",
            ),
        ),
    )


def _trip_card(trip: TripView, index: rx.Var[int]) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.vstack(
                    # A title with a long unbroken word wraps rather than pushing the badge off the card.
                    rx.heading(trip.title, size="4", style={"overflow_wrap": "anywhere"}),
                    rx.text(trip.dates, size="2", color=rx.color("gray", 11)),
                    spacing="1",
                    min_width="0",
                    flex="1",
                ),
                rx.badge(
                    trip.status,
                    color_scheme=rx.match(trip.status, ("Active", "grass"), ("Completed", "gray"), "amber"),
                    radius="full",
                    size="2",
                    flex_shrink="0",
                ),
                justify="between",
                align="start",
                width="100%",
            ),
            rx.flex(rx.foreach(trip.stops, _stop), wrap="wrap", spacing="2", align="center"),
            rx.hstack(
                rx.button(
                    rx.icon("list", size=14),
                    "Details",
                    variant="soft",
                    size="1",
                    on_click=TripSheetState.open_trip(trip.id),
                ),
                rx.cond(
                    WheelsState.shown != index,
                    rx.button(
                        rx.icon("map-pin", size=14),
                        "Show on map",
                        variant="ghost",
                        size="1",
                        on_click=[WheelsState.show_trip(index), rx.scroll_to("wheels-map")],
                    ),
                ),
                spacing="2",
            ),
            rx.grid(
                _figure("ruler", "Distance", trip.distance),
                _figure("clock", "Driving", trip.duration),
                _figure("fuel", "Fuel est.", trip.fuel),
                columns="3",
                spacing="3",
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
                    "Add a few stops above and we'll work out the distances, driving time and a fuel estimate.",
                    "plan a trip from Sydney to Melbourne",
                ),
                width="100%",
            ),
        ),
        rx.card(loading_block(4), width="100%"),
    )


def trips_panel() -> rx.Component:
    """The Trips tab: the planner, the trip on the map, then the trips."""
    return rx.vstack(
        planner_card(),
        rx.box(_trip_map(), id="wheels-map", width="100%"),
        _trip_list(),
        spacing="4",
        width="100%",
    )

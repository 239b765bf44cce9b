"""Wheels: the travelling half — trips on a map, saved places, the vehicle, and the calendar, in tabs."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import page_header
from wheels_wins.components.layout import app_page
from wheels_wins.pages.wheels import trip_sheet_view
from wheels_wins.pages.wheels.calendar import CalendarState
from wheels_wins.pages.wheels.calendar_view import calendar_panel
from wheels_wins.pages.wheels.maintenance import MaintenanceState
from wheels_wins.pages.wheels.maintenance_view import maintenance_panel
from wheels_wins.pages.wheels.places import PlacesState
from wheels_wins.pages.wheels.places_view import places_panel
from wheels_wins.pages.wheels.trips import WheelsState
from wheels_wins.pages.wheels.trips_view import trips_panel
from wheels_wins.pages.wheels.vehicle import VehicleState
from wheels_wins.pages.wheels.vehicle_view import vehicle_panel
from wheels_wins.state.tabs import UrlTabs

__all__ = ["wheels"]

TABS: tuple[str, ...] = ("trips", "places", "vehicle", "calendar")


class WheelsTabState(UrlTabs, rx.State):
    """Which Wheels tab is open; `/wheels?tab=vehicle` opens one directly."""

    TABS: ClassVar[tuple[str, ...]] = TABS
    tab: str = "trips"


@app_page(
    routes.WHEELS,
    "Wheels",
    on_load=[
        WheelsTabState.open_from_url,
        WheelsState.load,
        PlacesState.load,
        VehicleState.load,
        MaintenanceState.load,
        CalendarState.load,
    ],
    refresh_on=("trips", "fuel", "maintenance", "calendar"),
)
def wheels() -> rx.Component:
    """Travel: trips, places, the vehicle and the calendar."""
    return rx.vstack(
        page_header("Wheels", "Plan the road ahead, stop by stop."),
        rx.tabs.root(
            rx.tabs.list(
                rx.tabs.trigger("Trips", value="trips"),
                rx.tabs.trigger("Places", value="places"),
                rx.tabs.trigger("Vehicle", value="vehicle"),
                rx.tabs.trigger("Calendar", value="calendar"),
                size="2",
            ),
            rx.tabs.content(trips_panel(), value="trips", padding_top="16px"),
            rx.tabs.content(places_panel(), value="places", padding_top="16px"),
            rx.tabs.content(
                rx.vstack(vehicle_panel(), maintenance_panel(), spacing="4", width="100%"),
                value="vehicle",
                padding_top="16px",
            ),
            rx.tabs.content(calendar_panel(), value="calendar", padding_top="16px"),
            value=WheelsTabState.tab,
            on_change=WheelsTabState.set_tab,
            width="100%",
        ),
        trip_sheet_view.trip_sheet(),  # via the module: `trip_sheet` is also a submodule name
        spacing="4",
        width="100%",
    )

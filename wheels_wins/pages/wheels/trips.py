"""Wheels › Trips: the user's trips, the one on the map with its legs, stop editor and weather, and saved places.

The planner that makes new trips is `planner.py` (the draft) and `planner_search.py` (its place box).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from collections.abc import Callable
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.format import distance_label, duration_label
from wheels_wins.components.map import MapPlace, MapStop, route_line
from wheels_wins.db import parse_uuid
from wheels_wins.models import Trip, TripWaypoint, User
from wheels_wins.pages.wheels.trips_weather import MAX_STOPS as WEATHER_STOPS
from wheels_wins.pages.wheels.trips_weather import WeatherRow, days_needed, forecast_day, weather_rows
from wheels_wins.repositories import places as place_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import geo, money, weather
from wheels_wins.services import trips as trip_service
from wheels_wins.state.auth import current_user, run_in_session

log = logging.getLogger(__name__)

PAGE_SIZE = 20
MAP_PLACES = 500


@dataclasses.dataclass
class StopView:
    """A stop and how far it is from the one before."""

    name: str
    leg: str


@dataclasses.dataclass
class TripView:
    """One trip card."""

    id: str
    title: str
    status: str
    dates: str
    distance: str
    duration: str
    fuel: str
    stops: list[StopView]


@dataclasses.dataclass
class _Shown:
    """What the map needs of one trip, kept backend-side for every listed trip."""

    stops: list[MapStop]
    line: dict[str, Any] | None
    legs: list[str]
    total: str
    start: dt.date | None


def _dates(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and end != start:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    if start:
        return f"Starts {start:%a} {start.day} {start:%b %Y}"
    return "No date set"


def _legs(points: list[TripWaypoint]) -> list[tuple[float, float] | None]:
    """Each stop's drive from the one before: stored figures, or the estimate where a stop has none."""
    estimate = geo.estimate_route([(p.lat, p.lon) for p in points]).legs if len(points) > 1 else []
    legs: list[tuple[float, float] | None] = [None]
    for i, point in enumerate(points[1:]):
        if point.leg_km is not None and point.leg_hours is not None:
            legs.append((point.leg_km, point.leg_hours))
        else:
            legs.append((estimate[i].distance_km, estimate[i].duration_hours))
    return legs[: len(points)]


def _leg_text(leg: tuple[float, float] | None, units: str) -> str:
    return "" if leg is None else f"{distance_label(leg[0], units)} · {duration_label(leg[1])}"


def _today(user: User) -> dt.date:
    try:
        return dt.datetime.now(ZoneInfo(user.timezone)).date()
    except (ZoneInfoNotFoundError, ValueError):
        return dt.datetime.now(dt.UTC).date()


class WheelsState(rx.State):
    """The trip list, the trip on the map (its legs, stop editor and weather) and the saved places."""

    loaded: bool = False
    trips: rx.Field[list[TripView]] = rx.field(default_factory=list)
    total_count: int = 0

    map_title: str = ""
    map_stops: rx.Field[list[MapStop]] = rx.field(default_factory=list)
    map_route: rx.Field[list[list[float]]] = rx.field(default_factory=list)
    map_legs: rx.Field[list[str]] = rx.field(default_factory=list)
    map_total: str = ""
    map_estimated: bool = True
    map_places: rx.Field[list[MapPlace]] = rx.field(default_factory=list)
    shown: int = 0
    shown_id: str = ""
    weather: rx.Field[list[WeatherRow]] = rx.field(default_factory=list)
    weather_source: str = ""
    _ids: list[str] = []
    _shown: list[_Shown] = []

    @rx.event
    async def load(self):
        """Read the user's trips with their stops, and their saved places for the maps."""
        user = await current_user(self)
        if user is None:
            return

        def read(session: Session) -> tuple[list[Trip], int, dict[Any, list[TripWaypoint]], list[MapPlace]]:
            trips, total = trip_repo.list_page(session, user_id=user.id, limit=PAGE_SIZE)
            stops = trip_repo.waypoints_for(session, user_id=user.id, trip_ids=[t.id for t in trips])
            places, _ = place_repo.list_page(session, user_id=user.id, limit=MAP_PLACES)
            return trips, total, stops, [MapPlace(p.name, p.kind, p.lat, p.lon) for p in places]

        trips, total, stops, places = await run_in_session(read)
        views, shown = [], []
        for trip in trips:
            points = stops.get(trip.id, [])
            legs = _legs(points)
            views.append(
                TripView(
                    id=str(trip.id),
                    title=trip.title,
                    status=trip.status.title(),
                    dates=_dates(trip.start_date, trip.end_date),
                    distance=distance_label(trip.distance_km, user.units),
                    duration=duration_label(trip.duration_hours),
                    fuel=money.format_money(trip.estimated_fuel_cost, user.currency)
                    if trip.estimated_fuel_cost is not None
                    else "—",
                    stops=[
                        StopView(p.name, distance_label(leg[0], user.units) if leg else "")
                        for p, leg in zip(points, legs, strict=True)
                    ],
                )
            )
            shown.append(
                _Shown(
                    stops=[MapStop(p.name, p.lat, p.lon, p.position) for p in points],
                    line=trip.route_geometry,
                    legs=[_leg_text(leg, user.units) for leg in legs],
                    total=f"{distance_label(trip.distance_km, user.units)} · {duration_label(trip.duration_hours)}",
                    start=trip.start_date,
                )
            )
        self.trips, self.total_count, self.map_places = views, total, places
        self._shown = shown
        self._ids = [str(trip.id) for trip in trips]
        self._show_on_map(min(self.shown, max(len(trips) - 1, 0)))
        self.loaded = True
        return WheelsState.fetch_weather

    def _show_on_map(self, index: int) -> None:
        self.shown = index
        chosen = self._shown[index] if index < len(self._shown) else _Shown([], None, [], "", None)
        self.map_stops, self.map_route = chosen.stops, route_line(chosen.stops, chosen.line)
        self.map_estimated, self.map_legs, self.map_total = chosen.line is None, chosen.legs, chosen.total
        self.map_title = self.trips[index].title if index < len(self.trips) else ""
        self.shown_id = self._ids[index] if index < len(self._ids) else ""

    @rx.event
    def show_trip(self, index: int):
        """Put another trip on the map."""
        if 0 <= index < len(self._shown):
            self._show_on_map(index)
            self.weather = []
            return WheelsState.fetch_weather

    @rx.event(background=True)
    async def fetch_weather(self):
        """Forecasts for the first stops of the trip on the map; none when the service is off or down."""
        async with self:
            user = await current_user(self)
            shown_id = self.shown_id
            stops = list(self.map_stops)[:WEATHER_STOPS]
            start = self._shown[self.shown].start if self.shown < len(self._shown) else None
        rows: list[WeatherRow] = []
        if user is not None and stops and weather.is_configured():
            today = _today(user)
            day = forecast_day(start, today)
            days = days_needed(day, today)
            if days:
                found = await weather.forecasts([(s.lat, s.lon) for s in stops], days=days)
                rows = weather_rows([s.name for s in stops], found, day, today, user.units)
        async with self:
            if self.shown_id == shown_id:
                self.weather = rows
                self.weather_source = weather.source_name() if rows else ""

    async def _edit_shown(self, edit: Callable[[Session, User, Trip], Any]) -> Any:
        """Change the trip on the map in one transaction, then ask for road figures and reload."""
        user = await current_user(self)
        trip_id = parse_uuid(self.shown_id)
        if user is None or trip_id is None:
            return None

        def work(session: Session) -> Any:
            trip = trip_repo.get(session, user_id=user.id, trip_id=trip_id)
            return None if trip is None else edit(session, user, trip)

        result = await run_in_session(work)
        await trip_service.refine_route(user_id=user.id, trip_id=trip_id)
        return result

    @rx.event
    async def move_stop(self, position: int, step: int):
        """Move a stop of the trip on the map one place earlier (-1) or later (+1)."""

        def edit(session: Session, user: User, trip: Trip) -> bool:
            stops = trip_service.stops_of(trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))
            target = position + step
            if not (0 <= position < len(stops) and 0 <= target < len(stops)):
                return False
            stops[position], stops[target] = stops[target], stops[position]
            trip_service.set_stops(session, user=user, trip=trip, stops=stops)
            return True

        if await self._edit_shown(edit):
            return WheelsState.load

    @rx.event
    async def remove_stop(self, position: int):
        """Take a stop off the trip on the map (a trip keeps at least two)."""

        def edit(session: Session, user: User, trip: Trip) -> bool:
            stops = trip_service.stops_of(trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))
            if len(stops) <= 2 or not 0 <= position < len(stops):
                return False
            trip_service.set_stops(session, user=user, trip=trip, stops=stops[:position] + stops[position + 1 :])
            return True

        if await self._edit_shown(edit):
            return WheelsState.load
        return rx.toast.info("A trip needs at least two stops.")

    @rx.event
    async def optimise(self):
        """Reorder the middle stops into the shortest drive (first and last stay) and say what it saved."""
        result = await self._edit_shown(
            lambda session, user, trip: (trip_service.optimise_stops(session, user=user, trip=trip), user.units)
        )
        if result is None:
            return
        saved, units = result
        message = (
            f"New order saves about {distance_label(saved, units)}."
            if saved > 0
            else "The stops were already in the shortest order."
        )
        return [WheelsState.load, rx.toast.success(message)]

"""Wheels: the user's trips with their stops and distances, and a planner that takes place names."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re
from collections.abc import Callable
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.format import distance_label, duration_label
from wheels_wins.components.map import MapStop, route_line
from wheels_wins.db import parse_uuid, session_scope
from wheels_wins.models import Trip, User
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import geo, money
from wheels_wins.services import trips as trip_service
from wheels_wins.state.auth import current_user, run_in_session

log = logging.getLogger(__name__)

PAGE_SIZE = 20
MAX_STOPS = 25
MAX_TITLE = 120
_SEPARATORS = re.compile(r"\s*(?:,|;|\n|→|->|\bthen\b)\s*", re.IGNORECASE)


def split_places(text: str) -> list[str]:
    """'Sydney, Canberra -> Melbourne' as ['Sydney', 'Canberra', 'Melbourne']."""
    return [part.strip() for part in _SEPARATORS.split(text) if part and part.strip()]


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


def _dates(start: dt.date | None, end: dt.date | None) -> str:
    if start and end and end != start:
        return f"{start.day} {start:%b} – {end.day} {end:%b %Y}"
    if start:
        return f"Starts {start:%a} {start.day} {start:%b %Y}"
    return "No date set"


class WheelsState(rx.State):
    """The trip list and the trip planner form."""

    loaded: bool = False
    trips: rx.Field[list[TripView]] = rx.field(default_factory=list)
    total_count: int = 0

    map_title: str = ""
    map_stops: rx.Field[list[MapStop]] = rx.field(default_factory=list)
    map_route: rx.Field[list[list[float]]] = rx.field(default_factory=list)
    map_estimated: bool = True
    shown: int = 0
    shown_id: str = ""
    _ids: list[str] = []
    _stops_by_trip: list[list[MapStop]] = []
    _lines_by_trip: list[dict[str, Any] | None] = []

    title: str = ""
    places: str = ""
    start_date: str = ""
    places_error: str = ""
    date_error: str = ""
    form_error: str = ""
    planning: bool = False

    @rx.event
    def set_title(self, value: str):
        """Trip name as typed."""
        self.title = value

    @rx.event
    def set_places(self, value: str):
        """Places as typed."""
        self.places = value
        self.places_error = ""

    @rx.event
    def set_start_date(self, value: str):
        """Start date picked (optional)."""
        self.start_date = value
        self.date_error = ""

    @rx.event
    async def load(self):
        """Read the user's trips with their stops."""
        user = await current_user(self)
        if user is None:
            return
        with session_scope() as session:
            trips, total = trip_repo.list_page(session, user_id=user.id, limit=PAGE_SIZE)
            stops = trip_repo.waypoints_for(session, user_id=user.id, trip_ids=[t.id for t in trips])
        views = []
        for trip in trips:
            points = stops.get(trip.id, [])
            legs = geo.estimate_route([(p.lat, p.lon) for p in points]).legs if len(points) > 1 else []
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
                        StopView(p.name, distance_label(legs[i - 1].distance_km, user.units) if i else "")
                        for i, p in enumerate(points)
                    ],
                )
            )
        self.trips = views
        self.total_count = total
        self._stops_by_trip = [
            [MapStop(p.name, p.lat, p.lon, p.position) for p in stops.get(trip.id, [])] for trip in trips
        ]
        self._lines_by_trip = [trip.route_geometry for trip in trips]
        self._ids = [str(trip.id) for trip in trips]
        self._show_on_map(min(self.shown, max(len(trips) - 1, 0)))
        self.loaded = True

    def _show_on_map(self, index: int) -> None:
        self.shown = index
        chosen = self._stops_by_trip[index] if index < len(self._stops_by_trip) else []
        line = self._lines_by_trip[index] if index < len(self._lines_by_trip) else None
        self.map_stops, self.map_route, self.map_estimated = chosen, route_line(chosen, line), line is None
        self.map_title = self.trips[index].title if index < len(self.trips) else ""
        self.shown_id = self._ids[index] if index < len(self._ids) else ""

    @rx.event
    def show_trip(self, index: int):
        """Put another trip on the map."""
        if 0 <= index < len(self._stops_by_trip):
            self._show_on_map(index)

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
            trip_service.set_stops(session, user=user, trip=trip, stops=stops[:position] + stops[position + 1:])
            return True

        if await self._edit_shown(edit):
            return WheelsState.load
        return rx.toast.info("A trip needs at least two stops.")

    @rx.event
    async def optimise(self):
        """Reorder the middle stops into the shortest drive (first and last stay) and say what it saved."""
        saved = await self._edit_shown(
            lambda session, user, trip: trip_service.optimise_stops(session, user=user, trip=trip)
        )
        if saved is None:
            return
        message = f"New order saves about {saved:,.0f} km." if saved > 0 else "The stops were already in the shortest order."
        return [WheelsState.load, rx.toast.success(message)]

    @rx.event
    async def plan_trip(self):
        """Look the places up and save the trip; an unknown place is named so it can be fixed."""
        names = split_places(self.places)
        self.form_error = ""
        self.places_error = ""
        if len(names) < 2:
            self.places_error = "Add at least two places, separated by commas — like “Sydney, Canberra, Melbourne”."
        elif len(names) > MAX_STOPS:
            self.places_error = f"A trip can have up to {MAX_STOPS} stops."
        start: dt.date | None = None
        self.date_error = ""
        if self.start_date.strip():
            try:
                start = dt.date.fromisoformat(self.start_date.strip())
            except ValueError:
                self.date_error = "Enter a real date, or leave it empty."
        if self.places_error or self.date_error:
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this trip."
            return
        self.planning = True
        yield
        title = self.title.strip()[:MAX_TITLE]
        try:
            trip = await run_in_session(
                lambda session: trip_service.plan_trip(session, user=user, places=names, title=title, start_date=start)
            )
        except trip_service.UnknownPlace as exc:
            self.places_error = f"We couldn't find “{exc.name}”. Check the spelling, or try a nearby larger town."
            self.planning = False
            return
        except Exception:
            log.exception("Planning a trip failed")
            self.form_error = "We couldn't plan that trip just now. Please try again."
            self.planning = False
            return
        await trip_service.refine_route(user_id=user.id, trip_id=trip.id)  # road figures when a router answers
        self.title = ""
        self.places = ""
        self.start_date = ""
        self.planning = False
        yield WheelsState.load
        yield rx.toast.success(f"Planned “{trip.title}”.")

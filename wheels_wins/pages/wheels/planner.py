"""Wheels › Trips planner: a draft trip built stop by stop, kept in the browser until it is planned.

Where the draft lives: in the browser's local storage (`DRAFT_KEY`), as JSON tagged with the user's
id. It survives a dropped websocket, a server restart and a page reload without a table or a
migration, and it is nobody else's business until "Plan trip" saves it through `trip_service`.
The JSON comes back from the browser, so it is validated like any other input; a draft tagged
with another user's id (a shared browser) is ignored, and signing out resets it.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import logging
import math
from typing import Any

import reflex as rx

from wheels_wins.components.format import distance_label, duration_label
from wheels_wins.components.map import MapStop
from wheels_wins.models import User
from wheels_wins.pages.wheels.trips import WheelsState
from wheels_wins.services import geo
from wheels_wins.services import trips as trip_service
from wheels_wins.state.auth import current_user, run_in_session

log = logging.getLogger(__name__)

DRAFT_KEY = "ww_trip_draft"
MAX_STOPS = 25
MAX_TITLE = 120
MAX_NAME = 160


@dataclasses.dataclass
class DraftStop:
    """A stop of the draft: `name` becomes the trip stop's name; `label` tells namesakes apart."""

    name: str
    label: str
    lat: float
    lon: float


def pin_name(lat: float, lon: float) -> str:
    """'Pin 34.751° S, 149.720° E' for a point picked on the map (three decimals: about 100 m)."""
    return f"Pin {abs(lat):.3f}° {'S' if lat < 0 else 'N'}, {abs(lon):.3f}° {'W' if lon < 0 else 'E'}"


def parse_draft(raw: str, owner: str) -> tuple[list[DraftStop], str, str]:
    """(stops, title, start date) from the stored JSON; empty when it is missing, malformed or someone else's."""
    try:
        data = json.loads(raw) if raw else {}
    except ValueError:
        return [], "", ""
    if not isinstance(data, dict) or not owner or data.get("user") != owner:
        return [], "", ""
    stops = []
    for item in data.get("stops", [])[:MAX_STOPS] if isinstance(data.get("stops"), list) else []:
        stop = _stop_from(item)
        if stop is not None:
            stops.append(stop)
    title = data.get("title") if isinstance(data.get("title"), str) else ""
    start = data.get("start") if isinstance(data.get("start"), str) else ""
    return stops, title[:MAX_TITLE], start[:10]


def _stop_from(item: Any) -> DraftStop | None:
    if not isinstance(item, dict):
        return None
    name, label, lat, lon = item.get("name"), item.get("label"), item.get("lat"), item.get("lon")
    if not isinstance(name, str) or not name.strip() or not all(isinstance(v, (int, float)) for v in (lat, lon)):
        return None
    if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
        return None
    label = label if isinstance(label, str) and label.strip() else name
    return DraftStop(name.strip()[:MAX_NAME], label.strip()[:240], float(lat), float(lon))


class PlannerState(rx.State):
    """The draft trip: its stops in order, an optional name and start date, and "pick on the map" mode."""

    draft_json: str = rx.LocalStorage("", name=DRAFT_KEY)
    stops: rx.Field[list[DraftStop]] = rx.field(default_factory=list)
    title: str = ""
    start_date: str = ""
    units: str = "metric"
    picking: bool = False
    notice: str = ""
    date_error: str = ""
    form_error: str = ""
    planning: bool = False
    _owner: str = ""

    @rx.var
    def map_stops(self) -> list[MapStop]:
        """The draft's stops for the map, numbered from 1."""
        return [MapStop(s.name, s.lat, s.lon, i) for i, s in enumerate(self.stops)]

    @rx.var
    def route(self) -> list[list[float]]:
        """Straight legs between the draft's stops (drawn dashed: an estimate)."""
        return [[s.lat, s.lon] for s in self.stops]

    @rx.var
    def legs(self) -> list[str]:
        """For each stop, the estimated drive from the one before ('' for the first)."""
        estimate = geo.estimate_route([(s.lat, s.lon) for s in self.stops])
        return [""] + [
            f"{distance_label(leg.distance_km, self.units)} · {duration_label(leg.duration_hours)}"
            for leg in estimate.legs
        ]

    @rx.var
    def total(self) -> str:
        """'880 km · 11 h' for the whole draft, or '' with fewer than two stops."""
        if len(self.stops) < 2:
            return ""
        estimate = geo.estimate_route([(s.lat, s.lon) for s in self.stops])
        return f"{distance_label(estimate.distance_km, self.units)} · {duration_label(estimate.duration_hours)}"

    async def _user(self) -> User | None:
        """The acting user; a draft stored for anyone else is dropped from view."""
        user = await current_user(self)
        if user is not None and str(user.id) != self._owner:
            self._owner = str(user.id)
            self.stops, self.title, self.start_date = parse_draft(self.draft_json, self._owner)
        if user is not None:
            self.units = user.units
        return user

    def _save(self) -> None:
        self.draft_json = (
            json.dumps(
                {
                    "user": self._owner,
                    "stops": [dataclasses.asdict(s) for s in self.stops],
                    "title": self.title,
                    "start": self.start_date,
                },
                separators=(",", ":"),
            )
            if self.stops or self.title or self.start_date
            else ""
        )

    def _add(self, stops: list[DraftStop]) -> int:
        """Append stops (up to MAX_STOPS in all) and keep the draft; returns how many were added."""
        room = max(0, MAX_STOPS - len(self.stops))
        self.stops = [*self.stops, *stops[:room]]
        self.form_error = ""
        self._save()
        return min(room, len(stops))

    @rx.event
    async def restore(self):
        """Show the draft kept in this browser (the planner mounts: page load, reconnect, tab switch)."""
        user = await self._user()
        if user is not None:
            self.stops, self.title, self.start_date = parse_draft(self.draft_json, self._owner)

    @rx.event
    async def set_title(self, value: str):
        """Trip name as typed (optional)."""
        if await self._user() is not None:
            self.title = value[:MAX_TITLE]
            self._save()

    @rx.event
    async def set_start_date(self, value: str):
        """Start date picked (optional)."""
        if await self._user() is not None:
            self.start_date = value[:10]
            self.date_error = ""
            self._save()

    @rx.event
    async def move(self, index: int, step: int):
        """Move a draft stop one place earlier (-1) or later (+1)."""
        target = index + step
        if await self._user() is not None and 0 <= index < len(self.stops) and 0 <= target < len(self.stops):
            stops = list(self.stops)
            stops[index], stops[target] = stops[target], stops[index]
            self.stops = stops
            self._save()

    @rx.event
    async def remove(self, index: int):
        """Take a stop off the draft."""
        if await self._user() is not None and 0 <= index < len(self.stops):
            self.stops = self.stops[:index] + self.stops[index + 1 :]
            self._save()

    @rx.event
    async def clear(self):
        """Start again with an empty draft."""
        if await self._user() is not None:
            self.stops, self.title, self.start_date = [], "", ""
            self.notice = self.form_error = self.date_error = ""
            self.picking = False
            self._save()

    @rx.event
    async def set_picking(self, on: bool):
        """Turn "pick a point on the map" on or off."""
        if await self._user() is not None:
            self.picking = on

    @rx.event
    async def add_pin(self, lat: float, lon: float):
        """A click on the draft map: in pick mode, a stop at that point."""
        if not self.picking or await self._user() is None:
            return
        if not (math.isfinite(lat) and math.isfinite(lon) and abs(lat) <= 90 and abs(lon) <= 180):
            return
        name = pin_name(lat, lon)
        self.picking = False
        if not self._add([DraftStop(name, name, round(lat, 5), round(lon, 5))]):
            return rx.toast.info(f"A trip can have up to {MAX_STOPS} stops.")
        self.notice = f"Dropped a pin as stop {len(self.stops)}."

    @rx.event
    async def optimise(self):
        """Reorder the middle stops into the shortest drive (first and last stay)."""
        if await self._user() is None or len(self.stops) < 4:
            return
        points = [(s.lat, s.lon) for s in self.stops]
        order = geo.optimise_order(points)
        saved = geo.route_length_km(points, range(len(points))) - geo.route_length_km(points, order)
        if saved <= 0:
            return rx.toast.info("The stops are already in the shortest order.")
        self.stops = [self.stops[i] for i in order]
        self._save()
        return rx.toast.success(f"New order saves about {distance_label(saved, self.units)}.")

    @rx.event
    async def plan(self):
        """Save the draft as a trip (then ask for road figures) and show it."""
        self.form_error = self.date_error = ""
        user = await self._user()
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this trip."
            return
        if len(self.stops) < 2:
            self.form_error = "Add at least two stops: where you start and where you're headed."
            return
        start: dt.date | None = None
        if self.start_date.strip():
            try:
                start = dt.date.fromisoformat(self.start_date.strip())
            except ValueError:
                self.date_error = "Enter a real date, or leave it empty."
                return
        self.planning = True
        yield
        stops = [trip_service.Stop(s.name, s.lat, s.lon) for s in self.stops]
        title = self.title.strip()[:MAX_TITLE]
        try:
            trip = await run_in_session(
                lambda session: trip_service.plan_trip(session, user=user, places=stops, title=title, start_date=start)
            )
        except Exception:
            log.exception("Planning a trip failed")
            self.form_error = "We couldn't save that trip just now. Your stops are kept — please try again."
            self.planning = False
            return
        await trip_service.refine_route(user_id=user.id, trip_id=trip.id)  # road figures when a router answers
        self.stops, self.title, self.start_date = [], "", ""
        self.notice, self.picking, self.planning = "", False, False
        self._save()
        wheels = await self.get_state(WheelsState)
        wheels.shown = 0  # the newest trip comes first
        yield WheelsState.load
        yield rx.toast.success(f"Planned “{trip.title}”.")

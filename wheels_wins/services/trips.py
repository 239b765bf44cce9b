"""Trip planning: geocode stops offline, estimate distance, duration and fuel cost."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from wheels_wins.db import to_money
from wheels_wins.models import Trip, TripWaypoint, User
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.services import gazetteer, geo

DEFAULT_PRICE_PER_LITRE = Decimal("1.95")
DEFAULT_CONSUMPTION_L_PER_100KM = 14.0
TRIP_STATUSES = ("planning", "active", "completed")


class UnknownPlace(ValueError):
    """A stop the gazetteer cannot find."""

    def __init__(self, name: str) -> None:
        super().__init__(f"Unknown place: {name}")
        self.name = name


@dataclass(frozen=True)
class Stop:
    """A resolved stop."""

    name: str
    lat: float
    lon: float


def resolve_stop(spec: str | dict[str, Any]) -> Stop:
    """A stop from a place name, or from a dict with a name and optional lat/lon."""
    if isinstance(spec, dict):
        name = str(spec.get("name") or "").strip()
        if spec.get("lat") is not None and spec.get("lon") is not None:
            return Stop(name or f"{spec['lat']:.4f}, {spec['lon']:.4f}", float(spec["lat"]), float(spec["lon"]))
    else:
        name = spec.strip()
    place = gazetteer.geocode(name) if name else None
    if place is None:
        raise UnknownPlace(name)
    return Stop(place.name, place.lat, place.lon)


def fuel_cost_estimate(session: Session, *, user_id: uuid.UUID, distance_km: float) -> Decimal:
    """Fuel cost for a distance from the vehicle's consumption and the user's recent price per litre."""
    vehicle = vehicle_repo.primary(session, user_id=user_id)
    consumption = vehicle.consumption_l_per_100km if vehicle else DEFAULT_CONSUMPTION_L_PER_100KM
    price = fuel_repo.recent_price_per_litre(session, user_id=user_id) or DEFAULT_PRICE_PER_LITRE
    litres = Decimal(str(distance_km)) * Decimal(str(consumption)) / Decimal(100)
    return to_money(litres * price)


def _apply_estimates(session: Session, *, user_id: uuid.UUID, trip: Trip, stops: Sequence[Stop]) -> None:
    if len(stops) < 2:
        trip.distance_km, trip.duration_hours, trip.estimated_fuel_cost = 0.0, 0.0, to_money(0)
    else:
        route = geo.estimate_route([(s.lat, s.lon) for s in stops])
        trip.distance_km = round(route.distance_km, 1)
        trip.duration_hours = round(route.duration_hours, 1)
        trip.estimated_fuel_cost = fuel_cost_estimate(session, user_id=user_id, distance_km=route.distance_km)
    trip.distance_source = "estimate"


def default_title(stops: Sequence[Stop]) -> str:
    """'Sydney to Melbourne' from the first and last stop."""
    if not stops:
        return "New trip"
    return stops[0].name if len(stops) == 1 else f"{stops[0].name} to {stops[-1].name}"


def plan_trip(
    session: Session,
    *,
    user: User,
    places: Sequence[str | dict[str, Any]],
    title: str | None = None,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    status: str = "planning",
) -> Trip:
    """Create a trip from place names (or named coordinates); raises UnknownPlace naming the first unknown stop."""
    stops = [resolve_stop(spec) for spec in places]
    trip = trip_repo.create(
        session, user_id=user.id, title=(title or "").strip() or default_title(stops), status=status,
        start_date=start_date, end_date=end_date,
    )
    return set_stops(session, user=user, trip=trip, stops=stops)


def set_stops(session: Session, *, user: User, trip: Trip, stops: Sequence[Stop]) -> Trip:
    """Replace a trip's stops and refresh its estimates."""
    trip_repo.replace_waypoints(session, user_id=user.id, trip_id=trip.id, stops=[(s.name, s.lat, s.lon) for s in stops])
    _apply_estimates(session, user_id=user.id, trip=trip, stops=stops)
    session.add(trip)
    session.flush()
    return trip


def stops_of(waypoints: Sequence[TripWaypoint]) -> list[Stop]:
    """Stops from stored waypoints."""
    return [Stop(w.name, w.lat, w.lon) for w in waypoints]

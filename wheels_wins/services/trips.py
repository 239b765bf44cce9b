"""Trip planning: geocode stops, estimate distance, duration and fuel cost, then refine them by road.

Everything that writes is synchronous and takes the caller's session, so REST routes, Reflex
states and PAM tools (in worker threads) share it. Saving stops always stores the offline
estimate (`distance_source="estimate"`); async callers then `await refine_route(...)`, which
asks the router with no transaction open and, if it answers, stores the routed figures
(`"routed"`, with the line) in a second short transaction, unless the stops changed meanwhile.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import re
import unicodedata
import uuid
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlalchemy.exc import OperationalError
from sqlmodel import Session

from wheels_wins.db import session_scope, to_money
from wheels_wins.models import Trip, TripWaypoint, User
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import fuel_economy, gazetteer, geo, geocoding, routing
from wheels_wins.settings import Settings, get_settings

TITLE_MAX_LENGTH = 120  # the trips.title column

log = logging.getLogger(__name__)

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


StopSpec = str | dict[str, Any] | Stop


def resolve_stop(spec: StopSpec) -> Stop:
    """A stop from a place name (offline gazetteer), a dict with a name and optional lat/lon, or a Stop."""
    if isinstance(spec, Stop):
        return spec
    if isinstance(spec, dict):
        name = str(spec.get("name") or "").strip()
        if spec.get("lat") is not None and spec.get("lon") is not None:
            return Stop(name or f"{spec['lat']:.4f}, {spec['lon']:.4f}", float(spec["lat"]), float(spec["lon"]))
    else:
        name = spec.strip()
    place = gazetteer.geocode(name) if name else None
    if place is None:
        raise UnknownPlace(name)
    return Stop(named_as_asked(name, place.name), place.lat, place.lon)


def _folded(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c)).casefold()


def named_as_asked(asked: str, found: str) -> str:
    """A stop's name as the traveller spells it when it is the found place's name without its accents ("Montreal",
    "Zurich" in English), else the found name ("Alice Springs" for "alice", "Uluru" for "Ayers Rock")."""
    if asked and not found.isascii() and asked.isascii() and _folded(asked) == _folded(found):
        return asked.title() if asked == asked.lower() else asked
    if asked and _short_forms(_folded(asked)) == _short_forms(_folded(found)):  # "St Davids" for "Saint Davids"
        return asked.title() if asked == asked.lower() else asked
    return found


_SHORT_FORMS = (("saint", "st"), ("sainte", "ste"), ("mount", "mt"), ("fort", "ft"), ("port", "pt"))


def _short_forms(name: str) -> str:
    """A folded name with its words' short forms ("saint davids" → "st davids"), to compare two spellings."""
    words = re.sub(r"[.'’]", "", name).split()
    short = dict(_SHORT_FORMS)
    return " ".join(short.get(w, w) for w in words)


def resolve_route(specs: Sequence[StopSpec]) -> list[Stop]:
    """Stops for a road trip, as `resolve_stop` reads them, except that names with namesakes abroad resolve in the
    country most of the route's names share ("Seattle to Portland" stays in Oregon, "Picton to Christchurch" is
    New Zealand's Picton); on a tie, the country of the first named stop."""
    named = {i: spec.strip() for i, spec in enumerate(specs) if isinstance(spec, str)}
    choices = {i: gazetteer.candidates(name, limit=8) if name else [] for i, name in named.items()}
    for i, name in named.items():
        if not choices[i]:
            raise UnknownPlace(name)
    country = _shared_country([choices[i] for i in sorted(choices)])
    stops: list[Stop] = []
    for i, spec in enumerate(specs):
        if i not in named:
            stops.append(resolve_stop(spec))
            continue
        place = next((p for p in choices[i] if p.country_code == country), choices[i][0])
        stops.append(Stop(named_as_asked(named[i], place.name), place.lat, place.lon))
    for i, name in named.items():  # "Hobart, Swansea, St Helens": the Swansea beside its neighbours, not NSW's
        options = choices[i]  # "Bayonne to Bilbao": France's Bayonne, not New Jersey's, whatever the route's country
        beside = [stops[j] for j in (i - 1, i + 1) if 0 <= j < len(stops)]
        if len(options) < 2 or not beside:
            continue
        nearest = min(options, key=lambda p, beside=beside: _away(p.lat, p.lon, beside))
        far = _FAR_FROM_NEIGHBOURS_KM if len(beside) == 2 else _FAR_FROM_ONE_NEIGHBOUR_KM  # an end has less to go on
        if _away(nearest.lat, nearest.lon, beside) < _NEAR_NEIGHBOUR_KM and _away(stops[i].lat, stops[i].lon, beside) > far:
            stops[i] = Stop(named_as_asked(name, nearest.name), nearest.lat, nearest.lon)
    return stops


def _away(lat: float, lon: float, stops: Sequence[Stop]) -> float:
    """How far (km) a point is from the nearest of the stops."""
    return min(geo.haversine_km((lat, lon), (s.lat, s.lon)) for s in stops)


# A stop more than this far from both of its neighbours, when a namesake lies this near one, is the namesake.
_FAR_FROM_NEIGHBOURS_KM, _FAR_FROM_ONE_NEIGHBOUR_KM, _NEAR_NEIGHBOUR_KM = 500.0, 1500.0, 250.0


# A namesake counts towards a country only if it is not a hamlet beside the famous one: London, Ohio does not make
# "London to Paris" American.
_NAMESAKE_SHARE = 0.05


def _countries(places: list[gazetteer.Place]) -> set[str]:
    largest = max((p.population or 0) for p in places)
    return {p.country_code for p in places if (p.population or 0) >= _NAMESAKE_SHARE * largest}


def _shared_country(choices: list[list[gazetteer.Place]]) -> str | None:
    """The country the most names have a sizeable place in; on a tie, that of the first name's best place."""
    if not choices:
        return None
    first = choices[0][0].country_code
    if all(any(p.country_code == first for p in places) for places in choices):
        return first  # "Hobart, Swansea, St Helens": every name is a place in the first one's country
    counts = Counter(code for places in choices for code in _countries(places))
    return max(counts, key=lambda code: (counts[code], code == first))


def resolve_near(name: str, stops: Sequence[Stop]) -> Stop:
    """A stop added to a route: of the namesakes of `name`, the one nearest the route's stops
    ("add Queenstown" to a New Zealand trip is Otago's, not South Australia's)."""
    found = gazetteer.candidates(name.strip()) if name.strip() else []
    if not found:
        raise UnknownPlace(name)
    if stops:
        found.sort(key=lambda p: min(geo.haversine_km((p.lat, p.lon), (s.lat, s.lon)) for s in stops))
    return Stop(named_as_asked(name.strip(), found[0].name), found[0].lat, found[0].lon)


def cheapest_insertion(stops: Sequence[Stop], new: Stop) -> int:
    """The index at which `new` lengthens the route least, keeping the start first and the destination last."""
    if len(stops) < 2:
        return len(stops)

    def detour(index: int) -> float:
        a, b = stops[index - 1], stops[index]
        return (
            geo.haversine_km((a.lat, a.lon), (new.lat, new.lon))
            + geo.haversine_km((new.lat, new.lon), (b.lat, b.lon))
            - geo.haversine_km((a.lat, a.lon), (b.lat, b.lon))
        )

    return min(range(1, len(stops)), key=detour)


async def resolve_stops(specs: Sequence[StopSpec], *, settings: Settings | None = None) -> list[Stop]:
    """Like `resolve_stop` for each spec, asking the online geocoder first for names when one is configured.

    Names are looked up one after another (Nominatim's public instance allows one request a second);
    raises UnknownPlace naming the first stop neither the geocoder nor the gazetteer knows.
    """
    settings = settings or get_settings()
    if not settings.geocoder_url:  # offline: the gazetteer reads the names together, each beside its neighbours
        return await asyncio.to_thread(resolve_route, [_name_or_stop(spec) for spec in specs])
    stops = []
    for spec in specs:
        if isinstance(spec, Stop) or (isinstance(spec, dict) and None not in (spec.get("lat"), spec.get("lon"))):
            stops.append(resolve_stop(spec))
            continue
        name = (spec if isinstance(spec, str) else str(spec.get("name") or "")).strip()
        found = await geocoding.geocode(name, settings=settings) if name else None
        if found is None:
            raise UnknownPlace(name)
        stops.append(Stop(named_as_asked(name, found.name), found.lat, found.lon))
    return stops


def _name_or_stop(spec: StopSpec) -> StopSpec:
    """A spec as `resolve_route` takes it: a name alone as the name, anything with coordinates as it is."""
    if isinstance(spec, dict) and None in (spec.get("lat"), spec.get("lon")):
        return str(spec.get("name") or "").strip()
    return spec


def fuel_cost_estimate(session: Session, *, user_id: uuid.UUID, distance_km: float) -> Decimal:
    """Fuel cost for a distance from the vehicle's consumption and the user's recent price per litre."""
    return fuel_economy.fuel_cost(fuel_economy.estimate_basis(session, user_id=user_id), distance_km)


def _apply_route(
    session: Session,
    *,
    user_id: uuid.UUID,
    trip: Trip,
    stops: Sequence[Stop],
    route: routing.RoutedRoute | None = None,
) -> None:
    """Store distance, duration, fuel cost and per-leg figures: routed when `route` fits the stops, else estimated."""
    legs: list[tuple[float, float] | None] = [None] * len(stops)
    trip.route_geometry = None
    trip.distance_source = "estimate"
    if len(stops) < 2:
        trip.distance_km, trip.duration_hours, trip.estimated_fuel_cost = 0.0, 0.0, to_money(0)
    else:
        figures: geo.RouteEstimate | routing.RoutedRoute = geo.estimate_route([(s.lat, s.lon) for s in stops])
        if route is not None and len(route.legs) == len(stops) - 1:
            figures = route
            trip.distance_source = "routed"
            trip.route_geometry = route.geojson()
        trip.distance_km = round(figures.distance_km, 1)
        trip.duration_hours = round(figures.duration_hours, 1)
        trip.estimated_fuel_cost = fuel_cost_estimate(session, user_id=user_id, distance_km=figures.distance_km)
        legs[1:] = [(round(leg.distance_km, 1), round(leg.duration_hours, 2)) for leg in figures.legs]
    trip_repo.set_legs(session, user_id=user_id, trip_id=trip.id, legs=legs)


def _clip(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def default_title(stops: Sequence[Stop]) -> str:
    """'Sydney to Melbourne' from the first and last stop, shortened to fit a trip's title."""
    if not stops:
        return "New trip"
    names = [stops[0].name] if len(stops) == 1 else [stops[0].name, stops[-1].name]
    # A stop's name may be longer than a title may be (160 vs 120): clip each name to its share.
    room = (TITLE_MAX_LENGTH - len(" to ") * (len(names) - 1)) // len(names)
    return " to ".join(_clip(name, room) for name in names)


def plan_trip(
    session: Session,
    *,
    user: User,
    places: Sequence[StopSpec],
    title: str | None = None,
    start_date: dt.date | None = None,
    end_date: dt.date | None = None,
    status: str = "planning",
) -> Trip:
    """Create a trip from place names (or named coordinates, or resolved Stops) with offline estimates.

    Raises UnknownPlace naming the first unknown stop. Async callers then `await refine_route(...)`.
    """
    stops = resolve_route(places)
    trip = trip_repo.create(
        session,
        user_id=user.id,
        title=(title or "").strip() or default_title(stops),
        status=status,
        start_date=start_date,
        end_date=end_date,
    )
    return set_stops(session, user=user, trip=trip, stops=stops)


def kept_fields(trip: Trip) -> dict[str, Any]:
    """A trip's own fields as JSON, kept so that a deleted trip can be made again (`remake_trip`)."""
    return {"id": str(trip.id), "title": trip.title, "status": trip.status, "notes": trip.notes,
            "start_date": trip.start_date.isoformat() if trip.start_date else None,
            "end_date": trip.end_date.isoformat() if trip.end_date else None,
            "budget": str(trip.budget) if trip.budget is not None else None}


def remake_trip(session: Session, *, user: User, fields: dict[str, Any]) -> Trip:
    """Make a deleted trip again, under its old id, from `kept_fields` plus its "stops"."""
    trip = trip_repo.create(
        session, user_id=user.id, id=uuid.UUID(fields["id"]), title=fields["title"], status=fields["status"],
        notes=fields["notes"], budget=Decimal(fields["budget"]) if fields["budget"] is not None else None,
        start_date=dt.date.fromisoformat(fields["start_date"]) if fields["start_date"] else None,
        end_date=dt.date.fromisoformat(fields["end_date"]) if fields["end_date"] else None,
    )
    for expense_id in fields.get("expense_ids") or []:  # the expenses that were on the trip are on it again
        expense_repo.update(session, user_id=user.id, expense_id=uuid.UUID(expense_id), changes={"trip_id": trip.id})
    return set_stops(session, user=user, trip=trip, stops=[Stop(s["name"], s["lat"], s["lon"]) for s in fields["stops"]])


def set_stops(session: Session, *, user: User, trip: Trip, stops: Sequence[Stop]) -> Trip:
    """Replace a trip's stops and refresh its figures with the offline estimate (see `refine_route`)."""
    # Trip row first, then its waypoints: the order refine_route locks in too, so the two never deadlock.
    trip_repo.get_for_update(session, user_id=user.id, trip_id=trip.id)
    trip_repo.replace_waypoints(
        session, user_id=user.id, trip_id=trip.id, stops=[(s.name, s.lat, s.lon) for s in stops]
    )
    _apply_route(session, user_id=user.id, trip=trip, stops=stops)
    session.add(trip)
    session.flush()
    return trip


def optimise_stops(session: Session, *, user: User, trip: Trip) -> float:
    """Reorder the trip's middle stops into a shorter drive, first and last fixed; returns the road km saved.

    The saving is measured as the optimiser measures it (great circle x road factor, like the offline
    estimate), whatever the source of the trip's figures. Nothing changes when the order is already best.
    """
    stops = stops_of(trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))
    points = [(s.lat, s.lon) for s in stops]
    order = geo.optimise_order(points)
    if order == list(range(len(stops))):
        return 0.0
    saved = geo.route_length_km(points, range(len(stops))) - geo.route_length_km(points, order)
    set_stops(session, user=user, trip=trip, stops=[stops[i] for i in order])
    return round(saved, 1)


async def refine_route(*, user_id: uuid.UUID, trip_id: uuid.UUID, settings: Settings | None = None) -> bool:
    """Replace a trip's offline estimate with road figures when the router answers; True if it did.

    Await it after the stops were saved and committed (REST routes, Reflex handlers, after a PAM turn
    that changed trips). No transaction is open while the router is asked; the result is written only
    if the stops are still the ones routed. A trip that is already routed, or has fewer than two stops,
    is left alone; without ROUTING_URL this returns False at once.
    """
    if not routing.is_configured(settings):
        return False
    stops = await asyncio.to_thread(_stops_to_route, user_id, trip_id)
    if not stops:
        return False
    route = await routing.fetch_route([(s.lat, s.lon) for s in stops], settings=settings)
    if route is None:
        return False
    try:
        return await asyncio.to_thread(_save_route, user_id, trip_id, stops, route)
    except OperationalError as exc:
        # A writer got there first (SQLite's snapshot conflict, a PostgreSQL lock timeout): keep the estimate.
        log.warning("Routed figures for trip %s not saved: %s", trip_id, exc.__class__.__name__)
        return False


def _stops_to_route(user_id: uuid.UUID, trip_id: uuid.UUID) -> list[Stop] | None:
    with session_scope() as session:
        trip = trip_repo.get(session, user_id=user_id, trip_id=trip_id)
        if trip is None or trip.distance_source == "routed":
            return None
        stops = stops_of(trip_repo.waypoints(session, user_id=user_id, trip_id=trip_id))
        return stops if len(stops) >= 2 else None


def _save_route(user_id: uuid.UUID, trip_id: uuid.UUID, stops: list[Stop], route: routing.RoutedRoute) -> bool:
    with session_scope() as session:
        # The row lock makes a concurrent set_stops either finish first (and we see its stops) or wait for us.
        trip = trip_repo.get_for_update(session, user_id=user_id, trip_id=trip_id)
        if trip is None or stops_of(trip_repo.waypoints(session, user_id=user_id, trip_id=trip_id)) != stops:
            return False
        _apply_route(session, user_id=user_id, trip=trip, stops=stops, route=route)
        session.add(trip)
        return True


def stops_of(waypoints: Sequence[TripWaypoint]) -> list[Stop]:
    """Stops from stored waypoints."""
    return [Stop(w.name, w.lat, w.lon) for w in waypoints]

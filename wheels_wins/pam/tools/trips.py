"""Trip tools: plan from place names, change stops, list."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict
from typing import Annotated, Any

from pydantic import Field

from wheels_wins.db import parse_uuid
from wheels_wins.models import Trip
from wheels_wins.pam.tools.common import holds_words, money_text
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import gazetteer, geo
from wheels_wins.services import trips as trip_service
from wheels_wins.services.units import format_distance

PlaceList = Annotated[list[Annotated[str, Field(min_length=1, max_length=120)]], Field(min_length=1, max_length=25)]


def trip_data(ctx: ToolContext, trip: Trip) -> dict[str, Any]:
    """The JSON view of a trip with its stops."""
    stops = trip_repo.waypoints(ctx.session, user_id=ctx.user_id, trip_id=trip.id)
    return {
        "id": str(trip.id), "title": trip.title, "status": trip.status,
        "waypoints": [{"name": w.name, "lat": w.lat, "lon": w.lon, "position": w.position} for w in stops],
        "distance_km": trip.distance_km, "duration_hours": trip.duration_hours,
        "estimated_fuel_cost": f"{trip.estimated_fuel_cost:.2f}" if trip.estimated_fuel_cost is not None else None,
        "distance_source": trip.distance_source,
    }


def _describe(ctx: ToolContext, trip: Trip, data: dict[str, Any]) -> str:
    names = " → ".join(w["name"] for w in data["waypoints"])
    cost = money_text(trip.estimated_fuel_cost, ctx.user.currency)
    distance = format_distance(trip.distance_km, ctx.user.units)
    return f"{names}: about {distance}, {trip.duration_hours:.1f} h driving, fuel ≈ {cost}"


_TRIPS_LOOKED_AT = 50


def _unknown_place(error: trip_service.UnknownPlace) -> ToolResult:
    return ToolResult.fail(f"I couldn't find '{error.name}' on the map. Could you give a nearby town or add the state?")


def _owned_trip(ctx: ToolContext, trip_id: str | None) -> Trip | None:
    if trip_id:
        record_id = parse_uuid(trip_id)
        return trip_repo.get(ctx.session, user_id=ctx.user_id, trip_id=record_id) if record_id else None
    return trip_repo.active(ctx.session, user_id=ctx.user_id)


def _trip_named(ctx: ToolContext, words: str) -> Trip | None:
    """The user's most recent trip whose title or stops hold every one of the words ("esperance", "the big lap")."""
    wanted = [w for w in words.lower().split() if w not in ("the", "my", "our", "a")]
    trips, _ = trip_repo.list_page(ctx.session, user_id=ctx.user_id, limit=_TRIPS_LOOKED_AT)
    for trip in trips:
        stops = " ".join(s.name for s in _stops(ctx, trip))
        if holds_words(f"{trip.title} {stops}", wanted):
            return trip
    return None


@tool(mutates=True)
def plan_trip(ctx: ToolContext, places: PlaceList, title: str | None = None, start_date: dt.date | None = None) -> ToolResult:
    """Plan a trip through places in order, e.g. ["Sydney", "Canberra", "Melbourne"] (start, stops, end)."""
    if len(places) < 2:
        return ToolResult.fail("A trip needs at least a start and a destination.")
    try:
        trip = trip_service.plan_trip(ctx.session, user=ctx.user, places=places, title=title, start_date=start_date)
    except trip_service.UnknownPlace as error:
        return _unknown_place(error)
    data = trip_data(ctx, trip)
    return ToolResult(
        True, f"Planned {_describe(ctx, trip, data)}", data,
        undo={"op": "delete", "kind": "trip", "id": str(trip.id)},
        ui_actions=[{"type": "show_trip", "trip_id": str(trip.id)}], changed=("trips",),
    )


@tool()
def route_distance(ctx: ToolContext, places: PlaceList) -> ToolResult:
    """How far and how long by road through places in order ("how far is Darwin to Katherine?"), and the fuel it
    would take, without saving a trip."""
    if len(places) < 2:
        return ToolResult.fail("Between which two places?")
    try:
        stops = trip_service.resolve_route(places)
    except trip_service.UnknownPlace as error:
        return _unknown_place(error)
    route = geo.estimate_route([(stop.lat, stop.lon) for stop in stops])
    cost = trip_service.fuel_cost_estimate(ctx.session, user_id=ctx.user_id, distance_km=route.distance_km)
    names = " → ".join(stop.name for stop in stops)
    text = (f"{names}: about {format_distance(route.distance_km, ctx.user.units)} by road, "
            f"{route.duration_hours:.1f} h driving, fuel ≈ {money_text(cost, ctx.user.currency)}. "
            "Say “plan it” if you'd like it saved as a trip")
    return ToolResult(True, text, {"places": [stop.name for stop in stops], "distance_km": round(route.distance_km, 1),
                                   "duration_hours": round(route.duration_hours, 1), "estimated_fuel_cost": f"{cost:.2f}"})


def _change_stops(ctx: ToolContext, trip: Trip, stops: list[trip_service.Stop], before: list[trip_service.Stop], verb: str) -> ToolResult:
    trip_service.set_stops(ctx.session, user=ctx.user, trip=trip, stops=stops)
    data = trip_data(ctx, trip)
    return ToolResult(
        True, f"{verb}: {_describe(ctx, trip, data)}", data,
        undo={"op": "stops", "kind": "trip", "id": str(trip.id), "stops": [asdict(stop) for stop in before]},
        changed=("trips",),
    )


def _stops(ctx: ToolContext, trip: Trip) -> list[trip_service.Stop]:
    return trip_service.stops_of(trip_repo.waypoints(ctx.session, user_id=ctx.user_id, trip_id=trip.id))


def _trip_meant(ctx: ToolContext, trip_id: str | None, trip_named: str | None) -> Trip | ToolResult:
    """The trip named by its words, else the one with `trip_id` (the active trip without one); else the reply."""
    trip = _trip_named(ctx, trip_named) if trip_named else _owned_trip(ctx, trip_id)
    if trip is not None:
        return trip
    return ToolResult.fail(f"I couldn't find a trip matching “{trip_named}”." if trip_named else "I couldn't find that trip.")


def _stop_index(stops: list[trip_service.Stop], name: str | None) -> int | None:
    """Where among the stops the one of that name is, or None."""
    wanted = gazetteer.normalise(name or "")
    return next((i for i, stop in enumerate(stops) if wanted and gazetteer.normalise(stop.name) == wanted), None)


@tool(mutates=True)
def add_trip_stop(
    ctx: ToolContext,
    place: str,
    trip_id: str | None = None,
    position: int | None = None,
    trip_named: str | None = None,
    after: str | None = None,
    before: str | None = None,
) -> ToolResult:
    """Add a stop to a trip (the active trip when no id; with `trip_named`, the user's trip whose title or stops hold
    those words: "the esperance trip"). It goes `after` or `before` the stop of that name, else at `position`
    (0-based), else where it adds the least distance between the start and the destination."""
    trip = _trip_meant(ctx, trip_id, trip_named)
    if isinstance(trip, ToolResult):
        return trip
    stops = _stops(ctx, trip)
    try:
        new = trip_service.resolve_near(place, stops)
    except trip_service.UnknownPlace as error:
        return ToolResult.fail(f"I couldn't find '{error.name}' on the map.")
    beside = _stop_index(stops, after)
    index = beside + 1 if beside is not None else _stop_index(stops, before)
    if index is None:
        index = trip_service.cheapest_insertion(stops, new) if position is None else max(0, min(position, len(stops)))
    return _change_stops(ctx, trip, [*stops[:index], new, *stops[index:]], stops, f"Added {new.name}")


@tool(mutates=True)
def move_trip_stop(
    ctx: ToolContext,
    place: str,
    before: str | None = None,
    after: str | None = None,
    swap_with: str | None = None,
    trip_id: str | None = None,
    trip_named: str | None = None,
) -> ToolResult:
    """Put a stop of a trip `before` or `after` another of its stops, or swap it with one ("can we do Taupo before
    Rotorua?", "swap Taupo and Rotorua"); the active trip when no id, or the trip whose title or stops hold
    `trip_named`."""
    trip = _trip_meant(ctx, trip_id, trip_named)
    if isinstance(trip, ToolResult):
        return trip
    stops = _stops(ctx, trip)
    moving, other = _stop_index(stops, place), _stop_index(stops, swap_with or before or after)
    for name, index in ((place, moving), (swap_with or before or after, other)):
        if index is None:
            return ToolResult.fail(f"{(name or '').strip()} isn't a stop on {trip.title}.")
    assert moving is not None and other is not None
    if moving == other:
        return ToolResult.fail(f"{stops[moving].name} and {(swap_with or before or after or '').strip()} are the same stop.")
    order = list(stops)
    if swap_with:
        order[moving], order[other] = order[other], order[moving]
    else:
        stop = order.pop(moving)
        target = order.index(stops[other])
        order.insert(target + (1 if after else 0), stop)
    if order == stops:
        return ToolResult(True, f"{stops[moving].name} is already there on {trip.title}", {"id": str(trip.id)})
    return _change_stops(ctx, trip, order, stops, "Reordered")


_EXPENSES_KEPT = 1000  # the trip's expenses whose link an undo restores


@tool(mutates=True)
def delete_trip(ctx: ToolContext, trip_named: str) -> ToolResult:
    """Delete the user's trip whose title or stops hold these words ("delete the uluru trip"); undo brings it back."""
    trip = _trip_meant(ctx, None, trip_named)
    if isinstance(trip, ToolResult):
        return trip
    spent = expense_repo.list_rows(ctx.session, user_id=ctx.user_id, trip_id=trip.id, limit=_EXPENSES_KEPT)
    fields = {**trip_service.kept_fields(trip), "stops": [asdict(stop) for stop in _stops(ctx, trip)],
              "expense_ids": [str(e.id) for e in spent]}  # undo links them to the trip again
    trip_repo.delete_trip(ctx.session, user_id=ctx.user_id, trip_id=trip.id)
    return ToolResult(True, f"Deleted the trip “{trip.title}”", {"id": str(trip.id), "title": trip.title},
                      undo={"op": "recreate", "kind": "trip", "fields": fields}, changed=("trips",))


@tool(mutates=True)
def remove_trip_stop(ctx: ToolContext, place: str, trip_id: str | None = None, trip_named: str | None = None) -> ToolResult:
    """Remove a stop (by name) from a trip (the active trip when no id; with `trip_named`, the trip whose title or stops
    hold those words: "take mackay off the cairns trip")."""
    trip = _trip_meant(ctx, trip_id, trip_named)
    if isinstance(trip, ToolResult):
        return trip
    stops = _stops(ctx, trip)
    wanted = gazetteer.normalise(place)
    keep = [stop for stop in stops if gazetteer.normalise(stop.name) != wanted]
    if len(keep) == len(stops):
        return ToolResult.fail(f"{place} isn't a stop on {trip.title}.")
    if len(keep) < 2:
        return ToolResult.fail("A trip needs at least a start and a destination.")
    return _change_stops(ctx, trip, keep, stops, f"Removed {place.strip()}")


@tool(mutates=True)
def reorder_trip_stops(ctx: ToolContext, order: list[str], trip_id: str | None = None) -> ToolResult:
    """Put a trip's stops in a new order, given as the full list of stop names."""
    trip = _trip_meant(ctx, trip_id, None)
    if isinstance(trip, ToolResult):
        return trip
    current = _stops(ctx, trip)
    unused: dict[str, list[trip_service.Stop]] = {}
    for stop in current:  # a round trip names its start twice
        unused.setdefault(gazetteer.normalise(stop.name), []).append(stop)
    ordered = [unused[key].pop(0) for key in map(gazetteer.normalise, order) if unused.get(key)]
    if len(ordered) != len(current) or len(order) != len(current):
        return ToolResult.fail(f"The new order must list the same stops: {', '.join(s.name for s in current)}.")
    return _change_stops(ctx, trip, ordered, current, "Reordered")


@tool()
def list_trips(ctx: ToolContext, status: str | None = None) -> ToolResult:
    """The user's trips with their stops and distances."""
    trips, total = trip_repo.list_page(ctx.session, user_id=ctx.user_id, status=status, limit=10)
    items = [trip_data(ctx, t) for t in trips]
    names = "; ".join(f"{t['title']} ({t['status']})" for t in items) or "No trips yet"
    return ToolResult(True, names, {"items": items, "count": total})

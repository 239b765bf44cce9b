"""Trip tools: plan from place names, change stops, list."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field

from wheels_wins.db import parse_uuid
from wheels_wins.models import Trip
from wheels_wins.pam.tools.common import money_text
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import trips as trip_repo
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


def _owned_trip(ctx: ToolContext, trip_id: str | None) -> Trip | None:
    if trip_id:
        record_id = parse_uuid(trip_id)
        return trip_repo.get(ctx.session, user_id=ctx.user_id, trip_id=record_id) if record_id else None
    return trip_repo.active(ctx.session, user_id=ctx.user_id)


@tool(mutates=True)
def plan_trip(ctx: ToolContext, places: PlaceList, title: str | None = None, start_date: dt.date | None = None) -> ToolResult:
    """Plan a trip through places in order, e.g. ["Sydney", "Canberra", "Melbourne"] (start, stops, end)."""
    if len(places) < 2:
        return ToolResult.fail("A trip needs at least a start and a destination.")
    try:
        trip = trip_service.plan_trip(ctx.session, user=ctx.user, places=places, title=title, start_date=start_date)
    except trip_service.UnknownPlace as error:
        return ToolResult.fail(f"I couldn't find '{error.name}' on the map. Could you give a nearby town or add the state?")
    data = trip_data(ctx, trip)
    return ToolResult(
        True, f"Planned {_describe(ctx, trip, data)}", data,
        undo={"op": "delete", "kind": "trip", "id": str(trip.id)},
        ui_actions=[{"type": "show_trip", "trip_id": str(trip.id)}], changed=("trips",),
    )


def _change_stops(ctx: ToolContext, trip: Trip, names: list[str], verb: str) -> ToolResult:
    before = [{"name": w.name, "lat": w.lat, "lon": w.lon} for w in trip_repo.waypoints(ctx.session, user_id=ctx.user_id, trip_id=trip.id)]
    try:
        stops = [trip_service.resolve_stop(n) for n in names]
    except trip_service.UnknownPlace as error:
        return ToolResult.fail(f"I couldn't find '{error.name}' on the map.")
    trip_service.set_stops(ctx.session, user=ctx.user, trip=trip, stops=stops)
    data = trip_data(ctx, trip)
    return ToolResult(
        True, f"{verb}: {_describe(ctx, trip, data)}", data,
        undo={"op": "stops", "kind": "trip", "id": str(trip.id), "stops": before}, changed=("trips",),
    )


@tool(mutates=True)
def add_trip_stop(ctx: ToolContext, place: str, trip_id: str | None = None, position: int | None = None) -> ToolResult:
    """Add a stop to a trip (the active trip when no id). position is 0-based; default is before the destination."""
    trip = _owned_trip(ctx, trip_id)
    if trip is None:
        return ToolResult.fail("I couldn't find that trip.")
    names = [w.name for w in trip_repo.waypoints(ctx.session, user_id=ctx.user_id, trip_id=trip.id)]
    index = len(names) - 1 if position is None and len(names) >= 2 else (position if position is not None else len(names))
    names.insert(max(0, min(index, len(names))), place)
    return _change_stops(ctx, trip, names, f"Added {place}")


@tool(mutates=True)
def remove_trip_stop(ctx: ToolContext, place: str, trip_id: str | None = None) -> ToolResult:
    """Remove a stop (by name) from a trip (the active trip when no id)."""
    trip = _owned_trip(ctx, trip_id)
    if trip is None:
        return ToolResult.fail("I couldn't find that trip.")
    names = [w.name for w in trip_repo.waypoints(ctx.session, user_id=ctx.user_id, trip_id=trip.id)]
    keep = [n for n in names if n.lower() != place.strip().lower()]
    if len(keep) == len(names):
        return ToolResult.fail(f"{place} isn't a stop on {trip.title}.")
    return _change_stops(ctx, trip, keep, f"Removed {place}")


@tool(mutates=True)
def reorder_trip_stops(ctx: ToolContext, order: list[str], trip_id: str | None = None) -> ToolResult:
    """Put a trip's stops in a new order, given as the full list of stop names."""
    trip = _owned_trip(ctx, trip_id)
    if trip is None:
        return ToolResult.fail("I couldn't find that trip.")
    current = [w.name for w in trip_repo.waypoints(ctx.session, user_id=ctx.user_id, trip_id=trip.id)]
    if sorted(n.lower() for n in order) != sorted(n.lower() for n in current):
        return ToolResult.fail(f"The new order must list the same stops: {', '.join(current)}.")
    by_lower = {n.lower(): n for n in current}
    return _change_stops(ctx, trip, [by_lower[n.lower()] for n in order], "Reordered")


@tool()
def list_trips(ctx: ToolContext, status: str | None = None) -> ToolResult:
    """The user's trips with their stops and distances."""
    trips, total = trip_repo.list_page(ctx.session, user_id=ctx.user_id, status=status, limit=10)
    items = [trip_data(ctx, t) for t in trips]
    names = "; ".join(f"{t['title']} ({t['status']})" for t in items) or "No trips yet"
    return ToolResult(True, names, {"items": items, "count": total})

"""Trips: stops geocoded offline, with distance, duration and fuel-cost estimates."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, invalid, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.travel import TripCreate, TripPublic, TripStatus, TripUpdate, WaypointPublic
from wheels_wins.models import Trip, TripWaypoint
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import trips

router = APIRouter(prefix="/trips", tags=["trips"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})


def to_public(trip: Trip, waypoints: Sequence[TripWaypoint]) -> TripPublic:
    """The API view of a trip and its stops."""
    return TripPublic(
        id=trip.id,
        title=trip.title,
        status=trip.status,
        start_date=trip.start_date,
        end_date=trip.end_date,
        waypoints=[WaypointPublic(name=w.name, lat=w.lat, lon=w.lon, position=w.position) for w in waypoints],
        distance_km=trip.distance_km,
        duration_hours=trip.duration_hours,
        estimated_fuel_cost=trip.estimated_fuel_cost,
        distance_source=trip.distance_source,  # type: ignore[arg-type]
        created_at=trip.created_at,
    )


@router.get("", response_model=Page[TripPublic], summary="List trips")
def list_trips(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    status_filter: Annotated[TripStatus | None, Query(alias="status")] = None,
) -> Page[TripPublic]:
    """The user's trips, most recently created first."""
    rows, total = trip_repo.list_page(
        session, user_id=user.id, status=status_filter, limit=paging.limit, offset=paging.offset
    )
    stops = trip_repo.waypoints_for(session, user_id=user.id, trip_ids=[trip.id for trip in rows])
    return Page(items=[to_public(trip, stops[trip.id]) for trip in rows], total=total)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=TripPublic, summary="Plan a trip")
def create_trip(body: TripCreate, user: CurrentUser, session: SessionDep) -> TripPublic:
    """Plan a trip; each waypoint is a place name looked up offline or a name with lat/lon (422 names an unknown place)."""
    trip = trips.plan_trip(
        session,
        user=user,
        places=[w.spec() for w in body.waypoints],
        title=body.title or None,
        start_date=body.start_date,
        end_date=body.end_date,
        status=body.status,
    )
    return to_public(trip, trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))


@router.get("/{trip_id}", response_model=TripPublic, summary="Get a trip", responses={404: ERROR_RESPONSES[404]})
def get_trip(trip_id: str, user: CurrentUser, session: SessionDep) -> TripPublic:
    """One of the user's trips with its stops."""
    trip = trip_repo.get(session, user_id=user.id, trip_id=parse_id(trip_id, "trip"))
    if trip is None:
        raise not_found("trip")
    return to_public(trip, trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))


@router.patch("/{trip_id}", response_model=TripPublic, summary="Update a trip", responses={404: ERROR_RESPONSES[404]})
def update_trip(trip_id: str, body: TripUpdate, user: CurrentUser, session: SessionDep) -> TripPublic:
    """Change the fields sent; new waypoints replace the old ones and refresh the estimates."""
    trip = trip_repo.get(session, user_id=user.id, trip_id=parse_id(trip_id, "trip"))
    if trip is None:
        raise not_found("trip")
    changes = body.changes()
    changes.pop("waypoints", None)
    start, end = changes.get("start_date", trip.start_date), changes.get("end_date", trip.end_date)
    if start is not None and end is not None and end < start:
        raise invalid("end_date", "must be on or after start_date")
    stops = [trips.resolve_stop(w.spec()) for w in body.waypoints] if body.waypoints is not None else None
    if changes:
        trip = trip_repo.update(session, user_id=user.id, trip_id=trip.id, changes=changes) or trip
    if stops is not None:
        trip = trips.set_stops(session, user=user, trip=trip, stops=stops)
    return to_public(trip, trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))


@router.delete(
    "/{trip_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a trip",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_trip(trip_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete a trip and its stops (its expenses stay, no longer linked to it)."""
    if not trip_repo.delete_trip(session, user_id=user.id, trip_id=parse_id(trip_id, "trip")):
        raise not_found("trip")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

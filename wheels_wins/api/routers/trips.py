"""Trips: stops geocoded (online first when configured), estimated offline, then routed by road if a router answers.

Routes that save stops are async: the save commits in a worker thread, then `refine_route` asks the
router with no transaction open, so a slow router never holds the database (or the event loop).
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable, Sequence
from typing import Annotated, TypeVar

from fastapi import APIRouter, Query, Response, status
from sqlmodel import Session

from wheels_wins.api.deps import CurrentUser, CurrentUserId, PagingDep, SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, invalid, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.travel import (
    DayForecastPublic,
    ForecastPublic,
    LegPublic,
    LineString,
    StopForecastPublic,
    TripBudgetPublic,
    TripCreate,
    TripOptimised,
    TripPublic,
    TripRoutePublic,
    TripStatus,
    TripUpdate,
    TripWeatherPublic,
    WaypointPublic,
)
from wheels_wins.db import session_scope
from wheels_wins.models import Trip, TripWaypoint, User
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.repositories import users as user_repo
from wheels_wins.services import trips, weather
from wheels_wins.services.trip_budget import trip_budget

router = APIRouter(prefix="/trips", tags=["trips"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})

T = TypeVar("T")


async def _in_transaction(work: Callable[[Session], T]) -> T:
    """Run sync `work(session)` in a worker thread, in one transaction of its own."""

    def run() -> T:
        with session_scope() as session:
            return work(session)

    return await asyncio.to_thread(run)


def _user(session: Session, user_id: uuid.UUID) -> User:
    user = user_repo.get_by_id(session, user_id=user_id)
    if user is None:  # deleted since the token was checked
        raise not_found("user")
    return user


def _owned(session: Session, user_id: uuid.UUID, trip_id: uuid.UUID) -> Trip:
    trip = trip_repo.get(session, user_id=user_id, trip_id=trip_id)
    if trip is None:
        raise not_found("trip")
    return trip


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
        budget=trip.budget,
        notes=trip.notes,
        created_at=trip.created_at,
    )


def _view(session: Session, user_id: uuid.UUID, trip_id: uuid.UUID) -> TripPublic:
    trip = _owned(session, user_id, trip_id)
    return to_public(trip, trip_repo.waypoints(session, user_id=user_id, trip_id=trip.id))


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
async def create_trip(body: TripCreate, user_id: CurrentUserId) -> TripPublic:
    """Plan a trip; each waypoint is a place name to look up or a name with lat/lon (422 names an unknown place).

    Distance, duration and fuel cost are by road (`distance_source: "routed"`) when a router is
    configured and answers, else the offline estimate.
    """
    stops = await trips.resolve_stops([w.spec() for w in body.waypoints])

    def plan(session: Session) -> uuid.UUID:
        trip = trips.plan_trip(
            session,
            user=_user(session, user_id),
            places=stops,
            title=body.title or None,
            start_date=body.start_date,
            end_date=body.end_date,
            status=body.status,
        )
        return trip.id

    trip_id = await _in_transaction(plan)
    await trips.refine_route(user_id=user_id, trip_id=trip_id)
    return await _in_transaction(lambda session: _view(session, user_id, trip_id))


@router.get("/{trip_id}", response_model=TripPublic, summary="Get a trip", responses={404: ERROR_RESPONSES[404]})
def get_trip(trip_id: str, user: CurrentUser, session: SessionDep) -> TripPublic:
    """One of the user's trips with its stops."""
    trip = trip_repo.get(session, user_id=user.id, trip_id=parse_id(trip_id, "trip"))
    if trip is None:
        raise not_found("trip")
    return to_public(trip, trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id))


@router.patch("/{trip_id}", response_model=TripPublic, summary="Update a trip", responses={404: ERROR_RESPONSES[404]})
async def update_trip(trip_id: str, body: TripUpdate, user_id: CurrentUserId) -> TripPublic:
    """Change the fields sent; new waypoints replace the old ones and refresh the figures."""
    record_id = parse_id(trip_id, "trip")
    changes = body.changes()
    changes.pop("waypoints", None)

    def check(session: Session) -> None:
        trip = _owned(session, user_id, record_id)
        start, end = changes.get("start_date", trip.start_date), changes.get("end_date", trip.end_date)
        if start is not None and end is not None and end < start:
            raise invalid("end_date", "must be on or after start_date")

    await _in_transaction(check)
    stops = await trips.resolve_stops([w.spec() for w in body.waypoints]) if body.waypoints is not None else None

    def save(session: Session) -> None:
        trip = _owned(session, user_id, record_id)
        if changes:
            trip = trip_repo.update(session, user_id=user_id, trip_id=trip.id, changes=changes) or trip
        if stops is not None:
            trips.set_stops(session, user=_user(session, user_id), trip=trip, stops=stops)

    await _in_transaction(save)
    if stops is not None:
        await trips.refine_route(user_id=user_id, trip_id=record_id)
    return await _in_transaction(lambda session: _view(session, user_id, record_id))


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


@router.get(
    "/{trip_id}/budget",
    response_model=TripBudgetPublic,
    summary="A trip's budget vs actual",
    responses={404: ERROR_RESPONSES[404]},
)
def get_budget(trip_id: str, user: CurrentUser, session: SessionDep) -> TripBudgetPublic:
    """What the expenses linked to the trip add up to, per category and per km or mile, against its budget.

    Fuel spent is compared with the trip's fuel estimate. Only the user's own expenses count.
    """
    figures = trip_budget(session, user_id=user.id, trip_id=parse_id(trip_id, "trip"))
    if figures is None:
        raise not_found("trip")
    return TripBudgetPublic(
        trip_id=figures.trip_id,
        title=figures.title,
        currency=user.currency,
        budget=figures.budget,
        spent=figures.spent,
        remaining=figures.remaining,
        over_budget=figures.over_budget,
        share_used=figures.share_used,
        expense_count=figures.expense_count,
        by_category=figures.by_category,
        distance_km=figures.distance_km,
        cost_per_km=figures.cost_per_km,
        cost_per_mile=figures.cost_per_mile,
        fuel_estimate=figures.fuel_estimate,
        fuel_spent=figures.fuel_spent,
        fuel_difference=figures.fuel_difference,
    )


@router.post(
    "/{trip_id}/optimise",
    response_model=TripOptimised,
    summary="Reorder stops into a shorter drive",
    responses={404: ERROR_RESPONSES[404]},
)
async def optimise_trip(trip_id: str, user_id: CurrentUserId) -> TripOptimised:
    """Reorder the stops between the first and the last (which stay put) to shorten the drive, and save.

    A new order refreshes the figures (by road when a router answers); `saved_km` is 0, and nothing
    changes, when the order was already the shortest found.
    """
    record_id = parse_id(trip_id, "trip")

    def optimise(session: Session) -> float:
        return trips.optimise_stops(session, user=_user(session, user_id), trip=_owned(session, user_id, record_id))

    saved_km = await _in_transaction(optimise)
    if saved_km:
        await trips.refine_route(user_id=user_id, trip_id=record_id)
    view = await _in_transaction(lambda session: _view(session, user_id, record_id))
    return TripOptimised(**view.model_dump(), saved_km=saved_km)


@router.get(
    "/{trip_id}/route",
    response_model=TripRoutePublic,
    summary="Get a trip's route",
    responses={404: ERROR_RESPONSES[404]},
)
async def get_route(trip_id: str, user_id: CurrentUserId) -> TripRoutePublic:
    """Totals, per-leg figures and, when routed by road, the line to draw.

    A trip still on the offline estimate (say, planned by PAM) is routed first when a router answers.
    """
    record_id = parse_id(trip_id, "trip")
    source = await _in_transaction(lambda session: _owned(session, user_id, record_id).distance_source)
    if source == "estimate":
        await trips.refine_route(user_id=user_id, trip_id=record_id)

    def read(session: Session) -> TripRoutePublic:
        trip = _owned(session, user_id, record_id)
        stops = trip_repo.waypoints(session, user_id=user_id, trip_id=trip.id)
        legs = [
            LegPublic(
                from_position=a.position, to_position=b.position, distance_km=b.leg_km, duration_hours=b.leg_hours
            )
            for a, b in zip(stops, stops[1:], strict=False)
        ]
        geometry = trip.route_geometry
        return TripRoutePublic(
            trip_id=trip.id,
            distance_source=trip.distance_source,  # type: ignore[arg-type]
            distance_km=trip.distance_km,
            duration_hours=trip.duration_hours,
            legs=legs,
            geometry=LineString.model_validate(geometry) if geometry else None,
        )

    return await _in_transaction(read)


@router.get(
    "/{trip_id}/weather",
    response_model=TripWeatherPublic,
    summary="Forecasts along a trip",
    responses={404: ERROR_RESPONSES[404]},
)
async def get_weather(
    trip_id: str,
    user_id: CurrentUserId,
    days: Annotated[int, Query(ge=1, le=weather.MAX_DAYS, description="Days ahead (1-16)")] = weather.DEFAULT_DAYS,
) -> TripWeatherPublic:
    """The daily forecast at each stop; without a weather service (or when it is down) every forecast is null."""
    record_id = parse_id(trip_id, "trip")

    def read(session: Session) -> list[TripWaypoint]:
        _owned(session, user_id, record_id)
        return trip_repo.waypoints(session, user_id=user_id, trip_id=record_id)

    stops = await _in_transaction(read)
    found = await weather.forecasts([(w.lat, w.lon) for w in stops], days=days)
    items = [
        StopForecastPublic(
            name=w.name,
            lat=w.lat,
            lon=w.lon,
            position=w.position,
            forecast=ForecastPublic(
                timezone=f.timezone, days=[DayForecastPublic.model_validate(d, from_attributes=True) for d in f.days]
            )
            if f
            else None,
        )
        for w, f in zip(stops, found, strict=True)
    ]
    return TripWeatherPublic(trip_id=record_id, available=any(found), items=items)

"""Fuel fill-ups; each owns the fuel expense recording its cost."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, user_today
from wheels_wins.api.errors import ERROR_RESPONSES, not_found
from wheels_wins.api.routers.expenses import check_trip
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.travel import FuelCreate, FuelPublic, FuelUpdate
from wheels_wins.api.schemas.vehicle import FuelEconomyPublic, FuelIntervalPublic
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.services import fuel_economy, vehicle_log

router = APIRouter(prefix="/fuel", tags=["fuel"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})

_PRICE_FIELDS = frozenset({"litres", "total_cost", "price_per_litre"})


@router.get("", response_model=Page[FuelPublic], summary="List fill-ups")
def list_fuel(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    start: Annotated[dt.date | None, Query(description="On or after this date")] = None,
    end: Annotated[dt.date | None, Query(description="On or before this date")] = None,
) -> Page[FuelPublic]:
    """The user's fill-ups, newest first."""
    rows, total = fuel_repo.list_page(
        session, user_id=user.id, start=start, end=end, limit=paging.limit, offset=paging.offset
    )
    return Page(items=[FuelPublic.model_validate(row) for row in rows], total=total)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=FuelPublic, summary="Log a fill-up")
def create_fuel(body: FuelCreate, user: CurrentUser, session: SessionDep) -> FuelPublic:
    """Log a fill-up from litres and the total cost or the price per litre; its fuel expense is recorded too."""
    check_trip(session, user=user, trip_id=body.trip_id)
    entry = vehicle_log.log_fuel(
        session,
        user=user,
        date=body.date or user_today(user),
        litres=body.litres,
        total_cost=body.total_cost,
        price_per_litre=body.price_per_litre,
        odometer_km=body.odometer_km,
        location=body.location,
        full_tank=body.full_tank,
        trip_id=body.trip_id,
    )
    return FuelPublic.model_validate(entry)


@router.get("/economy", response_model=FuelEconomyPublic, summary="Fuel economy")
def get_economy(
    user: CurrentUser,
    session: SessionDep,
    window: Annotated[int, Query(ge=1, le=50, description="How many of the newest intervals the average covers")] = (
        fuel_economy.AVERAGE_INTERVALS
    ),
) -> FuelEconomyPublic:
    """Consumption between consecutive full fills with odometer readings (partial fills in between count),
    the average over the newest intervals, and the price per litre and consumption trip estimates use."""
    result = fuel_economy.economy(session, user_id=user.id, window=window)
    basis = result.basis
    return FuelEconomyPublic(
        intervals=[FuelIntervalPublic.model_validate(interval) for interval in result.intervals],
        average_l_per_100km=result.average_l_per_100km,
        averaged_intervals=result.averaged_intervals,
        average_distance_km=result.average_distance_km,
        average_litres=result.average_litres,
        price_per_litre=basis.price_per_litre,
        price_source=basis.price_source,
        estimate_consumption_l_per_100km=basis.consumption_l_per_100km,
        consumption_source=basis.consumption_source,
    )


@router.get("/{fuel_id}", response_model=FuelPublic, summary="Get a fill-up", responses={404: ERROR_RESPONSES[404]})
def get_fuel(fuel_id: str, user: CurrentUser, session: SessionDep) -> FuelPublic:
    """One of the user's fill-ups."""
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=parse_id(fuel_id, "fill-up"))
    if entry is None:
        raise not_found("fill-up")
    return FuelPublic.model_validate(entry)


@router.patch(
    "/{fuel_id}", response_model=FuelPublic, summary="Update a fill-up", responses={404: ERROR_RESPONSES[404]}
)
def update_fuel(fuel_id: str, body: FuelUpdate, user: CurrentUser, session: SessionDep) -> FuelPublic:
    """Change the fields sent; the linked expense's amount, date and description follow."""
    record_id = parse_id(fuel_id, "fill-up")
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=record_id)
    if entry is None:
        raise not_found("fill-up")
    changes = body.changes()
    if not _PRICE_FIELDS & changes.keys():
        # Pin the total so an edit of, say, the location never re-derives it from the rounded price.
        changes["total_cost"] = entry.total_cost
    updated = vehicle_log.update_fuel(session, user=user, fuel_id=record_id, changes=changes)
    return FuelPublic.model_validate(updated)


@router.delete(
    "/{fuel_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a fill-up",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_fuel(fuel_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete a fill-up and its fuel expense."""
    if not vehicle_log.delete_fuel(session, user=user, fuel_id=parse_id(fuel_id, "fill-up")):
        raise not_found("fill-up")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

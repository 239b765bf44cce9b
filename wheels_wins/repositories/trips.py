"""Trips and their ordered waypoints, scoped by the acting user."""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from typing import Any

from sqlmodel import Session, col, delete, select

from wheels_wins.models import Trip, TripWaypoint
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import (
    add,
    delete_owned,
    get_owned,
    page,
    update_owned,
)


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> Trip:
    """Create a trip (waypoints are set separately)."""
    row_security.as_user(session, user_id)
    return add(session, Trip(user_id=user_id, **fields))


def get(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> Trip | None:
    """The user's trip, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, Trip, user_id=user_id, record_id=trip_id)


def get_for_update(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> Trip | None:
    """The user's trip, row-locked until the transaction ends (PostgreSQL; SQLite serialises writers anyway)."""
    row_security.as_user(session, user_id)
    return session.exec(select(Trip).where(Trip.id == trip_id, Trip.user_id == user_id).with_for_update()).first()


def update(
    session: Session,
    *,
    user_id: uuid.UUID,
    trip_id: uuid.UUID,
    changes: Mapping[str, Any],
) -> Trip | None:
    """Change fields of the user's trip."""
    row_security.as_user(session, user_id)
    return update_owned(session, Trip, user_id=user_id, record_id=trip_id, changes=changes)


def delete_trip(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> bool:
    """Delete the user's trip and its waypoints."""
    row_security.as_user(session, user_id)
    if get(session, user_id=user_id, trip_id=trip_id) is None:
        return False
    session.exec(delete(TripWaypoint).where(col(TripWaypoint.trip_id) == trip_id, col(TripWaypoint.user_id) == user_id))
    return delete_owned(session, Trip, user_id=user_id, record_id=trip_id)


def list_page(
    session: Session,
    *,
    user_id: uuid.UUID,
    status: str | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[Trip], int]:
    """A page of the user's trips, most recently created first."""
    row_security.as_user(session, user_id)
    query = select(Trip).where(Trip.user_id == user_id)
    if status:
        query = query.where(Trip.status == status)
    return page(session, query, order_by=[Trip.created_at.desc()], limit=limit, offset=offset)


def titles(session: Session, *, user_id: uuid.UUID, limit: int = 100) -> dict[uuid.UUID, str]:
    """The titles of the user's most recently created trips, by id (for pickers and labels)."""
    row_security.as_user(session, user_id)
    query = select(Trip.id, Trip.title).where(Trip.user_id == user_id).order_by(col(Trip.created_at).desc())
    return dict(session.exec(query.limit(limit)).all())


def waypoints(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> list[TripWaypoint]:
    """The trip's stops in order."""
    row_security.as_user(session, user_id)
    return list(
        session.exec(
            select(TripWaypoint)
            .where(TripWaypoint.trip_id == trip_id, TripWaypoint.user_id == user_id)
            .order_by(TripWaypoint.position)
        ).all()
    )


def waypoints_for(
    session: Session, *, user_id: uuid.UUID, trip_ids: Sequence[uuid.UUID]
) -> dict[uuid.UUID, list[TripWaypoint]]:
    """Stops for several trips in one query, keyed by trip id."""
    row_security.as_user(session, user_id)
    grouped: dict[uuid.UUID, list[TripWaypoint]] = {trip_id: [] for trip_id in trip_ids}
    if not trip_ids:
        return grouped
    rows = session.exec(
        select(TripWaypoint)
        .where(
            col(TripWaypoint.trip_id).in_(list(trip_ids)),
            TripWaypoint.user_id == user_id,
        )
        .order_by(TripWaypoint.trip_id, TripWaypoint.position)
    ).all()
    for row in rows:
        grouped[row.trip_id].append(row)
    return grouped


def replace_waypoints(
    session: Session,
    *,
    user_id: uuid.UUID,
    trip_id: uuid.UUID,
    stops: Sequence[tuple[str, float, float]],
) -> list[TripWaypoint]:
    """Replace the trip's stops with (name, lat, lon) in the given order; nothing happens on another user's trip."""
    row_security.as_user(session, user_id)
    if get(session, user_id=user_id, trip_id=trip_id) is None:
        return []
    session.exec(delete(TripWaypoint).where(col(TripWaypoint.trip_id) == trip_id, col(TripWaypoint.user_id) == user_id))
    rows = [
        TripWaypoint(
            user_id=user_id,
            trip_id=trip_id,
            name=name,
            lat=lat,
            lon=lon,
            position=index,
        )
        for index, (name, lat, lon) in enumerate(stops)
    ]
    session.add_all(rows)
    session.flush()
    return rows


def set_legs(
    session: Session,
    *,
    user_id: uuid.UUID,
    trip_id: uuid.UUID,
    legs: Sequence[tuple[float, float] | None],
) -> None:
    """Store (km, hours) from the previous stop on each waypoint, in position order (None on the first)."""
    row_security.as_user(session, user_id)
    for waypoint, leg in zip(waypoints(session, user_id=user_id, trip_id=trip_id), legs, strict=False):
        waypoint.leg_km, waypoint.leg_hours = leg if leg is not None else (None, None)
        session.add(waypoint)
    session.flush()


def active(session: Session, *, user_id: uuid.UUID) -> Trip | None:
    """The user's active trip, else the latest one being planned."""
    row_security.as_user(session, user_id)
    return (
        underway(session, user_id=user_id)
        or session.exec(
            select(Trip)
            .where(Trip.user_id == user_id, Trip.status == "planning")
            .order_by(Trip.created_at.desc())
            .limit(1)
        ).first()
    )


def underway(session: Session, *, user_id: uuid.UUID) -> Trip | None:
    """The user's newest trip with status "active" (not one still being planned): new expenses belong to it."""
    row_security.as_user(session, user_id)
    return session.exec(
        select(Trip).where(Trip.user_id == user_id, Trip.status == "active").order_by(Trip.created_at.desc()).limit(1)
    ).first()

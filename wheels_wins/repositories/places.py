"""Saved places (campgrounds, free camps, dump points, fuel, mechanics), scoped by the acting user."""

from __future__ import annotations

import heapq
import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, col, select

from wheels_wins.models import SavedPlace
from wheels_wins.repositories.owned import add, delete_owned, get_owned, page, update_owned
from wheels_wins.services.geo import haversine_km


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> SavedPlace:
    """Save a place."""
    return add(session, SavedPlace(user_id=user_id, **fields))


def get(session: Session, *, user_id: uuid.UUID, place_id: uuid.UUID) -> SavedPlace | None:
    """The user's place, or None."""
    return get_owned(session, SavedPlace, user_id=user_id, record_id=place_id)


def update(
    session: Session, *, user_id: uuid.UUID, place_id: uuid.UUID, changes: Mapping[str, Any]
) -> SavedPlace | None:
    """Change fields of the user's place; None when it is not theirs."""
    return update_owned(session, SavedPlace, user_id=user_id, record_id=place_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, place_id: uuid.UUID) -> bool:
    """Delete the user's place; False when it is not theirs."""
    return delete_owned(session, SavedPlace, user_id=user_id, record_id=place_id)


def list_page(
    session: Session, *, user_id: uuid.UUID, kind: str | None = None, limit: int = 50, offset: int = 0
) -> tuple[list[SavedPlace], int]:
    """A page of the user's places (optionally of one kind), most recently saved first, and the total."""
    query = select(SavedPlace).where(SavedPlace.user_id == user_id)
    if kind:
        query = query.where(SavedPlace.kind == kind)
    return page(
        session, query, order_by=[col(SavedPlace.created_at).desc(), col(SavedPlace.id)], limit=limit, offset=offset
    )


def count(session: Session, *, user_id: uuid.UUID, kind: str | None = None) -> int:
    """How many places the user has saved (of one kind)."""
    query = select(func.count()).select_from(SavedPlace).where(SavedPlace.user_id == user_id)
    if kind:
        query = query.where(SavedPlace.kind == kind)
    return int(session.exec(query).one())


def nearest(
    session: Session,
    *,
    user_id: uuid.UUID,
    lat: float,
    lon: float,
    limit: int = 50,
    offset: int = 0,
    kind: str | None = None,
) -> list[tuple[SavedPlace, float]]:
    """The user's places closest to (lat, lon) as (place, great-circle km), nearest first.

    Distances are computed here in Python over only the id and coordinates of every place the
    user has, then just the page's rows are loaded. A traveller saves hundreds, perhaps a few
    thousand: about 5 ms for 1,000 places and 20 ms for 5,000 (median, SQLite). Far beyond that, a
    spatial index (PostGIS, or a bounding-box prefilter on indexed lat/lon) is the next step.
    """
    if limit <= 0:
        return []
    query = select(SavedPlace.id, SavedPlace.lat, SavedPlace.lon).where(SavedPlace.user_id == user_id)
    if kind:
        query = query.where(SavedPlace.kind == kind)
    here = (lat, lon)
    points = session.exec(query).all()
    # The row index breaks distance ties, so ids are never compared.
    ranked = heapq.nsmallest(
        offset + limit, ((haversine_km(here, (p_lat, p_lon)), i, p_id) for i, (p_id, p_lat, p_lon) in enumerate(points))
    )[offset:]
    if not ranked:
        return []
    rows = session.exec(
        select(SavedPlace).where(SavedPlace.user_id == user_id, col(SavedPlace.id).in_([r[2] for r in ranked]))
    ).all()
    by_id = {row.id: row for row in rows}
    return [(by_id[p_id], km) for km, _, p_id in ranked if p_id in by_id]

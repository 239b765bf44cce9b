"""Vehicles, scoped by the acting user."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, select

from wheels_wins.models import Vehicle
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, get_owned, update_owned


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> Vehicle:
    """Add a vehicle."""
    row_security.as_user(session, user_id)
    return add(session, Vehicle(user_id=user_id, **fields))


def get(session: Session, *, user_id: uuid.UUID, vehicle_id: uuid.UUID) -> Vehicle | None:
    """The user's vehicle, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, Vehicle, user_id=user_id, record_id=vehicle_id)


def primary(session: Session, *, user_id: uuid.UUID) -> Vehicle | None:
    """The user's first vehicle (the one estimates use)."""
    row_security.as_user(session, user_id)
    return session.exec(select(Vehicle).where(Vehicle.user_id == user_id).order_by(Vehicle.created_at)).first()


def update(
    session: Session, *, user_id: uuid.UUID, vehicle_id: uuid.UUID, changes: Mapping[str, Any]
) -> Vehicle | None:
    """Change fields of the user's vehicle."""
    row_security.as_user(session, user_id)
    return update_owned(session, Vehicle, user_id=user_id, record_id=vehicle_id, changes=changes)


def save_primary(session: Session, *, user_id: uuid.UUID, fields: Mapping[str, Any]) -> tuple[Vehicle, bool]:
    """Create the user's vehicle or change the one estimates use; returns (vehicle, created)."""
    row_security.as_user(session, user_id)
    vehicle = primary(session, user_id=user_id)
    if vehicle is None:
        return create(session, user_id=user_id, **fields), True
    updated = update(session, user_id=user_id, vehicle_id=vehicle.id, changes=fields)
    assert updated is not None  # just read as the user's own
    return updated, False

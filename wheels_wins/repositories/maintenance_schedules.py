"""Maintenance schedules, scoped by the acting user."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from wheels_wins.models import MaintenanceSchedule
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, delete_owned, get_owned, page, update_owned


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> MaintenanceSchedule:
    """Add a schedule (use services.vehicle_log to validate the interval)."""
    row_security.as_user(session, user_id)
    return add(session, MaintenanceSchedule(user_id=user_id, **fields))


def get(session: Session, *, user_id: uuid.UUID, schedule_id: uuid.UUID) -> MaintenanceSchedule | None:
    """The user's schedule, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, MaintenanceSchedule, user_id=user_id, record_id=schedule_id)


def update(
    session: Session, *, user_id: uuid.UUID, schedule_id: uuid.UUID, changes: Mapping[str, Any]
) -> MaintenanceSchedule | None:
    """Change fields of the user's schedule."""
    row_security.as_user(session, user_id)
    return update_owned(session, MaintenanceSchedule, user_id=user_id, record_id=schedule_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, schedule_id: uuid.UUID) -> bool:
    """Delete the user's schedule (its records stay)."""
    row_security.as_user(session, user_id)
    return delete_owned(session, MaintenanceSchedule, user_id=user_id, record_id=schedule_id)


def _ordered() -> list[Any]:
    return [func.lower(MaintenanceSchedule.task), MaintenanceSchedule.created_at]


def list_all(session: Session, *, user_id: uuid.UUID) -> list[MaintenanceSchedule]:
    """All of the user's schedules, by task."""
    row_security.as_user(session, user_id)
    query = select(MaintenanceSchedule).where(MaintenanceSchedule.user_id == user_id).order_by(*_ordered())
    return list(session.exec(query).all())


def list_page(
    session: Session, *, user_id: uuid.UUID, limit: int = 50, offset: int = 0
) -> tuple[list[MaintenanceSchedule], int]:
    """A page of the user's schedules, by task, and how many there are."""
    row_security.as_user(session, user_id)
    query = select(MaintenanceSchedule).where(MaintenanceSchedule.user_id == user_id)
    return page(session, query, order_by=_ordered(), limit=limit, offset=offset)

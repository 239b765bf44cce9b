"""Maintenance records, scoped by the acting user."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session, or_, select

from wheels_wins.models import MaintenanceRecord
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, delete_owned, get_owned, page, update_owned
from wheels_wins.repositories.text_search import contains


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> MaintenanceRecord:
    """Record maintenance (use services.vehicle_log to keep its expense in step)."""
    row_security.as_user(session, user_id)
    return add(session, MaintenanceRecord(user_id=user_id, **fields))


def get(session: Session, *, user_id: uuid.UUID, record_id: uuid.UUID) -> MaintenanceRecord | None:
    """The user's maintenance record, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, MaintenanceRecord, user_id=user_id, record_id=record_id)


def update(
    session: Session, *, user_id: uuid.UUID, record_id: uuid.UUID, changes: Mapping[str, Any]
) -> MaintenanceRecord | None:
    """Change fields of the user's maintenance record."""
    row_security.as_user(session, user_id)
    return update_owned(session, MaintenanceRecord, user_id=user_id, record_id=record_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, record_id: uuid.UUID) -> bool:
    """Delete the user's maintenance record row."""
    row_security.as_user(session, user_id)
    return delete_owned(session, MaintenanceRecord, user_id=user_id, record_id=record_id)


def owning_expense(session: Session, *, user_id: uuid.UUID, expense_id: uuid.UUID) -> MaintenanceRecord | None:
    """The user's maintenance record whose cost is that expense, or None."""
    row_security.as_user(session, user_id)
    query = select(MaintenanceRecord).where(MaintenanceRecord.user_id == user_id,
                                            MaintenanceRecord.expense_id == expense_id)
    return session.exec(query).first()


def list_page(
    session: Session, *, user_id: uuid.UUID, limit: int = 50, offset: int = 0, task: str | None = None
) -> tuple[list[MaintenanceRecord], int]:
    """A page of the user's maintenance records, newest first; with `task`, those whose task or notes contain it."""
    row_security.as_user(session, user_id)
    query = select(MaintenanceRecord).where(MaintenanceRecord.user_id == user_id)
    if task:
        query = query.where(contains(task, MaintenanceRecord.task, MaintenanceRecord.notes))
    return page(
        session,
        query,
        order_by=[MaintenanceRecord.date.desc(), MaintenanceRecord.created_at.desc()],
        limit=limit,
        offset=offset,
    )


def list_all(session: Session, *, user_id: uuid.UUID) -> list[MaintenanceRecord]:
    """Every maintenance record of the user, newest first (schedules read the last time each task was done)."""
    row_security.as_user(session, user_id)
    query = select(MaintenanceRecord).where(MaintenanceRecord.user_id == user_id)
    return list(session.exec(query.order_by(MaintenanceRecord.date.desc(), MaintenanceRecord.created_at.desc())).all())


def with_due(session: Session, *, user_id: uuid.UUID) -> list[MaintenanceRecord]:
    """Records that carry a next-due date or odometer reading."""
    row_security.as_user(session, user_id)
    return list(
        session.exec(
            select(MaintenanceRecord).where(
                MaintenanceRecord.user_id == user_id,
                or_(MaintenanceRecord.next_due_date.is_not(None), MaintenanceRecord.next_due_km.is_not(None)),  # type: ignore[union-attr]
            )
        ).all()
    )


def latest_odometer(session: Session, *, user_id: uuid.UUID) -> int | None:
    """The highest odometer reading in the maintenance log."""
    row_security.as_user(session, user_id)
    row = session.exec(
        select(MaintenanceRecord.odometer_km)
        .where(MaintenanceRecord.user_id == user_id, MaintenanceRecord.odometer_km.is_not(None))  # type: ignore[union-attr]
        .order_by(MaintenanceRecord.odometer_km.desc())  # type: ignore[union-attr]
    ).first()
    return int(row) if row is not None else None


def due_by(session: Session, *, user_id: uuid.UUID, date: dt.date) -> list[MaintenanceRecord]:
    """Records whose next-due date is on or before `date`."""
    row_security.as_user(session, user_id)
    return list(
        session.exec(
            select(MaintenanceRecord)
            .where(MaintenanceRecord.user_id == user_id, MaintenanceRecord.next_due_date <= date)  # type: ignore[operator]
            .order_by(MaintenanceRecord.next_due_date)
        ).all()
    )

"""Generic get/update/delete for user-owned rows: "missing" and "not yours" are the same None."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any, TypeVar

from sqlalchemy import func
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, SQLModel, select
from sqlmodel.sql.expression import SelectOfScalar

from wheels_wins.db import utcnow
from wheels_wins.repositories import row_security

T = TypeVar("T", bound=SQLModel)


def get_owned(session: Session, model: type[T], *, user_id: uuid.UUID, record_id: uuid.UUID) -> T | None:
    """The row with this id if it belongs to user_id, else None."""
    row_security.as_user(session, user_id)
    return session.exec(
        select(model).where(model.id == record_id, model.user_id == user_id)  # type: ignore[attr-defined]
    ).first()


def update_owned(
    session: Session, model: type[T], *, user_id: uuid.UUID, record_id: uuid.UUID, changes: Mapping[str, Any]
) -> T | None:
    """Apply `changes` to the user's row and flush; None when it is not theirs."""
    row_security.as_user(session, user_id)
    row = get_owned(session, model, user_id=user_id, record_id=record_id)
    if row is None:
        return None
    for key, value in changes.items():
        setattr(row, key, value)
    row.updated_at = utcnow()  # type: ignore[attr-defined]
    session.add(row)
    session.flush()
    return row


def delete_owned(session: Session, model: type[T], *, user_id: uuid.UUID, record_id: uuid.UUID) -> bool:
    """Delete the user's row; False when it is not theirs."""
    row_security.as_user(session, user_id)
    row = get_owned(session, model, user_id=user_id, record_id=record_id)
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def row_values(row: SQLModel) -> dict[str, Any]:
    """A row's column values by column name (a snapshot that can rebuild it)."""
    return {column.name: getattr(row, column.name) for column in row.__table__.columns}  # type: ignore[attr-defined]


def values_as_json(values: Mapping[str, Any]) -> dict[str, Any]:
    """`row_values` that JSON can hold (ids, times and amounts as text), for an undo record."""
    return {k: v.isoformat() if isinstance(v, dt.date) else str(v) if isinstance(v, uuid.UUID | Decimal) else v
            for k, v in values.items()}


def values_from_json(model: type[SQLModel], values: Mapping[str, Any]) -> dict[str, Any]:
    """`values_as_json` typed again by the model's columns."""
    typed: dict[str, Any] = {}
    for column in model.__table__.columns:  # type: ignore[attr-defined]
        value = values.get(column.name)
        column_type = getattr(column.type, "impl_instance", None) or column.type  # a TypeDecorator's own type
        kind = column_type.python_type if value is not None else None
        if isinstance(value, str) and kind in (uuid.UUID, Decimal):
            value = kind(value)
        elif isinstance(value, str) and kind in (dt.datetime, dt.date):
            value = kind.fromisoformat(value)
        typed[column.name] = value
    return typed


def page(
    session: Session, query: SelectOfScalar[T], *, order_by: Sequence[Any], limit: int, offset: int
) -> tuple[list[T], int]:
    """One page of `query` plus the total count of its matches."""
    total = session.exec(select(func.count()).select_from(query.order_by(None).subquery())).one()
    rows = session.exec(query.order_by(*order_by).limit(limit).offset(offset)).all()
    return list(rows), int(total)


def add(session: Session, row: T) -> T:
    """Insert a row and flush so its defaults are populated."""
    session.add(row)
    session.flush()
    return row


def insert_once(session: Session, row: SQLModel) -> bool:
    """Insert the row unless a unique constraint says it exists already (False then, nothing changed)."""
    try:
        with session.begin_nested():
            session.add(row)
            session.flush()
    except IntegrityError:
        return False
    return True

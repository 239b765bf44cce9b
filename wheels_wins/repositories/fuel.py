"""Fuel fill-ups, scoped by the acting user."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from sqlmodel import Session, col, func, select

from wheels_wins.models import FuelEntry
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, delete_owned, get_owned, page, update_owned


def create(session: Session, *, user_id: uuid.UUID, **fields: Any) -> FuelEntry:
    """Record a fill-up row (use services.vehicle_log to keep its expense in step)."""
    row_security.as_user(session, user_id)
    return add(session, FuelEntry(user_id=user_id, **fields))


def get(session: Session, *, user_id: uuid.UUID, fuel_id: uuid.UUID) -> FuelEntry | None:
    """The user's fill-up, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, FuelEntry, user_id=user_id, record_id=fuel_id)


def update(session: Session, *, user_id: uuid.UUID, fuel_id: uuid.UUID, changes: Mapping[str, Any]) -> FuelEntry | None:
    """Change fields of the user's fill-up."""
    row_security.as_user(session, user_id)
    return update_owned(session, FuelEntry, user_id=user_id, record_id=fuel_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, fuel_id: uuid.UUID) -> bool:
    """Delete the user's fill-up row."""
    row_security.as_user(session, user_id)
    return delete_owned(session, FuelEntry, user_id=user_id, record_id=fuel_id)


def owning_expense(session: Session, *, user_id: uuid.UUID, expense_id: uuid.UUID) -> FuelEntry | None:
    """The user's fill-up whose cost is that expense, or None."""
    row_security.as_user(session, user_id)
    query = select(FuelEntry).where(FuelEntry.user_id == user_id, FuelEntry.expense_id == expense_id)
    return session.exec(query).first()


def list_page(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[FuelEntry], int]:
    """A page of the user's fill-ups, newest first."""
    row_security.as_user(session, user_id)
    query = select(FuelEntry).where(FuelEntry.user_id == user_id)
    if start:
        query = query.where(FuelEntry.date >= start)
    if end:
        query = query.where(FuelEntry.date <= end)
    return page(
        session, query, order_by=[FuelEntry.date.desc(), FuelEntry.created_at.desc()], limit=limit, offset=offset
    )


@dataclass(frozen=True)
class FuelTotals:
    """Fill-ups over a date range: how many, their litres and cost, and the lowest and highest price per litre."""

    fills: int
    litres: Decimal
    cost: Decimal
    lowest_price: Decimal | None
    highest_price: Decimal | None


def totals(
    session: Session, *, user_id: uuid.UUID, start: dt.date, end: dt.date, location: str | None = None
) -> FuelTotals:
    """The user's fill-ups between start and end inclusive (at a location holding `location`), added up in one query."""
    row_security.as_user(session, user_id)
    query = select(
        func.count(),
        func.sum(FuelEntry.litres),
        func.sum(FuelEntry.total_cost),
        func.min(FuelEntry.price_per_litre),
        func.max(FuelEntry.price_per_litre),
    ).where(FuelEntry.user_id == user_id, FuelEntry.date >= start, FuelEntry.date <= end)
    if location:
        query = query.where(col(FuelEntry.location).icontains(location, autoescape=True))
    fills, litres, cost, lowest, highest = session.exec(query).one()
    return FuelTotals(
        fills,
        Decimal(str(litres or 0)),
        Decimal(str(cost or 0)).quantize(Decimal("0.01")),
        Decimal(str(lowest)) if lowest is not None else None,
        Decimal(str(highest)) if highest is not None else None,
    )


def recent_price_per_litre(session: Session, *, user_id: uuid.UUID, limit: int = 5) -> Decimal | None:
    """Average price per litre over the user's latest fill-ups, or None without any."""
    row_security.as_user(session, user_id)
    rows = session.exec(
        select(FuelEntry.price_per_litre)
        .where(FuelEntry.user_id == user_id)
        .order_by(FuelEntry.date.desc(), FuelEntry.created_at.desc())
        .limit(limit)
    ).all()
    prices = [Decimal(str(p)) for p in rows if p]
    return (sum(prices) / len(prices)).quantize(Decimal("0.001")) if prices else None


def latest_odometer(session: Session, *, user_id: uuid.UUID) -> int | None:
    """The highest odometer reading in the fuel log."""
    row_security.as_user(session, user_id)
    row = session.exec(
        select(FuelEntry.odometer_km)
        .where(FuelEntry.user_id == user_id, FuelEntry.odometer_km.is_not(None))  # type: ignore[union-attr]
        .order_by(FuelEntry.odometer_km.desc())  # type: ignore[union-attr]
    ).first()
    return int(row) if row is not None else None

"""Spending aggregates for Wins' charts, scoped by the acting user.

Each figure's data is one GROUP BY in the database (no per-row work in Python), always
scoped by `user_id`: date ranges run on `ix_expenses_user_date`, a trip's expenses on the
`trip_id` index. Amounts come back as exact two-place Decimals.

Like the month summary in `services/money.py`, sums add every expense whatever its
`currency` column says, so the charts agree with the totals shown beside them.
"""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from sqlalchemy import extract, func
from sqlmodel import Session, select

from wheels_wins.db import to_money
from wheels_wins.models import Expense, Trip
from wheels_wins.repositories import row_security

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class TripSpending:
    """What one trip cost, by category, and how far it goes (None when the distance is unknown)."""

    trip_id: uuid.UUID
    title: str
    distance_km: float | None
    by_category: dict[str, Decimal] = field(default_factory=dict)

    @property
    def total(self) -> Decimal:
        """Everything spent on the trip."""
        return sum(self.by_category.values(), ZERO)


def _category_totals(session: Session, *conditions: Any) -> dict[str, Decimal]:
    """Spend per category of the expenses matching `conditions` (the owner check among them), largest first."""
    total = func.sum(Expense.amount)
    rows = session.exec(
        select(Expense.category, total)
        .where(*conditions)
        .group_by(Expense.category)
        .order_by(total.desc(), Expense.category)
    ).all()
    return {category: to_money(amount) for category, amount in rows if amount is not None}


def _months_back(month: dt.date, count: int) -> dt.date:
    """The first day of the month `count` months before `month`'s."""
    index = month.year * 12 + month.month - 1 - count
    return dt.date(index // 12, index % 12 + 1, 1)


def monthly_by_category(
    session: Session, *, user_id: uuid.UUID, through: dt.date, months: int = 12
) -> dict[dt.date, dict[str, Decimal]]:
    """Spend per month and category for the `months` months ending with `through`'s month.

    Keys are the first day of each month, oldest first, every month present (an empty dict
    when nothing was spent); each month's categories are in no particular order.
    """
    row_security.as_user(session, user_id)
    if months < 1:
        return {}
    first = _months_back(through, months - 1)
    last = through.replace(day=calendar.monthrange(through.year, through.month)[1])
    year = extract("year", Expense.date)
    month = extract("month", Expense.date)
    rows = session.exec(
        select(year, month, Expense.category, func.sum(Expense.amount))
        .where(Expense.user_id == user_id, Expense.date >= first, Expense.date <= last)
        .group_by(year, month, Expense.category)
    ).all()
    result: dict[dt.date, dict[str, Decimal]] = {_months_back(through, n): {} for n in range(months - 1, -1, -1)}
    for y, m, category, amount in rows:
        if amount is not None:
            result[dt.date(int(y), int(m), 1)][category] = to_money(amount)
    return result


def daily_totals(session: Session, *, user_id: uuid.UUID, start: dt.date, end: dt.date) -> dict[dt.date, Decimal]:
    """Spend per day between start and end inclusive, by date; days without spending are absent."""
    row_security.as_user(session, user_id)
    rows = session.exec(
        select(Expense.date, func.sum(Expense.amount))
        .where(Expense.user_id == user_id, Expense.date >= start, Expense.date <= end)
        .group_by(Expense.date)
        .order_by(Expense.date)
    ).all()
    return {day: to_money(amount) for day, amount in rows if amount is not None}


def trip_spending(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> TripSpending | None:
    """The user's trip with its expenses summed per category; None when the trip is missing or not theirs."""
    row_security.as_user(session, user_id)
    trip = session.exec(select(Trip).where(Trip.id == trip_id, Trip.user_id == user_id)).first()
    if trip is None:
        return None
    # coalesce() keeps the owner check off the index: otherwise SQLite walks every one of the
    # user's expenses in category order (ten times slower at 100k rows) instead of the trip's.
    owned = func.coalesce(Expense.user_id, Expense.user_id) == user_id
    return TripSpending(
        trip_id=trip.id,
        title=trip.title,
        distance_km=trip.distance_km,
        by_category=_category_totals(session, Expense.trip_id == trip_id, owned),
    )

"""Expenses, scoped by the acting user."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import func, insert
from sqlmodel import Session, col, select

from wheels_wins.db import to_money, utcnow
from wheels_wins.models import Expense, Trip
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import (
    add,
    delete_owned,
    get_owned,
    page,
    update_owned,
)
from wheels_wins.repositories.text_search import contains

SORTABLE = {
    "date": Expense.date,
    "amount": Expense.amount,
    "category": Expense.category,
    "merchant": Expense.merchant,
}


def create(
    session: Session,
    *,
    user_id: uuid.UUID,
    amount: Decimal,
    category: str,
    date: dt.date,
    description: str = "",
    merchant: str = "",
    currency: str = "AUD",
    trip_id: uuid.UUID | None = None,
    source: str = "manual",
) -> Expense:
    """Record an expense."""
    row_security.as_user(session, user_id)
    return add(
        session,
        Expense(
            user_id=user_id,
            amount=to_money(amount),
            category=category,
            date=date,
            description=description,
            merchant=merchant,
            currency=currency,
            trip_id=trip_id,
            source=source,
        ),
    )


def get(session: Session, *, user_id: uuid.UUID, expense_id: uuid.UUID) -> Expense | None:
    """The user's expense, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, Expense, user_id=user_id, record_id=expense_id)


def update(
    session: Session,
    *,
    user_id: uuid.UUID,
    expense_id: uuid.UUID,
    changes: Mapping[str, Any],
) -> Expense | None:
    """Change fields of the user's expense."""
    row_security.as_user(session, user_id)
    return update_owned(session, Expense, user_id=user_id, record_id=expense_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, expense_id: uuid.UUID) -> bool:
    """Delete the user's expense."""
    row_security.as_user(session, user_id)
    return delete_owned(session, Expense, user_id=user_id, record_id=expense_id)


def _filtered(
    user_id: uuid.UUID,
    start: dt.date | None,
    end: dt.date | None,
    category: str | None,
    trip_id: uuid.UUID | None,
    search: str | None,
) -> Any:
    query = select(Expense).where(Expense.user_id == user_id)
    if start:
        query = query.where(Expense.date >= start)
    if end:
        query = query.where(Expense.date <= end)
    if category:
        query = query.where(Expense.category == category)
    if trip_id:
        query = query.where(Expense.trip_id == trip_id)
    if search:
        query = query.where(contains(search, Expense.description, Expense.merchant))
    return query


def _order(sort: str, descending: bool) -> list[Any]:
    """ORDER BY for a sort key (unknown keys sort by date), newest entry first among equals."""
    column = SORTABLE.get(sort, Expense.date)
    if descending:
        return [column.desc(), Expense.created_at.desc()]
    return [column.asc(), Expense.created_at.asc()]


def list_rows(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
    trip_id: uuid.UUID | None = None,
    search: str | None = None,
    limit: int = 50,
    offset: int = 0,
    sort: str = "date",
    descending: bool = True,
) -> list[Expense]:
    """A page of the user's expenses (newest first by default), without counting the matches."""
    row_security.as_user(session, user_id)
    query = _filtered(user_id, start, end, category, trip_id, search).order_by(*_order(sort, descending))
    return list(session.exec(query.limit(limit).offset(offset)).all())


def list_page(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
    trip_id: uuid.UUID | None = None,
    search: str | None = None,
    limit: int = 50,
    offset: int = 0,
    sort: str = "date",
    descending: bool = True,
) -> tuple[list[Expense], int]:
    """A page of the user's expenses (newest first by default) and the filtered count."""
    row_security.as_user(session, user_id)
    query = _filtered(user_id, start, end, category, trip_id, search)
    return page(session, query, order_by=_order(sort, descending), limit=limit, offset=offset)


def count_and_total(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
    trip_id: uuid.UUID | None = None,
    search: str | None = None,
) -> tuple[int, Decimal]:
    """How many expenses `list_page` would list with the same filters, and their sum."""
    row_security.as_user(session, user_id)
    conditions = _filtered(user_id, start, end, category, trip_id, search).whereclause
    count, total = session.exec(select(func.count(), func.sum(Expense.amount)).where(conditions)).one()
    return int(count), to_money(total or 0)


def sum_by_category(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date,
    end: dt.date,
    trip_id: uuid.UUID | None = None,
) -> dict[str, Decimal]:
    """Spend per category between start and end inclusive."""
    row_security.as_user(session, user_id)
    query = (
        select(Expense.category, func.sum(Expense.amount))
        .where(Expense.user_id == user_id, Expense.date >= start, Expense.date <= end)
        .group_by(Expense.category)
    )
    if trip_id:
        query = query.where(Expense.trip_id == trip_id)
    return {category: to_money(total) for category, total in session.exec(query).all() if total is not None}


def recent(session: Session, *, user_id: uuid.UUID, limit: int = 5) -> list[Expense]:
    """The user's latest expenses."""
    row_security.as_user(session, user_id)
    rows, _ = list_page(session, user_id=user_id, limit=limit)
    return rows


def find_same(
    session: Session,
    *,
    user_id: uuid.UUID,
    date: dt.date,
    amount: Decimal,
    description: str,
) -> Expense | None:
    """An existing expense with the same date, amount and description (duplicate detection)."""
    row_security.as_user(session, user_id)
    return session.exec(
        select(Expense).where(
            Expense.user_id == user_id,
            Expense.date == date,
            Expense.amount == to_money(amount),
            Expense.description == description,
        )
    ).first()


def bulk_create(
    session: Session, *, user_id: uuid.UUID, rows: Sequence[Mapping[str, Any]], source: str = "import"
) -> int:
    """Insert many expenses in one multi-row statement; each row gives amount, category and date.

    Optional per row: description, merchant, currency (default AUD) and trip_id. Returns how many were inserted.
    """
    row_security.as_user(session, user_id)
    if not rows:
        return 0
    now = utcnow()
    params = [
        {
            "id": uuid.uuid4(),
            "created_at": now,
            "updated_at": now,
            "user_id": user_id,
            "amount": to_money(row["amount"]),
            "category": row["category"],
            "date": row["date"],
            "description": row.get("description", ""),
            "merchant": row.get("merchant", ""),
            "currency": row.get("currency", "AUD"),
            "trip_id": row.get("trip_id"),
            "source": source,
        }
        for row in rows
    ]
    session.exec(insert(Expense), params=params)
    return len(params)


def signatures_between(
    session: Session, *, user_id: uuid.UUID, start: dt.date, end: dt.date
) -> list[tuple[dt.date, Decimal, str]]:
    """(date, amount, description) of the user's expenses from start to end inclusive (duplicate detection)."""
    row_security.as_user(session, user_id)
    query = select(Expense.date, Expense.amount, Expense.description).where(
        Expense.user_id == user_id, Expense.date >= start, Expense.date <= end
    )
    return [(date, to_money(amount), description) for date, amount, description in session.exec(query).all()]


def category_choices(session: Session, *, user_id: uuid.UUID, limit: int = 5000) -> list[tuple[str, str, str]]:
    """(merchant, description, category) of expenses the user categorised (manual or imported), newest first."""
    row_security.as_user(session, user_id)
    query = (
        select(Expense.merchant, Expense.description, Expense.category)
        .where(Expense.user_id == user_id, col(Expense.source).in_(("manual", "import")))
        .order_by(col(Expense.date).desc(), col(Expense.created_at).desc())
        .limit(limit)
    )
    return [tuple(row) for row in session.exec(query).all()]  # type: ignore[misc]


def export_rows(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
    trip_id: uuid.UUID | None = None,
    search: str | None = None,
) -> list[tuple[dt.date, str, str, str, Decimal, str, str | None]]:
    """(date, description, merchant, category, amount, currency, trip title) of what `list_page` lists, in its order."""
    row_security.as_user(session, user_id)
    filters = _filtered(user_id, start, end, category, trip_id, search).whereclause
    query = (
        select(
            Expense.date,
            Expense.description,
            Expense.merchant,
            Expense.category,
            Expense.amount,
            Expense.currency,
            Trip.title,
        )
        .select_from(Expense)
        .outerjoin(Trip, col(Trip.id) == Expense.trip_id)
        .where(filters)
        .order_by(col(Expense.date).desc(), col(Expense.created_at).desc())
    )
    return [tuple(row) for row in session.exec(query).all()]  # type: ignore[misc]

"""Income entries, scoped by the acting user."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import func, or_
from sqlmodel import Session, select

from wheels_wins.db import to_money
from wheels_wins.models import IncomeEntry
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, delete_owned, get_owned, page, update_owned
from wheels_wins.repositories.text_search import contains


def create(
    session: Session,
    *,
    user_id: uuid.UUID,
    amount: Decimal,
    source: str,
    date: dt.date,
    description: str = "",
    currency: str = "AUD",
) -> IncomeEntry:
    """Record income."""
    row_security.as_user(session, user_id)
    return add(
        session,
        IncomeEntry(
            user_id=user_id,
            amount=to_money(amount),
            source=source,
            date=date,
            description=description,
            currency=currency,
        ),
    )


def get(session: Session, *, user_id: uuid.UUID, income_id: uuid.UUID) -> IncomeEntry | None:
    """The user's income entry, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, IncomeEntry, user_id=user_id, record_id=income_id)


def update(
    session: Session, *, user_id: uuid.UUID, income_id: uuid.UUID, changes: Mapping[str, Any]
) -> IncomeEntry | None:
    """Change fields of the user's income entry."""
    row_security.as_user(session, user_id)
    return update_owned(session, IncomeEntry, user_id=user_id, record_id=income_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, income_id: uuid.UUID) -> bool:
    """Delete the user's income entry."""
    row_security.as_user(session, user_id)
    return delete_owned(session, IncomeEntry, user_id=user_id, record_id=income_id)


def list_page(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    limit: int = 50,
    offset: int = 0,
) -> tuple[list[IncomeEntry], int]:
    """A page of the user's income, newest first."""
    row_security.as_user(session, user_id)
    query = select(IncomeEntry).where(IncomeEntry.user_id == user_id)
    if start:
        query = query.where(IncomeEntry.date >= start)
    if end:
        query = query.where(IncomeEntry.date <= end)
    return page(
        session, query, order_by=[IncomeEntry.date.desc(), IncomeEntry.created_at.desc()], limit=limit, offset=offset
    )


def total(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date,
    end: dt.date,
    source: str | None = None,
    also: tuple[str, ...] = (),
) -> Decimal:
    """Income between start and end inclusive; with `source`, only entries whose source or description contains it
    (or one of the words `also` gives)."""
    row_security.as_user(session, user_id)
    query = select(func.sum(IncomeEntry.amount)).where(
        IncomeEntry.user_id == user_id, IncomeEntry.date >= start, IncomeEntry.date <= end
    )
    if source:
        query = query.where(or_(*(contains(word, IncomeEntry.source, IncomeEntry.description) for word in (source, *also))))
    return to_money(session.exec(query).one() or 0)

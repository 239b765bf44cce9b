"""Monthly budgets per category, scoped by the acting user."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlmodel import Session, select

from wheels_wins.db import to_money, utcnow
from wheels_wins.models import Budget
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add


def list_all(session: Session, *, user_id: uuid.UUID) -> list[Budget]:
    """The user's budgets, by category."""
    row_security.as_user(session, user_id)
    return list(session.exec(select(Budget).where(Budget.user_id == user_id).order_by(Budget.category)).all())


def get(session: Session, *, user_id: uuid.UUID, category: str) -> Budget | None:
    """The user's budget for one category."""
    row_security.as_user(session, user_id)
    return session.exec(select(Budget).where(Budget.user_id == user_id, Budget.category == category)).first()


def upsert(session: Session, *, user_id: uuid.UUID, category: str, amount: Decimal) -> Budget:
    """Set the monthly amount for a category, creating the budget if needed."""
    row_security.as_user(session, user_id)
    budget = get(session, user_id=user_id, category=category)
    if budget is None:
        return add(session, Budget(user_id=user_id, category=category, amount=to_money(amount)))
    budget.amount = to_money(amount)
    budget.updated_at = utcnow()
    session.add(budget)
    session.flush()
    return budget


def delete(session: Session, *, user_id: uuid.UUID, category: str) -> bool:
    """Remove the budget for a category."""
    row_security.as_user(session, user_id)
    budget = get(session, user_id=user_id, category=category)
    if budget is None:
        return False
    session.delete(budget)
    session.flush()
    return True

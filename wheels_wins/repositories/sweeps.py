"""Batches of users for the background jobs: the one listing that reads across users (ids and timezones only)."""

from __future__ import annotations

import uuid
from typing import Literal

from sqlmodel import Session, col, select

from wheels_wins.models import Budget, User
from wheels_wins.repositories import row_security

Choice = Literal["notify_budget", "notify_maintenance"]


def user_batch(
    session: Session,
    *,
    after: uuid.UUID | None,
    limit: int,
    wanting: Choice | None = None,
    with_budgets: bool = False,
) -> list[tuple[uuid.UUID, str]]:
    """Up to `limit` users with ids above `after`, as (id, timezone) in id order.

    Keyset paging: users joining or leaving mid-sweep never shift a page. `wanting` keeps only
    users who left that notification choice on; `with_budgets` only those with a budget above zero.
    """
    query = select(User.id, User.timezone).order_by(col(User.id)).limit(limit)
    if after is not None:
        query = query.where(col(User.id) > after)
    if wanting is not None:
        query = query.where(col(getattr(User, wanting)).is_(True))
    if with_budgets:
        budgets = select(Budget.id).where(Budget.user_id == User.id, col(Budget.amount) > 0)
        query = query.where(budgets.exists())
    with row_security.system(session):
        return [(user_id, timezone) for user_id, timezone in session.exec(query).all()]

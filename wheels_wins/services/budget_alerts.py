"""Budget alerts: an in-app notice when a category's spend this month reaches 80% and 100% of its budget.

Checked before every commit that touched the user's expenses or budgets, whatever wrote them
(see `money_changes`), inside the same transaction. The rules:

- Only the user's current month counts (in their timezone); an expense dated in another
  month cannot raise an alert. Budgets of zero never alert.
- The notice reflects the state after the write, so raising spend, adding a budget below
  what was already spent, or lowering a budget all alert alike.
- Once per threshold per category per month: `dedupe_key` is `budget:{category}:{YYYY-MM}:{80|100}`.
- A write that jumps straight past 100% shows one notice; the 80% one is recorded as read.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from wheels_wins.db import lost_connection
from wheels_wins.models import Notification
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.repositories import users as user_repo
from wheels_wins.routes import WINS
from wheels_wins.services.categories import CATEGORY_LABELS
from wheels_wins.services.money import format_money, month_range, today_in

log = logging.getLogger(__name__)

THRESHOLDS = (80, 100)
KIND = "budget"


@dataclass(frozen=True)
class BudgetAlert:
    """One notice due for one category in one month."""

    dedupe_key: str
    title: str
    body: str
    quiet: bool = False


def dedupe_key(category: str, month: dt.date, threshold: int) -> str:
    """`budget:fuel:2026-03:80`."""
    return f"budget:{category}:{month:%Y-%m}:{threshold}"


def alerts_due(*, category: str, spent: Decimal, budget: Decimal, month: dt.date, currency: str) -> list[BudgetAlert]:
    """The notices this spend against this budget calls for (already-sent ones are filtered later by dedupe key)."""
    if budget <= 0:
        return []
    reached = [t for t in THRESHOLDS if spent * 100 >= budget * t]
    if not reached:
        return []
    label = CATEGORY_LABELS.get(category, category.capitalize())
    name = label.lower()
    summary = (
        f"{format_money(spent, currency)} of {format_money(budget, currency)} in {calendar.month_name[month.month]}"
    )
    left = budget - spent
    if left > 0:
        body = f"{format_money(left, currency)} left for {name} this month."
    elif left == 0:
        body = f"Nothing left for {name} this month."
    else:
        body = f"{format_money(-left, currency)} over the {name} budget this month."
    top = reached[-1]
    return [
        BudgetAlert(dedupe_key(category, month, t), f"{label} budget {t}% used — {summary}", body, quiet=t != top)
        for t in reached
    ]


def _relevant(touched: Iterable[tuple[str | None, dt.date | None]], today: dt.date) -> set[str | None]:
    """Categories touched in this month (None means all of them)."""
    return {c for c, day in touched if day is None or (day.year, day.month) == (today.year, today.month)}


def _alerts_for_user(
    session: Session, user_id: uuid.UUID, touched: list[tuple[str | None, dt.date | None]]
) -> list[BudgetAlert]:
    user = user_repo.get_by_id(session, user_id=user_id)
    if user is None:
        return []
    today = today_in(user.timezone)
    categories = _relevant(touched, today)
    if not categories:
        return []
    budgets = [
        b
        for b in budget_repo.list_all(session, user_id=user_id)
        if b.amount > 0 and (None in categories or b.category in categories)
    ]
    if not budgets:
        return []
    start, end = month_range(today)
    spent = expense_repo.sum_by_category(session, user_id=user_id, start=start, end=end)
    return [
        alert
        for b in budgets
        for alert in alerts_due(
            category=b.category,
            spent=spent.get(b.category, Decimal("0.00")),
            budget=b.amount,
            month=start,
            currency=user.currency,
        )
    ]


def _notify(session: Session, user_id: uuid.UUID, alerts: list[BudgetAlert]) -> list[Notification]:
    created = []
    for alert in alerts:
        note = notification_repo.notify_once(
            session,
            user_id=user_id,
            kind=KIND,
            title=alert.title,
            body=alert.body,
            link=WINS,
            dedupe_key=alert.dedupe_key,
        )
        if note is not None:
            if alert.quiet:
                note.read_at = note.created_at
                session.add(note)
            created.append(note)
    return created


def check_budgets(
    session: Session, touched: Iterable[tuple[uuid.UUID, str | None, dt.date | None]]
) -> list[Notification]:
    """Add the notices due for the (user, category, day) triples a transaction touched; returns the new ones.

    Notices are written in a savepoint: a concurrent transaction sending the same notice (the
    dedupe key is unique) or any other failure there costs the notice, never the user's write.
    """
    by_user: dict[uuid.UUID, list[tuple[str | None, dt.date | None]]] = {}
    for user_id, category, day in touched:
        by_user.setdefault(user_id, []).append((category, day))
    created: list[Notification] = []
    for user_id, items in sorted(by_user.items()):
        alerts = _alerts_for_user(session, user_id, items)
        if not alerts:
            continue
        try:
            with session.begin_nested():
                notes = _notify(session, user_id, alerts)
        except SQLAlchemyError as exc:
            if lost_connection(exc):
                raise
            log.warning("Budget alerts skipped for one user (%s)", exc.__class__.__name__)
        else:
            created += notes
    return created

"""Money rules: the user's today and month, summaries, budget status and formatting."""

from __future__ import annotations

import calendar
import datetime as dt
import uuid
from dataclasses import dataclass, field
from decimal import Decimal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from sqlmodel import Session

from wheels_wins.db import to_money
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import income as income_repo

ZERO = Decimal("0.00")
CURRENCY_SYMBOLS = {"AUD": "$", "USD": "$", "NZD": "$", "CAD": "$", "EUR": "€", "GBP": "£", "JPY": "¥"}


def zone(timezone: str | None) -> ZoneInfo:
    """The user's ZoneInfo, falling back to UTC for unknown names."""
    try:
        return ZoneInfo(timezone or "UTC")
    except (ZoneInfoNotFoundError, ValueError):
        return ZoneInfo("UTC")


def today_in(timezone: str | None) -> dt.date:
    """Today's date where the user is."""
    return dt.datetime.now(zone(timezone)).date()


def month_range(day: dt.date) -> tuple[dt.date, dt.date]:
    """First and last day of the month containing `day`."""
    last = calendar.monthrange(day.year, day.month)[1]
    return day.replace(day=1), day.replace(day=last)


def format_money(amount: Decimal | int | str | None, currency: str = "AUD") -> str:
    """`$1,234.50` style text in the user's currency (codes without a symbol are prefixed)."""
    value = to_money(amount or 0)
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), f"{currency.upper()} ")
    sign = "-" if value < 0 else ""
    return f"{sign}{symbol}{abs(value):,.2f}"


@dataclass(frozen=True)
class BudgetStatus:
    """One category's budget this month."""

    category: str
    amount: Decimal
    spent: Decimal
    remaining: Decimal

    @property
    def ratio(self) -> float:
        """Share of the budget spent (0 when the budget is zero)."""
        return float(self.spent / self.amount) if self.amount else 0.0


@dataclass(frozen=True)
class MonthSummary:
    """Spend, income and budgets for one period."""

    start: dt.date
    end: dt.date
    total: Decimal
    by_category: dict[str, Decimal]
    income: Decimal = ZERO
    budgets: list[BudgetStatus] = field(default_factory=list)

    @property
    def budget_total(self) -> Decimal:
        """Sum of all monthly budgets."""
        return sum((b.amount for b in self.budgets), ZERO)

    @property
    def net(self) -> Decimal:
        """Income minus spending."""
        return self.income - self.total


def spend_summary(session: Session, *, user_id: uuid.UUID, start: dt.date, end: dt.date) -> tuple[Decimal, dict[str, Decimal]]:
    """Total and per-category spend between start and end inclusive."""
    by_category = expense_repo.sum_by_category(session, user_id=user_id, start=start, end=end)
    ordered = dict(sorted(by_category.items(), key=lambda item: item[1], reverse=True))
    return sum(ordered.values(), ZERO), ordered


def budget_statuses(session: Session, *, user_id: uuid.UUID, today: dt.date) -> list[BudgetStatus]:
    """Every budget with this month's spend and what remains."""
    start, end = month_range(today)
    spent = expense_repo.sum_by_category(session, user_id=user_id, start=start, end=end)
    return [
        BudgetStatus(b.category, b.amount, spent.get(b.category, ZERO), b.amount - spent.get(b.category, ZERO))
        for b in budget_repo.list_all(session, user_id=user_id)
    ]


def month_summary(session: Session, *, user_id: uuid.UUID, today: dt.date) -> MonthSummary:
    """This month at a glance: spend by category, income and budgets."""
    start, end = month_range(today)
    total, by_category = spend_summary(session, user_id=user_id, start=start, end=end)
    return MonthSummary(
        start=start,
        end=end,
        total=total,
        by_category=by_category,
        income=income_repo.total(session, user_id=user_id, start=start, end=end),
        budgets=budget_statuses(session, user_id=user_id, today=today),
    )

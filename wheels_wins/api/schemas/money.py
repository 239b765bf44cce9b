"""Wins: expenses, their summary, budgets and income."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import ClassVar, Literal

from pydantic import Field

from wheels_wins.api.schemas.common import Category, Currency, Money, MoneyOut, Patch, Schema, Str, Timestamp


class ExpenseCreate(Schema):
    """A new expense; `date` defaults to today and `currency` to the user's."""

    amount: Money
    category: Category
    date: dt.date | None = None
    description: Str = Field("", max_length=300)
    merchant: Str = Field("", max_length=120)
    currency: Currency | None = None
    trip_id: uuid.UUID | None = None


class ExpenseUpdate(Patch):
    """Expense fields to change."""

    nullable: ClassVar[frozenset[str]] = frozenset({"trip_id"})

    amount: Money | None = None
    category: Category | None = None
    date: dt.date | None = None
    description: Str | None = Field(None, max_length=300)
    merchant: Str | None = Field(None, max_length=120)
    currency: Currency | None = None
    trip_id: uuid.UUID | None = None


class ExpensePublic(Schema):
    """An expense; `source` is `fuel` or `maintenance` when a fill-up or service record owns it."""

    id: uuid.UUID
    amount: MoneyOut
    currency: str
    category: str
    description: str
    date: dt.date
    merchant: str
    trip_id: uuid.UUID | None
    source: str
    created_at: Timestamp


class ExpenseSummary(Schema):
    """Spend between two dates inclusive, in total and per category (largest first)."""

    start: dt.date
    end: dt.date
    total: MoneyOut
    by_category: dict[str, MoneyOut]
    currency: str


class BudgetAmount(Schema):
    """A monthly budget amount."""

    amount: Money


class BudgetPublic(Schema):
    """A category's monthly budget with this month's spend in the user's timezone."""

    category: str
    amount: MoneyOut
    period: Literal["monthly"] = "monthly"
    spent: MoneyOut
    remaining: MoneyOut


class IncomeCreate(Schema):
    """New income; `date` defaults to today and `currency` to the user's."""

    amount: Money
    source: Str = Field(min_length=1, max_length=120)
    date: dt.date | None = None
    description: Str = Field("", max_length=300)
    currency: Currency | None = None


class IncomeUpdate(Patch):
    """Income fields to change."""

    amount: Money | None = None
    source: Str | None = Field(None, min_length=1, max_length=120)
    date: dt.date | None = None
    description: Str | None = Field(None, max_length=300)
    currency: Currency | None = None


class IncomePublic(Schema):
    """An income entry."""

    id: uuid.UUID
    amount: MoneyOut
    currency: str
    source: str
    date: dt.date
    description: str
    created_at: Timestamp

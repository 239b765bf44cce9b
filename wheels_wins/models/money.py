"""Wins: expenses, budgets and income."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from wheels_wins.models.base import TableBase, money_field, owner_field


class Expense(TableBase, table=True):
    """Money spent; `source` says whether a fuel fill or maintenance record owns it."""

    __tablename__ = "expenses"
    __table_args__ = (
        # Covers the month's per-category sums without touching the table (date first for the range).
        Index("ix_expenses_user_date_category_amount", "user_id", "date", "category", "amount"),
        Index("ix_expenses_user_category_date", "user_id", "category", "date"),
    )

    user_id: uuid.UUID = owner_field()
    amount: Decimal = money_field()
    currency: str = Field(default="AUD", max_length=3)
    category: str = Field(max_length=20)
    description: str = Field(default="", max_length=300)
    merchant: str = Field(default="", max_length=120)
    date: dt.date
    trip_id: uuid.UUID | None = Field(default=None, foreign_key="trips.id", index=True, ondelete="SET NULL")
    source: str = Field(default="manual", max_length=16)


class Budget(TableBase, table=True):
    """A monthly budget for one category."""

    __tablename__ = "budgets"
    __table_args__ = (UniqueConstraint("user_id", "category", name="uq_budgets_user_category"),)

    user_id: uuid.UUID = owner_field()
    category: str = Field(max_length=20)
    amount: Decimal = money_field()
    period: str = Field(default="monthly", max_length=10)


class IncomeEntry(TableBase, table=True):
    """Money earned."""

    __tablename__ = "income_entries"
    __table_args__ = (Index("ix_income_user_date", "user_id", "date"),)

    user_id: uuid.UUID = owner_field()
    amount: Decimal = money_field()
    currency: str = Field(default="AUD", max_length=3)
    source: str = Field(max_length=120)
    date: dt.date
    description: str = Field(default="", max_length=300)

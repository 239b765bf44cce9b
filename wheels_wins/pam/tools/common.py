"""Argument types and helpers shared by the tool modules."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated, Literal

from pydantic import Field

from wheels_wins.services.money import format_money, month_range

PositiveMoney = Annotated[Decimal, Field(gt=0, max_digits=12, decimal_places=2, description="Amount, e.g. 45.50")]
ShortText = Annotated[str, Field(max_length=300)]
Period = Literal["today", "yesterday", "this_week", "last_week", "this_month", "last_month", "this_year", "all_time"]
PERIOD_LABELS = {
    "today": "today", "yesterday": "yesterday", "this_week": "this week", "last_week": "last week",
    "this_month": "this month", "last_month": "last month", "this_year": "this year", "all_time": "so far",
}


def period_range(period: Period, today: dt.date) -> tuple[dt.date, dt.date]:
    """Inclusive date range for a named period relative to today."""
    if period == "today":
        return today, today
    if period == "yesterday":
        day = today - dt.timedelta(days=1)
        return day, day
    if period in ("this_week", "last_week"):
        monday = today - dt.timedelta(days=today.weekday())
        if period == "last_week":
            monday -= dt.timedelta(days=7)
        return monday, monday + dt.timedelta(days=6)
    if period == "last_month":
        return month_range(today.replace(day=1) - dt.timedelta(days=1))
    if period == "this_year":
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    if period == "all_time":
        return dt.date(1900, 1, 1), dt.date(9999, 12, 31)
    return month_range(today)


def resolve_range(
    period: Period, start: dt.date | None, end: dt.date | None, today: dt.date
) -> tuple[dt.date, dt.date, str]:
    """The range to report on: explicit start/end when both are given, else the named period; plus a label."""
    if start and end:
        low, high = min(start, end), max(start, end)
        return low, high, f"between {low:%-d %b} and {high:%-d %b %Y}"
    low, high = period_range(period, today)
    return low, high, PERIOD_LABELS[period]


def money_text(amount: Decimal | None, currency: str) -> str:
    """Money formatted for replies."""
    return format_money(amount or Decimal(0), currency)

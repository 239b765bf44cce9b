"""Argument types and helpers shared by the tool modules."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Annotated, Literal, TypeVar

from pydantic import Field

from wheels_wins.models import Trip
from wheels_wins.pam.types import ToolContext
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services.money import format_money, month_range

T = TypeVar("T")

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
        if low == high:
            return low, high, "today" if low == today else "yesterday" if low == today - dt.timedelta(days=1) else f"on {low:%-d %b %Y}"
        if high == today:
            return low, high, f"since {low:%-d %b}" + (f" {low:%Y}" if low.year != today.year else "")
        first = f"{low:%-d %b}" if low.year == high.year else f"{low:%-d %b %Y}"  # "1 Jul 2024 and 30 Jun 2025"
        return low, high, f"between {first} and {high:%-d %b %Y}"
    low, high = period_range(period, today)
    return low, high, PERIOD_LABELS[period]


def money_text(amount: Decimal | None, currency: str) -> str:
    """Money formatted for replies."""
    return format_money(amount or Decimal(0), currency)


def mid_sentence(text: str) -> str:
    """Words as typed, read mid-sentence: "Flushed the tanks" → "flushed the tanks"; "LPG check" stays."""
    return text[:1].lower() + text[1:] if re.match(r"[A-Z][a-z]", text) else text


_RECORD_VERB = re.compile(r"^(?:Logged|Recorded|Added|Deleted)\s+")


def record_named(summary: str) -> str | None:
    """What a chip of a record made or deleted names: "Logged $40.00 groceries" → "$40.00 groceries"; None for others."""
    opening = _RECORD_VERB.match(summary)
    return summary[opening.end() :] if opening else None


def trip_underway(ctx: ToolContext) -> Trip | None:
    """The trip under way, which new spending goes on (as the Wins editor files it, visibly)."""
    return trip_repo.underway(ctx.session, user_id=ctx.user_id)


def on_trip(trip: Trip | None) -> str:
    """How a chip says where the spending went: ' on your trip “Southern loop”', or nothing."""
    return f" on your trip “{trip.title}”" if trip else ""


def holds_words(text: str, words: list[str]) -> bool:
    """Whether every word starts a word of `text`, in any case ("vet" is in "Vet for Milo", not in "Corvette"; "tyre"
    is in "tyres"); False for no words, so that a request naming nothing matches nothing."""
    return bool(words) and all(re.search(rf"(?<![^\W_]){re.escape(w)}", text, re.IGNORECASE) for w in words)


def lookback(ctx: ToolContext, date: dt.date | None, days: int) -> tuple[dt.date, dt.date]:
    """The days a described record is looked for in: the day said, else the last `days` days up to today."""
    return (date, date) if date else (ctx.today - dt.timedelta(days=days), ctx.today)


def newer_copies(rows: list[T], key: Callable[[T], object]) -> list[T]:
    """Of rows newest first, each that has an older copy with the same key (the newer of a thing recorded twice)."""
    keys = [key(row) for row in rows]
    return [row for i, row in enumerate(rows) if keys[i] in keys[i + 1 :]]

"""What a money form accepts: amounts, dates and text lengths, each with the message shown beside its field."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from wheels_wins.services.categories import CATEGORIES

MAX_AMOUNT = Decimal("9999999999.99")
MAX_DESCRIPTION = 300
MAX_MERCHANT = 120
MAX_SOURCE = 120


def parse_amount(text: str) -> tuple[Decimal | None, str]:
    """An amount from what was typed, or an error message: more than zero, at most 2 decimal places."""
    cleaned = text.strip().replace(",", "").lstrip("$").strip()
    if not cleaned:
        return None, "Enter an amount."
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None, "Enter the amount as a number, like 45.50."
    if not amount.is_finite():
        return None, "Enter the amount as a number, like 45.50."
    if amount <= 0:
        return None, "The amount must be more than zero."
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        return None, "Use at most 2 decimal places."
    if amount > MAX_AMOUNT:
        return None, "That amount is too large."
    return amount, ""


def parse_day(text: str) -> tuple[dt.date | None, str]:
    """A calendar date from a YYYY-MM-DD value, or an error message."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return None, "Enter a real date."
    if day.year < 1970 or day.year > 2100:
        return None, "Enter a real date."
    return day, ""


def check_category(value: str) -> str:
    """The error for a category that isn't one of ours, or ""."""
    return "" if value in CATEGORIES else "Choose a category."


def check_length(value: str, limit: int, what: str) -> str:
    """The error for text over `limit` characters, or ""."""
    return f"Keep the {what} under {limit} characters." if len(value) > limit else ""

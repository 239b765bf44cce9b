"""What the maintenance forms accept: distances typed in the user's unit, months, task names; each with its message."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from wheels_wins.services.units import display_to_km

MAX_TASK = 160
MAX_NOTES = 2000
MAX_ODOMETER_KM = 10_000_000
MAX_MONTHS = 120


def parse_distance(text: str, units: str, *, allow_zero: bool = False) -> tuple[int | None, str]:
    """Whole km from a distance typed in the user's unit ('' is None, no error), or an error message."""
    cleaned = text.strip().replace(",", "").replace(" ", "")
    if not cleaned:
        return None, ""
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, "Enter a number, like 10000."
    if not value.is_finite():
        return None, "Enter a number, like 10000."
    if value < 0:
        return None, "Can't be negative."
    if value == 0 and not allow_zero:
        return None, "Enter a number above zero."
    km = round(display_to_km(float(value), units))
    if km > MAX_ODOMETER_KM:
        return None, "That distance is too large."
    return km, ""


def parse_months(text: str) -> tuple[int | None, str]:
    """A whole number of months from 1 to 120 ('' is None, no error), or an error message."""
    cleaned = text.strip()
    if not cleaned:
        return None, ""
    if not cleaned.isdigit():
        return None, "Enter a whole number of months."
    months = int(cleaned)
    if not 0 < months <= MAX_MONTHS:
        return None, f"Choose between 1 and {MAX_MONTHS} months."
    return months, ""


def check_task(task: str) -> str:
    """The error for a missing or over-long task name, or ""."""
    if not task:
        return "Name the task, like Oil change."
    return f"Keep the task under {MAX_TASK} characters." if len(task) > MAX_TASK else ""


def sentence(message: str) -> str:
    """A service message ('there is already a schedule for Oil change') as shown under a field."""
    text = message[:1].upper() + message[1:]
    return text if text.endswith(".") else text + "."


def changed_only(
    values: Mapping[str, Any], columns: Mapping[str, str], typed: Mapping[str, Any], shown: Mapping[str, str]
) -> dict[str, Any]:
    """The `values` (by column) whose input (named in `columns`) differs from what the dialog showed.

    Editing then leaves untouched figures exact: 120,000 km shown as 74,565 mi would come back as 120,001.
    """
    return {
        column: values[column]
        for name, column in columns.items()
        if str(typed.get(name, "")).strip() != shown[name].strip()
    }

"""Wheels › Vehicle: what the profile form accepts, and fuel figures as text, in the user's units."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from decimal import Decimal, InvalidOperation
from typing import Any

from pydantic import ValidationError
from sqlmodel import Session

from wheels_wins.api.schemas.vehicle import (
    MAX_CONSUMPTION,
    MAX_MAKE,
    MAX_NAME,
    MAX_TANK_LITRES,
    MIN_CONSUMPTION,
    MIN_YEAR,
    VehicleIn,
)
from wheels_wins.models import Vehicle
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.services import units


def number_text(value: float | Decimal, places: int) -> str:
    """A figure for an input: at most `places` decimals, trailing zeros dropped."""
    text = f"{value:.{places}f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def parse_number(text: str) -> tuple[Decimal | None, bool]:
    """A number typed in a form (commas allowed): (value, True), (None, True) when blank, (None, False) when not one."""
    cleaned = text.strip().replace(",", "")
    if not cleaned:
        return None, True
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None, False
    return (value, True) if value.is_finite() else (None, False)


def odometer_text(km: int | None, unit_system: str) -> str:
    """'120,500 km' or '74,876 mi'; blank when unknown."""
    return "" if km is None else units.format_distance(km, unit_system)


def profile_messages(unit_system: str) -> dict[str, str]:
    """What each profile field says when its value is refused, in the user's units."""
    biggest_tank = units.litres_to_display(Decimal(str(MAX_TANK_LITRES)), unit_system)
    lowest, highest = sorted(
        units.consumption_to_display(value, unit_system) for value in (MIN_CONSUMPTION, MAX_CONSUMPTION)
    )
    return {
        "name": f"Give the vehicle a name, up to {MAX_NAME} characters.",
        "make": f"Keep the make under {MAX_MAKE} characters.",
        "model": f"Keep the model under {MAX_MAKE} characters.",
        "year": f"Enter the year as four digits from {MIN_YEAR} to next year, or leave it empty.",
        "fuel_type": "Choose a fuel type.",
        "tank_litres": f"Tank size must be more than 0 and at most {biggest_tank:,.0f} {units.volume_unit(unit_system)}.",
        "consumption_l_per_100km": f"Expected consumption must be between {number_text(lowest, 1)} and "
        f"{number_text(highest, 1)} {units.consumption_unit(unit_system)}.",
    }


def read_profile(
    form: Mapping[str, Any], unit_system: str, kept: Mapping[str, Any]
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The profile typed in the form, in metric and validated by `VehicleIn`, or the message for each refused field.

    `kept` maps the tank and consumption texts the form started from to their stored values, so a
    field left as it was keeps its exact stored figure rather than a units round trip of it.
    """
    text = {key: str(form.get(key, "") or "").strip() for key in ("name", "make", "model", "year", "fuel_type")}
    data: dict[str, Any] = {**text, "fuel_type": text["fuel_type"] or "diesel"}
    refused: set[str] = set()

    year, ok = parse_number(text["year"])
    if not ok or (year is not None and year != year.to_integral_value()):
        refused.add("year")
    data["year"] = int(year) if ok and year is not None and "year" not in refused else None

    tank_text = str(form.get("tank", "") or "").strip()
    tank, ok = parse_number(tank_text)
    if tank_text and tank_text == kept.get("tank_text"):
        data["tank_litres"] = kept.get("tank_litres")
    elif not ok:
        refused.add("tank_litres")
    else:
        data["tank_litres"] = float(units.display_to_litres(tank, unit_system)) if tank is not None else None

    consumption_text = str(form.get("consumption", "") or "").strip()
    consumption, ok = parse_number(consumption_text)
    if consumption_text and consumption_text == kept.get("consumption_text"):
        data["consumption_l_per_100km"] = kept.get("consumption_l_per_100km")
    elif not ok or consumption is None or consumption <= 0:
        refused.add("consumption_l_per_100km")
    else:
        data["consumption_l_per_100km"] = round(units.display_to_consumption(float(consumption), unit_system), 2)

    for name in refused:
        data.pop(name, None)
    try:
        profile = VehicleIn.model_validate(data)
    except ValidationError as error:
        refused.update(str(problem["loc"][0]) for problem in error.errors() if problem.get("loc"))
        profile = None
    if refused:
        messages = profile_messages(unit_system)
        return None, {name: messages.get(name, "Check this field.") for name in refused}
    assert profile is not None
    return profile.model_dump(), {}


def save_profile(session: Session, *, user_id: uuid.UUID, fields: Mapping[str, Any]) -> Vehicle:
    """Create the user's vehicle, or change the one they have."""
    return vehicle_repo.save_primary(session, user_id=user_id, fields=fields)[0]

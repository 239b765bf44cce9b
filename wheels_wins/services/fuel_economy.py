"""Fuel economy from the fuel log: consumption measured between full fills, and the basis of trip fuel estimates.

The tank is full at both ends of an interval, so all fuel added after the first full fill up to and
including the second was burned over the odometer distance between them. Only full fills with an
odometer reading can bound an interval; partial fills (and full fills without a reading) inside one
add their litres to it. An interval whose odometer does not increase is skipped.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from typing import Literal

from sqlmodel import Session

from wheels_wins.models import FuelEntry
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import vehicles as vehicle_repo

DEFAULT_PRICE_PER_LITRE = Decimal("1.95")
"""Used for trip estimates until the fuel log has a price."""
DEFAULT_CONSUMPTION_L_PER_100KM = 14.0
"""Used for trip estimates until the user describes their vehicle: a typical tow vehicle with a van."""
AVERAGE_INTERVALS = 10
"""How many of the newest intervals the average covers."""
HISTORY_FILLS = 200
"""How many of the newest fill-ups are read to find the intervals."""
_HUNDREDTHS = Decimal("0.01")


@dataclass(frozen=True)
class Interval:
    """Driving between two full fills: `litres` is everything added after the first, up to and including the second."""

    start_fuel_id: uuid.UUID
    end_fuel_id: uuid.UUID
    start_odometer_km: int
    end_odometer_km: int
    distance_km: int
    litres: Decimal
    l_per_100km: float


@dataclass(frozen=True)
class EstimateBasis:
    """What trip fuel-cost estimates multiply: the vehicle's expected consumption and a recent price per litre."""

    consumption_l_per_100km: float
    consumption_source: Literal["vehicle", "default"]
    price_per_litre: Decimal
    price_source: Literal["log", "default"]


@dataclass(frozen=True)
class Economy:
    """Measured intervals (newest first), their distance-weighted average over the recent window, and the basis."""

    intervals: list[Interval]
    average_l_per_100km: float | None
    averaged_intervals: int
    average_distance_km: int
    average_litres: Decimal
    basis: EstimateBasis


def per_100km(litres: Decimal, distance_km: int) -> float:
    """Litres per 100 km, to two places."""
    return float((litres * 100 / distance_km).quantize(_HUNDREDTHS, rounding=ROUND_HALF_UP))


def intervals(fills: Sequence[FuelEntry]) -> list[Interval]:
    """The measurable intervals in fill-ups given oldest first, oldest interval first."""
    found: list[Interval] = []
    anchor: FuelEntry | None = None
    added = Decimal(0)
    for fill in fills:
        added += Decimal(fill.litres)
        if not fill.full_tank or fill.odometer_km is None:
            continue
        if anchor is not None and anchor.odometer_km is not None and fill.odometer_km > anchor.odometer_km:
            distance = fill.odometer_km - anchor.odometer_km
            found.append(
                Interval(
                    start_fuel_id=anchor.id,
                    end_fuel_id=fill.id,
                    start_odometer_km=anchor.odometer_km,
                    end_odometer_km=fill.odometer_km,
                    distance_km=distance,
                    litres=added,
                    l_per_100km=per_100km(added, distance),
                )
            )
        anchor, added = fill, Decimal(0)
    return found


def estimate_basis(session: Session, *, user_id: uuid.UUID) -> EstimateBasis:
    """The consumption and price trip fuel estimates use (`fuel_cost`), and where each came from."""
    vehicle = vehicle_repo.primary(session, user_id=user_id)
    price = fuel_repo.recent_price_per_litre(session, user_id=user_id)
    return EstimateBasis(
        consumption_l_per_100km=vehicle.consumption_l_per_100km if vehicle else DEFAULT_CONSUMPTION_L_PER_100KM,
        consumption_source="vehicle" if vehicle else "default",
        price_per_litre=price if price is not None else DEFAULT_PRICE_PER_LITRE,
        price_source="log" if price is not None else "default",
    )


def economy(
    session: Session, *, user_id: uuid.UUID, window: int = AVERAGE_INTERVALS, history: int = HISTORY_FILLS
) -> Economy:
    """The user's measured consumption over their newest `history` fill-ups and the trip estimate basis."""
    newest_first, _ = fuel_repo.list_page(session, user_id=user_id, limit=history)
    found = intervals(list(reversed(newest_first)))
    recent = found[-window:] if window > 0 else []
    distance = sum(i.distance_km for i in recent)
    litres = sum((i.litres for i in recent), Decimal(0))
    return Economy(
        intervals=list(reversed(found)),
        average_l_per_100km=per_100km(litres, distance) if distance else None,
        averaged_intervals=len(recent),
        average_distance_km=distance,
        average_litres=litres,
        basis=estimate_basis(session, user_id=user_id),
    )


def fuel_cost(basis: EstimateBasis, distance_km: float) -> Decimal:
    """What driving `distance_km` costs in fuel on this basis, to the cent."""
    litres = Decimal(str(distance_km)) * Decimal(str(basis.consumption_l_per_100km)) / Decimal(100)
    return (litres * basis.price_per_litre).quantize(_HUNDREDTHS, rounding=ROUND_HALF_UP)

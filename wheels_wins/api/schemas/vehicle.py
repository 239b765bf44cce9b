"""The vehicle profile and fuel economy measured from the fuel log."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal, get_args

from pydantic import Field, field_validator
from pydantic_core import PydanticCustomError

from wheels_wins.api.schemas.common import LitresOut, PricePerLitreOut, Schema, Str, Timestamp
from wheels_wins.services.fuel_economy import DEFAULT_CONSUMPTION_L_PER_100KM

FuelType = Literal["diesel", "unleaded", "premium", "e10", "e85", "lpg"]
FUEL_TYPES: tuple[str, ...] = get_args(FuelType)
FUEL_TYPE_LABELS: dict[str, str] = {
    "diesel": "Diesel",
    "unleaded": "Unleaded petrol",
    "premium": "Premium unleaded",
    "e10": "E10",
    "e85": "E85",
    "lpg": "LPG",
}
MAX_NAME = 80
MAX_MAKE = 60
MIN_YEAR = 1900
MAX_TANK_LITRES = 2000.0
MIN_CONSUMPTION = 1.0
MAX_CONSUMPTION = 100.0


class VehicleIn(Schema):
    """The whole vehicle profile; fields left out take their defaults (PUT replaces)."""

    name: Str = Field(min_length=1, max_length=MAX_NAME, examples=["The Tortoise"])
    make: Str = Field("", max_length=MAX_MAKE, examples=["Toyota"])
    model: Str = Field("", max_length=MAX_MAKE, examples=["LandCruiser 79"])
    year: int | None = Field(None, ge=MIN_YEAR, examples=[2019], description="Not later than next year")
    fuel_type: FuelType = "diesel"
    tank_litres: float | None = Field(None, gt=0, le=MAX_TANK_LITRES, examples=[180])
    consumption_l_per_100km: float = Field(
        DEFAULT_CONSUMPTION_L_PER_100KM,
        ge=MIN_CONSUMPTION,
        le=MAX_CONSUMPTION,
        examples=[15.5],
        description="Expected fuel use; trip fuel-cost estimates use it",
    )

    @field_validator("year")
    @classmethod
    def _not_in_the_future(cls, year: int | None) -> int | None:
        latest = dt.date.today().year + 1
        if year is not None and year > latest:
            raise PydanticCustomError("year", "must be {latest} or earlier", {"latest": latest})
        return year


class VehiclePublic(Schema):
    """The user's vehicle."""

    id: uuid.UUID
    name: str
    make: str
    model: str
    year: int | None
    fuel_type: str
    tank_litres: float | None
    consumption_l_per_100km: float
    created_at: Timestamp


class FuelIntervalPublic(Schema):
    """Driving between two full fills: `litres` is all fuel added after the first, up to and including the second."""

    start_fuel_id: uuid.UUID
    end_fuel_id: uuid.UUID
    start_odometer_km: int
    end_odometer_km: int
    distance_km: int
    litres: LitresOut
    l_per_100km: float


class FuelEconomyPublic(Schema):
    """Consumption measured between full fills, and what trip fuel-cost estimates multiply."""

    intervals: list[FuelIntervalPublic] = Field(description="Newest first")
    average_l_per_100km: float | None = Field(
        description="Litres over distance across the newest `averaged_intervals` intervals; null with none"
    )
    averaged_intervals: int
    average_distance_km: int
    average_litres: LitresOut
    price_per_litre: PricePerLitreOut = Field(description="Average over the latest fill-ups, else a default")
    price_source: Literal["log", "default"]
    estimate_consumption_l_per_100km: float = Field(description="The vehicle's expected consumption, else a default")
    consumption_source: Literal["vehicle", "default"]

"""Wheels: trips and their waypoints, fuel fill-ups, maintenance and the calendar."""

from __future__ import annotations

import datetime as dt
import re
import uuid
from decimal import Decimal
from typing import Annotated, Any, ClassVar, Literal

from pydantic import BeforeValidator, Field, PlainSerializer, ValidationInfo, field_validator, model_validator
from pydantic_core import PydanticCustomError

from wheels_wins.api.schemas.common import (
    Litres,
    LitresOut,
    Money,
    MoneyOut,
    Patch,
    PricePerLitre,
    PricePerLitreOut,
    Schema,
    Str,
    Timestamp,
)

TripStatus = Literal["planning", "active", "completed"]
MAX_WAYPOINTS = 50
MAX_ODOMETER_KM = 10_000_000
_DATE_ONLY = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def _end_not_before_start(end: Any, info: ValidationInfo) -> Any:
    start = info.data.get("start_date")
    if end is not None and start is not None and end < start:
        raise PydanticCustomError("date_order", "must be on or after start_date")
    return end


class WaypointIn(Schema):
    """A stop: a place name to look up offline, or a name with coordinates."""

    name: Str = Field("", max_length=160, examples=["Canberra"])
    lat: float | None = Field(None, ge=-90, le=90)
    lon: float | None = Field(None, ge=-180, le=180)

    @model_validator(mode="after")
    def _coordinates_or_name(self) -> WaypointIn:
        if (self.lat is None) != (self.lon is None):
            raise PydanticCustomError("coordinates", "give both lat and lon, or neither")
        if self.lat is None and not self.name:
            raise PydanticCustomError("waypoint", "give a place name, or lat and lon")
        return self

    def spec(self) -> str | dict[str, Any]:
        """What services.trips.resolve_stop takes."""
        if self.lat is None:
            return self.name
        return {"name": self.name, "lat": self.lat, "lon": self.lon}


class TripCreate(Schema):
    """A new trip; a blank title becomes "First stop to Last stop"."""

    title: Str = Field("", max_length=120)
    waypoints: list[WaypointIn] = Field(default_factory=list, max_length=MAX_WAYPOINTS)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    status: TripStatus = "planning"

    _dates = field_validator("end_date")(_end_not_before_start)


class TripUpdate(Patch):
    """Trip fields to change; new waypoints replace the old ones and refresh the estimates."""

    nullable: ClassVar[frozenset[str]] = frozenset({"start_date", "end_date", "budget"})

    title: Str | None = Field(None, min_length=1, max_length=120)
    status: TripStatus | None = None
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    budget: Money | None = Field(
        None, description="The trip's budget in the user's currency (see GET /trips/{id}/budget); null removes it"
    )
    notes: Str | None = Field(None, max_length=2000)
    waypoints: list[WaypointIn] | None = Field(None, max_length=MAX_WAYPOINTS)


class WaypointPublic(Schema):
    """A stop in order."""

    name: str
    lat: float
    lon: float
    position: int


class TripPublic(Schema):
    """A trip with its stops and offline estimates."""

    id: uuid.UUID
    title: str
    status: str
    start_date: dt.date | None
    end_date: dt.date | None
    waypoints: list[WaypointPublic]
    distance_km: float | None
    duration_hours: float | None
    estimated_fuel_cost: MoneyOut | None
    distance_source: Literal["estimate", "routed"]
    budget: MoneyOut | None = Field(
        None, description="The trip's budget; GET /trips/{id}/budget compares it with spending"
    )
    notes: str = ""
    created_at: Timestamp


class TripOptimised(TripPublic):
    """The trip with its stops reordered, and how much shorter the drive became."""

    saved_km: float = Field(
        description="Road km saved, as the optimiser measures it (great circle x 1.25, like the offline estimate)"
    )


RatioOut = Annotated[Decimal, PlainSerializer(lambda value: f"{value:.4f}", return_type=str, when_used="json")]


class TripBudgetPublic(Schema):
    """Budget vs actual: the user's expenses linked to the trip, in the user's currency.

    `remaining` is negative when over budget; budget figures are null without a budget, cost per
    distance is null without a known distance, `fuel_difference` is null without a fuel estimate.
    """

    trip_id: uuid.UUID
    title: str
    currency: str
    budget: MoneyOut | None
    spent: MoneyOut
    remaining: MoneyOut | None
    over_budget: bool
    share_used: RatioOut | None = Field(description='Spent / budget as a decimal string, e.g. "0.4250"')
    expense_count: int
    by_category: dict[str, MoneyOut] = Field(description="Spend per category, largest first")
    distance_km: float | None
    cost_per_km: MoneyOut | None
    cost_per_mile: MoneyOut | None
    fuel_estimate: MoneyOut | None
    fuel_spent: MoneyOut
    fuel_difference: MoneyOut | None = Field(description="Fuel spent minus the estimate; positive when over it")


class LegPublic(Schema):
    """The drive from one stop to the next."""

    from_position: int
    to_position: int
    distance_km: float | None
    duration_hours: float | None


class LineString(Schema):
    """A GeoJSON LineString: `[lon, lat]` pairs."""

    type: Literal["LineString"] = "LineString"
    coordinates: list[tuple[float, float]]


class TripRoutePublic(Schema):
    """A trip's route: totals, legs and, when routed by road, the line to draw (simplified to ~50 m)."""

    trip_id: uuid.UUID
    distance_source: Literal["estimate", "routed"]
    distance_km: float | None
    duration_hours: float | None
    legs: list[LegPublic]
    geometry: LineString | None = Field(description="None for an estimate: draw straight lines between the stops")


class DayForecastPublic(Schema):
    """One day's forecast at a stop."""

    date: dt.date
    weather_code: int | None = Field(description="WMO weather interpretation code")
    summary: str = Field(examples=["Light rain"])
    temp_max_c: float | None
    temp_min_c: float | None
    precipitation_chance: int | None = Field(description="Percent")


class ForecastPublic(Schema):
    """The next days at a place, dated in its own timezone."""

    timezone: str
    days: list[DayForecastPublic]


class StopForecastPublic(Schema):
    """A stop and its forecast (None when the weather service did not answer for it)."""

    name: str
    lat: float
    lon: float
    position: int
    forecast: ForecastPublic | None


class TripWeatherPublic(Schema):
    """Forecasts along a trip; `available` is false when weather is off (no WEATHER_URL) or unreachable."""

    trip_id: uuid.UUID
    available: bool
    items: list[StopForecastPublic]


class FuelCreate(Schema):
    """A fill-up: litres and either the total cost or the price per litre."""

    date: dt.date | None = None
    litres: Litres
    total_cost: Money | None = None
    price_per_litre: PricePerLitre | None = None
    odometer_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)
    location: Str = Field("", max_length=160)
    full_tank: bool = True
    trip_id: uuid.UUID | None = None


class FuelUpdate(Patch):
    """Fill-up fields to change; the linked expense follows."""

    nullable: ClassVar[frozenset[str]] = frozenset({"odometer_km"})

    date: dt.date | None = None
    litres: Litres | None = None
    total_cost: Money | None = None
    price_per_litre: PricePerLitre | None = None
    odometer_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)
    location: Str | None = Field(None, max_length=160)
    full_tank: bool | None = None


class FuelPublic(Schema):
    """A fill-up; `expense_id` is the fuel expense that records its cost."""

    id: uuid.UUID
    date: dt.date
    litres: LitresOut
    total_cost: MoneyOut
    price_per_litre: PricePerLitreOut
    odometer_km: int | None
    location: str
    full_tank: bool
    expense_id: uuid.UUID | None
    created_at: Timestamp


class MaintenanceCreate(Schema):
    """Work done on the vehicle; a cost is also recorded as a maintenance expense."""

    task: Str = Field(min_length=1, max_length=160)
    date: dt.date | None = None
    odometer_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)
    cost: Money | None = None
    notes: Str = Field("", max_length=2000)
    next_due_date: dt.date | None = None
    next_due_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)


class MaintenanceUpdate(Patch):
    """Maintenance fields to change; clearing `cost` removes the linked expense."""

    nullable: ClassVar[frozenset[str]] = frozenset({"odometer_km", "cost", "next_due_date", "next_due_km"})

    task: Str | None = Field(None, min_length=1, max_length=160)
    date: dt.date | None = None
    odometer_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)
    cost: Money | None = None
    notes: Str | None = Field(None, max_length=2000)
    next_due_date: dt.date | None = None
    next_due_km: int | None = Field(None, ge=0, le=MAX_ODOMETER_KM)


class MaintenancePublic(Schema):
    """A maintenance record; `expense_id` is the expense recording its cost."""

    id: uuid.UUID
    task: str
    date: dt.date
    odometer_km: int | None
    cost: MoneyOut | None
    notes: str
    next_due_date: dt.date | None
    next_due_km: int | None
    expense_id: uuid.UUID | None
    created_at: Timestamp


def _date_or_datetime(value: Any) -> Any:
    if isinstance(value, str) and _DATE_ONLY.match(value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise PydanticCustomError("date_from_datetime_parsing", "must be a valid date") from None
    return value


DateOrDateTime = Annotated[dt.datetime | dt.date, BeforeValidator(_date_or_datetime)]
"""`2026-05-01` (09:00 in the user's timezone), a local `2026-05-01T14:30`, or one with an offset."""


class EventCreate(Schema):
    """A new event or reminder."""

    title: Str = Field(min_length=1, max_length=160)
    start: DateOrDateTime
    end: DateOrDateTime | None = None
    description: Str = Field("", max_length=2000)
    all_day: bool = False
    kind: Literal["event", "reminder"] = "event"


class EventUpdate(Patch):
    """Event fields to change."""

    nullable: ClassVar[frozenset[str]] = frozenset({"end"})

    title: Str | None = Field(None, min_length=1, max_length=160)
    start: DateOrDateTime | None = None
    end: DateOrDateTime | None = None
    description: Str | None = Field(None, max_length=2000)
    all_day: bool | None = None
    kind: Literal["event", "reminder"] | None = None


class EventPublic(Schema):
    """An event; `start` and `end` carry the user's UTC offset."""

    id: uuid.UUID
    title: str
    start: Timestamp
    end: Timestamp | None
    description: str
    all_day: bool
    kind: str
    created_at: Timestamp

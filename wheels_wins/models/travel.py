"""Wheels: vehicles, trips, places, fuel, maintenance and the calendar."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any, Literal, get_args

from sqlalchemy import JSON, CheckConstraint, Index, Numeric
from sqlmodel import Field

from wheels_wins.models.base import TableBase, money_field, owner_field, timestamp_field


class Vehicle(TableBase, table=True):
    """The rig: consumption drives fuel-cost estimates."""

    __tablename__ = "vehicles"

    user_id: uuid.UUID = owner_field()
    name: str = Field(max_length=80)
    make: str = Field(default="", max_length=60)
    model: str = Field(default="", max_length=60)
    year: int | None = None
    fuel_type: str = Field(default="diesel", max_length=20)
    tank_litres: float | None = None
    consumption_l_per_100km: float = 14.0


class Trip(TableBase, table=True):
    """A planned, active or completed journey; distance fields are cached figures.

    `distance_source` says whether they came from a road router ("routed", with `route_geometry`,
    a GeoJSON LineString) or from the offline estimate ("estimate", no geometry).
    """

    __tablename__ = "trips"
    __table_args__ = (Index("ix_trips_user_start", "user_id", "start_date"),)

    user_id: uuid.UUID = owner_field()
    title: str = Field(max_length=120)
    status: str = Field(default="planning", max_length=12)
    start_date: dt.date | None = None
    end_date: dt.date | None = None
    distance_km: float | None = None
    duration_hours: float | None = None
    estimated_fuel_cost: Decimal | None = money_field(nullable=True, default=None)
    distance_source: str = Field(default="estimate", max_length=10)
    route_geometry: dict[str, Any] | None = Field(default=None, sa_type=JSON)
    budget: Decimal | None = money_field(nullable=True, default=None)
    notes: str = Field(default="", max_length=2000)


class TripWaypoint(TableBase, table=True):
    """One ordered stop on a trip; `leg_km`/`leg_hours` cover the drive from the previous stop (None on the first)."""

    __tablename__ = "trip_waypoints"
    __table_args__ = (Index("ix_trip_waypoints_trip_position", "trip_id", "position"),)

    user_id: uuid.UUID = owner_field()
    trip_id: uuid.UUID = Field(foreign_key="trips.id", nullable=False, ondelete="CASCADE")
    name: str = Field(max_length=160)
    lat: float
    lon: float
    position: int
    leg_km: float | None = None
    leg_hours: float | None = None


PlaceKind = Literal["campground", "free_camp", "dump_point", "fuel", "mechanic", "other"]
PLACE_KINDS: tuple[str, ...] = get_args(PlaceKind)


class SavedPlace(TableBase, table=True):
    """A place worth remembering: campground, free camp, dump point, fuel, mechanic; `rating` is 1-5 or None."""

    __tablename__ = "saved_places"

    user_id: uuid.UUID = owner_field()
    name: str = Field(max_length=120)
    kind: str = Field(default="other", max_length=20)
    lat: float
    lon: float
    notes: str = Field(default="", max_length=1000)
    rating: int | None = None


class FuelEntry(TableBase, table=True):
    """A fill-up; it owns the fuel expense that records its cost."""

    __tablename__ = "fuel_entries"
    __table_args__ = (Index("ix_fuel_user_date", "user_id", "date"),)

    user_id: uuid.UUID = owner_field()
    vehicle_id: uuid.UUID | None = Field(default=None, foreign_key="vehicles.id", ondelete="SET NULL")
    date: dt.date
    litres: Decimal = Field(sa_type=Numeric(8, 2))
    total_cost: Decimal = money_field()
    price_per_litre: Decimal = Field(sa_type=Numeric(6, 3))
    odometer_km: int | None = None
    location: str = Field(default="", max_length=160)
    full_tank: bool = True
    expense_id: uuid.UUID | None = Field(default=None, foreign_key="expenses.id", ondelete="SET NULL")


class MaintenanceRecord(TableBase, table=True):
    """Work done on the vehicle; a cost is also recorded as a maintenance expense."""

    __tablename__ = "maintenance_records"
    __table_args__ = (Index("ix_maintenance_user_date", "user_id", "date"),)

    user_id: uuid.UUID = owner_field()
    vehicle_id: uuid.UUID | None = Field(default=None, foreign_key="vehicles.id", ondelete="SET NULL")
    task: str = Field(max_length=160)
    date: dt.date
    odometer_km: int | None = None
    cost: Decimal | None = money_field(nullable=True, default=None)
    notes: str = Field(default="", max_length=2000)
    next_due_date: dt.date | None = None
    next_due_km: int | None = None
    expense_id: uuid.UUID | None = Field(default=None, foreign_key="expenses.id", ondelete="SET NULL")


class MaintenanceSchedule(TableBase, table=True):
    """A recurring task: every `every_km` km and/or every `every_months` calendar months (at least one).

    It was last done at the user's latest maintenance record with the same task (case-insensitive);
    until then it counts from `start_date` and `start_odometer_km`.
    """

    __tablename__ = "maintenance_schedules"
    __table_args__ = (
        CheckConstraint("every_km IS NOT NULL OR every_months IS NOT NULL", name="ck_maintenance_schedules_interval"),
    )

    user_id: uuid.UUID = owner_field()
    vehicle_id: uuid.UUID | None = Field(default=None, foreign_key="vehicles.id", ondelete="SET NULL")
    task: str = Field(max_length=160)
    every_km: int | None = None
    every_months: int | None = None
    start_date: dt.date
    start_odometer_km: int | None = None
    notes: str = Field(default="", max_length=2000)


class CalendarEvent(TableBase, table=True):
    """An event or reminder; `start` is a UTC instant shown in the user's timezone."""

    __tablename__ = "calendar_events"
    __table_args__ = (Index("ix_calendar_user_start", "user_id", "start"),)

    user_id: uuid.UUID = owner_field()
    title: str = Field(max_length=160)
    start: dt.datetime = timestamp_field(nullable=False)
    end: dt.datetime | None = timestamp_field()
    all_day: bool = False
    description: str = Field(default="", max_length=2000)
    kind: str = Field(default="event", max_length=12)

"""The fill-up or maintenance record that owns an expense: deleting the expense means deleting that record (which
takes its expense with it), and undoing that remakes both."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from wheels_wins.models import Expense, FuelEntry, MaintenanceRecord, User
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.repositories.owned import values_as_json, values_from_json
from wheels_wins.services import vehicle_log

_FUEL_FIELDS = ("litres", "total_cost", "odometer_km", "location", "full_tank")
_MAINTENANCE_FIELDS = ("task", "odometer_km", "cost", "notes", "next_due_date", "next_due_km")


def delete_with_owner(session: Session, *, user: User, expense: Expense) -> tuple[str, dict[str, Any]] | None:
    """Delete the record that owns the expense, and the expense with it: the record's kind ("fuel" or "maintenance")
    and the JSON fields that remake it; None when no record owns it."""
    trip_id = str(expense.trip_id) if expense.trip_id else None
    owner = owner_of(session, user=user, expense=expense)
    if isinstance(owner, FuelEntry):
        fields = values_as_json({k: getattr(owner, k) for k in ("date", "vehicle_id", *_FUEL_FIELDS)})
        vehicle_log.delete_fuel(session, user=user, fuel_id=owner.id)
        return "fuel", {**fields, "trip_id": trip_id}
    if isinstance(owner, MaintenanceRecord):
        fields = values_as_json({k: getattr(owner, k) for k in ("date", "vehicle_id", *_MAINTENANCE_FIELDS)})
        vehicle_log.delete_maintenance(session, user=user, record_id=owner.id)
        return "maintenance", {**fields, "trip_id": trip_id}
    return None


def owner_of(session: Session, *, user: User, expense: Expense) -> FuelEntry | MaintenanceRecord | None:
    """The fill-up or maintenance record that owns the expense, or None."""
    return fuel_repo.owning_expense(session, user_id=user.id, expense_id=expense.id) or maintenance_repo.owning_expense(
        session, user_id=user.id, expense_id=expense.id
    )


def update_with_owner(
    session: Session, *, user: User, expense: Expense, amount: Decimal, date: dt.date
) -> str | None:
    """Set the cost and day of the record that owns the expense (the expense follows it): the record's kind, or None
    when no record owns it (the caller then changes the expense itself)."""
    owner = owner_of(session, user=user, expense=expense)
    if isinstance(owner, FuelEntry):
        vehicle_log.update_fuel(session, user=user, fuel_id=owner.id, changes={"total_cost": amount, "date": date})
        return "fuel"
    if isinstance(owner, MaintenanceRecord):
        vehicle_log.update_maintenance(session, user=user, record_id=owner.id, changes={"cost": amount, "date": date})
        return "maintenance"
    return None


def remake(session: Session, *, user: User, kind: str, fields: dict[str, Any]) -> None:
    """Make again a record `delete_with_owner` deleted (its expense comes back with it), on its trip and vehicle if
    they are still there."""
    typed = values_from_json(FuelEntry if kind == "fuel" else MaintenanceRecord, fields)
    trip_id = uuid.UUID(fields["trip_id"]) if fields.get("trip_id") else None
    if trip_id and trip_repo.get(session, user_id=user.id, trip_id=trip_id) is None:
        trip_id = None  # the trip went in the meantime
    vehicle_id = typed["vehicle_id"]
    if vehicle_id and vehicle_repo.get(session, user_id=user.id, vehicle_id=vehicle_id) is None:
        vehicle_id = None  # the vehicle went in the meantime
    common = {"date": typed["date"], "vehicle_id": vehicle_id, "odometer_km": typed["odometer_km"], "trip_id": trip_id}
    if kind == "fuel":
        vehicle_log.log_fuel(session, user=user, litres=typed["litres"], total_cost=typed["total_cost"],
                             location=typed["location"] or "", full_tank=fields.get("full_tank", True), **common)
    else:
        vehicle_log.log_maintenance(
            session, user=user, task=typed["task"], cost=typed["cost"], notes=typed["notes"] or "",
            next_due_date=typed["next_due_date"], next_due_km=typed["next_due_km"], **common,
        )

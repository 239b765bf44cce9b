"""Fuel, maintenance and schedule rules: fill-ups and records own the expense that records their cost.

Every write here ends by notifying maintenance that came due (services.maintenance_alerts), so
REST, the Wheels page and PAM alike raise the notices. When things fall due is
services.maintenance_due's business; `maintenance_due` and `DueItem` are re-exported from it.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlmodel import Session

from wheels_wins.db import to_money
from wheels_wins.models import Expense, FuelEntry, MaintenanceRecord, MaintenanceSchedule, User
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import maintenance_schedules as schedule_repo
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.services.maintenance_alerts import notify_due
from wheels_wins.services.maintenance_due import DueItem, current_odometer, maintenance_due, task_key
from wheels_wins.services.money import today_in

__all__ = [
    "DueItem",
    "VehicleLogError",
    "add_schedule",
    "delete_fuel",
    "delete_maintenance",
    "delete_schedule",
    "fill_prices",
    "log_fuel",
    "log_maintenance",
    "maintenance_due",
    "update_fuel",
    "update_maintenance",
    "update_schedule",
]

MAX_EVERY_KM = 1_000_000
MAX_EVERY_MONTHS = 120


class VehicleLogError(ValueError):
    """Inconsistent fill-up or maintenance input; `field` names the culprit."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _notify(session: Session, user: User) -> None:
    notify_due(session, user=user, today=today_in(user.timezone))


def fill_prices(
    litres: Decimal, total_cost: Decimal | None, price_per_litre: Decimal | None
) -> tuple[Decimal, Decimal]:
    """Complete (total_cost, price_per_litre) from whichever of the two was given."""
    if litres <= 0:
        raise VehicleLogError("litres", "litres must be greater than 0")
    if total_cost is None and price_per_litre is None:
        raise VehicleLogError("total_cost", "give total_cost or price_per_litre")
    if total_cost is None:
        total_cost = to_money(Decimal(price_per_litre) * litres)  # type: ignore[arg-type]
    if price_per_litre is None:
        price_per_litre = (Decimal(total_cost) / litres).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)
    return to_money(total_cost), Decimal(price_per_litre).quantize(Decimal("0.001"), rounding=ROUND_HALF_UP)


def _fuel_description(litres: Decimal, location: str) -> str:
    text = f"Fuel {litres.normalize():f} L"
    return f"{text} at {location}" if location else text


def log_fuel(
    session: Session,
    *,
    user: User,
    date: dt.date,
    litres: Decimal,
    total_cost: Decimal | None = None,
    price_per_litre: Decimal | None = None,
    odometer_km: int | None = None,
    location: str = "",
    full_tank: bool = True,
    vehicle_id: uuid.UUID | None = None,
    trip_id: uuid.UUID | None = None,
) -> FuelEntry:
    """Record a fill-up and the fuel expense it owns."""
    litres = Decimal(str(litres))
    total, price = fill_prices(litres, total_cost, price_per_litre)
    expense = expense_repo.create(
        session,
        user_id=user.id,
        amount=total,
        category="fuel",
        date=date,
        description=_fuel_description(litres, location),
        merchant=location,
        currency=user.currency,
        trip_id=trip_id,
        source="fuel",
    )
    entry = fuel_repo.create(
        session,
        user_id=user.id,
        date=date,
        litres=litres,
        total_cost=total,
        price_per_litre=price,
        odometer_km=odometer_km,
        location=location,
        full_tank=full_tank,
        vehicle_id=vehicle_id,
        expense_id=expense.id,
    )
    _notify(session, user)
    return entry


def update_fuel(session: Session, *, user: User, fuel_id: uuid.UUID, changes: Mapping[str, Any]) -> FuelEntry | None:
    """Edit a fill-up and keep its expense's amount, date and description in step."""
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=fuel_id)
    if entry is None:
        return None
    litres = Decimal(str(changes.get("litres", entry.litres)))
    if changes.get("total_cost") is not None:
        total, price = fill_prices(litres, Decimal(str(changes["total_cost"])), None)
    elif changes.get("price_per_litre") is not None:
        total, price = fill_prices(litres, None, Decimal(str(changes["price_per_litre"])))
    elif "litres" in changes:  # the receipt total stands; the price per litre follows
        total, price = fill_prices(litres, entry.total_cost, None)
    else:  # nothing price-related changed: keep the stored figures exactly
        total, price = entry.total_cost, entry.price_per_litre
    entry = fuel_repo.update(
        session,
        user_id=user.id,
        fuel_id=fuel_id,
        changes={
            **changes,
            "litres": litres,
            "total_cost": total,
            "price_per_litre": price,
        },
    )
    assert entry is not None
    if entry.expense_id:
        expense_repo.update(
            session,
            user_id=user.id,
            expense_id=entry.expense_id,
            changes={
                "amount": total,
                "date": entry.date,
                "description": _fuel_description(litres, entry.location),
                "merchant": entry.location,
            },
        )
    _notify(session, user)
    return entry


def delete_fuel(session: Session, *, user: User, fuel_id: uuid.UUID) -> bool:
    """Delete a fill-up together with its expense."""
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=fuel_id)
    if entry is None:
        return False
    expense_id = entry.expense_id
    fuel_repo.delete(session, user_id=user.id, fuel_id=fuel_id)
    if expense_id:
        expense_repo.delete(session, user_id=user.id, expense_id=expense_id)
    return True


def log_maintenance(
    session: Session,
    *,
    user: User,
    task: str,
    date: dt.date,
    odometer_km: int | None = None,
    cost: Decimal | None = None,
    notes: str = "",
    next_due_date: dt.date | None = None,
    next_due_km: int | None = None,
    vehicle_id: uuid.UUID | None = None,
    trip_id: uuid.UUID | None = None,
    workshop: str = "",
) -> MaintenanceRecord:
    """Record maintenance; a cost also records a linked maintenance expense (on `trip_id`'s trip, if given), paid to
    `workshop` when the work was done at one."""
    expense: Expense | None = None
    if cost is not None and to_money(cost) > 0:
        expense = expense_repo.create(
            session,
            user_id=user.id,
            amount=to_money(cost),
            category="maintenance",
            date=date,
            description=task,
            merchant=workshop,
            currency=user.currency,
            trip_id=trip_id,
            source="maintenance",
        )
    record = maintenance_repo.create(
        session,
        user_id=user.id,
        task=task,
        date=date,
        odometer_km=odometer_km,
        cost=to_money(cost) if cost is not None else None,
        notes=notes,
        next_due_date=next_due_date,
        next_due_km=next_due_km,
        vehicle_id=vehicle_id,
        expense_id=expense.id if expense else None,
    )
    _notify(session, user)
    return record


def update_maintenance(
    session: Session, *, user: User, record_id: uuid.UUID, changes: Mapping[str, Any]
) -> MaintenanceRecord | None:
    """Edit a record and create, update or remove its expense to match its cost."""
    record = maintenance_repo.update(session, user_id=user.id, record_id=record_id, changes=changes)
    if record is None:
        return None
    has_cost = record.cost is not None and record.cost > 0
    if record.expense_id and not has_cost:
        expense_id, record.expense_id = record.expense_id, None
        session.add(record)
        session.flush()
        expense_repo.delete(session, user_id=user.id, expense_id=expense_id)
    elif record.expense_id:
        expense_repo.update(
            session,
            user_id=user.id,
            expense_id=record.expense_id,
            changes={
                "amount": record.cost,
                "date": record.date,
                "description": record.task,
            },
        )
    elif has_cost:
        expense = expense_repo.create(
            session,
            user_id=user.id,
            amount=record.cost,
            category="maintenance",
            date=record.date,  # type: ignore[arg-type]
            description=record.task,
            currency=user.currency,
            source="maintenance",
        )
        record.expense_id = expense.id
        session.add(record)
        session.flush()
    _notify(session, user)
    return record


def delete_maintenance(session: Session, *, user: User, record_id: uuid.UUID) -> bool:
    """Delete a record together with its expense."""
    record = maintenance_repo.get(session, user_id=user.id, record_id=record_id)
    if record is None:
        return False
    expense_id = record.expense_id
    maintenance_repo.delete(session, user_id=user.id, record_id=record_id)
    if expense_id:
        expense_repo.delete(session, user_id=user.id, expense_id=expense_id)
    return True


def _check_schedule(
    session: Session,
    user_id: uuid.UUID,
    task: str,
    every_km: int | None,
    every_months: int | None,
    schedule_id: uuid.UUID | None = None,
    vehicle_id: uuid.UUID | None = None,
) -> None:
    if every_km is None and every_months is None:
        raise VehicleLogError("every_km", "give a distance, a number of months, or both")
    if every_km is not None and not 0 < every_km <= MAX_EVERY_KM:
        raise VehicleLogError("every_km", f"must be between 1 and {MAX_EVERY_KM:,} km")
    if every_months is not None and not 0 < every_months <= MAX_EVERY_MONTHS:
        raise VehicleLogError("every_months", f"must be between 1 and {MAX_EVERY_MONTHS}")
    key = task_key(task)
    if not key:
        raise VehicleLogError("task", "name the task")
    if any(task_key(s.task) == key and s.id != schedule_id for s in schedule_repo.list_all(session, user_id=user_id)):
        raise VehicleLogError("task", f"there is already a schedule for {task.strip()}")
    if vehicle_id is not None and vehicle_repo.get(session, user_id=user_id, vehicle_id=vehicle_id) is None:
        raise VehicleLogError("vehicle_id", "no such vehicle")


def add_schedule(
    session: Session,
    *,
    user: User,
    task: str,
    every_km: int | None = None,
    every_months: int | None = None,
    start_date: dt.date | None = None,
    start_odometer_km: int | None = None,
    notes: str = "",
    vehicle_id: uuid.UUID | None = None,
) -> MaintenanceSchedule:
    """Add a recurring task; until first done it counts from today and the odometer now, unless told otherwise."""
    _check_schedule(session, user.id, task, every_km, every_months, vehicle_id=vehicle_id)
    if start_odometer_km is None:
        start_odometer_km = current_odometer(session, user_id=user.id)
    schedule = schedule_repo.create(
        session,
        user_id=user.id,
        task=task.strip(),
        every_km=every_km,
        every_months=every_months,
        start_date=start_date or today_in(user.timezone),
        start_odometer_km=start_odometer_km,
        notes=notes,
        vehicle_id=vehicle_id,
    )
    _notify(session, user)
    return schedule


def update_schedule(
    session: Session, *, user: User, schedule_id: uuid.UUID, changes: Mapping[str, Any]
) -> MaintenanceSchedule | None:
    """Change a schedule; the interval must still have a distance or months (or both)."""
    schedule = schedule_repo.get(session, user_id=user.id, schedule_id=schedule_id)
    if schedule is None:
        return None
    merged = {"task": schedule.task, "every_km": schedule.every_km, "every_months": schedule.every_months, **changes}
    _check_schedule(
        session,
        user.id,
        merged["task"],
        merged["every_km"],
        merged["every_months"],
        schedule.id,
        changes.get("vehicle_id"),
    )
    if "task" in changes:
        changes = {**changes, "task": changes["task"].strip()}
    updated = schedule_repo.update(session, user_id=user.id, schedule_id=schedule_id, changes=changes)
    _notify(session, user)
    return updated


def delete_schedule(session: Session, *, user: User, schedule_id: uuid.UUID) -> bool:
    """Delete a schedule; the records of its task stay."""
    return schedule_repo.delete(session, user_id=user.id, schedule_id=schedule_id)

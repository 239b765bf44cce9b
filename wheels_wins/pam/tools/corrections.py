"""Corrections of the income, fill-ups, maintenance and calendar entries PAM (or the user) recorded.

Each tool changes only the fields it is given and stores the entry's previous fields, so "undo
that" restores them. Expense corrections live with the expense tools (`update_expense`).
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Any

from pydantic import Field

from wheels_wins.db import parse_uuid
from wheels_wins.models import CalendarEvent, FuelEntry, IncomeEntry, MaintenanceRecord
from wheels_wins.pam.tools.common import PositiveMoney, ShortText, money_text
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.tools.vehicle import Litres, Odometer, PricePerLitre, maintenance_line
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services import vehicle_log
from wheels_wins.services.money import zone
from wheels_wins.services.units import format_volume

NOTHING_GIVEN = "Tell me what to change."


def _given(**fields: Any) -> dict[str, Any]:
    return {key: value for key, value in fields.items() if value is not None}


def income_fields(entry: IncomeEntry) -> dict[str, Any]:
    """An income entry's editable fields as JSON, for results and undo records."""
    return {"amount": f"{entry.amount:.2f}", "source": entry.source, "date": entry.date.isoformat(), "description": entry.description}


def fuel_fields(entry: FuelEntry) -> dict[str, Any]:
    """A fill-up's editable fields as JSON, for results and undo records."""
    return {
        "litres": str(entry.litres), "total_cost": f"{entry.total_cost:.2f}", "price_per_litre": str(entry.price_per_litre),
        "odometer_km": entry.odometer_km, "date": entry.date.isoformat(), "location": entry.location,
    }


def maintenance_fields(record: MaintenanceRecord) -> dict[str, Any]:
    """A maintenance record's editable fields as JSON, for results and undo records."""
    return {
        "task": record.task, "date": record.date.isoformat(), "odometer_km": record.odometer_km,
        "cost": f"{record.cost:.2f}" if record.cost is not None else None,
    }


def calendar_fields(event: CalendarEvent) -> dict[str, Any]:
    """A calendar entry's editable fields as JSON, for results and undo records."""
    return {"title": event.title, "start": event.start.isoformat(), "all_day": event.all_day, "kind": event.kind,
            "end": event.end.isoformat() if event.end else None}


@tool(mutates=True)
def update_income(
    ctx: ToolContext,
    income_id: str,
    amount: PositiveMoney | None = None,
    source: ShortText | None = None,
    date: dt.date | None = None,
    description: ShortText | None = None,
) -> ToolResult:
    """Change an income entry (for corrections like "actually it was $180"). Only given fields change."""
    record_id = parse_uuid(income_id)
    entry = income_repo.get(ctx.session, user_id=ctx.user_id, income_id=record_id) if record_id else None
    if entry is None:
        return ToolResult.fail("I couldn't find that income entry.")
    changes = _given(amount=amount, source=source or None, date=date, description=description)
    if not changes:
        return ToolResult.fail(NOTHING_GIVEN)
    before = income_fields(entry)
    updated = income_repo.update(ctx.session, user_id=ctx.user_id, income_id=entry.id, changes=changes)
    assert updated is not None
    return ToolResult(
        True, f"Updated to {money_text(updated.amount, ctx.user.currency)} income from {updated.source}",
        {"id": str(updated.id), **income_fields(updated)},
        undo={"op": "restore", "kind": "income", "id": str(updated.id), "fields": before}, changed=("income",),
    )


@tool(mutates=True)
def delete_income(ctx: ToolContext, income_id: str) -> ToolResult:
    """Delete one of the user's income entries (one recorded by mistake, or that was really an expense)."""
    record_id = parse_uuid(income_id)
    entry = income_repo.get(ctx.session, user_id=ctx.user_id, income_id=record_id) if record_id else None
    if entry is None:
        return ToolResult.fail("I couldn't find that income entry.")
    fields = income_fields(entry)
    income_repo.delete(ctx.session, user_id=ctx.user_id, income_id=entry.id)
    return ToolResult(
        True, f"Deleted {money_text(entry.amount, ctx.user.currency)} income from {entry.source}", {"id": income_id},
        undo={"op": "recreate", "kind": "income", "fields": fields}, changed=("income",),
    )


@tool(mutates=True)
def update_fuel(
    ctx: ToolContext,
    fuel_id: str,
    litres: Litres | None = None,
    total_cost: PositiveMoney | None = None,
    price_per_litre: PricePerLitre | None = None,
    odometer_km: Odometer | None = None,
    date: dt.date | None = None,
    location: ShortText | None = None,
) -> ToolResult:
    """Change a fill-up (for corrections like "it was 55 litres"); its fuel expense follows. Only given fields change."""
    record_id = parse_uuid(fuel_id)
    entry = fuel_repo.get(ctx.session, user_id=ctx.user_id, fuel_id=record_id) if record_id else None
    if entry is None:
        return ToolResult.fail("I couldn't find that fill-up.")
    changes = _given(
        litres=litres, total_cost=total_cost, price_per_litre=price_per_litre, odometer_km=odometer_km, date=date,
        location=location,
    )
    if not changes:
        return ToolResult.fail(NOTHING_GIVEN)
    before = fuel_fields(entry)
    updated = vehicle_log.update_fuel(ctx.session, user=ctx.user, fuel_id=entry.id, changes=changes)
    assert updated is not None
    units = ctx.user.units
    return ToolResult(
        True, f"Updated to {format_volume(updated.litres, units)} for {money_text(updated.total_cost, ctx.user.currency)}",
        {"id": str(updated.id), **fuel_fields(updated)},
        undo={"op": "restore", "kind": "fuel", "id": str(updated.id), "fields": before}, changed=("fuel", "expenses"),
    )


@tool(mutates=True)
def update_maintenance(
    ctx: ToolContext,
    maintenance_id: str,
    task: Annotated[str | None, Field(min_length=2, max_length=160)] = None,
    date: dt.date | None = None,
    odometer_km: Odometer | None = None,
    cost: PositiveMoney | None = None,
) -> ToolResult:
    """Change a maintenance record (for corrections like "it cost $200"); its expense follows."""
    record_id = parse_uuid(maintenance_id)
    record = maintenance_repo.get(ctx.session, user_id=ctx.user_id, record_id=record_id) if record_id else None
    if record is None:
        return ToolResult.fail("I couldn't find that maintenance record.")
    changes = _given(task=task, date=date, odometer_km=odometer_km, cost=cost)
    if not changes:
        return ToolResult.fail(NOTHING_GIVEN)
    before = maintenance_fields(record)
    updated = vehicle_log.update_maintenance(ctx.session, user=ctx.user, record_id=record.id, changes=changes)
    assert updated is not None
    return ToolResult(
        True, f"Updated: {maintenance_line(ctx, updated)}", {"id": str(updated.id), **maintenance_fields(updated)},
        undo={"op": "restore", "kind": "maintenance", "id": str(updated.id), "fields": before},
        changed=("maintenance", "expenses"),
    )


@tool(mutates=True)
def update_calendar_event(
    ctx: ToolContext,
    event_id: str,
    title: Annotated[str | None, Field(min_length=1, max_length=160)] = None,
    date: dt.date | None = None,
    time: dt.time | None = None,
) -> ToolResult:
    """Move or rename a calendar entry (for corrections like "make it Friday" or "at 3pm instead")."""
    record_id = parse_uuid(event_id)
    event = calendar_repo.get(ctx.session, user_id=ctx.user_id, event_id=record_id) if record_id else None
    if event is None:
        return ToolResult.fail("I couldn't find that calendar entry.")
    if title is None and date is None and time is None:
        return ToolResult.fail(NOTHING_GIVEN)
    before = calendar_fields(event)
    local = zone(ctx.user.timezone)
    start = event.start.astimezone(local)
    changes: dict[str, Any] = _given(title=title)
    if date is not None or time is not None:
        changes["start"] = dt.datetime.combine(date or start.date(), time or start.timetz().replace(tzinfo=None), tzinfo=local)
        if event.end is not None:  # the entry keeps its length
            changes["end"] = event.end + (changes["start"] - event.start)
        if time is not None:
            changes |= {"all_day": False, "kind": "event"}
    updated = calendar_repo.update(ctx.session, user_id=ctx.user_id, event_id=event.id, changes=changes)
    assert updated is not None
    moved = updated.start.astimezone(local)
    when = moved.strftime("%a %-d %b %Y") + ("" if updated.all_day else moved.strftime(" %-I:%M %p").lower())
    return ToolResult(
        True, f"Moved “{updated.title}” to {when}" if "start" in changes else f"Renamed to “{updated.title}”",
        {"id": str(updated.id), **calendar_fields(updated)},
        undo={"op": "restore", "kind": "calendar", "id": str(updated.id), "fields": before}, changed=("calendar",),
    )

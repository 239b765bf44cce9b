"""Fuel and maintenance tools (each records its linked expense through services.vehicle_log)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from wheels_wins.pam.tools.common import PositiveMoney, ShortText, money_text
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.services import vehicle_log

Litres = Annotated[Decimal, Field(gt=0, le=2000, decimal_places=2)]
Odometer = Annotated[int, Field(ge=0, le=5_000_000)]
PricePerLitre = Annotated[Decimal, Field(gt=0, le=20)]


@tool(mutates=True)
def log_fuel(
    ctx: ToolContext,
    litres: Litres,
    total_cost: PositiveMoney | None = None,
    price_per_litre: PricePerLitre | None = None,
    odometer_km: Odometer | None = None,
    location: ShortText = "",
    date: dt.date | None = None,
) -> ToolResult:
    """Log a fuel fill-up (litres plus total cost or price per litre); also records the fuel expense."""
    if total_cost is None and price_per_litre is None:
        return ToolResult.fail("How much did the fill-up cost in total (or per litre)?")
    try:
        entry = vehicle_log.log_fuel(
            ctx.session, user=ctx.user, date=date or ctx.today, litres=litres, total_cost=total_cost,
            price_per_litre=price_per_litre, odometer_km=odometer_km, location=location,
        )
    except vehicle_log.VehicleLogError as error:
        return ToolResult.fail(error.message)
    odo = f" at {entry.odometer_km:,} km" if entry.odometer_km is not None else ""
    return ToolResult(
        True, f"Logged {entry.litres.normalize():f} L for {money_text(entry.total_cost, ctx.user.currency)}{odo}",
        {"id": str(entry.id), "litres": str(entry.litres), "total_cost": f"{entry.total_cost:.2f}",
         "price_per_litre": str(entry.price_per_litre), "odometer_km": entry.odometer_km, "date": entry.date.isoformat()},
        undo={"op": "delete", "kind": "fuel", "id": str(entry.id)}, changed=("fuel", "expenses"),
    )


@tool()
def fuel_consumption(ctx: ToolContext) -> ToolResult:
    """Average fuel consumption (L/100 km) between full fills with odometer readings, and recent price per litre."""
    rows, _ = fuel_repo.list_page(ctx.session, user_id=ctx.user_id, limit=50)
    fills = sorted((r for r in rows if r.odometer_km is not None and r.full_tank), key=lambda r: r.odometer_km or 0)
    price = fuel_repo.recent_price_per_litre(ctx.session, user_id=ctx.user_id)
    if len(fills) < 2:
        return ToolResult(True, "I need at least two full fills with odometer readings to work out consumption",
                          {"l_per_100km": None, "price_per_litre": str(price) if price else None})
    distance = (fills[-1].odometer_km or 0) - (fills[0].odometer_km or 0)
    litres = sum((f.litres for f in fills[1:]), Decimal(0))
    if distance <= 0:
        return ToolResult.fail("The odometer readings don't increase, so I can't work out consumption.")
    per_100 = float(litres) / distance * 100
    return ToolResult(True, f"{per_100:.1f} L/100 km over {distance:,} km",
                      {"l_per_100km": round(per_100, 1), "distance_km": distance, "price_per_litre": str(price) if price else None})


@tool(mutates=True)
def log_maintenance(
    ctx: ToolContext,
    task: Annotated[str, Field(min_length=2, max_length=160)],
    date: dt.date | None = None,
    odometer_km: Odometer | None = None,
    cost: PositiveMoney | None = None,
    notes: ShortText = "",
    next_due_date: dt.date | None = None,
    next_due_km: Odometer | None = None,
) -> ToolResult:
    """Log maintenance done on the vehicle (oil change, tyre rotation...); a cost also records a maintenance expense."""
    record = vehicle_log.log_maintenance(
        ctx.session, user=ctx.user, task=task, date=date or ctx.today, odometer_km=odometer_km, cost=cost, notes=notes,
        next_due_date=next_due_date, next_due_km=next_due_km,
    )
    parts = [f"Logged {record.task}"]
    if record.odometer_km is not None:
        parts.append(f"at {record.odometer_km:,} km")
    if record.cost is not None:
        parts.append(f"({money_text(record.cost, ctx.user.currency)})")
    return ToolResult(
        True, " ".join(parts),
        {"id": str(record.id), "task": record.task, "date": record.date.isoformat(), "odometer_km": record.odometer_km,
         "cost": f"{record.cost:.2f}" if record.cost is not None else None},
        undo={"op": "delete", "kind": "maintenance", "id": str(record.id)}, changed=("maintenance", "expenses"),
    )


@tool()
def maintenance_due(ctx: ToolContext) -> ToolResult:
    """Maintenance that is overdue or due soon, by date and odometer."""
    items = vehicle_log.maintenance_due(ctx.session, user_id=ctx.user_id, today=ctx.today)
    data = [
        {"task": i.task, "overdue": i.overdue, "days_left": i.days_left, "km_left": i.km_left,
         "next_due_date": i.due_date.isoformat() if i.due_date else None, "next_due_km": i.due_km}
        for i in items
    ]
    if not data:
        return ToolResult(True, "Nothing is due soon", {"items": []})
    text = "; ".join(f"{d['task']} {'overdue' if d['overdue'] else 'due soon'}" for d in data)
    return ToolResult(True, text, {"items": data})

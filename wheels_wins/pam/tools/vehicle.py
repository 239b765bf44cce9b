"""Fuel and maintenance tools (each records its linked expense through services.vehicle_log)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Annotated

from pydantic import Field

from wheels_wins.models import MaintenanceRecord
from wheels_wins.pam.tools.common import (
    Period,
    PositiveMoney,
    ShortText,
    mid_sentence,
    money_text,
    on_trip,
    resolve_range,
    trip_underway,
)
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services import fuel_economy, vehicle_log
from wheels_wins.services.maintenance_due import DueItem, due_label, schedule_statuses
from wheels_wins.services.units import (
    format_consumption,
    format_distance,
    format_price_per_volume,
    format_volume,
)

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
    trip = trip_underway(ctx)
    try:
        entry = vehicle_log.log_fuel(
            ctx.session, user=ctx.user, date=date or ctx.today, litres=litres, total_cost=total_cost,
            price_per_litre=price_per_litre, odometer_km=odometer_km, location=location, trip_id=trip.id if trip else None,
        )
    except vehicle_log.VehicleLogError as error:
        return ToolResult.fail(error.message)
    units = ctx.user.units
    odo = f" at {format_distance(entry.odometer_km, units)}" if entry.odometer_km is not None else ""
    return ToolResult(
        True,
        f"Logged {format_volume(entry.litres, units)} for {money_text(entry.total_cost, ctx.user.currency)}{odo}{on_trip(trip)}",
        {"id": str(entry.id), "litres": str(entry.litres), "total_cost": f"{entry.total_cost:.2f}",
         "price_per_litre": str(entry.price_per_litre), "odometer_km": entry.odometer_km, "date": entry.date.isoformat()},
        undo={"op": "delete", "kind": "fuel", "id": str(entry.id)}, changed=("fuel", "expenses"),
    )


def _price(ctx: ToolContext, price_per_litre: Decimal) -> str:
    """A price per litre in the user's currency and unit of volume, e.g. "$2.070/L" or "$7.836/gal"."""
    return format_price_per_volume(price_per_litre, ctx.user.currency, ctx.user.units)


def _latest_fill(ctx: ToolContext) -> ToolResult:
    rows, _ = fuel_repo.list_page(ctx.session, user_id=ctx.user_id, limit=2)
    if not rows:
        return ToolResult(True, "No fill-ups logged yet", {"latest": None})
    fill, units, currency = rows[0], ctx.user.units, ctx.user.currency
    text = (f"Your last fill-up ({fill.date:%-d %b}): {format_volume(fill.litres, units)} for "
            f"{money_text(fill.total_cost, currency)}, {_price(ctx, fill.price_per_litre)}")
    if fill.location:
        text += f", at {fill.location}"
    if fill.odometer_km is not None:
        text += f", with the odometer at {format_distance(fill.odometer_km, units)}"
    before = rows[1] if len(rows) > 1 else None
    driven = fill.odometer_km - before.odometer_km if before and fill.odometer_km and before.odometer_km else None
    if before and driven and driven > 0:  # "how many km between my last 2 fill ups?"
        text += f". {format_distance(driven, units)} since the fill before ({before.date:%-d %b})"
        if before.full_tank and fill.full_tank:
            text += f", {format_consumption(fuel_economy.per_100km(fill.litres, driven), units)}"
    return ToolResult(True, text, {"distance_since_previous_km": driven, "latest": {"id": str(fill.id), "date": fill.date.isoformat(), "litres": str(fill.litres),
                                              "total_cost": f"{fill.total_cost:.2f}",
                                              "price_per_litre": str(fill.price_per_litre)}})


def _last_fills(ctx: ToolContext, count: int) -> ToolResult:
    """The last few fill-ups added up ("what did our last two fill-ups cost all together?")."""
    rows, _ = fuel_repo.list_page(ctx.session, user_id=ctx.user_id, limit=count)
    if not rows:
        return ToolResult(True, "No fill-ups logged yet", {"fills": 0})
    litres, cost = sum((f.litres for f in rows), Decimal(0)), sum((f.total_cost for f in rows), Decimal(0))
    days = ", ".join(f"{f.date:%-d %b}" for f in rows)
    said = f"Your last {len(rows)} fill-ups" if len(rows) > 1 else "Your only fill-up"
    return ToolResult(True, f"{said} ({days}): {format_volume(litres, ctx.user.units)} for "
                            f"{money_text(cost, ctx.user.currency)} all together",
                      {"fills": len(rows), "litres": str(litres), "total_cost": f"{cost:.2f}"})


@tool()
def fuel_bought(
    ctx: ToolContext,
    period: Period = "this_month",
    start: dt.date | None = None,
    end: dt.date | None = None,
    latest_only: bool = False,
    location: ShortText = "",
    last_fills: Annotated[int, Field(ge=1, le=20)] | None = None,
) -> ToolResult:
    """How much fuel the user bought in a period (or between start and end dates), at a `location` when given
    ("how much a litre did we pay at Gundagai?"): litres, cost, fill-ups and the average price; with
    `latest_only`, the last fill-up alone ("what did I pay per litre last time?")."""
    if latest_only:
        return _latest_fill(ctx)
    if last_fills:
        return _last_fills(ctx, last_fills)
    start, end, when = resolve_range(period, start, end, ctx.today)
    where = location.strip()
    if where:
        when = f"at {where}" + ("" if period == "all_time" and not start else f" {when}")
    bought = fuel_repo.totals(ctx.session, user_id=ctx.user_id, start=start, end=end, location=where or None)
    data = {"period": period, "start": start.isoformat(), "end": end.isoformat(), "fills": bought.fills,
            "litres": str(bought.litres), "total_cost": f"{bought.cost:.2f}"}
    if not bought.fills:
        return ToolResult(True, f"No fill-ups logged {when}", data)
    fills = f"{bought.fills} fill-up{'s' if bought.fills != 1 else ''}"
    volume = format_volume(bought.litres, ctx.user.units)
    text = f"{volume} {when} over {fills}, {money_text(bought.cost, ctx.user.currency)} in all"
    if bought.litres > 0:
        per_litre = (bought.cost / bought.litres).quantize(Decimal("0.001"))
        data["average_price_per_litre"] = str(per_litre)
        text += f", an average of {_price(ctx, per_litre)}"
        low, high = bought.lowest_price, bought.highest_price
        if low is not None and high is not None and low != high:  # "dearest diesel per litre this month?"
            text += f" (from {_price(ctx, low)} to {_price(ctx, high)})"
    return ToolResult(True, text, data)


@tool()
def fuel_consumption(ctx: ToolContext) -> ToolResult:
    """Average fuel consumption measured between full fills (partial fills in between count), and recent fuel price."""
    measured = fuel_economy.economy(ctx.session, user_id=ctx.user_id)
    basis = measured.basis
    price = str(basis.price_per_litre) if basis.price_source == "log" else None
    if measured.average_l_per_100km is None:
        return ToolResult(True, "I need at least two full fills with odometer readings to work out consumption",
                          {"l_per_100km": None, "price_per_litre": price})
    units = ctx.user.units
    text = (f"{format_consumption(measured.average_l_per_100km, units)} over "
            f"{format_distance(measured.average_distance_km, units)}")
    return ToolResult(True, text, {
        "l_per_100km": round(measured.average_l_per_100km, 1), "distance_km": measured.average_distance_km,
        "intervals": measured.averaged_intervals, "price_per_litre": price,
    })


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
    workshop: ShortText = "",
) -> ToolResult:
    """Log maintenance done on the vehicle (oil change, tyre rotation...); a cost also records a maintenance expense,
    paid to the workshop where the work was done, if one is named."""
    trip = trip_underway(ctx) if cost else None  # only spending goes on a trip
    record = vehicle_log.log_maintenance(
        ctx.session, user=ctx.user, task=task, date=date or ctx.today, odometer_km=odometer_km, cost=cost, notes=notes,
        next_due_date=next_due_date, next_due_km=next_due_km, trip_id=trip.id if trip else None, workshop=workshop,
    )
    parts = [f"Logged {mid_sentence(record.task)}"]
    if record.odometer_km is not None:
        parts.append(f"at {format_distance(record.odometer_km, ctx.user.units)}")
    if record.cost is not None:
        parts.append(f"({money_text(record.cost, ctx.user.currency)})")
    return ToolResult(
        True, " ".join(parts) + on_trip(trip),
        {"id": str(record.id), "task": record.task, "date": record.date.isoformat(), "odometer_km": record.odometer_km,
         "cost": f"{record.cost:.2f}" if record.cost is not None else None},
        undo={"op": "delete", "kind": "maintenance", "id": str(record.id)}, changed=("maintenance", "expenses"),
    )


def maintenance_line(ctx: ToolContext, record: MaintenanceRecord) -> str:
    """'Oil change on 14 Oct 2026 at 120,500 km ($95.00)'."""
    line = f"{record.task} on {record.date:%-d %b %Y}"
    if record.odometer_km is not None:
        line += f" at {format_distance(record.odometer_km, ctx.user.units)}"
    if record.cost is not None:
        line += f" ({money_text(record.cost, ctx.user.currency)})"
    return line


_ANY_WORK = frozenset({"service", "services", "servicing", "maintenance", "job", "jobs", "work", "repair", "repairs"})
_KM_A_DAY = 100  # how far a rig travels in a day, to weigh a distance left against days left


def _how_soon(item: DueItem) -> float:
    """Roughly how many days until the item is due, by whichever of its date and odometer comes first."""
    days = [float(item.days_left)] if item.days_left is not None else []
    days += [item.km_left / _KM_A_DAY] if item.km_left is not None else []
    return min(days, default=float("inf"))


def _next_due_line(ctx: ToolContext, item: DueItem) -> str:
    """'Oil and filter change: next due at 95,000 km (due in 10,000 km)'."""
    when = [f"on {item.due_date:%-d %b %Y}"] if item.due_date else []
    when += [f"at {format_distance(item.due_km, ctx.user.units)}"] if item.due_km is not None else []
    return f"{item.task}: next due {' or '.join(when)} ({due_label(item, ctx.user.units).lower()})"


@tool()
def maintenance_history(
    ctx: ToolContext, task: ShortText = "", limit: Annotated[int, Field(ge=1, le=20)] = 3
) -> ToolResult:
    """Maintenance already done, newest first; with `task`, only records whose task contains that word ("oil",
    "tyre", "service"): "when did I last change the oil?", "what was the odometer at my last service?"."""
    records, total = maintenance_repo.list_page(ctx.session, user_id=ctx.user_id, limit=limit, task=task.strip() or None)
    data = {"task": task, "total": total, "items": [
        {"id": str(r.id), "task": r.task, "date": r.date.isoformat(), "odometer_km": r.odometer_km,
         "cost": f"{r.cost:.2f}" if r.cost is not None else None} for r in records
    ]}
    if not records:
        return ToolResult(True, f"Nothing logged for “{task}” yet" if task.strip() else "No maintenance logged yet", data)
    text = f"{'Last time' if task.strip() else 'Most recent'}: {maintenance_line(ctx, records[0])}"
    if len(records) > 1:
        text += ". Before that: " + "; ".join(maintenance_line(ctx, r) for r in records[1:])
    return ToolResult(True, text, data)


@tool()
def maintenance_due(ctx: ToolContext, task: ShortText = "") -> ToolResult:
    """Maintenance that is overdue or due soon, by date and odometer; with `task` (a word of it: "oil", "service"),
    when that task is next due however far off ("when is the next oil change due?")."""
    if task.strip():
        later = vehicle_log.maintenance_due(ctx.session, user_id=ctx.user_id, today=ctx.today, include_later=True)
        named = [i for i in later if task.strip().lower() in i.task.lower()]
        if named:
            return ToolResult(True, "; ".join(_next_due_line(ctx, i) for i in named),
                              {"items": [{"task": i.task, "next_due_date": i.due_date.isoformat() if i.due_date else None,
                                          "next_due_km": i.due_km, "overdue": i.overdue} for i in named]})
        if task.strip().lower() not in _ANY_WORK:  # "when is the transmission fluid due?" with nothing logged for it
            return ToolResult(True, f"Nothing in your maintenance log says when “{task.strip()}” is next due", {"items": []})
    items = vehicle_log.maintenance_due(ctx.session, user_id=ctx.user_id, today=ctx.today)
    data = [
        {"task": i.task, "overdue": i.overdue, "days_left": i.days_left, "km_left": i.km_left,
         "next_due_date": i.due_date.isoformat() if i.due_date else None, "next_due_km": i.due_km}
        for i in items
    ]
    if not data:
        later = vehicle_log.maintenance_due(ctx.session, user_id=ctx.user_id, today=ctx.today, include_later=True)
        if not later:
            return ToolResult(True, "Nothing is due soon", {"items": []})
        first = min(later, key=_how_soon)  # "which job comes due first?": the next one, however far off
        return ToolResult(True, f"Nothing is due soon. Next up: {_next_due_line(ctx, first)}",
                          {"items": [], "next": {"task": first.task, "next_due_km": first.due_km,
                                                 "next_due_date": first.due_date.isoformat() if first.due_date else None}})
    text = "; ".join(f"{d['task']} {'overdue' if d['overdue'] else 'due soon'}" for d in data)
    return ToolResult(True, text, {"items": data})


@tool(mutates=True)
def add_maintenance_schedule(
    ctx: ToolContext,
    task: Annotated[str, Field(min_length=2, max_length=160)],
    every_km: Annotated[int, Field(ge=100, le=vehicle_log.MAX_EVERY_KM)] | None = None,
    every_months: Annotated[int, Field(ge=1, le=vehicle_log.MAX_EVERY_MONTHS)] | None = None,
) -> ToolResult:
    """Repeat a maintenance task every so many km and/or months (e.g. oil change every 10000 km or 6 months);
    it then shows as due soon or overdue and appears in the calendar."""
    try:
        schedule = vehicle_log.add_schedule(
            ctx.session, user=ctx.user, task=task, every_km=every_km, every_months=every_months
        )
    except vehicle_log.VehicleLogError as error:
        return ToolResult.fail(f"I couldn't add that schedule: {error.message}.")
    units = ctx.user.units
    every = [f"{format_distance(schedule.every_km, units)}" if schedule.every_km else "",
             f"{schedule.every_months} month{'s' if schedule.every_months != 1 else ''}" if schedule.every_months else ""]
    due = schedule_statuses(ctx.session, user_id=ctx.user_id, today=ctx.today, schedules=[schedule])[0].due
    when = [f"{due.due_date:%-d %b %Y}" if due.due_date else "", format_distance(due.due_km, units) if due.due_km else ""]
    text = f"{schedule.task} every {' or '.join(filter(None, every))}"
    if any(when):
        text += f" — next due {' or at '.join(filter(None, when))}"
    return ToolResult(
        True, text,
        {"id": str(schedule.id), "task": schedule.task, "every_km": schedule.every_km, "every_months": schedule.every_months,
         "next_due_date": due.due_date.isoformat() if due.due_date else None, "next_due_km": due.due_km},
        undo={"op": "delete", "kind": "schedule", "id": str(schedule.id)}, changed=("maintenance",),
    )


"""Maintenance records and fill-ups named by what they were, for corrections of records PAM did not just make: "I put
the oil change in at 85000 km but it was actually 58000", "the coober pedy fill was 107.60 not 97.60"."""

from __future__ import annotations

import datetime as dt

from wheels_wins.pam.tools.common import PositiveMoney, ShortText, holds_words
from wheels_wins.pam.tools.corrections import update_fuel, update_maintenance
from wheels_wins.pam.tools.expense_lookup import update_expense_described
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.tools.vehicle import Litres, Odometer
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo

_NOT_A_TASK = frozenset("the a an my our record entry one service log".split())
_NOT_A_PLACE = frozenset("the a an my our last latest fill fill-up up fillup fuel diesel petrol at in servo log".split())
_FILLS_LOOKED_AT = 100


@tool(mutates=True)
def update_maintenance_described(
    ctx: ToolContext,
    task: ShortText,
    odometer_km: Odometer | None = None,
    new_odometer_km: Odometer | None = None,
    new_cost: PositiveMoney | None = None,
    new_date: dt.date | None = None,
) -> ToolResult:
    """Correct the latest maintenance record whose task holds these words (and, when given, whose odometer reading
    is `odometer_km`): "I put the oil change in at 85000 km but it was actually 58000" is task "oil change",
    odometer_km 85000, new_odometer_km 58000."""
    words = [w for w in task.lower().split() if w not in _NOT_A_TASK]
    records = [r for r in maintenance_repo.list_all(ctx.session, user_id=ctx.user_id) if holds_words(r.task, words)]
    if odometer_km is not None:
        records = [r for r in records if r.odometer_km == odometer_km] or records
    if not records:
        return ToolResult.fail(f"I couldn't find “{task}” in your maintenance log.")
    latest = max(records, key=lambda r: (r.date, r.created_at))
    return update_maintenance(ctx, maintenance_id=str(latest.id), odometer_km=new_odometer_km, cost=new_cost,
                              date=new_date)


@tool(mutates=True)
def update_fuel_described(
    ctx: ToolContext,
    location: ShortText = "",
    total_cost: PositiveMoney | None = None,
    odometer_km: Odometer | None = None,
    new_total_cost: PositiveMoney | None = None,
    new_odometer_km: Odometer | None = None,
    new_date: dt.date | None = None,
    new_location: ShortText | None = None,
    litres: Litres | None = None,
    new_litres: Litres | None = None,
) -> ToolResult:
    """Correct a past fill-up (or fuel expense) named by where it was, its cost, litres or odometer reading; else the
    latest: "the coober pedy fill was 107.60 not 97.60" is location "coober pedy", total_cost 97.60, new_total_cost
    107.60; "fix the odo on my last fill up, its 94,580 not 94,850" is odometer_km 94850, new_odometer_km 94580; "the
    Katherine fill-up says 86.4 litres, it was 68.4" is litres 86.4, new_litres 68.4 (the cost stays)."""
    words = [w for w in location.lower().split() if w not in _NOT_A_PLACE]
    fills, _ = fuel_repo.list_page(ctx.session, user_id=ctx.user_id, limit=_FILLS_LOOKED_AT)
    found = [
        f for f in fills
        if (not words or holds_words(f.location, words))
        and (total_cost is None or f.total_cost == total_cost)
        and (odometer_km is None or f.odometer_km == odometer_km)
        and (litres is None or f.litres == litres)
    ]
    if not found and new_litres is not None:
        return ToolResult.fail(f"I couldn't find a fill-up of {litres} L." if litres else "I couldn't find that fill-up.")
    if not found:  # a fuel purchase logged as an expense, not as a fill-up
        return update_expense_described(ctx, description=" ".join(words), amount=total_cost, category="fuel",
                                        new_amount=new_total_cost, new_date=new_date, new_merchant=new_location)
    return update_fuel(ctx, fuel_id=str(found[0].id), total_cost=new_total_cost, odometer_km=new_odometer_km,
                       date=new_date, location=new_location, litres=new_litres)

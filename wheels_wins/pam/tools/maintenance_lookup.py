"""Maintenance records named by their task, for corrections of records PAM did not just make: "I put the oil change in
at 85000 km but it was actually 58000"."""

from __future__ import annotations

import datetime as dt

from wheels_wins.pam.tools.common import PositiveMoney, ShortText
from wheels_wins.pam.tools.corrections import update_maintenance
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.tools.vehicle import Odometer
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import maintenance as maintenance_repo

_NOT_A_TASK = frozenset("the a an my our record entry one service log".split())


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
    records = [r for r in maintenance_repo.list_all(ctx.session, user_id=ctx.user_id)
               if all(w in r.task.lower() for w in words)]
    if odometer_km is not None:
        records = [r for r in records if r.odometer_km == odometer_km] or records
    if not records:
        return ToolResult.fail(f"I couldn't find “{task}” in your maintenance log.")
    latest = max(records, key=lambda r: (r.date, r.created_at))
    return update_maintenance(ctx, maintenance_id=str(latest.id), odometer_km=new_odometer_km, cost=new_cost,
                              date=new_date)

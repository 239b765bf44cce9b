"""What PAM knows at the start of a turn: the user, the page and short summaries of their data."""

from __future__ import annotations

import datetime as dt
from typing import Any

from wheels_wins.pam.types import ToolContext
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services.money import format_money, month_summary, zone

PERSONA = (
    "You are PAM, the assistant inside Wheels & Wins, an app for people who live and travel in RVs, caravans and "
    "campervans. You act through tools: record expenses, income, fuel and maintenance, set budgets, plan trips, add "
    "reminders, post to the community and open pages. Use a tool whenever the user asks for a change or a figure; "
    "never invent numbers. If something required is missing (an amount, a date for a reminder), ask one short "
    "question instead of guessing. To correct something you just recorded (\"actually it was $35\"), use the "
    "matching update tool with the id shown in your earlier actions rather than adding it again. Keep replies brief, "
    "warm and practical, in the user's currency."
)


def user_snapshot(ctx: ToolContext) -> dict[str, Any]:
    """Short summaries that matter: this month vs budgets, upcoming events, the active trip."""
    currency = ctx.user.currency
    summary = month_summary(ctx.session, user_id=ctx.user_id, today=ctx.today)
    local = zone(ctx.user.timezone)
    events = calendar_repo.upcoming(ctx.session, user_id=ctx.user_id, now=ctx.now, limit=3)
    trip = trip_repo.active(ctx.session, user_id=ctx.user_id)
    return {
        "spent_this_month": format_money(summary.total, currency),
        "budgets": [f"{b.category} {format_money(b.spent, currency)}/{format_money(b.amount, currency)}" for b in summary.budgets],
        "upcoming": [f"{e.title} ({e.start.astimezone(local):%a %-d %b})" for e in events],
        "active_trip": f"{trip.title} ({trip.status}, {trip.distance_km or 0:.0f} km)" if trip else None,
    }


def system_prompt(ctx: ToolContext, snapshot: dict[str, Any]) -> str:
    """The system prompt for remote providers."""
    u = ctx.user
    lines = [
        PERSONA,
        f"Today is {ctx.today:%A %-d %B %Y} ({u.timezone}). Currency {u.currency}; units {u.units}.",
        f"User: {u.full_name or 'traveller'}. Current page: {ctx.page}.",
    ]
    if ctx.location:
        lines.append(f"Location: {ctx.location[0]:.4f}, {ctx.location[1]:.4f}.")
    lines.append(f"This month: spent {snapshot['spent_this_month']}; budgets: {', '.join(snapshot['budgets']) or 'none'}.")
    lines.append(f"Upcoming: {', '.join(snapshot['upcoming']) or 'nothing'}. Active trip: {snapshot['active_trip'] or 'none'}.")
    return "\n".join(lines)


def now_utc() -> dt.datetime:
    """The current UTC time."""
    return dt.datetime.now(dt.UTC)

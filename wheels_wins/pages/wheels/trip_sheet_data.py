"""The trip details dialog's work away from the state: the edit form's checks, display text, and delete with undo.

Everything here is either pure or takes the caller's session, so each user action stays one
transaction opened by the state (`run_in_session`).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from collections.abc import Mapping
from typing import Any

from sqlmodel import Session

from wheels_wins.components.format import day_label, distance_label, duration_label
from wheels_wins.models import Expense, Trip
from wheels_wins.pages.wins.validation import parse_amount
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import money
from wheels_wins.services.categories import CATEGORY_LABELS
from wheels_wins.services.charts_trip import cost_per_distance_label
from wheels_wins.services.trip_budget import TripBudget, trip_budget
from wheels_wins.services.trips import TRIP_STATUSES

MAX_TITLE = 120
MAX_NOTES = 2000
SHOWN_EXPENSES = 20
MAX_RELINKED = 5000
"""Expenses an undone delete links back to the trip (far more than any trip has)."""


@dataclasses.dataclass
class LinkedExpense:
    """One expense linked to the trip, as the dialog lists it."""

    id: str
    day: str
    title: str
    category: str
    amount: str


@dataclasses.dataclass(frozen=True)
class Sheet:
    """What the dialog shows of one trip, read in one transaction."""

    trip: Trip
    figures: TripBudget
    expenses: list[Expense]


def read_sheet(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> Sheet | None:
    """The user's trip, its budget vs actual and its newest linked expenses; None when missing or not theirs."""
    trip = trip_repo.get(session, user_id=user_id, trip_id=trip_id)
    figures = trip_budget(session, user_id=user_id, trip_id=trip_id) if trip else None
    if trip is None or figures is None:
        return None
    rows = expense_repo.list_rows(session, user_id=user_id, trip_id=trip_id, limit=SHOWN_EXPENSES)
    return Sheet(trip, figures, rows)


def parse_edit(form: Mapping[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    """The trip fields from the edit form, and an error per field (keyed like the fields) when something is wrong."""
    errors: dict[str, str] = {}
    title = str(form.get("title", "")).strip()
    if not title:
        errors["title"] = "Give the trip a name."
    elif len(title) > MAX_TITLE:
        errors["title"] = f"Keep the name under {MAX_TITLE} characters."
    start, errors["start_date"] = _optional_day(form.get("start_date"), "start")
    end, errors["end_date"] = _optional_day(form.get("end_date"), "end")
    if start and end and end < start:
        errors["end_date"] = "The end date must be on or after the start date."
    status = str(form.get("status", ""))
    if status not in TRIP_STATUSES:
        errors["status"] = "Choose a status."
    budget = None
    budget_text = str(form.get("budget", "")).strip()
    if budget_text:
        budget, message = parse_amount(budget_text)
        # parse_amount speaks of "the amount"; here the field is the budget.
        errors["budget"] = message.replace("amount", "budget")
    notes = str(form.get("notes", "")).strip()
    if len(notes) > MAX_NOTES:
        errors["notes"] = f"Keep the notes under {MAX_NOTES} characters."
    errors = {name: message for name, message in errors.items() if message}
    changes = {"title": title, "start_date": start, "end_date": end, "status": status, "budget": budget, "notes": notes}
    return changes, errors


def _optional_day(value: Any, which: str) -> tuple[dt.date | None, str]:
    text = str(value or "").strip()
    if not text:
        return None, ""
    try:
        day = dt.date.fromisoformat(text)
    except ValueError:
        return None, f"Enter a real {which} date, or leave it empty."
    if not 1970 <= day.year <= 2100:
        return None, f"Enter a real {which} date, or leave it empty."
    return day, ""


def dates_text(start: dt.date | None, end: dt.date | None) -> str:
    """'Sat 1 Jun – Sun 9 Jun 2026 · 9 days', 'From Sat 1 Jun 2026', or 'No dates set'."""
    if start is None:
        return f"Until {end:%a} {end.day} {end:%b %Y}" if end else "No dates set"
    if end is None:
        return f"From {start:%a} {start.day} {start:%b %Y}"
    days = (end - start).days + 1
    first = f"{start:%a} {start.day} {start:%b}" + ("" if start.year == end.year else f" {start:%Y}")
    return f"{first} – {end:%a} {end.day} {end:%b %Y} · {days} day{'s' if days != 1 else ''}"


def route_text(trip: Trip, units: str) -> str:
    """'880 km · 9 h 30 min driving', or why there is no distance yet."""
    if not trip.distance_km:
        return "No distance yet: the trip needs two stops."
    return f"{distance_label(trip.distance_km, units)} · {duration_label(trip.duration_hours)} driving"


def budget_texts(figures: TripBudget, currency: str, units: str) -> dict[str, Any]:
    """The budget-vs-actual figures as the dialog's display values."""
    fmt = lambda amount: money.format_money(amount, currency)  # noqa: E731
    remaining = figures.remaining
    share = figures.share_used
    return {
        "has_budget": figures.budget is not None,
        "budget_text": fmt(figures.budget) if figures.budget is not None else "",
        "spent": fmt(figures.spent),
        "left_text": "" if remaining is None else (f"{fmt(remaining)} left" if remaining >= 0 else f"{fmt(-remaining)} over"),
        "over": figures.over_budget,
        "percent": 0 if share is None else round(share * 100),
        "per_distance": cost_per_distance_label(figures.spent, figures.distance_km, currency=currency, units=units),
        "expense_count": figures.expense_count,
        "fuel_text": fuel_text(figures, currency),
        "delete_note": delete_note(figures.expense_count),
    }


def delete_note(expense_count: int) -> str:
    """What deleting the trip does to its expenses."""
    if expense_count == 0:
        return "Its stops go too. No expenses are linked to it."
    linked = "1 linked expense stays" if expense_count == 1 else f"{expense_count} linked expenses stay"
    return f"Its stops go too. Its {linked} in Wins, no longer linked to a trip."


def fuel_text(figures: TripBudget, currency: str) -> str:
    """Fuel spent against the trip's estimate, e.g. '$430.45 spent of $400.00 estimated ($30.45 over)'."""
    spent = money.format_money(figures.fuel_spent, currency)
    difference = figures.fuel_difference
    if figures.fuel_estimate is None or difference is None:
        return f"{spent} spent · no estimate yet"
    estimate = money.format_money(figures.fuel_estimate, currency)
    if difference > 0:
        return f"{spent} spent of {estimate} estimated ({money.format_money(difference, currency)} over)"
    return f"{spent} spent of {estimate} estimated"


def linked_rows(rows: list[Expense], today: dt.date, currency: str) -> list[LinkedExpense]:
    """The linked expenses as list rows."""
    return [
        LinkedExpense(
            id=str(row.id),
            day=day_label(row.date, today),
            title=row.description or row.merchant or CATEGORY_LABELS.get(row.category, row.category.title()),
            category=CATEGORY_LABELS.get(row.category, row.category.title()),
            amount=money.format_money(row.amount, row.currency or currency),
        )
        for row in rows
    ]


def delete_trip(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> dict[str, Any] | None:
    """Delete the user's trip; returns what `restore_trip` needs to put it back, or None when it was not there.

    Its expenses stay in Wins, unlinked (the foreign key sets their trip to null).
    """
    trip = trip_repo.get(session, user_id=user_id, trip_id=trip_id)
    if trip is None:
        return None
    kept = {
        "trip": trip.model_dump(exclude={"user_id"}),
        "stops": [(w.name, w.lat, w.lon, w.leg_km, w.leg_hours)
                  for w in trip_repo.waypoints(session, user_id=user_id, trip_id=trip_id)],
        "expenses": [e.id for e in expense_repo.list_rows(session, user_id=user_id, trip_id=trip_id, limit=MAX_RELINKED)],
    }
    trip_repo.delete_trip(session, user_id=user_id, trip_id=trip_id)
    return kept


def restore_trip(session: Session, *, user_id: uuid.UUID, kept: Mapping[str, Any]) -> Trip | None:
    """Put a deleted trip back with its id, stops and links to expenses that are still unlinked; None if it exists."""
    fields = dict(kept["trip"])
    if trip_repo.get(session, user_id=user_id, trip_id=fields["id"]) is not None:
        return None
    trip = trip_repo.create(session, user_id=user_id, **fields)
    stops = kept["stops"]
    trip_repo.replace_waypoints(session, user_id=user_id, trip_id=trip.id, stops=[s[:3] for s in stops])
    trip_repo.set_legs(session, user_id=user_id, trip_id=trip.id,
                       legs=[None if km is None else (km, hours or 0.0) for *_, km, hours in stops])
    for expense_id in kept["expenses"]:
        expense = expense_repo.get(session, user_id=user_id, expense_id=expense_id)
        if expense is not None and expense.trip_id is None:
            expense_repo.update(session, user_id=user_id, expense_id=expense_id, changes={"trip_id": trip.id})
    return trip

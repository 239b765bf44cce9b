"""Home: the dashboard's state — this month, recent expenses, coming up and the trip, read in one transaction."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.format import day_label, distance_label, duration_label, event_label
from wheels_wins.db import utcnow
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import maintenance_alerts, money, trip_budget, vehicle_log
from wheels_wins.services.categories import CATEGORY_LABELS
from wheels_wins.services.maintenance_due import due_label
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.notifications import NotificationsState

TOP_CATEGORIES = 4


@dataclasses.dataclass
class CategoryRow:
    """A category's share of this month's spend."""

    label: str
    amount: str
    percent: int


@dataclasses.dataclass
class ExpenseRow:
    """One recent expense, ready to show."""

    title: str
    category: str
    day: str
    amount: str


@dataclasses.dataclass
class EventRow:
    """An upcoming calendar entry or a maintenance task falling due."""

    title: str
    when: str
    urgent: bool = False


@dataclasses.dataclass
class TripCard:
    """The trip on the road now, or the one being planned."""

    title: str = ""
    status: str = ""
    route: str = ""
    distance: str = ""
    duration: str = ""
    fuel: str = ""
    spent: str = ""
    """'$1,234.50 spent of $4,500.00' or '$1,234.50 spent on this trip'; '' before anything is linked."""
    spent_percent: int = 0
    over_budget: bool = False


def greeting(hour: int) -> str:
    """Good morning / afternoon / evening."""
    if hour < 12:
        return "Good morning"
    return "Good afternoon" if hour < 18 else "Good evening"


class HomeState(rx.State):
    """The dashboard's figures for the signed-in user, formatted on the server."""

    loaded: bool = False
    hello: str = ""
    month_label: str = ""
    spent: str = ""
    income: str = ""
    budget_total: str = ""
    budget_left: str = ""
    budget_percent: int = 0
    has_budget: bool = False
    over_budget: bool = False
    categories: rx.Field[list[CategoryRow]] = rx.field(default_factory=list)
    recent: rx.Field[list[ExpenseRow]] = rx.field(default_factory=list)
    events: rx.Field[list[EventRow]] = rx.field(default_factory=list)
    trip: rx.Field[TripCard] = rx.field(default_factory=TripCard)
    has_trip: bool = False

    @rx.event
    async def load(self):
        """Read this month's figures, recent expenses, upcoming events and the active trip."""
        user = await current_user(self)
        if user is None:
            return
        now = dt.datetime.now(money.zone(user.timezone))
        today = now.date()
        day_start = now.replace(hour=0, minute=0, second=0, microsecond=0).astimezone(dt.UTC)

        def read(session: Session) -> tuple[Any, ...]:
            summary = money.month_summary(session, user_id=user.id, today=today)
            recent = expense_repo.recent(session, user_id=user.id, limit=5)
            events = calendar_repo.upcoming(session, user_id=user.id, now=utcnow(), limit=4, day_start=day_start)
            notified = maintenance_alerts.notify_due(session, user=user, today=today)
            due = vehicle_log.maintenance_due(session, user_id=user.id, today=today)[:3]
            trip = trip_repo.active(session, user_id=user.id)
            stops = trip_repo.waypoints(session, user_id=user.id, trip_id=trip.id) if trip else []
            costs = trip_budget.trip_budget(session, user_id=user.id, trip_id=trip.id) if trip else None
            return summary, recent, events, due, trip, stops, costs, notified

        summary, recent, events, due, trip, stops, costs, notified = await run_in_session(read)

        cur = user.currency
        first = (user.full_name or "").split()
        self.hello = f"{greeting(now.hour)}, {first[0]}" if first else greeting(now.hour)
        self.month_label = f"{today:%B %Y}"
        self.spent = money.format_money(summary.total, cur)
        self.income = money.format_money(summary.income, cur)
        budget = summary.budget_total
        self.has_budget = budget > 0
        self.budget_total = money.format_money(budget, cur)
        self.budget_left = money.format_money(abs(budget - summary.total), cur)
        self.over_budget = summary.total > budget > 0
        self.budget_percent = round(summary.total / budget * 100) if budget > 0 else 0
        top = list(summary.by_category.items())[:TOP_CATEGORIES]
        biggest = top[0][1] if top else 0
        self.categories = [
            CategoryRow(
                CATEGORY_LABELS.get(name, name.title()),
                money.format_money(amount, cur),
                round(amount / biggest * 100) if biggest else 0,
            )
            for name, amount in top
        ]
        self.recent = [
            ExpenseRow(
                e.description or e.merchant or CATEGORY_LABELS.get(e.category, e.category.title()),
                CATEGORY_LABELS.get(e.category, e.category.title()),
                day_label(e.date, today),
                money.format_money(e.amount, e.currency or cur),
            )
            for e in recent
        ]
        self.events = [
            *[EventRow(f"Service: {d.task}", due_label(d, user.units), d.overdue) for d in due],
            *[EventRow(e.title, event_label(e.start, all_day=e.all_day, now=now)) for e in events],
        ]
        self.has_trip = trip is not None
        self.trip = (
            TripCard(
                title=trip.title,
                status=trip.status.title(),
                route=" → ".join(s.name for s in stops) or "No stops yet",
                distance=distance_label(trip.distance_km, user.units),
                duration=duration_label(trip.duration_hours),
                fuel=money.format_money(trip.estimated_fuel_cost, cur) if trip.estimated_fuel_cost is not None else "—",
                **trip_spend(costs, cur),
            )
            if trip
            else TripCard()
        )
        self.loaded = True
        if notified:
            return NotificationsState.refresh_count


def trip_spend(costs: trip_budget.TripBudget | None, currency: str) -> dict[str, Any]:
    """The trip card's spend line and bar from budget vs actual."""
    if costs is None or (costs.expense_count == 0 and costs.budget is None):
        return {}
    spent = money.format_money(costs.spent, currency)
    if costs.budget is None:
        return {"spent": f"{spent} spent on this trip"}
    share = costs.share_used or Decimal(0)
    return {
        "spent": f"{spent} spent of {money.format_money(costs.budget, currency)}",
        "spent_percent": int(share * 100),
        "over_budget": costs.over_budget,
    }

"""Home: this month's spend against budget, top categories, recent expenses, what's coming up and the active trip."""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins import routes
from wheels_wins.components import (
    category_badge,
    empty_state,
    list_row,
    loading_block,
    money_text,
    page_header,
    section_card,
)
from wheels_wins.components.format import day_label, distance_label, duration_label, event_label
from wheels_wins.components.layout import app_page
from wheels_wins.db import utcnow
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import maintenance_alerts, money, vehicle_log
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
            return summary, recent, events, due, trip, stops, notified

        summary, recent, events, due, trip, stops, notified = await run_in_session(read)

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
            )
            if trip
            else TripCard()
        )
        self.loaded = True
        if notified:
            return NotificationsState.refresh_count


def _month_card() -> rx.Component:
    budget = rx.cond(
        HomeState.has_budget,
        rx.vstack(
            rx.progress(
                value=rx.cond(HomeState.budget_percent > 100, 100, HomeState.budget_percent),
                color_scheme=rx.cond(HomeState.over_budget, "red", "teal"),
                size="2",
                width="100%",
            ),
            rx.hstack(
                rx.text(
                    HomeState.budget_percent.to_string() + "% of " + HomeState.budget_total + " budget",
                    size="2",
                    color=rx.color("gray", 11),
                ),
                rx.text(
                    rx.cond(HomeState.over_budget, HomeState.budget_left + " over", HomeState.budget_left + " left"),
                    size="2",
                    weight="medium",
                    color=rx.cond(HomeState.over_budget, rx.color("red", 11), rx.color("accent", 11)),
                ),
                justify="between",
                width="100%",
            ),
            spacing="2",
            width="100%",
        ),
        rx.text(
            "No monthly budget set yet — ask PAM: “set my fuel budget to $600”.", size="2", color=rx.color("gray", 11)
        ),
    )
    categories = rx.cond(
        HomeState.categories.length() > 0,
        rx.vstack(
            rx.text(
                "Top categories",
                size="1",
                weight="medium",
                color=rx.color("gray", 11),
                text_transform="uppercase",
                letter_spacing="0.04em",
            ),
            rx.foreach(
                HomeState.categories,
                lambda row: rx.vstack(
                    rx.hstack(
                        rx.text(row.label, size="2"), money_text(row.amount, size="2"), justify="between", width="100%"
                    ),
                    rx.box(
                        rx.box(
                            height="100%",
                            width=row.percent.to_string() + "%",
                            background=rx.color("accent", 9),
                            border_radius="9999px",
                        ),
                        height="6px",
                        width="100%",
                        background=rx.color("gray", 4),
                        border_radius="9999px",
                    ),
                    spacing="1",
                    width="100%",
                ),
            ),
            spacing="3",
            width="100%",
            pt="2",
        ),
        empty_state(
            "receipt", "Nothing spent this month", "Add an expense on Wins to see where the money goes.", "add $50 fuel"
        ),
    )
    return section_card(
        "wallet",
        "This month",
        rx.cond(
            HomeState.loaded,
            rx.vstack(
                rx.hstack(
                    rx.vstack(
                        rx.text("Spent in " + HomeState.month_label, size="2", color=rx.color("gray", 11)),
                        money_text(HomeState.spent, size="8", weight="bold", letter_spacing="-0.02em"),
                        spacing="0",
                    ),
                    rx.vstack(
                        rx.text("Income", size="2", color=rx.color("gray", 11)),
                        money_text(HomeState.income, size="4", color=rx.color("gray", 12)),
                        spacing="0",
                        align="end",
                    ),
                    justify="between",
                    align="end",
                    width="100%",
                ),
                budget,
                rx.separator(size="4"),
                categories,
                spacing="4",
                width="100%",
            ),
            loading_block(4),
        ),
        link=routes.WINS,
        link_label="Open Wins",
    )


def _trip_card() -> rx.Component:
    def figure(icon: str, value: rx.Var[str], label: str) -> rx.Component:
        return rx.vstack(
            rx.hstack(
                rx.icon(icon, size=14, color=rx.color("gray", 10)),
                rx.text(label, size="1", color=rx.color("gray", 11)),
                spacing="1",
                align="center",
            ),
            rx.text(value, size="3", weight="medium", white_space="nowrap"),
            spacing="1",
        )

    return section_card(
        "route",
        "Your trip",
        rx.cond(
            HomeState.loaded,
            rx.cond(
                HomeState.has_trip,
                rx.vstack(
                    rx.hstack(
                        rx.heading(HomeState.trip.title, size="4"),
                        rx.badge(
                            HomeState.trip.status,
                            color_scheme=rx.cond(HomeState.trip.status == "Active", "grass", "amber"),
                            radius="full",
                        ),
                        spacing="2",
                        align="center",
                        wrap="wrap",
                    ),
                    rx.text(HomeState.trip.route, size="2", color=rx.color("gray", 11)),
                    rx.grid(
                        figure("ruler", HomeState.trip.distance, "Distance"),
                        figure("clock", HomeState.trip.duration, "Driving"),
                        figure("fuel", HomeState.trip.fuel, "Fuel est."),
                        columns="3",
                        gap="3",
                        width="100%",
                        pt="2",
                    ),
                    spacing="2",
                    width="100%",
                ),
                empty_state(
                    "map",
                    "No trip planned",
                    "Plan one on Wheels from a list of places.",
                    "plan a trip from Sydney to Melbourne",
                ),
            ),
            loading_block(3),
        ),
        link=routes.WHEELS,
        link_label="Open Wheels",
    )


def _recent_card() -> rx.Component:
    return section_card(
        "receipt",
        "Recent expenses",
        rx.cond(
            HomeState.loaded,
            rx.cond(
                HomeState.recent.length() > 0,
                rx.vstack(
                    rx.foreach(
                        HomeState.recent,
                        lambda row: list_row(
                            rx.vstack(
                                rx.text(row.title, size="2", weight="medium", white_space="nowrap", overflow="hidden", text_overflow="ellipsis"),
                                rx.hstack(
                                    category_badge(row.category),
                                    rx.text(row.day, size="1", color=rx.color("gray", 11)),
                                    spacing="2",
                                    align="center",
                                ),
                                spacing="1",
                                min_width="0",
                            ),
                            money_text(row.amount, size="2"),
                        ),
                    ),
                    spacing="0",
                    width="100%",
                ),
                empty_state("receipt", "No expenses yet", "Add your first one on Wins.", "add $50 fuel"),
            ),
            loading_block(4),
        ),
        link=routes.WINS,
    )


def _events_card() -> rx.Component:
    return section_card(
        "calendar_days",
        "Coming up",
        rx.cond(
            HomeState.loaded,
            rx.cond(
                HomeState.events.length() > 0,
                rx.vstack(
                    rx.foreach(
                        HomeState.events,
                        lambda row: list_row(
                            rx.hstack(
                                rx.box(
                                    width="8px",
                                    height="8px",
                                    border_radius="9999px",
                                    background=rx.color("accent", 9),
                                    flex_shrink="0",
                                ),
                                rx.text(row.title, size="2", weight="medium", white_space="nowrap", overflow="hidden", text_overflow="ellipsis"),
                                spacing="2",
                                align="center",
                                min_width="0",
                            ),
                            rx.text(row.when, size="2", white_space="nowrap",
                                    color=rx.cond(row.urgent, rx.color("red", 11), rx.color("gray", 11))),
                        ),
                    ),
                    spacing="0",
                    width="100%",
                ),
                empty_state(
                    "calendar_days",
                    "Nothing scheduled",
                    "Reminders for services, rego and bookings show up here.",
                    "remind me to renew the rego on Friday",
                ),
            ),
            loading_block(3),
        ),
        link=routes.WHEELS,
        link_label="Open Wheels",
    )


@app_page(
    routes.HOME,
    "Home",
    on_load=HomeState.load,
    refresh_on=("expenses", "budgets", "income", "trips", "calendar", "maintenance", "fuel"),
)
def home() -> rx.Component:
    """The dashboard."""
    return rx.vstack(
        page_header(
            rx.cond(HomeState.loaded, HomeState.hello, "Welcome back"),
            rx.cond(HomeState.loaded, "Here's " + HomeState.month_label + " at a glance.", "Your month at a glance."),
        ),
        rx.grid(
            _month_card(),
            _trip_card(),
            _recent_card(),
            _events_card(),
            grid_template_columns="repeat(auto-fit, minmax(min(100%, 360px), 1fr))",
            gap="var(--space-4)",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )

"""Insights: where the money goes (this month by category, twelve months, budgets, pace) and what a trip cost."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go
import reflex as rx
from sqlmodel import Session

from wheels_wins.components.charts import chart_card, figure_var
from wheels_wins.components.nav import NARROW
from wheels_wins.db import parse_uuid
from wheels_wins.pages.wins.expenses import Option
from wheels_wins.pages.wins.summary import WinsState
from wheels_wins.repositories import reports
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import charts, money
from wheels_wins.services.money import BudgetStatus
from wheels_wins.state.auth import current_user, run_in_session


class InsightsState(rx.State):
    """The figures' data (backend only) and the trip being looked at."""

    loaded: bool = False
    currency: str = "AUD"
    units: str = "metric"
    trips: rx.Field[list[Option]] = rx.field(default_factory=list)
    trip: str = ""
    trip_summary: str = ""
    _today: dt.date = dt.date(2000, 1, 1)
    _by_category: dict[str, Decimal] = {}
    _months: dict[dt.date, dict[str, Decimal]] = {}
    _budgets: list[BudgetStatus] = []
    _budget_total: Decimal = Decimal(0)
    _daily: dict[dt.date, Decimal] = {}
    _trip_by_category: dict[str, Decimal] = {}
    _trip_km: float | None = None

    @rx.event
    async def load(self):
        """Read every chart's data for this month (and the chosen or active trip), when the tab is open."""
        if (await self.get_state(WinsState)).tab != "insights":
            return
        user = await current_user(self)
        if user is None:
            return
        today = money.today_in(user.timezone)
        start, end = money.month_range(today)
        chosen = parse_uuid(self.trip)

        def read(session: Session) -> dict[str, Any]:
            trips, _ = trip_repo.list_page(session, user_id=user.id, limit=100)
            active = trip_repo.active(session, user_id=user.id)
            trip_id = chosen or (active.id if active else (trips[0].id if trips else None))
            return {
                "months": reports.monthly_by_category(session, user_id=user.id, through=today),
                "summary": money.month_summary(session, user_id=user.id, today=today),
                "daily": reports.daily_totals(session, user_id=user.id, start=start, end=end),
                "trips": [Option(str(t.id), t.title) for t in trips],
                "trip": reports.trip_spending(session, user_id=user.id, trip_id=trip_id) if trip_id else None,
            }

        data = await run_in_session(read)
        self.currency, self.units, self._today = user.currency, user.units, today
        self._by_category, self._months, self._daily = data["summary"].by_category, data["months"], data["daily"]
        self._budgets, self._budget_total = data["summary"].budgets, data["summary"].budget_total
        self.trips = data["trips"]
        trip = data["trip"]
        self.trip = str(trip.trip_id) if trip else ""
        self._trip_by_category = dict(trip.by_category) if trip else {}
        self._trip_km = trip.distance_km if trip else None
        self.trip_summary = (
            charts.cost_per_distance_label(trip.total, trip.distance_km, currency=user.currency, units=user.units)
            if trip else ""
        )
        self.loaded = True

    @rx.event
    def choose_trip(self, trip_id: str):
        """Look at another trip's costs."""
        if parse_uuid(trip_id):
            self.trip = trip_id
            return InsightsState.load

    @figure_var
    def category_figure(self) -> go.Figure | None:
        """This month by category."""
        return charts.category_donut(self._by_category, currency=self.currency)

    @figure_var
    def months_figure(self) -> go.Figure | None:
        """The last twelve months, stacked by category."""
        return charts.monthly_stacked_bars(self._months, currency=self.currency)

    @figure_var
    def budget_figure(self) -> go.Figure | None:
        """Budget against actual per category."""
        return charts.budget_vs_actual(self._budgets, currency=self.currency)

    @figure_var
    def pace_figure(self) -> go.Figure | None:
        """Cumulative spend this month against the budget pace."""
        return charts.cumulative_spend(self._daily, budget_total=self._budget_total, today=self._today,
                                       currency=self.currency)

    @figure_var
    def trip_figure(self) -> go.Figure | None:
        """The chosen trip's cost per category, headed by its cost per km."""
        return charts.trip_costs(self._trip_by_category, distance_km=self._trip_km, currency=self.currency,
                                 units=self.units)


def _trip_picker() -> rx.Component:
    return rx.cond(
        InsightsState.trips.length() > 0,
        rx.hstack(
            rx.select.root(
                rx.select.trigger(aria_label="Trip to look at", min_width="220px"),
                rx.select.content(rx.foreach(InsightsState.trips, lambda t: rx.select.item(t.label, value=t.value))),
                value=InsightsState.trip,
                on_change=InsightsState.choose_trip,
                size="2",
            ),
            rx.text(InsightsState.trip_summary, size="2", color=rx.color("gray", 11)),
            align="center",
            spacing="3",
            wrap="wrap",
            width="100%",
        ),
    )


def insights_panel() -> rx.Component:
    """Every Wins chart, two to a row on wide screens."""
    return rx.vstack(
        rx.grid(
            chart_card("This month by category", InsightsState.category_figure,
                       "Add an expense to see where the money goes.", icon="chart_pie", pam_hint="add $50 fuel"),
            chart_card("Spending against budget pace", InsightsState.pace_figure,
                       "Spending this month shows here, against your budget's even pace.", icon="chart_line"),
            chart_card("Last 12 months", InsightsState.months_figure, "Monthly totals appear once you have expenses.",
                       icon="chart_column"),
            chart_card("Budget vs actual", InsightsState.budget_figure, "Set a monthly budget to compare against.",
                       icon="target", pam_hint="set my fuel budget to $400"),
            grid_template_columns="repeat(2, minmax(0, 1fr))",
            gap="var(--space-4)",
            width="100%",
            style={NARROW: {"grid_template_columns": "minmax(0, 1fr)"}},
        ),
        _trip_picker(),
        chart_card("Trip costs", InsightsState.trip_figure,
                   "Link expenses to a trip (or plan one on Wheels) to see its cost per category and per km.",
                   icon="route"),
        spacing="4",
        width="100%",
    )

"""Wheels › a trip's details: edit title, dates, status and budget; budget vs actual from linked expenses."""

from __future__ import annotations

import logging
import uuid
from decimal import Decimal
from typing import Any

import plotly.graph_objects as go
import reflex as rx
from sqlmodel import Session

from wheels_wins import routes
from wheels_wins.components.charts import figure_var
from wheels_wins.db import parse_uuid
from wheels_wins.models import Trip, User
from wheels_wins.pages.wheels.trip_sheet_data import (
    LinkedExpense,
    budget_texts,
    dates_text,
    delete_trip,
    linked_rows,
    parse_edit,
    read_sheet,
    restore_trip,
    route_text,
)
from wheels_wins.pages.wheels.trips import WheelsState
from wheels_wins.pages.wins.expenses import ALL, ExpensesState
from wheels_wins.pages.wins.summary import WinsState
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import charts, money
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.undoable import UndoableDelete

log = logging.getLogger(__name__)

TABS = ("budget", "edit")
FIELDS = ("title", "start_date", "end_date", "status", "budget", "notes")
CHART_BASE_PX = 64
CHART_ROW_PX = 38


class TripSheetState(UndoableDelete, rx.State):
    """The open trip's header, edit form defaults, budget vs actual figures, linked expenses; delete with Undo."""

    open: bool = False
    loaded: bool = False
    tab: str = "budget"
    trip_id: str = ""
    title: str = ""
    status: str = "planning"
    dates: str = ""
    route: str = ""
    currency: str = "AUD"

    form_key: int = 0
    start_date: str = ""
    end_date: str = ""
    budget_value: str = ""
    notes: str = ""
    title_error: str = ""
    start_date_error: str = ""
    end_date_error: str = ""
    status_error: str = ""
    budget_error: str = ""
    notes_error: str = ""
    form_error: str = ""
    saving: bool = False

    has_budget: bool = False
    budget_text: str = ""
    spent: str = ""
    left_text: str = ""
    over: bool = False
    percent: int = 0
    per_distance: str = ""
    expense_count: int = 0
    fuel_text: str = ""
    delete_note: str = ""
    expenses: rx.Field[list[LinkedExpense]] = rx.field(default_factory=list)

    _units: str = "metric"
    _by_category: dict[str, Decimal] = {}
    _distance_km: float | None = None

    async def _read(self, user: User, trip_id: uuid.UUID) -> bool:
        """Fill every var from the trip in one transaction; False when it is gone or not the user's."""
        sheet = await run_in_session(lambda session: read_sheet(session, user_id=user.id, trip_id=trip_id))
        if sheet is None:
            return False
        trip, figures = sheet.trip, sheet.figures
        self.trip_id, self.title, self.status = str(trip.id), trip.title, trip.status
        self.dates, self.route = dates_text(trip.start_date, trip.end_date), route_text(trip, user.units)
        self.currency, self._units = user.currency, user.units
        self.start_date = trip.start_date.isoformat() if trip.start_date else ""
        self.end_date = trip.end_date.isoformat() if trip.end_date else ""
        self.budget_value = f"{trip.budget:.2f}" if trip.budget is not None else ""
        self.notes = trip.notes
        for name, value in budget_texts(figures, user.currency, user.units).items():
            setattr(self, name, value)
        self._by_category, self._distance_km = dict(figures.by_category), figures.distance_km
        self.expenses = linked_rows(sheet.expenses, money.today_in(user.timezone), user.currency)
        self.form_key += 1
        self.loaded = True
        return True

    def _show_errors(self, errors: dict[str, str]) -> None:
        for name in FIELDS:
            setattr(self, f"{name}_error", errors.get(name, ""))
        self.form_error = ""

    @rx.event
    async def open_trip(self, trip_id: str):
        """Open the details of one of the user's trips."""
        user = await current_user(self)
        record_id = parse_uuid(trip_id)
        if user is None or record_id is None:
            return
        self.open, self.loaded, self.tab = True, False, "budget"
        self._show_errors({})
        self.saving, self.confirm_open = False, False
        yield
        if not await self._read(user, record_id):
            self.open = False
            yield [WheelsState.load, rx.toast.error("That trip is no longer there.")]

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, the close button)."""
        self.open = is_open

    @rx.event
    def set_tab(self, tab: str):
        """Switch between budget vs actual and the edit form."""
        if tab in TABS:
            self.tab = tab

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Check the edit form and save every field in one transaction; each message names its field."""
        changes, errors = parse_edit(form)
        self._show_errors(errors)
        if errors:
            return
        user = await current_user(self)
        record_id = parse_uuid(self.trip_id)
        if user is None or record_id is None:
            self.form_error = "Your session has ended. Sign in again to save this trip."
            return
        self.saving = True
        yield
        try:
            saved = await run_in_session(
                lambda session: trip_repo.update(session, user_id=user.id, trip_id=record_id, changes=changes)
            )
        except Exception:
            log.exception("Saving a trip failed")
            self.form_error, self.saving = "We couldn't save the trip just now. Please try again.", False
            return
        self.saving = False
        if saved is None:
            self.open = False
            yield [WheelsState.load, rx.toast.error("That trip is no longer there.")]
            return
        await self._read(user, record_id)
        self.tab = "budget"
        yield [WheelsState.load, rx.toast.success(f"Saved “{saved.title}”.")]

    def _target_id(self) -> str:
        return self.trip_id  # the open trip; its sheet opens the confirmation

    def _confirmed(self) -> None:
        self.open = False

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        """The trip and its stops go; its expenses stay, unlinked."""
        return delete_trip(session, user_id=user.id, trip_id=target)

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Trip | None:
        """The trip with its stops and expense links; None when it is back already."""
        return restore_trip(session, user_id=user.id, kept=kept)

    def _gone_message(self) -> str:
        return "That trip was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return f"Deleted “{kept['trip']['title']}”."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return f"Restored “{kept['trip']['title']}”." if restored else "That trip is already back."

    def _reload_events(self) -> list[Any]:
        return [WheelsState.load]

    @rx.event
    async def show_in_wins(self):
        """Open Wins' expense list filtered to this trip, over all time."""
        if await current_user(self) is None or parse_uuid(self.trip_id) is None:
            return
        expenses = await self.get_state(ExpensesState)
        expenses.period, expenses.trip, expenses.category, expenses.search, expenses.page = (
            "all", self.trip_id, ALL, "", 0
        )
        (await self.get_state(WinsState)).tab = "expenses"
        self.open = False
        return rx.redirect(routes.WINS)

    @rx.var
    def chart_height(self) -> str:
        """Tall enough for one bar per category under the heading."""
        return f"{CHART_BASE_PX + CHART_ROW_PX * max(1, len(self._by_category))}px"

    @figure_var
    def trip_figure(self) -> go.Figure | None:
        """The trip's spending per category, headed by its total and cost per km (mi)."""
        return charts.trip_costs(self._by_category, distance_km=self._distance_km, currency=self.currency,
                                 units=self._units)

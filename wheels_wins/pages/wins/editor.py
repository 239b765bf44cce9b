"""Add, edit and delete one expense: the dialog's state, validation, and undo of a delete for a few seconds."""

from __future__ import annotations

import logging
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import Trip, User
from wheels_wins.pages.wins.expenses import ExpenseRow, ExpensesState, Option
from wheels_wins.pages.wins.insights import InsightsState
from wheels_wins.pages.wins.summary import WinsState
from wheels_wins.pages.wins.validation import (
    MAX_DESCRIPTION,
    MAX_MERCHANT,
    check_category,
    check_length,
    parse_amount,
    parse_day,
)
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import expense_owners, money
from wheels_wins.services.categories import CATEGORY_LABELS
from wheels_wins.state.auth import current_user, current_user_id, run_in_session
from wheels_wins.state.notifications import NotificationsState
from wheels_wins.state.undoable import UndoableDelete

log = logging.getLogger(__name__)

_KEPT = {"amount", "category", "date", "description", "merchant", "currency", "trip_id", "source"}
NO_TRIP = "none"
RECENT_TRIPS = 20
ACTIVE_TRIP_HINT = "Your active trip. Choose “No trip” if this expense isn't part of it."
_GOES_WITH_IT = {
    "fuel": ". The fill-up in your fuel log goes with it.",
    "maintenance": ". The record in your maintenance log goes with it.",
}
_OWNER_HINTS = {
    "fuel": "From your fuel log: a new amount or date changes the fill-up too.",
    "maintenance": "From your maintenance log: a new amount or date changes the service record too.",
}


def trip_choices(
    session: Session, *, user_id: uuid.UUID, keep: uuid.UUID | None = None
) -> tuple[list[Option], Trip | None]:
    """The user's recent trips for the Trip select (plus `keep`, the edited expense's trip), and the active trip.

    Only a trip whose status is "active" is returned as active: new expenses default to it, and a trip
    still being planned must not collect everyday spending by default.
    """
    recent, _ = trip_repo.list_page(session, user_id=user_id, limit=RECENT_TRIPS)
    active = trip_repo.underway(session, user_id=user_id)
    kept = trip_repo.get(session, user_id=user_id, trip_id=keep) if keep else None
    options: dict[str, Option] = {}
    for trip in (*recent, active, kept):
        if trip is not None and str(trip.id) not in options:
            label = f"{trip.title} · active" if trip.status == "active" else trip.title
            options[str(trip.id)] = Option(str(trip.id), label)
    return list(options.values()), active


class ExpenseEditorState(UndoableDelete, rx.State):
    """The add/edit dialog and the delete confirmation (with Undo, from UndoableDelete).

    The form's inputs are uncontrolled (the browser keeps what was typed, even across a reconnect);
    this state holds what the dialog starts from and the validation messages.
    """

    open: bool = False
    editing_id: str = ""
    form_key: int = 0
    amount: str = ""
    category: str = ""
    date: str = ""
    description: str = ""
    merchant: str = ""
    trip: str = NO_TRIP
    trips: rx.Field[list[Option]] = rx.field(default_factory=list)
    trip_hint: str = ""
    owner_hint: str = ""
    amount_error: str = ""
    category_error: str = ""
    date_error: str = ""
    form_error: str = ""
    saving: bool = False

    def _start(self, row: ExpenseRow | None, today: str, trips: list[Option], active: Trip | None) -> None:
        self.form_key += 1
        self.editing_id = row.id if row else ""
        self.amount = row.amount_value if row else ""
        self.category = row.category_key if row else ""
        self.date = row.date if row else today
        self.description = row.description if row else ""
        self.merchant = row.merchant if row else ""
        self.trips = trips
        self.trip = (row.trip_id or NO_TRIP) if row else (str(active.id) if active else NO_TRIP)
        self.trip_hint = ACTIVE_TRIP_HINT if row is None and active is not None else ""
        self.owner_hint = _OWNER_HINTS.get(row.source, "") if row else ""
        self.amount_error = self.category_error = self.date_error = self.form_error = ""
        self.saving = False
        self.open = True

    @rx.event
    async def open_new(self):
        """Open an empty dialog, dated today and linked to the active trip if there is one."""
        user = await current_user(self)
        if user is None:
            return
        trips, active = await run_in_session(lambda session: trip_choices(session, user_id=user.id))
        self._start(None, money.today_in(user.timezone).isoformat(), trips, active)

    @rx.event
    async def open_edit(self, row: dict[str, Any]):
        """Open the dialog on an existing expense."""
        user_id = await current_user_id(self)
        if user_id is None:
            return
        expense = ExpenseRow(**row)
        keep = parse_uuid(expense.trip_id)
        trips, _ = await run_in_session(lambda session: trip_choices(session, user_id=user_id, keep=keep))
        self._start(expense, "", trips, None)

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Cancel)."""
        self.open = is_open

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Validate and save; on any error every field keeps what was typed."""
        amount, self.amount_error = parse_amount(str(form.get("amount", "")))
        day, self.date_error = parse_day(str(form.get("date", "")))
        category = str(form.get("category", "")) or (self.category if self.owner_hint else "")  # locked: not sent
        self.category_error = check_category(category)
        description = str(form.get("description", "")).strip()
        merchant = str(form.get("merchant", "")).strip()
        self.form_error = check_length(description, MAX_DESCRIPTION, "description") or check_length(
            merchant, MAX_MERCHANT, "merchant"
        )
        if amount is None or day is None or self.category_error or self.form_error:
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this expense."
            return
        trip_id = parse_uuid(str(form.get("trip", "")))
        fields = {"amount": amount, "category": category, "date": day, "description": description,
                  "merchant": merchant, "trip_id": trip_id}
        editing = parse_uuid(self.editing_id)
        self.saving = True
        yield
        try:
            saved = await run_in_session(lambda session: _write(session, user, editing, fields))
        except Exception:
            log.exception("Saving an expense failed")
            saved = False
        self.saving = False
        if not saved:
            self.form_error = "We couldn't save that expense. Please try again."
            return
        self.open = False
        label = money.format_money(amount, user.currency)
        verb = "Updated" if editing else "Added"
        yield [ExpensesState.load, WinsState.load, InsightsState.load, NotificationsState.refresh_count]
        yield rx.toast.success(f"{verb} {label} for {CATEGORY_LABELS[category].lower()}.")

    @rx.event
    async def ask_delete(self, row: dict[str, Any]):
        """Ask before deleting."""
        goes_too = _GOES_WITH_IT.get(str(row.get("source", "")), "")
        await self._ask(row.get("id", ""), f"{row.get('title', '')} · {row.get('amount', '')}{goes_too}")

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        expense = expense_repo.get(session, user_id=user.id, expense_id=target)
        if expense is None:
            return None
        if expense.source in ("fuel", "maintenance"):
            # The fill-up or service record goes with its expense; a lone record would keep counting in the logs.
            owned = expense_owners.delete_with_owner(session, user=user, expense=expense)
            if owned is not None:
                kind, fields = owned
                return {"owner_kind": kind, "owner_fields": fields}
        kept = expense.model_dump(include=_KEPT)
        expense_repo.delete(session, user_id=user.id, expense_id=target)
        return kept

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        if "owner_kind" in kept:
            expense_owners.remake(session, user=user, kind=kept["owner_kind"], fields=kept["owner_fields"])
            return True
        return expense_repo.create(session, user_id=user.id, **kept)

    def _gone_message(self) -> str:
        return "That expense was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return {"fuel": "Fill-up deleted, with its fuel expense.",
                "maintenance": f"{_task(kept)} record deleted, with its expense."}.get(kept.get("owner_kind"), "Expense deleted.")

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return {"fuel": "Fill-up restored.", "maintenance": f"{_task(kept)} record restored."}.get(
            kept.get("owner_kind"), "Expense restored.")

    def _reload_events(self) -> list[Any]:
        return [ExpensesState.load, WinsState.load, InsightsState.load, NotificationsState.refresh_count]


def _task(kept: dict[str, Any]) -> str:
    return str(kept.get("owner_fields", {}).get("task") or "Service")


def _write(session: Session, user: User, editing: uuid.UUID | None, fields: dict[str, Any]) -> bool:
    """Create or update in one transaction; a trip that isn't the user's is dropped, never linked. A fill-up's or
    maintenance record's expense changes its amount and day through that record, which keeps the two in step."""
    if fields["trip_id"] and trip_repo.get(session, user_id=user.id, trip_id=fields["trip_id"]) is None:
        fields = {**fields, "trip_id": None}
    if editing is None:
        expense_repo.create(session, user_id=user.id, currency=user.currency, source="manual", **fields)
        return True
    expense = expense_repo.get(session, user_id=user.id, expense_id=editing)
    if expense is None:
        return False
    if expense.source in ("fuel", "maintenance"):
        expense_owners.update_with_owner(session, user=user, expense=expense, amount=fields["amount"], date=fields["date"])
        fields = {**fields, "category": expense.category}  # the log it came from decides its category
    return expense_repo.update(session, user_id=user.id, expense_id=editing, changes=fields) is not None


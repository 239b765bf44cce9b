"""Ask, delete in one transaction, Undo within the window: the shared mixin, driven through real page states."""

from __future__ import annotations

import datetime as dt
import inspect
import uuid
from decimal import Decimal
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.models import User
from wheels_wins.pages.wheels.calendar_editor import CalendarEditorState
from wheels_wins.pages.wheels.maintenance_schedule_form import ScheduleEditorState
from wheels_wins.pages.wheels.trip_sheet import TripSheetState
from wheels_wins.pages.wheels.vehicle_fuel import FuelDeleteState
from wheels_wins.pages.wins.editor import ExpenseEditorState
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance_schedules as schedule_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import vehicle_log
from wheels_wins.state.auth import AuthState

DAY = dt.date(2026, 3, 14)


def _substate(root: rx.State, state_cls: type[rx.State]) -> Any:
    return root.get_substate(state_cls.get_full_name().split(".")[1:])


async def run(handler: Any, state: rx.State, *args: Any) -> list[Any]:
    """Call an event handler as Reflex would and return what it returned or yielded (Nones dropped)."""
    result = handler.fn(state, *args)
    if inspect.isasyncgen(result):
        out = [item async for item in result]
    else:
        out = [await result] if inspect.isawaitable(result) else [result]
    flat: list[Any] = []
    for item in out:
        flat.extend(item if isinstance(item, list) else [item])
    return [item for item in flat if item is not None]


def _said(events: list[Any]) -> str:
    return " ".join(str(event) for event in events)


def _tab(token: str = "") -> rx.State:
    root = rx.State(_reflex_internal_init=True)
    _substate(root, AuthState).token = token
    return root


def _expense(session: Session, user: User, amount: str = "42.50", **fields: Any) -> uuid.UUID:
    expense = expense_repo.create(
        session, user_id=user.id, amount=Decimal(amount), category="fuel", date=DAY, description="Diesel", **fields
    )
    session.commit()
    return expense.id


async def test_an_expense_is_asked_about_deleted_and_put_back_once(session: Session, sign_in) -> None:
    user, tab = sign_in()
    trip_id = trip_repo.create(session, user_id=user.id, title="Outback loop").id
    session.commit()
    expense_id = _expense(session, user, merchant="BP Dubbo", trip_id=trip_id)
    editor = _substate(tab, ExpenseEditorState)

    await run(ExpenseEditorState.ask_delete, editor, {"id": str(expense_id), "title": "Diesel", "amount": "$42.50"})
    assert editor.confirm_open and editor.confirm_label == "Diesel · $42.50"

    said = _said(await run(ExpenseEditorState.delete, editor))
    assert not editor.confirm_open
    assert "Expense deleted." in said and "Undo" in said
    assert "expense_editor_state.undo_delete" in said  # the toast's Undo calls this state's own handler
    session.expire_all()
    assert expense_repo.get(session, user_id=user.id, expense_id=expense_id) is None

    assert "Expense restored." in _said(await run(ExpenseEditorState.undo_delete, editor))
    session.expire_all()
    rows, _ = expense_repo.list_page(session, user_id=user.id)
    assert [(r.amount, r.description, r.merchant, r.trip_id, r.date) for r in rows] == [
        (Decimal("42.50"), "Diesel", "BP Dubbo", trip_id, DAY)
    ]
    assert await run(ExpenseEditorState.undo_delete, editor) == []  # only once


async def test_signed_out_nothing_is_asked_deleted_or_restored(session: Session, make_user) -> None:
    owner = make_user()
    expense_id = _expense(session, owner)
    editor = _substate(_tab(), ExpenseEditorState)
    await run(ExpenseEditorState.ask_delete, editor, {"id": str(expense_id), "title": "Diesel", "amount": "$1"})
    assert not editor.confirm_open and editor.confirm_id == ""
    editor.confirm_id = str(expense_id)
    assert await run(ExpenseEditorState.delete, editor) == []
    editor._deleted = {"amount": Decimal(1), "category": "fuel", "date": DAY, "deleted_at": dt.datetime.now(dt.UTC)}
    assert await run(ExpenseEditorState.undo_delete, editor) == []
    session.expire_all()
    assert expense_repo.get(session, user_id=owner.id, expense_id=expense_id) is not None
    assert len(expense_repo.list_page(session, user_id=owner.id)[0]) == 1


async def test_someone_elses_expense_is_already_gone(session: Session, sign_in) -> None:
    _, tab = sign_in()
    other, _ = sign_in()
    theirs = _expense(session, other)
    editor = _substate(tab, ExpenseEditorState)
    await run(ExpenseEditorState.ask_delete, editor, {"id": str(theirs), "title": "Diesel", "amount": "$42.50"})
    said = _said(await run(ExpenseEditorState.delete, editor))
    assert "That expense was already gone." in said and "Undo" not in said
    session.expire_all()
    assert expense_repo.get(session, user_id=other.id, expense_id=theirs) is not None


async def test_undo_after_the_window_is_refused(session: Session, sign_in) -> None:
    user, tab = sign_in()
    expense_id = _expense(session, user)
    editor = _substate(tab, ExpenseEditorState)
    await run(ExpenseEditorState.ask_delete, editor, {"id": str(expense_id), "title": "Diesel", "amount": "$42.50"})
    await run(ExpenseEditorState.delete, editor)
    editor._deleted = {**editor._deleted, "deleted_at": dt.datetime.now(dt.UTC) - dt.timedelta(seconds=30)}
    assert "Too late to undo that delete." in _said(await run(ExpenseEditorState.undo_delete, editor))
    session.expire_all()
    assert expense_repo.list_page(session, user_id=user.id)[0] == []


async def test_a_fill_up_goes_and_comes_back_with_its_expense_and_trip(session: Session, sign_in) -> None:
    user, tab = sign_in()
    trip = trip_repo.create(session, user_id=user.id, title="Outback loop")
    entry = vehicle_log.log_fuel(
        session, user=user, date=DAY, litres=Decimal("45"), total_cost=Decimal("90"), location="Dubbo", trip_id=trip.id
    )
    session.commit()
    fuel_id, trip_id = entry.id, trip.id
    deleter = _substate(tab, FuelDeleteState)
    await run(
        FuelDeleteState.ask_delete, deleter, {"id": str(fuel_id), "day": "14 Mar", "volume": "45 L", "total": "$90.00"}
    )
    assert deleter.confirm_label == "14 Mar · 45 L · $90.00"
    assert "Fill-up deleted, with its fuel expense." in _said(await run(FuelDeleteState.delete, deleter))
    session.expire_all()
    assert fuel_repo.get(session, user_id=user.id, fuel_id=fuel_id) is None
    assert expense_repo.list_page(session, user_id=user.id)[0] == []

    assert "Fill-up restored." in _said(await run(FuelDeleteState.undo_delete, deleter))
    session.expire_all()
    [expense] = expense_repo.list_page(session, user_id=user.id)[0]
    assert (expense.amount, expense.category, expense.trip_id) == (Decimal("90.00"), "fuel", trip_id)


async def test_a_refused_restore_says_why(session: Session, sign_in) -> None:
    user, tab = sign_in()
    schedule = vehicle_log.add_schedule(session, user=user, task="Oil change", every_km=10000)
    session.commit()
    editor = _substate(tab, ScheduleEditorState)
    await run(
        ScheduleEditorState.ask_delete,
        editor,
        {"id": str(schedule.id), "task": "Oil change", "interval": "Every 10,000 km"},
    )
    assert "Oil change schedule deleted." in _said(await run(ScheduleEditorState.delete, editor))
    vehicle_log.add_schedule(session, user=user, task="Oil change", every_months=6)
    session.commit()
    said = _said(await run(ScheduleEditorState.undo_delete, editor))
    assert "There is already a schedule for Oil change." in said and "restored" not in said
    session.expire_all()
    assert [s.every_months for s in schedule_repo.list_all(session, user_id=user.id)] == [6]


async def test_deleting_from_the_edit_dialog_closes_it(session: Session, sign_in) -> None:
    user, tab = sign_in()
    start = dt.datetime(2026, 3, 14, 9, tzinfo=dt.UTC)
    event_id = calendar_repo.create(session, user_id=user.id, title="Dump point", start=start, kind="event").id
    session.commit()
    editor = _substate(tab, CalendarEditorState)
    editor.open = True
    await run(CalendarEditorState.ask_delete, editor, str(event_id), "Dump point")
    assert "Deleted “Dump point”." in _said(await run(CalendarEditorState.delete, editor))
    assert not editor.open and not editor.confirm_open
    assert "Restored “Dump point”." in _said(await run(CalendarEditorState.undo_delete, editor))


async def test_the_open_trip_is_deleted_and_put_back_once(session: Session, sign_in) -> None:
    user, tab = sign_in()
    trip_id = trip_repo.create(session, user_id=user.id, title="Outback loop").id
    session.commit()
    sheet = _substate(tab, TripSheetState)
    sheet.trip_id, sheet.open = str(trip_id), True
    await run(TripSheetState.set_confirm_open, sheet, True)
    said = _said(await run(TripSheetState.delete, sheet))
    assert "Deleted “Outback loop”." in said and not sheet.open
    session.expire_all()
    assert trip_repo.get(session, user_id=user.id, trip_id=trip_id) is None

    kept = dict(sheet._deleted)
    assert "Restored “Outback loop”." in _said(await run(TripSheetState.undo_delete, sheet))
    sheet._deleted = {**kept, "deleted_at": dt.datetime.now(dt.UTC)}
    assert "That trip is already back." in _said(await run(TripSheetState.undo_delete, sheet))
    session.expire_all()
    assert trip_repo.get(session, user_id=user.id, trip_id=trip_id) is not None

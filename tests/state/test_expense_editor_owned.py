"""The Wins expense editor on a fill-up's expense: a new amount or day goes to the fill-up, which keeps both in step."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from tests.state.test_undoable import _said, _substate, run
from wheels_wins.models import FuelEntry, User
from wheels_wins.pages.wins.editor import ExpenseEditorState
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services import vehicle_log

DAY = dt.date(2026, 3, 14)


def _fill_up(session: Session, user: User) -> FuelEntry:
    """50 L for $100.00 at BP Dubbo on DAY, committed."""
    fill = vehicle_log.log_fuel(session, user=user, date=DAY, litres=Decimal(50), total_cost=Decimal("100.00"),
                                location="BP Dubbo")
    session.commit()
    return fill


async def test_editing_a_fill_ups_expense_changes_the_fill_up_too(session: Session, sign_in) -> None:
    user, tab = sign_in()
    fill = _fill_up(session, user)
    editor = _substate(tab, ExpenseEditorState)
    editor.editing_id = str(fill.expense_id)

    await run(ExpenseEditorState.save, editor, {"amount": "110.00", "date": "2026-03-13", "category": "fuel",
                                                "description": "Diesel at Dubbo", "merchant": "BP", "trip": ""})

    assert not editor.form_error and not editor.amount_error, (editor.form_error, editor.amount_error)
    session.expire_all()
    stored = fuel_repo.get(session, user_id=user.id, fuel_id=fill.id)
    expense = expense_repo.get(session, user_id=user.id, expense_id=fill.expense_id)
    assert stored is not None and expense is not None
    assert (stored.total_cost, stored.date, stored.price_per_litre) == (Decimal("110.00"), DAY - dt.timedelta(days=1),
                                                                         Decimal("2.200"))
    assert (expense.amount, expense.date, expense.description) == (Decimal("110.00"), DAY - dt.timedelta(days=1),
                                                                     "Diesel at Dubbo")


async def test_deleting_a_fill_ups_expense_deletes_the_fill_up_and_undo_brings_both_back(
    session: Session, sign_in
) -> None:
    user, tab = sign_in()
    fill = _fill_up(session, user)
    fill_id, expense_id = fill.id, fill.expense_id
    editor = _substate(tab, ExpenseEditorState)
    await run(ExpenseEditorState.ask_delete, editor,
              {"id": str(expense_id), "title": "Fuel", "amount": "$100", "source": "fuel"})
    assert editor.confirm_label == "Fuel · $100. The fill-up in your fuel log goes with it."

    said = _said(await run(ExpenseEditorState.delete, editor))

    assert "Fill-up deleted, with its fuel expense." in said
    session.expire_all()
    assert fuel_repo.get(session, user_id=user.id, fuel_id=fill_id) is None
    assert expense_repo.get(session, user_id=user.id, expense_id=expense_id) is None

    assert "Fill-up restored." in _said(await run(ExpenseEditorState.undo_delete, editor))
    session.expire_all()
    [back] = fuel_repo.list_page(session, user_id=user.id)[0]
    assert (back.litres, back.total_cost, back.location, back.date) == (Decimal(50), Decimal("100.00"), "BP Dubbo", DAY)
    restored_expense = expense_repo.get(session, user_id=user.id, expense_id=back.expense_id)
    assert restored_expense is not None and restored_expense.amount == Decimal("100.00")


async def test_deleting_a_service_records_expense_deletes_the_record_and_names_it(session: Session, sign_in) -> None:
    user, tab = sign_in()
    record = vehicle_log.log_maintenance(session, user=user, date=DAY, task="Oil change", cost=Decimal("180.00"))
    session.commit()
    record_id, expense_id = record.id, record.expense_id
    editor = _substate(tab, ExpenseEditorState)
    await run(ExpenseEditorState.ask_delete, editor, {"id": str(expense_id), "title": "Oil", "amount": "$180"})

    assert "Oil change record deleted, with its expense." in _said(await run(ExpenseEditorState.delete, editor))
    session.expire_all()
    assert maintenance_repo.get(session, user_id=user.id, record_id=record_id) is None
    assert expense_repo.get(session, user_id=user.id, expense_id=expense_id) is None
    assert "Oil change record restored." in _said(await run(ExpenseEditorState.undo_delete, editor))


async def test_a_fill_ups_expense_keeps_its_category_and_the_editor_says_where_it_comes_from(
    session: Session, sign_in
) -> None:
    user, tab = sign_in()
    fill = _fill_up(session, user)
    expense_id = fill.expense_id
    editor = _substate(tab, ExpenseEditorState)
    row = {"id": str(expense_id), "day": "14 Mar", "date": DAY.isoformat(), "title": "Fuel", "merchant": "",
           "category": "Fuel", "category_key": "fuel", "trip": "", "trip_id": "", "amount": "$100.00",
           "amount_value": "100.00", "description": "Fuel", "source": "fuel"}
    await run(ExpenseEditorState.open_edit, editor, row)
    assert editor.owner_hint.startswith("From your fuel log"), editor.owner_hint

    # the locked select sends no category; a forged one is not taken either
    await run(ExpenseEditorState.save, editor, {"amount": "95.00", "date": DAY.isoformat(), "description": "Fuel",
                                                "merchant": "", "trip": ""})
    assert not editor.category_error and not editor.form_error, (editor.category_error, editor.form_error)
    await run(ExpenseEditorState.open_edit, editor, row)
    await run(ExpenseEditorState.save, editor, {"amount": "95.00", "date": DAY.isoformat(), "category": "groceries",
                                                "description": "Fuel", "merchant": "", "trip": ""})
    session.expire_all()
    expense = expense_repo.get(session, user_id=user.id, expense_id=expense_id)
    assert expense is not None and (expense.amount, expense.category) == (Decimal("95.00"), "fuel")

    row_manual = {**row, "source": "manual"}
    await run(ExpenseEditorState.open_edit, editor, row_manual)
    assert editor.owner_hint == ""

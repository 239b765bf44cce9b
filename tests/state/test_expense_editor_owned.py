"""The Wins expense editor on a fill-up's expense: a new amount or day goes to the fill-up, which keeps both in step."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from tests.state.test_undoable import _substate, run
from wheels_wins.pages.wins.editor import ExpenseEditorState
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.services import vehicle_log

DAY = dt.date(2026, 3, 14)


async def test_editing_a_fill_ups_expense_changes_the_fill_up_too(session: Session, sign_in) -> None:
    user, tab = sign_in()
    fill = vehicle_log.log_fuel(session, user=user, date=DAY, litres=Decimal(50), total_cost=Decimal("100.00"),
                                location="BP Dubbo")
    session.commit()
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

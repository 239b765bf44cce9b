"""The expense table's state: a filter, sort or page change reads its rows in the same event (one transaction
with the sign-in check), trip labels come from the page's load and are read again for a trip it did not know."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from tests.state.test_undoable import _substate, _tab, run
from wheels_wins.models import User
from wheels_wins.pages.wins.expenses import PAGE_SIZE, ExpensesState
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import money


def _spend(session: Session, user: User, day: dt.date, amount: str, description: str, **fields: object) -> None:
    expense_repo.create(
        session, user_id=user.id, amount=Decimal(amount), category="fuel", date=day, description=description, **fields
    )
    session.commit()


async def test_a_period_change_shows_its_rows_in_the_same_event(session: Session, sign_in) -> None:
    user, tab = sign_in()
    today = money.today_in(user.timezone)
    trip = trip_repo.create(session, user_id=user.id, title="Outback loop")
    session.commit()
    _spend(session, user, today, "40.00", "Diesel", trip_id=trip.id)
    _spend(session, user, today - dt.timedelta(days=60), "12.50", "Gas bottle")
    expenses = _substate(tab, ExpensesState)

    assert await run(ExpensesState.load, expenses) == []
    assert [(r.title, r.trip) for r in expenses.rows] == [("Diesel", "Outback loop")]
    assert [(o.value, o.label) for o in expenses.trips] == [(str(trip.id), "Outback loop")]

    assert await run(ExpensesState.set_period, expenses, "last_90_days") == []  # nothing sent back to chain
    assert [r.title for r in expenses.rows] == ["Diesel", "Gas bottle"]
    assert (expenses.count, expenses.total) == (2, "$52.50")


async def test_a_trip_created_after_the_load_labels_its_rows(session: Session, sign_in) -> None:
    user, tab = sign_in()
    today = money.today_in(user.timezone)
    expenses = _substate(tab, ExpensesState)
    await run(ExpensesState.load, expenses)
    assert expenses.trips == []

    trip = trip_repo.create(session, user_id=user.id, title="Tassie ferry")
    session.commit()
    _spend(session, user, today, "99.00", "Ferry fuel", trip_id=trip.id)

    await run(ExpensesState.sort_by, expenses, "amount")
    assert [(r.title, r.trip) for r in expenses.rows] == [("Ferry fuel", "Tassie ferry")]
    assert [o.label for o in expenses.trips] == ["Tassie ferry"]


async def test_a_page_emptied_by_deletes_steps_back_to_the_last_one(session: Session, sign_in) -> None:
    user, tab = sign_in()
    today = money.today_in(user.timezone)
    for n in range(PAGE_SIZE + 2):
        _spend(session, user, today, f"{n + 1}.00", f"Expense {n}")
    expenses = _substate(tab, ExpensesState)
    await run(ExpensesState.load, expenses)
    await run(ExpensesState.go_to_page, expenses, 1)
    assert (expenses.page, len(expenses.rows)) == (1, 2)

    for expense in expense_repo.list_rows(session, user_id=user.id, limit=5):
        expense_repo.delete(session, user_id=user.id, expense_id=expense.id)
    session.commit()
    await run(ExpensesState.load, expenses)
    assert (expenses.page, expenses.count, len(expenses.rows)) == (0, PAGE_SIZE - 3, PAGE_SIZE - 3)


async def test_a_signed_out_tab_reads_nothing(session: Session, sign_in) -> None:
    user, _ = sign_in()
    _spend(session, user, money.today_in(user.timezone), "40.00", "Diesel")
    expenses = _substate(_tab("not-a-session"), ExpensesState)
    await run(ExpensesState.load, expenses)
    await run(ExpensesState.set_period, expenses, "all")
    assert (expenses.rows, expenses.count, expenses.loaded) == ([], 0, False)

"""The exact column types: Money stays exact and two-place, UTCDateTime stays aware, on both backends."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from wheels_wins.db import to_money
from wheels_wins.models import CalendarEvent, Expense
from wheels_wins.repositories import expenses

DAY = dt.date(2026, 3, 14)


def _reloaded(owner_db: Engine, model: type, row_id: object) -> object:
    with Session(owner_db) as fresh:
        row = fresh.get(model, row_id)
        assert row is not None
        fresh.expunge(row)
        return row


def test_money_column_round_trips_an_exact_two_place_decimal(owner_db: Engine, session: Session, make_user) -> None:
    user = make_user()
    expense = expenses.create(session, user_id=user.id, amount=Decimal("0.1"), category="fuel", date=DAY)
    session.commit()
    stored = _reloaded(owner_db, Expense, expense.id)
    assert isinstance(stored.amount, Decimal)
    assert str(stored.amount) == "0.10"


def test_money_sums_point_one_and_point_two_to_exactly_point_three(session: Session, make_user) -> None:
    user = make_user()
    for amount in ("0.10", "0.20"):
        expenses.create(session, user_id=user.id, amount=Decimal(amount), category="fuel", date=DAY)
    session.commit()
    totals = expenses.sum_by_category(session, user_id=user.id, start=DAY, end=DAY)
    assert totals == {"fuel": Decimal("0.30")}
    assert str(totals["fuel"]) == "0.30"
    raw = session.exec(select(func.sum(Expense.amount)).where(Expense.user_id == user.id)).one()
    assert to_money(raw) == Decimal("0.30")


def test_money_column_rounds_half_up_on_write(owner_db: Engine, session: Session, make_user) -> None:
    user = make_user()
    row = Expense(user_id=user.id, amount=Decimal("2.345"), category="fuel", date=DAY)
    session.add(row)
    session.commit()
    assert _reloaded(owner_db, Expense, row.id).amount == Decimal("2.35")


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("2.345", "2.35"),
        ("2.344", "2.34"),
        ("-2.345", "-2.35"),
        (Decimal("1.005"), "1.01"),
        ("1,250", "1250.00"),
        ("$1,250.5", "1250.50"),
        (" 12.5 ", "12.50"),
        (3, "3.00"),
        (0.1 + 0.2, "0.30"),
    ],
)
def test_to_money(raw: object, expected: str) -> None:
    value = to_money(raw)
    assert isinstance(value, Decimal)
    assert str(value) == expected


def test_to_money_rejects_text_that_is_not_a_number() -> None:
    with pytest.raises(InvalidOperation):
        to_money("twelve dollars")


def test_utc_datetime_comes_back_aware_in_utc(owner_db: Engine, session: Session, make_user) -> None:
    user = make_user()
    sydney_nine_am = dt.datetime(2026, 7, 1, 9, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    event = CalendarEvent(user_id=user.id, title="Mail pick-up", start=sydney_nine_am)
    session.add(event)
    session.commit()
    stored = _reloaded(owner_db, CalendarEvent, event.id)
    assert stored.start.utcoffset() == dt.timedelta(0)
    assert stored.start == dt.datetime(2026, 6, 30, 23, 0, tzinfo=dt.UTC)
    assert stored.created_at.tzinfo is not None and stored.created_at.utcoffset() == dt.timedelta(0)
    assert stored.end is None


def test_utc_datetime_treats_naive_values_as_utc(owner_db: Engine, session: Session, make_user) -> None:
    user = make_user()
    event = CalendarEvent(user_id=user.id, title="Naive", start=dt.datetime(2026, 1, 2, 3, 4, 5))
    session.add(event)
    session.commit()
    assert _reloaded(owner_db, CalendarEvent, event.id).start == dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


def test_utc_datetime_filters_compare_instants(session: Session, make_user) -> None:
    user = make_user()
    start = dt.datetime(2026, 7, 1, 9, 0, tzinfo=ZoneInfo("Australia/Sydney"))
    session.add(CalendarEvent(user_id=user.id, title="Morning", start=start))
    session.commit()
    just_before = dt.datetime(2026, 6, 30, 22, 59, tzinfo=dt.UTC)
    just_after = dt.datetime(2026, 6, 30, 23, 1, tzinfo=dt.UTC)
    found = session.exec(
        select(CalendarEvent).where(CalendarEvent.start > just_before, CalendarEvent.start < just_after)
    ).all()
    assert [e.title for e in found] == ["Morning"]

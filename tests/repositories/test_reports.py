"""Report aggregates: exact sums, grouping, inclusive ranges, user isolation, one query per figure."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from decimal import Decimal

from sqlalchemy import event
from sqlmodel import Session

from wheels_wins.repositories import expenses, reports, trips


def _spend(
    session: Session, user_id: uuid.UUID, amount: str, day: dt.date, category: str = "fuel", **kw: object
) -> None:
    expenses.create(session, user_id=user_id, amount=Decimal(amount), category=category, date=day, **kw)


@contextmanager
def _statements(session: Session) -> Iterator[list[str]]:
    """The SQL statements the session's engine runs inside the block (but the RLS setting of the acting user)."""
    seen: list[str] = []
    engine = session.get_bind()

    def record(_conn, _cursor, statement, *_args) -> None:  # type: ignore[no-untyped-def]
        if "set_config('app." not in statement:
            seen.append(statement)

    event.listen(engine, "before_cursor_execute", record)
    try:
        yield seen
    finally:
        event.remove(engine, "before_cursor_execute", record)


# Months by category


def test_monthly_by_category_has_every_month_oldest_first_across_a_year(session: Session, make_user) -> None:
    user = make_user()
    _spend(session, user.id, "10.00", dt.date(2025, 4, 1))  # first day of the window
    _spend(session, user.id, "0.99", dt.date(2025, 3, 31))  # the day before it
    _spend(session, user.id, "20.00", dt.date(2025, 12, 31), "dining")
    _spend(session, user.id, "5.05", dt.date(2025, 12, 1), "dining")
    _spend(session, user.id, "7.00", dt.date(2025, 12, 15), "fuel")
    _spend(session, user.id, "30.00", dt.date(2026, 3, 31), "camping")  # last day of the window
    _spend(session, user.id, "0.01", dt.date(2026, 4, 1))  # the day after it
    session.commit()

    result = reports.monthly_by_category(session, user_id=user.id, through=dt.date(2026, 3, 18))

    assert list(result) == [dt.date(2025, m, 1) for m in range(4, 13)] + [dt.date(2026, m, 1) for m in range(1, 4)]
    assert result[dt.date(2025, 4, 1)] == {"fuel": Decimal("10.00")}
    assert result[dt.date(2025, 12, 1)] == {"dining": Decimal("25.05"), "fuel": Decimal("7.00")}
    assert result[dt.date(2026, 3, 1)] == {"camping": Decimal("30.00")}
    assert result[dt.date(2026, 1, 1)] == {}
    assert sum(len(v) for v in result.values()) == 4


def test_monthly_by_category_window_sizes(session: Session, make_user) -> None:
    user = make_user()
    _spend(session, user.id, "3.00", dt.date(2026, 1, 9))
    _spend(session, user.id, "4.00", dt.date(2025, 12, 9))
    session.commit()
    one = reports.monthly_by_category(session, user_id=user.id, through=dt.date(2026, 1, 31), months=1)
    assert one == {dt.date(2026, 1, 1): {"fuel": Decimal("3.00")}}
    two = reports.monthly_by_category(session, user_id=user.id, through=dt.date(2026, 1, 1), months=2)
    assert two == {dt.date(2025, 12, 1): {"fuel": Decimal("4.00")}, dt.date(2026, 1, 1): {"fuel": Decimal("3.00")}}
    assert reports.monthly_by_category(session, user_id=user.id, through=dt.date(2026, 1, 1), months=0) == {}


def test_monthly_by_category_ignores_other_users(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    _spend(session, me.id, "1.00", dt.date(2026, 3, 3))
    _spend(session, other.id, "50.00", dt.date(2026, 3, 3))
    _spend(session, other.id, "50.00", dt.date(2026, 2, 3), "dining")
    session.commit()
    result = reports.monthly_by_category(session, user_id=me.id, through=dt.date(2026, 3, 3), months=2)
    assert result == {dt.date(2026, 2, 1): {}, dt.date(2026, 3, 1): {"fuel": Decimal("1.00")}}


# Daily totals


def test_daily_totals_per_day_in_range(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    _spend(session, me.id, "10.10", dt.date(2026, 3, 1), "fuel")
    _spend(session, me.id, "0.20", dt.date(2026, 3, 1), "dining")
    _spend(session, me.id, "5.00", dt.date(2026, 3, 31))
    _spend(session, me.id, "9.00", dt.date(2026, 4, 1))
    _spend(session, me.id, "9.00", dt.date(2026, 2, 28))
    _spend(session, other.id, "70.00", dt.date(2026, 3, 1))
    session.commit()
    result = reports.daily_totals(session, user_id=me.id, start=dt.date(2026, 3, 1), end=dt.date(2026, 3, 31))
    assert result == {dt.date(2026, 3, 1): Decimal("10.30"), dt.date(2026, 3, 31): Decimal("5.00")}
    assert list(result) == sorted(result)


# Trips


def test_trip_spending_by_category_and_distance(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    trip = trips.create(session, user_id=me.id, title="Gulf run", distance_km=2760.5)
    _spend(session, me.id, "1234.50", dt.date(2025, 7, 1), "fuel", trip_id=trip.id)
    _spend(session, me.id, "0.50", dt.date(2026, 2, 1), "fuel", trip_id=trip.id)  # any date counts
    _spend(session, me.id, "80.00", dt.date(2025, 7, 2), "camping", trip_id=trip.id)
    _spend(session, me.id, "999.00", dt.date(2025, 7, 2), "camping")  # not linked to the trip
    # Another user's row pointing at my trip still isn't mine.
    _spend(session, other.id, "500.00", dt.date(2025, 7, 2), "fuel", trip_id=trip.id)
    session.commit()

    result = reports.trip_spending(session, user_id=me.id, trip_id=trip.id)

    assert result is not None
    assert (result.trip_id, result.title, result.distance_km) == (trip.id, "Gulf run", 2760.5)
    assert result.by_category == {"fuel": Decimal("1235.00"), "camping": Decimal("80.00")}
    assert list(result.by_category) == ["fuel", "camping"]
    assert result.total == Decimal("1315.00")


def test_trip_spending_without_expenses_or_distance(session: Session, make_user) -> None:
    user = make_user()
    trip = trips.create(session, user_id=user.id, title="Weekend")
    session.commit()
    result = reports.trip_spending(session, user_id=user.id, trip_id=trip.id)
    assert result is not None
    assert (result.by_category, result.total, result.distance_km) == ({}, Decimal("0.00"), None)


def test_trip_spending_of_someone_elses_or_a_missing_trip_is_none(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    theirs = trips.create(session, user_id=other.id, title="Theirs")
    _spend(session, other.id, "10.00", dt.date(2026, 3, 1), trip_id=theirs.id)
    session.commit()
    assert reports.trip_spending(session, user_id=me.id, trip_id=theirs.id) is None
    assert reports.trip_spending(session, user_id=me.id, trip_id=uuid.uuid4()) is None


# One aggregate query per figure


def test_each_figure_is_one_grouped_query(session: Session, make_user) -> None:
    user = make_user()
    trip = trips.create(session, user_id=user.id, title="Loop")
    for n in range(1, 29):
        _spend(session, user.id, f"{n}.25", dt.date(2026, 2, n), ("fuel", "dining", "camping")[n % 3], trip_id=trip.id)
    session.commit()
    february = (dt.date(2026, 2, 1), dt.date(2026, 2, 28))
    calls = {
        "monthly": lambda: reports.monthly_by_category(session, user_id=user.id, through=february[1]),
        "daily": lambda: reports.daily_totals(session, user_id=user.id, start=february[0], end=february[1]),
    }
    for name, call in calls.items():
        with _statements(session) as seen:
            call()
        assert len(seen) == 1, name
        assert "GROUP BY" in seen[0], name
    with _statements(session) as seen:
        reports.trip_spending(session, user_id=user.id, trip_id=trip.id)
    assert len(seen) == 2  # the trip, then its expenses grouped
    assert "GROUP BY" in seen[1]

"""Domain repositories: CRUD, filters, pagination with totals, ordering and sums."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlmodel import Session, select

from wheels_wins.db import utcnow
from wheels_wins.models import Expense, Vehicle
from wheels_wins.repositories import (
    budgets,
    calendar,
    expenses,
    fuel,
    income,
    maintenance,
    notifications,
    owned,
    posts,
    trips,
    vehicles,
)

D = dt.date(2026, 3, 1)
UTC = dt.UTC


def day(n: int) -> dt.date:
    """The n-th day after D."""
    return D + dt.timedelta(days=n)


def _created(session: Session, row: object, minutes_ago: int) -> None:
    row.created_at = utcnow() - dt.timedelta(minutes=minutes_ago)  # type: ignore[attr-defined]
    session.add(row)
    session.flush()


def _expense(
    session: Session, user_id: uuid.UUID, amount: str, n: int, **kw: object
) -> Expense:
    return expenses.create(
        session,
        user_id=user_id,
        amount=Decimal(amount),
        category=kw.pop("category", "groceries"),
        date=day(n),
        **kw,
    )


# Expenses


def test_expense_crud(session: Session, make_user) -> None:
    user = make_user()
    created = expenses.create(
        session,
        user_id=user.id,
        amount=Decimal("12.5"),
        category="dining",
        date=D,
        description="Pie",
        merchant="Bakery",
        currency="NZD",
    )
    session.commit()
    before = created.updated_at
    fetched = expenses.get(session, user_id=user.id, expense_id=created.id)
    assert fetched is not None
    assert (
        fetched.amount,
        fetched.category,
        fetched.description,
        fetched.merchant,
        fetched.currency,
        fetched.source,
    ) == (
        Decimal("12.50"),
        "dining",
        "Pie",
        "Bakery",
        "NZD",
        "manual",
    )

    updated = expenses.update(
        session,
        user_id=user.id,
        expense_id=created.id,
        changes={"amount": Decimal("13"), "category": "groceries"},
    )
    session.commit()
    assert updated is not None and (updated.amount, updated.category) == (
        Decimal("13.00"),
        "groceries",
    )
    assert updated.updated_at > before

    assert expenses.delete(session, user_id=user.id, expense_id=created.id) is True
    session.commit()
    assert expenses.get(session, user_id=user.id, expense_id=created.id) is None
    assert expenses.delete(session, user_id=user.id, expense_id=created.id) is False
    assert (
        expenses.update(
            session, user_id=user.id, expense_id=created.id, changes={"amount": 1}
        )
        is None
    )


def test_expense_list_is_newest_date_first_with_creation_tiebreak(
    session: Session, make_user
) -> None:
    user = make_user()
    old = _expense(session, user.id, "1", 0)
    newer_same_day = _expense(session, user.id, "2", 5)
    older_same_day = _expense(session, user.id, "3", 5)
    newest = _expense(session, user.id, "4", 9)
    _created(session, newer_same_day, 1)
    _created(session, older_same_day, 10)
    session.commit()
    rows, total = expenses.list_page(session, user_id=user.id)
    assert [r.id for r in rows] == [
        newest.id,
        newer_same_day.id,
        older_same_day.id,
        old.id,
    ]
    assert total == 4
    rows, _ = expenses.list_page(session, user_id=user.id, descending=False)
    assert [r.id for r in rows] == [
        old.id,
        older_same_day.id,
        newer_same_day.id,
        newest.id,
    ]


def test_expense_list_sorts_by_amount_and_ignores_unknown_sort_keys(
    session: Session, make_user
) -> None:
    user = make_user()
    for amount, n in (("9.99", 0), ("100.00", 1), ("25.50", 2)):
        _expense(session, user.id, amount, n)
    session.commit()
    by_amount, _ = expenses.list_page(
        session, user_id=user.id, sort="amount", descending=True
    )
    assert [r.amount for r in by_amount] == [
        Decimal("100.00"),
        Decimal("25.50"),
        Decimal("9.99"),
    ]
    by_amount_asc, _ = expenses.list_page(
        session, user_id=user.id, sort="amount", descending=False
    )
    assert [r.amount for r in by_amount_asc] == [
        Decimal("9.99"),
        Decimal("25.50"),
        Decimal("100.00"),
    ]
    fallback, _ = expenses.list_page(
        session, user_id=user.id, sort="id; drop table expenses"
    )
    assert [r.date for r in fallback] == [day(2), day(1), day(0)]


def test_expense_pagination_with_total(session: Session, make_user) -> None:
    user = make_user()
    for n in range(7):
        _expense(session, user.id, str(n + 1), n)
    session.commit()
    pages = [
        expenses.list_page(session, user_id=user.id, limit=3, offset=offset)
        for offset in (0, 3, 6, 9)
    ]
    assert [total for _, total in pages] == [7, 7, 7, 7]
    assert [[r.date for r in rows] for rows, _ in pages] == [
        [day(6), day(5), day(4)],
        [day(3), day(2), day(1)],
        [day(0)],
        [],
    ]


def test_expense_filters(session: Session, make_user) -> None:
    user = make_user()
    trip = trips.create(session, user_id=user.id, title="Nullarbor")
    _expense(
        session,
        user.id,
        "1",
        0,
        category="fuel",
        description="Diesel",
        merchant="Ampol Ceduna",
        trip_id=trip.id,
    )
    _expense(
        session,
        user.id,
        "2",
        3,
        category="groceries",
        description="Weekly shop",
        merchant="IGA",
    )
    _expense(
        session,
        user.id,
        "3",
        5,
        category="fuel",
        description="Top up",
        merchant="BP Norseman",
        trip_id=trip.id,
    )
    _expense(
        session,
        user.id,
        "4",
        9,
        category="dining",
        description="Fish and chips at the jetty",
        merchant="",
    )
    session.commit()

    def amounts(**filters: object) -> tuple[list[str], int]:
        rows, total = expenses.list_page(session, user_id=user.id, **filters)
        return [str(r.amount) for r in rows], total

    assert amounts(start=day(3), end=day(5)) == (["3.00", "2.00"], 2)
    assert amounts(start=day(4)) == (["4.00", "3.00"], 2)
    assert amounts(end=day(0)) == (["1.00"], 1)
    assert amounts(category="fuel") == (["3.00", "1.00"], 2)
    assert amounts(trip_id=trip.id) == (["3.00", "1.00"], 2)
    assert amounts(search="bp") == (["3.00"], 1)
    assert amounts(search="  CHIPS ") == (["4.00"], 1)
    assert amounts(search="shop") == (["2.00"], 1)
    assert amounts(search="e") == (["4.00", "3.00", "2.00", "1.00"], 4)
    assert amounts(category="fuel", search="ampol", start=day(0), end=day(9)) == (
        ["1.00"],
        1,
    )
    assert amounts(category="fuel", search="ampol", limit=0) == ([], 1)
    assert amounts(search="nothing like this") == ([], 0)


def test_expense_search_treats_like_wildcards_literally(
    session: Session, make_user
) -> None:
    user = make_user()
    _expense(session, user.id, "1", 0, description="50% off camp fees")
    _expense(session, user.id, "2", 1, description="Powered site")
    session.commit()
    rows, total = expenses.list_page(session, user_id=user.id, search="%")
    assert ([r.description for r in rows], total) == (["50% off camp fees"], 1)


def test_expense_sum_by_category(session: Session, make_user) -> None:
    user = make_user()
    trip = trips.create(session, user_id=user.id, title="Gulf run")
    _expense(session, user.id, "10.10", 0, category="fuel")
    _expense(session, user.id, "20.20", 4, category="fuel", trip_id=trip.id)
    _expense(session, user.id, "5.05", 4, category="dining", trip_id=trip.id)
    _expense(session, user.id, "99.00", 5, category="fuel")
    session.commit()
    assert expenses.sum_by_category(
        session, user_id=user.id, start=day(0), end=day(4)
    ) == {
        "fuel": Decimal("30.30"),
        "dining": Decimal("5.05"),
    }
    assert expenses.sum_by_category(
        session, user_id=user.id, start=day(0), end=day(9), trip_id=trip.id
    ) == {
        "fuel": Decimal("20.20"),
        "dining": Decimal("5.05"),
    }
    assert (
        expenses.sum_by_category(session, user_id=user.id, start=day(1), end=day(3))
        == {}
    )


def test_expense_recent_and_find_same(session: Session, make_user) -> None:
    user = make_user()
    for n in range(4):
        _expense(session, user.id, "7.00", n, description=f"Coffee {n}")
    session.commit()
    assert [
        r.description for r in expenses.recent(session, user_id=user.id, limit=2)
    ] == ["Coffee 3", "Coffee 2"]
    same = expenses.find_same(
        session,
        user_id=user.id,
        date=day(1),
        amount=Decimal("7"),
        description="Coffee 1",
    )
    assert same is not None and same.date == day(1)
    assert (
        expenses.find_same(
            session,
            user_id=user.id,
            date=day(1),
            amount=Decimal("7.01"),
            description="Coffee 1",
        )
        is None
    )
    assert (
        expenses.find_same(
            session,
            user_id=user.id,
            date=day(2),
            amount=Decimal("7"),
            description="Coffee 1",
        )
        is None
    )


# Budgets


def test_budget_upsert_get_list_delete(session: Session, make_user) -> None:
    user = make_user()
    fuel_budget = budgets.upsert(
        session, user_id=user.id, category="fuel", amount=Decimal("600")
    )
    budgets.upsert(
        session, user_id=user.id, category="camping", amount=Decimal("450.5")
    )
    session.commit()
    again = budgets.upsert(
        session, user_id=user.id, category="fuel", amount=Decimal("650")
    )
    session.commit()
    assert again.id == fuel_budget.id
    assert [
        (b.category, b.amount) for b in budgets.list_all(session, user_id=user.id)
    ] == [
        ("camping", Decimal("450.50")),
        ("fuel", Decimal("650.00")),
    ]
    got = budgets.get(session, user_id=user.id, category="fuel")
    assert got is not None and got.amount == Decimal("650.00")
    assert budgets.get(session, user_id=user.id, category="dining") is None
    assert budgets.delete(session, user_id=user.id, category="fuel") is True
    assert budgets.delete(session, user_id=user.id, category="fuel") is False
    session.commit()
    assert [b.category for b in budgets.list_all(session, user_id=user.id)] == [
        "camping"
    ]


# Income


def test_income_crud_list_and_total(session: Session, make_user) -> None:
    user = make_user()
    first = income.create(
        session,
        user_id=user.id,
        amount=Decimal("1450"),
        source="Bookkeeping",
        date=day(0),
    )
    income.create(
        session,
        user_id=user.id,
        amount=Decimal("200.25"),
        source="Markets",
        date=day(10),
        description="Jam",
    )
    income.create(
        session,
        user_id=user.id,
        amount=Decimal("80"),
        source="Pet sitting",
        date=day(31),
    )
    session.commit()

    got = income.get(session, user_id=user.id, income_id=first.id)
    assert got is not None and (got.amount, got.source, got.currency) == (
        Decimal("1450.00"),
        "Bookkeeping",
        "AUD",
    )
    updated = income.update(
        session,
        user_id=user.id,
        income_id=first.id,
        changes={"amount": Decimal("1500")},
    )
    assert updated is not None and updated.amount == Decimal("1500.00")

    rows, total = income.list_page(session, user_id=user.id)
    assert ([r.source for r in rows], total) == (
        ["Pet sitting", "Markets", "Bookkeeping"],
        3,
    )
    rows, total = income.list_page(
        session, user_id=user.id, start=day(1), end=day(31), limit=1
    )
    assert ([r.source for r in rows], total) == (["Pet sitting"], 2)
    rows, total = income.list_page(
        session, user_id=user.id, start=day(1), end=day(31), limit=1, offset=1
    )
    assert ([r.source for r in rows], total) == (["Markets"], 2)

    assert income.total(session, user_id=user.id, start=day(0), end=day(10)) == Decimal(
        "1700.25"
    )
    assert income.total(
        session, user_id=user.id, start=day(11), end=day(30)
    ) == Decimal("0.00")

    assert income.delete(session, user_id=user.id, income_id=first.id) is True
    assert income.delete(session, user_id=user.id, income_id=first.id) is False
    assert income.get(session, user_id=user.id, income_id=first.id) is None


# Trips


def test_trip_crud_and_list(session: Session, make_user) -> None:
    user = make_user()
    planning = trips.create(
        session, user_id=user.id, title="Cape York", budget=Decimal("3000")
    )
    done = trips.create(session, user_id=user.id, title="Tassie", status="completed")
    newest = trips.create(session, user_id=user.id, title="Kimberley")
    _created(session, planning, 30)
    _created(session, done, 20)
    _created(session, newest, 10)
    session.commit()

    got = trips.get(session, user_id=user.id, trip_id=planning.id)
    assert got is not None and (
        got.title,
        got.status,
        got.budget,
        got.distance_source,
    ) == (
        "Cape York",
        "planning",
        Decimal("3000.00"),
        "estimate",
    )
    updated = trips.update(
        session,
        user_id=user.id,
        trip_id=planning.id,
        changes={"status": "active", "notes": "Take spares"},
    )
    assert updated is not None and (updated.status, updated.notes) == (
        "active",
        "Take spares",
    )
    session.commit()

    rows, total = trips.list_page(session, user_id=user.id)
    assert ([t.title for t in rows], total) == (["Kimberley", "Tassie", "Cape York"], 3)
    rows, total = trips.list_page(session, user_id=user.id, status="completed")
    assert ([t.title for t in rows], total) == (["Tassie"], 1)
    rows, total = trips.list_page(session, user_id=user.id, limit=1, offset=1)
    assert ([t.title for t in rows], total) == (["Tassie"], 3)


def test_trip_waypoints_are_replaced_in_order_and_deleted_with_the_trip(
    session: Session, make_user
) -> None:
    user = make_user()
    trip = trips.create(session, user_id=user.id, title="Loop")
    other = trips.create(session, user_id=user.id, title="Other")
    trips.replace_waypoints(
        session,
        user_id=user.id,
        trip_id=trip.id,
        stops=[("A", -30.0, 150.0), ("B", -31.0, 151.0)],
    )
    trips.replace_waypoints(
        session, user_id=user.id, trip_id=other.id, stops=[("X", -20.0, 140.0)]
    )
    trips.replace_waypoints(
        session,
        user_id=user.id,
        trip_id=trip.id,
        stops=[("C", -32.0, 152.0), ("A", -30.0, 150.0), ("D", -33.0, 149.5)],
    )
    session.commit()

    stops = trips.waypoints(session, user_id=user.id, trip_id=trip.id)
    assert [(w.position, w.name, w.lat, w.lon) for w in stops] == [
        (0, "C", -32.0, 152.0),
        (1, "A", -30.0, 150.0),
        (2, "D", -33.0, 149.5),
    ]
    grouped = trips.waypoints_for(
        session, user_id=user.id, trip_ids=[trip.id, other.id]
    )
    assert {k: [w.name for w in v] for k, v in grouped.items()} == {
        trip.id: ["C", "A", "D"],
        other.id: ["X"],
    }
    assert trips.waypoints_for(session, user_id=user.id, trip_ids=[]) == {}
    empty = trips.create(session, user_id=user.id, title="No stops")
    assert trips.waypoints_for(session, user_id=user.id, trip_ids=[empty.id]) == {
        empty.id: []
    }

    assert trips.delete_trip(session, user_id=user.id, trip_id=trip.id) is True
    session.commit()
    assert trips.get(session, user_id=user.id, trip_id=trip.id) is None
    assert trips.waypoints(session, user_id=user.id, trip_id=trip.id) == []
    assert [
        w.name for w in trips.waypoints(session, user_id=user.id, trip_id=other.id)
    ] == ["X"]
    assert trips.delete_trip(session, user_id=user.id, trip_id=trip.id) is False


def test_active_trip_prefers_active_then_latest_planning(
    session: Session, make_user
) -> None:
    user = make_user()
    assert trips.active(session, user_id=user.id) is None
    trips.create(session, user_id=user.id, title="Done", status="completed")
    assert trips.active(session, user_id=user.id) is None
    older = trips.create(session, user_id=user.id, title="Older plan")
    newer = trips.create(session, user_id=user.id, title="Newer plan")
    _created(session, older, 10)
    _created(session, newer, 5)
    active = trips.active(session, user_id=user.id)
    assert active is not None and active.title == "Newer plan"
    trips.create(session, user_id=user.id, title="On the road", status="active")
    active = trips.active(session, user_id=user.id)
    assert active is not None and active.title == "On the road"


# Fuel


def _fill(
    session: Session,
    user_id: uuid.UUID,
    n: int,
    price: str,
    odometer: int | None = None,
) -> object:
    litres = Decimal("50")
    return fuel.create(
        session,
        user_id=user_id,
        date=day(n),
        litres=litres,
        total_cost=Decimal(price) * litres,
        price_per_litre=Decimal(price),
        odometer_km=odometer,
    )


def test_fuel_crud_list_and_stats(session: Session, make_user) -> None:
    user = make_user()
    assert fuel.recent_price_per_litre(session, user_id=user.id) is None
    assert fuel.latest_odometer(session, user_id=user.id) is None
    first = _fill(session, user.id, 0, "1.500", 1000)
    for n, price, odometer in (
        (1, "2.000", 1300),
        (2, "2.100", None),
        (3, "2.200", 1900),
        (4, "1.900", 1600),
        (5, "2.300", 2200),
    ):
        _fill(session, user.id, n, price, odometer)
    session.commit()

    got = fuel.get(session, user_id=user.id, fuel_id=first.id)
    assert got is not None and (got.litres, got.total_cost, got.price_per_litre) == (
        Decimal("50.00"),
        Decimal("75.00"),
        Decimal("1.500"),
    )

    rows, total = fuel.list_page(session, user_id=user.id, limit=2)
    assert ([r.date for r in rows], total) == ([day(5), day(4)], 6)
    rows, total = fuel.list_page(session, user_id=user.id, start=day(1), end=day(2))
    assert ([r.date for r in rows], total) == ([day(2), day(1)], 2)

    # The latest five by date (2.000, 2.100, 2.200, 1.900, 2.300) average 2.100; the oldest 1.500 is left out.
    assert fuel.recent_price_per_litre(session, user_id=user.id) == Decimal("2.100")
    assert fuel.recent_price_per_litre(session, user_id=user.id, limit=2) == Decimal(
        "2.100"
    )
    assert fuel.recent_price_per_litre(session, user_id=user.id, limit=1) == Decimal(
        "2.300"
    )
    assert fuel.latest_odometer(session, user_id=user.id) == 2200

    updated = fuel.update(
        session,
        user_id=user.id,
        fuel_id=first.id,
        changes={"odometer_km": 5000, "location": "Ceduna"},
    )
    assert updated is not None and (updated.odometer_km, updated.location) == (
        5000,
        "Ceduna",
    )
    assert fuel.latest_odometer(session, user_id=user.id) == 5000
    assert fuel.delete(session, user_id=user.id, fuel_id=first.id) is True
    assert fuel.delete(session, user_id=user.id, fuel_id=first.id) is False
    assert fuel.latest_odometer(session, user_id=user.id) == 2200


# Maintenance


def test_maintenance_crud_list_and_due(session: Session, make_user) -> None:
    user = make_user()
    oil = maintenance.create(
        session,
        user_id=user.id,
        task="Oil",
        date=day(0),
        odometer_km=80_000,
        next_due_km=90_000,
    )
    maintenance.create(
        session, user_id=user.id, task="Rego", date=day(2), next_due_date=day(30)
    )
    maintenance.create(
        session,
        user_id=user.id,
        task="Tyres",
        date=day(1),
        odometer_km=81_000,
        next_due_date=day(10),
    )
    maintenance.create(
        session, user_id=user.id, task="Wash", date=day(3), cost=Decimal("25")
    )
    session.commit()

    got = maintenance.get(session, user_id=user.id, record_id=oil.id)
    assert got is not None and (got.task, got.next_due_km, got.cost) == (
        "Oil",
        90_000,
        None,
    )

    rows, total = maintenance.list_page(session, user_id=user.id)
    assert ([r.task for r in rows], total) == (["Wash", "Rego", "Tyres", "Oil"], 4)
    rows, total = maintenance.list_page(session, user_id=user.id, limit=2, offset=2)
    assert ([r.task for r in rows], total) == (["Tyres", "Oil"], 4)

    assert {r.task for r in maintenance.with_due(session, user_id=user.id)} == {
        "Oil",
        "Rego",
        "Tyres",
    }
    assert maintenance.latest_odometer(session, user_id=user.id) == 81_000
    assert [
        r.task for r in maintenance.due_by(session, user_id=user.id, date=day(30))
    ] == ["Tyres", "Rego"]
    assert [
        r.task for r in maintenance.due_by(session, user_id=user.id, date=day(10))
    ] == ["Tyres"]
    assert maintenance.due_by(session, user_id=user.id, date=day(9)) == []

    updated = maintenance.update(
        session, user_id=user.id, record_id=oil.id, changes={"cost": Decimal("189.5")}
    )
    assert updated is not None and updated.cost == Decimal("189.50")
    assert maintenance.delete(session, user_id=user.id, record_id=oil.id) is True
    assert maintenance.delete(session, user_id=user.id, record_id=oil.id) is False
    assert maintenance.get(session, user_id=user.id, record_id=oil.id) is None


# Calendar


def test_calendar_crud_window_and_upcoming(session: Session, make_user) -> None:
    user = make_user()
    base = dt.datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
    made = [
        calendar.create(
            session,
            user_id=user.id,
            title=title,
            start=base + dt.timedelta(days=n),
            kind=kind,
        )
        for title, n, kind in (
            ("Third", 2, "event"),
            ("First", 0, "reminder"),
            ("Fourth", 3, "event"),
            ("Second", 1, "event"),
        )
    ]
    session.commit()

    got = calendar.get(session, user_id=user.id, event_id=made[1].id)
    assert got is not None and (got.title, got.kind, got.start) == (
        "First",
        "reminder",
        base,
    )

    rows, total = calendar.list_page(session, user_id=user.id)
    assert ([e.title for e in rows], total) == (
        ["First", "Second", "Third", "Fourth"],
        4,
    )
    rows, total = calendar.list_page(
        session,
        user_id=user.id,
        start=base + dt.timedelta(days=1),
        end=base + dt.timedelta(days=3),
    )
    assert ([e.title for e in rows], total) == (["Second", "Third"], 2)
    rows, total = calendar.list_page(session, user_id=user.id, limit=1, offset=3)
    assert ([e.title for e in rows], total) == (["Fourth"], 4)

    now = base + dt.timedelta(days=1, minutes=1)
    assert [e.title for e in calendar.upcoming(session, user_id=user.id, now=now)] == [
        "Third",
        "Fourth",
    ]
    assert [
        e.title for e in calendar.upcoming(session, user_id=user.id, now=now, limit=1)
    ] == ["Third"]

    moved = calendar.update(
        session,
        user_id=user.id,
        event_id=made[0].id,
        changes={"start": base - dt.timedelta(days=1)},
    )
    assert moved is not None
    session.commit()
    assert [e.title for e in calendar.list_page(session, user_id=user.id)[0]][:2] == [
        "Third",
        "First",
    ]
    assert calendar.delete(session, user_id=user.id, event_id=made[0].id) is True
    assert calendar.delete(session, user_id=user.id, event_id=made[0].id) is False
    assert calendar.get(session, user_id=user.id, event_id=made[0].id) is None


# Vehicles


def test_vehicle_create_get_update_and_primary(session: Session, make_user) -> None:
    user = make_user()
    assert vehicles.primary(session, user_id=user.id) is None
    first = vehicles.create(
        session, user_id=user.id, name="Troopy", consumption_l_per_100km=16.5
    )
    second = vehicles.create(session, user_id=user.id, name="Tug")
    _created(session, first, 10)
    _created(session, second, 5)
    session.commit()
    primary = vehicles.primary(session, user_id=user.id)
    assert primary is not None and primary.id == first.id
    got = vehicles.get(session, user_id=user.id, vehicle_id=second.id)
    assert got is not None and (
        got.name,
        got.fuel_type,
        got.consumption_l_per_100km,
    ) == ("Tug", "diesel", 14.0)
    updated = vehicles.update(
        session,
        user_id=user.id,
        vehicle_id=second.id,
        changes={"consumption_l_per_100km": 12.0},
    )
    assert updated is not None and updated.consumption_l_per_100km == 12.0
    assert vehicles.get(session, user_id=user.id, vehicle_id=uuid.uuid4()) is None


# Posts


def test_posts_feed_edit_and_delete(session: Session, make_user) -> None:
    author = make_user(full_name="Jo")
    reader = make_user(full_name="Sam")
    first = posts.create(session, user_id=author.id, content="First light at Uluru")
    second = posts.create(session, user_id=reader.id, content="Anyone near Broome?")
    third = posts.create(session, user_id=author.id, content="Dump point at Kununurra")
    for minutes, post in ((30, first), (20, second), (10, third)):
        _created(session, post, minutes)
    session.commit()

    visible = posts.get_visible(session, viewer_id=reader.id, post_id=first.id)
    assert visible is not None and (visible[0].content, visible[1].full_name) == (
        "First light at Uluru",
        "Jo",
    )
    assert posts.get_visible(session, viewer_id=reader.id, post_id=uuid.uuid4()) is None

    rows, total = posts.feed(session, viewer_id=reader.id)
    assert ([(p.content, a.full_name) for p, a in rows], total) == (
        [
            ("Dump point at Kununurra", "Jo"),
            ("Anyone near Broome?", "Sam"),
            ("First light at Uluru", "Jo"),
        ],
        3,
    )
    rows, total = posts.feed(session, viewer_id=reader.id, limit=1, offset=1)
    assert ([p.id for p, _ in rows], total) == ([second.id], 3)
    rows, total = posts.feed(session, viewer_id=reader.id, author_id=author.id)
    assert ([p.id for p, _ in rows], total) == ([third.id, first.id], 2)

    edited = posts.update(
        session,
        user_id=author.id,
        post_id=first.id,
        changes={"content": "Sunrise at Uluru"},
    )
    assert edited is not None and edited.content == "Sunrise at Uluru"
    assert posts.delete(session, user_id=author.id, post_id=third.id) is True
    session.commit()
    assert posts.feed(session, viewer_id=reader.id)[1] == 2


def test_posts_feed_filters_by_group(session: Session, make_user) -> None:
    from wheels_wins.models import SocialGroup

    user = make_user()
    group = SocialGroup(user_id=user.id, name="Solar nerds")
    session.add(group)
    session.flush()
    in_group = posts.create(
        session, user_id=user.id, content="200 W panels?", group_id=group.id
    )
    posts.create(session, user_id=user.id, content="Public post")
    session.commit()
    rows, total = posts.feed(session, viewer_id=user.id, group_id=group.id)
    assert ([p.id for p, _ in rows], total) == ([in_group.id], 1)


# Notifications


def test_notifications_dedupe_list_and_mark_read(session: Session, make_user) -> None:
    user = make_user()
    first = notifications.notify_once(
        session,
        user_id=user.id,
        kind="budget",
        title="Fuel at 90%",
        dedupe_key="budget:fuel:2026-03",
    )
    assert first is not None
    assert (
        notifications.notify_once(
            session,
            user_id=user.id,
            kind="budget",
            title="Again",
            dedupe_key="budget:fuel:2026-03",
        )
        is None
    )
    plain = [
        notifications.notify_once(
            session, user_id=user.id, kind="info", title=f"Tip {n}"
        )
        for n in range(2)
    ]
    assert all(p is not None for p in plain)
    _created(session, first, 30)
    _created(session, plain[0], 20)
    _created(session, plain[1], 10)
    session.commit()

    assert [n.title for n in notifications.list_recent(session, user_id=user.id)] == [
        "Tip 1",
        "Tip 0",
        "Fuel at 90%",
    ]
    assert [
        n.title for n in notifications.list_recent(session, user_id=user.id, limit=1)
    ] == ["Tip 1"]

    assert (
        notifications.mark_read(session, user_id=user.id, notification_id=plain[1].id)
        is True
    )
    session.commit()
    read_at = plain[1].read_at
    assert read_at is not None
    assert [
        n.title
        for n in notifications.list_recent(session, user_id=user.id, unread_only=True)
    ] == [
        "Tip 0",
        "Fuel at 90%",
    ]
    assert (
        notifications.mark_read(session, user_id=user.id, notification_id=plain[1].id)
        is True
    )
    assert plain[1].read_at == read_at
    assert (
        notifications.mark_read(session, user_id=user.id, notification_id=uuid.uuid4())
        is False
    )


# Generic owned helpers


def test_owned_helpers(session: Session, make_user) -> None:
    user, other = make_user(), make_user()
    vehicle = owned.add(session, Vehicle(user_id=user.id, name="Van"))
    assert vehicle.id is not None and vehicle.created_at.tzinfo is not None
    for n in range(5):
        owned.add(session, Vehicle(user_id=other.id, name=f"Other {n}"))
    session.commit()

    assert (
        owned.get_owned(session, Vehicle, user_id=user.id, record_id=vehicle.id)
        == vehicle
    )
    assert (
        owned.get_owned(session, Vehicle, user_id=other.id, record_id=vehicle.id)
        is None
    )
    changed = owned.update_owned(
        session, Vehicle, user_id=user.id, record_id=vehicle.id, changes={"name": "Bus"}
    )
    assert changed is not None and changed.name == "Bus"

    query = select(Vehicle).where(Vehicle.user_id == other.id)
    rows, total = owned.page(
        session, query, order_by=[Vehicle.name.desc()], limit=2, offset=1
    )
    assert ([v.name for v in rows], total) == (["Other 3", "Other 2"], 5)

    assert (
        owned.delete_owned(session, Vehicle, user_id=other.id, record_id=vehicle.id)
        is False
    )
    assert (
        owned.delete_owned(session, Vehicle, user_id=user.id, record_id=vehicle.id)
        is True
    )
    assert (
        owned.get_owned(session, Vehicle, user_id=user.id, record_id=vehicle.id) is None
    )


def test_total_of_a_filtered_set_matches_the_listed_rows(session: Session, make_user) -> None:
    user, other = make_user(), make_user()
    for amount, n in (("9.99", 0), ("100.00", 1), ("25.51", 2)):
        _expense(session, user.id, amount, n)
    _expense(session, other.id, "500.00", 1)
    session.commit()
    assert expenses.count_and_total(session, user_id=user.id) == (3, Decimal("135.50"))
    rows, count = expenses.list_page(session, user_id=user.id, start=day(1))
    assert expenses.count_and_total(session, user_id=user.id, start=day(1)) == (count, sum(r.amount for r in rows))
    assert count == 2
    assert expenses.count_and_total(session, user_id=user.id, search="no such thing") == (0, Decimal("0.00"))

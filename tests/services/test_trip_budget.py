"""A trip's budget vs actual: linked expenses per category, remaining or over, cost per km and mile, fuel."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlmodel import Session

from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services.trip_budget import trip_budget


def _spend(session: Session, user_id: uuid.UUID, amount: str, category: str, trip_id: uuid.UUID | None) -> None:
    expense_repo.create(
        session, user_id=user_id, amount=Decimal(amount), category=category, date=dt.date(2026, 5, 2), trip_id=trip_id
    )


def test_spent_by_category_remaining_share_and_cost_per_distance(session: Session, make_user) -> None:
    user = make_user()
    trip = trip_repo.create(
        session, user_id=user.id, title="Red Centre", distance_km=1000.0, budget=Decimal("2000.00"),
        estimated_fuel_cost=Decimal("400.00"),
    )
    _spend(session, user.id, "310.40", "fuel", trip.id)
    _spend(session, user.id, "120.05", "fuel", trip.id)
    _spend(session, user.id, "419.55", "camping", trip.id)
    _spend(session, user.id, "99.99", "dining", None)  # not linked: never counted
    session.commit()

    figures = trip_budget(session, user_id=user.id, trip_id=trip.id)

    assert figures is not None
    assert (figures.trip_id, figures.title) == (trip.id, "Red Centre")
    assert figures.by_category == {"fuel": Decimal("430.45"), "camping": Decimal("419.55")}
    assert list(figures.by_category) == ["fuel", "camping"]  # largest first
    assert (figures.spent, figures.expense_count) == (Decimal("850.00"), 3)
    assert (figures.budget, figures.remaining, figures.over_budget) == (Decimal("2000.00"), Decimal("1150.00"), False)
    assert figures.share_used == Decimal("0.4250")
    assert figures.cost_per_km == Decimal("0.85")
    # 1000 km is 621.371... miles: 850.00 / 621.371 = 1.36794...
    assert figures.cost_per_mile == Decimal("1.37")
    assert figures.cost_per("imperial") == figures.cost_per_mile
    assert (figures.fuel_estimate, figures.fuel_spent, figures.fuel_difference) == (
        Decimal("400.00"), Decimal("430.45"), Decimal("30.45"),
    )


def test_over_budget(session: Session, make_user) -> None:
    user = make_user()
    trip = trip_repo.create(session, user_id=user.id, title="Coast", distance_km=250.0, budget=Decimal("500.00"))
    _spend(session, user.id, "480.00", "camping", trip.id)
    _spend(session, user.id, "145.00", "dining", trip.id)
    session.commit()

    figures = trip_budget(session, user_id=user.id, trip_id=trip.id)

    assert figures is not None
    assert (figures.spent, figures.remaining, figures.over_budget) == (Decimal("625.00"), Decimal("-125.00"), True)
    assert figures.share_used == Decimal("1.2500")
    assert figures.cost_per_km == Decimal("2.50")
    # No fuel linked and no estimate: nothing to compare.
    assert (figures.fuel_spent, figures.fuel_estimate, figures.fuel_difference) == (Decimal("0.00"), None, None)


def test_no_expenses_and_no_budget(session: Session, make_user) -> None:
    user = make_user()
    trip = trip_repo.create(session, user_id=user.id, title="Someday", distance_km=800.0,
                            estimated_fuel_cost=Decimal("210.00"))
    session.commit()

    figures = trip_budget(session, user_id=user.id, trip_id=trip.id)

    assert figures is not None
    assert (figures.spent, figures.expense_count, figures.by_category) == (Decimal("0.00"), 0, {})
    assert (figures.budget, figures.remaining, figures.over_budget, figures.share_used) == (None, None, False, None)
    assert (figures.cost_per_km, figures.cost_per_mile) == (Decimal("0.00"), Decimal("0.00"))
    assert figures.fuel_difference == Decimal("-210.00")


def test_a_budget_with_nothing_spent_is_all_remaining(session: Session, make_user) -> None:
    user = make_user()
    trip = trip_repo.create(session, user_id=user.id, title="Soon", budget=Decimal("1500.00"))
    session.commit()

    figures = trip_budget(session, user_id=user.id, trip_id=trip.id)

    assert figures is not None
    assert (figures.remaining, figures.share_used, figures.over_budget) == (Decimal("1500.00"), Decimal("0.0000"), False)


def test_no_distance_means_no_cost_per_distance(session: Session, make_user) -> None:
    user = make_user()
    unknown = trip_repo.create(session, user_id=user.id, title="Unrouted")
    parked = trip_repo.create(session, user_id=user.id, title="One stop", distance_km=0.0)
    for trip in (unknown, parked):
        _spend(session, user.id, "60.00", "camping", trip.id)
    session.commit()

    for trip in (unknown, parked):
        figures = trip_budget(session, user_id=user.id, trip_id=trip.id)
        assert figures is not None
        assert figures.spent == Decimal("60.00")
        assert (figures.cost_per_km, figures.cost_per_mile) == (None, None)


def test_other_users_expenses_never_count_even_when_they_name_the_trip(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    mine = trip_repo.create(session, user_id=me.id, title="Mine", distance_km=100.0, budget=Decimal("300.00"))
    _spend(session, me.id, "40.00", "fuel", mine.id)
    # The foreign key cannot stop another account's row from naming my trip's id.
    _spend(session, other.id, "500.00", "fuel", mine.id)
    _spend(session, other.id, "7.00", "dining", mine.id)
    session.commit()

    figures = trip_budget(session, user_id=me.id, trip_id=mine.id)

    assert figures is not None
    assert (figures.spent, figures.expense_count, figures.by_category) == (Decimal("40.00"), 1, {"fuel": Decimal("40.00")})
    assert (figures.remaining, figures.cost_per_km) == (Decimal("260.00"), Decimal("0.40"))


def test_someone_elses_or_a_missing_trip_is_none(session: Session, make_user) -> None:
    me, other = make_user(), make_user()
    theirs = trip_repo.create(session, user_id=other.id, title="Theirs", budget=Decimal("100.00"))
    _spend(session, other.id, "10.00", "fuel", theirs.id)
    session.commit()

    assert trip_budget(session, user_id=me.id, trip_id=theirs.id) is None
    assert trip_budget(session, user_id=me.id, trip_id=uuid.uuid4()) is None

"""Fuel economy: consumption between full fills (partials counted), skipped intervals, the recent average and basis."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from wheels_wins.models import FuelEntry, User
from wheels_wins.repositories import vehicles
from wheels_wins.services.fuel_economy import economy, estimate_basis
from wheels_wins.services.vehicle_log import log_fuel

DAY = dt.date(2026, 4, 1)


def _fill(
    session: Session,
    user: User,
    days: int,
    litres: str,
    odometer: int | None,
    *,
    full: bool = True,
    price: str = "2.000",
) -> FuelEntry:
    return log_fuel(
        session,
        user=user,
        date=DAY + dt.timedelta(days=days),
        litres=Decimal(litres),
        price_per_litre=Decimal(price),
        odometer_km=odometer,
        full_tank=full,
    )


def test_two_full_fills_make_one_interval(session: Session, make_user) -> None:
    user = make_user()
    first = _fill(session, user, 0, "55", 10_000)
    second = _fill(session, user, 3, "70", 10_500)
    session.commit()
    result = economy(session, user_id=user.id)
    [interval] = result.intervals
    assert (interval.start_fuel_id, interval.end_fuel_id) == (first.id, second.id)
    assert (interval.start_odometer_km, interval.end_odometer_km, interval.distance_km) == (10_000, 10_500, 500)
    assert interval.litres == Decimal("70")  # the first fill's fuel was burned before it
    assert interval.l_per_100km == 14.0
    assert result.average_l_per_100km == 14.0
    assert (result.average_distance_km, result.average_litres) == (500, Decimal("70"))


def test_partial_fills_in_between_count_towards_the_next_full_fill(session: Session, make_user) -> None:
    user = make_user()
    _fill(session, user, 0, "60", 20_000)
    _fill(session, user, 1, "20.5", 20_250, full=False)  # a partial fill's reading does not end an interval
    _fill(session, user, 2, "12.25", None, full=False)
    last = _fill(session, user, 4, "40.40", 20_600)
    session.commit()
    [interval] = economy(session, user_id=user.id).intervals
    assert interval.end_fuel_id == last.id
    assert (interval.distance_km, interval.litres) == (600, Decimal("73.15"))
    assert interval.l_per_100km == 12.19  # 73.15 L / 600 km = 12.191...


def test_a_full_fill_without_a_reading_merges_into_the_interval_around_it(session: Session, make_user) -> None:
    user = make_user()
    _fill(session, user, 0, "30", None)  # no reading: nothing to measure from
    first = _fill(session, user, 1, "50", 30_000)
    _fill(session, user, 2, "30", None)
    last = _fill(session, user, 3, "25", 30_400)
    session.commit()
    [interval] = economy(session, user_id=user.id).intervals
    assert (interval.start_fuel_id, interval.end_fuel_id) == (first.id, last.id)
    assert (interval.distance_km, interval.litres, interval.l_per_100km) == (400, Decimal("55"), 13.75)


def test_non_increasing_odometer_intervals_are_skipped(session: Session, make_user) -> None:
    user = make_user()
    _fill(session, user, 0, "50", 40_000)
    _fill(session, user, 1, "45", 39_900)  # a typo or a swapped log: no interval ends here
    same = _fill(session, user, 2, "10", 39_900)  # no distance: skipped too
    last = _fill(session, user, 3, "45", 40_300)
    session.commit()
    result = economy(session, user_id=user.id)
    [interval] = result.intervals
    assert (interval.start_fuel_id, interval.end_fuel_id) == (same.id, last.id)
    assert (interval.distance_km, interval.litres, interval.l_per_100km) == (400, Decimal("45"), 11.25)
    assert result.average_l_per_100km == 11.25


def test_a_single_fill_or_none_measures_nothing(session: Session, make_user) -> None:
    user = make_user()
    assert economy(session, user_id=user.id).intervals == []
    _fill(session, user, 0, "50", 50_000)
    session.commit()
    result = economy(session, user_id=user.id)
    assert result.intervals == []
    assert result.average_l_per_100km is None
    assert (result.average_distance_km, result.average_litres) == (0, Decimal(0))


def test_the_average_is_distance_weighted_over_the_newest_intervals(session: Session, make_user) -> None:
    user = make_user()
    _fill(session, user, 0, "50", 60_000)
    _fill(session, user, 1, "70", 60_500)  # 14.0 over 500 km
    _fill(session, user, 2, "30", 60_800)  # 10.0 over 300 km
    _fill(session, user, 3, "18", 61_000)  # 9.0 over 200 km
    session.commit()
    result = economy(session, user_id=user.id)
    assert [i.l_per_100km for i in result.intervals] == [9.0, 10.0, 14.0]  # newest first
    assert result.average_l_per_100km == 11.8  # 118 L / 1000 km, not the mean of the three (11.0)
    recent = economy(session, user_id=user.id, window=2)
    assert (recent.average_distance_km, recent.average_litres, recent.average_l_per_100km) == (500, Decimal("48"), 9.6)


def test_fills_are_taken_in_date_order_not_entry_order(session: Session, make_user) -> None:
    user = make_user()
    _fill(session, user, 5, "42", 70_600)  # logged first, filled last
    _fill(session, user, 0, "50", 70_000)
    _fill(session, user, 2, "10", None, full=False)
    session.commit()
    [interval] = economy(session, user_id=user.id).intervals
    assert (interval.distance_km, interval.litres, interval.l_per_100km) == (600, Decimal("52"), 8.67)


def test_another_users_fills_never_count(session: Session, make_user) -> None:
    alice, bob = make_user(), make_user()
    _fill(session, alice, 0, "50", 80_000)
    _fill(session, bob, 1, "90", 80_300, price="9.000")
    session.commit()
    result = economy(session, user_id=alice.id)
    assert result.intervals == []
    assert result.basis.price_per_litre == Decimal("2.000")


def test_the_estimate_basis_is_the_vehicle_and_recent_prices_else_defaults(session: Session, make_user) -> None:
    user = make_user()
    basis = estimate_basis(session, user_id=user.id)
    assert (basis.consumption_l_per_100km, basis.consumption_source) == (14.0, "default")
    assert (basis.price_per_litre, basis.price_source) == (Decimal("1.95"), "default")

    vehicles.create(session, user_id=user.id, name="Tortoise", consumption_l_per_100km=16.5)
    _fill(session, user, 0, "50", None, price="1.900")
    _fill(session, user, 1, "50", None, price="2.100")
    session.commit()
    basis = economy(session, user_id=user.id).basis
    assert (basis.consumption_l_per_100km, basis.consumption_source) == (16.5, "vehicle")
    assert (basis.price_per_litre, basis.price_source) == (Decimal("2.000"), "log")

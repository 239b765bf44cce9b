"""Vehicle log: fill-ups and maintenance own their expenses, and maintenance comes due by date or km."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlmodel import Session, select

from wheels_wins.models import Expense, FuelEntry, MaintenanceRecord
from wheels_wins.repositories import expenses, fuel, maintenance, trips
from wheels_wins.services.money import month_summary
from wheels_wins.services.vehicle_log import (
    VehicleLogError,
    delete_fuel,
    delete_maintenance,
    fill_prices,
    log_fuel,
    log_maintenance,
    maintenance_due,
    update_fuel,
    update_maintenance,
)

DAY = dt.date(2026, 5, 12)


def _expenses(session: Session, user_id: uuid.UUID) -> list[Expense]:
    return list(session.exec(select(Expense).where(Expense.user_id == user_id)).all())


def test_log_fuel_records_exactly_one_linked_expense(session: Session, make_user) -> None:
    user = make_user(currency="NZD")
    trip = trips.create(session, user_id=user.id, title="Hume run")
    entry = log_fuel(
        session,
        user=user,
        date=DAY,
        litres=Decimal("62.5"),
        total_cost=Decimal("131.25"),
        odometer_km=84_321,
        location="Gundagai",
        trip_id=trip.id,
    )
    session.commit()
    [expense] = _expenses(session, user.id)
    assert entry.expense_id == expense.id
    assert (expense.amount, expense.date, expense.category, expense.source) == (Decimal("131.25"), DAY, "fuel", "fuel")
    assert expense.currency == "NZD"
    assert (expense.merchant, expense.trip_id) == ("Gundagai", trip.id)
    assert expense.description == "Fuel 62.5 L at Gundagai"
    stored = fuel.get(session, user_id=user.id, fuel_id=entry.id)
    assert stored is not None
    assert (stored.litres, stored.total_cost, stored.price_per_litre) == (
        Decimal("62.5"),
        Decimal("131.25"),
        Decimal("2.100"),
    )
    assert stored.odometer_km == 84_321


def test_price_per_litre_is_computed_from_the_total(session: Session, make_user) -> None:
    user = make_user()
    entry = log_fuel(session, user=user, date=DAY, litres=Decimal("60"), total_cost=Decimal("119.99"))
    assert entry.price_per_litre == Decimal("2.000")
    assert entry.total_cost == Decimal("119.99")


def test_total_is_computed_from_the_price_per_litre(session: Session, make_user) -> None:
    user = make_user()
    entry = log_fuel(session, user=user, date=DAY, litres=Decimal("55.3"), price_per_litre=Decimal("1.989"))
    session.commit()
    assert entry.total_cost == Decimal("109.99")  # 109.9917 rounded to cents
    assert entry.price_per_litre == Decimal("1.989")
    [expense] = _expenses(session, user.id)
    assert expense.amount == Decimal("109.99")


@pytest.mark.parametrize(
    ("litres", "total", "price", "expected"),
    [
        (Decimal("40"), Decimal("80.02"), None, (Decimal("80.02"), Decimal("2.001"))),
        (Decimal("3"), Decimal("10.00"), None, (Decimal("10.00"), Decimal("3.333"))),
        (Decimal("3"), Decimal("5.00"), None, (Decimal("5.00"), Decimal("1.667"))),
        (Decimal("10"), None, Decimal("1.8755"), (Decimal("18.76"), Decimal("1.876"))),
        (Decimal("0.5"), None, Decimal("2.01"), (Decimal("1.01"), Decimal("2.010"))),
    ],
)
def test_fill_prices(
    litres: Decimal, total: Decimal | None, price: Decimal | None, expected: tuple[Decimal, Decimal]
) -> None:
    assert fill_prices(litres, total, price) == expected


def test_a_given_price_per_litre_rounds_half_up() -> None:
    assert fill_prices(Decimal("10"), None, Decimal("1.8745")) == (Decimal("18.75"), Decimal("1.875"))


@pytest.mark.parametrize("litres", [Decimal("0"), Decimal("-5")])
def test_litres_must_be_positive(session: Session, make_user, litres: Decimal) -> None:
    user = make_user()
    with pytest.raises(VehicleLogError) as raised:
        log_fuel(session, user=user, date=DAY, litres=litres, total_cost=Decimal("50"))
    assert raised.value.field == "litres"
    assert _expenses(session, user.id) == []
    assert fuel.list_page(session, user_id=user.id)[1] == 0


def test_a_fill_up_needs_a_total_or_a_price(session: Session, make_user) -> None:
    user = make_user()
    with pytest.raises(VehicleLogError) as raised:
        log_fuel(session, user=user, date=DAY, litres=Decimal("40"))
    assert raised.value.field == "total_cost"
    assert _expenses(session, user.id) == []


def test_update_fuel_total_keeps_the_expense_in_step(session: Session, make_user) -> None:
    user = make_user()
    entry = log_fuel(
        session, user=user, date=DAY, litres=Decimal("50"), total_cost=Decimal("100.00"), location="Albury"
    )
    session.commit()
    later = DAY + dt.timedelta(days=2)
    updated = update_fuel(
        session, user=user, fuel_id=entry.id, changes={"total_cost": Decimal("110.00"), "date": later}
    )
    session.commit()
    assert updated is not None
    assert (updated.total_cost, updated.price_per_litre, updated.date) == (Decimal("110.00"), Decimal("2.200"), later)
    [expense] = _expenses(session, user.id)
    assert expense.id == entry.expense_id
    assert (expense.amount, expense.date, expense.merchant) == (Decimal("110.00"), later, "Albury")


def test_update_fuel_litres_keeps_the_total_and_recomputes_the_price(session: Session, make_user) -> None:
    user = make_user()
    entry = log_fuel(session, user=user, date=DAY, litres=Decimal("50"), total_cost=Decimal("100.00"))
    updated = update_fuel(
        session, user=user, fuel_id=entry.id, changes={"litres": Decimal("40"), "location": "Seymour"}
    )
    session.commit()
    assert updated is not None
    assert (updated.litres, updated.total_cost, updated.price_per_litre) == (
        Decimal("40"),
        Decimal("100.00"),
        Decimal("2.500"),
    )
    [expense] = _expenses(session, user.id)
    assert (expense.amount, expense.description, expense.merchant) == (
        Decimal("100.00"),
        "Fuel 40 L at Seymour",
        "Seymour",
    )


def test_update_fuel_price_recomputes_the_total(session: Session, make_user) -> None:
    user = make_user()
    entry = log_fuel(session, user=user, date=DAY, litres=Decimal("50"), total_cost=Decimal("100.00"))
    updated = update_fuel(session, user=user, fuel_id=entry.id, changes={"price_per_litre": Decimal("2.1")})
    session.commit()
    assert updated is not None
    assert (updated.total_cost, updated.price_per_litre) == (Decimal("105.00"), Decimal("2.100"))
    [expense] = _expenses(session, user.id)
    assert expense.amount == Decimal("105.00")


@pytest.mark.parametrize("changes", [{"date": DAY + dt.timedelta(days=1)}, {"location": "Wangaratta"}])
def test_update_fuel_without_price_changes_keeps_the_stored_figures(
    session: Session, make_user, changes: dict[str, object]
) -> None:
    user = make_user()
    entry = log_fuel(session, user=user, date=DAY, litres=Decimal("60"), total_cost=Decimal("119.99"))
    updated = update_fuel(session, user=user, fuel_id=entry.id, changes=changes)
    session.commit()
    assert updated is not None
    assert (updated.total_cost, updated.price_per_litre) == (Decimal("119.99"), Decimal("2.000"))
    [expense] = _expenses(session, user.id)
    assert (expense.amount, expense.date) == (Decimal("119.99"), updated.date)
    assert expense.merchant == updated.location


def test_update_fuel_rejects_zero_litres(session: Session, make_user) -> None:
    user = make_user()
    entry = log_fuel(session, user=user, date=DAY, litres=Decimal("50"), total_cost=Decimal("100.00"))
    with pytest.raises(VehicleLogError) as raised:
        update_fuel(session, user=user, fuel_id=entry.id, changes={"litres": Decimal("0")})
    assert raised.value.field == "litres"


def test_update_and_delete_of_a_missing_fill_up(session: Session, make_user) -> None:
    user = make_user()
    assert update_fuel(session, user=user, fuel_id=uuid.uuid4(), changes={"litres": Decimal("1")}) is None
    assert delete_fuel(session, user=user, fuel_id=uuid.uuid4()) is False


def test_delete_fuel_deletes_its_expense_too(session: Session, make_user) -> None:
    user = make_user()
    keep = expenses.create(session, user_id=user.id, amount=Decimal("20"), category="groceries", date=DAY)
    entry = log_fuel(session, user=user, date=DAY, litres=Decimal("50"), total_cost=Decimal("100.00"))
    session.commit()
    assert delete_fuel(session, user=user, fuel_id=entry.id) is True
    session.commit()
    assert [e.id for e in _expenses(session, user.id)] == [keep.id]
    assert session.exec(select(FuelEntry).where(FuelEntry.user_id == user.id)).all() == []


def test_month_summary_counts_a_fill_up_once(session: Session, make_user) -> None:
    user = make_user()
    log_fuel(session, user=user, date=DAY, litres=Decimal("50"), total_cost=Decimal("100.00"))
    expenses.create(session, user_id=user.id, amount=Decimal("30.00"), category="groceries", date=DAY)
    session.commit()
    summary = month_summary(session, user_id=user.id, today=DAY)
    assert summary.by_category == {"fuel": Decimal("100.00"), "groceries": Decimal("30.00")}
    assert summary.total == Decimal("130.00")


def test_log_maintenance_with_a_cost_records_a_linked_expense(session: Session, make_user) -> None:
    user = make_user(currency="USD")
    record = log_maintenance(
        session, user=user, task="Oil and filter", date=DAY, cost=Decimal("189"), odometer_km=90_000
    )
    session.commit()
    [expense] = _expenses(session, user.id)
    assert record.expense_id == expense.id
    assert record.cost == Decimal("189.00")
    assert (expense.amount, expense.category, expense.source, expense.date) == (
        Decimal("189.00"),
        "maintenance",
        "maintenance",
        DAY,
    )
    assert (expense.description, expense.currency) == ("Oil and filter", "USD")


@pytest.mark.parametrize("cost", [None, Decimal("0")])
def test_log_maintenance_without_a_cost_records_no_expense(session: Session, make_user, cost: Decimal | None) -> None:
    user = make_user()
    record = log_maintenance(session, user=user, task="Tyre rotation", date=DAY, cost=cost)
    session.commit()
    assert record.expense_id is None
    assert _expenses(session, user.id) == []


def test_update_maintenance_adding_a_cost_creates_the_expense(session: Session, make_user) -> None:
    user = make_user()
    record = log_maintenance(session, user=user, task="Wheel alignment", date=DAY)
    updated = update_maintenance(session, user=user, record_id=record.id, changes={"cost": Decimal("95.00")})
    session.commit()
    assert updated is not None
    [expense] = _expenses(session, user.id)
    assert updated.expense_id == expense.id
    assert (expense.amount, expense.description, expense.category) == (
        Decimal("95.00"),
        "Wheel alignment",
        "maintenance",
    )


def test_update_maintenance_changes_keep_the_expense_in_step(session: Session, make_user) -> None:
    user = make_user()
    record = log_maintenance(session, user=user, task="Brakes", date=DAY, cost=Decimal("300"))
    later = DAY + dt.timedelta(days=3)
    update_maintenance(
        session,
        user=user,
        record_id=record.id,
        changes={"cost": Decimal("320.50"), "date": later, "task": "Brake pads"},
    )
    session.commit()
    [expense] = _expenses(session, user.id)
    assert expense.id == record.expense_id
    assert (expense.amount, expense.date, expense.description) == (Decimal("320.50"), later, "Brake pads")


@pytest.mark.parametrize("cost", [None, Decimal("0")])
def test_update_maintenance_removing_the_cost_removes_the_expense(
    session: Session, make_user, cost: Decimal | None
) -> None:
    user = make_user()
    record = log_maintenance(session, user=user, task="Battery", date=DAY, cost=Decimal("250"))
    updated = update_maintenance(session, user=user, record_id=record.id, changes={"cost": cost})
    session.commit()
    assert updated is not None and updated.expense_id is None
    assert _expenses(session, user.id) == []
    assert maintenance.get(session, user_id=user.id, record_id=record.id) is not None


def test_delete_maintenance_removes_its_expense(session: Session, make_user) -> None:
    user = make_user()
    record = log_maintenance(session, user=user, task="Service", date=DAY, cost=Decimal("450"))
    session.commit()
    assert delete_maintenance(session, user=user, record_id=record.id) is True
    session.commit()
    assert _expenses(session, user.id) == []
    assert session.exec(select(MaintenanceRecord).where(MaintenanceRecord.user_id == user.id)).all() == []
    assert delete_maintenance(session, user=user, record_id=record.id) is False
    assert update_maintenance(session, user=user, record_id=record.id, changes={"cost": Decimal("1")}) is None


def test_maintenance_due(session: Session, make_user) -> None:
    user = make_user()
    today = dt.date(2026, 6, 1)
    log_fuel(session, user=user, date=today, litres=Decimal("60"), total_cost=Decimal("120"), odometer_km=90_500)
    log_fuel(
        session,
        user=user,
        date=today - dt.timedelta(days=7),
        litres=Decimal("60"),
        total_cost=Decimal("120"),
        odometer_km=90_100,
    )
    by_date = log_maintenance(
        session, user=user, task="Rego inspection", date=today, next_due_date=today - dt.timedelta(days=3)
    )
    by_km = log_maintenance(session, user=user, task="Oil change", date=today, next_due_km=90_000)
    soon = log_maintenance(
        session, user=user, task="Tyre rotation", date=today, next_due_date=today + dt.timedelta(days=10)
    )
    soon_km = log_maintenance(session, user=user, task="Fuel filter", date=today, next_due_km=91_200)
    log_maintenance(
        session,
        user=user,
        task="Timing belt",
        date=today,
        next_due_date=today + dt.timedelta(days=200),
        next_due_km=150_000,
    )
    log_maintenance(session, user=user, task="Done and dusted", date=today)
    other = make_user()
    log_maintenance(session, user=other, task="Someone else's", date=today, next_due_date=today - dt.timedelta(days=1))
    session.commit()

    due = maintenance_due(session, user_id=user.id, today=today)

    by_task = {item.record.task: item for item in due}
    assert set(by_task) == {"Rego inspection", "Oil change", "Tyre rotation", "Fuel filter"}
    assert (by_task["Rego inspection"].overdue, by_task["Rego inspection"].days_left) == (True, -3)
    assert (by_task["Oil change"].overdue, by_task["Oil change"].km_left, by_task["Oil change"].days_left) == (
        True,
        -500,
        None,
    )
    assert (by_task["Tyre rotation"].overdue, by_task["Tyre rotation"].days_left) == (False, 10)
    assert (by_task["Fuel filter"].overdue, by_task["Fuel filter"].km_left) == (False, 700)
    assert [item.record.id for item in due[:2]] == [by_date.id, by_km.id]
    assert {item.record.id for item in due[2:]} == {soon.id, soon_km.id}


def test_maintenance_due_uses_the_maintenance_log_odometer_too(session: Session, make_user) -> None:
    user = make_user()
    today = dt.date(2026, 6, 1)
    log_maintenance(session, user=user, task="Oil change", date=today, next_due_km=100_000)
    log_maintenance(session, user=user, task="Inspection", date=today, odometer_km=100_250)
    session.commit()
    [item] = maintenance_due(session, user_id=user.id, today=today)
    assert (item.record.task, item.overdue, item.km_left) == ("Oil change", True, -250)


def test_nothing_is_due_without_an_odometer_or_near_dates(session: Session, make_user) -> None:
    user = make_user()
    today = dt.date(2026, 6, 1)
    log_maintenance(session, user=user, task="Oil change", date=today, next_due_km=100_000)
    log_maintenance(session, user=user, task="Rego", date=today, next_due_date=today + dt.timedelta(days=31))
    session.commit()
    assert maintenance_due(session, user_id=user.id, today=today) == []
    assert [i.record.task for i in maintenance_due(session, user_id=user.id, today=today, soon_days=31)] == ["Rego"]

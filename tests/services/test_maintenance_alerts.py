"""Maintenance alerts: one notice per task, due figures and state, raised by whatever logs fuel or maintenance."""

from __future__ import annotations

import datetime as dt
import threading
import time
import uuid
from decimal import Decimal

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from wheels_wins.models import MaintenanceSchedule, Notification
from wheels_wins.repositories import maintenance, maintenance_schedules
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.services.maintenance_alerts import dedupe_key, notify_due
from wheels_wins.services.maintenance_due import maintenance_due
from wheels_wins.services.money import today_in
from wheels_wins.services.vehicle_log import add_schedule, log_fuel, log_maintenance, update_maintenance

TODAY = dt.date(2026, 6, 1)


def _notes(session: Session, user_id: uuid.UUID) -> list[Notification]:
    return sorted(notification_repo.list_recent(session, user_id=user_id, limit=100), key=lambda n: n.created_at)


def _schedule(session: Session, user_id: uuid.UUID, **fields: object) -> MaintenanceSchedule:
    """A schedule written straight through the repository (no notice on the way in)."""
    values: dict[str, object] = {
        "task": "Oil change",
        "every_km": 10_000,
        "every_months": 6,
        "start_date": dt.date(2026, 1, 1),
        "start_odometer_km": 80_000,
    }
    return maintenance_schedules.create(session, user_id=user_id, **(values | fields))


def test_running_twice_sends_one_notice(session: Session, make_user) -> None:
    user = make_user()
    _schedule(session, user.id)
    session.commit()

    assert notify_due(session, user=user, today=dt.date(2026, 6, 10)) == 1
    session.commit()
    assert notify_due(session, user=user, today=dt.date(2026, 6, 10)) == 0
    assert notify_due(session, user=user, today=dt.date(2026, 6, 20)) == 0  # closer, same due date and state
    session.commit()

    [note] = _notes(session, user.id)
    assert (note.kind, note.title, note.link) == ("maintenance", "Oil change is due soon", "/wheels?tab=vehicle")
    assert note.body == "Due in 21 days. Next due on 1 Jul 2026 or at 90,000 km."
    assert note.read_at is None


def test_becoming_overdue_sends_a_second_notice(session: Session, make_user) -> None:
    user = make_user(units="imperial")
    _schedule(session, user.id)
    session.commit()
    notify_due(session, user=user, today=dt.date(2026, 6, 10))
    assert notify_due(session, user=user, today=dt.date(2026, 7, 3)) == 1
    assert notify_due(session, user=user, today=dt.date(2026, 7, 4)) == 0
    session.commit()

    soon, overdue = _notes(session, user.id)
    assert soon.title == "Oil change is due soon"
    assert (overdue.title, overdue.body) == (
        "Oil change is overdue",
        "Overdue by 2 days. Due on 1 Jul 2026 or at 55,923 mi.",
    )


def test_nothing_due_sends_nothing(session: Session, make_user) -> None:
    user = make_user()
    _schedule(session, user.id, start_date=TODAY)
    session.commit()
    assert notify_due(session, user=user, today=TODAY) == 0
    assert _notes(session, user.id) == []


def test_every_due_task_gets_its_own_notice(session: Session, make_user) -> None:
    user = make_user()
    _schedule(session, user.id)
    _schedule(session, user.id, task="Brake fluid", every_km=None, every_months=12, start_date=dt.date(2025, 5, 1))
    _schedule(session, user.id, task="Coolant", every_km=None, every_months=24)
    session.commit()
    assert notify_due(session, user=user, today=dt.date(2026, 6, 10)) == 2
    session.commit()
    assert {n.title for n in _notes(session, user.id)} == {"Oil change is due soon", "Brake fluid is overdue"}


def test_logging_fuel_past_the_due_km_notifies(session: Session, make_user) -> None:
    user = make_user()
    today = today_in(user.timezone)
    _schedule(session, user.id, every_months=None, start_date=today)
    session.commit()

    log_fuel(session, user=user, date=today, litres=Decimal("60"), total_cost=Decimal("120"), odometer_km=85_000)
    session.commit()
    assert _notes(session, user.id) == []

    log_fuel(session, user=user, date=today, litres=Decimal("60"), total_cost=Decimal("120"), odometer_km=89_200)
    log_fuel(session, user=user, date=today, litres=Decimal("60"), total_cost=Decimal("120"), odometer_km=89_600)
    session.commit()
    assert [n.title for n in _notes(session, user.id)] == ["Oil change is due soon"]

    log_fuel(session, user=user, date=today, litres=Decimal("60"), total_cost=Decimal("120"), odometer_km=90_100)
    session.commit()
    assert [n.title for n in _notes(session, user.id)] == ["Oil change is due soon", "Oil change is overdue"]


def test_doing_the_task_moves_the_due_and_arms_the_next_notice(session: Session, make_user) -> None:
    user = make_user()
    today = today_in(user.timezone)
    add_schedule(session, user=user, task="Oil change", every_km=10_000, start_odometer_km=80_000)
    log_fuel(session, user=user, date=today, litres=Decimal("60"), total_cost=Decimal("120"), odometer_km=90_500)
    session.commit()
    assert len(_notes(session, user.id)) == 1

    record = log_maintenance(session, user=user, task="oil change", date=today, odometer_km=90_500)
    session.commit()
    assert len(_notes(session, user.id)) == 1  # done: due at 100,500 now

    log_fuel(session, user=user, date=today, litres=Decimal("60"), total_cost=Decimal("120"), odometer_km=99_600)
    session.commit()
    assert [(n.title, n.body) for n in _notes(session, user.id)][1:] == [
        ("Oil change is due soon", "Due in 900 km. Next due at 100,500 km.")
    ]

    update_maintenance(session, user=user, record_id=record.id, changes={"odometer_km": 80_000})
    session.commit()
    assert len(_notes(session, user.id)) == 2  # due at 90,000 and overdue again: already said


def test_a_schedule_due_at_once_notifies_when_added(session: Session, make_user) -> None:
    user = make_user()
    add_schedule(session, user=user, task="Brake fluid", every_months=12, start_date=dt.date(2020, 1, 1))
    session.commit()
    [note] = _notes(session, user.id)
    assert note.title == "Brake fluid is overdue"


def test_a_concurrent_duplicate_costs_the_notice_not_the_write(session: Session, engine: Engine, make_user) -> None:
    if engine.dialect.name != "postgresql":
        pytest.skip("needs concurrent writers (SQLite serialises them)")
    user = make_user()
    today = today_in(user.timezone)
    _schedule(session, user.id, every_km=None, every_months=1, start_date=today - dt.timedelta(days=40))
    session.commit()
    [item] = maintenance_due(session, user_id=user.id, today=today)
    other = Session(engine)
    notification_repo.notify_once(
        other, user_id=user.id, kind="maintenance", title="racing", dedupe_key=dedupe_key(item)
    )
    committer = threading.Timer(0.5, other.commit)
    started = time.perf_counter()  # before the timer starts, so a slow start cannot shorten the measured wait
    committer.start()
    # The notice for this record waits on the other transaction's row, then collides with it.
    log_maintenance(session, user=user, task="Tyre rotation", date=today)
    session.commit()
    waited = time.perf_counter() - started
    committer.join()
    other.close()
    assert waited >= 0.4  # it waited for the other transaction to commit (0.5 s after `started`)
    assert [n.title for n in _notes(session, user.id)] == ["racing"]
    assert [r.task for r in maintenance.list_all(session, user_id=user.id)] == ["Tyre rotation"]

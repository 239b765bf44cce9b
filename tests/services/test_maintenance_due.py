"""When maintenance falls due: calendar months clamped to the month's end, km from the last odometer, both at once."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import pytest
from sqlmodel import Session

from wheels_wins.models import MaintenanceRecord, MaintenanceSchedule
from wheels_wins.pam.tools import vehicle as vehicle_tools
from wheels_wins.pam.types import ToolContext
from wheels_wins.services.maintenance_due import (
    DueItem,
    add_months,
    assess,
    due_label,
    newest_by_task,
    schedule_due,
    schedule_statuses,
    task_key,
)
from wheels_wins.services.money import today_in
from wheels_wins.services.vehicle_log import (
    VehicleLogError,
    add_schedule,
    delete_schedule,
    log_fuel,
    log_maintenance,
    maintenance_due,
    update_schedule,
)

USER = uuid.uuid4()


@pytest.mark.parametrize(
    ("day", "months", "expected"),
    [
        (dt.date(2026, 3, 15), 6, dt.date(2026, 9, 15)),
        (dt.date(2026, 1, 31), 1, dt.date(2026, 2, 28)),
        (dt.date(2028, 1, 31), 1, dt.date(2028, 2, 29)),
        (dt.date(2026, 8, 31), 6, dt.date(2027, 2, 28)),
        (dt.date(2026, 5, 31), 1, dt.date(2026, 6, 30)),
        (dt.date(2026, 10, 31), 2, dt.date(2026, 12, 31)),
        (dt.date(2026, 12, 15), 1, dt.date(2027, 1, 15)),
        (dt.date(2026, 7, 1), 24, dt.date(2028, 7, 1)),
        (dt.date(2028, 2, 29), 12, dt.date(2029, 2, 28)),
    ],
)
def test_add_months_clamps_to_the_end_of_the_month(day: dt.date, months: int, expected: dt.date) -> None:
    assert add_months(day, months) == expected


def test_tasks_match_ignoring_case_and_spacing() -> None:
    assert task_key("  Oil   Change ") == task_key("oil change") == "oil change"
    assert task_key("Oil change") != task_key("Oil filter")


def _schedule(**fields: object) -> MaintenanceSchedule:
    values: dict[str, object] = {"user_id": USER, "task": "Oil change", "start_date": dt.date(2026, 1, 31)}
    return MaintenanceSchedule(**(values | fields))


def _record(
    day: dt.date, odometer_km: int | None = None, task: str = "Oil change", **fields: object
) -> MaintenanceRecord:
    return MaintenanceRecord(user_id=USER, task=task, date=day, odometer_km=odometer_km, **fields)


def _figures(item: DueItem) -> tuple[object, ...]:
    return item.due_date, item.due_km, item.days_left, item.km_left, item.state


def test_never_done_counts_months_from_the_start_date() -> None:
    schedule = _schedule(every_months=1)
    item = schedule_due(schedule, None, today=dt.date(2026, 2, 20), odometer=None)
    assert _figures(item) == (dt.date(2026, 2, 28), None, 8, None, "soon")
    assert (item.task, item.schedule_id, item.record) == ("Oil change", schedule.id, None)


def test_never_done_counts_km_from_the_start_odometer() -> None:
    schedule = _schedule(every_km=10_000, start_odometer_km=120_000)
    assert _figures(schedule_due(schedule, None, today=dt.date(2026, 2, 1), odometer=128_999)) == (
        None,
        130_000,
        None,
        1_001,
        "ok",
    )
    assert _figures(schedule_due(schedule, None, today=dt.date(2026, 2, 1), odometer=129_000)) == (
        None,
        130_000,
        None,
        1_000,
        "soon",
    )
    assert _figures(schedule_due(schedule, None, today=dt.date(2026, 2, 1), odometer=130_000))[3:] == (0, "soon")
    overdue = schedule_due(schedule, None, today=dt.date(2026, 2, 1), odometer=130_001)
    assert (overdue.km_left, overdue.overdue, overdue.state) == (-1, True, "overdue")


def test_both_km_and_months_whichever_comes_first() -> None:
    schedule = _schedule(every_km=10_000, every_months=6)
    last = _record(dt.date(2025, 8, 31), 100_000)

    early = schedule_due(schedule, last, today=dt.date(2025, 12, 1), odometer=104_000)
    assert _figures(early) == (dt.date(2026, 2, 28), 110_000, 89, 6_000, "ok")
    by_date = schedule_due(schedule, last, today=dt.date(2026, 2, 28), odometer=104_000)
    assert _figures(by_date) == (dt.date(2026, 2, 28), 110_000, 0, 6_000, "soon")
    late = schedule_due(schedule, last, today=dt.date(2026, 3, 1), odometer=104_000)
    assert _figures(late) == (dt.date(2026, 2, 28), 110_000, -1, 6_000, "overdue")
    by_km = schedule_due(schedule, last, today=dt.date(2025, 12, 1), odometer=110_400)
    assert _figures(by_km) == (dt.date(2026, 2, 28), 110_000, 89, -400, "overdue")
    assert by_km.record is last


def test_the_last_record_replaces_the_start() -> None:
    schedule = _schedule(every_km=10_000, every_months=6, start_odometer_km=50_000)
    item = schedule_due(schedule, _record(dt.date(2026, 4, 10), 61_000), today=dt.date(2026, 4, 10), odometer=61_000)
    assert (item.due_date, item.due_km) == (dt.date(2026, 10, 10), 71_000)


def test_unknown_odometer_leaves_only_the_date() -> None:
    schedule = _schedule(every_km=10_000, every_months=6)
    no_reading = schedule_due(schedule, _record(dt.date(2026, 1, 10), 80_000), today=dt.date(2026, 7, 1), odometer=None)
    assert _figures(no_reading) == (dt.date(2026, 7, 10), 90_000, 9, None, "soon")
    done_without_odometer = schedule_due(
        schedule, _record(dt.date(2026, 1, 10)), today=dt.date(2026, 2, 1), odometer=85_000
    )
    assert _figures(done_without_odometer) == (dt.date(2026, 7, 10), None, 159, None, "ok")
    km_only = schedule_due(_schedule(every_km=10_000), None, today=dt.date(2026, 2, 1), odometer=85_000)
    assert _figures(km_only) == (None, None, None, None, "unknown")


def test_a_records_own_next_due_wins_over_the_interval() -> None:
    schedule = _schedule(every_km=10_000, every_months=6)
    last = _record(dt.date(2026, 1, 10), 80_000, next_due_km=88_000)
    item = schedule_due(schedule, last, today=dt.date(2026, 2, 1), odometer=87_500)
    assert _figures(item) == (dt.date(2026, 7, 10), 88_000, 159, 500, "soon")
    dated = _record(dt.date(2026, 1, 10), 80_000, next_due_date=dt.date(2026, 2, 15))
    assert _figures(schedule_due(schedule, dated, today=dt.date(2026, 2, 1), odometer=80_100))[:2] == (
        dt.date(2026, 2, 15),
        90_000,
    )


def test_soon_limits_are_inclusive() -> None:
    day = dt.date(2026, 6, 1)
    assert assess("A", due_date=day + dt.timedelta(days=30), due_km=None, today=day, odometer=None).state == "soon"
    assert assess("A", due_date=day + dt.timedelta(days=31), due_km=None, today=day, odometer=None).state == "ok"
    assert assess("A", due_date=day + dt.timedelta(days=31), due_km=None, today=day, odometer=None, soon_days=31).soon


def test_newest_record_per_task() -> None:
    old = _record(dt.date(2026, 1, 1), 1_000, task="Oil change")
    new = _record(dt.date(2026, 3, 1), 5_000, task="oil CHANGE")
    same_day_later = _record(dt.date(2026, 3, 1), task="Oil change")
    same_day_later.created_at = new.created_at + dt.timedelta(seconds=1)
    tyres = _record(dt.date(2025, 1, 1), task="Tyres")
    assert newest_by_task([old, new, tyres]) == {"oil change": new, "tyres": tyres}
    assert newest_by_task([same_day_later, old, new])["oil change"] is same_day_later


@pytest.mark.parametrize(
    ("days", "km", "overdue", "units", "label"),
    [
        (-3, None, True, "metric", "Overdue by 3 days"),
        (-1, -50, True, "metric", "Overdue by 1 day"),
        (40, -400, True, "metric", "Overdue by 400 km"),
        (40, -400, True, "imperial", "Overdue by 249 mi"),
        (0, 300, False, "metric", "Due today"),
        (20, 0, False, "metric", "Due now"),
        (12, None, False, "metric", "Due in 12 days"),
        (1, None, False, "metric", "Due in 1 day"),
        (None, 1_400, False, "metric", "Due in 1,400 km"),
        (12, 400, False, "metric", "Due in 12 days or 400 km"),
        (12, 400, False, "imperial", "Due in 12 days or 249 mi"),
        (None, None, False, "metric", "Not yet known"),
    ],
)
def test_due_label(days: int | None, km: int | None, overdue: bool, units: str, label: str) -> None:
    assert due_label(DueItem("Oil change", overdue, days, km), units) == label


def _odometer(session: Session, user, km: int, day: dt.date) -> None:
    log_fuel(session, user=user, date=day, litres=Decimal("50"), total_cost=Decimal("100"), odometer_km=km)


def test_schedules_read_the_newest_matching_record(session: Session, make_user) -> None:
    user = make_user()
    today = dt.date(2026, 6, 1)
    oil = add_schedule(
        session,
        user=user,
        task="Oil change",
        every_km=10_000,
        every_months=6,
        start_date=dt.date(2025, 1, 1),
        start_odometer_km=50_000,
    )
    log_maintenance(
        session, user=user, task="Oil change", date=dt.date(2025, 6, 1), odometer_km=60_000, next_due_km=65_000
    )
    newest = log_maintenance(session, user=user, task="OIL  change", date=dt.date(2026, 1, 15), odometer_km=69_500)
    _odometer(session, user, 79_000, today)
    other = make_user()
    log_maintenance(session, user=other, task="Oil change", date=dt.date(2026, 5, 30), odometer_km=79_000)
    _odometer(session, other, 200_000, today)
    session.commit()

    [status] = schedule_statuses(session, user_id=user.id, today=today)
    assert (status.schedule.id, status.last_done.id) == (oil.id, newest.id)  # type: ignore[union-attr]
    assert _figures(status.due) == (dt.date(2026, 7, 15), 79_500, 44, 500, "soon")
    [item] = maintenance_due(session, user_id=user.id, today=today)
    assert (item.task, item.schedule_id, item.record.id, item.due_km) == ("Oil change", oil.id, newest.id, 79_500)  # type: ignore[union-attr]
    assert schedule_statuses(session, user_id=other.id, today=today) == []
    assert maintenance_due(session, user_id=other.id, today=today) == []


def test_due_mixes_schedules_and_records_own_figures(session: Session, make_user) -> None:
    user = make_user()
    today = dt.date(2026, 6, 1)
    _odometer(session, user, 90_500, today)
    never_done = add_schedule(session, user=user, task="Coolant flush", every_months=24, start_date=dt.date(2024, 5, 1))
    add_schedule(session, user=user, task="Tyre rotation", every_km=10_000)  # counts from 90,500 now: not due
    by_record = log_maintenance(
        session, user=user, task="Rego", date=dt.date(2025, 6, 1), next_due_date=dt.date(2026, 6, 20)
    )
    log_maintenance(session, user=user, task="Brakes", date=dt.date(2025, 1, 1), next_due_date=dt.date(2026, 1, 1))
    log_maintenance(session, user=user, task="brakes", date=dt.date(2026, 5, 1))  # done again, no next due: settled
    session.commit()

    due = maintenance_due(session, user_id=user.id, today=today)

    assert [(i.task, i.state, i.days_left, i.schedule_id) for i in due] == [
        ("Coolant flush", "overdue", -31, never_done.id),
        ("Rego", "soon", 19, None),
    ]
    assert due[1].record.id == by_record.id  # type: ignore[union-attr]


def test_add_schedule_defaults_to_today_and_the_odometer_now(session: Session, make_user) -> None:
    user = make_user(timezone="Pacific/Auckland")
    _odometer(session, user, 42_000, dt.date(2026, 1, 1))
    schedule = add_schedule(session, user=user, task="  Grease hubs ", every_km=5_000)
    session.commit()
    assert (schedule.task, schedule.start_odometer_km, schedule.every_months) == ("Grease hubs", 42_000, None)
    assert schedule.start_date == today_in("Pacific/Auckland")


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({}, "every_km"),
        ({"every_km": 0}, "every_km"),
        ({"every_km": 1_000_001}, "every_km"),
        ({"every_months": 0}, "every_months"),
        ({"every_months": 121}, "every_months"),
        ({"task": "   ", "every_months": 6}, "task"),
        ({"task": "oil CHANGE", "every_months": 6}, "task"),
    ],
)
def test_schedule_validation(session: Session, make_user, fields: dict, field: str) -> None:
    user = make_user()
    add_schedule(session, user=user, task="Oil change", every_km=10_000)
    with pytest.raises(VehicleLogError) as error:
        add_schedule(session, user=user, **({"task": "Brakes"} | fields))
    assert error.value.field == field


def test_update_and_delete_schedule(session: Session, make_user) -> None:
    user, other = make_user(), make_user()
    schedule = add_schedule(session, user=user, task="Oil change", every_km=10_000, every_months=6)
    add_schedule(session, user=user, task="Brakes", every_months=12)
    session.commit()

    changed = update_schedule(session, user=user, schedule_id=schedule.id, changes={"every_km": None, "task": " Oil "})
    assert (changed.task, changed.every_km, changed.every_months) == ("Oil", None, 6)  # type: ignore[union-attr]
    with pytest.raises(VehicleLogError) as error:
        update_schedule(session, user=user, schedule_id=schedule.id, changes={"every_months": None})
    assert error.value.field == "every_km"
    with pytest.raises(VehicleLogError):
        update_schedule(session, user=user, schedule_id=schedule.id, changes={"task": "brakes"})
    assert update_schedule(session, user=user, schedule_id=schedule.id, changes={"task": "Oil"}) is not None
    assert update_schedule(session, user=other, schedule_id=schedule.id, changes={"every_months": 1}) is None
    assert delete_schedule(session, user=other, schedule_id=schedule.id) is False
    assert delete_schedule(session, user=user, schedule_id=schedule.id) is True
    assert delete_schedule(session, user=user, schedule_id=schedule.id) is False


def test_pams_maintenance_due_tool_reads_schedules(session: Session, make_user) -> None:
    user = make_user()
    today = dt.date(2026, 6, 1)
    add_schedule(session, user=user, task="Brake fluid", every_months=12, start_date=dt.date(2025, 5, 20))
    session.commit()
    ctx = ToolContext(session=session, user=user, today=today, now=dt.datetime(2026, 6, 1, 9, tzinfo=dt.UTC))

    result = vehicle_tools.maintenance_due(ctx)

    assert (result.ok, result.summary) == (True, "Brake fluid overdue")
    assert result.data == {
        "items": [
            {"task": "Brake fluid", "overdue": True, "days_left": -12, "km_left": None,
             "next_due_date": "2026-05-20", "next_due_km": None}
        ]
    }  # fmt: skip

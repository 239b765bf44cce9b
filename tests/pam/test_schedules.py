"""PAM sets up maintenance schedules ("rotate the tyres every 10,000 km") and reads vehicle figures in the user's units."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import select

from wheels_wins.models import MaintenanceRecord, MaintenanceSchedule
from wheels_wins.pam.agent import run_turn
from wheels_wins.pam.local.intents import classify
from wheels_wins.services import vehicle_log

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "task", "every_km", "every_months"),
    [
        ("remind me to change the oil every 10,000 km or 6 months", "Oil change", 10000, 6),
        ("rotate the tyres every 10000 km", "Tyre rotation", 10000, None),
        ("oil and filter every 6 months or 10k km", "Oil change", 10000, 6),
        ("grease the wheel bearings every 2 years", "Wheel bearings", None, 24),
        ("tyre rotation every 5,000 miles", "Tyre rotation", 8047, None),
        ("service the van every 12 months / 15,000 km", "Service", 15000, 12),
    ],
)
def test_a_repeating_task_is_a_schedule(text: str, task: str, every_km: int | None, every_months: int | None) -> None:
    intent = classify(text, TODAY)
    assert intent.name == "add_schedule"
    assert intent.slots.get("task") == task
    assert intent.slots.get("every_km") == every_km and intent.slots.get("every_months") == every_months


@pytest.mark.parametrize(
    "text",
    ["Had the oil changed today at 85,000 km, cost $180", "remind me to call mum every week", "spent $90 on an oil change"],
)
def test_work_done_and_plain_reminders_are_not_schedules(text: str) -> None:
    assert classify(text, TODAY).name != "add_schedule"


async def test_pam_adds_a_schedule_and_undoes_it(make_user, session) -> None:
    user = make_user()
    vehicle_log.log_maintenance(session, user=user, task="Oil change", date=dt.date(2026, 6, 1), odometer_km=80_000)
    session.commit()
    result = await run_turn(user_id=user.id, message="remind me to change the oil every 10,000 km or 6 months")
    call = result.tool_calls[0]
    assert call.name == "add_maintenance_schedule" and call.result.ok
    assert call.result.data["next_due_date"] == "2026-12-01" and call.result.data["next_due_km"] == 90_000
    assert "1 Dec 2026" in result.reply and "90,000 km" in result.reply
    assert session.exec(select(MaintenanceSchedule).where(MaintenanceSchedule.user_id == user.id)).one().every_km == 10_000

    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=result.conversation_id)
    assert undone.tool_calls[0].result.ok
    session.expire_all()
    assert session.exec(select(MaintenanceSchedule).where(MaintenanceSchedule.user_id == user.id)).all() == []
    assert len(session.exec(select(MaintenanceRecord).where(MaintenanceRecord.user_id == user.id)).all()) == 1


async def test_a_second_schedule_for_the_same_task_is_refused_honestly(make_user) -> None:
    user = make_user()
    await run_turn(user_id=user.id, message="rotate the tyres every 10,000 km")
    again = await run_turn(user_id=user.id, message="rotate the tyres every 12,000 km")
    assert again.tool_calls[0].result.ok is False
    assert "already" in again.reply


async def test_fuel_figures_come_back_in_the_users_units(make_user, session) -> None:
    user = make_user(units="imperial")
    for day, odometer, litres in ((1, 10_000, "60"), (8, 10_500, "75.71")):
        vehicle_log.log_fuel(
            session, user=user, date=dt.date(2026, 11, day), litres=Decimal(litres), total_cost=Decimal("100"),
            odometer_km=odometer,
        )
    session.commit()
    logged = await run_turn(user_id=user.id, message="filled up 20 gallons for $80 at 6,600 miles")
    assert "20 gal" in logged.reply and "6,600 mi" in logged.reply
    consumption = await run_turn(user_id=user.id, message="what's my fuel consumption?")
    assert consumption.tool_calls[0].name == "fuel_consumption"
    assert "mpg" in consumption.reply and "L/100" not in consumption.reply


@pytest.mark.parametrize(
    "text",
    ["what's my fuel consumption?", "how much diesel is the truck using?", "what mpg am I getting", "fuel economy lately?",
     "how thirsty is the cruiser"],
)
def test_consumption_questions(text: str) -> None:
    assert classify(text, TODAY).name == "fuel_economy"


@pytest.mark.parametrize("text", ["Filled up with 62 litres for $118.40 at 85,300 km", "how much have I spent on fuel?"])
def test_fuel_sentences_that_are_not_about_consumption(text: str) -> None:
    assert classify(text, TODAY).name != "fuel_economy"

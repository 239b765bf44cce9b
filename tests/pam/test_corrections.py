"""Follow-ups and limits through PAM's local engine: "actually it was $180" changes the entry just made, whatever its
kind, "undo that" puts back what the correction changed, and a weekly limit becomes the monthly budget it amounts to."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.models import User
from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services.money import today_in, zone


async def _conversation(user: User, *messages: str) -> list[Any]:
    """Each message's turn, in one conversation; every tool call of every turn must succeed."""
    turns, conversation_id = [], None
    for message in messages:
        turn = await run_turn(user_id=user.id, message=message, conversation_id=conversation_id)
        assert turn.tool_calls and all(c.result.ok for c in turn.tool_calls), (message, turn.reply)
        turns.append(turn)
        conversation_id = turn.conversation_id
    return turns


def _id(turn: Any) -> uuid.UUID:
    return uuid.UUID(turn.tool_calls[0].result.data["id"])


async def test_an_income_correction_changes_the_amount_and_undo_restores_it(make_user, session: Session) -> None:
    user = make_user()
    made, corrected = await _conversation(user, "I earned $150 from a cleaning job", "actually it was $180")
    assert corrected.tool_calls[0].name == "update_income"
    entry = income_repo.get(session, user_id=user.id, income_id=_id(made))
    assert entry is not None and entry.amount == Decimal("180.00") and "cleaning" in entry.source.lower()
    assert "180" in corrected.reply

    elsewhere = await run_turn(user_id=user.id, message="undo that")  # a new conversation has nothing of PAM's to undo
    assert not elsewhere.tool_calls[0].result.ok
    session.expire_all()
    assert income_repo.get(session, user_id=user.id, income_id=_id(made)).amount == Decimal("180.00")
    await run_turn(user_id=user.id, message="undo that", conversation_id=made.conversation_id)
    session.expire_all()
    assert income_repo.get(session, user_id=user.id, income_id=_id(made)).amount == Decimal("150.00")


async def test_a_fill_up_correction_keeps_its_expense_in_step(make_user, session: Session) -> None:
    user = make_user()
    made, corrected = await _conversation(user, "filled up 50L for $97.50", "oops, it was 55 litres")
    assert corrected.tool_calls[0].name == "update_fuel"
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=_id(made))
    assert (entry.litres, entry.total_cost, entry.price_per_litre) == (Decimal("55.00"), Decimal("97.50"), Decimal("1.773"))
    expense = expense_repo.get(session, user_id=user.id, expense_id=entry.expense_id)
    assert expense.amount == Decimal("97.50") and "55" in expense.description

    await run_turn(user_id=user.id, message="no, the total was $104", conversation_id=made.conversation_id)
    session.expire_all()
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=_id(made))
    assert (entry.litres, entry.total_cost) == (Decimal("55.00"), Decimal("104.00"))
    assert expense_repo.get(session, user_id=user.id, expense_id=entry.expense_id).amount == Decimal("104.00")

    await run_turn(user_id=user.id, message="undo that", conversation_id=made.conversation_id)
    session.expire_all()
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=_id(made))
    assert (entry.litres, entry.total_cost) == (Decimal("55.00"), Decimal("97.50"))


async def test_a_maintenance_correction_changes_its_cost_and_odometer(make_user, session: Session) -> None:
    user = make_user()
    made, cost, odometer = await _conversation(
        user, "Had the oil changed today at 85,000 km, cost $180", "actually it cost $195", "sorry, it was at 86,000 km"
    )
    assert [cost.tool_calls[0].name, odometer.tool_calls[0].name] == ["update_maintenance"] * 2
    record = maintenance_repo.get(session, user_id=user.id, record_id=_id(made))
    assert (record.cost, record.odometer_km) == (Decimal("195.00"), 86_000)
    assert expense_repo.get(session, user_id=user.id, expense_id=record.expense_id).amount == Decimal("195.00")


async def test_a_calendar_entry_moves_forward_to_the_day_and_time_said(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    made, moved, timed = await _conversation(
        user, "remind me to call the mechanic tomorrow", "actually make it the day after tomorrow", "change it to 3pm"
    )
    assert moved.tool_calls[0].name == "update_calendar_event"
    event = calendar_repo.get(session, user_id=user.id, event_id=_id(made))
    start = event.start.astimezone(zone(user.timezone))
    assert (start.date(), start.time(), event.all_day) == (today + dt.timedelta(days=2), dt.time(15, 0), False)
    assert "3:00 pm" in timed.reply

    friday = await run_turn(user_id=user.id, message="no, make it Friday", conversation_id=made.conversation_id)
    session.expire_all()
    start = calendar_repo.get(session, user_id=user.id, event_id=_id(made)).start.astimezone(zone(user.timezone))
    assert start.weekday() == 4 and today < start.date() <= today + dt.timedelta(days=7), friday.reply
    assert start.time() == dt.time(15, 0)

    await run_turn(user_id=user.id, message="undo that", conversation_id=made.conversation_id)
    session.expire_all()
    start = calendar_repo.get(session, user_id=user.id, event_id=_id(made)).start.astimezone(zone(user.timezone))
    assert start.date() == today + dt.timedelta(days=2)


async def test_a_reminder_in_two_hours_is_set_two_hours_from_the_users_now(make_user, session: Session) -> None:
    user = make_user(timezone="Australia/Perth")
    before = dt.datetime.now(dt.UTC)
    (made,) = await _conversation(user, "remind me in 2 hours to check the tyre pressures")
    after = dt.datetime.now(dt.UTC)
    event = calendar_repo.get(session, user_id=user.id, event_id=_id(made))
    assert event.title == "Check the tyre pressures" and not event.all_day
    start = event.start.astimezone(dt.UTC)
    earliest = (before + dt.timedelta(hours=2)).replace(second=0, microsecond=0)
    assert earliest <= start <= after + dt.timedelta(hours=2), (start, before)
    local = event.start.astimezone(zone("Australia/Perth"))
    assert local.strftime("%-I:%M %p").lower() in made.reply  # said in the user's time, not the server's


async def test_a_day_of_the_month_said_alone_keeps_the_records_month(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    made, moved = await _conversation(
        user, "remind me to renew the van insurance on 10 September", "sorry, it's the 12th not the 10th"
    )
    start = calendar_repo.get(session, user_id=user.id, event_id=_id(made)).start.astimezone(zone(user.timezone))
    assert (start.month, start.day) == (9, 12) and today <= start.date() < today + dt.timedelta(days=367), moved.reply

    spent, fixed = await _conversation(user, "spent $42 on groceries on 3 March", "actually it was the 5th")
    expense = expense_repo.get(session, user_id=user.id, expense_id=_id(spent))
    assert (expense.date.month, expense.date.day) == (3, 5) and expense.date <= today, fixed.reply


async def test_an_expense_that_was_income_becomes_income_and_back(make_user, session: Session) -> None:
    user = make_user()
    spent, switched = await _conversation(
        user, "I spent $120 at the Eumundi markets", "no sorry, I MADE $120 at the markets, it's income not an expense"
    )
    assert expense_repo.get(session, user_id=user.id, expense_id=_id(spent)) is None
    (income,) = income_repo.list_page(session, user_id=user.id, limit=10)[0]
    assert (income.amount, "eumundi" in income.source.lower()) == (Decimal("120.00"), True), switched.reply

    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=spent.conversation_id)
    session.expire_all()
    assert income_repo.list_page(session, user_id=user.id, limit=10)[0] == [], undone.reply  # the switch, undone whole
    (restored,) = expense_repo.list_page(session, user_id=user.id, limit=10)[0]
    assert restored.amount == Decimal("120.00") and "Eumundi" in restored.description

    paid, back = await _conversation(
        user, "earned $60 cleaning the amenities block", "sorry, that should be an expense not income"
    )
    session.expire_all()
    assert income_repo.list_page(session, user_id=user.id, limit=10)[0] == []
    expenses, _ = expense_repo.list_page(session, user_id=user.id, limit=10)
    assert sorted(e.amount for e in expenses) == [Decimal("60.00"), Decimal("120.00")], back.reply
    assert any("amenities" in e.description for e in expenses)

    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=paid.conversation_id)
    session.expire_all()
    assert back.reply.startswith("Recorded as an expense instead: $60.00"), back.reply
    (income,) = income_repo.list_page(session, user_id=user.id, limit=10)[0]  # the income is back, the expense gone
    assert (income.amount, "amenities" in income.source.lower()) == (Decimal("60.00"), True), undone.reply
    assert "Restored $60.00 income from cleaning the amenities block" in undone.reply, undone.reply
    expenses, _ = expense_repo.list_page(session, user_id=user.id, limit=10)
    assert [e.amount for e in expenses] == [Decimal("120.00")], undone.reply


async def test_a_repair_logged_as_spending_moves_to_the_maintenance_log_and_back(make_user, session: Session) -> None:
    user = make_user()
    spent, moved = await _conversation(
        user, "paid $240 for a new leisure battery yesterday", "sorry, add it to the maintenance log"
    )
    session.expire_all()
    assert expense_repo.get(session, user_id=user.id, expense_id=_id(spent)) is None, moved.reply
    (record,) = maintenance_repo.list_page(session, user_id=user.id, limit=10)[0]
    assert "battery" in record.task.lower() and record.cost == Decimal("240.00"), moved.reply
    assert record.date == today_in(user.timezone) - dt.timedelta(days=1)  # the day it was bought, not today
    (expense,) = expense_repo.list_page(session, user_id=user.id, limit=10)[0]  # its cost, now owned by the record
    assert (expense.amount, expense.category, expense.source) == (Decimal("240.00"), "maintenance", "maintenance")
    assert moved.reply == "Moved to the maintenance log: new leisure battery ($240.00).", moved.reply

    again = await run_turn(user_id=user.id, message="undo that", conversation_id=spent.conversation_id)
    session.expire_all()
    assert maintenance_repo.list_page(session, user_id=user.id, limit=10)[0] == [], again.reply
    (restored,) = expense_repo.list_page(session, user_id=user.id, limit=10)[0]
    assert (restored.amount, restored.source) == (Decimal("240.00"), "pam") and "battery" in restored.description.lower()


async def test_a_bare_request_about_the_record_just_made_files_it_as_asked(make_user, session: Session) -> None:
    user = make_user()
    spent, filed = await _conversation(user, "$36 at the Kmart", "put that under shopping")
    session.expire_all()
    assert expense_repo.get(session, user_id=user.id, expense_id=_id(spent)).category == "shopping", filed.reply
    earned, switched = await _conversation(user, "$90 from the market stall", "oops, log it as income")
    session.expire_all()
    assert expense_repo.get(session, user_id=user.id, expense_id=_id(earned)) is None, switched.reply
    assert [e.amount for e in income_repo.list_page(session, user_id=user.id, limit=10)[0]] == [Decimal("90.00")]


async def test_a_reminder_without_a_date_takes_the_day_said_next_in_words(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    asked, answered = await converse(user, "remind me about the rego", "the first of March")
    assert "?" in asked.reply and answered.tool_calls and answered.tool_calls[0].result.ok, answered.reply
    start = calendar_repo.get(session, user_id=user.id, event_id=_id(answered)).start.astimezone(zone(user.timezone))
    assert (start.month, start.day) == (3, 1) and today <= start.date() < today + dt.timedelta(days=367)


async def test_an_expense_correction_still_updates_the_expense(make_user, session: Session) -> None:
    user = make_user()
    made, corrected = await _conversation(user, "I spent $30 on lunch", "actually make that $35")
    assert corrected.tool_calls[0].name == "update_expense"
    assert expense_repo.get(session, user_id=user.id, expense_id=_id(made)).amount == Decimal("35.00")


async def test_a_correction_with_nothing_to_correct_asks_which_record(make_user) -> None:
    user = make_user()
    turn = await run_turn(user_id=user.id, message="actually it was $180")
    assert turn.tool_calls == [] and "Which record" in turn.reply


async def test_a_weekly_limit_becomes_the_monthly_budget_it_amounts_to(make_user, session: Session) -> None:
    from wheels_wins.repositories import budgets as budget_repo

    user = make_user()
    await _conversation(user, "we need to stick to $150 a week on dining")
    await _conversation(user, "I want to keep camping to 500 bucks a month")
    assert budget_repo.get(session, user_id=user.id, category="dining").amount == Decimal("650.00")  # 150 × 52 / 12
    assert budget_repo.get(session, user_id=user.id, category="camping").amount == Decimal("500.00")


async def test_a_spending_total_names_the_categories_it_went_on_biggest_first(make_user) -> None:
    user = make_user()
    await _conversation(user, "spent $210.40 on groceries", "$150 fuel", "$60 on dinner at the pub")
    (answer,) = await _conversation(user, "which category have I spent the most on this month?")
    assert answer.reply.startswith("$420.40 spent this month: most on groceries ($210.40), then fuel ($150.00) and dining"), answer.reply


async def test_everyday_follow_ups(make_user, session: Session) -> None:
    user = make_user()
    asked, answered = await converse(user, "add income", "450 house sitting")
    assert asked.tool_calls == [] and answered.tool_calls[0].name == "add_income"
    entry = income_repo.get(session, user_id=user.id, income_id=_id(answered))
    assert (entry.amount, entry.source) == (Decimal("450.00"), "house sitting")

    made, pushed = await _conversation(user, "haircut tomorrow 10am", "push it back a day")
    event = calendar_repo.get(session, user_id=user.id, event_id=_id(made))
    start = event.start.astimezone(zone(user.timezone))
    assert (start.date(), start.time()) == (today_in(user.timezone) + dt.timedelta(days=2), dt.time(10, 0)), pushed.reply

    made, fixed = await _conversation(user, "$18 at the bp", "wrong category, it's dining")
    assert expense_repo.get(session, user_id=user.id, expense_id=_id(made)).category == "dining"

    (shown,) = await _conversation(user, "show me my expenses")
    assert [c.name for c in shown.tool_calls] == ["list_expenses", "navigate"]
    assert shown.ui_actions == [{"type": "navigate", "to": "/wins"}]



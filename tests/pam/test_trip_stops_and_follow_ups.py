"""Conversations with PAM's local engine: a stop added to the trip just planned goes where it adds the least
distance (and abroad, to the namesake near the route), "undo" puts the stops back, an answer to "how much?"
keeps what the first message said, and "file that under X" or "it was 48 litres not 84" change the right field."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.models import User
from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import trips as trip_service
from wheels_wins.services.money import today_in


def _stop_names(session: Session, user: User, trip_id: str) -> list[str]:
    session.expire_all()
    return [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=uuid.UUID(trip_id))]


async def test_a_stop_goes_where_it_adds_the_least_distance_and_undo_takes_it_out(make_user, session: Session) -> None:
    user = make_user()
    planned, added = await converse(user, "plan Sydney to Brisbane via Armidale", "add Port Macquarie as a stop")
    trip_id = planned.tool_calls[0].result.data["id"]
    assert added.tool_calls[0].name == "add_trip_stop" and added.tool_calls[0].result.ok, added.reply
    # Port Macquarie lies between Sydney and Armidale, not between Armidale and Brisbane.
    assert _stop_names(session, user, trip_id) == ["Sydney", "Port Macquarie", "Armidale", "Brisbane"]
    assert "Port Macquarie" in added.reply

    await run_turn(user_id=user.id, message="undo that", conversation_id=planned.conversation_id)
    assert _stop_names(session, user, trip_id) == ["Sydney", "Armidale", "Brisbane"]


async def test_a_stop_added_abroad_is_the_namesake_near_the_route(make_user, session: Session) -> None:
    user = make_user()
    planned, added, removed = await converse(
        user,
        "plan a trip Christchurch to Lake Tekapo then on to Wanaka",
        "add Queenstown to the trip",
        "take Lake Tekapo out of the trip",
    )
    assert planned.tool_calls[0].result.ok, planned.reply
    trip_id = planned.tool_calls[0].result.data["id"]
    assert added.tool_calls[0].result.ok and removed.tool_calls[0].result.ok, (added.reply, removed.reply)
    session.expire_all()
    stops = trip_repo.waypoints(session, user_id=user.id, trip_id=uuid.UUID(trip_id))
    assert [w.name for w in stops] == ["Christchurch", "Queenstown", "Wanaka"]
    queenstown = stops[1]
    assert queenstown.lat < -44  # Otago, not the South Australian suburb of the same name (-34.9)


def test_the_cheapest_insertion_keeps_the_start_and_the_destination() -> None:
    sydney, melbourne = trip_service.Stop("Sydney", -33.87, 151.21), trip_service.Stop("Melbourne", -37.81, 144.96)
    canberra = trip_service.Stop("Canberra", -35.28, 149.13)
    assert trip_service.cheapest_insertion([sydney, melbourne], canberra) == 1
    assert trip_service.cheapest_insertion([sydney], canberra) == 1
    assert trip_service.cheapest_insertion([], canberra) == 0
    albury = trip_service.Stop("Albury", -36.08, 146.92)
    assert trip_service.cheapest_insertion([sydney, canberra, melbourne], albury) == 2


async def test_removing_the_last_but_one_stop_is_refused(make_user, session: Session) -> None:
    user = make_user()
    planned, removed = await converse(user, "plan Sydney to Melbourne", "remove Melbourne from the trip")
    assert not removed.tool_calls[0].result.ok
    assert _stop_names(session, user, planned.tool_calls[0].result.data["id"]) == ["Sydney", "Melbourne"]


async def test_the_answer_to_how_much_keeps_the_category_and_date_of_the_question(make_user, session: Session) -> None:
    user = make_user()
    asked, answered = await converse(user, "put in the caravan park fee from yesterday", "45 dollars")
    assert not asked.tool_calls and asked.reply.endswith("?")
    expense = expense_repo.get(session, user_id=user.id, expense_id=uuid.UUID(answered.tool_calls[0].result.data["id"]))
    yesterday = today_in(user.timezone) - dt.timedelta(days=1)
    assert (expense.amount, expense.category, expense.date) == (Decimal("45.00"), "camping", yesterday)
    assert expense.description.lower().startswith("caravan park")


async def test_file_that_under_changes_the_category(make_user, session: Session) -> None:
    user = make_user()
    made, filed = await converse(user, "$25 at Bunnings", "file that under maintenance")
    assert filed.tool_calls[0].name == "update_expense", filed.reply
    expense = expense_repo.get(session, user_id=user.id, expense_id=uuid.UUID(made.tool_calls[0].result.data["id"]))
    assert (expense.amount, expense.category, expense.merchant) == (Decimal("25.00"), "maintenance", "Bunnings")


async def test_litres_not_the_old_figure_change_only_the_litres(make_user, session: Session) -> None:
    user = make_user()
    made, corrected = await converse(user, "filled up 65 litres for 139.10", "oops it was 56 litres not 65")
    assert corrected.tool_calls[0].name == "update_fuel", corrected.reply
    entry = fuel_repo.get(session, user_id=user.id, fuel_id=uuid.UUID(made.tool_calls[0].result.data["id"]))
    assert (entry.litres, entry.total_cost) == (Decimal("56.00"), Decimal("139.10"))


async def test_what_about_asks_the_last_question_again_about_something_else(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for amount, category in (("61.20", "fuel"), ("38.15", "groceries"), ("12.00", "groceries")):
        expense_repo.create(
            session, user_id=user.id, amount=Decimal(amount), category=category, date=today, description=category
        )
    session.commit()
    fuel, groceries = await converse(user, "what has diesel cost me this month?", "and what about groceries?")
    assert "$61.20" in fuel.reply
    assert groceries.tool_calls[0].name == "spending_summary" and "$50.15" in groceries.reply, groceries.reply


async def test_what_about_the_days_before_that_asks_about_the_period_before(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for amount, days_ago in (("20.00", 10), ("33.50", 40), ("99.00", 70)):
        expense_repo.create(
            session, user_id=user.id, amount=Decimal(amount), category="groceries",
            date=today - dt.timedelta(days=days_ago), description="Groceries",
        )
    session.commit()
    recent, before = await converse(
        user, "How much did I spend on groceries in the last 30 days?", "What about the 30 days before that?"
    )
    assert "$20.00" in recent.reply, recent.reply
    assert before.tool_calls[0].name == "spending_summary" and "$33.50" in before.reply, before.reply


async def test_spending_at_a_shop_counts_only_that_shop(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for amount, merchant in (("23.15", "Bunnings"), ("54.30", "Bunnings Mildura"), ("40.00", "Kmart")):
        expense_repo.create(
            session,
            user_id=user.id,
            amount=Decimal(amount),
            category="shopping",
            date=today,
            description="Hardware",
            merchant=merchant,
        )
    session.commit()
    (turn,) = await converse(user, "how much have I spent at Bunnings this month?")
    assert "$77.45" in turn.reply and "2 times" in turn.reply, turn.reply


async def test_an_answer_gives_the_day_the_question_did_not(make_user, session: Session) -> None:
    user = make_user()
    asked, answered = await converse(user, "log some income", "$640 from fruit picking, paid last Friday")
    assert not asked.tool_calls
    data = answered.tool_calls[0].result.data
    today = today_in(user.timezone)
    last_friday = today - dt.timedelta(days=(today.weekday() - 4) % 7 or 7)
    assert answered.tool_calls[0].name == "add_income"
    assert (data["amount"], data["date"], data["source"]) == ("640.00", last_friday.isoformat(), "fruit picking")

    reminder, day = await converse(user, "remind me to get the gas bottles refilled", "next Thursday")
    assert not reminder.tool_calls and day.tool_calls[0].name == "add_calendar_event", day.reply
    assert "gas bottles" in day.tool_calls[0].result.data["title"].lower()


async def test_pay_corrected_then_a_wrong_entry_removed(make_user, session: Session) -> None:
    user = make_user()
    made, corrected = await converse(user, "got $500 for the gig in Byron", "should've said $550")
    assert made.tool_calls[0].name == "add_income" and corrected.tool_calls[0].name == "update_income"
    assert corrected.tool_calls[0].result.data["amount"] == "550.00"

    busking, removed = await converse(user, "I earned $200 busking in Fremantle", "that's wrong, remove it")
    assert removed.tool_calls[0].name == "undo_last_change" and removed.tool_calls[0].result.ok, removed.reply


async def test_a_route_said_again_replaces_the_trip_just_planned(make_user, session: Session) -> None:
    user = make_user()
    planned, meant = await converse(user, "plan a route from Cairns to Townsville", "sorry, I meant Cairns to Mackay")
    assert [c.name for c in meant.tool_calls] == ["undo_last_change", "plan_trip"], meant.reply
    session.expire_all()
    trips, count = trip_repo.list_page(session, user_id=user.id)
    assert count == 1 and trips[0].title == "Cairns to Mackay"
    assert 600 < trips[0].distance_km < 900


async def test_two_budgets_asked_about_at_once_are_both_answered(make_user, session: Session) -> None:
    user = make_user()
    (made,) = await converse(user, "set my groceries budget to $500 a month")
    (dining,) = await converse(user, "dining budget 250 a month")
    assert made.tool_calls[0].result.ok and dining.tool_calls[0].result.ok
    (turn,) = await converse(user, "what's left in my groceries and dining budgets?")
    assert [c.arguments.get("category") for c in turn.tool_calls] == ["groceries", "dining"]
    assert "$500.00" in turn.reply and "$250.00" in turn.reply, turn.reply


async def test_how_far_answers_without_saving_a_trip_and_plan_it_then_saves_one(make_user, session: Session) -> None:
    user = make_user()
    asked, planned = await converse(user, "how far is it from Darwin to Katherine?", "plan it")
    assert asked.tool_calls[0].name == "route_distance" and "Darwin → Katherine: about" in asked.reply, asked.reply
    assert planned.tool_calls[0].name == "plan_trip" and planned.tool_calls[0].result.ok, planned.reply
    trips, total = trip_repo.list_page(session, user_id=user.id)
    assert [t.title for t in trips] == ["Darwin to Katherine"] and total == 1  # the question saved nothing



async def test_a_repair_named_as_a_noun_is_logged_with_its_workshop_and_a_later_odometer(
    make_user, session: Session
) -> None:
    user = make_user()
    logged, read = await converse(
        user, "Log the trailer bearing repair: $412 at Halls Creek Motors today", "oh and the odometer was 153,020"
    )
    assert logged.tool_calls[0].name == "log_maintenance", logged.reply
    record = maintenance_repo.get(session, user_id=user.id, record_id=uuid.UUID(logged.tool_calls[0].result.data["id"]))
    assert (record.task, record.cost, record.odometer_km) == ("Trailer bearing repair", Decimal("412.00"), 153020)
    expense = expense_repo.get(session, user_id=user.id, expense_id=record.expense_id)
    assert (expense.merchant, expense.category) == ("Halls Creek Motors", "maintenance")
    assert "153,020 km" in read.reply, read.reply


async def test_a_stop_at_an_outback_roadhouse_is_found(make_user, session: Session) -> None:
    user = make_user()
    planned, added = await converse(user, "Plan a trip from Katherine to Kununurra", "add Timber Creek as a stop on the way")
    assert added.tool_calls[0].name == "add_trip_stop" and added.tool_calls[0].result.ok, added.reply
    assert _stop_names(session, user, planned.tool_calls[0].result.data["id"]) == ["Katherine", "Timber Creek", "Kununurra"]


async def test_an_amount_said_in_words_answers_how_much_with_its_cents(make_user, session: Session) -> None:
    user = make_user()
    asked, answered = await converse(
        user, "I should like to record what I paid at the chemist this morning.",
        "It was thirty-four dollars and twenty cents, for my husband's blood pressure tablets.",
    )
    assert not asked.tool_calls, asked.reply
    expense = expense_repo.get(session, user_id=user.id, expense_id=uuid.UUID(answered.tool_calls[0].result.data["id"]))
    assert (expense.amount, expense.category) == (Decimal("34.20"), "health")


async def test_same_again_records_the_purchase_once_more_on_the_day_said(make_user, session: Session) -> None:
    user = make_user()
    first, again = await converse(user, "laundromat $14", "same again but yesterday")
    assert again.tool_calls[0].name == "add_expense", again.reply
    repeat = expense_repo.get(session, user_id=user.id, expense_id=uuid.UUID(again.tool_calls[0].result.data["id"]))
    today = today_in(user.timezone)
    assert (repeat.amount, repeat.category, repeat.date) == (Decimal("14.00"), "utilities", today - dt.timedelta(days=1))
    (lone,) = await converse(make_user(), "same again but yesterday")
    assert not lone.tool_calls  # nothing was recorded before it: nothing to repeat


async def test_two_fill_ups_and_a_purchase_said_with_plus_are_each_recorded(make_user, session: Session) -> None:
    user = make_user()
    (fills,) = await converse(user, "2 fills today: 40L $92 at Balladonia and 35L $84.70 at Norseman")
    assert [(c.name, c.result.data["total_cost"]) for c in fills.tool_calls] == [("log_fuel", "92.00"), ("log_fuel", "84.70")]
    (mixed,) = await converse(user, "fuel 62L $131 + coffee $9")
    assert [c.name for c in mixed.tool_calls] == ["log_fuel", "add_expense"], mixed.reply


async def test_a_time_corrected_without_am_or_pm_keeps_the_entrys_half_of_the_day(make_user, session: Session) -> None:
    user = make_user()
    made, fixed = await converse(user, "shift tmrw 2:30p at Royal Hobart", "nah 3:30 not 2:30")
    assert fixed.tool_calls[0].name == "update_calendar_event", fixed.reply
    assert fixed.tool_calls[0].arguments["time"] == "15:30:00", fixed.tool_calls[0].arguments


async def test_undo_naming_one_purchase_takes_back_only_that_one(make_user, session: Session) -> None:
    user = make_user()
    made, undone = await converse(user, "fuel 55L $118 + pie $7", "undo the pie")
    assert [c.name for c in undone.tool_calls] == ["delete_expense"], undone.reply
    assert fuel_repo.get(session, user_id=user.id, fuel_id=uuid.UUID(made.tool_calls[0].result.data["id"])) is not None

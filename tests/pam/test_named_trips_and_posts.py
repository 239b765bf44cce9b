"""Trips and posts changed by naming them, and questions over records named by place or purchase: "delete the
Uluru trip", "on the Banff getaway, add Canmore between Calgary and Banff, and Lake Louise after Banff", "fix the
spelling in my Rotorua post", "how much a litre did we pay at Gundagai?", "how much did the caravan rego cost us?"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.models import User
from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import trips as trip_service
from wheels_wins.services import vehicle_log
from wheels_wins.services.money import today_in


def _trips(session: Session, user: User) -> dict[str, list[str]]:
    session.commit()
    return {t.title: [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=t.id)]
            for t in trip_repo.list_page(session, user_id=user.id)[0]}


def _plan(session: Session, user: User, title: str, *places: str) -> None:
    trip_service.plan_trip(session, user=user, places=list(places), title=title)
    session.commit()


async def test_a_trip_named_is_deleted_and_undo_brings_it_back_with_its_stops(make_user, session: Session) -> None:
    user = make_user()
    _plan(session, user, "Uluru someday", "Alice Springs", "Uluru")
    _plan(session, user, "Long weekend at Jervis Bay", "Sydney", "Huskisson")
    uluru = next(t for t in trip_repo.list_page(session, user_id=user.id)[0] if t.title == "Uluru someday")
    park = expense_repo.create(session, user_id=user.id, amount=Decimal("38"), category="entertainment",
                               date=today_in(user.timezone), description="Park pass", trip_id=uluru.id)
    session.commit()
    before = _trips(session, user)

    deleted, unknown = await converse(user, "delete the Uluru trip, we're not doing it this year", "scrap the kimberley trip")

    assert deleted.reply.startswith("Deleted the trip “Uluru someday”"), deleted.reply
    assert list(_trips(session, user)) == ["Long weekend at Jervis Bay"]
    assert "couldn't find a trip matching “kimberley”" in unknown.reply, unknown.reply
    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=deleted.conversation_id)
    assert undone.reply.startswith("Undone"), undone.reply
    assert _trips(session, user) == before
    session.refresh(park)
    assert park.trip_id == uluru.id  # the trip's expense is on it again


async def test_stops_go_where_they_are_said_to_on_the_trip_named(make_user, session: Session) -> None:
    user = make_user()
    _plan(session, user, "Banff getaway", "Calgary", "Banff")
    _plan(session, user, "Snowy Mountains long weekend", "Sydney", "Canberra", "Jindabyne")

    two, between = await converse(
        user, "on the Banff getaway, add Canmore between Calgary and Banff, and Lake Louise after Banff",
        "On the Snowy trip, add a stop at Goulburn between Sydney and Canberra",
    )

    assert [c.name for c in two.tool_calls] == ["add_trip_stop", "add_trip_stop"], two.reply
    assert two.reply.startswith("Added Canmore and Lake Louise: Calgary → Canmore → Banff → Lake Louise"), two.reply
    trips = _trips(session, user)
    assert trips["Banff getaway"] == ["Calgary", "Canmore", "Banff", "Lake Louise"], trips
    assert trips["Snowy Mountains long weekend"] == ["Sydney", "Goulburn", "Canberra", "Jindabyne"], trips
    assert between.tool_calls[0].result.ok, between.reply


async def test_a_post_is_edited_by_naming_it_and_undo_puts_the_words_back(make_user, session: Session) -> None:
    user = make_user()
    original = "Anyone got a recomendation for a dog-friendly holiday park near Rotorua?"
    post = post_repo.create(session, user_id=user.id, content=original)
    session.commit()

    fixed, missing = await converse(user, "fix the spelling in my Rotorua post: recomendation should be recommendation",
                                    "in my Rotorua post, change Taupo to Napier")

    assert fixed.reply.startswith("Updated your post"), fixed.reply
    session.commit()
    session.refresh(post)
    assert post.content == original.replace("recomendation", "recommendation")
    assert "doesn't say “Taupo”" in missing.reply, missing.reply
    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=fixed.conversation_id)
    assert undone.reply.startswith("Undone"), undone.reply
    session.commit()
    session.refresh(post)
    assert post.content == original


async def test_fuel_price_at_a_place_and_the_cost_of_a_purchase_named(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    vehicle_log.log_fuel(session, user=user, date=today - dt.timedelta(days=1), litres=Decimal(50),
                         total_cost=Decimal("98.50"), location="Ampol Gundagai")
    vehicle_log.log_fuel(session, user=user, date=today - dt.timedelta(days=3), litres=Decimal(40),
                         total_cost=Decimal("80.40"), location="BP Albury")
    expense_repo.create(session, user_id=user.id, amount=Decimal("356.40"), category="registration",
                        date=today - dt.timedelta(days=40), description="Caravan rego renewal")
    session.commit()

    price, rego = await converse(user, "How much a litre did we pay at Gundagai, in dollars?",
                                 "how much did the caravan rego cost us?")

    assert "at Gundagai" in price.reply and "$1.970/L" in price.reply and "80.40" not in price.reply, price.reply
    assert "$356.40" in rego.reply, rego.reply


async def test_money_that_came_in_is_corrected_when_no_expense_has_those_words(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    saturday = today - dt.timedelta(days=(today.weekday() - 5) % 7 or 7)
    income_repo.create(session, user_id=user.id, amount=Decimal("300"), source="market stall", date=saturday,
                       currency=user.currency)
    session.commit()

    (fixed,) = await converse(user, "the market stall money last Saturday was actually $340")

    assert fixed.tool_calls and fixed.tool_calls[0].result.ok, fixed.reply
    session.commit()
    rows, _ = income_repo.list_page(session, user_id=user.id)
    assert [(e.source, e.amount, e.date) for e in rows] == [("market stall", Decimal("340.00"), saturday)]


async def test_income_named_is_removed_from_the_income(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for amount, source in (("150", "Trade Me sale"), ("1200", "salary")):
        income_repo.create(session, user_id=user.id, amount=Decimal(amount), source=source, date=today,
                           currency=user.currency)
    session.commit()

    (removed,) = await converse(user, "remove the Trade Me sale from our income, the buyer pulled out")

    assert removed.tool_calls and removed.tool_calls[0].result.ok, removed.reply
    session.commit()
    rows, _ = income_repo.list_page(session, user_id=user.id)
    assert [e.source for e in rows] == ["salary"]


async def test_stops_of_a_named_trip_are_put_in_another_order(make_user, session: Session) -> None:
    user = make_user()
    _plan(session, user, "North Island loop", "Auckland", "Rotorua", "Taupo", "Napier", "Wellington")

    before, missing = await converse(
        user, "On the North Island loop, can we do Taupo before Rotorua? Just swap those two around, the rest stays the same.",
        "on the north island loop, can we do Gisborne before Napier?",
    )

    assert before.reply.startswith("Reordered"), before.reply
    assert _trips(session, user)["North Island loop"] == ["Auckland", "Taupo", "Rotorua", "Napier", "Wellington"]
    assert "Gisborne isn't a stop on North Island loop" in missing.reply, missing.reply


async def test_a_stop_taken_off_a_trip_that_is_not_there_names_the_trip_asked_for(make_user, session: Session) -> None:
    user = make_user()
    _plan(session, user, "Snowy trip", "Canberra", "Cooma", "Jindabyne")

    taken, unknown = await converse(user, "On the Snowy trip, take out Cooma", "On the Gibb River trip, take out Derby")

    assert taken.reply.startswith("Removed Cooma"), taken.reply
    assert _trips(session, user)["Snowy trip"] == ["Canberra", "Jindabyne"]
    assert "I couldn't find a trip matching" in unknown.reply and "Gibb River" in unknown.reply, unknown.reply


async def test_several_requests_in_one_message_are_each_carried_out(make_user, session: Session) -> None:
    user = make_user()

    (turn,) = await converse(user, "Pension's in — $1,802.40 — and we went straight to Aldi and spent $156.35. While you're "
                                   "at it, make the groceries budget $750 a month, Col reckons we keep blowing it.")

    assert [c.name for c in turn.tool_calls] == ["add_income", "add_expense", "set_budget"], turn.reply
    session.commit()
    income, _ = income_repo.list_page(session, user_id=user.id)
    spent = expense_repo.list_rows(session, user_id=user.id)
    assert [e.amount for e in income] == [Decimal("1802.40")]
    assert [(e.amount, e.merchant) for e in spent] == [(Decimal("156.35"), "Aldi")]
    assert "$750.00" in turn.reply, turn.reply


async def test_fill_ups_added_up_a_fill_ups_litres_corrected_and_spending_with_one_purchase_left_out(
    make_user, session: Session
) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for days, litres, cost, where in ((12, 60, "140.40", "Shell Mount Isa"), (5, "98.6", "231.61", "Shell Tennant Creek"),
                                      (1, "86.4", "164.50", "BP Katherine")):
        vehicle_log.log_fuel(session, user=user, date=today - dt.timedelta(days=days), litres=Decimal(litres),
                             total_cost=Decimal(cost), location=where)
    expense_repo.create(session, user_id=user.id, amount=Decimal("1284.50"), category="transport", date=today,
                        description="Spirit of Tasmania ferry", merchant="Spirit of Tasmania")
    session.commit()

    two, fixed, left_out = await converse(
        user, "What did our last two fill-ups cost all together?",
        "The Katherine fill-up in the fuel log says 86.4 litres — I swapped the digits, it was 68.4. The dollar amount is right.",
        "Leaving the Spirit of Tasmania fare out of it, what have we spent this month?",
    )

    assert "$396.11 all together" in two.reply, two.reply
    assert fixed.tool_calls and fixed.tool_calls[0].result.ok, fixed.reply
    session.commit()
    fills, _ = fuel_repo.list_page(session, user_id=user.id, limit=1)
    assert (fills[0].litres, fills[0].total_cost) == (Decimal("68.40"), Decimal("164.50"))
    spent_month = sum((e.amount for e in expense_repo.list_rows(session, user_id=user.id)
                       if e.date.month == today.month and e.date.year == today.year), Decimal(0))
    assert "leaving out Spirit of Tasmania ($1,284.50)" in left_out.reply, left_out.reply
    assert f"${spent_month - Decimal('1284.50'):,.2f} spent this month" in left_out.reply, left_out.reply


async def test_nothing_due_soon_still_says_which_job_comes_first(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    vehicle_log.log_maintenance(session, user=user, task="Oil and filter change", date=today - dt.timedelta(days=30),
                                odometer_km=150020, cost=Decimal("612.50"), next_due_km=160020)
    vehicle_log.log_maintenance(session, user=user, task="Wheel bearing repack", date=today - dt.timedelta(days=90),
                                odometer_km=142000, cost=Decimal("320.00"), next_due_km=152000)
    session.commit()

    (asked,) = await converse(user, "Which maintenance job comes due first, and at what odometer reading?")

    assert asked.reply.startswith("Nothing is due soon. Next up: Wheel bearing repack: next due at 152,000 km"), asked.reply


async def test_a_shop_asked_about_without_a_period_says_this_month_and_all_up(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for amount, days in (("32.10", 0), ("45.20", 45), ("31.15", 70)):
        expense_repo.create(session, user_id=user.id, amount=Decimal(amount), category="groceries",
                            date=today - dt.timedelta(days=days), description="Food shop", merchant="Tesco")
    expense_repo.create(session, user_id=user.id, amount=Decimal("40.00"), category="groceries", date=today,
                        description="Top-up", merchant="Asda")
    expense_repo.create(session, user_id=user.id, amount=Decimal("250.00"), category="insurance", date=today,
                        description="Policy renewal", merchant="Progressive")
    session.commit()

    shop, average, left_out = await converse(user, "How much have I spent at Tesco?", "What's my average grocery shop this month?",
                                             "What have I spent this month if you leave out the insurance payment?")

    assert shop.reply.startswith("$32.10 at Tesco this month (1 time); $108.45 all up (3 times)"), shop.reply
    assert "$72.10 on groceries this month (2 purchases, $36.05 on average)" in average.reply, average.reply
    assert "$72.10 spent this month leaving out insurance ($250.00)" in left_out.reply, left_out.reply


async def test_which_service_is_due_next_names_the_nearest_job(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for task, days, km, due in (("Oil change", 30, 84500, 94500), ("Tire rotation", 50, 82000, 92000),
                                ("Coolant flush", 200, 60000, 150000)):
        vehicle_log.log_maintenance(session, user=user, task=task, date=today - dt.timedelta(days=days), odometer_km=km,
                                    cost=Decimal("40"), next_due_km=due)
    session.commit()

    nearest, unknown = await converse(user, "Which service is due next?", "When is the transmission fluid due again?")

    assert "Tire rotation: next due at 92,000 km" in nearest.reply, nearest.reply
    assert "Nothing in your maintenance log says when “transmission” is next due" in unknown.reply, unknown.reply


async def test_a_route_told_then_planned_with_it_is_one_trip(make_user, session: Session) -> None:
    user = make_user()

    (planned,) = await converse(user, "I need to get from Christchurch to Dunedin next week. Plan it via Timaru and Oamaru, please.")

    assert [c.name for c in planned.tool_calls] == ["plan_trip"], planned.reply
    assert list(_trips(session, user).values()) == [["Christchurch", "Timaru", "Oamaru", "Dunedin"]]

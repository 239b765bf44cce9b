"""PAM's local engine on reports (categories side by side, all budgets together, the biggest purchases), on removing
one purchase of several just recorded, and on records dictated as one run-on line."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import pytest
from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.pam.local.intents import classify
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services.money import today_in

TODAY = dt.date(2026, 11, 18)


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("eating out vs groceries this month?", "spending_query", {"categories": ["dining", "groceries"]}),
        ("how much on fuel and camping this month?", "spending_query", {"categories": ["fuel", "camping"]}),
        ("what was my single biggest purchase this month", "list_expenses", {"largest_first": True, "limit": 1}),
        ("top 3 expenses last month", "list_expenses", {"largest_first": True, "limit": 3, "period": "last_month"}),
        ("biggest fuel bill this year?", "list_expenses", {"largest_first": True, "category": "fuel"}),
        ("remove the coffee one", "remove_expense", {"which": "coffee"}),
        ("delete the $25 one", "remove_expense", {"which": "$25"}),
        ("remove the last one", "undo", {}),
        ("Coober Pedy fuel stop 80L x $2.35", "log_fuel", {"litres": Decimal("80"), "total_cost": Decimal("188.00")}),
        ("filled up 55.8 litres came to 109.37 odo 88 512 km", "log_fuel", {"odometer_km": 88512}),
        (
            "log maintenance - new wiper blades fitted 45 dollars odo 71,020km",
            "log_maintenance",
            {"odometer_km": 71020},
        ),
        ("diff oil changed at 112k km cost 260", "log_maintenance", {"task": "Diff oil", "odometer_km": 112000}),
        ("replaced the anode in the hot water system today $38", "log_maintenance", {"task": "Anode replaced"}),
        (
            "add to maint log: cleaned the fridge flue yesterday no cost",
            "log_maintenance",
            {"task": "Fridge flue cleaned"},
        ),
        ("resealed the roof hatch today, diy so no cost, pop it in the maintenance log", "log_maintenance", {}),
        (
            "esperance up to kalgoorlie via norseman plan it",
            "plan_trip",
            {"places": ["Esperance", "Norseman", "Kalgoorlie"]},
        ),
        (
            "a fortnight from today remind me to rebook the campsite",
            "add_calendar",
            {"date": TODAY + dt.timedelta(days=14)},
        ),
        ("in 48 hrs remind me to ring the caravan park", "add_calendar", {"date": TODAY + dt.timedelta(days=2)}),
        ("where can i see all my budgets n spending", "navigate", {"to": "/wins"}),
    ],
)
def test_reports_follow_ups_and_run_on_records(text: str, name: str, want: dict[str, Any]) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name and {k: intent.slots.get(k) for k in want} == want, intent


def test_an_odometer_written_against_its_unit_is_not_thousands() -> None:
    assert classify("odo 71,020km, oil change $120", TODAY).slots["odometer_km"] == 71020


async def test_removing_one_of_the_purchases_just_recorded_keeps_the_other(make_user, session: Session) -> None:
    user = make_user()
    made, removed = await converse(
        user, "log 85 for groceries at foodworks and 30 for coffees", "remove the coffee one"
    )
    assert [c.name for c in made.tool_calls] == ["add_expense", "add_expense"]
    assert removed.tool_calls[0].name == "delete_expense" and removed.tool_calls[0].result.ok
    today = today_in(user.timezone)
    rows = expense_repo.list_rows(session, user_id=user.id, start=today, end=today)
    assert [(r.amount, r.category) for r in rows] == [(Decimal("85.00"), "groceries")]

    (nothing,) = await converse(user, "remove the parking one")  # none in the conversation, nor before it
    assert "couldn't find a parking expense" in nothing.reply and not nothing.tool_calls[0].result.ok, nothing.reply
    assert len(expense_repo.list_rows(session, user_id=user.id, start=today, end=today)) == 1


async def test_categories_side_by_side_all_budgets_together_and_the_biggest_purchase(make_user) -> None:
    user = make_user()
    await converse(
        user,
        "set my groceries budget to $600",
        "set my fuel budget to $400",
        "spent $240.10 on groceries, $88.45 on dinner and $612.40 on new tyres",
        "fuel $150.25",
    )
    (compared,) = await converse(user, "eating out vs groceries this month?")
    assert [c.name for c in compared.tool_calls] == ["spending_summary"]
    assert compared.reply == (
        "$328.55 on dining and groceries this month (dining $88.45, groceries $240.10): "
        "$151.65 more on groceries than dining."
    )

    (budgets,) = await converse(user, "how much have I got left across all my budgets")
    assert "In all: $390.35 of $1,000.00 spent, $609.65 left" in budgets.reply

    (biggest,) = await converse(user, "what was my single biggest purchase this month")
    assert biggest.reply.startswith("Biggest expense this month: $612.40")


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        (
            "So the van insurance came up for renewal and after ringing around for ages we ended up sticking with the "
            "same company, $1,340 for the year, can you put that down as an expense?",
            "add_expense",
            {"amount": Decimal("1340"), "category": "insurance"},
        ),
        (
            "Our neighbour has been renting the granny flat while we're on the road, and she transferred this month's "
            "rent yesterday, $1,400, can you add that to our income?",
            "add_income",
            {"amount": Decimal("1400"), "date": TODAY - dt.timedelta(days=1)},
        ),
        (
            "Now that we're paying by the week our camping costs have gone up, so could you bump the camping budget up "
            "by $250 a month?",
            "change_budget",
            {"category": "camping", "amount": Decimal("250"), "change": "raise"},
        ),
        ("spent $30 on lunch, please log it as dining", "add_expense", {"category": "dining", "description": "Lunch"}),
        ("spent $50 on fuel and put it on the card", "add_expense", {"description": "Fuel and put it on the card"}),
        ("groceries budget +80", "change_budget", {"category": "groceries", "change": "raise"}),
        ("shopping budget - 150 a month thx", "set_budget", {"category": "shopping", "amount": Decimal("150")}),
        ("ebay sale 75 bucks, old tent", "add_income", {"amount": Decimal("75")}),
        (
            "how much in wages the last 2 wks",
            "income_query",
            {"source": "wage", "start": TODAY - dt.timedelta(days=13)},
        ),
        ("what's the average price per litre I've paid for fuel this month?", "fuel_query", {"period": "this_month"}),
        ("oil change reminder in 3 wks", "add_calendar", {"date": TODAY + dt.timedelta(days=21)}),
        ("sorry, lunch was actually $14", "correction", {"amount": Decimal("14.00")}),
        (
            "Hang on, my husband just reminded me he knocked $30 off because the paddle was cracked, so make it $250.",
            "correction",
            {"amount": Decimal("250.00")},
        ),
    ],
)
def test_long_chatty_and_terse_requests(text: str, name: str, want: dict[str, Any]) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name and {k: intent.slots.get(k) for k in want} == want, intent


async def test_a_story_that_only_sounds_like_a_correction_is_recorded(make_user, session: Session) -> None:
    user = make_user()
    (turn,) = await converse(
        user,
        "It was Dad's birthday so we took him out for a steak dinner at the pub on Saturday night, it was $156 all up "
        "and worth every cent, please log it.",
    )
    assert turn.tool_calls[0].name == "add_expense"
    expense = expense_repo.get(session, user_id=user.id, expense_id=uuid.UUID(turn.tool_calls[0].result.data["id"]))
    assert (expense.amount, expense.category, expense.date.weekday()) == (Decimal("156.00"), "dining", 5)


async def test_a_correction_that_names_its_purchase_changes_that_one(make_user, session: Session) -> None:
    user = make_user()
    made, corrected = await converse(user, "spent $41 on lunch and $9 on parking", "sorry, lunch was actually $14")
    lunch_id = uuid.UUID(made.tool_calls[0].result.data["id"])
    assert corrected.tool_calls[0].arguments["expense_id"] == str(lunch_id)
    today = today_in(user.timezone)
    rows = expense_repo.list_rows(session, user_id=user.id, start=today, end=today)
    assert sorted((r.amount, r.category) for r in rows) == [
        (Decimal("9.00"), "transport"),
        (Decimal("14.00"), "dining"),
    ]


async def test_the_average_price_per_litre_of_the_fill_ups(make_user) -> None:
    user = make_user()
    await converse(user, "filled up 60 litres for $120.60", "filled up 60 litres for $127.80")
    (asked,) = await converse(user, "what's the average price per litre I've paid for fuel this month?")
    assert "an average of $2.070/L" in asked.reply


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("Actually, let's carry on to Kalbarri as well.", "add_trip_stop", {"place": "Kalbarri", "at_end": True}),
        ("extend the trip to Exmouth", "add_trip_stop", {"place": "Exmouth", "at_end": True}),
        ("go to the wins page", "navigate", {"to": "/wins"}),
        ("actually delete the lunch, my friend paid for it", "remove_expense", {"which": "lunch"}),
        (
            "We've booked a farm stay near Mudgee and the owner asked us to confirm by phone a few days beforehand, so "
            "could you put a reminder in for Sunday to confirm the farm stay?",
            "add_calendar",
            {"title": "Confirm the farm stay"},
        ),
        (
            "Someone in the community replied to my question about the Gibb River Road and I'd like to read the whole "
            "thread properly, can you take me to the community page?",
            "navigate",
            {"to": "/social"},
        ),
        (
            "We've spent a lovely week in Alice Springs catching up with old friends, and now we'd like to head out to "
            "Uluru for a few nights, could you plan that drive for us?",
            "plan_trip",
            {"places": ["Alice Springs", "Uluru"]},
        ),
        (
            "We pulled into the roadhouse at Fitzroy Crossing after a long hot drive, 74 litres came to $186.48, can "
            "you log that fill-up?",
            "log_fuel",
            {"litres": Decimal("74"), "total_cost": Decimal("186.48")},
        ),
        (
            "The squeak in the door turned out to be dry hinges, so I lubed them all up this morning, no cost of "
            "course, but please add it to the maintenance log so I remember when I did it.",
            "log_maintenance",
            {"cost": None},
        ),
        (
            "Add to the maintenance log: solar panels cleaned and checked today.",
            "log_maintenance",
            {"task": "Solar panels cleaned"},
        ),
    ],
)
def test_the_request_a_long_message_ends_with(text: str, name: str, want: dict[str, Any]) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name and {k: intent.slots.get(k) for k in want} == want, intent


def test_a_story_shared_to_the_feed_keeps_what_it_is_about() -> None:
    intent = classify(
        "We had such a magical evening watching the sunset over the Bungle Bungles that I want to share it with "
        "everyone, could you post something on the community feed saying it's absolutely worth the corrugated drive in?",
        TODAY,
    )
    assert intent.name == "create_post"
    assert intent.slots["content"] == (
        "We had such a magical evening watching the sunset over the Bungle Bungles — it's absolutely worth the "
        "corrugated drive in"
    )


async def test_carrying_on_adds_a_last_stop_and_deleting_an_earlier_purchase_by_name(
    make_user, session: Session
) -> None:
    user = make_user()
    planned, onward = await converse(
        user, "Plan a trip from Perth to Geraldton.", "Actually, let's carry on to Kalbarri as well."
    )
    assert onward.tool_calls[0].name == "add_trip_stop" and onward.tool_calls[0].result.ok
    assert [w["name"] for w in onward.tool_calls[0].result.data["waypoints"]] == ["Perth", "Geraldton", "Kalbarri"]

    lunch, parking, removed = await converse(
        user, "spent $22 on lunch at a cafe", "and $16 for parking", "actually delete the lunch, my friend paid for it"
    )
    assert removed.tool_calls[0].name == "delete_expense"
    assert removed.tool_calls[0].arguments["expense_id"] == lunch.tool_calls[0].result.data["id"]


async def test_an_amount_alone_asks_what_it_was_for_and_the_answer_files_it(make_user, session: Session) -> None:
    user = make_user()
    asked, answered = await converse(user, "log 60 bucks", "groceries at aldi")
    assert not asked.tool_calls and asked.reply == "What was the $60.00 for?"
    assert answered.tool_calls[0].name == "add_expense"
    expense = expense_repo.get(session, user_id=user.id, expense_id=uuid.UUID(answered.tool_calls[0].result.data["id"]))
    assert (expense.amount, expense.category, expense.merchant) == (Decimal("60.00"), "groceries", "Aldi")


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("Medicine in the Pharmacy 24,50", "add_expense", {"amount": Decimal("24.50"), "category": "health"}),
        ("Telephone bill. 49 Dollar", "add_expense", {"category": "utilities"}),
        (
            "Tank full again. 57,3 litre for 112,50",
            "log_fuel",
            {"litres": Decimal("57.3"), "total_cost": Decimal("112.50")},
        ),
        ("I fill the tank, 48 litres. one litre is 1.90 dollar", "log_fuel", {"total_cost": Decimal("91.20")}),
        ("Diesel today 71 Litre, price 142.71 Dollar, Kilometer 98 450", "log_fuel", {"odometer_km": 98450}),
        ("Oil change I make today at 102 000 km. cost 145 dollar", "log_maintenance", {"odometer_km": 102000}),
        ("Service of the Motorhome at 60.000 km, 480 Dollars", "log_maintenance", {"odometer_km": 60000}),
        ("Camping budget is too small. Put 100 more", "change_budget", {"change": "raise", "amount": Decimal("100")}),
        ("entertainment budget take away 50 please", "change_budget", {"change": "lower", "amount": Decimal("50")}),
        ("yesterday I sell my old Bicycle for 150 dollar", "add_income", {"amount": Decimal("150")}),
        ("Over the last 30 days how much pension have I received?", "income_query", {"source": "pension"}),
        (
            "How much have I spent on entertainment and eating out combined this month?",
            "spending_query",
            {"categories": ["entertainment", "dining"]},
        ),
        (
            "Remember me the 14th of February is anniversary of our marriage",
            "add_calendar",
            {"title": "Anniversary of our marriage"},
        ),
        ("On 20/1 is the Gas Check for the caravan, remind me", "add_calendar", {"title": "Gas Check for the caravan"}),
        (
            "Write to the community that the free camp at Lake Keepit is very nice and clean",
            "create_post",
            {"content": "The free camp at Lake Keepit is very nice and clean"},
        ),
        ("Where I can see my money?", "navigate", {"to": "/wins"}),
        ("I want see my Profile please", "navigate", {"to": "/you"}),
        ("Please open the page of my Motorhome", "navigate", {"to": "/wheels"}),
        ("Show me what other travellers are write", "navigate", {"to": "/social"}),
        ("I need to log a fill-up from this morning.", "log_fuel", {}),
        ("No no. not yesterday. Today", "correction", {"date": TODAY}),
        ("Sorry the litres was 68, not 58", "correction", {"litres": Decimal("68.00"), "amount": None}),
        ("stay 2 more nights at Dubbo", "unknown", {}),
    ],
)
def test_plain_and_second_language_english(text: str, name: str, want: dict[str, Any]) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name and {k: intent.slots.get(k) for k in want} == want, intent


def test_a_days_purchases_in_shorthand() -> None:
    from wheels_wins.pam.local.spending_list import spending_items

    items = spending_items("yday: diesel 120, lunch 24.50, powered site 42", TODAY)
    yesterday = TODAY - dt.timedelta(days=1)
    assert items is not None
    assert [(i.slots["amount"], i.slots["category"], i.slots["date"]) for i in items] == [
        (Decimal("120.00"), "fuel", yesterday),
        (Decimal("24.50"), "dining", yesterday),
        (Decimal("42.00"), "camping", yesterday),
    ]
    assert classify("we are on site 42", TODAY).name == "unknown"  # a site number, not a fee
    assert classify("maint log: 2 new tyres on the van 460 yday", TODAY).slots["cost"] == Decimal("460.00")


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("P&O crossing Dover to Calais for us and the motorhome, £189", "add_expense", {"category": "transport"}),
        ("Péage on the A26 today came to €41.30", "add_expense", {"category": "transport"}),
        ("Urgent care copay for Jake's ear infection was $75", "add_expense", {"category": "health"}),
        ("€18 for the night at the aire in Honfleur", "add_expense", {"category": "camping"}),
        ("Carrefour shop in Reims, €87.46", "add_expense", {"category": "groceries", "merchant": "Carrefour"}),
        ("Renewed the RV tags at the DMV, $187", "add_expense", {"category": "registration"}),
        ("Habitation check done on the motorhome yesterday, £199", "log_maintenance", {"task": "Habitation check"}),
        ("Social Security deposit hit today, $1,874", "add_income", {"source": "Social Security"}),
        ("Our lodger paid £550 rent yesterday", "add_income", {"amount": Decimal("550")}),
        ("Amazon CamperForce paycheck came in, $1,236.48", "add_income", {"amount": Decimal("1236.48")}),
        ("Filled up at Morrisons, 50 litres at 143.9p a litre", "log_fuel", {"total_cost": Decimal("71.95")}),
        ("What did I pay per litre at my last fill-up?", "fuel_query", {"latest": True}),
        (
            "what's the most I've paid for a campsite this month?",
            "list_expenses",
            {"largest_first": True, "category": "camping"},
        ),
        ("take the laundromat one off, that was my sister's", "remove_expense", {"which": "laundromat"}),
        ("show me the maintenance records for the RV", "navigate", {"to": "/wheels"}),
    ],
)
def test_british_european_and_american_travel(text: str, name: str, want: dict[str, Any]) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name and {k: intent.slots.get(k) for k in want} == want, intent


async def test_the_last_fill_up_and_its_price(make_user) -> None:
    user = make_user()
    await converse(user, "filled up 40 litres for $80", "filled up 50 litres for $102.50")
    (asked,) = await converse(user, "What did I pay per litre at my last fill-up?")
    assert asked.reply.startswith("Your last fill-up (") and "50 L for $102.50, $2.050/L" in asked.reply


async def test_the_last_fill_up_says_where_it_was(make_user) -> None:
    user = make_user()
    await converse(user, "filled up 40 litres for $80", "62 litres for $119.40 at Ceduna")
    (asked,) = await converse(user, "what did my last fill-up cost and where was it?")
    assert "62 L for $119.40" in asked.reply and "Ceduna" in asked.reply, asked.reply
    _, again = await converse(user, "filled up 55 litres for $110 at 98,765 km", "what did my last fill-up cost?")
    assert "odometer at 98,765 km" in again.reply, again.reply


async def test_the_distance_between_the_last_two_fill_ups(make_user) -> None:
    user = make_user()
    await converse(user, "filled up 70 litres for $140 at 94,000 km", "filled up 60 litres for $126 at 94,750 km")
    (asked,) = await converse(user, "how many km did i do between my last 2 fill ups")
    assert "750 km since the fill before" in asked.reply and "8.0 L/100 km" in asked.reply, asked.reply


async def test_the_last_oil_change_gives_its_date_odometer_and_cost(make_user) -> None:
    user = make_user()
    await converse(
        user, "oil change at 110,200 km, $95", "rotated the tyres at 115,000 km", "oil and filter change at 120,500 km, $102"
    )
    (asked,) = await converse(user, "what was the odometer at my last oil change?")
    today = today_in(user.timezone)
    assert asked.reply.startswith(f"Last time: Oil change on {today:%-d %b %Y} at 120,500 km ($102.00)"), asked.reply
    assert "110,200 km" in asked.reply and "115,000" not in asked.reply, asked.reply  # older oil changes, no tyres
    (nothing,) = await converse(user, "when did I last replace the battery?")
    assert nothing.reply == "Nothing logged for “battery” yet.", nothing.reply


@pytest.mark.parametrize(
    ("text", "name", "want"),
    [
        ("fuel budget, let's call it 520 a month", "set_budget", {"category": "fuel", "amount": Decimal("520")}),
        (
            "groceries budget's too tight, chuck another 60 on it",
            "change_budget",
            {"change": "raise", "amount": Decimal("60")},
        ),
        ("set us a $200 a month limit for eating out", "set_budget", {"category": "dining", "amount": Decimal("200")}),
        ("trim the shopping budget by a quarter", "change_budget", {"change": "lower", "percent": Decimal("25")}),
        ("are we over on groceries?", "budget_status", {"category": "groceries"}),
        ("what's left for fun this month", "budget_status", {"category": "entertainment"}),
        ("did the pension come in this month? how much was it", "income_query", {"source": "pension"}),
        ("what's the Coles tally for the month so far?", "spending_query", {"merchant": "Coles"}),
        (
            "rego plus insurance, what has that come to this month?",
            "spending_query",
            {"categories": ["registration", "insurance"]},
        ),
        ("what did the odometer read when we last filled up?", "fuel_query", {"latest": True}),
        ("dearest diesel per litre so far this month?", "fuel_query", {"period": "this_month"}),
        ("what's the doctor and chemist cost us over the last 3 months?", "spending_query", {"category": "health"}),
        ("what's the best free camp near Dubbo?", "unknown", {}),
        (
            "the caretaking gig at Lake Argyle paid out $1,350 for the fortnight",
            "add_income",
            {"amount": Decimal("1350")},
        ),
        ("flogged the old esky to a bloke at the campground, 60 bucks", "add_income", {"amount": Decimal("60")}),
        ("term deposit interest of $143.22 landed today", "add_income", {"amount": Decimal("143.22")}),
        (
            "changed the water filter under the sink myself today, cost nothing, log it as maintenance",
            "log_maintenance",
            {"task": "Changed the water filter under the sink"},
        ),
        (
            "chuck this on the community page: the tap at Mt Dare is drinkable again",
            "create_post",
            {"content": "The tap at Mt Dare is drinkable again"},
        ),
        ("the servo one was $80", "correction", {"amount": Decimal("80.00")}),
        ("take off the bottle-o one, that was my mate's shout", "remove_expense", {"which": "bottle-o"}),
        (
            "actually skip Mission Beach, just go straight up the highway",
            "remove_trip_stop",
            {"place": "Mission Beach"},
        ),
        ("pub feed at Daly Waters last night, $58 for the two of us", "add_expense", {"category": "dining"}),
        (
            "croc cruise on the Adelaide River three days back, $70 for us both",
            "add_expense",
            {"category": "entertainment"},
        ),
        ("spent $40, log it as groceries", "add_expense", {"category": "groceries"}),
    ],
)
def test_grey_nomad_and_vanlife_shorthand(text: str, name: str, want: dict[str, Any]) -> None:
    intent = classify(text, TODAY)
    assert intent.name == name and {k: intent.slots.get(k) for k in want} == want, intent


async def test_the_first_of_several_purchases_is_corrected_by_its_place_in_the_list(
    make_user, session: Session
) -> None:
    user = make_user()
    made, corrected = await converse(user, "brekkie 22 and a 9 dollar coffee for the road", "no the first one was 24")
    assert corrected.tool_calls[0].arguments["expense_id"] == made.tool_calls[0].result.data["id"]
    today = today_in(user.timezone)
    rows = expense_repo.list_rows(session, user_id=user.id, start=today, end=today)
    assert sorted(r.amount for r in rows) == [Decimal("9.00"), Decimal("24.00")]

"""Several requests of different kinds in one message are each read; one request told over sentences stays one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.pam.context import now_utc
from wheels_wins.pam.local.several_requests import several_requests
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services.money import today_in

TODAY = dt.date(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pension's in — $1,802.40 — and we went straight to Aldi and spent $156.35. While you're at it, make the "
         "groceries budget $750 a month, Col reckons we keep blowing it.", ["add_income", "add_expense", "set_budget"]),
        ("Fish and chips at the Streaky Bay pub tonight, $62.40 — worth every cent. Oh, and remind us the day after "
         "tomorrow to get the gas bottle refilled.", ["add_expense", "add_calendar"]),
        # a question after the request is answered once the record is made
        ("Paid $38.20 for the camping-car park at Saumur this morning. And while you're at it, what's our camping spend for "
         "the month now?", ["add_expense", "spending_query"]),
        ("market takings $530, stall fee was $45", ["add_income", "add_expense"]),  # each piece with its own amount
        ("fuel 62L $131 + coffee $9", ["log_fuel", "add_expense"]),
        ("2 fills today: 40L $92 at Balladonia and 35L $84.70 at Norseman", ["log_fuel", "log_fuel"]),
    ],
)
def test_requests_of_different_kinds_are_each_read(text: str, names: list[str]) -> None:
    found = several_requests(text, TODAY)
    assert found is not None and [i.name for i in found] == names


def test_a_place_said_as_there_is_where_they_are_going_or_staying() -> None:
    _, reminder = several_requests("Paid $40 for the caravan park in Dubbo. Remind me to get there early tomorrow.", TODAY) or []
    _, arrival = several_requests("Just paid a $65 deposit for the campsite near Windsor. Could you log that, and also put our "
                                  "arrival there in the calendar for a week from today?", TODAY) or []
    assert (reminder.slots["title"], arrival.slots["title"]) == ("Get to Dubbo early", "Arrival at Windsor")


@pytest.mark.parametrize(
    "text",
    [
        "I spent $40 at Coles. It was for groceries.",
        "Log $50 fuel. Diesel at the BP, $50.",
        "Filled up 60L at Shell. $120.",
        "New brake pads fitted at Canadian Tire today at 118,300 km, $412.60. They want to check them again at 138,300 km.",
        "spent 40 at aldi and 25 on coffees",
        "did the oil change myself, oil + filter $96, odo 121,040",
        "The front brake pads in the maintenance log should be $420, not $240. I typed it backwards.",
        "add $50 fuel",
        "Our pension is $1,800 a fortnight. Set the groceries budget to $600",
        "Last month groceries were $680. Make the groceries budget $700",
        "The garage in Rouen changed the oil and filter yesterday at 46,200 km. It cost $265.80. Pop it in the maintenance log.",
        "I need to get from Christchurch to Dunedin next week. Plan it via Timaru and Oamaru, please.",
    ],
)
def test_one_request_is_left_to_the_whole_message(text: str) -> None:
    assert several_requests(text, TODAY) is None


async def test_a_request_after_while_youre_at_it_and_a_place_said_as_there(make_user, session: Session) -> None:
    user = make_user()

    (budget_and_ferry,) = await converse(
        user, "Set our transport budget to $600 a month, and while you're at it add the $96.40 for the Wightlink ferry "
        "this morning.")
    (deposit_and_arrival,) = await converse(
        user, "Just paid a $65 deposit for the campsite near Windsor. Could you log that, and also put our arrival there "
        "in the calendar for a week from today?")

    assert [c.name for c in budget_and_ferry.tool_calls] == ["set_budget", "add_expense"], budget_and_ferry.reply
    assert [c.name for c in deposit_and_arrival.tool_calls] == ["add_expense", "add_calendar_event"], deposit_and_arrival.reply
    assert deposit_and_arrival.tool_calls[1].arguments["title"] == "Arrival at Windsor"
    amounts = sorted(e.amount for e in expense_repo.list_rows(session, user_id=user.id))
    assert amounts == [Decimal("65.00"), Decimal("96.40")]


async def test_answers_to_a_question_just_asked_go_with_it(make_user, session: Session) -> None:
    user = make_user()
    budget_repo.upsert(session, user_id=user.id, category="dining", amount=Decimal("200"))
    session.commit()
    today = today_in(user.timezone)

    _, bumped = await converse(user, "What's left in my dining budget?", "Bump the budget up to $250.")
    _, timed = await converse(user, "Put the van service in my calendar.", "It's in ten days, at 8am.")

    assert bumped.tool_calls[0].arguments["category"] == "dining", bumped.reply
    assert budget_repo.get(session, user_id=user.id, category="dining").amount == Decimal("250.00")
    assert timed.tool_calls[0].arguments["date"] == (today + dt.timedelta(days=10)).isoformat(), timed.tool_calls
    assert timed.tool_calls[0].arguments["time"].startswith("08:00"), timed.tool_calls
    session.expire_all()
    events, _ = calendar_repo.list_page(session, user_id=user.id)
    assert [(e.title, e.start.hour) for e in events] == [("Van service", 8)]


async def test_the_one_named_after_the_calendar_is_shown_is_an_entry(make_user, session: Session) -> None:
    user = make_user()
    tomorrow = now_utc() + dt.timedelta(days=1)
    calendar_repo.create(session, user_id=user.id, title="Dentist - Dr Patel", start=tomorrow, kind="event")
    calendar_repo.create(session, user_id=user.id, title="Client call - Kite Studio", start=tomorrow, kind="event")
    session.commit()

    _, cancelled = await converse(user, "What's on my calendar tomorrow?", "Cancel the dentist one.")

    assert [c.name for c in cancelled.tool_calls] == ["cancel_calendar_event"], cancelled.reply
    session.expire_all()
    events, _ = calendar_repo.list_page(session, user_id=user.id)
    assert [e.title for e in events] == ["Client call - Kite Studio"]


async def test_two_months_compared_get_a_total_each(make_user, session: Session) -> None:
    user = make_user()
    for day, amount in ((dt.date(2025, 3, 10), "105.00"), (dt.date(2025, 3, 20), "210.05"), (dt.date(2025, 4, 12), "221.25")):
        expense_repo.create(session, user_id=user.id, amount=Decimal(amount), category="fuel", date=day, description="Diesel")
    session.commit()

    (compared,) = await converse(user, "For my records: how did my fuel spending in March 2025 compare with April 2025?")

    assert "$315.05 on fuel between 1 Mar and 31 Mar 2025" in compared.reply, compared.reply
    assert "$221.25 on fuel between 1 Apr and 30 Apr 2025" in compared.reply, compared.reply

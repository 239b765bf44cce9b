"""Several requests of different kinds in one message are each read; one request told over sentences stays one."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.pam.local.several_requests import several_requests
from wheels_wins.repositories import expenses as expense_repo

TODAY = dt.date(2026, 3, 11)


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("Pension's in — $1,802.40 — and we went straight to Aldi and spent $156.35. While you're at it, make the "
         "groceries budget $750 a month, Col reckons we keep blowing it.", ["add_income", "add_expense", "set_budget"]),
        ("Fish and chips at the Streaky Bay pub tonight, $62.40 — worth every cent. Oh, and remind us the day after "
         "tomorrow to get the gas bottle refilled.", ["add_expense", "add_calendar"]),
    ],
)
def test_requests_of_different_kinds_are_each_read(text: str, names: list[str]) -> None:
    found = several_requests(text, TODAY)
    assert found is not None and [i.name for i in found] == names


@pytest.mark.parametrize(
    "text",
    [
        "I spent $40 at Coles. It was for groceries.",
        "Log $50 fuel. Diesel at the BP, $50.",
        "Filled up 60L at Shell. $120.",
        "New brake pads fitted at Canadian Tire today at 118,300 km, $412.60. They want to check them again at 138,300 km.",
        "spent 40 at aldi and 25 on coffees",
        "add $50 fuel",
        "Our pension is $1,800 a fortnight. Set the groceries budget to $600",
        "Last month groceries were $680. Make the groceries budget $700",
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

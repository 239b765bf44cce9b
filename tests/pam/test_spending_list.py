"""Several purchases in one message become one expense each, and spending on a trip under way goes on it, through
PAM's local engine."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.pam.local.spending_list import spending_items
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services.money import today_in

TODAY = dt.date(2026, 11, 18)
YESTERDAY = TODAY - dt.timedelta(days=1)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("spent 40 at aldi and 25 on coffees this morning", [("40", "groceries", TODAY), ("25", "dining", TODAY)]),
        ("spent $30 on lunch and $20 on fuel", [("30", "dining", TODAY), ("20", "fuel", TODAY)]),
        ("groceries $40, coffee and cake $25", [("40", "groceries", TODAY), ("25", "dining", TODAY)]),
        ("IGA Esperance $64.15 + servo pie $6.50", [("64.15", "groceries", TODAY), ("6.50", "dining", TODAY)]),
        (
            "$40 on bread and milk, $25 on coffee yesterday",
            [("40", "groceries", YESTERDAY), ("25", "dining", YESTERDAY)],
        ),
        ("lunch $20 yesterday and fuel $60 today", [("20", "dining", YESTERDAY), ("60", "fuel", TODAY)]),
        (
            "ok so today i spent 60 on groceries at foodland 15 on parking and 22 on lunch",
            [("60", "groceries", TODAY), ("15", "transport", TODAY), ("22", "dining", TODAY)],
        ),
        (
            "I spent $80 at the mechanic, $12 on a pie and $9 on coffee",
            [("80", "maintenance", TODAY), ("12", "dining", TODAY), ("9", "dining", TODAY)],
        ),
    ],
)
def test_a_list_of_purchases_is_an_expense_each(text: str, want: list[tuple[str, str, dt.date]]) -> None:
    items = spending_items(text, TODAY)
    assert items is not None
    assert [(i.slots["amount"], i.slots["category"], i.slots["date"]) for i in items] == [
        (Decimal(a), c, d) for a, c, d in want
    ]


@pytest.mark.parametrize(
    "text",
    [
        "spent $45 on groceries at Woolworths",
        "paid $50 and got $10 change",
        "$19 each, two of us",
        "filled up 62 litres for $118",
        "dinner was $80, $40 each",
        "$65 total: $40 at aldi and $25 on coffee",
        "paid $120 for the site, not $100",
        # the same amount said again to say which figure to keep
        "We paid $22.80 for the aire in Honfleur. (It was €13.80 at the machine, but use the $22.80.) Pop that in please.",
        "Service point at the Super U: €4 at the machine, $6.60 in our money, so log $6.60 please.",
    ],
)
def test_one_purchase_or_related_amounts_stay_whole(text: str) -> None:
    assert spending_items(text, TODAY) is None


async def test_two_purchases_in_one_message_are_two_expenses_and_undo_takes_back_both(
    make_user, session: Session
) -> None:
    user = make_user()
    made, undone = await converse(user, "spent 40 at aldi and 25 on coffees this morning", "undo that")
    assert [c.name for c in made.tool_calls] == ["add_expense", "add_expense"]
    assert "40.00" in made.reply and "25.00" in made.reply
    today = today_in(user.timezone)
    assert expense_repo.list_rows(session, user_id=user.id, start=today, end=today) == []  # one request, one undo
    assert undone.tool_calls[0].result.ok and undone.reply.count("Removed") == 2, undone.reply
    (again,) = await converse(user, "undo that")
    assert not again.tool_calls[0].result.ok  # nothing of that reply is left to undo


async def test_purchases_on_a_trip_under_way_name_the_trip_once(make_user, session: Session) -> None:
    user = make_user()
    trip_repo.create(session, user_id=user.id, title="Southern loop", status="active")
    session.commit()
    (made,) = await converse(user, "spent 40 at aldi and 25 on coffees this morning")
    assert made.reply.count("Southern loop") == 1 and made.reply.endswith("all on your trip “Southern loop”."), made.reply
    assert all("Southern loop" in c.result.summary for c in made.tool_calls)  # each chip still says where it went



async def test_a_fill_up_and_paid_work_on_a_trip_under_way_go_on_that_trip(make_user, session: Session) -> None:
    user = make_user()
    trip = trip_repo.create(session, user_id=user.id, title="Southern loop", status="active")
    session.commit()
    fuel, serviced, unpaid = await converse(
        user, "filled up 60 litres for $118.80", "had the brakes done at 88,000 km for $420", "checked the tyre pressures"
    )
    assert fuel.reply.endswith("on your trip “Southern loop”."), fuel.reply
    assert serviced.reply.endswith("on your trip “Southern loop”."), serviced.reply
    assert "Southern loop" not in unpaid.reply, unpaid.reply  # no money, nothing on the trip
    on_trip = expense_repo.list_rows(session, user_id=user.id, trip_id=trip.id)
    assert sorted((e.source, e.amount) for e in on_trip) == [("fuel", Decimal("118.80")), ("maintenance", Decimal("420.00"))]

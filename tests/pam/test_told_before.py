"""What a message told, used by the next one: "we just drove off the Interislander in Picton" then "log $389 for it"
logs the ferry; a message that only tells of something payable gets an offer to log it, not "I'm not sure"."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.repositories import expenses as expense_repo


async def test_an_amount_for_it_logs_what_the_message_before_told_of(make_user, session: Session) -> None:
    user = make_user()

    told, logged, zoo, cost = await converse(
        user, "we just drove off the interislander in picton", "log three hundred and eighty nine dollars for it",
        "took the kids to the zoo", "that cost us 96 dollars",
    )

    assert "put it under transport" in told.reply and not told.tool_calls, told.reply
    assert "put it under entertainment" in zoo.reply and not zoo.tool_calls, zoo.reply
    assert logged.reply.startswith("Logged $389.00"), logged.reply
    assert cost.reply.startswith("Logged $96.00"), cost.reply
    rows = sorted(expense_repo.list_rows(session, user_id=user.id), key=lambda e: e.amount)
    assert [(e.amount, e.category) for e in rows] == [(Decimal("96.00"), "entertainment"), (Decimal("389.00"), "transport")]
    assert "interislander" in rows[1].description.lower() and "zoo" in rows[0].description.lower()


async def test_an_amount_for_it_with_nothing_told_before_still_asks_what_it_was(make_user, session: Session) -> None:
    user = make_user()

    (asked,) = await converse(user, "log 60 dollars for it")
    chat, again = await converse(user, "the kids loved the beach today", "log 60 dollars for it")
    news, prices = await converse(user, "My husband is in hospital", "the fuel prices here are ridiculous")

    assert asked.reply == "What was the $60.00 for?" and again.reply == "What was the $60.00 for?", (asked.reply, again.reply)
    assert "I'm not sure what you'd like me to do" in chat.reply, chat.reply
    assert "cost you something" not in news.reply + prices.reply, (news.reply, prices.reply)  # no offer to log bad news
    assert expense_repo.list_rows(session, user_id=user.id) == []

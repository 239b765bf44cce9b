"""Requests that leave something out get a question, and the answer completes them: "delete that expense" (which?),
"increase my fuel budget" (by how much? "by 25%"), "how much on groceries this month" then "and on eating out?"."""

from __future__ import annotations

from decimal import Decimal

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.models import User
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services.money import today_in


def _spent(session: Session, user: User, *rows: tuple[str, str, str]) -> None:
    user_id, today = user.id, today_in(user.timezone)
    for amount, category, description in rows:
        expense_repo.create(session, user_id=user_id, amount=Decimal(amount), category=category,
                            date=today.replace(day=1) if today.day > 1 else today, description=description, merchant="")
    session.commit()


async def test_delete_that_expense_with_nothing_done_yet_asks_which_and_the_answer_deletes_it(
    make_user, session: Session
) -> None:
    user = make_user()
    _spent(session, user, ("12", "other", "laundromat"), ("45", "groceries", "weekly shop"))

    asked, deleted = await converse(user, "delete that expense", "the laundromat one")

    assert asked.reply == "Which expense should I delete? Say what it was for, or its amount.", asked.reply
    assert not asked.tool_calls
    assert deleted.tool_calls and deleted.tool_calls[0].result.ok, deleted.reply
    session.commit()
    assert [e.description for e in expense_repo.list_rows(session, user_id=user.id)] == ["weekly shop"]


async def test_a_budget_change_without_its_size_asks_and_takes_a_percentage(make_user, session: Session) -> None:
    user = make_user()
    budget_repo.upsert(session, user_id=user.id, category="fuel", amount=Decimal("480"))
    session.commit()

    asked, changed = await converse(user, "increase my fuel budget", "by 25%")

    assert asked.reply.startswith("By how much?"), asked.reply
    assert changed.tool_calls and changed.tool_calls[0].result.ok, changed.reply
    session.commit()
    assert budget_repo.get(session, user_id=user.id, category="fuel").amount == Decimal("600.00")


async def test_and_on_another_category_asks_the_same_question_of_it(make_user, session: Session) -> None:
    user = make_user()
    _spent(session, user, ("40.25", "groceries", "shop"), ("54.75", "dining", "pub"))

    groceries, dining = await converse(user, "how much on groceries this month", "and on eating out?")

    assert "$40.25" in groceries.reply, groceries.reply
    assert "$54.75" in dining.reply and "dining" in dining.reply, dining.reply


async def test_a_budget_is_set_to_what_was_spent_this_month(make_user, session: Session) -> None:
    user = make_user()
    _spent(session, user, ("200", "dining", "pub"), ("41.85", "dining", "cafe"), ("90", "fuel", "diesel"))

    (set_to,) = await converse(user, "set my dining budget to whatever i've actually spent on dining this month")

    assert set_to.tool_calls and set_to.tool_calls[0].result.ok, set_to.reply
    session.commit()
    assert budget_repo.get(session, user_id=user.id, category="dining").amount == Decimal("241.85")

"""Records PAM has just shown can be acted on: "did I put in lunch today?" finds them (and a double-up), "delete one
of them" removes the double, and "the woolies one was 54 not 45" corrects the one a spending answer listed."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services.money import today_in


def _seed(session: Session, user_id, *rows: tuple[str, str, str, dt.date, str]) -> None:
    for amount, category, description, date, merchant in rows:
        expense_repo.create(
            session, user_id=user_id, amount=Decimal(amount), category=category, date=date, description=description,
            merchant=merchant,
        )
    session.commit()


async def test_a_double_up_found_by_asking_is_removed_once(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    _seed(session, user.id, ("22", "dining", "lunch", today, ""), ("22", "dining", "lunch", today, ""),
          ("8.50", "dining", "coffee", today, ""))

    asked, removed = await converse(user, "did I put in lunch today?", "looks like I doubled it up, delete one of them")

    assert asked.reply.startswith("Yes, 2 today: lunch $22.00"), asked.reply
    assert "same purchase" in asked.reply and "coffee" not in asked.reply, asked.reply
    assert [c.name for c in removed.tool_calls] == ["delete_expense"] and removed.tool_calls[0].result.ok, removed.reply
    session.expire_all()
    left = expense_repo.list_rows(session, user_id=user.id, start=today, end=today)
    assert sorted((e.description, e.amount) for e in left) == [("coffee", Decimal("8.50")), ("lunch", Decimal("22.00"))]


async def test_nothing_logged_is_said_and_a_category_word_finds_its_category(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    _seed(session, user.id, ("118.80", "fuel", "Fuel 60 L", today - dt.timedelta(days=2), "Caltex"))

    nothing, diesel = await converse(user, "did I log lunch today?", "have I logged the diesel yet?")

    assert nothing.reply == "Nothing like “lunch” logged today.", nothing.reply
    assert diesel.reply.startswith("Yes, 1 since") and "$118.80" in diesel.reply, diesel.reply
    assert "same purchase" not in diesel.reply


async def test_a_purchase_listed_by_a_spending_answer_is_corrected_by_its_shop_and_old_amount(
    make_user, session: Session
) -> None:
    user = make_user()
    yesterday = today_in(user.timezone) - dt.timedelta(days=1)
    _seed(session, user.id, ("45", "groceries", "weekly shop", yesterday, "Woolworths"),
          ("45", "dining", "pub dinner", yesterday, ""))

    listed, fixed = await converse(user, "what did I spend yesterday?", "the woolies one was actually 54 not 45, fix it pls")

    assert listed.reply.startswith("$90.00 spent yesterday: ") and "weekly shop at Woolworths $45.00" in listed.reply
    assert [c.name for c in fixed.tool_calls] == ["update_expense"], fixed.reply
    session.expire_all()
    rows = expense_repo.list_rows(session, user_id=user.id, start=yesterday, end=yesterday)
    assert sorted((e.description, e.amount) for e in rows) == [("pub dinner", Decimal("45.00")), ("weekly shop", Decimal("54.00"))]


async def test_a_listed_maintenance_record_is_corrected_and_a_tasks_next_due_is_said_however_far(
    make_user, session: Session
) -> None:
    from wheels_wins.repositories import maintenance as maintenance_repo

    user = make_user()
    await converse(user, "oil change at 85,000 km, $180, next due at 95,000", "rotated the tyres at 86,000 km")
    listed, fixed, due = await converse(
        user, "list my maintenance records", "the oil change one, cost was actually 195 not 180", "when is next oil change due"
    )
    assert listed.reply.startswith("Most recent: Tyre rotation") and "Oil change" in listed.reply, listed.reply
    assert [c.name for c in fixed.tool_calls] == ["update_maintenance"], fixed.reply
    session.expire_all()
    records = {r.task: r.cost for r in maintenance_repo.list_page(session, user_id=user.id)[0]}
    assert records == {"Oil change": Decimal("195.00"), "Tyre rotation": None}
    assert due.reply.startswith("Oil change: next due at 95,000 km (due in 9,000 km)"), due.reply


async def test_a_what_if_sum_is_worked_out_and_nothing_is_recorded(make_user, session: Session) -> None:
    user = make_user()
    (answer,) = await converse(user, "if powered sites are forty five dollars a night what's that for a week")
    assert answer.reply == "That's $315.00 for a week at $45.00 a night." and answer.tool_calls == [], answer.reply
    assert expense_repo.list_rows(session, user_id=user.id) == []


async def test_an_expense_from_before_the_conversation_is_corrected_or_deleted_by_description(
    make_user, session: Session
) -> None:
    alice, bob = make_user(full_name="Alice"), make_user(full_name="Bob")
    today = today_in(alice.timezone)
    yesterday = today - dt.timedelta(days=1)
    for user in (alice, bob):
        _seed(session, user.id, ("92", "fuel", "diesel", yesterday, ""), ("12", "other", "laundromat", today, ""),
              ("12", "dining", "ice creams", today, ""))

    (fixed,) = await converse(alice, "I typo'd yesterday's diesel expense, it should be $29 not $92")
    (deleted,) = await converse(alice, "delete the $12 laundromat expense, we got a refund")

    assert [c.name for c in fixed.tool_calls] == ["update_expense_described"] and "$29.00" in fixed.reply, fixed.reply
    assert [c.name for c in deleted.tool_calls] == ["delete_expense_described"], deleted.reply
    session.expire_all()
    mine = sorted((e.description, e.amount) for e in expense_repo.list_rows(session, user_id=alice.id))
    assert mine == [("diesel", Decimal("29.00")), ("ice creams", Decimal("12.00"))]
    theirs = sorted((e.description, e.amount) for e in expense_repo.list_rows(session, user_id=bob.id))
    assert theirs == [("diesel", Decimal("92.00")), ("ice creams", Decimal("12.00")), ("laundromat", Decimal("12.00"))]

    (undone,) = await converse(alice, "delete the $12 one")  # two $12 expenses once: now only one is left
    assert undone.tool_calls[0].result.ok, undone.reply


async def test_a_description_matching_several_expenses_asks_which_and_lists_them(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    _seed(session, user.id, ("12", "other", "laundromat", today, ""), ("9", "other", "laundromat dryer", today, ""))
    asked, chosen = await converse(user, "delete the laundromat expense", "the $9 one")
    assert asked.reply.startswith("Which one? I found 2:") and "laundromat dryer $9.00" in asked.reply, asked.reply
    assert [c.name for c in chosen.tool_calls] == ["delete_expense"], chosen.reply
    session.expire_all()
    assert [e.description for e in expense_repo.list_rows(session, user_id=user.id)] == ["laundromat"]

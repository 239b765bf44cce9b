"""A fill-up's or maintenance record's expense is removed with its record, however the user names it ("delete the
fuel expense", "remove the diesel fill up from tuesday", "delete my last fill-up", "delete the oil change from the
maintenance log"), and undo brings both back; several matches are listed by the latest few."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.models import User
from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services import vehicle_log
from wheels_wins.services.money import today_in


def _fill(session: Session, user: User, days_ago: int, litres: str, cost: str, odometer: int, where: str = "") -> None:
    vehicle_log.log_fuel(session, user=user, date=today_in(user.timezone) - dt.timedelta(days=days_ago),
                         litres=Decimal(litres), total_cost=Decimal(cost), odometer_km=odometer, location=where)
    session.commit()


def _fills(session: Session, user: User) -> list[tuple[Decimal, Decimal, int | None, str]]:
    session.commit()  # a fresh read: the agent wrote in its own session
    rows, _ = fuel_repo.list_page(session, user_id=user.id)
    return sorted((f.litres, f.total_cost, f.odometer_km, f.location) for f in rows)


def _fuel_expenses(session: Session, user: User) -> list[Decimal]:
    session.commit()
    return sorted(e.amount for e in expense_repo.list_rows(session, user_id=user.id) if e.category == "fuel")


async def test_a_fill_up_chosen_among_several_goes_with_its_expense_and_undo_brings_both_back(
    make_user, session: Session
) -> None:
    user = make_user()
    _fill(session, user, 1, "45", "92", 120_400, "Caltex")
    _fill(session, user, 5, "40", "80", 119_900, "BP")
    before = _fills(session, user)

    asked, chosen = await converse(user, "delete the fuel expense", "the $92 one")

    assert asked.reply.startswith("Which one? I found 2:"), asked.reply
    assert "$92.00" in asked.reply and "$80.00" in asked.reply and "latest" not in asked.reply, asked.reply
    assert [c.name for c in chosen.tool_calls] == ["delete_expense"] and chosen.tool_calls[0].result.ok, chosen.reply
    assert "fill-up" in chosen.reply and "$92.00" in chosen.reply, chosen.reply
    assert _fills(session, user) == [(Decimal("40.00"), Decimal("80.00"), 119_900, "BP")]
    assert _fuel_expenses(session, user) == [Decimal("80.00")]
    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=chosen.conversation_id)
    assert undone.reply.startswith("Undone"), undone.reply
    assert _fills(session, user) == before
    assert _fuel_expenses(session, user) == [Decimal("80.00"), Decimal("92.00")]


async def test_a_fill_up_named_by_day_or_as_the_latest_is_removed_not_logged(make_user, session: Session) -> None:
    user = make_user()
    _fill(session, user, 1, "45", "92", 120_400)
    _fill(session, user, 3, "40", "80", 119_900)
    _fill(session, user, 9, "50", "101", 119_200)

    (by_day,) = await converse(user, "delete yesterday's fill-up")
    assert [c.name for c in by_day.tool_calls] == ["delete_expense_described"], by_day.reply
    assert [f[1] for f in _fills(session, user)] == [Decimal("80.00"), Decimal("101.00")]

    (latest,) = await converse(user, "delete my last fill-up")
    assert latest.tool_calls and latest.tool_calls[0].result.ok, latest.reply
    assert [f[1] for f in _fills(session, user)] == [Decimal("101.00")]
    assert _fuel_expenses(session, user) == [Decimal("101.00")]


async def test_paid_work_is_removed_from_the_maintenance_log_with_its_expense(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    vehicle_log.log_maintenance(session, user=user, task="Oil change", date=today - dt.timedelta(days=4),
                                odometer_km=120_000, cost=Decimal("180"), next_due_km=130_000)
    vehicle_log.log_maintenance(session, user=user, task="Tyre rotation", date=today - dt.timedelta(days=2),
                                cost=Decimal("60"))
    session.commit()

    (removed,) = await converse(user, "delete the oil change from the maintenance log")

    assert removed.tool_calls and removed.tool_calls[0].result.ok, removed.reply
    assert "oil change record" in removed.reply, removed.reply
    session.commit()
    assert [r.task for r in maintenance_repo.list_all(session, user_id=user.id)] == ["Tyre rotation"]
    assert [e.description for e in expense_repo.list_rows(session, user_id=user.id)] == ["Tyre rotation"]
    undone = await run_turn(user_id=user.id, message="undo", conversation_id=removed.conversation_id)
    assert undone.reply.startswith("Undone"), undone.reply
    session.commit()
    back = {r.task: r for r in maintenance_repo.list_all(session, user_id=user.id)}
    assert set(back) == {"Oil change", "Tyre rotation"}
    assert (back["Oil change"].cost, back["Oil change"].odometer_km, back["Oil change"].next_due_km) == (
        Decimal("180.00"), 120_000, 130_000)
    assert back["Oil change"].expense_id is not None


async def test_many_matches_are_listed_as_the_latest_five(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for days_ago in range(7):
        expense_repo.create(session, user_id=user.id, amount=Decimal(20 + days_ago), category="dining",
                            date=today - dt.timedelta(days=days_ago), description="lunch", merchant="")
    session.commit()

    (asked,) = await converse(user, "delete the lunch expense")

    assert asked.reply.startswith("Which one? I found 7; the latest 5:\n- lunch $20.00 (3 Dec)\n- lunch $21.00"), asked.reply
    assert not asked.reply.endswith("."), asked.reply
    assert "$24.00" in asked.reply and "$25.00" not in asked.reply, asked.reply
    session.expire_all()
    assert len(expense_repo.list_rows(session, user_id=user.id)) == 7


async def test_another_users_fill_up_is_never_touched(make_user, session: Session) -> None:
    alice, bob = make_user(), make_user()
    _fill(session, alice, 1, "45", "92", 120_400)
    _fill(session, bob, 1, "30", "61", 88_000)

    (turn,) = await converse(bob, "delete yesterday's fill-up")

    assert turn.tool_calls and turn.tool_calls[0].result.ok, turn.reply
    assert _fills(session, bob) == []
    assert _fills(session, alice) == [(Decimal("45.00"), Decimal("92.00"), 120_400, "")]


async def test_an_amount_not_among_those_listed_is_looked_for_and_nothing_new_is_logged(
    make_user, session: Session
) -> None:
    user = make_user()
    for days_ago in range(7):
        _fill(session, user, days_ago, "40", str(80 + days_ago), 120_000 - 500 * days_ago)

    asked, unknown, vague, older, alone = await converse(
        user, "delete the fuel expense", "the $999 one", "the blue one", "the $86 one", "the $85 one",
    )

    assert asked.reply.startswith("Which one? I found 7; the latest 5:") and "$86.00" not in asked.reply, asked.reply
    assert unknown.reply.startswith("None of them is $999.00. Which one? I found 7"), unknown.reply
    assert vague.reply.startswith("Which of those do you mean?") and not vague.tool_calls, vague.reply
    assert older.tool_calls and older.tool_calls[0].result.ok, older.reply
    assert Decimal("86.00") not in [f[1] for f in _fills(session, user)] and len(_fills(session, user)) == 6
    assert not alone.tool_calls, alone.reply  # no question pending: "the $85 one" is not a purchase to log
    assert sorted(_fuel_expenses(session, user)) == sorted(f[1] for f in _fills(session, user))
    assert len(expense_repo.list_rows(session, user_id=user.id)) == 6  # nothing logged by an answer


async def test_a_correction_whose_old_amount_is_wrong_offers_the_one_found(make_user, session: Session) -> None:
    user = make_user()
    yesterday = today_in(user.timezone) - dt.timedelta(days=1)
    expense_repo.create(session, user_id=user.id, amount=Decimal("90"), category="fuel", date=yesterday,
                        description="Diesel", merchant="")
    session.commit()

    offered, agreed = await converse(user, "yesterday's diesel expense should be $29 not $92", "yes")

    assert offered.reply.startswith("None of them is $92.00. Did you mean diesel $90.00"), offered.reply
    assert [c.name for c in agreed.tool_calls] == ["update_expense"] and agreed.tool_calls[0].result.ok, agreed.reply
    session.commit()
    assert [e.amount for e in expense_repo.list_rows(session, user_id=user.id)] == [Decimal("29.00")]

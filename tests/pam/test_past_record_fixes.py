"""Past records corrected, moved or de-duplicated in a user's own words, with nothing just made in the conversation:
"fish n chips last night was actually 36.50", "yesterdays groceries were from aldi not coles", "the coober pedy fill
was 107.60 not 97.60", "push the lpg check back a week, the gas fitter is away", "my etsy payout is in there twice"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session

from tests.pam.conversation import converse
from wheels_wins.models import User
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import vehicle_log
from wheels_wins.services.money import today_in, zone


def _spend(session: Session, user: User, amount: str, category: str, description: str, merchant: str,
           days_ago: int) -> None:
    expense_repo.create(session, user_id=user.id, amount=Decimal(amount), category=category, description=description,
                        merchant=merchant, date=today_in(user.timezone) - dt.timedelta(days=days_ago))
    session.commit()


def _expenses(session: Session, user: User) -> set[tuple[str, str, str, str, dt.date]]:
    session.commit()
    return {(f"{e.amount:.2f}", e.category, e.description, e.merchant, e.date)
            for e in expense_repo.list_rows(session, user_id=user.id)}


async def test_past_expenses_are_corrected_in_so_many_words(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    _spend(session, user, "32", "dining", "fish and chips", "Ulladulla Fish Co", 1)
    _spend(session, user, "73.20", "groceries", "groceries", "Coles", 1)
    _spend(session, user, "27.80", "shopping", "kids meds", "Chemist Warehouse", 2)
    _spend(session, user, "42", "camping", "powered site", "Port Augusta Big4", 0)
    _spend(session, user, "88.40", "fuel", "diesel", "Shell", 1)

    turns = await converse(
        user, "fish n chips last night was actually 36.50, i forgot the drinks", "yesterdays groceries were from aldi not coles",
        "chemist warehouse should be health not shopping", "change the port augusta caravan park to yesterday",
        "the 88.40 fill up wasnt shell, it was the caltex in gundagai. fix the merchant pls",
    )

    assert all(t.tool_calls and t.tool_calls[-1].result.ok for t in turns), [t.reply for t in turns]
    yesterday = today - dt.timedelta(days=1)
    assert _expenses(session, user) == {
        ("36.50", "dining", "fish and chips", "Ulladulla Fish Co", yesterday),
        ("73.20", "groceries", "groceries", "Aldi", yesterday),
        ("27.80", "health", "kids meds", "Chemist Warehouse", today - dt.timedelta(days=2)),
        ("42.00", "camping", "powered site", "Port Augusta Big4", yesterday),
        ("88.40", "fuel", "diesel", "Caltex", yesterday),
    }


async def test_a_past_fill_up_is_corrected_by_place_and_its_expense_follows(make_user, session: Session) -> None:
    user = make_user()
    vehicle_log.log_fuel(session, user=user, date=today_in(user.timezone) - dt.timedelta(days=4), litres=Decimal("52.3"),
                         total_cost=Decimal("97.60"), odometer_km=91_200, location="Coober Pedy")
    session.commit()

    (fixed,) = await converse(user, "the coober pedy fill was 107.60 not 97.60")

    assert fixed.tool_calls and fixed.tool_calls[0].result.ok, fixed.reply
    session.commit()
    (fill,) = fuel_repo.list_page(session, user_id=user.id)[0]
    assert (fill.total_cost, fill.litres, fill.odometer_km) == (Decimal("107.60"), Decimal("52.30"), 91_200)
    assert [e.amount for e in expense_repo.list_rows(session, user_id=user.id)] == [Decimal("107.60")]


async def test_entries_move_with_a_reason_after_and_doubles_go(make_user, session: Session) -> None:
    user = make_user()
    local, today = zone(user.timezone), today_in(user.timezone)
    for title, days in (("LPG system check", 5), ("Dinner at Sal's", 1), ("Vet for Milo", 6)):
        calendar_repo.create(session, user_id=user.id, title=title, all_day=False, kind="event",
                             start=dt.datetime.combine(today + dt.timedelta(days=days), dt.time(9), tzinfo=local))
    for _ in range(2):
        income_repo.create(session, user_id=user.id, amount=Decimal("89.50"), source="Etsy", currency=user.currency,
                           date=today - dt.timedelta(days=2), description="Etsy payout")
        _spend(session, user, "67.45", "groceries", "groceries", "IGA", 1)
    session.commit()

    turns = await converse(
        user, "push the lpg check back a week, the gas fitter is away", "move dinner at sals one day later, shes crook",
        "cancel milos vet appt, hes all good now", "um i think the iga shop went in twice yesterday, can u remove the dupe",
        "my etsy payout is in there twice, kill one of em",
    )

    assert all(t.tool_calls and t.tool_calls[-1].result.ok for t in turns), [t.reply for t in turns]
    session.commit()
    events = {e.title: e.start.astimezone(local).date() for e in calendar_repo.list_page(session, user_id=user.id)[0]}
    assert events == {"LPG system check": today + dt.timedelta(days=12), "Dinner at Sal's": today + dt.timedelta(days=2)}
    assert len(expense_repo.list_rows(session, user_id=user.id)) == 1
    assert len(income_repo.list_page(session, user_id=user.id)[0]) == 1


async def test_the_one_expense_shown_is_deleted_and_stops_change_on_named_trips(make_user, session: Session) -> None:
    user = make_user()
    _spend(session, user, "389", "maintenance", "Anderson plug install", "Auto Electrics", 0)
    _spend(session, user, "45", "groceries", "shop", "Coles", 0)
    await converse(user, "plan a trip from Brisbane to Cairns via Mackay")
    await converse(user, "plan a trip from Hobart to Launceston")

    biggest, deleted = await converse(user, "whats the biggest thing i paid for this month", "ok delete that one, it got refunded")
    removed, added = await converse(user, "take mackay off the cairns trip, were gonna skip it this time",
                                    "add strahan on the end of the launceston trip")

    assert "$389.00" in biggest.reply, biggest.reply
    assert deleted.tool_calls and deleted.tool_calls[0].name == "delete_expense", deleted.reply
    assert [e.description for e in expense_repo.list_rows(session, user_id=user.id)] == ["shop"]
    assert removed.tool_calls and removed.tool_calls[0].result.ok, removed.reply
    assert added.tool_calls and added.tool_calls[0].result.ok, added.reply
    session.commit()
    stops = {t.title: [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=t.id)]
             for t in trip_repo.list_page(session, user_id=user.id)[0]}
    assert stops["Brisbane to Cairns"] == ["Brisbane", "Cairns"], stops
    assert stops["Hobart to Launceston"] == ["Hobart", "Launceston", "Strahan"], stops


async def test_past_income_is_corrected_and_asked_about_over_all_time(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    income_repo.create(session, user_id=user.id, amount=Decimal("610"), source="Pub shifts", currency=user.currency,
                       date=today - dt.timedelta(days=3))
    income_repo.create(session, user_id=user.id, amount=Decimal("1500.50"), source="Harvest work", currency=user.currency,
                       date=today - dt.timedelta(days=200))
    session.commit()

    fixed, asked = await converse(user, "the pub shifts came to 685 in the end with tips, can u update that",
                                  "how much have i made from the harvest work all up")

    assert fixed.tool_calls and fixed.tool_calls[0].result.ok, fixed.reply
    session.commit()
    assert sorted(e.amount for e in income_repo.list_page(session, user_id=user.id)[0]) == [Decimal("685.00"),
                                                                                            Decimal("1500.50")]
    assert "$1,500.50" in asked.reply, asked.reply


async def test_a_maintenance_cost_corrected_by_its_expense_changes_the_record_too(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    record = vehicle_log.log_maintenance(session, user=user, task="Front brake pads", date=today - dt.timedelta(days=3),
                                         odometer_km=148200, cost=Decimal("240"))
    session.commit()

    (fixed,) = await converse(user, "The front brake pads in the maintenance log should be $420, not $240. I typed it "
                                    "backwards, silly me.")

    assert fixed.tool_calls and fixed.tool_calls[0].result.ok, fixed.reply
    session.commit()
    session.refresh(record)
    expense = expense_repo.get(session, user_id=user.id, expense_id=record.expense_id)
    assert (record.cost, expense.amount if expense else None) == (Decimal("420.00"), Decimal("420.00"))

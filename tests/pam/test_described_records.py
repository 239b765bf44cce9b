"""Records from before the conversation, named by what they are: "cancel the vet appointment", "push the mechanic
booking back a day", "take off the 200 from the market", "I logged the bunnings tarp twice, delete the extra one"."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlmodel import Session, select

from tests.pam.conversation import converse
from wheels_wins.models import PostComment, User
from wheels_wins.pam.agent import run_turn
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import income as income_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import vehicle_log
from wheels_wins.services.money import today_in, zone


def _book(session: Session, user: User, title: str, days_ahead: int) -> None:
    day = today_in(user.timezone) + dt.timedelta(days=days_ahead)
    start = dt.datetime.combine(day, dt.time(9, 0), tzinfo=zone(user.timezone))
    calendar_repo.create(session, user_id=user.id, title=title, start=start, all_day=False, kind="event")
    session.commit()


def _events(session: Session, user: User) -> list[tuple[str, dt.date]]:
    session.commit()
    rows, _ = calendar_repo.list_page(session, user_id=user.id)
    return [(e.title, e.start.astimezone(zone(user.timezone)).date()) for e in rows]


async def test_an_appointment_is_cancelled_by_name_and_undo_brings_it_back(make_user, session: Session) -> None:
    user = make_user()
    _book(session, user, "Vet - Bella vaccinations", 2)
    _book(session, user, "Mechanic - van service", 3)
    before = _events(session, user)

    (cancelled,) = await converse(user, "cancel the vet appointment, we sorted it")

    assert cancelled.reply.startswith("Cancelled “Vet - Bella vaccinations”"), cancelled.reply
    assert [t for t, _ in _events(session, user)] == ["Mechanic - van service"]
    undone = await run_turn(user_id=user.id, message="undo that", conversation_id=cancelled.conversation_id)
    assert undone.reply.startswith("Undone"), undone.reply
    assert _events(session, user) == before


async def test_a_booking_is_moved_by_name_by_days_or_to_a_day(make_user, session: Session) -> None:
    user = make_user()
    _book(session, user, "Mechanic - van service", 3)
    today = today_in(user.timezone)

    _book(session, user, "Pick up mail at Ballarat post office", 5)
    pushed, unknown, mail = await converse(
        user, "push the mechanic booking back a day", "push the dentist back a day", "move the mail pickup to 3pm"
    )

    assert pushed.tool_calls and pushed.tool_calls[0].result.ok, pushed.reply
    assert _events(session, user) == [("Mechanic - van service", today + dt.timedelta(days=4)),
                                      ("Pick up mail at Ballarat post office", today + dt.timedelta(days=5))]
    assert "couldn't find “dentist”" in unknown.reply, unknown.reply
    assert mail.reply.startswith("Moved “Pick up mail at Ballarat post office”") and "3:00 pm" in mail.reply, mail.reply


async def test_income_named_by_source_and_amount_is_deleted_when_no_expense_matches(make_user, session: Session) -> None:
    user = make_user()
    yesterday = today_in(user.timezone) - dt.timedelta(days=1)
    income_repo.create(session, user_id=user.id, amount=Decimal("200"), source="Market stall", date=yesterday,
                       currency=user.currency)
    income_repo.create(session, user_id=user.id, amount=Decimal("350"), source="House sit", date=yesterday,
                       currency=user.currency)
    session.commit()

    (removed,) = await converse(user, "take off the 200 from the market, that sale fell through")

    assert [c.name for c in removed.tool_calls] == ["delete_expense_described"] and removed.tool_calls[0].result.ok
    session.commit()
    left, _ = income_repo.list_page(session, user_id=user.id)
    assert [(e.source, e.amount) for e in left] == [("House sit", Decimal("350.00"))]


async def test_a_purchase_recorded_twice_loses_its_newer_copy(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    for description, merchant in (("tarp", "Bunnings"), ("tarp", "Bunnings"), ("tarp", "Anaconda")):
        expense_repo.create(session, user_id=user.id, amount=Decimal("34.95"), category="shopping", date=today,
                            description=description, merchant=merchant)
    session.commit()

    (removed,) = await converse(user, "i logged the bunnings tarp twice, delete the extra one")

    assert removed.tool_calls and removed.tool_calls[0].result.ok, removed.reply
    session.commit()
    left = sorted(e.merchant for e in expense_repo.list_rows(session, user_id=user.id))
    assert left == ["Anaconda", "Bunnings"]


async def test_a_stop_goes_on_the_trip_named_and_go_via_changes_the_trip_just_planned(make_user, session: Session) -> None:
    user = make_user()
    await converse(user, "plan a trip from Perth to Esperance")
    await converse(user, "plan a trip from Darwin to Katherine")

    (named,) = await converse(user, "add albany as a stop on the esperance trip")
    planned, via = await converse(user, "brisbane to sydney trip pls", "actually go via armidale")

    session.commit()
    trips = {t.title: [w.name for w in trip_repo.waypoints(session, user_id=user.id, trip_id=t.id)]
             for t in trip_repo.list_page(session, user_id=user.id)[0]}
    assert named.tool_calls and named.tool_calls[0].result.ok, named.reply
    assert trips["Perth to Esperance"] == ["Perth", "Albany", "Esperance"], trips
    assert trips["Darwin to Katherine"] == ["Darwin", "Katherine"], trips
    assert via.tool_calls and via.tool_calls[0].result.ok, via.reply
    assert trips["Brisbane to Sydney"] == ["Brisbane", "Armidale", "Sydney"], trips


async def test_a_maintenance_reading_and_an_expense_category_are_corrected_by_name(make_user, session: Session) -> None:
    user = make_user()
    today = today_in(user.timezone)
    vehicle_log.log_maintenance(session, user=user, task="Oil change", date=today - dt.timedelta(days=4),
                                odometer_km=85_000, cost=Decimal("160"))
    expense_repo.create(session, user_id=user.id, amount=Decimal("18.50"), category="groceries", date=today,
                        description="maccas drive thru", merchant="McDonald's")
    session.commit()

    odometer, category = await converse(
        user, "i put the oil change in at 85000 km but it was actually 58000",
        "the maccas one went in as groceries, can you move it to dining",
    )

    assert odometer.tool_calls and odometer.tool_calls[0].result.ok, odometer.reply
    assert category.tool_calls and category.tool_calls[0].result.ok, category.reply
    session.commit()
    (record,) = maintenance_repo.list_all(session, user_id=user.id)
    assert (record.odometer_km, record.cost) == (58_000, Decimal("160.00"))
    assert {(e.description, e.category) for e in expense_repo.list_rows(session, user_id=user.id)} == {
        ("Oil change", "maintenance"), ("maccas drive thru", "dining")}


async def test_an_own_post_is_deleted_by_what_it_says_and_undo_restores_it_with_its_comments(
    make_user, session: Session
) -> None:
    author, neighbour = make_user(), make_user()
    selling = post_repo.create(session, user_id=author.id, content="Selling our Honda EU22i generator, barely used")
    post_repo.create(session, user_id=author.id, content="Anyone know a good mechanic in Dubbo?")
    post_repo.create(session, user_id=neighbour.id, content="Also selling a generator, cheap")
    session.add(PostComment(post_id=selling.id, user_id=neighbour.id, content="Still available?"))
    session.commit()
    selling_id = selling.id

    (deleted,) = await converse(author, "delete my post about the generator, it's sold")

    assert deleted.reply.startswith("Deleted your post “Selling our Honda"), deleted.reply
    session.commit()
    mine, _ = post_repo.feed(session, viewer_id=author.id, author_id=author.id)
    assert [p.content for p, _ in mine] == ["Anyone know a good mechanic in Dubbo?"]
    theirs, _ = post_repo.feed(session, viewer_id=neighbour.id, author_id=neighbour.id)
    assert len(theirs) == 1  # another's post saying the same is never touched
    undone = await run_turn(user_id=author.id, message="undo that", conversation_id=deleted.conversation_id)
    assert undone.reply.startswith("Undone — Restored your post"), undone.reply
    session.commit()
    back = post_repo.get_own(session, user_id=author.id, post_id=selling_id)
    assert back is not None and back.content.startswith("Selling our Honda")
    comments = session.exec(select(PostComment).where(PostComment.post_id == selling_id)).all()
    assert [c.content for c in comments] == ["Still available?"]


async def test_near_misses_touch_nothing(make_user, session: Session) -> None:
    user = make_user()
    yesterday = today_in(user.timezone) - dt.timedelta(days=1)
    income_repo.create(session, user_id=user.id, amount=Decimal("200"), source="Pension", date=yesterday,
                       currency=user.currency)
    expense_repo.create(session, user_id=user.id, amount=Decimal("14"), category="dining", date=yesterday,
                        description="Noodles", merchant="")
    session.commit()
    _book(session, user, "Corvette club run", 4)

    amount_only, asked, declined, negated, vet = await converse(
        user, "delete the $200 expense", "delete that expense", "no", "don't delete the duplicate yet",
        "cancel the vet appointment",
    )

    assert "couldn't find" in amount_only.reply, amount_only.reply  # $200 of pension is not an expense
    assert asked.reply.startswith("Which expense"), asked.reply
    assert not declined.tool_calls, declined.reply
    assert not negated.tool_calls, negated.reply
    assert "couldn't find “vet appointment”" in vet.reply, vet.reply  # "vet" is no part of "Corvette"
    session.commit()
    assert len(income_repo.list_page(session, user_id=user.id)[0]) == 1
    assert [e.description for e in expense_repo.list_rows(session, user_id=user.id)] == ["Noodles"]
    assert [t for t, _ in _events(session, user)] == ["Corvette club run"]


async def test_a_moved_entry_keeps_its_length(make_user, session: Session) -> None:
    user = make_user()
    day = today_in(user.timezone) + dt.timedelta(days=3)
    local = zone(user.timezone)
    calendar_repo.create(session, user_id=user.id, title="Mechanic - van service", all_day=False, kind="event",
                         start=dt.datetime.combine(day, dt.time(9), tzinfo=local),
                         end=dt.datetime.combine(day, dt.time(11), tzinfo=local))
    session.commit()

    (moved,) = await converse(user, "push the mechanic booking back a day")

    assert moved.tool_calls and moved.tool_calls[0].result.ok, moved.reply
    session.commit()
    (event,) = calendar_repo.list_page(session, user_id=user.id)[0]
    assert event.end - event.start == dt.timedelta(hours=2)
    assert event.start.astimezone(local).date() == day + dt.timedelta(days=1)


async def test_a_move_without_when_asks_and_takes_the_answer(make_user, session: Session) -> None:
    user = make_user()
    _book(session, user, "Tyre fitting at Beaurepaires", 3)
    today = today_in(user.timezone)

    asked, moved = await converse(user, "need to move the tyre fitting", "2 days later than it is now, the fitter's crook")

    assert asked.reply.startswith("When should “tyre fitting” move to?") and not asked.tool_calls, asked.reply
    assert moved.tool_calls and moved.tool_calls[0].result.ok, moved.reply
    assert _events(session, user) == [("Tyre fitting at Beaurepaires", today + dt.timedelta(days=5))]


async def test_an_answer_that_says_no_day_asks_again_and_keeps_the_entry(make_user, session: Session) -> None:
    user = make_user()
    _book(session, user, "Dentist", 4)
    before = _events(session, user)

    asked, again, moved = await converse(user, "can you reschedule the dentist?", "hmm not sure", "push it back a week")

    assert again.reply.startswith("When should “dentist” move to?") and not again.tool_calls, again.reply
    assert moved.tool_calls and moved.tool_calls[0].result.ok, moved.reply
    assert _events(session, user) == [("Dentist", before[0][1] + dt.timedelta(days=7))]


async def test_an_entry_put_in_twice_loses_its_newer_copy_and_a_single_one_stays(make_user, session: Session) -> None:
    user = make_user()
    _book(session, user, "Parcel pickup at Tamworth post office", 2)
    _book(session, user, "Parcel pickup at Tamworth post office", 2)
    _book(session, user, "Vet for Milo", 6)
    kept = calendar_repo.list_page(session, user_id=user.id)[0][0].id

    doubled, single = await converse(user, "theres 2 of the parcel pickup in my calendar, get rid of one",
                                     "the vet is in the diary twice, delete one")

    assert doubled.reply.startswith("Cancelled “Parcel pickup at Tamworth post office”"), doubled.reply
    assert "only once" in single.reply, single.reply
    session.commit()
    rows, _ = calendar_repo.list_page(session, user_id=user.id)
    assert [e.title for e in rows] == ["Parcel pickup at Tamworth post office", "Vet for Milo"]
    assert rows[0].id == kept  # the older copy stays


async def test_which_entry_is_asked_and_the_answer_picks_it(make_user, session: Session) -> None:
    user = make_user()
    _book(session, user, "Dentist - Col", 4)
    _book(session, user, "Dentist - Marg", 9)

    asked, picked = await converse(user, "Cancel the dentist appointment, would you?", "Marg's one. Col's is still on.")

    assert asked.reply.startswith("Which one? I found 2:") and "\n- Dentist - Marg" in asked.reply, asked.reply
    assert picked.reply.startswith("Cancelled “Dentist - Marg”"), picked.reply
    assert [t for t, _ in _events(session, user)] == ["Dentist - Col"]


async def test_him_is_the_entry_named_before_and_a_move_says_how_much_later(make_user, session: Session) -> None:
    user = make_user()
    _book(session, user, "Gas fitter - check the fridge", 3)
    _book(session, user, "Vet - Biscuit's vaccinations", 3)
    today = today_in(user.timezone)

    (moved,) = await converse(user, "The gas fitter just rang and he can come sooner than planned — move him to tomorrow please.")
    asked, later = await converse(user, "We need to shift Biscuit's vet appointment, the clinic's short-staffed",
                                  "Make it two days later than it's booked for now")

    assert moved.tool_calls and moved.tool_calls[0].result.ok, moved.reply
    assert asked.reply.startswith("When should"), asked.reply
    assert later.tool_calls and later.tool_calls[0].result.ok, later.reply
    assert sorted(_events(session, user)) == [("Gas fitter - check the fridge", today + dt.timedelta(days=1)),
                                              ("Vet - Biscuit's vaccinations", today + dt.timedelta(days=5))]

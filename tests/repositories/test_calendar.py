"""Calendar reads for the month view and the upcoming list: overlapping windows and what is still ahead."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from sqlmodel import Session

from wheels_wins.repositories import calendar

SYDNEY = ZoneInfo("Australia/Sydney")


def _at(day: int, hour: int = 9, minute: int = 0) -> dt.datetime:
    return dt.datetime(2026, 7, day, hour, minute, tzinfo=SYDNEY)


def test_overlapping_takes_events_that_touch_the_window(session: Session, make_user) -> None:
    user, other = make_user(), make_user()
    for title, start, end in [
        ("before", _at(1), _at(1, 11)),
        ("runs into the window", _at(2, 22), _at(3, 2)),
        ("inside", _at(4, 10), None),
        ("spans it", _at(1), _at(9)),
        ("starts at its end", _at(6, 0), None),
        ("after", _at(7), None),
    ]:
        calendar.create(session, user_id=user.id, title=title, start=start, end=end)
    calendar.create(session, user_id=other.id, title="not mine", start=_at(4), end=None)
    session.commit()
    rows = calendar.overlapping(session, user_id=user.id, start=_at(3, 0), end=_at(6, 0))
    assert [e.title for e in rows] == ["spans it", "runs into the window", "inside"]
    assert all(e.start.tzinfo is not None for e in rows)
    assert (
        calendar.overlapping(session, user_id=user.id, start=_at(3, 0), end=_at(6, 0), limit=1)[0].title == "spans it"
    )


def test_upcoming_from_the_start_of_today_keeps_running_and_all_day_events(session: Session, make_user) -> None:
    user = make_user(timezone="Australia/Sydney")
    now = _at(10, 14)
    midnight = _at(10, 0)
    for title, start, end, all_day in [
        ("this morning", _at(10, 8), None, False),
        ("still running", _at(10, 13), _at(10, 15), False),
        ("all day today", _at(10, 9), None, True),
        ("holiday ending today", _at(8, 9), _at(10, 9), True),
        ("yesterday", _at(9, 9), None, True),
        ("tonight", _at(10, 19), None, False),
        ("tomorrow", _at(11, 9), None, True),
    ]:
        calendar.create(session, user_id=user.id, title=title, start=start, end=end, all_day=all_day)
    session.commit()
    ahead = calendar.upcoming(session, user_id=user.id, now=now, day_start=midnight, limit=10)
    assert [e.title for e in ahead] == ["holiday ending today", "all day today", "still running", "tonight", "tomorrow"]
    assert [e.title for e in calendar.upcoming(session, user_id=user.id, now=now, limit=10)] == ["tonight", "tomorrow"]
    assert len(calendar.upcoming(session, user_id=user.id, now=now, day_start=midnight, limit=2)) == 2

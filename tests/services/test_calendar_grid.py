"""The month grid and upcoming list: Monday-first weeks, local days across DST, multi-day spans."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest

from wheels_wins.services.calendar_grid import (
    Entry,
    clock,
    grid_bounds,
    month_grid,
    month_title,
    shift_month,
    time_label,
    upcoming,
)

SYDNEY = ZoneInfo("Australia/Sydney")
UTC = ZoneInfo("UTC")


def _event(title: str, start: dt.datetime, end: dt.datetime | None = None, **kw) -> Entry:
    return Entry(key=title, title=title, kind=kw.pop("kind", "event"), start=start, end=end, **kw)


def _days(weeks) -> dict[dt.date, list[str]]:
    return {cell.day: [e.title for e in cell.entries] for week in weeks for cell in week if cell.entries}


def _cell(weeks, day: dt.date):
    return next(cell for week in weeks for cell in week if cell.day == day)


def test_weeks_start_on_monday_and_cover_the_month() -> None:
    weeks = month_grid(2026, 10, [], dt.date(2026, 10, 14), SYDNEY)
    assert all(len(week) == 7 for week in weeks)
    assert all(week[0].day.weekday() == 0 for week in weeks)
    assert weeks[0][0].day == dt.date(2026, 9, 28) and weeks[-1][-1].day == dt.date(2026, 11, 1)
    in_month = [cell.day for week in weeks for cell in week if cell.in_month]
    assert in_month[0] == dt.date(2026, 10, 1) and in_month[-1] == dt.date(2026, 10, 31) and len(in_month) == 31
    assert [cell.day for week in weeks for cell in week if cell.is_today] == [dt.date(2026, 10, 14)]


def test_a_month_starting_on_sunday_opens_with_six_days_of_the_previous_month() -> None:
    weeks = month_grid(2026, 3, [], dt.date(2026, 1, 1), UTC)  # 1 March 2026 is a Sunday
    assert dt.date(2026, 3, 1).weekday() == 6
    first_week = weeks[0]
    assert [cell.in_month for cell in first_week] == [False] * 6 + [True]
    assert first_week[0].day == dt.date(2026, 2, 23)
    assert len(weeks) == 6 and weeks[-1][-1].day == dt.date(2026, 4, 5)
    assert not any(cell.is_today for week in weeks for cell in week)


def test_leap_february() -> None:
    assert grid_bounds(2028, 2) == (dt.date(2028, 1, 31), dt.date(2028, 3, 5))
    weeks = month_grid(2028, 2, [_event("Leap", dt.datetime(2028, 2, 29, 10, tzinfo=UTC))], dt.date(2028, 2, 1), UTC)
    days = [cell.day for week in weeks for cell in week if cell.in_month]
    assert len(days) == 29 and days[-1] == dt.date(2028, 2, 29)
    assert _days(weeks) == {dt.date(2028, 2, 29): ["Leap"]}


def test_a_february_that_fits_four_weeks() -> None:
    weeks = month_grid(2027, 2, [], dt.date(2027, 2, 1), UTC)  # 1 Feb 2027 is a Monday, 28 days
    assert len(weeks) == 4 and all(cell.in_month for week in weeks for cell in week)


@pytest.mark.parametrize(
    ("utc", "local_day"),
    [
        # Sydney leaves daylight saving at 3am on Sunday 5 April 2026 (+11 -> +10).
        (dt.datetime(2026, 4, 4, 13, 30), dt.date(2026, 4, 5)),  # 00:30 +11 on the 5th
        (dt.datetime(2026, 4, 5, 13, 30), dt.date(2026, 4, 5)),  # 23:30 +10 on the 5th
        (dt.datetime(2026, 4, 5, 14, 0), dt.date(2026, 4, 6)),  # 00:00 +10 on the 6th
        (dt.datetime(2026, 4, 4, 12, 59), dt.date(2026, 4, 4)),  # 23:59 +11 on the 4th
        # ...and starts it at 2am on Sunday 4 October 2026 (+10 -> +11).
        (dt.datetime(2026, 10, 3, 13, 30), dt.date(2026, 10, 3)),  # 23:30 +10 on the 3rd
        (dt.datetime(2026, 10, 3, 14, 0), dt.date(2026, 10, 4)),  # 00:00 +10 on the 4th
        (dt.datetime(2026, 10, 4, 12, 59), dt.date(2026, 10, 4)),  # 23:59 +11 on the 4th
        (dt.datetime(2026, 10, 4, 13, 0), dt.date(2026, 10, 5)),  # 00:00 +11 on the 5th
    ],
)
def test_events_land_on_their_local_day_across_sydney_dst(utc: dt.datetime, local_day: dt.date) -> None:
    start = utc.replace(tzinfo=dt.UTC)
    weeks = month_grid(start.year, start.month, [_event("Ferry", start)], dt.date(2026, 1, 1), SYDNEY)
    assert _days(weeks) == {local_day: ["Ferry"]}


def test_the_same_instant_falls_on_different_days_in_different_zones() -> None:
    start = dt.datetime(2026, 10, 31, 20, 0, tzinfo=dt.UTC)
    event = _event("Call home", start)
    assert _days(month_grid(2026, 10, [event], dt.date(2026, 10, 1), UTC)) == {dt.date(2026, 10, 31): ["Call home"]}
    sydney = month_grid(2026, 10, [event], dt.date(2026, 10, 1), SYDNEY)
    assert _days(sydney) == {dt.date(2026, 11, 1): ["Call home"]}  # 7am on 1 Nov: the grid's last Sunday
    assert _cell(sydney, dt.date(2026, 11, 1)).in_month is False


def test_entries_in_a_day_whole_days_first_then_by_local_time() -> None:
    day = dt.date(2026, 7, 2)

    def at(hour: int, minute: int = 0) -> dt.datetime:
        return dt.datetime(2026, 7, 2, hour, minute, tzinfo=SYDNEY)

    entries = [
        _event("Lunch", at(12, 30)),
        _event("Ferry", at(7, 15)),
        _event("Pay rego", at(9), all_day=True, kind="reminder"),
        Entry("m1", "Oil change", "maintenance", day),
        _event("Breakfast", at(7, 15) - dt.timedelta(minutes=45)),
    ]
    weeks = month_grid(2026, 7, entries, day, SYDNEY)
    assert _days(weeks)[day] == ["Oil change", "Pay rego", "Breakfast", "Ferry", "Lunch"]


def test_multi_day_spans_cover_each_day_but_a_midnight_end_does_not() -> None:
    trip = _event(
        "Grampians", dt.datetime(2026, 5, 29, 9, tzinfo=SYDNEY), dt.datetime(2026, 6, 2, 9, tzinfo=SYDNEY), all_day=True
    )
    party = _event("Party", dt.datetime(2026, 5, 15, 20, tzinfo=SYDNEY), dt.datetime(2026, 5, 16, 0, tzinfo=SYDNEY))
    overnight = _event("Drive", dt.datetime(2026, 5, 20, 22, tzinfo=SYDNEY), dt.datetime(2026, 5, 21, 2, tzinfo=SYDNEY))
    weeks = month_grid(2026, 5, [trip, party, overnight], dt.date(2026, 5, 1), SYDNEY)
    days = _days(weeks)
    assert [d for d, titles in days.items() if "Grampians" in titles] == [
        dt.date(2026, 5, 29),
        dt.date(2026, 5, 30),
        dt.date(2026, 5, 31),  # the grid ends on Sunday 31 May
    ]
    assert [d for d, titles in days.items() if "Party" in titles] == [dt.date(2026, 5, 15)]
    assert [d for d, titles in days.items() if "Drive" in titles] == [dt.date(2026, 5, 20), dt.date(2026, 5, 21)]
    assert time_label(overnight, dt.date(2026, 5, 20), SYDNEY) == "from 10pm"
    assert time_label(overnight, dt.date(2026, 5, 21), SYDNEY) == "until 2am"
    assert time_label(party, dt.date(2026, 5, 15), SYDNEY) == "8pm – 12am"
    assert time_label(trip, dt.date(2026, 5, 30), SYDNEY) == "All day"


def test_dated_items_keep_their_day_whatever_the_zone() -> None:
    due = Entry("m1", "Tyre rotation", "maintenance", dt.date(2026, 8, 31))
    for tz in (SYDNEY, ZoneInfo("America/Los_Angeles"), UTC):
        assert _days(month_grid(2026, 8, [due], dt.date(2026, 8, 1), tz)) == {dt.date(2026, 8, 31): ["Tyre rotation"]}


def test_upcoming_keeps_what_is_still_ahead_soonest_first() -> None:
    now = dt.datetime(2026, 7, 10, 14, 0, tzinfo=SYDNEY)
    entries = [
        _event("Finished this morning", now - dt.timedelta(hours=5)),
        _event("Still on", now - dt.timedelta(hours=1), now + dt.timedelta(hours=1)),
        _event("Today's reminder", now - dt.timedelta(hours=5), all_day=True, kind="reminder"),
        _event("Tomorrow", now + dt.timedelta(days=1)),
        _event("Later today", now + dt.timedelta(hours=2)),
        Entry("m1", "Rego", "maintenance", dt.date(2026, 7, 20)),
        Entry("m2", "Brakes", "maintenance", dt.date(2026, 6, 30), overdue=True),
        Entry("m3", "Done long ago", "maintenance", dt.date(2026, 6, 1)),
        _event("Yesterday", now - dt.timedelta(days=1)),
    ]
    assert [e.title for e in upcoming(entries, now)] == [
        "Brakes",
        "Today's reminder",
        "Still on",
        "Later today",
        "Tomorrow",
        "Rego",
    ]
    assert [e.title for e in upcoming(entries, now, limit=2)] == ["Brakes", "Today's reminder"]


def test_labels_and_month_arithmetic() -> None:
    assert [clock(dt.datetime(2026, 1, 1, h, m)) for h, m in [(0, 0), (9, 0), (12, 0), (14, 30), (23, 5)]] == [
        "12am",
        "9am",
        "12pm",
        "2:30pm",
        "11:05pm",
    ]
    assert shift_month(2026, 12, 1) == (2027, 1)
    assert shift_month(2026, 1, -1) == (2025, 12)
    assert shift_month(2026, 5, -17) == (2024, 12)
    assert month_title(2026, 10) == "October 2026"
    lunch = _event("Lunch", dt.datetime(2026, 7, 2, 2, 30, tzinfo=dt.UTC), dt.datetime(2026, 7, 2, 4, tzinfo=dt.UTC))
    assert time_label(lunch, dt.date(2026, 7, 2), SYDNEY) == "12:30pm – 2pm"

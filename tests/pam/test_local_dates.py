"""Dates, times and periods in free text, always relative to an injected today."""

from __future__ import annotations

import datetime as dt

import pytest

from wheels_wins.pam.local.dates import find_dates, infer_year, resolve_date
from wheels_wins.pam.local.periods import Period, period_beside, resolve_period
from wheels_wins.pam.local.times import find_time, parse_time

WEDNESDAY = dt.date(2026, 3, 11)
SUNDAY = dt.date(2026, 3, 15)
MONDAY = dt.date(2026, 3, 16)
NEW_YEARS_EVE = dt.date(2026, 12, 31)
D = dt.date


@pytest.mark.parametrize(
    ("text", "direction", "want"),
    [
        ("today", "past", D(2026, 3, 11)),
        ("tonight", "past", D(2026, 3, 11)),
        ("this morning", "past", D(2026, 3, 11)),
        ("this arvo", "past", D(2026, 3, 11)),
        ("yesterday", "past", D(2026, 3, 10)),
        ("yesterday arvo", "past", D(2026, 3, 10)),
        ("last night", "past", D(2026, 3, 10)),
        ("the day before yesterday", "past", D(2026, 3, 9)),
        ("two days ago", "past", D(2026, 3, 9)),
        ("3 days ago", "past", D(2026, 3, 8)),
        ("a week ago", "past", D(2026, 3, 4)),
        ("a fortnight ago", "past", D(2026, 2, 25)),
        ("a couple of days ago", "past", D(2026, 3, 9)),
        ("a month ago", "past", D(2026, 2, 11)),
        ("last Friday", "past", D(2026, 3, 6)),
        ("last Wednesday", "past", D(2026, 3, 4)),
        ("on Friday", "past", D(2026, 3, 6)),
        ("Monday", "past", D(2026, 3, 9)),
        ("on wed", "past", D(2026, 3, 4)),
        ("next Tuesday", "future", D(2026, 3, 17)),
        ("next Wednesday", "future", D(2026, 3, 18)),
        ("this Saturday", "future", D(2026, 3, 14)),
        ("this Wednesday", "future", D(2026, 3, 11)),
        ("on Friday", "future", D(2026, 3, 13)),
        ("Friday week", "future", D(2026, 3, 20)),
        ("tomorrow", "future", D(2026, 3, 12)),
        ("the day after tomorrow", "future", D(2026, 3, 13)),
        ("in 3 days", "future", D(2026, 3, 14)),
        ("in a week's time", "future", D(2026, 3, 18)),
        ("two weeks from now", "future", D(2026, 3, 25)),
        ("this weekend", "future", D(2026, 3, 14)),
        ("on 3 March", "past", D(2026, 3, 3)),
        ("on 3 March", "future", D(2027, 3, 3)),
        ("3rd of March", "past", D(2026, 3, 3)),
        ("March 3", "past", D(2026, 3, 3)),
        ("March 3rd, 2025", "future", D(2025, 3, 3)),
        ("on 15 March", "future", D(2026, 3, 15)),
        ("on 15 March", "past", D(2025, 3, 15)),
        ("15/3", "future", D(2026, 3, 15)),
        ("15/03/2026", "past", D(2026, 3, 15)),
        ("15/3/27", "past", D(2027, 3, 15)),
        ("15-03-2026", "past", D(2026, 3, 15)),
        ("2026-03-15", "past", D(2026, 3, 15)),
        ("on the 15th", "future", D(2026, 3, 15)),
        ("on the 15th", "past", D(2026, 2, 15)),
        ("the 2nd", "future", D(2026, 4, 2)),
        ("31 Jan", "future", D(2027, 1, 31)),
    ],
)
def test_resolve_date_on_a_wednesday(text: str, direction: str, want: dt.date) -> None:
    found = resolve_date(text, WEDNESDAY, direction)  # type: ignore[arg-type]
    assert found is not None and found.date == want


@pytest.mark.parametrize(
    ("text", "today", "direction", "want"),
    [
        ("last Sunday", SUNDAY, "past", D(2026, 3, 8)),
        ("next Sunday", SUNDAY, "future", D(2026, 3, 22)),
        ("this Sunday", SUNDAY, "future", D(2026, 3, 15)),
        ("next Monday", SUNDAY, "future", D(2026, 3, 16)),
        ("last Monday", MONDAY, "past", D(2026, 3, 9)),
        ("last Saturday", MONDAY, "past", D(2026, 3, 14)),
        ("yesterday", MONDAY, "past", D(2026, 3, 15)),
        ("this weekend", SUNDAY, "future", D(2026, 3, 15)),
        ("this weekend", SUNDAY, "past", D(2026, 3, 14)),
        ("tomorrow", NEW_YEARS_EVE, "future", D(2027, 1, 1)),
        ("on 2 January", NEW_YEARS_EVE, "future", D(2027, 1, 2)),
        ("29 Feb", D(2026, 3, 1), "past", D(2024, 2, 29)),
    ],
)
def test_resolve_date_across_boundaries(
    text: str, today: dt.date, direction: str, want: dt.date
) -> None:
    found = resolve_date(text, today, direction)  # type: ignore[arg-type]
    assert found is not None and found.date == want


@pytest.mark.parametrize(
    "text",
    [
        "the sun was out",
        "may I ask",
        "$1.89 and $2.10",
        "a 4x4",
        "for the 3rd time",
        "sat down for lunch",
        "10-12 people",
        "wed like to know the total",
    ],
)
def test_no_false_dates(text: str) -> None:
    assert find_dates(text, WEDNESDAY) == []


def test_spans_let_callers_cut_the_phrase() -> None:
    text = "Remind me to renew the rego on 15 March"
    found = resolve_date(text, WEDNESDAY, "future")
    assert (
        found is not None
        and text[: found.start].rstrip() == "Remind me to renew the rego"
    )
    assert found.text == "on 15 March"


def test_every_date_in_order() -> None:
    found = find_dates("from yesterday until next Friday", WEDNESDAY, "future")
    assert [d.date for d in found] == [D(2026, 3, 10), D(2026, 3, 13)]


def test_infer_year_directions() -> None:
    assert infer_year(3, 11, WEDNESDAY, "past") == WEDNESDAY
    assert infer_year(3, 11, WEDNESDAY, "future") == WEDNESDAY
    assert infer_year(3, 12, WEDNESDAY, "past") == D(2025, 3, 12)


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("at 3pm", dt.time(15)),
        ("10:30am", dt.time(10, 30)),
        ("10.30 am", dt.time(10, 30)),
        ("12am", dt.time(0)),
        ("12 pm", dt.time(12)),
        ("15:45", dt.time(15, 45)),
        ("at 3 o'clock", dt.time(15)),
        ("noon", dt.time(12)),
        ("midnight", dt.time(0)),
        ("$10.30", None),
        ("45.5 L", None),
        ("13pm", None),
        ("tmrw 7p", dt.time(19)),  # typed in a hurry
        ("10 Dec 9:15a", dt.time(9, 15)),
        ("site 14a", None),
    ],
)
def test_parse_time(text: str, want: dt.time | None) -> None:
    assert parse_time(text) == want


def test_find_time_span() -> None:
    text = "dentist tomorrow at 2:30pm please"
    found = find_time(text)
    assert found is not None and text[found.start : found.end] == "at 2:30pm"


@pytest.mark.parametrize(
    ("text", "name", "start", "end"),
    [
        ("this month", "this_month", D(2026, 3, 1), D(2026, 3, 31)),
        ("last month", "last_month", D(2026, 2, 1), D(2026, 2, 28)),
        ("this week", "this_week", D(2026, 3, 9), D(2026, 3, 15)),
        ("last week", "last_week", D(2026, 3, 2), D(2026, 3, 8)),
        ("today", "today", WEDNESDAY, WEDNESDAY),
        ("yesterday", "yesterday", D(2026, 3, 10), D(2026, 3, 10)),
        ("this year", "this_year", D(2026, 1, 1), D(2026, 12, 31)),
        ("ever", "all_time", D(1900, 1, 1), D(9999, 12, 31)),
        ("in the last 30 days", "custom", D(2026, 2, 10), WEDNESDAY),
        ("in February", "custom", D(2026, 2, 1), D(2026, 2, 28)),
        ("in June", "custom", D(2025, 6, 1), D(2025, 6, 30)),
        ("this financial year", "custom", D(2025, 7, 1), D(2026, 6, 30)),
        ("next week", "custom", D(2026, 3, 16), D(2026, 3, 22)),
        ("on 3 March", "custom", D(2026, 3, 3), D(2026, 3, 3)),
    ],
)
def test_resolve_period(text: str, name: str, start: dt.date, end: dt.date) -> None:
    period = resolve_period(text, WEDNESDAY)
    assert period is not None and (period.name, period.start, period.end) == (
        name,
        start,
        end,
    )


def test_no_period() -> None:
    assert resolve_period("how much on fuel", WEDNESDAY) is None


_LAST_30_DAYS = Period("custom", D(2026, 2, 10), D(2026, 3, 11))
_MARCH = Period("custom", D(2026, 3, 1), D(2026, 3, 31))
_WEEK = Period("last_week", D(2026, 3, 2), D(2026, 3, 8))


@pytest.mark.parametrize(
    ("text", "asked", "start", "end"),
    [
        ("the 30 days before that", _LAST_30_DAYS, D(2026, 1, 11), D(2026, 2, 9)),
        ("the previous 30 days?", _LAST_30_DAYS, D(2026, 1, 11), D(2026, 2, 9)),
        ("before that", _LAST_30_DAYS, D(2026, 1, 11), D(2026, 2, 9)),
        ("the month before", _LAST_30_DAYS, D(2026, 1, 10), D(2026, 2, 9)),
        ("the month before that", _MARCH, D(2026, 2, 1), D(2026, 2, 28)),
        ("the previous one", _MARCH, D(2026, 2, 1), D(2026, 2, 28)),
        ("the month after", _MARCH, D(2026, 4, 1), D(2026, 4, 30)),
        ("the week before", _WEEK, D(2026, 2, 23), D(2026, 3, 1)),
        ("the two weeks before that", _WEEK, D(2026, 2, 16), D(2026, 3, 1)),
        ("the fortnight after", _WEEK, D(2026, 3, 9), D(2026, 3, 22)),
        ("the year before", Period("custom", D(2025, 1, 1), D(2025, 12, 31)), D(2024, 1, 1), D(2024, 12, 31)),
        ("fuel the month before", _MARCH, D(2026, 2, 1), D(2026, 2, 28)),
    ],
)
def test_a_period_beside_the_one_asked_about(text: str, asked: Period, start: dt.date, end: dt.date) -> None:
    assert period_beside(text, asked) == Period("custom", start, end)


@pytest.mark.parametrize("text", ["groceries", "last month", "the days before christmas", "before the trip"])
def test_no_period_beside(text: str) -> None:
    assert period_beside(text, _MARCH) is None


@pytest.mark.parametrize(
    ("text", "direction", "want"),
    [
        ("on Boxing Day", "future", D(2026, 12, 26)),
        ("Christmas Day", "past", D(2025, 12, 25)),
        ("over christmas", "future", D(2026, 12, 25)),
        ("new years eve", "future", D(2026, 12, 31)),
        ("New Year's Day", "future", D(2027, 1, 1)),
        ("Australia Day", "past", D(2026, 1, 26)),
        ("Anzac Day", "future", D(2026, 4, 25)),
        ("on Easter Monday", "future", D(2026, 4, 6)),  # Easter Sunday 2026 is 5 April
        ("Good Friday", "past", D(2025, 4, 18)),
        ("Melbourne Cup day", "future", D(2026, 11, 3)),  # the first Tuesday of November
    ],
)
def test_holidays_are_dates(text: str, direction: str, want: dt.date) -> None:
    found = resolve_date(text, WEDNESDAY, direction)  # type: ignore[arg-type]
    assert found is not None and found.date == want


@pytest.mark.parametrize("text", ["presents for christmas", "easter eggs", "a christmas tree", "halloween costume"])
def test_a_season_named_without_a_day_is_not_a_date(text: str) -> None:
    assert find_dates(text, WEDNESDAY, "future") == []

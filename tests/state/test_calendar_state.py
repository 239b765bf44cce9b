"""The Calendar tab's parts below the browser: the dialog's validation in the user's timezone, the month's
read (events plus maintenance due dates), and the rows and labels the page shows."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from sqlmodel import Session

from wheels_wins.pages.wheels.calendar import read_month
from wheels_wins.pages.wheels.calendar_form import parse_event
from wheels_wins.pages.wheels.calendar_rows import day_title, day_views, due_entries, entry_view
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.services.calendar_grid import Entry, month_grid, upcoming
from wheels_wins.services.maintenance_due import DueItem
from wheels_wins.services.vehicle_log import log_maintenance

SYDNEY = ZoneInfo("Australia/Sydney")
FORM = {"title": "Ferry to Devonport", "date": "2026-10-04", "start_time": "19:30", "kind": "event"}


def test_a_timed_event_is_read_in_the_users_timezone_and_stored_as_an_instant() -> None:
    parsed = parse_event({**FORM, "end_date": "2026-10-05", "end_time": "07:00"}, all_day=False, tz=SYDNEY)
    assert parsed.errors == {}
    fields = parsed.fields
    assert fields is not None
    assert fields["start"] == dt.datetime(2026, 10, 4, 8, 30, tzinfo=dt.UTC)  # +11 after the clocks went forward
    assert fields["end"] == dt.datetime(2026, 10, 4, 20, 0, tzinfo=dt.UTC)
    assert (fields["title"], fields["kind"], fields["all_day"], fields["description"]) == (
        "Ferry to Devonport",
        "event",
        False,
        "",
    )


def test_a_time_skipped_by_daylight_saving_moves_forward() -> None:
    fields = parse_event({**FORM, "start_time": "02:30"}, all_day=False, tz=SYDNEY).fields
    assert fields is not None
    assert fields["start"].astimezone(SYDNEY).strftime("%H:%M %z") == "03:30 +1100"


def test_all_day_entries_sit_at_nine_local_and_span_to_their_last_day() -> None:
    one_day = parse_event(
        {**FORM, "kind": "reminder", "start_time": "", "end_date": "2026-10-04"}, all_day=True, tz=SYDNEY
    ).fields
    assert one_day is not None
    assert one_day["start"] == dt.datetime(2026, 10, 4, 9, tzinfo=SYDNEY) and one_day["end"] is None
    assert one_day["all_day"] is True and one_day["kind"] == "reminder"
    span = parse_event({**FORM, "end_date": "2026-10-07", "end_time": "08:00"}, all_day=True, tz=SYDNEY).fields
    assert span is not None and span["end"] == dt.datetime(2026, 10, 7, 9, tzinfo=SYDNEY)


@pytest.mark.parametrize(
    ("changes", "all_day", "field", "message"),
    [
        ({"title": "  "}, False, "title", "Give it a title."),
        ({"title": "x" * 161}, False, "title", "Keep the title under 160 characters."),
        ({"date": ""}, False, "date", "Enter a real date."),
        ({"date": "2026-02-30"}, True, "date", "Enter a real date."),
        ({"start_time": ""}, False, "start_time", "Enter a start time, or make it all day."),
        ({"start_time": "25:00"}, False, "start_time", "Enter a start time, or make it all day."),
        ({"end_time": "19:30"}, False, "end", "The end must be after the start (7:30pm)."),
        ({"end_time": "08:00"}, False, "end", "The end must be after the start (7:30pm)."),
        ({"end_date": "2026-10-03", "end_time": "20:00"}, False, "end", "The end must be after the start (7:30pm)."),
        ({"end_date": "2026-10-06"}, False, "end", "Add an end time for the end date, or leave both empty."),
        ({"end_time": "later"}, False, "end", "Enter the end time like 14:30."),
        ({"end_date": "2026-10-03"}, True, "end", "The end date must be after the start date."),
        ({"end_date": "soon"}, True, "end", "Enter a real end date, or leave it empty."),
        ({"kind": "party"}, False, "kind", "Choose event or reminder."),
        ({"description": "x" * 2001}, False, "description", "Keep the notes under 2000 characters."),
    ],
)
def test_each_mistake_is_named_beside_its_field(changes: dict, all_day: bool, field: str, message: str) -> None:
    parsed = parse_event({**FORM, **changes}, all_day=all_day, tz=SYDNEY)
    assert parsed.fields is None
    assert parsed.errors == {field: message}


def test_the_month_holds_events_and_maintenance_due_dates(session: Session, make_user) -> None:
    user = make_user(timezone="Australia/Sydney")
    now = dt.datetime(2026, 10, 14, 10, 0, tzinfo=SYDNEY)
    for title, start, end in [
        ("Late September", dt.datetime(2026, 9, 27, 9, tzinfo=SYDNEY), None),  # before the grid's first Monday
        ("Grid's first Monday", dt.datetime(2026, 9, 28, 0, 30, tzinfo=SYDNEY), None),
        ("Long weekend", dt.datetime(2026, 9, 26, 9, tzinfo=SYDNEY), dt.datetime(2026, 9, 29, 9, tzinfo=SYDNEY)),
        ("Dentist", dt.datetime(2026, 10, 20, 14, tzinfo=SYDNEY), None),
        ("Next year", dt.datetime(2027, 1, 5, 9, tzinfo=SYDNEY), None),
    ]:
        calendar_repo.create(session, user_id=user.id, title=title, start=start, end=end, all_day=end is not None)
    log_maintenance(session, user=user, task="Brakes", date=dt.date(2026, 4, 1), next_due_date=dt.date(2026, 10, 2))
    log_maintenance(session, user=user, task="Rego", date=dt.date(2025, 11, 30), next_due_date=dt.date(2026, 10, 30))
    log_maintenance(session, user=user, task="Tyres", date=dt.date(2026, 1, 5), next_due_date=dt.date(2027, 3, 1))
    log_maintenance(session, user=user, task="Oil", date=dt.date(2026, 9, 1), next_due_km=90_000)  # no day to show
    session.commit()

    month, ahead = read_month(session, user_id=user.id, year=2026, month=10, now=now)
    weeks = month_grid(2026, 10, month, now.date(), SYDNEY)
    on = {cell.day: [e.title for e in cell.entries] for week in weeks for cell in week if cell.entries}
    assert on == {
        dt.date(2026, 9, 28): ["Long weekend", "Grid's first Monday"],
        dt.date(2026, 9, 29): ["Long weekend"],
        dt.date(2026, 10, 2): ["Brakes"],
        dt.date(2026, 10, 20): ["Dentist"],
        dt.date(2026, 10, 30): ["Rego"],
    }
    assert [(e.title, e.overdue) for e in upcoming(ahead, now)] == [
        ("Brakes", True),
        ("Dentist", False),
        ("Rego", False),
        ("Next year", False),
        ("Tyres", False),
    ]
    assert read_month(session, user_id=make_user().id, year=2026, month=10, now=now) == ([], [])


def test_only_dated_maintenance_gets_a_day() -> None:
    items = [
        DueItem("Oil change", False, 20, None, due_date=dt.date(2026, 5, 1)),
        DueItem("Tyres", True, None, -200, due_km=80_000),
        DueItem("Brakes", True, -3, None, due_date=dt.date(2026, 4, 8)),
    ]
    assert [(e.title, e.start, e.overdue, e.kind) for e in due_entries(items)] == [
        ("Oil change", dt.date(2026, 5, 1), False, "maintenance"),
        ("Brakes", dt.date(2026, 4, 8), True, "maintenance"),
    ]


def test_rows_say_when_in_words() -> None:
    now = dt.datetime(2026, 7, 10, 14, 0, tzinfo=SYDNEY)  # a Friday

    def when(entry: Entry) -> str:
        return entry_view(entry, entry.days(SYDNEY)[0], SYDNEY, now=now, upcoming=True).when

    at = dt.datetime(2026, 7, 10, 16, 30, tzinfo=SYDNEY)
    assert when(Entry("1", "Later", "event", at)) == "Today, 4:30pm"
    assert when(Entry("2", "Tomorrow", "reminder", at + dt.timedelta(days=1), all_day=True)) == "Tomorrow"
    assert when(Entry("3", "Monday", "event", at + dt.timedelta(days=3))) == "Mon 13 Jul, 4:30pm"
    assert when(Entry("4", "On now", "event", now - dt.timedelta(hours=1), now + dt.timedelta(hours=1))) == (
        "Now, until 3pm"
    )
    holiday = Entry("5", "Holiday", "event", now - dt.timedelta(days=2), now + dt.timedelta(days=2), all_day=True)
    assert when(holiday) == "Until Sun 12 Jul"
    assert when(Entry("6", "Rego", "maintenance", dt.date(2026, 7, 11))) == "Due Tomorrow"
    assert when(Entry("7", "Brakes", "maintenance", dt.date(2026, 7, 1), overdue=True)) == "Overdue since Wed 1 Jul"
    brakes = entry_view(
        Entry("7", "Brakes", "maintenance", dt.date(2026, 7, 1), overdue=True), now.date(), SYDNEY, now=now
    )
    assert (brakes.color, brakes.editable, brakes.time) == ("red", False, "Overdue")
    lunch = entry_view(Entry("8", "Lunch", "event", at, at + dt.timedelta(hours=1)), at.date(), SYDNEY, now=now)
    assert (lunch.when, lunch.short_time, lunch.color, lunch.editable) == ("4:30pm – 5:30pm", "4:30pm", "teal", True)
    assert day_title(dt.date(2026, 7, 10), now.date()) == "Today · Friday 10 July"
    assert day_title(dt.date(2027, 1, 1), now.date()) == "Friday 1 January 2027"


def test_a_busy_day_shows_two_chips_and_how_many_more() -> None:
    now = dt.datetime(2026, 7, 10, 8, 0, tzinfo=SYDNEY)
    busy = [Entry(str(i), f"Thing {i}", "event", now + dt.timedelta(hours=i)) for i in range(5)]
    calm = [Entry("r", "Rego", "reminder", now + dt.timedelta(days=1), all_day=True)]
    cells = {v.iso: v for v in day_views(month_grid(2026, 7, [*busy, *calm], now.date(), SYDNEY), SYDNEY, now)}
    friday, saturday = cells["2026-07-10"], cells["2026-07-11"]
    assert [c.title for c in friday.chips] == ["Thing 0", "Thing 1"] and friday.more == "+3 more"
    assert friday.dots == ["teal"] and friday.is_today and friday.label == "Friday 10 July, 5 entries"
    assert [c.title for c in saturday.chips] == ["Rego"] and saturday.more == "" and saturday.dots == ["amber"]
    assert saturday.label == "Saturday 11 July, 1 entry" and cells["2026-07-12"].label == "Sunday 12 July"

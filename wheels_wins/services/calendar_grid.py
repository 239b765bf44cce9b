"""The calendar's month grid and upcoming list as plain data: which entries fall on which local day.

Events and reminders are UTC instants placed on days in the viewer's timezone; maintenance due
dates and trip starts are whole days with no timezone. Weeks start on Monday.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from zoneinfo import ZoneInfo

KIND_ORDER = {"maintenance": 0, "trip": 1, "reminder": 2, "event": 3}


@dataclass(frozen=True)
class Entry:
    """Something on the calendar.

    `start`/`end` are aware datetimes for events and reminders, or dates for whole-day items
    (a maintenance task's due date, a trip's start). `overdue` keeps a past item in the upcoming list.
    """

    key: str
    title: str
    kind: str
    start: dt.datetime | dt.date
    end: dt.datetime | dt.date | None = None
    all_day: bool = False
    description: str = ""
    overdue: bool = False

    @property
    def timed(self) -> bool:
        """Whether it starts at a time of day (not all-day, not a dated item)."""
        return isinstance(self.start, dt.datetime) and not self.all_day

    def local_start(self, tz: ZoneInfo) -> dt.datetime | None:
        """When it starts in `tz`, or None for a dated item."""
        return self.start.astimezone(tz) if isinstance(self.start, dt.datetime) else None

    def local_end(self, tz: ZoneInfo) -> dt.datetime | None:
        """When it ends in `tz`, or None when it has no end time."""
        return self.end.astimezone(tz) if isinstance(self.end, dt.datetime) else None

    def days(self, tz: ZoneInfo) -> tuple[dt.date, dt.date]:
        """The first and last local day it covers (a timed event ending at midnight doesn't cover the next day)."""
        first = _local_day(self.start, tz)
        if self.end is None:
            return first, first
        last = _local_day(self.end, tz)
        end = self.local_end(tz)
        if self.timed and end is not None and end.time() == dt.time.min and last > first:
            last -= dt.timedelta(days=1)
        return first, max(first, last)


@dataclass(frozen=True)
class DayCell:
    """One square of the month grid."""

    day: dt.date
    in_month: bool
    is_today: bool
    entries: tuple[Entry, ...]


def _local_day(value: dt.datetime | dt.date, tz: ZoneInfo) -> dt.date:
    return value.astimezone(tz).date() if isinstance(value, dt.datetime) else value


def grid_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    """The Monday before (or on) the 1st and the Sunday after (or on) the last day of the month."""
    first = dt.date(year, month, 1)
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return first - dt.timedelta(days=first.weekday()), last + dt.timedelta(days=6 - last.weekday())


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """The (year, month) `delta` months away."""
    index = year * 12 + (month - 1) + delta
    return index // 12, index % 12 + 1


def day_order(entry: Entry, tz: ZoneInfo) -> tuple[int, dt.time, int, str]:
    """Sort key within a day: whole-day items first, then by local start time."""
    start = entry.local_start(tz)
    timed = entry.timed and start is not None
    return (
        1 if timed else 0,
        start.time() if timed and start else dt.time.min,
        KIND_ORDER.get(entry.kind, 9),
        entry.title.lower(),
    )


def entries_by_day(entries: Iterable[Entry], first: dt.date, last: dt.date, tz: ZoneInfo) -> dict[dt.date, list[Entry]]:
    """Each local day from `first` to `last` with the entries covering it, in day order."""
    by_day: dict[dt.date, list[Entry]] = {}
    for entry in entries:
        start, end = entry.days(tz)
        day = max(start, first)
        while day <= min(end, last):
            by_day.setdefault(day, []).append(entry)
            day += dt.timedelta(days=1)
    for items in by_day.values():
        items.sort(key=lambda e: day_order(e, tz))
    return by_day


def month_grid(year: int, month: int, entries: Iterable[Entry], today: dt.date, tz: ZoneInfo) -> list[list[DayCell]]:
    """The weeks (Monday first) showing `month`, each day with its entries in the viewer's timezone `tz`."""
    first, last = grid_bounds(year, month)
    by_day = entries_by_day(entries, first, last, tz)
    weeks: list[list[DayCell]] = []
    day = first
    while day <= last:
        week = []
        for _ in range(7):
            week.append(DayCell(day, day.month == month, day == today, tuple(by_day.get(day, ()))))
            day += dt.timedelta(days=1)
        weeks.append(week)
    return weeks


def upcoming(entries: Iterable[Entry], now: dt.datetime, limit: int = 10) -> list[Entry]:
    """What is still ahead at `now` (aware, in the viewer's timezone), soonest first, overdue items on top.

    A timed event stays until it ends (or starts, without an end); a whole-day item until its last day is over.
    """
    tz = now.tzinfo
    assert isinstance(tz, ZoneInfo), "now must carry the viewer's ZoneInfo"
    today = now.date()

    def ahead(entry: Entry) -> bool:
        if entry.overdue:
            return True
        if entry.timed:
            return (entry.end or entry.start) > now  # type: ignore[operator]
        return entry.days(tz)[1] >= today

    def order(entry: Entry) -> tuple[bool, dt.date, tuple[int, dt.time, int, str]]:
        return (not entry.overdue, entry.days(tz)[0], day_order(entry, tz))

    return sorted((e for e in entries if ahead(e)), key=order)[:limit]


def clock(moment: dt.datetime) -> str:
    """A compact time of day: '9am', '2:30pm', '12pm'."""
    hour = moment.hour % 12 or 12
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{hour}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def time_label(entry: Entry, day: dt.date, tz: ZoneInfo) -> str:
    """What the entry does on `day`: '9am', '9am – 11:30am', 'until 11am', or 'All day'."""
    start, end = entry.local_start(tz), entry.local_end(tz)
    if not entry.timed or start is None:
        return "All day"
    first, last = entry.days(tz)
    if first == last:
        return f"{clock(start)} – {clock(end)}" if end and end != start else clock(start)
    if day == first:
        return f"from {clock(start)}"
    if day == last and end is not None:
        return f"until {clock(end)}"
    return "All day"


def month_title(year: int, month: int) -> str:
    """'October 2026'."""
    return f"{calendar.month_name[month]} {year}"


WEEKDAY_NAMES: Sequence[str] = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")

"""What the Calendar tab shows, as ready-made rows: events and maintenance due dates turned into entries,
the month's day cells, a day's list and the upcoming list, with labels in the user's timezone."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Iterable, Sequence
from zoneinfo import ZoneInfo

from wheels_wins.components.format import day_label
from wheels_wins.models import CalendarEvent
from wheels_wins.services.calendar_grid import DayCell, Entry, clock, time_label
from wheels_wins.services.maintenance_due import DueItem

CELL_ENTRIES = 3  # a desktop cell lists up to three; with more it shows two and "+N more"
KIND_COLORS = {"event": "teal", "reminder": "amber", "maintenance": "orange", "trip": "blue"}
KIND_NAMES = {"event": "Event", "reminder": "Reminder", "maintenance": "Maintenance due", "trip": "Trip starts"}


@dataclasses.dataclass
class EntryView:
    """One entry in a day cell, a day's list or the upcoming list."""

    key: str = ""
    title: str = ""
    kind: str = "event"
    color: str = "teal"
    time: str = ""
    short_time: str = ""
    when: str = ""
    note: str = ""
    editable: bool = False
    overdue: bool = False


@dataclasses.dataclass
class DayView:
    """One square of the month grid."""

    iso: str = ""
    number: str = ""
    in_month: bool = True
    is_today: bool = False
    chips: list[EntryView] = dataclasses.field(default_factory=list)
    more: str = ""
    dots: list[str] = dataclasses.field(default_factory=list)
    label: str = ""


def event_entry(event: CalendarEvent) -> Entry:
    """A stored event or reminder as a calendar entry."""
    return Entry(
        key=str(event.id),
        title=event.title,
        kind=event.kind if event.kind in ("event", "reminder") else "event",
        start=event.start,
        end=event.end,
        all_day=event.all_day,
        description=event.description,
    )


def due_entries(items: Iterable[DueItem]) -> list[Entry]:
    """Maintenance coming due, one entry per task that has a due date (km-only tasks have no day to sit on)."""
    return [
        Entry(f"due-{index}", item.task, "maintenance", item.due_date, overdue=item.overdue)
        for index, item in enumerate(items)
        if item.due_date is not None
    ]


def _when_day(day: dt.date, today: dt.date) -> str:
    return "Tomorrow" if day == today + dt.timedelta(days=1) else day_label(day, today)


def _upcoming_when(entry: Entry, tz: ZoneInfo, now: dt.datetime) -> str:
    """'Today, 9am', 'Tomorrow', 'Mon 3 Nov – Wed 5 Nov', 'Now, until 2pm', 'Until Sun 5 Jul'."""
    today = now.date()
    first, last = entry.days(tz)
    start, end = entry.local_start(tz), entry.local_end(tz)
    if entry.timed and start is not None and start < now:
        if end is None:
            return "Now"
        return f"Now, until {clock(end)}" if end.date() == today else f"Now, until {_when_day(last, today)}"
    if first < today:
        return f"Until {_when_day(last, today)}"
    label = _when_day(first, today) + (f", {clock(start)}" if entry.timed and start else "")
    return label if first == last else f"{label} – {_when_day(last, today)}"


def entry_view(entry: Entry, day: dt.date, tz: ZoneInfo, *, now: dt.datetime, upcoming: bool = False) -> EntryView:
    """`entry` as shown on `day` (its time that day), or in the upcoming list (`when` it happens, from `now`)."""
    today = now.date()
    first, last = entry.days(tz)
    start = entry.local_start(tz)
    short_time = clock(start) if entry.timed and start is not None and day == first else ""
    if entry.kind == "maintenance":
        time = "Overdue" if entry.overdue else "Due"
        if first < today:
            when = f"Overdue since {day_label(first, today)}"
        else:  # overdue by distance before its date
            when = f"{'Overdue by distance; date due' if entry.overdue else 'Due'} {_when_day(first, today)}"
    else:
        time = time_label(entry, day, tz)
        if upcoming:
            when = _upcoming_when(entry, tz, now)
        else:
            when = time if first == last else f"{time} · {day_label(first, today)} – {day_label(last, today)}"
    return EntryView(
        key=entry.key,
        title=entry.title,
        kind=entry.kind,
        color="red" if entry.overdue else KIND_COLORS.get(entry.kind, "gray"),
        time=time,
        short_time=short_time,
        when=when,
        note=entry.description,
        editable=entry.kind in ("event", "reminder"),
        overdue=entry.overdue,
    )


def day_views(weeks: Sequence[Sequence[DayCell]], tz: ZoneInfo, now: dt.datetime) -> list[DayView]:
    """The grid's cells, Monday to Sunday week after week."""
    views = []
    for week in weeks:
        for cell in week:
            rows = [entry_view(e, cell.day, tz, now=now) for e in cell.entries]
            shown = rows if len(rows) <= CELL_ENTRIES else rows[: CELL_ENTRIES - 1]
            count = len(rows)
            views.append(
                DayView(
                    iso=cell.day.isoformat(),
                    number=str(cell.day.day),
                    in_month=cell.in_month,
                    is_today=cell.is_today,
                    chips=shown,
                    more=f"+{count - len(shown)} more" if count > len(shown) else "",
                    dots=list(dict.fromkeys(row.color for row in rows))[:CELL_ENTRIES],
                    label=f"{cell.day:%A} {cell.day.day} {cell.day:%B}"
                    + (f", {count} {'entry' if count == 1 else 'entries'}" if count else ""),
                )
            )
    return views


def day_title(day: dt.date, today: dt.date) -> str:
    """'Today · Thursday 2 July' or 'Thursday 2 July 2027'."""
    text = f"{day:%A} {day.day} {day:%B}" + (f" {day.year}" if day.year != today.year else "")
    relative = {today: "Today", today + dt.timedelta(days=1): "Tomorrow", today - dt.timedelta(days=1): "Yesterday"}
    return f"{relative[day]} · {text}" if day in relative else text

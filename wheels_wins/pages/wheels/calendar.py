"""Wheels › Calendar: a month view and the upcoming list, maintenance due dates included."""

from __future__ import annotations

import datetime as dt
import uuid
from zoneinfo import ZoneInfo

import reflex as rx
from sqlmodel import Session

from wheels_wins.models import User
from wheels_wins.pages.wheels.calendar_rows import (
    DayView,
    EntryView,
    day_title,
    day_views,
    due_entries,
    entry_view,
    event_entry,
)
from wheels_wins.repositories import calendar as calendar_repo
from wheels_wins.services import calendar_grid, money
from wheels_wins.services.calendar_grid import Entry
from wheels_wins.services.maintenance_due import maintenance_due
from wheels_wins.state.auth import current_user, run_in_session

UPCOMING = 10
# Maintenance due within a year shows in the upcoming list; the displayed month may reach further.
DUE_HORIZON_DAYS = 366


def read_month(
    session: Session, *, user_id: uuid.UUID, year: int, month: int, now: dt.datetime
) -> tuple[list[Entry], list[Entry]]:
    """The entries on the month's grid and the upcoming entries, read in one transaction.

    `now` is aware in the user's timezone.
    """
    tz = now.tzinfo
    assert isinstance(tz, ZoneInfo)
    today = now.date()
    first, last = calendar_grid.grid_bounds(year, month)
    # A day of slack each side: a zone whose clocks jump at midnight has no 00:00 on that day.
    window_start = dt.datetime.combine(first - dt.timedelta(days=1), dt.time.min, tzinfo=tz)
    window_end = dt.datetime.combine(last + dt.timedelta(days=2), dt.time.min, tzinfo=tz)
    events = calendar_repo.overlapping(session, user_id=user_id, start=window_start, end=window_end)
    ahead = calendar_repo.upcoming(
        session,
        user_id=user_id,
        now=now,
        day_start=dt.datetime.combine(today, dt.time.min, tzinfo=tz),
        limit=UPCOMING,
    )
    soon_days = max(DUE_HORIZON_DAYS, (last - today).days)
    due = due_entries(maintenance_due(session, user_id=user_id, today=today, soon_days=soon_days))
    return [*map(event_entry, events), *due], [*map(event_entry, ahead), *due]


class CalendarState(rx.State):
    """The month on show, the selected day with its entries, and the upcoming list."""

    loaded: bool = False
    year: int = 0
    month: int = 0
    month_title: str = ""
    today_iso: str = ""
    timezone: str = ""
    days: rx.Field[list[DayView]] = rx.field(default_factory=list)
    selected: str = ""
    selected_title: str = ""
    day_entries: rx.Field[list[EntryView]] = rx.field(default_factory=list)
    upcoming: rx.Field[list[EntryView]] = rx.field(default_factory=list)
    _by_day: dict[str, list[EntryView]] = {}

    async def _show(self, user: User, year: int, month: int, selected: dt.date | None = None) -> None:
        tz = money.zone(user.timezone)
        now = dt.datetime.now(tz)
        today = now.date()
        month_entries, ahead = await run_in_session(
            lambda session: read_month(session, user_id=user.id, year=year, month=month, now=now)
        )
        first, last = calendar_grid.grid_bounds(year, month)
        weeks = calendar_grid.month_grid(year, month, month_entries, today, tz)
        by_day = calendar_grid.entries_by_day(month_entries, first, last, tz)
        self._by_day = {
            day.isoformat(): [entry_view(e, day, tz, now=now) for e in entries] for day, entries in by_day.items()
        }
        self.year, self.month = year, month
        self.month_title = calendar_grid.month_title(year, month)
        self.today_iso = today.isoformat()
        self.timezone = tz.key
        self.days = day_views(weeks, tz, now)
        self.upcoming = [
            entry_view(e, e.days(tz)[0], tz, now=now, upcoming=True)
            for e in calendar_grid.upcoming(ahead, now, UPCOMING)
        ]
        if selected is None or not first <= selected <= last:
            selected = today if today.year == year and today.month == month else dt.date(year, month, 1)
        self._select(selected, today)
        self.loaded = True

    def _select(self, day: dt.date, today: dt.date) -> None:
        self.selected = day.isoformat()
        self.selected_title = day_title(day, today)
        self.day_entries = self._by_day.get(self.selected, [])

    def _selected_day(self) -> dt.date | None:
        try:
            return dt.date.fromisoformat(self.selected)
        except ValueError:
            return None

    @rx.event
    async def load(self):
        """Read the month on show (this month at first), keeping the selected day."""
        user = await current_user(self)
        if user is None:
            return
        if not self.year:
            today = money.today_in(user.timezone)
            await self._show(user, today.year, today.month, today)
        else:
            await self._show(user, self.year, self.month, self._selected_day())

    @rx.event
    async def go_month(self, delta: int):
        """Show the previous (-1) or next (+1) month."""
        user = await current_user(self)
        if user is None or not self.year:
            return
        year, month = calendar_grid.shift_month(self.year, self.month, max(-12, min(12, int(delta))))
        await self._show(user, year, month)

    @rx.event
    async def go_today(self):
        """Show this month with today selected."""
        user = await current_user(self)
        if user is None:
            return
        today = money.today_in(user.timezone)
        await self._show(user, today.year, today.month, today)

    @rx.event
    async def select_day(self, iso: str):
        """Select a day of the grid and list its entries."""
        if not self.year or await current_user(self) is None:
            return
        try:
            day = dt.date.fromisoformat(str(iso))
        except ValueError:
            return
        first, last = calendar_grid.grid_bounds(self.year, self.month)
        if first <= day <= last:
            self._select(day, dt.date.fromisoformat(self.today_iso))

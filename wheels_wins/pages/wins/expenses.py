"""The expense table's state: filters, sorting, paging, the filtered total, and CSV export."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from decimal import Decimal
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.format import day_label
from wheels_wins.db import parse_uuid
from wheels_wins.models import Expense, User
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import csv_export, money
from wheels_wins.services.categories import CATEGORIES, CATEGORY_LABELS
from wheels_wins.state.auth import current_user, run_as_user, run_in_session

PAGE_SIZE = 25
PERIODS: dict[str, str] = {
    "this_month": "This month",
    "last_month": "Last month",
    "last_90_days": "Last 90 days",
    "this_year": "This year",
    "all": "All time",
    "custom": "Custom dates",
}
SORTS = ("date", "amount", "category", "merchant")
ALL = "all"


@dataclasses.dataclass
class ExpenseRow:
    """One expense as the table shows it."""

    id: str
    day: str
    date: str
    title: str
    merchant: str
    category: str
    category_key: str
    trip: str
    trip_id: str
    amount: str
    amount_value: str
    description: str
    source: str = "manual"


@dataclasses.dataclass
class Option:
    """A value and its label for a select."""

    value: str
    label: str


def period_range(period: str, today: dt.date, start: str, end: str) -> tuple[dt.date | None, dt.date | None]:
    """The dates a period filter covers (custom uses the typed dates; a bad one means no bound)."""
    first = today.replace(day=1)
    if period == "this_month":
        return money.month_range(today)
    if period == "last_month":
        return money.month_range(first - dt.timedelta(days=1))
    if period == "last_90_days":
        return today - dt.timedelta(days=89), today
    if period == "this_year":
        return today.replace(month=1, day=1), today.replace(month=12, day=31)
    if period == "custom":
        return _date_or_none(start), _date_or_none(end)
    return None, None


def _date_or_none(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        return None


def _row(expense: Expense, trips: dict[uuid.UUID, str], today: dt.date, currency: str) -> ExpenseRow:
    label = CATEGORY_LABELS.get(expense.category, expense.category.title())
    return ExpenseRow(
        id=str(expense.id),
        day=day_label(expense.date, today),
        date=expense.date.isoformat(),
        title=expense.description or expense.merchant or label,
        merchant=expense.merchant if expense.description else "",
        category=label,
        category_key=expense.category,
        trip=trips.get(expense.trip_id, "") if expense.trip_id else "",
        trip_id=str(expense.trip_id or ""),
        amount=money.format_money(expense.amount, expense.currency or currency),
        amount_value=f"{expense.amount:.2f}",
        description=expense.description,
        source=expense.source,
    )


class ExpensesState(rx.State):
    """What the expense table shows and how it is filtered."""

    loaded: bool = False
    rows: rx.Field[list[ExpenseRow]] = rx.field(default_factory=list)
    trips: rx.Field[list[Option]] = rx.field(default_factory=list)
    count: int = 0
    total: str = ""
    page: int = 0

    period: str = "this_month"
    start: str = ""
    end: str = ""
    category: str = ALL
    trip: str = ALL
    search: str = ""
    sort: str = "date"
    descending: bool = True

    @rx.var
    def page_count(self) -> int:
        """How many pages the filtered set fills."""
        return max(1, -(-self.count // PAGE_SIZE))

    @rx.var
    def range_label(self) -> str:
        """E.g. "26–50 of 312"."""
        if not self.count:
            return "No expenses"
        first = self.page * PAGE_SIZE + 1
        return f"{first}–{min(self.count, first + PAGE_SIZE - 1)} of {self.count}"

    @rx.var
    def filtered(self) -> bool:
        """Whether any filter narrows the list beyond the default month."""
        return (self.period, self.category, self.trip, self.search) != ("this_month", ALL, ALL, "")

    def _filters(self, user: User) -> dict[str, Any]:
        start, end = period_range(self.period, money.today_in(user.timezone), self.start, self.end)
        trip_id = parse_uuid(self.trip)
        return {
            "start": start,
            "end": end,
            "category": self.category if self.category in CATEGORIES else None,
            "trip_id": trip_id,
            "search": self.search.strip() or None,
        }

    @rx.event
    async def load(self):
        """The page's load (and after a change): the trips for the filter, then the current page of the list."""
        await self._show_page(with_trips=True)

    async def _show_page(self, *, with_trips: bool = False) -> None:
        """Read the current page of the filtered list, its count and its total, in one transaction.

        Trip titles label the rows and fill the trip filter: read on the page's load, reused when a
        filter, the sort or the page changes, and read again if a row names a trip not among them.
        """
        known = None if with_trips else {uuid.UUID(option.value): option.label for option in self.trips}
        page, sort, descending = self.page, self.sort, self.descending

        def read(session: Session, user: User) -> tuple[list[Expense], int, Decimal, dict[uuid.UUID, str], int]:
            filters = self._filters(user)  # reads only the filter strings
            at = page
            while True:
                rows = expense_repo.list_rows(
                    session,
                    user_id=user.id,
                    limit=PAGE_SIZE,
                    offset=at * PAGE_SIZE,
                    sort=sort,
                    descending=descending,
                    **filters,
                )
                count, total = money.expense_list_totals(session, user_id=user.id, **filters)
                if rows or not count or not at:
                    break
                at = max(0, (count - 1) // PAGE_SIZE)  # the page emptied under us (deletes): step back
            titles = known
            if titles is None or any(e.trip_id and e.trip_id not in titles for e in rows):
                titles = trip_repo.titles(session, user_id=user.id)
            return rows, count, total, titles, at

        found = await run_as_user(self, read)
        if found is None:
            return
        user, (rows, count, total, titles, shown_page) = found
        self.page = shown_page
        today = money.today_in(user.timezone)
        self.rows = [_row(e, titles, today, user.currency) for e in rows]
        self.count = count
        self.total = money.format_money(total, user.currency)
        if titles is not known:
            self.trips = [Option(str(trip_id), title) for trip_id, title in titles.items()]
        self.loaded = True

    async def _refilter(self) -> None:
        self.page = 0
        await self._show_page()

    @rx.event
    async def set_period(self, period: str):
        """Pick a period preset (or custom dates)."""
        if period in PERIODS:
            self.period = period
            await self._refilter()

    @rx.event
    async def set_start(self, value: str):
        """Custom range: first day."""
        self.start, self.period = value, "custom"
        await self._refilter()

    @rx.event
    async def set_end(self, value: str):
        """Custom range: last day."""
        self.end, self.period = value, "custom"
        await self._refilter()

    @rx.event
    async def set_category(self, value: str):
        """Only one category (or all)."""
        self.category = value if value in CATEGORIES else ALL
        await self._refilter()

    @rx.event
    async def set_trip(self, value: str):
        """Only one trip's expenses (or all)."""
        self.trip = value if parse_uuid(value) else ALL
        await self._refilter()

    @rx.event
    async def set_search(self, value: str):
        """Text search over description and merchant."""
        self.search = value[:100]
        await self._refilter()

    @rx.event
    async def sort_by(self, column: str):
        """Sort by a column; choosing the same column again flips the direction."""
        if column not in SORTS:
            return
        self.descending = not self.descending if self.sort == column else column in ("date", "amount")
        self.sort = column
        await self._refilter()

    @rx.event
    async def clear_filters(self):
        """Back to this month, everything."""
        self.period, self.category, self.trip, self.search, self.start, self.end = "this_month", ALL, ALL, "", "", ""
        await self._refilter()

    @rx.event
    async def export_csv(self):
        """Download the filtered set as a spreadsheet-safe CSV file."""
        user = await current_user(self)
        if user is None:
            return
        filters = self._filters(user)
        text = await run_in_session(lambda s: csv_export.export_expenses(s, user_id=user.id, **filters))
        name = csv_export.export_filename(filters["start"], filters["end"], today=money.today_in(user.timezone))
        return rx.download(data=text, filename=name, mime_type=csv_export.MEDIA_TYPE)

    @rx.event
    async def go_to_page(self, page: int):
        """Show another page of the list."""
        self.page = min(max(0, page), self.page_count - 1)
        await self._show_page()

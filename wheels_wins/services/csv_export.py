"""Expenses as a CSV file: the same filters as the expense list, safe to open in a spreadsheet."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
import uuid
from collections.abc import Iterable
from decimal import Decimal

from sqlmodel import Session

from wheels_wins.repositories import expenses as expense_repo

COLUMNS = ("date", "description", "merchant", "category", "amount", "currency", "trip")
MEDIA_TYPE = "text/csv; charset=utf-8"
BOM = "\ufeff"
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n")
_PLAIN_NUMBER = re.compile(r"[-+]?\d+(?:\.\d+)?")

ExportRow = tuple[dt.date, str, str, str, Decimal, str, str | None]


def safe_cell(value: str) -> str:
    """`value` with a leading ' when a spreadsheet would run it as a formula (=, +, -, @, tab, CR, LF).

    A plain number such as "-12.50" is left alone: it is data, not a formula.
    """
    if value.startswith(_FORMULA_STARTS) and not _PLAIN_NUMBER.fullmatch(value):
        return "'" + value
    return value


def to_csv(rows: Iterable[ExportRow], *, bom: bool = True) -> str:
    """CSV text with a header row; money as plain two-place decimals and dates as YYYY-MM-DD.

    The byte-order mark (on by default) makes Excel read the file as UTF-8 ("Café", not "CafÃ©").
    """
    out = io.StringIO()
    if bom:
        out.write(BOM)
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(COLUMNS)
    for date, description, merchant, category, amount, currency, trip in rows:
        writer.writerow(
            (
                date.isoformat(),
                safe_cell(description),
                safe_cell(merchant),
                safe_cell(category),
                f"{amount:.2f}",
                safe_cell(currency),
                safe_cell(trip or ""),
            )
        )
    return out.getvalue()


def export_expenses(
    session: Session,
    *,
    user_id: uuid.UUID,
    start: dt.date | None = None,
    end: dt.date | None = None,
    category: str | None = None,
    trip_id: uuid.UUID | None = None,
    search: str | None = None,
    bom: bool = True,
) -> str:
    """The user's expenses matching the expense list's filters, as CSV text (newest date first, like the list)."""
    rows = expense_repo.export_rows(
        session, user_id=user_id, start=start, end=end, category=category, trip_id=trip_id, search=search
    )
    return to_csv(rows, bom=bom)


def export_filename(start: dt.date | None, end: dt.date | None, *, today: dt.date) -> str:
    """A download name saying what the file covers, e.g. "expenses-2026-03-01-to-2026-03-31.csv"."""
    if start and end:
        return f"expenses-{start.isoformat()}-to-{end.isoformat()}.csv"
    if start:
        return f"expenses-from-{start.isoformat()}.csv"
    if end:
        return f"expenses-to-{end.isoformat()}.csv"
    return f"expenses-{today.isoformat()}.csv"

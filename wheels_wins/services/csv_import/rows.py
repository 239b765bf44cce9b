"""Turning a table into preview rows: parse each record, flag credits, errors and duplicates, categorise."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass
from decimal import Decimal

from wheels_wins.services.csv_import.categorise import Categoriser, guess_merchant
from wheels_wins.services.csv_import.mapping import ColumnMapping
from wheels_wins.services.csv_import.reading import RawRow, Table
from wheels_wins.services.csv_import.values import DateFormat, has_side_marker, parse_amount

ProgressCallback = Callable[[int, int], None]
"""Called as progress(rows_done, rows_total) after each chunk of a long preview or import."""

CHUNK = 1000
MAX_DESCRIPTION = 300
MAX_MERCHANT = 120
Signature = tuple[dt.date, Decimal, str]


@dataclass(slots=True)
class PreviewRow:
    """One transaction of the file as it would be imported.

    `amount` is positive (what would be recorded, or the credit's size). `skipped_reason` is
    "credit", "zero" or "error" for rows that can never be imported; `duplicate` rows match an
    existing expense or an earlier row of the file and are left out unless included. `include`
    is the final say for this row; `suggested_category` is what the import chose before any
    change by the user, and `category_source` why (rule, learned, file, inferred, similar,
    default, or chosen when the user changed it).
    """

    line: int
    date: dt.date | None
    description: str
    merchant: str
    amount: Decimal | None
    category: str | None = None
    category_source: str | None = None
    suggested_category: str | None = None
    duplicate: bool = False
    skipped_reason: str | None = None
    error: str | None = None
    include: bool = False


@dataclass(frozen=True)
class PreviewCounts:
    """How the rows divide: `to_import` will be imported on commit as things stand."""

    total: int
    to_import: int
    duplicates: int
    credits: int
    errors: int
    zero: int
    excluded: int


@dataclass(frozen=True)
class RowChoices:
    """The user's per-row decisions: category changes, rows left out, and flagged duplicates let in."""

    categories: Mapping[int, str]
    exclude: Collection[int]
    include: Collection[int]


def signature(date: dt.date, amount: Decimal, description: str) -> Signature:
    """What makes two expenses the same for duplicate detection: date, amount and description (any case)."""
    return date, amount, " ".join(description.split()).casefold()


def _collapse(text: str, limit: int) -> str:
    return " ".join(text.split())[:limit]


def _cell(cells: list[str], index: int | None) -> str:
    return cells[index] if index is not None else ""


def read_row(
    raw: RawRow, table: Table, mapping: ColumnMapping, fmt: DateFormat | None, dates: dict[str, dt.date | None]
) -> PreviewRow:
    """One record as a row: parsed, with its credit/zero/error reason (not yet checked for duplicates)."""
    cells = raw.cells
    if len(cells) != table.width:
        if raw.spans > 1:
            message = f"Line {raw.line}: a quoted value that starts here is never closed"
        else:
            message = f"Line {raw.line} has {len(cells)} columns, expected {table.width}"
        row = PreviewRow(raw.line, None, _collapse(" ".join(cells), MAX_DESCRIPTION), "", None)
        row.skipped_reason, row.error = "error", message
        return row
    problems: list[str] = []
    date_text = _cell(cells, mapping.date)
    if date_text in dates:
        date = dates[date_text]
    else:
        date = dates[date_text] = fmt.parse(date_text) if fmt and date_text else None
    if not date_text:
        problems.append("the date is missing")
    elif date is None:
        problems.append(f"'{date_text}' is not a date" + (f" (expected {fmt.label})" if fmt else ""))
    description = _collapse(_cell(cells, mapping.description), MAX_DESCRIPTION)
    merchant = _collapse(_cell(cells, mapping.merchant), MAX_MERCHANT) or guess_merchant(description)
    spend: Decimal | None = None
    try:
        spend = _spend(cells, mapping)
    except ValueError as exc:
        problems.append(str(exc))
    row = PreviewRow(raw.line, date, description, merchant, abs(spend) if spend is not None else None)
    if problems:
        row.skipped_reason, row.error = "error", f"Line {raw.line}: " + "; ".join(problems)
    elif spend is not None and spend < 0:
        row.skipped_reason = "credit"
    elif spend == 0:
        row.skipped_reason = "zero"
    return row


def _spend(cells: list[str], mapping: ColumnMapping) -> Decimal:
    """Money out as a positive amount (negative for money in)."""
    if mapping.amount is not None:
        text = cells[mapping.amount]
        value = parse_amount(text)
        if value is None:
            raise ValueError("the amount is missing")
        if mapping.expense_sign == "positive" and not has_side_marker(text):
            return value
        return -value
    debit = parse_amount(_cell(cells, mapping.debit))
    credit = parse_amount(_cell(cells, mapping.credit))
    if debit is None and credit is None:
        raise ValueError("there is no debit or credit amount")
    out, money_in = abs(debit or Decimal("0.00")), abs(credit or Decimal("0.00"))
    if out and money_in:
        raise ValueError("it has both a debit and a credit amount")
    return out if out or not money_in else -money_in


def read_rows(
    table: Table, mapping: ColumnMapping, fmt: DateFormat | None, progress: ProgressCallback | None = None
) -> list[PreviewRow]:
    """Every record of the table as a row, reporting progress per chunk."""
    dates: dict[str, dt.date | None] = {}
    rows: list[PreviewRow] = []
    total = len(table.rows)
    for start in range(0, total, CHUNK):
        rows.extend(read_row(raw, table, mapping, fmt, dates) for raw in table.rows[start : start + CHUNK])
        if progress is not None:
            progress(len(rows), total)
    return rows


def file_categories(table: Table, mapping: ColumnMapping) -> dict[int, str]:
    """The file's own category per line, when the mapping has a category column."""
    if mapping.category is None:
        return {}
    return {raw.line: raw.cells[mapping.category] for raw in table.rows if len(raw.cells) == table.width}


def settle(
    rows: list[PreviewRow],
    *,
    categoriser: Categoriser,
    existing: Iterable[Signature],
    choices: RowChoices,
    from_file: Mapping[int, str],
) -> PreviewCounts:
    """Flag duplicates, choose categories, apply the user's choices and count the outcome."""
    known = {signature(date, amount, description) for date, amount, description in existing}
    seen: set[Signature] = set()
    duplicates = excluded = 0
    for row in rows:
        if row.skipped_reason is not None:
            continue
        assert row.date is not None and row.amount is not None
        key = signature(row.date, row.amount, row.description)
        row.duplicate = key in known or key in seen
        seen.add(key)
        category, why = categoriser.choose(row.description, row.merchant, from_file.get(row.line, ""))
        row.suggested_category = category
        chosen = choices.categories.get(row.line)
        row.category, row.category_source = (chosen, "chosen") if chosen else (category, why)
        wanted = row.line not in choices.exclude
        row.include = wanted and (not row.duplicate or row.line in choices.include)
        duplicates += row.duplicate
        excluded += not wanted and not row.duplicate
    reasons = [row.skipped_reason for row in rows]
    return PreviewCounts(
        total=len(rows),
        to_import=sum(row.include for row in rows),
        duplicates=duplicates,
        credits=reasons.count("credit"),
        errors=reasons.count("error"),
        zero=reasons.count("zero"),
        excluded=excluded,
    )

"""A draft as the user reviews it: how the file is read, its rows, counts and warnings."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session

from wheels_wins.models import ImportDraft
from wheels_wins.repositories import category_rules as rules_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services.categories import CATEGORIES, normalise_category
from wheels_wins.services.csv_import.categorise import Categoriser, Rule
from wheels_wins.services.csv_import.mapping import ColumnMapping
from wheels_wins.services.csv_import.reading import CsvImportError, Table, decode, read_table
from wheels_wins.services.csv_import.rows import (
    PreviewCounts,
    PreviewRow,
    ProgressCallback,
    RowChoices,
    file_categories,
    read_rows,
    settle,
)
from wheels_wins.services.csv_import.values import DATE_FORMATS, DateFormat, detect_date_format

SAMPLE_ROWS = 5


@dataclass(frozen=True)
class DetectedSettings:
    """How the file is read (as detected, or as the user changed it)."""

    delimiter: str
    encoding: str
    date_format: str | None
    date_format_label: str | None
    has_header: bool
    header_line: int | None


@dataclass(frozen=True)
class ImportPreview:
    """A draft as the user reviews it; `mapping_error` (then no rows) says which column still needs choosing."""

    id: uuid.UUID
    filename: str
    created_at: dt.datetime
    detected: DetectedSettings
    mapping: ColumnMapping
    columns: list[str]
    sample: list[list[str]]
    rows: list[PreviewRow]
    counts: PreviewCounts
    warnings: list[str]
    mapping_error: str | None


def detect_column_format(table: Table, column: int | None, prefer_day_first: bool) -> tuple[DateFormat | None, bool]:
    """The column's date format and whether day and month could be swapped without a failure."""
    if column is None:
        return None, False
    values = [row.cells[column] for row in table.rows if len(row.cells) == table.width]
    fmt, read = detect_date_format(values, prefer_day_first=prefer_day_first)
    if fmt is None or "%d" not in fmt.code or "%m" not in fmt.code:
        return fmt, False
    mirror = DATE_FORMATS.get(fmt.code.replace("%d", "%_").replace("%m", "%d").replace("%_", "%m"))
    ambiguous = mirror is not None and sum(1 for v in values if v and mirror.parse(v)) == read
    return fmt, ambiguous


def load_table(draft: ImportDraft, settings: Mapping[str, Any]) -> Table:
    """The draft's file read with its current settings."""
    text, _ = decode(draft.content, settings["encoding"])
    return read_table(text, settings["delimiter"], settings["has_header"])


def build_preview(
    session: Session,
    draft: ImportDraft,
    table: Table,
    settings: Mapping[str, Any],
    progress: ProgressCallback | None = None,
) -> ImportPreview:
    """Preview the draft's table with `settings`: rows, duplicates against the user's expenses, categories, counts."""
    mapping = ColumnMapping.from_dict(settings["mapping"])
    fmt = DATE_FORMATS.get(settings.get("date_format") or "")
    detected = DetectedSettings(
        delimiter=settings["delimiter"],
        encoding=settings["encoding"],
        date_format=fmt.code if fmt else None,
        date_format_label=fmt.label if fmt else None,
        has_header=table.has_header,
        header_line=table.header_line,
    )
    warnings = _warnings(table, settings, fmt)
    mapping_error = None
    try:
        mapping.validate(table.width)
        if fmt is None:
            raise CsvImportError("invalid_mapping", "date_format: no known date format reads the date column")
    except CsvImportError as exc:
        mapping_error = exc.message
    rows: list[PreviewRow] = []
    counts = PreviewCounts(0, 0, 0, 0, 0, 0, 0)
    if mapping_error is None:
        rows = read_rows(table, mapping, fmt, progress)
        dated = [row.date for row in rows if row.date is not None]
        existing = (
            expense_repo.signatures_between(session, user_id=draft.user_id, start=min(dated), end=max(dated))
            if dated
            else []
        )
        categoriser = Categoriser(
            [Rule(r.keyword, r.category) for r in rules_repo.list_rules(session, user_id=draft.user_id)],
            expense_repo.category_choices(session, user_id=draft.user_id),
        )
        choices = RowChoices(
            categories={int(line): category for line, category in settings.get("categories", {}).items()},
            exclude=frozenset(settings.get("exclude", [])),
            include=frozenset(settings.get("include", [])),
        )
        counts = settle(
            rows, categoriser=categoriser, existing=existing, choices=choices, from_file=file_categories(table, mapping)
        )
        spending = sum(1 for row in rows if row.skipped_reason is None)
        if mapping.amount is not None and mapping.expense_sign == "negative" and counts.credits > spending:
            warnings.append(
                "Most amounts are positive, so most rows read as money in and are skipped. If this file lists "
                "spending as positive amounts (as many credit-card exports do), set expense_sign to positive."
            )
    return ImportPreview(
        id=draft.id,
        filename=draft.filename,
        created_at=draft.created_at,
        detected=detected,
        mapping=mapping,
        columns=list(table.columns),
        sample=[list(row.cells) for row in table.rows[:SAMPLE_ROWS]],
        rows=rows,
        counts=counts,
        warnings=warnings,
        mapping_error=mapping_error,
    )


def _warnings(table: Table, settings: Mapping[str, Any], fmt: DateFormat | None) -> list[str]:
    warnings = []
    if table.preamble_lines:
        warnings.append(f"Skipped {table.preamble_lines} line(s) before the transactions begin.")
    if fmt is not None and settings.get("ambiguous_dates"):
        warnings.append(
            f"Every date reads either way round; they were read as {fmt.label}. Change the date format if not."
        )
    return warnings


def merge_choices(
    settings: dict[str, Any],
    table: Table,
    *,
    categories: Mapping[int, str] | None,
    exclude_lines: Iterable[int] | None,
    include_lines: Iterable[int] | None,
) -> None:
    """Fold the user's row choices into `settings`: categories merge, the line lists replace. Raises CsvImportError."""
    lines = {row.line for row in table.rows}
    if categories is not None:
        settings["categories"] = {**settings.get("categories", {}), **_checked_categories(categories, lines)}
    if exclude_lines is not None:
        settings["exclude"] = _checked_lines(exclude_lines, lines, "exclude_lines")
    if include_lines is not None:
        settings["include"] = _checked_lines(include_lines, lines, "include_lines")


def _checked_categories(categories: Mapping[int, str], lines: set[int]) -> dict[str, str]:
    checked: dict[str, str] = {}
    for line, value in categories.items():
        number = _line_number(line, lines, f"categories.{line}")
        category = normalise_category(value)
        if category is None:
            raise CsvImportError(
                "invalid_category",
                f"categories.{line}: unknown category '{value}'; use one of {', '.join(CATEGORIES)}",
                f"categories.{line}",
            )
        checked[str(number)] = category
    return checked


def _checked_lines(values: Iterable[int], lines: set[int], field: str) -> list[int]:
    return sorted({_line_number(value, lines, field) for value in values})


def _line_number(value: Any, lines: set[int], field: str) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number not in lines:
        raise CsvImportError("unknown_line", f"{field}: line {value} is not a transaction of this file", field)
    return number

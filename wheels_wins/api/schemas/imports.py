"""Bank-statement imports and category rules: previews, the changes a user makes, and results."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Literal

from pydantic import Field

from wheels_wins.api.schemas.common import Category, MoneyOut, Schema, Str, Timestamp

MAX_LINES = 100_000
LineList = list[int]


class DetectedOut(Schema):
    """How the file is read: as detected on upload, or as changed since."""

    delimiter: str = Field(description='One of "," ";" "|" or a tab')
    encoding: str = Field(description="utf-8, utf-8-sig (with a BOM), utf-16, cp1252 or latin-1")
    date_format: str | None = Field(description='strftime notation, e.g. "%d/%m/%Y"')
    date_format_label: str | None = Field(description='For people, e.g. "DD/MM/YYYY"')
    has_header: bool
    header_line: int | None = Field(description="The line the column names are on")


class MappingOut(Schema):
    """Which column (0-based, into `columns`) holds what; either `amount` or `debit`/`credit`."""

    date: int | None
    description: int | None
    amount: int | None
    debit: int | None
    credit: int | None
    merchant: int | None
    category: int | None
    expense_sign: Literal["negative", "positive"] = Field(
        description="In a single amount column, which sign is spending (bank accounts: negative)"
    )


class MappingPatch(Schema):
    """Roles to change; send null to clear one (e.g. `amount` when switching to debit/credit columns)."""

    date: int | None = Field(None, ge=0)
    description: int | None = Field(None, ge=0)
    amount: int | None = Field(None, ge=0)
    debit: int | None = Field(None, ge=0)
    credit: int | None = Field(None, ge=0)
    merchant: int | None = Field(None, ge=0)
    category: int | None = Field(None, ge=0)
    expense_sign: Literal["negative", "positive"] | None = None


class ImportRowOut(Schema):
    """One transaction of the file as it would be imported."""

    line: int = Field(description="The line of the file it starts on (the header is line 1 when there is one)")
    date: dt.date | None
    description: str
    merchant: str
    amount: MoneyOut | None = Field(description="Positive: what would be recorded, or the size of a credit")
    category: str | None
    category_source: str | None = Field(description="rule, learned, file, inferred, similar, default or chosen")
    suggested_category: str | None
    duplicate: bool = Field(description="Same date, amount and description as an expense or an earlier row")
    skipped_reason: Literal["credit", "zero", "error"] | None
    error: str | None = Field(description="e.g. \"Line 17: '32/13/2026' is not a date (expected DD/MM/YYYY)\"")
    include: bool = Field(description="Whether a commit now would import this row")


class ImportCounts(Schema):
    """How the rows divide."""

    total: int
    to_import: int
    duplicates: int
    credits: int
    errors: int
    zero: int
    excluded: int


class ImportPreviewOut(Schema):
    """A draft import: nothing is saved as expenses until it is committed."""

    id: uuid.UUID
    filename: str
    created_at: Timestamp
    detected: DetectedOut
    mapping: MappingOut
    columns: list[str]
    sample: list[list[str]] = Field(description="The first records as read, to help choose the mapping")
    rows: list[ImportRowOut]
    counts: ImportCounts
    warnings: list[str]
    mapping_error: str | None = Field(description="Set (and rows empty) while a required column is not chosen")


class ImportUpdate(Schema):
    """Changes to how the draft is read, or the user's row choices; the response is the new preview."""

    mapping: MappingPatch | None = None
    date_format: str | None = Field(None, max_length=20, examples=["%m/%d/%Y"])
    delimiter: str | None = Field(None, max_length=1)
    has_header: bool | None = None
    encoding: str | None = Field(None, max_length=20)
    categories: dict[int, Category] | None = Field(None, description="line -> category; merged into earlier choices")
    exclude_lines: LineList | None = Field(None, max_length=MAX_LINES, description="Rows to leave out")
    include_lines: LineList | None = Field(None, max_length=MAX_LINES, description="Flagged duplicates to import")


class ImportCommit(Schema):
    """The final choices; those left out keep what the draft has saved."""

    exclude_lines: LineList | None = Field(None, max_length=MAX_LINES)
    include_lines: LineList | None = Field(None, max_length=MAX_LINES)
    categories: dict[int, Category] | None = Field(None, description="line -> category; each change becomes a rule")
    trip_id: uuid.UUID | None = Field(None, description="Attach every imported expense to this trip")


class ImportResult(Schema):
    """What the commit did: imported + skipped + duplicates is every row."""

    imported: int
    skipped: int
    duplicates: int
    rules_learned: int = Field(description="Keyword rules added or changed from the categories you changed")


class ImportDraftSummary(Schema):
    """An import not yet committed or discarded."""

    id: uuid.UUID
    filename: str
    size_bytes: int
    created_at: Timestamp


class CategoryRuleCreate(Schema):
    """Transactions naming `keyword` (whole words, any case) get `category` when imported."""

    keyword: Str = Field(min_length=2, max_length=60, examples=["woolworths"])
    category: Category


class CategoryRulePublic(Schema):
    """A merchant keyword rule."""

    id: uuid.UUID
    keyword: str
    category: str
    created_at: Timestamp

"""The import workflow on the database: upload a draft, preview it, change it, then commit or discard it.

Nothing here commits: the caller's transaction does, so a commit that fails half-way leaves nothing.
"""

from __future__ import annotations

import datetime as dt
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import PurePosixPath
from typing import Any

from sqlmodel import Session

from wheels_wins.db import utcnow
from wheels_wins.repositories import category_rules as rules_repo
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import imports as draft_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.repositories.imports import DraftSummary
from wheels_wins.services.csv_import.categorise import merchant_key, normalise_keyword
from wheels_wins.services.csv_import.mapping import ROLES, ColumnMapping, guess_mapping
from wheels_wins.services.csv_import.preview import (
    ImportPreview,
    build_preview,
    detect_column_format,
    load_table,
    merge_choices,
)
from wheels_wins.services.csv_import.reading import (
    DELIMITERS,
    ENCODINGS,
    CsvImportError,
    check_size,
    decode,
    read_table,
    sniff_delimiter,
)
from wheels_wins.services.csv_import.rows import CHUNK, ProgressCallback
from wheels_wins.services.csv_import.values import DATE_FORMATS

MAX_DRAFTS = 10
DRAFT_TTL = dt.timedelta(days=30)
_UNSAFE_NAME = re.compile(r"[\x00-\x1f\x7f]")


@dataclass(frozen=True)
class CommitResult:
    """What a commit did: imported + skipped + duplicates is every row of the file."""

    imported: int
    skipped: int
    duplicates: int
    rules_learned: int


def clean_filename(name: str | None) -> str:
    """The base name of an uploaded file, without control characters, at most 255 characters."""
    base = PurePosixPath((name or "").replace("\\", "/")).name
    return _UNSAFE_NAME.sub("", base).strip()[:255] or "statement.csv"


def create_draft(
    session: Session,
    *,
    user_id: uuid.UUID,
    filename: str | None,
    content: bytes,
    prefer_day_first: bool = True,
    progress: ProgressCallback | None = None,
) -> ImportPreview:
    """Keep an uploaded statement as a draft (nothing imported yet) and preview it.

    Raises CsvImportError when the file is too large, empty, not text, not a table or has no dates.
    Older drafts beyond the newest MAX_DRAFTS, or past DRAFT_TTL, are removed.
    """
    check_size(content)
    text, encoding = decode(content)
    delimiter = sniff_delimiter(text)
    table = read_table(text, delimiter)
    mapping = guess_mapping(table)
    fmt, ambiguous = detect_column_format(table, mapping.date, prefer_day_first)
    if fmt is None:
        raise CsvImportError(
            "no_dates",
            "No column holds dates such as 31/12/2026, 2026-12-31 or 3 Mar 2026; is this a bank statement CSV?",
        )
    settings: dict[str, Any] = {
        "delimiter": delimiter,
        "encoding": encoding,
        "has_header": table.has_header,
        "date_format": fmt.code,
        "ambiguous_dates": ambiguous,
        "prefer_day_first": prefer_day_first,
        "mapping": mapping.as_dict(),
        "categories": {},
        "exclude": [],
        "include": [],
    }
    draft_repo.prune(session, user_id=user_id, keep=MAX_DRAFTS - 1, older_than=utcnow() - DRAFT_TTL)
    draft = draft_repo.create(
        session, user_id=user_id, filename=clean_filename(filename), content=content, settings=settings
    )
    return build_preview(session, draft, table, settings, progress)


def get_preview(
    session: Session, *, user_id: uuid.UUID, draft_id: uuid.UUID, progress: ProgressCallback | None = None
) -> ImportPreview | None:
    """The user's draft previewed afresh (duplicates and learned categories as of now); None if not theirs."""
    draft = draft_repo.get(session, user_id=user_id, draft_id=draft_id)
    if draft is None:
        return None
    return build_preview(session, draft, load_table(draft, draft.settings), draft.settings, progress)


def update_draft(
    session: Session,
    *,
    user_id: uuid.UUID,
    draft_id: uuid.UUID,
    mapping: Mapping[str, Any] | None = None,
    date_format: str | None = None,
    delimiter: str | None = None,
    has_header: bool | None = None,
    encoding: str | None = None,
    categories: Mapping[int, str] | None = None,
    exclude_lines: Iterable[int] | None = None,
    include_lines: Iterable[int] | None = None,
    progress: ProgressCallback | None = None,
) -> ImportPreview | None:
    """Change how the draft is read or the user's row choices, save it, and preview again.

    `mapping` is partial: the roles given replace the current ones (None clears a role). Changing
    the delimiter or encoding re-guesses the mapping and date format unless they are given too;
    changing any of the three clears the row choices. `categories` merges into earlier choices; `exclude_lines` and
    `include_lines` (duplicates let in) replace theirs. Raises CsvImportError naming the field.
    """
    draft = draft_repo.get(session, user_id=user_id, draft_id=draft_id)
    if draft is None:
        return None
    settings = dict(draft.settings)
    regroup = delimiter is not None or encoding is not None  # the columns themselves may change
    reread = regroup or has_header is not None
    if delimiter is not None:
        if delimiter not in DELIMITERS:
            raise CsvImportError("invalid_setting", "delimiter: must be one of , ; | or a tab", "delimiter")
        settings["delimiter"] = delimiter
    if encoding is not None:
        if encoding not in ENCODINGS:
            raise CsvImportError("invalid_setting", f"encoding: must be one of {', '.join(ENCODINGS)}", "encoding")
        settings["encoding"] = encoding
    if has_header is not None:
        settings["has_header"] = has_header
    try:
        table = load_table(draft, settings)
    except CsvImportError as exc:
        if not reread:
            raise
        field = "delimiter" if delimiter is not None else "encoding" if encoding is not None else "has_header"
        raise CsvImportError(
            "invalid_setting", f"{field}: read that way, {exc.message[0].lower()}{exc.message[1:]}", field
        ) from None
    saved = ColumnMapping.from_dict(settings["mapping"])
    fits = all(index is None or index < table.width for index in (getattr(saved, role) for role in ROLES))
    current = guess_mapping(table) if regroup or not fits else saved
    if mapping is not None:
        unknown = sorted(set(mapping) - {*ROLES, "expense_sign"})
        if unknown:
            raise CsvImportError(
                "invalid_mapping", f"mapping.{unknown[0]}: is not a column role", f"mapping.{unknown[0]}"
            )
        chosen = ColumnMapping.from_dict({**current.as_dict(), **mapping})
        chosen.validate(table.width)
    else:
        chosen = current
    if date_format is not None:
        if date_format not in DATE_FORMATS:
            raise CsvImportError(
                "invalid_setting", f"date_format: must be one of {', '.join(DATE_FORMATS)}", "date_format"
            )
        settings["date_format"], settings["ambiguous_dates"] = date_format, False
    elif regroup or chosen.date != saved.date:
        fmt, ambiguous = detect_column_format(table, chosen.date, settings.get("prefer_day_first", True))
        settings["date_format"], settings["ambiguous_dates"] = (fmt.code if fmt else None), ambiguous
    settings["mapping"] = chosen.as_dict()
    if reread:
        settings["categories"], settings["exclude"], settings["include"] = {}, [], []
    merge_choices(settings, table, categories=categories, exclude_lines=exclude_lines, include_lines=include_lines)
    draft = draft_repo.update_settings(session, user_id=user_id, draft_id=draft_id, settings=settings)
    assert draft is not None
    return build_preview(session, draft, table, settings, progress)


def commit_draft(
    session: Session,
    *,
    user_id: uuid.UUID,
    draft_id: uuid.UUID,
    categories: Mapping[int, str] | None = None,
    exclude_lines: Iterable[int] | None = None,
    include_lines: Iterable[int] | None = None,
    currency: str = "AUD",
    trip_id: uuid.UUID | None = None,
    progress: ProgressCallback | None = None,
) -> CommitResult | None:
    """Drop the draft, import its included rows as expenses (source "import") in bulk and learn changed categories.

    Choices given here override those saved on the draft (`categories` merge, the line lists replace).
    A category the user changed becomes a keyword rule for that merchant, so the next import follows it.
    `progress(done, total)` is called after each chunk inserted. Everything happens in the caller's
    transaction: if it fails or is rolled back, no expense is added and the draft stays. None if not theirs.
    """
    draft = draft_repo.get(session, user_id=user_id, draft_id=draft_id)
    if draft is None:
        return None
    if trip_id is not None and trip_repo.get(session, user_id=user_id, trip_id=trip_id) is None:
        raise CsvImportError("invalid_setting", "trip_id: no trip with this id", "trip_id")
    settings = dict(draft.settings)
    table = load_table(draft, settings)
    merge_choices(settings, table, categories=categories, exclude_lines=exclude_lines, include_lines=include_lines)
    preview = build_preview(session, draft, table, settings)
    if preview.mapping_error:
        raise CsvImportError("invalid_mapping", preview.mapping_error)
    # Deleting first claims the draft: a second commit of it (a double click) waits on the row, then finds it gone.
    if not draft_repo.delete_draft(session, user_id=user_id, draft_id=draft_id):
        return None
    chosen = [row for row in preview.rows if row.include]
    for start in range(0, len(chosen), CHUNK):
        chunk = chosen[start : start + CHUNK]
        expense_repo.bulk_create(
            session,
            user_id=user_id,
            rows=[
                {
                    "amount": row.amount,
                    "category": row.category,
                    "date": row.date,
                    "description": row.description,
                    "merchant": row.merchant,
                    "currency": currency,
                    "trip_id": trip_id,
                }
                for row in chunk
            ],
        )
        if progress is not None:
            progress(start + len(chunk), len(chosen))
    learned = {
        keyword: row.category
        for row in chosen
        if row.category_source == "chosen"
        and row.category != row.suggested_category
        and (keyword := normalise_keyword(merchant_key(row.merchant)))
    }
    for keyword, category in learned.items():
        rules_repo.upsert(session, user_id=user_id, keyword=keyword, category=category or "other")
    duplicates = sum(1 for row in preview.rows if row.duplicate and not row.include)
    return CommitResult(
        imported=len(chosen),
        skipped=len(preview.rows) - len(chosen) - duplicates,
        duplicates=duplicates,
        rules_learned=len(learned),
    )


def discard_draft(session: Session, *, user_id: uuid.UUID, draft_id: uuid.UUID) -> bool:
    """Delete the user's draft without importing; False if it is not theirs."""
    return draft_repo.delete_draft(session, user_id=user_id, draft_id=draft_id)


def list_drafts(session: Session, *, user_id: uuid.UUID) -> list[DraftSummary]:
    """The user's unfinished imports, newest first (to offer "carry on where you left off")."""
    return draft_repo.list_recent(session, user_id=user_id, limit=MAX_DRAFTS)

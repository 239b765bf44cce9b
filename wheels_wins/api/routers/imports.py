"""Bank-statement imports: upload a CSV as a draft, preview and adjust it, then commit or discard it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, File, Query, Response, UploadFile, status

from wheels_wins.api.deps import CurrentUser, SessionDep, parse_id, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.imports import (
    ImportCommit,
    ImportDraftSummary,
    ImportPreviewOut,
    ImportResult,
    ImportUpdate,
)
from wheels_wins.services import csv_import
from wheels_wins.services.csv_import import CsvImportError, ImportPreview

router = APIRouter(
    prefix="/imports",
    tags=["imports"],
    responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422], 429: {"model": ErrorEnvelope}},
)

_MB = csv_import.MAX_FILE_BYTES // (1024 * 1024)
_LIMITED = [Depends(per_user_rate_limit("imports", limit=30))]
_PREVIEW_RESPONSES: dict[int | str, dict] = {404: ERROR_RESPONSES[404]}


def import_error(exc: CsvImportError) -> ApiError:
    """The service's refusal as an API error: 413 for a file over the limit, else 422 naming the field."""
    if exc.code == "too_large":
        return ApiError(413, "file_too_large", f"file: {exc.message}")
    return ApiError(422, exc.code, exc.message if exc.field else f"file: {exc.message}")


def _out(preview: ImportPreview, offset: int = 0, limit: int | None = None) -> ImportPreviewOut:
    out = ImportPreviewOut.model_validate(preview)
    if offset or limit is not None:
        out.rows = out.rows[offset : None if limit is None else offset + limit]
    return out


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=ImportPreviewOut,
    summary="Upload a bank statement",
    dependencies=_LIMITED,
    responses={413: {"model": ErrorEnvelope, "description": f"`file_too_large`: over {_MB} MB"}},
)
def upload(
    user: CurrentUser,
    session: SessionDep,
    file: Annotated[UploadFile, File(description=f"A CSV bank statement, at most {_MB} MB")],
) -> ImportPreviewOut:
    """Keep the CSV as a draft and preview it; nothing becomes an expense until it is committed.

    The delimiter, encoding, header, date format and columns are detected; credits (money in) are
    skipped, bad lines are listed with their line numbers, duplicates are flagged and every row
    gets a category. 422 codes: `empty_file`, `not_csv`, `no_transactions`, `no_dates`.
    """
    content = file.file.read(csv_import.MAX_FILE_BYTES + 1)
    try:
        preview = csv_import.create_draft(session, user_id=user.id, filename=file.filename, content=content)
    except CsvImportError as exc:
        raise import_error(exc) from None
    return _out(preview)


@router.get("", response_model=Page[ImportDraftSummary], summary="List unfinished imports")
def list_imports(user: CurrentUser, session: SessionDep) -> Page[ImportDraftSummary]:
    """Drafts not yet committed or discarded, newest first (at most ten are kept, for 30 days)."""
    drafts = csv_import.list_drafts(session, user_id=user.id)
    return Page(items=[ImportDraftSummary.model_validate(d) for d in drafts], total=len(drafts))


@router.get("/{import_id}", response_model=ImportPreviewOut, summary="Preview an import", responses=_PREVIEW_RESPONSES)
def get_import(
    import_id: str,
    user: CurrentUser,
    session: SessionDep,
    offset: Annotated[int, Query(ge=0, description="Rows to skip")] = 0,
    limit: Annotated[int | None, Query(ge=1, description="Rows to return (all when left out)")] = None,
) -> ImportPreviewOut:
    """The draft previewed again, with duplicates and learned categories as of now."""
    preview = csv_import.get_preview(session, user_id=user.id, draft_id=parse_id(import_id, "import"))
    if preview is None:
        raise not_found("import")
    return _out(preview, offset, limit)


@router.patch(
    "/{import_id}",
    response_model=ImportPreviewOut,
    summary="Change how an import is read",
    dependencies=_LIMITED,
    responses=_PREVIEW_RESPONSES,
)
def update_import(import_id: str, body: ImportUpdate, user: CurrentUser, session: SessionDep) -> ImportPreviewOut:
    """Change the column mapping, date format, delimiter, header or encoding, or choose per row; returns the new preview.

    `mapping` is partial. Changing the delimiter, header or encoding guesses the mapping again
    (unless sent) and clears row choices. 422 codes: `invalid_mapping`, `invalid_setting`,
    `invalid_category`, `unknown_line`.
    """
    mapping = body.mapping.model_dump(exclude_unset=True) if body.mapping is not None else None
    if mapping and "expense_sign" in mapping and mapping["expense_sign"] is None:
        del mapping["expense_sign"]
    try:
        preview = csv_import.update_draft(
            session,
            user_id=user.id,
            draft_id=parse_id(import_id, "import"),
            mapping=mapping,
            date_format=body.date_format,
            delimiter=body.delimiter,
            has_header=body.has_header,
            encoding=body.encoding,
            categories=body.categories,
            exclude_lines=body.exclude_lines,
            include_lines=body.include_lines,
        )
    except CsvImportError as exc:
        raise import_error(exc) from None
    if preview is None:
        raise not_found("import")
    return _out(preview)


@router.post(
    "/{import_id}/commit",
    response_model=ImportResult,
    summary="Import the rows as expenses",
    dependencies=_LIMITED,
    responses=_PREVIEW_RESPONSES,
)
def commit_import(
    import_id: str, user: CurrentUser, session: SessionDep, body: ImportCommit | None = None
) -> ImportResult:
    """Save the included rows as expenses in one transaction and delete the draft.

    Rows with errors, credits and flagged duplicates are left out unless `include_lines` names a
    duplicate; `exclude_lines` leaves out more. A category you change becomes a keyword rule for
    that merchant, so the next import follows it.
    """
    body = body or ImportCommit()
    try:
        result = csv_import.commit_draft(
            session,
            user_id=user.id,
            draft_id=parse_id(import_id, "import"),
            categories=body.categories,
            exclude_lines=body.exclude_lines,
            include_lines=body.include_lines,
            currency=user.currency,
            trip_id=body.trip_id,
        )
    except CsvImportError as exc:
        raise import_error(exc) from None
    if result is None:
        raise not_found("import")
    return ImportResult.model_validate(result)


@router.delete(
    "/{import_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Discard an import",
    responses=_PREVIEW_RESPONSES,
)
def discard_import(import_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete the draft without importing anything."""
    if not csv_import.discard_draft(session, user_id=user.id, draft_id=parse_id(import_id, "import")):
        raise not_found("import")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

"""Expenses: list, search, summarise, record, edit and delete."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status
from sqlmodel import Session

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, per_user_rate_limit, user_today
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, invalid, not_found
from wheels_wins.api.schemas.common import Category, Page, Str
from wheels_wins.api.schemas.money import ExpenseCreate, ExpensePublic, ExpenseSummary, ExpenseUpdate
from wheels_wins.models import User
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services import csv_export, money

router = APIRouter(
    prefix="/expenses", tags=["expenses"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]}
)

# A fill-up or service record owns these fields of its expense; edit the record instead.
_OWNED_BY_SOURCE = frozenset({"amount", "date", "category", "currency"})


def check_trip(session: Session, *, user: User, trip_id: uuid.UUID | None) -> None:
    """422 naming trip_id unless it is None or one of the user's trips."""
    if trip_id is not None and trip_repo.get(session, user_id=user.id, trip_id=trip_id) is None:
        raise invalid("trip_id", "no trip with this id")


def _linked(expense_source: str) -> ApiError:
    return ApiError(
        409,
        "linked_expense",
        f"this expense belongs to a {expense_source} record; change or delete that record instead",
    )


@router.get("", response_model=Page[ExpensePublic], summary="List expenses")
def list_expenses(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    start: Annotated[dt.date | None, Query(description="On or after this date")] = None,
    end: Annotated[dt.date | None, Query(description="On or before this date")] = None,
    category: Annotated[Category | None, Query(description="A category or synonym")] = None,
    trip_id: Annotated[uuid.UUID | None, Query()] = None,
    q: Annotated[Str | None, Query(max_length=100, description="Text in the description or merchant")] = None,
) -> Page[ExpensePublic]:
    """The user's expenses, newest date first."""
    filters = {"start": start, "end": end, "category": category, "trip_id": trip_id, "search": q or None}
    rows = expense_repo.list_rows(session, user_id=user.id, limit=paging.limit, offset=paging.offset, **filters)
    total, _ = money.expense_list_totals(session, user_id=user.id, **filters)
    return Page(items=[ExpensePublic.model_validate(row) for row in rows], total=total)


@router.get(
    "/export",
    # A bare Response class: its media type would otherwise be claimed for the JSON error bodies too.
    response_class=Response,
    response_model=None,
    summary="Export expenses as CSV",
    dependencies=[Depends(per_user_rate_limit("expenses_export", limit=30))],
    responses={
        200: {
            "description": "A CSV attachment (UTF-8 with a byte-order mark, CRLF line ends) with the columns "
            + ", ".join(csv_export.COLUMNS)
            + "; amounts are plain decimals such as 45.00, dates YYYY-MM-DD",
            "content": {"text/csv": {"schema": {"type": "string"}}},
        },
        429: {"model": ErrorEnvelope, "description": "Too many requests; see Retry-After"},
    },
)
def export_expenses(
    user: CurrentUser,
    session: SessionDep,
    start: Annotated[dt.date | None, Query(description="On or after this date")] = None,
    end: Annotated[dt.date | None, Query(description="On or before this date")] = None,
    category: Annotated[Category | None, Query(description="A category or synonym")] = None,
    trip_id: Annotated[uuid.UUID | None, Query()] = None,
    q: Annotated[Str | None, Query(max_length=100, description="Text in the description or merchant")] = None,
) -> Response:
    """Every expense the list shows for the same filters (newest date first), as a spreadsheet-safe CSV file.

    Text that a spreadsheet would run as a formula (starting with =, +, -, @) is prefixed with a quote.
    """
    if start and end and end < start:
        raise invalid("end", "must be on or after start")
    text = csv_export.export_expenses(
        session, user_id=user.id, start=start, end=end, category=category, trip_id=trip_id, search=q or None
    )
    filename = csv_export.export_filename(start, end, today=user_today(user))
    return Response(
        content=text.encode("utf-8"),
        media_type=csv_export.MEDIA_TYPE,
        headers={"Content-Disposition": f'attachment; filename="{filename}"'},
    )


@router.get("/summary", response_model=ExpenseSummary, summary="Spending summary")
def summary(
    user: CurrentUser,
    session: SessionDep,
    start: Annotated[dt.date | None, Query(description="Defaults to the first of this month")] = None,
    end: Annotated[dt.date | None, Query(description="Defaults to the last of this month")] = None,
) -> ExpenseSummary:
    """Total and per-category spend between start and end inclusive (default: this month in the user's timezone)."""
    month_start, month_end = money.month_range(user_today(user))
    start, end = start or month_start, end or month_end
    if end < start:
        raise invalid("end", "must be on or after start")
    total, by_category = money.spend_summary(session, user_id=user.id, start=start, end=end)
    return ExpenseSummary(start=start, end=end, total=total, by_category=by_category, currency=user.currency)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=ExpensePublic, summary="Record an expense")
def create_expense(body: ExpenseCreate, user: CurrentUser, session: SessionDep) -> ExpensePublic:
    """Record an expense; the category accepts synonyms such as "gas" or "supermarket"."""
    check_trip(session, user=user, trip_id=body.trip_id)
    expense = expense_repo.create(
        session,
        user_id=user.id,
        amount=body.amount,
        category=body.category,
        date=body.date or user_today(user),
        description=body.description,
        merchant=body.merchant,
        currency=body.currency or user.currency,
        trip_id=body.trip_id,
    )
    return ExpensePublic.model_validate(expense)


@router.get(
    "/{expense_id}", response_model=ExpensePublic, summary="Get an expense", responses={404: ERROR_RESPONSES[404]}
)
def get_expense(expense_id: str, user: CurrentUser, session: SessionDep) -> ExpensePublic:
    """One of the user's expenses."""
    expense = expense_repo.get(session, user_id=user.id, expense_id=parse_id(expense_id, "expense"))
    if expense is None:
        raise not_found("expense")
    return ExpensePublic.model_validate(expense)


@router.patch(
    "/{expense_id}",
    response_model=ExpensePublic,
    summary="Update an expense",
    responses={
        404: ERROR_RESPONSES[404],
        409: {"model": ErrorEnvelope, "description": "Owned by a fill-up or service"},
    },
)
def update_expense(expense_id: str, body: ExpenseUpdate, user: CurrentUser, session: SessionDep) -> ExpensePublic:
    """Change the fields sent; amount, date and category of a fuel or maintenance expense follow their record."""
    record_id = parse_id(expense_id, "expense")
    expense = expense_repo.get(session, user_id=user.id, expense_id=record_id)
    if expense is None:
        raise not_found("expense")
    changes = body.changes()
    if expense.source != "manual" and _OWNED_BY_SOURCE & changes.keys():
        raise _linked(expense.source)
    if "trip_id" in changes:
        check_trip(session, user=user, trip_id=changes["trip_id"])
    updated = expense_repo.update(session, user_id=user.id, expense_id=record_id, changes=changes)
    return ExpensePublic.model_validate(updated)


@router.delete(
    "/{expense_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete an expense",
    responses={
        404: ERROR_RESPONSES[404],
        409: {"model": ErrorEnvelope, "description": "Owned by a fill-up or service"},
    },
)
def delete_expense(expense_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete a manual expense (a fuel or maintenance expense goes with its record)."""
    record_id = parse_id(expense_id, "expense")
    expense = expense_repo.get(session, user_id=user.id, expense_id=record_id)
    if expense is None:
        raise not_found("expense")
    if expense.source != "manual":
        raise _linked(expense.source)
    expense_repo.delete(session, user_id=user.id, expense_id=record_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

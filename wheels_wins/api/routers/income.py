"""Income: list, record, edit and delete."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, user_today
from wheels_wins.api.errors import ERROR_RESPONSES, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.money import IncomeCreate, IncomePublic, IncomeUpdate
from wheels_wins.repositories import income as income_repo

router = APIRouter(prefix="/income", tags=["income"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})


@router.get("", response_model=Page[IncomePublic], summary="List income")
def list_income(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    start: Annotated[dt.date | None, Query(description="On or after this date")] = None,
    end: Annotated[dt.date | None, Query(description="On or before this date")] = None,
) -> Page[IncomePublic]:
    """The user's income, newest date first."""
    rows, total = income_repo.list_page(
        session, user_id=user.id, start=start, end=end, limit=paging.limit, offset=paging.offset
    )
    return Page(items=[IncomePublic.model_validate(row) for row in rows], total=total)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=IncomePublic, summary="Record income")
def create_income(body: IncomeCreate, user: CurrentUser, session: SessionDep) -> IncomePublic:
    """Record income; `date` defaults to today in the user's timezone."""
    entry = income_repo.create(
        session,
        user_id=user.id,
        amount=body.amount,
        source=body.source,
        date=body.date or user_today(user),
        description=body.description,
        currency=body.currency or user.currency,
    )
    return IncomePublic.model_validate(entry)


@router.get("/{income_id}", response_model=IncomePublic, summary="Get income", responses={404: ERROR_RESPONSES[404]})
def get_income(income_id: str, user: CurrentUser, session: SessionDep) -> IncomePublic:
    """One of the user's income entries."""
    entry = income_repo.get(session, user_id=user.id, income_id=parse_id(income_id, "income entry"))
    if entry is None:
        raise not_found("income entry")
    return IncomePublic.model_validate(entry)


@router.patch(
    "/{income_id}", response_model=IncomePublic, summary="Update income", responses={404: ERROR_RESPONSES[404]}
)
def update_income(income_id: str, body: IncomeUpdate, user: CurrentUser, session: SessionDep) -> IncomePublic:
    """Change the fields sent."""
    entry = income_repo.update(
        session, user_id=user.id, income_id=parse_id(income_id, "income entry"), changes=body.changes()
    )
    if entry is None:
        raise not_found("income entry")
    return IncomePublic.model_validate(entry)


@router.delete(
    "/{income_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete income",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_income(income_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete one of the user's income entries."""
    if not income_repo.delete(session, user_id=user.id, income_id=parse_id(income_id, "income entry")):
        raise not_found("income entry")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

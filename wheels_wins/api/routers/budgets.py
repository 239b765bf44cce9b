"""Monthly budgets per category, with this month's spend."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Path, Response, status
from sqlmodel import Session

from wheels_wins.api.deps import CurrentUser, SessionDep, user_today
from wheels_wins.api.errors import ERROR_RESPONSES, not_found
from wheels_wins.api.schemas.common import Category, Page
from wheels_wins.api.schemas.money import BudgetAmount, BudgetPublic
from wheels_wins.models import User
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.services import money

router = APIRouter(
    prefix="/budgets", tags=["budgets"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]}
)

CategoryPath = Annotated[Category, Path(description="A category or synonym")]


def _statuses(session: Session, user: User) -> list[BudgetPublic]:
    return [
        BudgetPublic(category=s.category, amount=s.amount, spent=s.spent, remaining=s.remaining)
        for s in money.budget_statuses(session, user_id=user.id, today=user_today(user))
    ]


def _status(session: Session, user: User, category: str) -> BudgetPublic:
    for budget in _statuses(session, user):
        if budget.category == category:
            return budget
    raise not_found("budget")


@router.get("", response_model=Page[BudgetPublic], summary="List budgets")
def list_budgets(user: CurrentUser, session: SessionDep) -> Page[BudgetPublic]:
    """Every monthly budget with what was spent and what remains this month (in the user's timezone)."""
    items = _statuses(session, user)
    return Page(items=items, total=len(items))


@router.get("/{category}", response_model=BudgetPublic, summary="Get a budget", responses={404: ERROR_RESPONSES[404]})
def get_budget(category: CategoryPath, user: CurrentUser, session: SessionDep) -> BudgetPublic:
    """The budget for one category."""
    return _status(session, user, category)


@router.put("/{category}", response_model=BudgetPublic, summary="Set a budget")
def put_budget(category: CategoryPath, body: BudgetAmount, user: CurrentUser, session: SessionDep) -> BudgetPublic:
    """Create or change the monthly budget for a category."""
    budget_repo.upsert(session, user_id=user.id, category=category, amount=body.amount)
    return _status(session, user, category)


@router.delete(
    "/{category}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a budget",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_budget(category: CategoryPath, user: CurrentUser, session: SessionDep) -> Response:
    """Remove the budget for a category."""
    if not budget_repo.delete(session, user_id=user.id, category=category):
        raise not_found("budget")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

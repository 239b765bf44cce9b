"""Merchant keyword rules: "transactions naming woolworths are groceries", applied first when importing."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response, status

from wheels_wins.api.deps import CurrentUser, SessionDep, parse_id, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ErrorEnvelope, not_found
from wheels_wins.api.routers.imports import import_error
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.imports import CategoryRuleCreate, CategoryRulePublic
from wheels_wins.services import csv_import
from wheels_wins.services.csv_import import CsvImportError

router = APIRouter(
    prefix="/category-rules",
    tags=["category rules"],
    responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]},
)


@router.get("", response_model=Page[CategoryRulePublic], summary="List category rules")
def list_rules(user: CurrentUser, session: SessionDep) -> Page[CategoryRulePublic]:
    """The user's rules, by keyword."""
    rules = csv_import.list_rules(session, user_id=user.id)
    return Page(items=[CategoryRulePublic.model_validate(rule) for rule in rules], total=len(rules))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=CategoryRulePublic,
    summary="Add or change a category rule",
    dependencies=[Depends(per_user_rate_limit("category_rules", limit=60))],
    responses={429: {"model": ErrorEnvelope}},
)
def save_rule(body: CategoryRuleCreate, user: CurrentUser, session: SessionDep) -> CategoryRulePublic:
    """Add the rule, or change the category of the existing rule for the same keyword.

    The keyword is matched as whole words in any case: "bp" matches "BP DUBBO" but not "BPAY".
    """
    try:
        rule = csv_import.save_rule(session, user_id=user.id, keyword=body.keyword, category=body.category)
    except CsvImportError as exc:
        raise import_error(exc) from None
    return CategoryRulePublic.model_validate(rule)


@router.delete(
    "/{rule_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a category rule",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_rule(rule_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete one of the user's rules."""
    if not csv_import.delete_rule(session, user_id=user.id, rule_id=parse_id(rule_id, "category rule")):
        raise not_found("category rule")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

"""The user's merchant keyword rules: checked first when an import chooses categories."""

from __future__ import annotations

import uuid

from sqlmodel import Session

from wheels_wins.models import CategoryRule
from wheels_wins.repositories import category_rules as rules_repo
from wheels_wins.services.categories import CATEGORIES, normalise_category
from wheels_wins.services.csv_import.categorise import normalise_keyword
from wheels_wins.services.csv_import.reading import CsvImportError


def list_rules(session: Session, *, user_id: uuid.UUID) -> list[CategoryRule]:
    """The user's rules, by keyword."""
    return rules_repo.list_rules(session, user_id=user_id)


def save_rule(session: Session, *, user_id: uuid.UUID, keyword: str, category: str) -> CategoryRule:
    """Add the rule "transactions naming `keyword` are `category`", or change the category of that keyword's rule.

    The keyword is matched as whole words, any case ("bp" matches "BP DUBBO", not "BPAY").
    Raises CsvImportError naming `keyword` or `category` when either is unusable.
    """
    normalised = normalise_keyword(keyword)
    if len(normalised.replace(" ", "")) < 2:
        raise CsvImportError("invalid_rule", "keyword: must have at least 2 letters or digits", "keyword")
    canonical = normalise_category(category)
    if canonical is None:
        raise CsvImportError(
            "invalid_rule", f"category: unknown category '{category}'; use one of {', '.join(CATEGORIES)}", "category"
        )
    return rules_repo.upsert(session, user_id=user_id, keyword=normalised, category=canonical)


def delete_rule(session: Session, *, user_id: uuid.UUID, rule_id: uuid.UUID) -> bool:
    """Delete the user's rule; False if it is not theirs."""
    return rules_repo.delete_rule(session, user_id=user_id, rule_id=rule_id)

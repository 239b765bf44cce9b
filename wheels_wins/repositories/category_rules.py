"""Merchant keyword rules ("woolworths" -> groceries), scoped by the acting user."""

from __future__ import annotations

import uuid

from sqlmodel import Session, delete, select

from wheels_wins.db import utcnow
from wheels_wins.models import CategoryRule
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, get_owned


def list_rules(session: Session, *, user_id: uuid.UUID) -> list[CategoryRule]:
    """The user's rules, by keyword."""
    row_security.as_user(session, user_id)
    query = select(CategoryRule).where(CategoryRule.user_id == user_id).order_by(CategoryRule.keyword)
    return list(session.exec(query).all())


def get(session: Session, *, user_id: uuid.UUID, rule_id: uuid.UUID) -> CategoryRule | None:
    """The user's rule, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, CategoryRule, user_id=user_id, record_id=rule_id)


def get_by_keyword(session: Session, *, user_id: uuid.UUID, keyword: str) -> CategoryRule | None:
    """The user's rule for exactly this (already normalised) keyword, or None."""
    row_security.as_user(session, user_id)
    query = select(CategoryRule).where(CategoryRule.user_id == user_id, CategoryRule.keyword == keyword)
    return session.exec(query).first()


def upsert(session: Session, *, user_id: uuid.UUID, keyword: str, category: str) -> CategoryRule:
    """Create the rule for `keyword`, or change the category of the one that exists."""
    row_security.as_user(session, user_id)
    rule = get_by_keyword(session, user_id=user_id, keyword=keyword)
    if rule is None:
        return add(session, CategoryRule(user_id=user_id, keyword=keyword, category=category))
    if rule.category != category:
        rule.category = category
        rule.updated_at = utcnow()
        session.add(rule)
        session.flush()
    return rule


def delete_rule(session: Session, *, user_id: uuid.UUID, rule_id: uuid.UUID) -> bool:
    """Delete the user's rule; False when it is not theirs."""
    row_security.as_user(session, user_id)
    statement = delete(CategoryRule).where(CategoryRule.id == rule_id, CategoryRule.user_id == user_id)
    return session.exec(statement).rowcount > 0

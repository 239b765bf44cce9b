"""Closing an account: after the password is checked, every row the user owns goes in one transaction.

Every table with a `user_id` column is emptied of the user's rows (children before parents),
then the `users` row itself. Other people's rows that hang off the user's (a comment on their
post, a membership of their group) go with them through the foreign keys' ON DELETE rules.
Like the other account services this never commits: the caller's transaction is the one.
"""

from __future__ import annotations

import uuid

from sqlalchemy import delete
from sqlmodel import Session, SQLModel

import wheels_wins.models  # noqa: F401  (registers every table in SQLModel.metadata)
from wheels_wins.models import User
from wheels_wins.services import passwords
from wheels_wins.services.auth import AuthError

WRONG_PASSWORD = "Password is incorrect."


def owned_table_names() -> list[str]:
    """Every table holding user-owned rows, children before the tables they reference."""
    return [table.name for table in reversed(SQLModel.metadata.sorted_tables) if "user_id" in table.c]


def check_password(user: User, password: str) -> None:
    """AuthError (403, so the caller's session stays valid) unless `password` is the account's."""
    if user.password_hash is None:
        raise AuthError(
            "password_unavailable", "This account has no password here; sign in with a password first.", 403
        )
    if not passwords.verify_password(user.password_hash, password):
        raise AuthError("wrong_password", WRONG_PASSWORD, 403)


def delete_user_data(session: Session, *, user_id: uuid.UUID) -> dict[str, int]:
    """Delete every row the user owns and the account itself; the number of rows deleted per table."""
    deleted: dict[str, int] = {}
    for table in reversed(SQLModel.metadata.sorted_tables):
        if "user_id" in table.c:
            deleted[table.name] = session.exec(delete(table).where(table.c.user_id == user_id)).rowcount
    users = User.__table__  # type: ignore[attr-defined]
    deleted[users.name] = session.exec(delete(users).where(users.c.id == user_id)).rowcount
    return deleted


def delete_account(session: Session, *, user: User, password: str) -> dict[str, int]:
    """Check the password, then delete the account and everything in it (in the caller's one transaction)."""
    check_password(user, password)
    return delete_user_data(session, user_id=user.id)

"""Closing an account: after the password is checked, every row the user owns goes in one transaction.

Every table with a `user_id` column is emptied of the user's rows (children before parents),
then the `users` row itself; counts on others' posts they liked or commented on are recounted,
and their photo files go once the transaction commits. Other people's rows that hang off the user's (a comment on their
post, a membership of a group only they were left in) go with them through the foreign keys' ON DELETE rules.
Like the other account services this never commits: the caller's transaction is the one.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable

from sqlalchemy import delete, event, func, update
from sqlmodel import Session, SQLModel, select

import wheels_wins.models  # noqa: F401  (registers every table in SQLModel.metadata)
from wheels_wins.models import PostComment, PostLike, SocialPost, User
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import row_security
from wheels_wins.services import avatars, passwords, photos
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
    """Delete every row the user owns and the account itself; the number of rows deleted per table.

    Groups with other members pass to the longest-standing one; groups the user joined count them off.
    Other people's posts the user liked or commented on get their counts recounted, and the
    user's stored photos are removed once (and only if) the transaction commits.
    """
    row_security.as_user(session, user_id)
    touched = _posts_liked_or_commented(session, user_id)
    avatar = session.exec(select(User.avatar_path).where(User.id == user_id)).first()
    group_repo.hand_over(session, user_id=user_id)  # a group with other members lives on; only an empty one goes
    group_repo.leave_all(session, user_id=user_id)
    deleted: dict[str, int] = {}
    for table in reversed(SQLModel.metadata.sorted_tables):
        if "user_id" in table.c:
            deleted[table.name] = session.exec(delete(table).where(table.c.user_id == user_id)).rowcount
    users = User.__table__  # type: ignore[attr-defined]
    deleted[users.name] = session.exec(delete(users).where(users.c.id == user_id)).rowcount
    _recount(session, touched)
    _on_commit(session, lambda: photos.remove_all(user_id))
    _on_commit(session, lambda: avatars.remove(avatar))
    return deleted


_AFTER_COMMIT = "account_deletion.after_commit"


def _on_commit(session: Session, action: Callable[[], None]) -> None:
    """Run `action` when this transaction commits; it is dropped if the transaction rolls back instead."""
    session.info.setdefault(_AFTER_COMMIT, []).append(action)


@event.listens_for(Session, "after_commit")
def _run_after_commit(session: Session) -> None:
    for action in session.info.pop(_AFTER_COMMIT, []):
        action()


@event.listens_for(Session, "after_rollback")
def _drop_after_commit(session: Session) -> None:
    session.info.pop(_AFTER_COMMIT, None)


def _posts_liked_or_commented(session: Session, user_id: uuid.UUID) -> set[uuid.UUID]:
    liked = session.exec(select(PostLike.post_id).where(PostLike.user_id == user_id)).all()
    commented = session.exec(select(PostComment.post_id).where(PostComment.user_id == user_id)).all()
    return set(liked) | set(commented)


def _recount(session: Session, post_ids: set[uuid.UUID]) -> None:
    """Set the like and comment counts of the remaining posts among `post_ids` from their rows."""
    if not post_ids:
        return
    posts, likes, comments = (m.__table__ for m in (SocialPost, PostLike, PostComment))  # type: ignore[attr-defined]
    with row_security.system(session):  # the posts are other people's
        session.exec(
            update(posts)
            .where(posts.c.id.in_(post_ids))
            .values(
                like_count=select(func.count()).where(likes.c.post_id == posts.c.id).scalar_subquery(),
                comment_count=select(func.count()).where(comments.c.post_id == posts.c.id).scalar_subquery(),
                updated_at=posts.c.updated_at,  # a recount is not an edit
            )
        )


def delete_account(session: Session, *, user: User, password: str) -> dict[str, int]:
    """Check the password, then delete the account and everything in it (in the caller's one transaction)."""
    check_password(user, password)
    return delete_user_data(session, user_id=user.id)

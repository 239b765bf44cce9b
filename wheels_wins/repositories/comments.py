"""Comments on posts: anyone who can see a post reads and writes its comments; only the author edits theirs."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from wheels_wins.models import PostComment, User
from wheels_wins.repositories import notifications, row_security
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories.owned import add, get_owned, update_owned


def list_for_post(
    session: Session, *, viewer_id: uuid.UUID, post_id: uuid.UUID, limit: int = 50, offset: int = 0
) -> tuple[list[tuple[PostComment, User]], int] | None:
    """A visible post's comments, oldest first, with their authors; None when the post isn't visible."""
    row_security.as_user(session, viewer_id)
    if post_repo.get_visible(session, viewer_id=viewer_id, post_id=post_id) is None:
        return None
    total = int(session.exec(select(func.count()).where(PostComment.post_id == post_id)).one())
    rows = session.exec(
        select(PostComment, User)
        .join(User, User.id == PostComment.user_id)
        .where(PostComment.post_id == post_id)
        .order_by(PostComment.created_at, PostComment.id)
        .limit(limit)
        .offset(offset)
    ).all()
    return [(comment, author) for comment, author in rows], total


def create(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID, content: str) -> PostComment | None:
    """Comment on a visible post; the post's author is notified (not of their own comments)."""
    row_security.as_user(session, user_id)
    found = post_repo.get_visible(session, viewer_id=user_id, post_id=post_id)
    if found is None:
        return None
    post, _ = found
    comment = add(session, PostComment(user_id=user_id, post_id=post_id, content=content))
    post_repo.bump_count(session, post_id=post_id, column="comment_count", delta=1)
    if post.user_id != user_id:
        commenter = session.get(User, user_id)
        name = (commenter.full_name if commenter else "") or "A traveller"
        notifications.notify_once(
            session,
            user_id=post.user_id,
            kind="post_comment",
            title=f"{name} commented on your post",
            body=content if len(content) <= 120 else content[:119].rstrip() + "…",
            link="/social",
            dedupe_key=f"post-comment:{comment.id}",
        )
    return comment


def update(
    session: Session, *, user_id: uuid.UUID, comment_id: uuid.UUID, changes: Mapping[str, Any]
) -> PostComment | None:
    """Edit the user's own comment."""
    row_security.as_user(session, user_id)
    return update_owned(session, PostComment, user_id=user_id, record_id=comment_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, comment_id: uuid.UUID) -> bool:
    """Delete the user's own comment and count it off its post."""
    row_security.as_user(session, user_id)
    comment = get_owned(session, PostComment, user_id=user_id, record_id=comment_id)
    if comment is None:
        return False
    post_id = comment.post_id
    session.delete(comment)
    session.flush()
    post_repo.bump_count(session, post_id=post_id, column="comment_count", delta=-1)
    return True

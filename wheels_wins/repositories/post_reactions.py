"""Likes and reports of posts: one per user per post, enforced by unique constraints.

Counters change in the same transaction as the row, with `count = count ± 1` in SQL, so two
concurrent requests can't both count (the second insert fails its constraint and changes nothing).
"""

from __future__ import annotations

import uuid

from sqlalchemy import delete as sql_delete
from sqlmodel import Session

from wheels_wins.models import PostLike, PostReport, SocialPost, User
from wheels_wins.repositories import notifications, row_security
from wheels_wins.repositories import posts as post_repo
from wheels_wins.repositories.owned import insert_once


def like(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID) -> tuple[SocialPost, User] | None:
    """Like a visible post (liking twice changes nothing); notifies the author once per liker."""
    row_security.as_user(session, user_id)
    found = post_repo.get_visible(session, viewer_id=user_id, post_id=post_id)
    if found is None:
        return None
    post, author = found
    if insert_once(session, PostLike(user_id=user_id, post_id=post_id)):
        post_repo.bump_count(session, post_id=post.id, column="like_count", delta=1)
        if post.user_id != user_id:
            liker = session.get(User, user_id)
            notifications.notify_once(
                session,
                user_id=post.user_id,
                kind="post_like",
                title=f"{_name(liker)} liked your post",
                body=_excerpt(post.content),
                link="/social",
                dedupe_key=f"post-like:{post_id}:{user_id}",
            )
    return post, author


def unlike(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID) -> tuple[SocialPost, User] | None:
    """Take back a like (nothing changes when there was none)."""
    row_security.as_user(session, user_id)
    found = post_repo.get_visible(session, viewer_id=user_id, post_id=post_id)
    if found is None:
        return None
    post, _ = found
    result = session.exec(sql_delete(PostLike).where(PostLike.user_id == user_id, PostLike.post_id == post_id))  # type: ignore[call-overload]
    if result.rowcount:
        post_repo.bump_count(session, post_id=post.id, column="like_count", delta=-1)
    return found


def report(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID, reason: str = "") -> bool | None:
    """Report someone else's post: hidden from the reporter from now on, counted once per reporter.

    None when the post is unknown or already hidden from them; False for the user's own post."""
    row_security.as_user(session, user_id)
    found = post_repo.get_visible(session, viewer_id=user_id, post_id=post_id)
    if found is None:
        return None
    post, _ = found
    if post.user_id == user_id:
        return False
    if insert_once(session, PostReport(user_id=user_id, post_id=post_id, reason=reason)):
        post_repo.bump_count(session, post_id=post.id, column="report_count", delta=1)
    return True


def _name(user: User | None) -> str:
    return (user.full_name if user else "") or "A traveller"


def _excerpt(text: str, size: int = 120) -> str:
    return text if len(text) <= size else text[: size - 1].rstrip() + "…"

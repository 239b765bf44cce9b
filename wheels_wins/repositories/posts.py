"""Community posts: anyone signed in reads the feed; only the author changes a post."""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from typing import Any

from sqlalchemy import func
from sqlmodel import Session, select

from wheels_wins.models import SocialPost, User
from wheels_wins.repositories.owned import add, delete_owned, update_owned


def create(session: Session, *, user_id: uuid.UUID, content: str, group_id: uuid.UUID | None = None) -> SocialPost:
    """Publish a post as user_id."""
    return add(session, SocialPost(user_id=user_id, content=content, group_id=group_id))


def get_visible(session: Session, *, viewer_id: uuid.UUID, post_id: uuid.UUID) -> tuple[SocialPost, User] | None:
    """A post any signed-in user may read, with its author."""
    row = session.exec(
        select(SocialPost, User).join(User, User.id == SocialPost.user_id).where(SocialPost.id == post_id)
    ).first()
    return (row[0], row[1]) if row else None


def update(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID, changes: Mapping[str, Any]) -> SocialPost | None:
    """Edit the user's own post."""
    return update_owned(session, SocialPost, user_id=user_id, record_id=post_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID) -> bool:
    """Delete the user's own post."""
    return delete_owned(session, SocialPost, user_id=user_id, record_id=post_id)


def feed(
    session: Session,
    *,
    viewer_id: uuid.UUID,
    group_id: uuid.UUID | None = None,
    author_id: uuid.UUID | None = None,
    limit: int = 20,
    offset: int = 0,
) -> tuple[list[tuple[SocialPost, User]], int]:
    """Newest posts first with their authors, and the total count (the viewer must be signed in)."""
    query = select(SocialPost, User).join(User, User.id == SocialPost.user_id)
    count_query = select(func.count()).select_from(SocialPost)
    if group_id is not None:
        query = query.where(SocialPost.group_id == group_id)
        count_query = count_query.where(SocialPost.group_id == group_id)
    if author_id is not None:
        query = query.where(SocialPost.user_id == author_id)
        count_query = count_query.where(SocialPost.user_id == author_id)
    rows = session.exec(query.order_by(SocialPost.created_at.desc()).limit(limit).offset(offset)).all()
    return [(post, author) for post, author in rows], int(session.exec(count_query).one())

"""Posts in the community feed and in groups: anyone signed in reads them; only the author changes a post.

A post the viewer has reported is hidden from them everywhere (feed, reading, liking, commenting).
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable, Mapping
from typing import Any

from sqlalchemy import and_, exists, func, or_
from sqlalchemy import update as sql_update
from sqlmodel import Session, col, select

from wheels_wins.models import PostComment, PostLike, PostReport, SocialPost, User
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import (
    add,
    delete_owned,
    get_owned,
    row_values,
    update_owned,
    values_as_json,
    values_from_json,
)

POST_CHILDREN: tuple[type[Any], ...] = (PostComment, PostLike, PostReport)
"""The rows that hang off a post and go with it."""

Cursor = tuple[dt.datetime, uuid.UUID]
"""Where a feed page ends: the last post's (created_at, id)."""


def create(
    session: Session,
    *,
    user_id: uuid.UUID,
    content: str,
    group_id: uuid.UUID | None = None,
    photo_path: str | None = None,
) -> SocialPost:
    """Publish a post as user_id."""
    row_security.as_user(session, user_id)
    return add(session, SocialPost(user_id=user_id, content=content, group_id=group_id, photo_path=photo_path))


HIDE_AT_REPORTS = 3
"""A post reported by this many people is hidden from everyone but its author until someone reviews it."""


def _visible_to(viewer_id: uuid.UUID) -> Any:
    """Posts the viewer has not reported; of the widely reported ones, only their own."""
    reported = exists().where(PostReport.post_id == SocialPost.id, PostReport.user_id == viewer_id)
    return and_(~reported, or_(SocialPost.report_count < HIDE_AT_REPORTS, SocialPost.user_id == viewer_id))


def get_visible(session: Session, *, viewer_id: uuid.UUID, post_id: uuid.UUID) -> tuple[SocialPost, User] | None:
    """A post the viewer may read (unless they reported it, or enough people did), with its author."""
    row_security.as_user(session, viewer_id)
    row = session.exec(
        select(SocialPost, User)
        .join(User, User.id == SocialPost.user_id)
        .where(SocialPost.id == post_id, _visible_to(viewer_id))
    ).first()
    return (row[0], row[1]) if row else None


def get_own(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID) -> SocialPost | None:
    """One of the user's own posts."""
    row_security.as_user(session, user_id)
    return get_owned(session, SocialPost, user_id=user_id, record_id=post_id)


def update(
    session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID, changes: Mapping[str, Any]
) -> SocialPost | None:
    """Edit the user's own post."""
    row_security.as_user(session, user_id)
    return update_owned(session, SocialPost, user_id=user_id, record_id=post_id, changes=changes)


def delete(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID) -> bool:
    """Delete the user's own post (its comments, likes and reports go with it)."""
    row_security.as_user(session, user_id)
    return delete_owned(session, SocialPost, user_id=user_id, record_id=post_id)


def delete_keeping(session: Session, *, user_id: uuid.UUID, post_id: uuid.UUID) -> dict[str, Any] | None:
    """Delete the user's own post; its values and its comments', likes' and reports' (for `restore`), or None."""
    row_security.as_user(session, user_id)
    post = get_owned(session, SocialPost, user_id=user_id, record_id=post_id)
    if post is None:
        return None
    kept: dict[str, Any] = {"post": row_values(post)}
    with row_security.system(session):  # other people's comments, likes and reports on the post
        for model in POST_CHILDREN:
            rows = session.exec(select(model).where(model.post_id == post_id)).all()
            kept[model.__tablename__] = [row_values(row) for row in rows]
    delete_owned(session, SocialPost, user_id=user_id, record_id=post_id)
    return kept


def restore(session: Session, *, user_id: uuid.UUID, kept: dict[str, Any]) -> bool:
    """Put back a post `delete_keeping` removed, with its comments, likes and reports (by its author only)."""
    row_security.as_user(session, user_id)
    if kept["post"]["user_id"] != user_id:
        return False
    session.add(SocialPost(**kept["post"]))
    session.flush()
    with row_security.system(session):
        for model in POST_CHILDREN:
            session.add_all(model(**values) for values in kept[model.__tablename__])
        session.flush()
    return True


def kept_as_json(kept: dict[str, Any]) -> dict[str, Any]:
    """What `delete_keeping` kept, in a form JSON can hold (PAM stores it for "undo that")."""
    return {key: values_as_json(value) if key == "post" else [values_as_json(v) for v in value] for key, value in kept.items()}


def kept_from_json(kept: dict[str, Any]) -> dict[str, Any]:
    """`kept_as_json` typed again, for `restore`."""
    children = {model.__tablename__: model for model in POST_CHILDREN}
    return {
        key: values_from_json(SocialPost, value) if key == "post" else [values_from_json(children[key], v) for v in value]
        for key, value in kept.items()
    }


def photo_path_of(session: Session, *, post_id: uuid.UUID) -> str | None:
    """The stored photo of any post, for a signed photo URL (the signature is what grants seeing it)."""
    with row_security.system(session):
        return session.exec(select(SocialPost.photo_path).where(SocialPost.id == post_id)).first()


def photos_in_use(session: Session, *, photo_paths: Iterable[str]) -> set[str]:
    """Which of these stored photo files some post still shows (e.g. after an Undo)."""
    paths = list(photo_paths)
    if not paths:
        return set()
    with row_security.system(session):  # about every post, whoever asks
        rows = session.exec(select(SocialPost.photo_path).where(col(SocialPost.photo_path).in_(paths))).all()
    return {path for path in rows if path}


def feed(
    session: Session,
    *,
    viewer_id: uuid.UUID,
    group_id: uuid.UUID | None = None,
    author_id: uuid.UUID | None = None,
    limit: int = 20,
    offset: int = 0,
    before: Cursor | None = None,
) -> tuple[list[tuple[SocialPost, User]], int]:
    """Newest posts first with their authors, and how many the viewer can see in all.

    Without `group_id` these are the community feed's posts (in no group); with it, that group's.
    With `before`, the page starts after that cursor (keyset paging, stable while people post)."""
    row_security.as_user(session, viewer_id)
    conditions: list[Any] = [_visible_to(viewer_id)]
    conditions.append(SocialPost.group_id.is_(None) if group_id is None else SocialPost.group_id == group_id)  # type: ignore[union-attr]
    if author_id is not None:
        conditions.append(SocialPost.user_id == author_id)
    total = int(session.exec(select(func.count()).select_from(SocialPost).where(*conditions)).one())
    if before is not None:
        created, last_id = before
        conditions.append(
            or_(SocialPost.created_at < created, and_(SocialPost.created_at == created, SocialPost.id < last_id))
        )
    query = (
        select(SocialPost, User)
        .join(User, User.id == SocialPost.user_id)
        .where(*conditions)
        .order_by(SocialPost.created_at.desc(), SocialPost.id.desc())  # type: ignore[attr-defined]
        .limit(limit)
        .offset(0 if before is not None else offset)
    )
    return [(post, author) for post, author in session.exec(query).all()], total


def photo_paths(session: Session, *, user_id: uuid.UUID) -> set[str]:
    """The stored photos the user's posts use."""
    row_security.as_user(session, user_id)
    rows = session.exec(
        select(SocialPost.photo_path).where(SocialPost.user_id == user_id, SocialPost.photo_path.is_not(None))
    )  # type: ignore[union-attr]
    return {path for path in rows.all() if path}


def liked_by(session: Session, *, user_id: uuid.UUID, post_ids: Iterable[uuid.UUID]) -> set[uuid.UUID]:
    """Which of these posts the user has liked."""
    row_security.as_user(session, user_id)
    ids = list(post_ids)
    if not ids:
        return set()
    rows = session.exec(select(PostLike.post_id).where(PostLike.user_id == user_id, PostLike.post_id.in_(ids)))  # type: ignore[attr-defined]
    return set(rows.all())


def bump_count(session: Session, *, post_id: uuid.UUID, column: str, delta: int) -> None:
    """Add `delta` to one of a post's counters in SQL (concurrent bumps all count).

    `updated_at` is kept as it was: a like or a comment is not an edit of the post."""
    counter = getattr(SocialPost, column)
    session.flush()
    with row_security.system(session):  # the liker, commenter or reporter bumps someone else's post
        session.exec(  # type: ignore[call-overload]
            sql_update(SocialPost)
            .where(SocialPost.id == post_id)
            .values({column: counter + delta, "updated_at": SocialPost.updated_at})
        )
    post = session.get(SocialPost, post_id)
    if post is not None:
        session.refresh(post)

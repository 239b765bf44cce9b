"""Social: community posts, their comments and reports."""

from __future__ import annotations

import base64
import binascii
import datetime as dt
import uuid
from typing import Any

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from wheels_wins.api.schemas.common import Page, Patch, Schema, Str, Timestamp
from wheels_wins.models import PostComment, SocialPost, User
from wheels_wins.services import photos


class PostCreate(Schema):
    """A new post in the community feed, or in a group."""

    content: Str = Field(min_length=1, max_length=2000)
    group_id: uuid.UUID | None = None


class PostUpdate(Patch):
    """Post fields to change."""

    content: Str | None = Field(None, min_length=1, max_length=2000)


class Author(Schema):
    """Who wrote a post or comment (never their email)."""

    id: uuid.UUID
    full_name: str


class PostPublic(Schema):
    """A post with its author and counters."""

    id: uuid.UUID
    author: Author
    content: str
    created_at: Timestamp
    like_count: int
    comment_count: int
    group_id: uuid.UUID | None
    liked_by_me: bool = Field(False, description="Whether the signed-in user likes this post")
    photo_url: str | None = Field(
        None, description="The photo, if any: a signed URL usable without a bearer token for about an hour"
    )

    @classmethod
    def of(cls, post: SocialPost, author: User, *, liked: bool = False) -> PostPublic:
        """The public view of `post` by `author`."""
        return cls(
            id=post.id,
            author=Author(id=author.id, full_name=author.full_name),
            content=post.content,
            created_at=post.created_at,
            like_count=post.like_count,
            comment_count=post.comment_count,
            group_id=post.group_id,
            liked_by_me=liked,
            photo_url=photos.signed_url(post.id) if post.photo_path else None,
        )


class PostPage(Page[PostPublic]):
    """A page of the feed; pass `next_cursor` as `cursor` for the next one (absent on the last page)."""

    next_cursor: str | None = Field(None, description="The cursor of the next page; absent on the last page")

    @model_serializer(mode="wrap")
    def _omit_missing_cursor(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        # Without a next page the body is exactly the contract's list shape, {items, total}.
        data = handler(self)
        if data.get("next_cursor") is None:
            data.pop("next_cursor", None)
        return data


class ReportCreate(Schema):
    """Why a post is reported (optional)."""

    reason: Str = Field("", max_length=500)


class CommentCreate(Schema):
    """A new comment."""

    content: Str = Field(min_length=1, max_length=1000)


class CommentUpdate(Patch):
    """Comment fields to change."""

    content: Str | None = Field(None, min_length=1, max_length=1000)


class CommentPublic(Schema):
    """A comment with its author."""

    id: uuid.UUID
    post_id: uuid.UUID
    author: Author
    content: str
    created_at: Timestamp
    updated_at: Timestamp

    @classmethod
    def of(cls, comment: PostComment, author: User) -> CommentPublic:
        """The public view of `comment` by `author`."""
        return cls(
            id=comment.id,
            post_id=comment.post_id,
            author=Author(id=author.id, full_name=author.full_name),
            content=comment.content,
            created_at=comment.created_at,
            updated_at=comment.updated_at,
        )


def encode_cursor(created_at: dt.datetime, post_id: uuid.UUID) -> str:
    """An opaque feed cursor for the post that ends a page."""
    return base64.urlsafe_b64encode(f"{created_at.isoformat()}|{post_id}".encode()).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[dt.datetime, uuid.UUID] | None:
    """The (created_at, id) inside a cursor, or None when it isn't one of ours."""
    try:
        text = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4)).decode()
        moment, _, post_id = text.partition("|")
        created = dt.datetime.fromisoformat(moment)
        return (created if created.tzinfo else created.replace(tzinfo=dt.UTC)), uuid.UUID(post_id)
    except (ValueError, UnicodeDecodeError, binascii.Error):
        return None

"""Social: community posts."""

from __future__ import annotations

import uuid

from pydantic import Field

from wheels_wins.api.schemas.common import Patch, Schema, Str, Timestamp
from wheels_wins.models import SocialPost, User


class PostCreate(Schema):
    """A new post in the community feed, or in a group."""

    content: Str = Field(min_length=1, max_length=2000)
    group_id: uuid.UUID | None = None


class PostUpdate(Patch):
    """Post fields to change."""

    content: Str | None = Field(None, min_length=1, max_length=2000)


class Author(Schema):
    """Who wrote a post (never their email)."""

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

    @classmethod
    def of(cls, post: SocialPost, author: User) -> PostPublic:
        """The public view of `post` by `author`."""
        return cls(
            id=post.id,
            author=Author(id=author.id, full_name=author.full_name),
            content=post.content,
            created_at=post.created_at,
            like_count=post.like_count,
            comment_count=post.comment_count,
            group_id=post.group_id,
        )

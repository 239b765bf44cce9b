"""Community groups: browse, start, join and leave."""

from __future__ import annotations

import uuid

from pydantic import Field

from wheels_wins.api.schemas.common import Page, Patch, Schema, Str, Timestamp
from wheels_wins.models import SocialGroup
from wheels_wins.repositories.groups import MAX_DESCRIPTION, MAX_NAME, MIN_NAME


class GroupCreate(Schema):
    """A new group; its creator joins it."""

    name: Str = Field(min_length=MIN_NAME, max_length=MAX_NAME)
    description: Str = Field("", max_length=MAX_DESCRIPTION)


class GroupUpdate(Patch):
    """Group fields its creator may change."""

    description: Str | None = Field(None, max_length=MAX_DESCRIPTION)


class GroupPublic(Schema):
    """A group as everyone sees it, with the caller's relation to it."""

    id: uuid.UUID
    name: str
    description: str
    member_count: int
    joined: bool = Field(description="Whether the signed-in user is a member")
    created_by_me: bool = Field(description="Whether the signed-in user started it (and so may edit or delete it)")
    created_at: Timestamp

    @classmethod
    def of(cls, group: SocialGroup, *, joined: bool, viewer_id: uuid.UUID) -> GroupPublic:
        """The public view of `group` for the viewer."""
        return cls(
            id=group.id,
            name=group.name,
            description=group.description,
            member_count=group.member_count,
            joined=joined,
            created_by_me=group.user_id == viewer_id,
            created_at=group.created_at,
        )


class GroupPage(Page[GroupPublic]):
    """A page of groups: the caller's first, then the busiest."""


class GroupPostCreate(Schema):
    """A new post in a group (members only)."""

    content: Str = Field(min_length=1, max_length=2000)

"""Social: posts, comments, likes, groups and the marketplace."""

from __future__ import annotations

import uuid
from decimal import Decimal

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field

from wheels_wins.models.base import TableBase, money_field, owner_field


class SocialGroup(TableBase, table=True):
    """A community group; `user_id` is its creator."""

    __tablename__ = "social_groups"

    user_id: uuid.UUID = owner_field()
    name: str = Field(max_length=80, unique=True)
    description: str = Field(default="", max_length=500)
    member_count: int = 0


class GroupMembership(TableBase, table=True):
    """A user's membership of a group."""

    __tablename__ = "group_memberships"
    __table_args__ = (UniqueConstraint("user_id", "group_id", name="uq_group_memberships_user_group"),)

    user_id: uuid.UUID = owner_field()
    group_id: uuid.UUID = Field(foreign_key="social_groups.id", index=True, ondelete="CASCADE")


class SocialPost(TableBase, table=True):
    """A post in the community feed or a group."""

    __tablename__ = "social_posts"
    __table_args__ = (Index("ix_social_posts_created", "created_at"),)

    user_id: uuid.UUID = owner_field()
    group_id: uuid.UUID | None = Field(default=None, foreign_key="social_groups.id", index=True, ondelete="CASCADE")
    content: str = Field(max_length=2000)
    photo_path: str | None = Field(default=None, max_length=200)
    like_count: int = 0
    comment_count: int = 0
    report_count: int = 0


class PostComment(TableBase, table=True):
    """A comment on a post."""

    __tablename__ = "post_comments"

    user_id: uuid.UUID = owner_field()
    post_id: uuid.UUID = Field(foreign_key="social_posts.id", index=True, ondelete="CASCADE")
    content: str = Field(max_length=1000)


class PostLike(TableBase, table=True):
    """One like per user per post."""

    __tablename__ = "post_likes"
    __table_args__ = (UniqueConstraint("user_id", "post_id", name="uq_post_likes_user_post"),)

    user_id: uuid.UUID = owner_field()
    post_id: uuid.UUID = Field(foreign_key="social_posts.id", index=True, ondelete="CASCADE")


class PostReport(TableBase, table=True):
    """A user's report of a post: hides it from them and counts once towards moderation."""

    __tablename__ = "post_reports"
    __table_args__ = (UniqueConstraint("user_id", "post_id", name="uq_post_reports_user_post"),)

    user_id: uuid.UUID = owner_field()
    post_id: uuid.UUID = Field(foreign_key="social_posts.id", index=True, ondelete="CASCADE")
    reason: str = Field(default="", max_length=500)


class MarketplaceListing(TableBase, table=True):
    """Something for sale between travellers."""

    __tablename__ = "marketplace_listings"
    __table_args__ = (Index("ix_marketplace_listings_status_created", "status", "created_at"),)

    user_id: uuid.UUID = owner_field()
    title: str = Field(max_length=120)
    description: str = Field(default="", max_length=2000)
    price: Decimal = money_field()
    condition: str = Field(default="used", max_length=20)
    location: str = Field(default="", max_length=160)
    lat: float | None = None
    lon: float | None = None
    status: str = Field(default="available", max_length=12)


class ListingPhoto(TableBase, table=True):
    """A photo of a listing, shown in `position` order (stored like post photos, served with auth)."""

    __tablename__ = "listing_photos"

    user_id: uuid.UUID = owner_field()
    listing_id: uuid.UUID = Field(foreign_key="marketplace_listings.id", index=True, ondelete="CASCADE")
    photo_path: str = Field(max_length=200)
    position: int = 0

"""Notifications and the shared text-to-speech cache."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import LargeBinary, UniqueConstraint
from sqlmodel import Field

from wheels_wins.models.base import TableBase, owner_field, timestamp_field


class Notification(TableBase, table=True):
    """An in-app notice; `dedupe_key` makes alerts idempotent."""

    __tablename__ = "notifications"
    __table_args__ = (UniqueConstraint("user_id", "dedupe_key", name="uq_notifications_user_dedupe"),)

    user_id: uuid.UUID = owner_field()
    kind: str = Field(max_length=24)
    title: str = Field(max_length=160)
    body: str = Field(default="", max_length=1000)
    link: str = Field(default="", max_length=200)
    dedupe_key: str | None = Field(default=None, max_length=120)
    read_at: dt.datetime | None = timestamp_field()
    dismissed_at: dt.datetime | None = timestamp_field()
    """Deleted by the user: hidden everywhere, but kept so its dedupe key stops the same notice coming back."""


class AudioCache(TableBase, table=True):
    """Synthesised speech keyed by a hash of text and voice (shared, holds no user data)."""

    __tablename__ = "audio_cache"

    cache_key: str = Field(max_length=64, unique=True, index=True)
    voice: str = Field(max_length=60)
    mime_type: str = Field(default="audio/mpeg", max_length=40)
    audio: bytes = Field(sa_type=LargeBinary)
    expires_at: dt.datetime = timestamp_field(nullable=False)

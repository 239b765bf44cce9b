"""In-app notifications: budget alerts, maintenance due, comments and likes on the user's posts."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from pydantic import Field, SerializerFunctionWrapHandler, model_serializer

from wheels_wins.api.schemas.common import Page, Schema
from wheels_wins.models import Notification


class NotificationPublic(Schema):
    """One notification; `kind` is e.g. budget, maintenance, post_comment, post_like, listing_interest."""

    id: uuid.UUID
    kind: str
    title: str
    body: str
    link: str = Field(description="The app page it is about, e.g. /social")
    read: bool
    created_at: dt.datetime

    @classmethod
    def of(cls, row: Notification) -> NotificationPublic:
        """The public form of a notification row."""
        return cls(
            id=row.id,
            kind=row.kind,
            title=row.title,
            body=row.body,
            link=row.link,
            read=row.read_at is not None,
            created_at=row.created_at,
        )


class NotificationPage(Page[NotificationPublic]):
    """Newest first; pass `next_cursor` as `cursor` for the next page (absent on the last one)."""

    unread: int = Field(description="How many of the user's notifications are unread")
    next_cursor: str | None = Field(None, description="The cursor of the next page; absent on the last page")

    @model_serializer(mode="wrap")
    def _omit_missing_cursor(self, handler: SerializerFunctionWrapHandler) -> dict[str, Any]:
        data = handler(self)
        if data.get("next_cursor") is None:
            data.pop("next_cursor", None)
        return data


class NotificationUpdate(Schema):
    """Mark a notification read or unread."""

    read: bool


class ReadAllResult(Schema):
    """How many notifications `read-all` marked read."""

    marked: int

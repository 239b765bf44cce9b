"""Shared column definitions for every table."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from sqlmodel import Field, SQLModel

from wheels_wins.db import Money, UTCDateTime, utcnow


class TableBase(SQLModel):
    """UUID key and audit timestamps."""

    id: uuid.UUID = Field(default_factory=uuid.uuid4, primary_key=True)
    created_at: dt.datetime = Field(default_factory=utcnow, sa_type=UTCDateTime, nullable=False)
    updated_at: dt.datetime = Field(
        default_factory=utcnow, sa_type=UTCDateTime, nullable=False, sa_column_kwargs={"onupdate": utcnow}
    )


def owner_field() -> Any:
    """The `user_id` column every user-owned table carries (cascades on account deletion)."""
    return Field(foreign_key="users.id", index=True, nullable=False, ondelete="CASCADE")


def money_field(*, nullable: bool = False, default: Any = ...) -> Any:
    """An exact NUMERIC(12,2) money column."""
    if default is ...:
        return Field(sa_type=Money, nullable=nullable)
    return Field(default=default, sa_type=Money, nullable=nullable)


def timestamp_field(*, nullable: bool = True, default: Any = None) -> Any:
    """A timezone-aware UTC timestamp column."""
    return Field(default=default, sa_type=UTCDateTime, nullable=nullable)


__all__ = ["TableBase", "owner_field", "money_field", "timestamp_field"]

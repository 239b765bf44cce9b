"""Bank-statement imports: drafts awaiting confirmation and the user's merchant keyword rules."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, LargeBinary, UniqueConstraint
from sqlmodel import Field

from wheels_wins.models.base import TableBase, owner_field


class ImportDraft(TableBase, table=True):
    """An uploaded CSV kept until the user confirms or discards it.

    `settings` holds what was detected (delimiter, encoding, header, date format), the column
    mapping in force and the user's per-row choices, so a reconnect or restart loses nothing.
    """

    __tablename__ = "import_drafts"

    user_id: uuid.UUID = owner_field()
    filename: str = Field(default="", max_length=255)
    content: bytes = Field(sa_type=LargeBinary)
    size_bytes: int = Field(default=0)
    settings: dict[str, Any] = Field(default_factory=dict, sa_type=JSON)


class CategoryRule(TableBase, table=True):
    """A merchant keyword rule: transactions naming `keyword` get `category`, before any other guess."""

    __tablename__ = "category_rules"
    __table_args__ = (UniqueConstraint("user_id", "keyword", name="uq_category_rules_user_keyword"),)

    user_id: uuid.UUID = owner_field()
    keyword: str = Field(max_length=60)
    category: str = Field(max_length=20)

"""PAM's persisted memory: conversations, messages and feedback."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import JSON, Index
from sqlmodel import Field

from wheels_wins.models.base import TableBase, owner_field


class PamConversation(TableBase, table=True):
    """A thread of messages with PAM."""

    __tablename__ = "pam_conversations"

    user_id: uuid.UUID = owner_field()
    title: str = Field(default="New conversation", max_length=120)


class PamMessage(TableBase, table=True):
    """One turn: the user's text or PAM's reply with the tools it ran."""

    __tablename__ = "pam_messages"
    __table_args__ = (Index("ix_pam_messages_conversation_created", "conversation_id", "created_at"),)

    user_id: uuid.UUID = owner_field()
    conversation_id: uuid.UUID = Field(foreign_key="pam_conversations.id", nullable=False, ondelete="CASCADE")
    role: str = Field(max_length=12)
    content: str = Field(default="", max_length=8000)
    provider: str | None = Field(default=None, max_length=20)
    tool_calls: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    ui_actions: list[dict[str, Any]] = Field(default_factory=list, sa_type=JSON)
    pending: dict[str, Any] | None = Field(default=None, sa_type=JSON)


class PamFeedback(TableBase, table=True):
    """A thumbs up or down on one of PAM's replies."""

    __tablename__ = "pam_feedback"

    user_id: uuid.UUID = owner_field()
    message_id: uuid.UUID = Field(foreign_key="pam_messages.id", index=True, ondelete="CASCADE")
    rating: str = Field(max_length=4)
    comment: str = Field(default="", max_length=1000)

"""PAM chat, conversations and feedback, as in the API contract."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field


class Location(BaseModel):
    """Where the user is."""

    latitude: float = Field(ge=-90, le=90)
    longitude: float = Field(ge=-180, le=180)


class ChatContext(BaseModel):
    """The page the user is on and where they are."""

    current_page: str = Field(default="/", max_length=200)
    location: Location | None = None


class ChatRequest(BaseModel):
    """One message to PAM."""

    model_config = ConfigDict(str_strip_whitespace=True)

    message: str = Field(min_length=1, max_length=4000)
    conversation_id: uuid.UUID | None = None
    context: ChatContext | None = None


class ToolCallPublic(BaseModel):
    """A tool PAM ran this turn."""

    name: str
    arguments: dict[str, Any]
    ok: bool
    result: dict[str, Any]


class ChatResponse(BaseModel):
    """PAM's reply, what it did and what the UI should do."""

    conversation_id: uuid.UUID
    message_id: uuid.UUID
    reply: str
    provider: str
    tool_calls: list[ToolCallPublic]
    ui_actions: list[dict[str, Any]]


class ConversationSummary(BaseModel):
    """A conversation in the list."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    title: str
    created_at: dt.datetime
    updated_at: dt.datetime


class MessagePublic(BaseModel):
    """One stored message."""

    id: uuid.UUID
    role: str
    content: str
    provider: str | None
    tool_calls: list[ToolCallPublic]
    ui_actions: list[dict[str, Any]]
    created_at: dt.datetime


class ConversationDetail(ConversationSummary):
    """A conversation with its messages, oldest first."""

    messages: list[MessagePublic]


class FeedbackCreate(BaseModel):
    """A rating of one of PAM's replies."""

    message_id: uuid.UUID
    rating: Literal["up", "down"]
    comment: str = Field(default="", max_length=1000)


class FeedbackPublic(BaseModel):
    """A stored rating."""

    model_config = ConfigDict(from_attributes=True)

    id: uuid.UUID
    message_id: uuid.UUID
    rating: str
    comment: str

"""PAM's typed vocabulary: tool context and results, model requests and responses, turn results."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass, field
from typing import Any, Literal

from sqlmodel import Session

from wheels_wins.models import User

Role = Literal["user", "assistant", "tool"]


@dataclass
class ToolContext:
    """What every tool receives first: the transaction, the acting user and where they are."""

    session: Session
    user: User
    today: dt.date
    now: dt.datetime
    page: str = "/"
    location: tuple[float, float] | None = None
    conversation_id: uuid.UUID | None = None

    @property
    def user_id(self) -> uuid.UUID:
        """The acting user's id."""
        return self.user.id


@dataclass
class ToolResult:
    """A tool's structured outcome; `summary` is the chip text shown to the user."""

    ok: bool
    summary: str
    data: dict[str, Any] = field(default_factory=dict)
    undo: dict[str, Any] | None = None
    ui_actions: list[dict[str, Any]] = field(default_factory=list)
    changed: tuple[str, ...] = ()

    @classmethod
    def fail(cls, message: str) -> ToolResult:
        """An honest failure the model can relay."""
        return cls(ok=False, summary=message, data={"error": message})


@dataclass
class ToolCall:
    """A request from the model to run one tool."""

    name: str
    arguments: dict[str, Any]
    id: str = field(default_factory=lambda: uuid.uuid4().hex[:12])


@dataclass
class ChatMessage:
    """One entry of the transcript sent to a model."""

    role: Role
    content: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    tool_call_id: str | None = None
    tool_name: str | None = None


@dataclass
class ModelRequest:
    """Everything a provider needs for one step of a turn."""

    system: str
    messages: list[ChatMessage]
    tools: list[dict[str, Any]]
    state: dict[str, Any] = field(default_factory=dict)


@dataclass
class ModelResponse:
    """A provider's answer: text, tool calls, or both."""

    text: str = ""
    tool_calls: list[ToolCall] = field(default_factory=list)
    pending: dict[str, Any] | None = None


@dataclass
class ExecutedCall:
    """A tool call with its result, as stored on the assistant message."""

    name: str
    arguments: dict[str, Any]
    result: ToolResult

    def public(self) -> dict[str, Any]:
        """The REST/UI view: {name, arguments, ok, result}."""
        return {"name": self.name, "arguments": self.arguments, "ok": self.result.ok,
                "result": {"summary": self.result.summary, **self.result.data}}

    def stored(self) -> dict[str, Any]:
        """The stored view: the public one plus the chip text and how to undo it."""
        return {**self.public(), "summary": self.result.summary, "undo": self.result.undo}


@dataclass
class TurnResult:
    """What `run_turn` returns to the REST route and the PAM state."""

    conversation_id: uuid.UUID
    message_id: uuid.UUID
    reply: str
    provider: str
    tool_calls: list[ExecutedCall] = field(default_factory=list)
    ui_actions: list[dict[str, Any]] = field(default_factory=list)
    changed: set[str] = field(default_factory=set)

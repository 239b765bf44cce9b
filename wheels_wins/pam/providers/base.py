"""The one provider interface and its failure type."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import Protocol

from wheels_wins.pam.types import ModelRequest, ModelResponse

TextSink = Callable[[str], Awaitable[None]]


class ProviderError(Exception):
    """A provider failed in a way the chain should fail over from (timeout, 5xx, malformed output)."""


class Provider(Protocol):
    """A model that answers a request with text and/or tool calls, optionally streaming text."""

    name: str

    async def request(self, request: ModelRequest, on_text: TextSink | None = None) -> ModelResponse:
        """Answer one step of a turn."""
        ...


class InstantProvider(Provider, Protocol):
    """A provider that answers in-process without waiting on anything (the local engine)."""

    needs_context: bool

    def respond(self, request: ModelRequest) -> ModelResponse:
        """Answer one step of a turn at once."""
        ...

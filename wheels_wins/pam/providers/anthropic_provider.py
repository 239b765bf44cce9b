"""Anthropic's Messages API behind PAM's provider interface, streamed through the official async SDK."""

from __future__ import annotations

import json
from collections.abc import AsyncIterable
from dataclasses import dataclass, field
from typing import Any

import anthropic
import httpx2

from wheels_wins.pam.providers.base import ProviderError, TextSink
from wheels_wins.pam.types import ChatMessage, ModelRequest, ModelResponse, ToolCall
from wheels_wins.settings import Settings

MAX_TOKENS = 1024
# A stream can break after its headers arrived: the transport (httpx2) raises directly, and odd
# events surface as JSON, lookup or attribute errors. Each is the vendor's failure, not ours.
STREAM_ERRORS = (httpx2.HTTPError, ValueError, LookupError, AttributeError, TypeError)


def anthropic_tools(tools: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """PAM's tool specs ({name, description, parameters}) as Anthropic tool definitions."""
    return [
        {"name": t["name"], "description": t.get("description", ""), "input_schema": t["parameters"]} for t in tools
    ]


def _blocks(message: ChatMessage) -> tuple[str, list[dict[str, Any]]]:
    """One transcript entry as (Anthropic role, content blocks); tool results travel in user turns."""
    if message.role == "tool":
        if not message.tool_call_id:
            raise ProviderError("anthropic: a tool result has no tool call id to pair with")
        result: dict[str, Any] = {"type": "tool_result", "tool_use_id": message.tool_call_id}
        if message.content:
            result["content"] = message.content
        return "user", [result]
    blocks: list[dict[str, Any]] = [{"type": "text", "text": message.content}] if message.content.strip() else []
    if message.role == "assistant":
        blocks += [{"type": "tool_use", "id": c.id, "name": c.name, "input": c.arguments} for c in message.tool_calls]
    return message.role, blocks


def anthropic_messages(messages: list[ChatMessage]) -> list[dict[str, Any]]:
    """The transcript as alternating user/assistant turns, each tool_use answered in the next user turn."""
    turns: list[dict[str, Any]] = []
    for message in messages:
        role, blocks = _blocks(message)
        if not blocks:
            continue
        if turns and turns[-1]["role"] == role:
            turns[-1]["content"].extend(blocks)
        else:
            turns.append({"role": role, "content": blocks})
    # A trimmed history can open with PAM's reply; the API wants the user to speak first.
    while turns and turns[0]["role"] != "user":
        turns.pop(0)
    return turns


@dataclass
class _ToolUse:
    id: str
    name: str
    start_input: Any
    json_parts: list[str] = field(default_factory=list)

    def call(self) -> ToolCall:
        raw = "".join(self.json_parts)
        try:
            arguments = json.loads(raw) if raw.strip() else self.start_input
        except ValueError as error:
            raise ProviderError(f"anthropic: tool {self.name!r} input is not valid JSON") from error
        if not isinstance(arguments, dict):
            raise ProviderError(f"anthropic: tool {self.name!r} input is not a JSON object")
        return ToolCall(self.name, arguments, id=self.id)


async def _collect(events: AsyncIterable[Any], on_text: TextSink | None) -> ModelResponse:
    """Fold a raw Messages event stream into a response, passing text deltas on as they arrive."""
    text: list[str] = []
    tools: dict[int, _ToolUse] = {}
    finished = False
    async for event in events:
        if event.type == "content_block_start":
            block = event.content_block
            if block.type == "tool_use":
                tools[event.index] = _ToolUse(block.id, block.name, block.input)
            elif block.type == "text" and block.text:
                text.append(block.text)
        elif event.type == "content_block_delta":
            delta = event.delta
            if delta.type == "text_delta" and delta.text:
                text.append(delta.text)
                if on_text is not None:
                    await on_text(delta.text)
            elif delta.type == "input_json_delta":
                tools[event.index].json_parts.append(delta.partial_json)
        elif event.type == "message_stop":
            finished = True
    if not finished:
        raise ProviderError("anthropic: the stream ended before message_stop")
    reply = "".join(text)
    calls = [tools[index].call() for index in sorted(tools)]
    if not reply.strip() and not calls:
        raise ProviderError("anthropic: the answer had neither text nor tool calls")
    return ModelResponse(text=reply, tool_calls=calls)


def _error_type(body: object) -> str:
    """The API's error type (e.g. "overloaded_error") from an error envelope; never the free-text message."""
    error = body.get("error") if isinstance(body, dict) else None
    kind = error.get("type") if isinstance(error, dict) else None
    return kind if isinstance(kind, str) else ""


class AnthropicProvider:
    """Claude through the Messages API, streaming text to the caller and collecting tool calls."""

    name = "anthropic"

    def __init__(
        self,
        *,
        api_key: str,
        model: str,
        base_url: str | None = None,
        timeout: float = 20.0,
        max_tokens: int = MAX_TOKENS,
    ) -> None:
        # The chain fails over and retries on the next turn, so the SDK must not retry on its own.
        self._client = anthropic.AsyncAnthropic(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=0)
        self.model = model
        self.max_tokens = max_tokens

    @classmethod
    def from_settings(cls, settings: Settings) -> AnthropicProvider | None:
        """The configured provider, or None when no Anthropic key is set (the chain then skips it)."""
        if not settings.anthropic_api_key:
            return None
        return cls(
            api_key=settings.anthropic_api_key,
            model=settings.anthropic_model,
            base_url=settings.anthropic_base_url,
            timeout=settings.ai_timeout_seconds,
        )

    def __repr__(self) -> str:
        return f"AnthropicProvider(model={self.model!r})"

    def params(self, request: ModelRequest) -> dict[str, Any]:
        """The Messages API arguments for one step of a turn."""
        params: dict[str, Any] = {
            "model": self.model,
            "max_tokens": self.max_tokens,
            "messages": anthropic_messages(request.messages),
        }
        if request.system:
            params["system"] = request.system
        if request.tools:
            params["tools"] = anthropic_tools(request.tools)
        return params

    async def request(self, request: ModelRequest, on_text: TextSink | None = None) -> ModelResponse:
        """Stream one answer; every vendor, transport or format failure becomes a ProviderError."""
        params = self.params(request)
        try:
            stream = await self._client.messages.create(**params, stream=True)
            async with stream:
                return await _collect(stream, on_text)
        except anthropic.APIStatusError as error:
            raise ProviderError(f"anthropic: HTTP {error.status_code} {_error_type(error.body)}".rstrip()) from error
        except anthropic.APITimeoutError as error:
            raise ProviderError("anthropic: the request timed out") from error
        except anthropic.APIConnectionError as error:
            raise ProviderError("anthropic: could not reach the API") from error
        except anthropic.AnthropicError as error:
            raise ProviderError(f"anthropic: {type(error).__name__}") from error
        except STREAM_ERRORS as error:
            raise ProviderError(f"anthropic: malformed or broken stream ({type(error).__name__})") from error

"""PAM on OpenAI: Chat Completions with tool calling, streamed through the official async SDK."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import openai

from wheels_wins.pam.providers.base import ProviderError, TextSink
from wheels_wins.pam.types import ChatMessage, ModelRequest, ModelResponse, ToolCall
from wheels_wins.settings import Settings


def _tool(spec: dict[str, Any]) -> dict[str, Any]:
    function = {"name": spec["name"], "description": spec.get("description", ""), "parameters": spec["parameters"]}
    return {"type": "function", "function": function}


def _message(message: ChatMessage) -> dict[str, Any]:
    if message.role == "tool":
        return {"role": "tool", "tool_call_id": message.tool_call_id, "content": message.content}
    if message.role == "assistant" and message.tool_calls:
        calls = [
            {
                "id": c.id,
                "type": "function",
                "function": {"name": c.name, "arguments": json.dumps(c.arguments, default=str)},
            }
            for c in message.tool_calls
        ]
        return {"role": "assistant", "content": message.content or None, "tool_calls": calls}
    return {"role": message.role, "content": message.content}


def _create_args(request: ModelRequest) -> dict[str, Any]:
    messages = [{"role": "system", "content": request.system}, *(_message(m) for m in request.messages)]
    return {"messages": messages, "tools": [_tool(t) for t in request.tools] or openai.omit}


@dataclass
class _PartialCall:
    """One tool call as its deltas arrive: id and name first, the arguments in pieces."""

    id: str = ""
    name: str = ""
    arguments: list[str] = field(default_factory=list)

    def finish(self) -> ToolCall:
        try:
            arguments = json.loads("".join(self.arguments) or "{}")
        except ValueError:
            raise ProviderError(f"openai: tool call {self.name!r} arguments are not valid JSON") from None
        if not (self.id and self.name and isinstance(arguments, dict)):
            raise ProviderError(f"openai: malformed tool call {self.name!r}")
        return ToolCall(name=self.name, arguments=arguments, id=self.id)


def _failure(error: openai.OpenAIError) -> ProviderError:
    # Codes only: OpenAI's messages can echo part of the key ("Incorrect API key provided: sk-…").
    if isinstance(error, openai.APIStatusError):
        return ProviderError(
            f"openai: HTTP {error.status_code} ({error.code or error.type}, request {error.request_id})"
        )
    if isinstance(error, openai.APITimeoutError):
        return ProviderError("openai: timed out")
    if isinstance(error, openai.APIConnectionError):
        return ProviderError("openai: could not connect")
    if isinstance(error, openai.APIError):
        return ProviderError(f"openai: error in the stream ({error.code or error.type})")
    return ProviderError(f"openai: {type(error).__name__}")


class OpenAIProvider:
    """OpenAI Chat Completions behind PAM's provider interface; the chain handles retries and failover."""

    name = "openai"

    def __init__(self, *, api_key: str, model: str, base_url: str | None = None, timeout: float = 20.0) -> None:
        """A provider with its own async client; the key lives only inside that client."""
        self.model = model
        self._client = openai.AsyncOpenAI(api_key=api_key, base_url=base_url, timeout=timeout, max_retries=0)

    @classmethod
    def from_settings(cls, settings: Settings) -> OpenAIProvider | None:
        """The configured provider, or None when no OpenAI key is set."""
        if not settings.openai_api_key:
            return None
        return cls(
            api_key=settings.openai_api_key,
            model=settings.openai_model,
            base_url=settings.openai_base_url or None,
            timeout=settings.ai_timeout_seconds,
        )

    def __repr__(self) -> str:
        return f"OpenAIProvider(model={self.model!r})"

    async def aclose(self) -> None:
        """Close the client's pooled connections (at shutdown, or when a test's event loop ends)."""
        await self._client.close()

    async def request(self, request: ModelRequest, on_text: TextSink | None = None) -> ModelResponse:
        """Stream one step: text deltas go to `on_text` as they arrive, tool calls are assembled at the end."""
        try:
            return await self._stream(request, on_text)
        except openai.OpenAIError as error:
            raise _failure(error) from None
        except (ValueError, AttributeError, TypeError) as error:
            raise ProviderError("openai: malformed stream") from error

    async def _stream(self, request: ModelRequest, on_text: TextSink | None) -> ModelResponse:
        text: list[str] = []
        calls: dict[int, _PartialCall] = {}
        finish_reason: str | None = None
        stream = await self._client.chat.completions.create(model=self.model, stream=True, **_create_args(request))
        async with stream:
            async for chunk in stream:
                if not chunk.choices:
                    continue  # the usage chunk
                choice = chunk.choices[0]
                finish_reason = choice.finish_reason or finish_reason
                piece = choice.delta.content or choice.delta.refusal
                if piece:
                    text.append(piece)
                    if on_text:
                        await on_text(piece)
                for part in choice.delta.tool_calls or []:
                    call = calls.setdefault(part.index, _PartialCall())
                    call.id = call.id or part.id or ""
                    if part.function:
                        call.name = call.name or part.function.name or ""
                        call.arguments.append(part.function.arguments or "")
        if finish_reason is None:
            raise ProviderError("openai: the stream ended without a finish reason")
        response = ModelResponse(text="".join(text), tool_calls=[calls[i].finish() for i in sorted(calls)])
        if not (response.text or response.tool_calls):
            raise ProviderError(f"openai: empty answer (finish reason {finish_reason})")
        return response

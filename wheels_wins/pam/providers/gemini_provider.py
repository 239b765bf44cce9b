"""Google Gemini behind PAM's provider interface, streamed through the `google-genai` SDK."""

from __future__ import annotations

import contextlib
import importlib
import json
import uuid
from collections import OrderedDict
from collections.abc import AsyncIterator
from typing import Any

from google import genai
from google.genai import errors, types

from wheels_wins.pam.providers.base import ProviderError, TextSink
from wheels_wins.pam.types import ChatMessage, ModelRequest, ModelResponse, ToolCall
from wheels_wins.settings import Settings

API_VERSION = "v1beta"
MAX_SIGNATURES = 64


def _transport_errors() -> tuple[type[Exception], ...]:
    """What a failed call can raise: API errors, unparsable bodies, timeouts and the transport's own errors."""
    found: list[type[Exception]] = [errors.APIError, ValueError, OSError, TimeoutError]
    # The SDK sends through aiohttp, httpx or httpx2, whichever is installed; each has its own error root.
    for module, name in (("aiohttp", "ClientError"), ("httpx", "HTTPError"), ("httpx2", "HTTPError")):
        with contextlib.suppress(ImportError):
            found.append(getattr(importlib.import_module(module), name))
    return tuple(found)


TRANSPORT_ERRORS = _transport_errors()


def _function_response(content: str) -> dict[str, Any]:
    """A tool message's JSON content as the object Gemini expects; anything else goes under "output"."""
    try:
        value = json.loads(content)
    except ValueError:
        value = content
    return value if isinstance(value, dict) else {"output": value}


def to_contents(messages: list[ChatMessage], signatures: dict[str, bytes] | None = None) -> list[types.Content]:
    """The transcript as Gemini contents, consecutive turns of the same role merged.

    An assistant's tool calls become model function_call parts (with their thought signatures, when known);
    the tool results after them become one user turn of function_response parts.
    """
    signatures = signatures or {}
    names: dict[str, str] = {}
    contents: list[types.Content] = []
    for message in messages:
        parts = [types.Part(text=message.content)] if message.content and message.role != "tool" else []
        if message.role == "assistant":
            for call in message.tool_calls:
                names[call.id] = call.name
                function_call = types.FunctionCall(id=call.id, name=call.name, args=call.arguments)
                parts.append(types.Part(function_call=function_call, thought_signature=signatures.get(call.id)))
        elif message.role == "tool":
            call_id = message.tool_call_id
            name = message.tool_name or names.get(call_id or "", "")
            response = types.FunctionResponse(id=call_id, name=name, response=_function_response(message.content))
            parts.append(types.Part(function_response=response))
        role = "model" if message.role == "assistant" else "user"
        if not parts:
            continue
        if contents and contents[-1].role == role and contents[-1].parts is not None:
            contents[-1].parts.extend(parts)
        else:
            contents.append(types.Content(role=role, parts=parts))
    return contents


def to_config(request: ModelRequest) -> types.GenerateContentConfig:
    """System prompt, tool declarations (as JSON Schema) and no automatic function calling: PAM runs tools itself."""
    declarations = [
        types.FunctionDeclaration(
            name=t["name"], description=t.get("description"), parameters_json_schema=t["parameters"]
        )
        for t in request.tools
    ]
    return types.GenerateContentConfig(
        system_instruction=request.system or None,
        tools=[types.Tool(function_declarations=declarations)] if declarations else None,
        automatic_function_calling=types.AutomaticFunctionCallingConfig(disable=True),
    )


class GeminiProvider:
    """Gemini through the async `google-genai` client; every failure surfaces as `ProviderError`."""

    name = "gemini"

    def __init__(self, *, api_key: str, model: str, base_url: str | None = None, timeout: float = 20.0) -> None:
        """One client per provider; the SDK's own retries are off because the chain fails over instead."""
        self.model = model
        self._client = genai.Client(
            vertexai=False,
            api_key=api_key,
            http_options=types.HttpOptions(
                base_url=base_url,
                api_version=API_VERSION,
                timeout=int(timeout * 1000),
                retry_options=types.HttpRetryOptions(attempts=1),
            ),
        )
        # Gemini wants each function call's thought signature echoed back with it; ToolCall has no slot for it.
        self._signatures: OrderedDict[str, bytes] = OrderedDict()

    @classmethod
    def from_settings(cls, settings: Settings) -> GeminiProvider | None:
        """The configured provider, or None when no Gemini key is set."""
        if not settings.gemini_api_key:
            return None
        return cls(
            api_key=settings.gemini_api_key,
            model=settings.gemini_model,
            base_url=settings.gemini_base_url,
            timeout=settings.ai_timeout_seconds,
        )

    async def request(self, request: ModelRequest, on_text: TextSink | None = None) -> ModelResponse:
        """Stream one step: text deltas go to `on_text` as they arrive, function calls become tool calls."""
        contents = to_contents(request.messages, self._signatures)
        config = to_config(request)
        text: list[str] = []
        calls: list[ToolCall] = []
        answered = False
        async with contextlib.aclosing(self._stream(contents, config)) as chunks:
            async for chunk in chunks:
                candidate = chunk.candidates[0] if chunk.candidates else None
                if candidate is None:
                    continue
                answered = True
                for part in (candidate.content.parts if candidate.content else None) or []:
                    if part.function_call is not None:
                        calls.append(self._tool_call(part.function_call, part.thought_signature))
                    elif part.text and not part.thought:
                        text.append(part.text)
                        if on_text is not None:
                            await on_text(part.text)
        if not answered:
            raise ProviderError("Gemini returned no candidates")
        if not text and not calls:
            raise ProviderError("Gemini returned neither text nor function calls")
        return ModelResponse(text="".join(text), tool_calls=calls)

    async def aclose(self) -> None:
        """Close the client's connections (the provider can't be used afterwards)."""
        await self._client.aio.aclose()

    async def _stream(
        self, contents: list[types.Content], config: types.GenerateContentConfig
    ) -> AsyncIterator[types.GenerateContentResponse]:
        try:
            stream = await self._client.aio.models.generate_content_stream(
                model=self.model, contents=contents, config=config
            )
            async with contextlib.aclosing(stream):  # type: ignore[type-var]  # an async generator at runtime
                async for chunk in stream:
                    yield chunk
        except TRANSPORT_ERRORS as error:
            # Bodies can be whole HTML pages; the key travels in a header, so it is never part of the message.
            raise ProviderError(f"Gemini request failed: {type(error).__name__}: {str(error)[:300]}") from error

    def _tool_call(self, call: types.FunctionCall, signature: bytes | None) -> ToolCall:
        if not call.name or not isinstance(call.args or {}, dict):
            raise ProviderError("Gemini returned a malformed function call")
        tool_call = ToolCall(
            name=call.name, arguments=dict(call.args or {}), id=call.id or f"call_{uuid.uuid4().hex[:12]}"
        )
        if signature:
            self._signatures[tool_call.id] = signature
            while len(self._signatures) > MAX_SIGNATURES:
                self._signatures.popitem(last=False)
        return tool_call

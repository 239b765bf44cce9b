"""A stand-in for OpenAI's Chat Completions endpoint: scripted replies streamed in OpenAI's wire format."""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.stubs.server import sse_response

Reply = Callable[[dict[str, Any]], Response]


@dataclass
class Seen:
    """One request the stub received."""

    body: dict[str, Any]
    headers: dict[str, str]


def _chunk(model: str, delta: dict[str, Any], finish_reason: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-stub0001",
        "object": "chat.completion.chunk",
        "created": int(time.time()),
        "model": model,
        "service_tier": "default",
        "system_fingerprint": "fp_stub",
        "choices": [{"index": 0, "delta": delta, "logprobs": None, "finish_reason": finish_reason}],
    }


def _stream(model: str, deltas: list[dict[str, Any]], finish_reason: str, delay: float) -> StreamingResponse:
    # As OpenAI does: the role comes alone before text, but with the first tool call's head.
    opening = {"role": "assistant", "content": "", "refusal": None}
    if finish_reason == "tool_calls":
        opening, deltas = {**opening, "content": None, **deltas[0]}, deltas[1:]
    chunks = [_chunk(model, opening), *(_chunk(model, delta) for delta in deltas), _chunk(model, {}, finish_reason)]
    return sse_response([*((None, c) for c in chunks), (None, "[DONE]")], delay=delay)


def _error(status: int, message: str, kind: str, code: str | None) -> Reply:
    body = {"error": {"message": message, "type": kind, "param": None, "code": code}}
    return lambda _: JSONResponse(body, status_code=status, headers={"x-request-id": "req_stub"})


@dataclass
class OpenAIStub:
    """POST /v1/chat/completions answered from a queue of scripted replies; every request is recorded."""

    replies: deque[Reply] = field(default_factory=deque)
    seen: list[Seen] = field(default_factory=list)
    base_url: str = ""  # set by whoever serves it: the SDK's base URL, ending in /v1

    def text(self, *pieces: str, delay: float = 0.0) -> None:
        """Queue a text answer streamed one content delta per piece."""
        self.replies.append(lambda body: _stream(body["model"], [{"content": p} for p in pieces], "stop", delay))

    def tool_calls(self, *calls: tuple[str, str, list[str]]) -> None:
        """Queue (id, name, argument fragments) tool calls: id and name first, then the arguments piece by piece."""
        deltas = []
        for index, (call_id, name, fragments) in enumerate(calls):
            head = {"index": index, "id": call_id, "type": "function", "function": {"name": name, "arguments": ""}}
            deltas.append({"tool_calls": [head]})
            deltas += [{"tool_calls": [{"index": index, "function": {"arguments": f}}]} for f in fragments]
        self.replies.append(lambda body: _stream(body["model"], deltas, "tool_calls", 0.0))

    def raw(self, *data_lines: str) -> None:
        """Queue an event stream of raw `data:` lines (for malformed or truncated streams)."""
        self.replies.append(lambda _: sse_response([(None, line) for line in data_lines]))

    def error(
        self,
        status: int = 500,
        message: str = "The server had an error while processing your request.",
        kind: str = "server_error",
        code: str | None = None,
    ) -> None:
        """Queue an HTTP error with OpenAI's error body."""
        self.replies.append(_error(status, message, kind, code))

    def garbage(self) -> None:
        """Queue a 200 that isn't an event stream at all (a captive portal, a misrouted proxy)."""
        self.replies.append(lambda _: Response("<html><body>Bad gateway</body></html>", media_type="text/html"))

    async def _completions(self, request: Request) -> Response:
        body = await request.json()
        self.seen.append(Seen(body=body, headers=dict(request.headers)))
        if not self.replies:
            return _error(500, "openai stub: no reply scripted", "server_error", None)(body)
        return self.replies.popleft()(body)

    @property
    def app(self) -> Starlette:
        """The ASGI app to hand to `tests.stubs.server.serve`."""
        return Starlette(routes=[Route("/v1/chat/completions", self._completions, methods=["POST"])])

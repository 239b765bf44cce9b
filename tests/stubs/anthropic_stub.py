"""A scripted stand-in for Anthropic's POST /v1/messages, streaming Server-Sent Events as the API sends them."""

from __future__ import annotations

import asyncio
import itertools
import json
from collections import deque
from collections.abc import AsyncIterator, Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response, StreamingResponse
from starlette.routing import Route

from tests.stubs.server import serve, sse_response

Event = tuple[str | None, Any]
Reply = Callable[[dict[str, Any]], Response]
_ids = itertools.count(1)


@dataclass
class Received:
    """One request the stub got: its JSON body and its headers (lower-case names)."""

    body: dict[str, Any]
    headers: dict[str, str]


def text_block(*chunks: str) -> list[Event]:
    """A text content block streamed as one text_delta per chunk (index filled in by `message_events`)."""
    return [
        ("content_block_start", {"type": "content_block_start", "content_block": {"type": "text", "text": ""}}),
        *[
            ("content_block_delta", {"type": "content_block_delta", "delta": {"type": "text_delta", "text": c}})
            for c in chunks
        ],
        ("content_block_stop", {"type": "content_block_stop"}),
    ]


def tool_use_block(tool_id: str, name: str, *json_chunks: str) -> list[Event]:
    """A tool_use block whose input arrives as input_json_delta fragments (the API leads with an empty one)."""
    start = {"type": "tool_use", "id": tool_id, "name": name, "input": {}}
    deltas = [{"type": "input_json_delta", "partial_json": part} for part in ("", *json_chunks)]
    return [
        ("content_block_start", {"type": "content_block_start", "content_block": start}),
        *[("content_block_delta", {"type": "content_block_delta", "delta": d}) for d in deltas],
        ("content_block_stop", {"type": "content_block_stop"}),
    ]


def message_events(model: str, *blocks: list[Event], stop_reason: str = "end_turn") -> list[Event]:
    """A whole streamed message: message_start, a ping, the numbered blocks, message_delta, message_stop."""
    message = {
        "id": f"msg_stub{next(_ids):04d}",
        "type": "message",
        "role": "assistant",
        "content": [],
        "model": model,
        "stop_reason": None,
        "stop_sequence": None,
        "usage": {"input_tokens": 42, "output_tokens": 1},
    }
    events: list[Event] = [("message_start", {"type": "message_start", "message": message}), ("ping", {"type": "ping"})]
    for index, block in enumerate(blocks):
        events += [(name, {**payload, "index": index}) for name, payload in block]
    events += [
        (
            "message_delta",
            {
                "type": "message_delta",
                "delta": {"stop_reason": stop_reason, "stop_sequence": None},
                "usage": {"output_tokens": 17},
            },
        ),
        ("message_stop", {"type": "message_stop"}),
    ]
    return events


@dataclass
class AnthropicStub:
    """The stub's script (a queue of replies) and its record of requests; `url` is set while it serves.

    When the queue is empty the stub answers with `default` (a reply for every request, e.g. for load
    tests), or with HTTP 500 when there is none.
    """

    replies: deque[Reply] = field(default_factory=deque)
    requests: list[Received] = field(default_factory=list)
    url: str = ""
    default: Reply | None = None

    def app(self) -> Starlette:
        """The ASGI app answering POST /v1/messages from the script."""
        return Starlette(routes=[Route("/v1/messages", self._messages, methods=["POST"])])

    async def _messages(self, request: Request) -> Response:
        body = json.loads(await request.body())
        self.requests.append(Received(body, dict(request.headers)))
        if not (request.headers.get("x-api-key") or request.headers.get("authorization", "").startswith("Bearer ")):
            return _error(401, "authentication_error", "no API key")
        if self.replies:
            return self.replies.popleft()(body)
        if self.default is not None:
            return self.default(body)
        return _error(500, "api_error", "the stub has no scripted reply left")

    def reply_stream(self, *blocks: list[Event], stop_reason: str = "end_turn", delay: float = 0.0) -> None:
        """Queue a streamed message made of these blocks, `delay` seconds between events."""
        self.replies.append(
            lambda body: sse_response(message_events(body["model"], *blocks, stop_reason=stop_reason), delay=delay)
        )

    def reply_text(self, *chunks: str, delay: float = 0.0) -> None:
        """Queue a streamed text answer, one delta per chunk."""
        self.reply_stream(text_block(*chunks), delay=delay)

    def reply_text_then_stall(self, *chunks: str, stall: float) -> None:
        """Queue a text answer whose chunks all come at once, then nothing for `stall` seconds before it ends:
        a model that begins to answer and then hangs."""

        def respond(body: dict[str, Any]) -> Response:
            events = message_events(body["model"], text_block(*chunks))
            begun = 3 + len(chunks)  # message_start, ping, content_block_start and the text deltas

            async def stream() -> AsyncIterator[bytes]:
                async for line in sse_response(events[:begun]).body_iterator:
                    yield line
                await asyncio.sleep(stall)
                async for line in sse_response(events[begun:]).body_iterator:
                    yield line

            return StreamingResponse(stream(), media_type="text/event-stream")

        self.replies.append(respond)

    def reply_tool_use(self, tool_id: str, name: str, *json_chunks: str, text: str = "") -> None:
        """Queue a tool call (optionally after some text) whose JSON input is split into these chunks."""
        blocks = [text_block(text)] if text else []
        self.reply_stream(*blocks, tool_use_block(tool_id, name, *json_chunks), stop_reason="tool_use")

    def reply_events(self, events: list[Event]) -> None:
        """Queue an exact event sequence, for malformed or truncated streams."""
        self.replies.append(lambda body: sse_response(events))

    def reply_dropped(self, events: list[Event]) -> None:
        """Queue a stream that sends these events and then loses its connection mid-body."""

        async def body() -> AsyncIterator[bytes]:
            for name, payload in events:
                yield f"event: {name}\ndata: {json.dumps(payload)}\n\n".encode()
            raise ConnectionResetError("stub dropped the connection")

        self.replies.append(lambda request_body: StreamingResponse(body(), media_type="text/event-stream"))

    def reply_status(self, status: int, error_type: str = "api_error", message: str = "Internal server error") -> None:
        """Queue an error response in the API's JSON error envelope."""
        self.replies.append(lambda body: _error(status, error_type, message))

    def reply_raw(self, content: str, media_type: str = "text/event-stream") -> None:
        """Queue a 200 response with this body verbatim."""
        self.replies.append(lambda body: Response(content, media_type=media_type))


def _error(status: int, error_type: str, message: str) -> Response:
    return JSONResponse(
        {"type": "error", "error": {"type": error_type, "message": message}},
        status_code=status,
        headers={"request-id": "req_stub"},
    )


@contextmanager
def running_stub() -> Iterator[AnthropicStub]:
    """An empty stub served on 127.0.0.1 for the duration of the block."""
    stub = AnthropicStub()
    with serve(stub.app()) as url:
        stub.url = url
        yield stub

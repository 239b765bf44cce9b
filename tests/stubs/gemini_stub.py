"""A Gemini API stand-in: POST /v1beta/models/{model}:generateContent and :streamGenerateContent?alt=sse.

Each request is recorded and answered by the next scripted reply (text chunks, a function call,
an error status with Google's error body, a garbage body, or a slow or hanging response).
"""

from __future__ import annotations

import asyncio
import base64
import json
import time
from collections import deque
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from tests.stubs.server import sse_response

STATUS_NAMES = {
    400: "INVALID_ARGUMENT",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}


@dataclass
class Recorded:
    """One request as the stub received it."""

    model: str
    method: str
    query: dict[str, str]
    headers: dict[str, str]
    body: dict[str, Any]


@dataclass
class Reply:
    """A scripted answer: streamed chunks (JSON objects or raw `data:` strings) or a raw body with a status."""

    chunks: list[dict[str, Any] | str] = field(default_factory=list)
    status: int = 200
    body: bytes | None = None
    delay: float = 0.0
    hang: float = 0.0


def candidate(parts: list[dict[str, Any]], finish: str | None = None) -> dict[str, Any]:
    """A GenerateContentResponse chunk with one model candidate."""
    first: dict[str, Any] = {"content": {"role": "model", "parts": parts}, "index": 0}
    if finish:
        first["finishReason"] = finish
    return {"candidates": [first], "modelVersion": "stub"}


def error_reply(status: int, message: str) -> Reply:
    """Google's error envelope with the given HTTP status."""
    error = {"error": {"code": status, "message": message, "status": STATUS_NAMES.get(status, "UNKNOWN")}}
    return Reply(status=status, body=json.dumps(error).encode())


class GeminiStub:
    """The scriptable server; serve `stub.app` with `tests.stubs.server.serve`."""

    def __init__(self) -> None:
        self.replies: deque[Reply] = deque()
        self.requests: list[Recorded] = []
        self.app = Starlette(routes=[Route("/v1beta/models/{target}", self._handle, methods=["POST"])])

    def reply_text(self, *chunks: str, delay: float = 0.0) -> None:
        """Answer the next request with text, one SSE event per chunk."""
        events: list[dict[str, Any] | str] = [candidate([{"text": c}]) for c in chunks]
        events.append(candidate([{"text": ""}], finish="STOP"))
        self.replies.append(Reply(chunks=events, delay=delay))

    def reply_call(self, name: str, args: Any, *, call_id: str | None = None, signature: bytes | None = None) -> None:
        """Answer the next request with one function call (optionally with an id and a thought signature)."""
        call: dict[str, Any] = {"name": name, "args": args}
        if call_id:
            call["id"] = call_id
        part: dict[str, Any] = {"functionCall": call}
        if signature:
            part["thoughtSignature"] = base64.b64encode(signature).decode()
        self.replies.append(Reply(chunks=[candidate([part], finish="STOP")]))

    def reply_error(self, status: int = 500, message: str = "Internal error encountered.") -> None:
        """Answer the next request with Google's error envelope."""
        self.replies.append(error_reply(status, message))

    def reply(self, reply: Reply) -> None:
        """Queue any other answer (garbage, empty candidates, slow streams)."""
        self.replies.append(reply)

    async def _handle(self, request: Request) -> Response:
        model, _, method = request.path_params["target"].partition(":")
        self.requests.append(
            Recorded(model, method, dict(request.query_params), dict(request.headers), await request.json())
        )
        if method not in ("generateContent", "streamGenerateContent"):
            return Response(error_reply(404, f"no method {method!r}").body, 404, media_type="application/json")
        reply = self.replies.popleft() if self.replies else error_reply(500, "the stub has no reply scripted")
        # Hang until the deadline or until the client gives up, so the server can still shut down promptly.
        deadline = time.monotonic() + reply.hang
        while time.monotonic() < deadline and not await request.is_disconnected():
            await asyncio.sleep(0.02)
        if reply.body is not None:
            return Response(reply.body, status_code=reply.status, media_type="application/json")
        if method == "streamGenerateContent":
            return sse_response([(None, c) for c in reply.chunks], delay=reply.delay)
        # generateContent answers with the whole reply as one JSON object.
        parts = [p for c in reply.chunks if isinstance(c, dict) for p in c["candidates"][0]["content"]["parts"]]
        return JSONResponse(candidate(parts, finish="STOP"))

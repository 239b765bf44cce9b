"""Microsoft Edge's read-aloud websocket as edge-tts sees it, on 127.0.0.1.

The client sends two text frames (`Path:speech.config`, then `Path:ssml`); the service answers
with a `Path:turn.start` text frame, binary `Path:audio` frames, and a `Path:turn.end` text frame.
A binary frame is a 2-byte big-endian header length, the header lines (each ending in CRLF,
counted in the length), then the MP3 bytes; the last one has no Content-Type and no audio.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import Any

from starlette.applications import Starlette
from starlette.routing import WebSocketRoute
from starlette.websockets import WebSocket, WebSocketDisconnect

from tests.stubs.server import serve
from wheels_wins.settings import get_settings

PATH = "/consumer/speech/synthesize/readaloud/edge/v1"
# An MPEG-1 Layer III frame header, then filler: enough for a client that only passes bytes through.
FAKE_MP3 = b"\xff\xfb\x90\x64" + bytes(range(256)) * 8


def _frame_parts(message: str) -> tuple[dict[str, str], str]:
    head, _, body = message.partition("\r\n\r\n")
    headers = dict(line.split(":", 1) for line in head.split("\r\n") if ":" in line)
    return headers, body


def _text_frame(request_id: str, path: str, body: str = "{}") -> str:
    return f"X-RequestId:{request_id}\r\nContent-Type:application/json; charset=utf-8\r\nPath:{path}\r\n\r\n{body}"


def _audio_frame(request_id: str, audio: bytes) -> bytes:
    content_type = "Content-Type:audio/mpeg\r\n" if audio else ""
    header = f"X-RequestId:{request_id}\r\n{content_type}X-StreamId:{uuid.uuid4().hex}\r\nPath:audio\r\n".encode()
    return len(header).to_bytes(2, "big") + header + audio


@dataclass
class EdgeTtsStub:
    """The service: answers each SSML request with `audio` in `chunks` frames (none at all when `silent`)."""

    audio: bytes = FAKE_MP3
    chunks: int = 3
    silent: bool = False
    url: str = ""
    connections: list[dict[str, str]] = field(default_factory=list)
    configs: list[str] = field(default_factory=list)
    ssml: list[str] = field(default_factory=list)

    def app(self) -> Starlette:
        """The ASGI app serving the websocket at the service's path."""
        return Starlette(routes=[WebSocketRoute(PATH, self._session)])

    async def _session(self, websocket: WebSocket) -> None:
        await websocket.accept()
        self.connections.append(dict(websocket.query_params))
        try:
            while True:
                headers, body = _frame_parts(await websocket.receive_text())
                if headers.get("Path") == "speech.config":
                    self.configs.append(body)
                elif headers.get("Path") == "ssml":
                    self.ssml.append(body)
                    if not self.silent:
                        await self._answer(websocket, headers.get("X-RequestId", uuid.uuid4().hex))
        except WebSocketDisconnect:
            return

    async def _answer(self, websocket: WebSocket, request_id: str) -> None:
        await websocket.send_text(_text_frame(request_id, "turn.start", '{"context":{"serviceTag":"stub"}}'))
        size = -(-len(self.audio) // self.chunks) if self.audio else 0
        for start in range(0, len(self.audio), size or 1):
            await websocket.send_bytes(_audio_frame(request_id, self.audio[start : start + size]))
        await websocket.send_bytes(_audio_frame(request_id, b""))
        await websocket.send_text(_text_frame(request_id, "turn.end"))


@contextmanager
def running(**options: Any) -> Iterator[EdgeTtsStub]:
    """Serve an `EdgeTtsStub(**options)` for the block; its `url` is the websocket endpoint."""
    stub = EdgeTtsStub(**options)
    with serve(stub.app()) as base:
        stub.url = "ws" + base.removeprefix("http") + PATH
        yield stub


@contextmanager
def app_settings(**values: object) -> Iterator[None]:
    """Give the app these settings (e.g. edge_tts_url=stub.url) through the environment for the block."""
    names = [name.upper() for name in values]
    saved = {name: os.environ.get(name) for name in names}
    os.environ.update({name.upper(): str(value) for name, value in values.items()})
    get_settings.cache_clear()
    try:
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        get_settings.cache_clear()

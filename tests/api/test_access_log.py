"""Access logs never hold credentials: session and access tokens, Reflex's state token, photo-URL signatures."""

from __future__ import annotations

import asyncio
import logging
import time

import httpx
import pytest
import uvicorn
from granian.log import access_logger, log_request_builder
from starlette.types import Receive, Scope, Send

from scripts.serve import ACCESS_LOG_FORMAT
from tests.stubs.server import free_port
from wheels_wins.api.security import AccessLogRedactor, redact_query, security_middleware

SESSION = "s3ss10n-t0ken-value-abcdef"
PAT = "ww_pat_AbCdEf0123456789-_xyz"
STATE_TOKEN = "6f1c2d3e-aaaa-bbbb-cccc-0123456789ab"
SIGNATURE = "Zm9vYmFyYmF6c2ln"
SECRETS = (SESSION, PAT, STATE_TOKEN, SIGNATURE)


async def _ok(scope: Scope, receive: Receive, send: Send) -> None:
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
    await send({"type": "http.response.body", "body": b"ok"})


def test_redact_query_keeps_names_and_harmless_values() -> None:
    query = f"EIO=4&transport=websocket&token={STATE_TOKEN}&expires=1700000000&sig={SIGNATURE}&q=dump+point"
    assert redact_query(query) == (
        "EIO=4&transport=websocket&token=[redacted]&expires=1700000000&sig=[redacted]&q=dump%20point"
    )


def test_granian_access_lines_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    """Granian's own access-log builder with serve.py's format, through the filter serve.py configures."""
    log_request = log_request_builder(ACCESS_LOG_FORMAT + ' "%(header{authorization})s"')
    redactor = AccessLogRedactor()
    access_logger.addFilter(redactor)
    headers = {"authorization": f"Bearer {PAT}"}
    try:
        with caplog.at_level(logging.INFO, logger="granian.access"):
            for path, query in (
                ("/_event/", f"EIO=4&transport=websocket&token={STATE_TOKEN}"),
                ("/api/v1/posts/1/photo", f"expires=1&sig={SIGNATURE}"),
                ("/api/v1/me", ""),
            ):
                request = {
                    "addr_remote": "127.0.0.1",
                    "path": path,
                    "qs": query,
                    "method": "GET",
                    "scheme": "http",
                    "protocol": "HTTP/1.1",
                    "headers": headers.get,
                }
                log_request(time.time(), time.perf_counter(), request, 200)
    finally:
        access_logger.removeFilter(redactor)
    lines = [record.getMessage() for record in caplog.records if record.name == "granian.access"]
    assert len(lines) == 3
    assert '"GET /_event/?EIO=4&transport=websocket&token=[redacted] HTTP/1.1" 200' in lines[0]
    assert "/api/v1/posts/1/photo?expires=1&sig=[redacted]" in lines[1]
    assert '"GET /api/v1/me HTTP/1.1" 200' in lines[2] and '"Bearer [redacted]"' in lines[2]
    assert not any(secret in line for line in lines for secret in SECRETS)


async def test_uvicorn_access_lines_are_redacted(caplog: pytest.LogCaptureFixture) -> None:
    """A real request through uvicorn's access logger, on the app as the server builds it."""
    port = free_port()
    server = uvicorn.Server(uvicorn.Config(security_middleware(_ok), port=port, log_config=None, access_log=True))
    serving = asyncio.create_task(server.serve())
    try:
        with caplog.at_level(logging.INFO, logger="uvicorn.access"):
            while not server.started:
                await asyncio.sleep(0.02)
            async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{port}") as http:
                headers = {"Authorization": f"Bearer {SESSION}"}
                await http.get(f"/api/v1/photo?expires=1&sig={SIGNATURE}&token={PAT}", headers=headers)
                await http.get(f"/_event/?EIO=4&token={STATE_TOKEN}")
    finally:
        server.should_exit = True
        await serving
    lines = [record.getMessage() for record in caplog.records if record.name == "uvicorn.access"]
    assert len(lines) == 2
    assert "/api/v1/photo?expires=1&sig=[redacted]&token=[redacted]" in lines[0]
    assert "/_event/?EIO=4&token=[redacted]" in lines[1]
    assert not any(secret in line for line in lines for secret in SECRETS)

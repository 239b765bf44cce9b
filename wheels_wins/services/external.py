"""GET JSON from an optional external service (router, weather, geocoder) without ever failing the caller.

Every problem (unreachable, slow, 5xx, 4xx, oversized or non-JSON body) is logged and answered
with None, so the caller takes its offline path. After a service fails to answer (transport
error, timeout or 5xx) it is skipped for `COOL_DOWN_SECONDS`: a down or black-holed service
then costs one timeout, not one per request.
"""

from __future__ import annotations

import asyncio
import functools
import json
import logging
import ssl
import threading
import time
from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

log = logging.getLogger(__name__)

COOL_DOWN_SECONDS = 30.0
MAX_BODY_BYTES = 8_000_000
# Parsing a large body (a long route's full geometry is megabytes) would stall the event loop.
_PARSE_INLINE_BYTES = 64_000
USER_AGENT = "WheelsAndWins/1.0 (RV trip planner)"

_lock = threading.Lock()
_down_until: dict[str, float] = {}


@functools.cache
def _ssl_context() -> ssl.SSLContext:
    # Loading the CA bundle takes milliseconds of CPU; do it once, not per client.
    return httpx.create_ssl_context()


def origin(url: str) -> str:
    """`scheme://host:port` of a URL: the unit a cool-down applies to."""
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def cooling_down(url: str) -> bool:
    """Whether the service behind `url` failed recently and is being skipped."""
    with _lock:
        until = _down_until.get(origin(url))
        if until is None:
            return False
        if until <= time.monotonic():
            del _down_until[origin(url)]
            return False
        return True


def _fail(url: str, what: str) -> None:
    log.warning("%s unavailable (%s); using the offline fallback for %.0f s", origin(url), what, COOL_DOWN_SECONDS)
    with _lock:
        _down_until[origin(url)] = time.monotonic() + COOL_DOWN_SECONDS


def reset_cool_downs() -> None:
    """Forget every cool-down (tests, or after reconfiguring a service)."""
    with _lock:
        _down_until.clear()


async def get_json(
    url: str,
    *,
    params: Mapping[str, str | int | float] | None = None,
    timeout: float,
    headers: Mapping[str, str] | None = None,
) -> Any | None:
    """The parsed JSON of a 2xx answer to GET `url`, or None (logged) for anything else.

    `timeout` bounds the whole exchange, connection to last byte.
    """
    if cooling_down(url):
        return None
    try:
        async with asyncio.timeout(timeout):
            async with httpx.AsyncClient(
                timeout=timeout, verify=_ssl_context(), headers={"User-Agent": USER_AGENT, **(headers or {})}
            ) as client:
                async with client.stream("GET", url, params=params) as response:
                    status = response.status_code
                    body = await _read_bounded(response)
    except (TimeoutError, httpx.TimeoutException):
        _fail(url, "timed out")
        return None
    except (httpx.HTTPError, OSError) as exc:
        _fail(url, exc.__class__.__name__)
        return None
    if status >= 500:
        _fail(url, f"HTTP {status}")
        return None
    if body is None:
        log.warning("%s sent more than %d bytes; ignored", origin(url), MAX_BODY_BYTES)
        return None
    try:
        data = json.loads(body) if len(body) <= _PARSE_INLINE_BYTES else await asyncio.to_thread(json.loads, body)
    except ValueError:
        log.warning("%s answered HTTP %d with a body that is not JSON", origin(url), status)
        return None
    if status >= 300:
        code = (data.get("code") or data.get("error")) if isinstance(data, dict) else None
        log.info("%s answered HTTP %d (%s)", origin(url), status, code or "no code")
        return None
    return data


async def _read_bounded(response: httpx.Response) -> bytes | None:
    declared = response.headers.get("content-length")
    if declared and declared.isdigit() and int(declared) > MAX_BODY_BYTES:
        return None
    chunks: list[bytes] = []
    size = 0
    async for chunk in response.aiter_bytes():
        size += len(chunk)
        if size > MAX_BODY_BYTES:
            return None
        chunks.append(chunk)
    return b"".join(chunks)

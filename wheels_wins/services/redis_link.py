"""The app's one way to use Redis: short timeouts, and an in-process fallback while it is away.

A `RedisLink` runs an operation on Redis and, when Redis errors or times out, runs the caller's
fallback instead and marks itself degraded. While degraded it skips Redis, trying it again every
`retry_seconds`; when it answers, `on_recover` runs first (the cache retires what went stale
meanwhile) and the link is shared again. The cache and the rate limits each hold one.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from typing import Literal, TypeVar

from redis import Redis
from redis.backoff import NoBackoff
from redis.exceptions import RedisError
from redis.retry import Retry

log = logging.getLogger(__name__)

T = TypeVar("T")
RETRY_SECONDS = 2.0
LinkState = Literal["ok", "unavailable"]


def redis_client(url: str, *, timeout: float) -> Redis:
    """A client with short connect and command timeouts and no client-side retries."""
    # A slow Redis must cost one short timeout, then the caller's in-process fallback.
    return Redis.from_url(url, socket_timeout=timeout, socket_connect_timeout=timeout, retry=Retry(NoBackoff(), 0))


class RedisLink:
    """A Redis client used while it answers; after a failure it is skipped, and retried every few seconds."""

    def __init__(
        self,
        url: str,
        *,
        timeout: float,
        retry_seconds: float = RETRY_SECONDS,
        name: str = "Redis",
        on_recover: Callable[[Redis], None] | None = None,
    ) -> None:
        self.client: Redis = redis_client(url, timeout=timeout)
        self.retry_seconds = retry_seconds
        self.name = name
        self._on_recover = on_recover
        self._lock = threading.Lock()
        self._down_since: float | None = None
        self._last_attempt = 0.0

    @property
    def degraded(self) -> bool:
        """True while callers are served by their in-process fallbacks."""
        return self._down_since is not None

    def _retry_due(self) -> bool:
        with self._lock:
            if time.monotonic() - self._last_attempt < self.retry_seconds:
                return False
            self._last_attempt = time.monotonic()
            return True

    def _fail(self, exc: Exception) -> None:
        with self._lock:
            if self._down_since is None:
                log.warning("%s: Redis unavailable (%s); carrying on in-process", self.name, exc.__class__.__name__)
                self._down_since = time.monotonic()
            self._last_attempt = time.monotonic()

    def call(self, operation: Callable[[Redis], T], fallback: Callable[[], T]) -> T:
        """`operation` on Redis; `fallback` instead while Redis is down or when this attempt fails."""
        recovering = self._down_since is not None
        if recovering and not self._retry_due():
            return fallback()
        try:
            if recovering and self._on_recover is not None:
                self._on_recover(self.client)
            result = operation(self.client)
        except (RedisError, OSError) as exc:
            self._fail(exc)
            return fallback()
        if recovering:
            with self._lock:
                self._down_since = None
            log.warning("%s: Redis is back; shared again", self.name)
        return result

    def status(self) -> LinkState:
        """`ok` when Redis answers a PING now, else `unavailable`."""
        return "ok" if self.call(lambda client: bool(client.ping()), lambda: False) else "unavailable"

    def close(self) -> None:
        """Release the connection pool."""
        self.client.close()

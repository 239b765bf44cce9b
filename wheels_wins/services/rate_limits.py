"""Rate limits: sliding-window request counters in Redis (shared by every worker) or in this process.

With REDIS_URL set, every worker counts against the same budget, so a user or address gets the
same allowance however the load balancer spreads its requests. Redis keeps a sorted set of hit
times per key and a Lua script checks and records a hit atomically. A sliding log rather than a
fixed-window counter: it behaves exactly like the in-process limiter (no double burst at a window
edge), Retry-After is exact (when the oldest hit in the window leaves it), the limits are small
(tens a minute) so a key holds at most `limit` entries, and the script reads Redis's own clock, so
workers whose clocks disagree still agree on the window.

If Redis errors or times out, that call is counted in-process instead and the limiter reports
`unavailable` (`rate_limits_status()`, shown by /api/health); it tries Redis again every few
seconds and is shared again as soon as Redis answers. The login throttle (`services.throttle`)
uses the same connection and the same fallback.
"""

from __future__ import annotations

import asyncio
import dataclasses
import functools
import ipaddress
import logging
import math
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import Protocol, TypeVar

from redis import Redis

from wheels_wins.services.cache import CacheState
from wheels_wins.services.redis_link import RedisLink
from wheels_wins.settings import Settings, get_settings

log = logging.getLogger(__name__)

T = TypeVar("T")

# KEYS[1]: the key's sorted set of hit times (ms, Redis's clock). ARGV: limit, window (ms), a unique member.
# Returns 0 when the hit is allowed (and recorded), else the milliseconds until the oldest hit leaves the window.
_HIT_SCRIPT = """
local now = redis.call('TIME')
local t = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
local window = tonumber(ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t - window)
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('ZRANGE', KEYS[1], 0, 0, 'WITHSCORES')
  return math.max(tonumber(oldest[2]) + window - t, 1)
end
redis.call('ZADD', KEYS[1], t, ARGV[3])
redis.call('PEXPIRE', KEYS[1], window)
return 0
"""


@dataclasses.dataclass(frozen=True)
class Limit:
    """`limit` requests per `per_seconds`, counted under `name` for each subject (a user id or an address)."""

    name: str
    limit: int
    per_seconds: float = 60.0


# One budget each, whether the request comes over REST or through a Reflex page.
PAM_MESSAGES = Limit("pam_chat", limit=60)
LOGIN_ATTEMPTS = Limit("login", limit=20)


class RateLimiter(Protocol):
    """What a rate-limit backend provides."""

    def hit(self, key: str, *, limit: int, window_seconds: float) -> float:
        """Count a request for `key`: 0 when allowed, else the seconds until the next is."""
        ...

    def reset(self) -> None:
        """Forget every counter this process holds."""
        ...

    def status(self) -> CacheState:
        """`in-process`, or for Redis `ok` / `unavailable` (then counting in-process)."""
        ...


class InProcessRateLimiter:
    """A thread-safe sliding-window counter kept in this process."""

    def __init__(self, *, max_keys: int = 100_000, clock: Callable[[], float] = time.monotonic) -> None:
        self.max_keys = max_keys
        self._clock = clock
        self._hits: dict[str, deque[float]] = {}
        self._lock = threading.Lock()

    def hit(self, key: str, *, limit: int, window_seconds: float) -> float:
        """Count a request for `key`: 0 when allowed, else the seconds until the next is."""
        with self._lock:
            now = self._clock()
            stamps = self._hits.get(key)
            if stamps is None:
                if len(self._hits) >= self.max_keys:
                    self._evict(now, window_seconds)
                stamps = self._hits[key] = deque()
            while stamps and stamps[0] <= now - window_seconds:
                stamps.popleft()
            if len(stamps) >= limit:
                return max(stamps[0] + window_seconds - now, 0.001)
            stamps.append(now)
            return 0.0

    def reset(self) -> None:
        """Forget every counter."""
        with self._lock:
            self._hits.clear()

    def status(self) -> CacheState:
        """Always `in-process`."""
        return "in-process"

    def _evict(self, now: float, window_seconds: float) -> None:
        for key in [k for k, stamps in self._hits.items() if not stamps or stamps[-1] <= now - window_seconds]:
            del self._hits[key]
        if len(self._hits) >= self.max_keys:
            self._hits.clear()


class RedisRateLimiter:
    """Sliding-window counters in Redis, shared by every process; counts in-process while Redis is unreachable."""

    def __init__(self, link: RedisLink, *, prefix: str) -> None:
        self.link = link
        self.fallback = InProcessRateLimiter()
        self._prefix = prefix
        self._script = link.client.register_script(_HIT_SCRIPT)

    def hit(self, key: str, *, limit: int, window_seconds: float) -> float:
        """Count a request for `key`: 0 when allowed, else the seconds until the next is."""
        window_ms = max(1, math.ceil(window_seconds * 1000))

        def shared(client: Redis) -> float:
            waited = self._script(keys=[self._prefix + key], args=[limit, window_ms, uuid.uuid4().hex], client=client)
            return int(waited) / 1000

        return self.link.call(shared, lambda: self.fallback.hit(key, limit=limit, window_seconds=window_seconds))

    def reset(self) -> None:
        """Forget the in-process fallback's counters (Redis keys expire with their window; others share them)."""
        self.fallback.reset()

    def status(self) -> CacheState:
        """`ok` when Redis answers, else `unavailable` (counting in-process meanwhile)."""
        return self.link.status()


def _redis_settings(settings: Settings) -> tuple[str | None, str, float]:
    return settings.redis_url, settings.cache_key_prefix, settings.redis_timeout_seconds


_lock = threading.Lock()
# Keyed by the Redis settings' values, not the Settings object, so a changed REDIS_URL takes effect.
_current: tuple[tuple[str | None, str, float], RedisLink | None, RateLimiter] | None = None


def _current_for(settings: Settings) -> tuple[RedisLink | None, RateLimiter]:
    global _current
    wanted = _redis_settings(settings)
    current = _current
    if current is not None and current[0] == wanted:
        return current[1], current[2]
    with _lock:
        if _current is None or _current[0] != wanted:
            _close_current()
            url, prefix, timeout = wanted
            link = RedisLink(url, timeout=timeout, name="Rate limits") if url else None
            limiter: RateLimiter = (
                RedisRateLimiter(link, prefix=prefix + "rl:") if link is not None else InProcessRateLimiter()
            )
            _current = (wanted, link, limiter)
        return _current[1], _current[2]


def _close_current() -> None:
    global _current
    if _current is not None and _current[1] is not None:
        _current[1].close()
    _current = None


def shared_link() -> RedisLink | None:
    """The process-wide Redis link for rate limits and the login throttle, or None without REDIS_URL."""
    return _current_for(get_settings())[0]


def get_rate_limiter() -> RateLimiter:
    """The process-wide limiter: Redis-backed with REDIS_URL, else in-process."""
    return _current_for(get_settings())[1]


def reset_rate_limits() -> None:
    """Forget the process-wide limiter, its counters and its Redis link (tests, settings reloads)."""
    with _lock:
        if _current is not None:
            _current[2].reset()
        _close_current()


def rate_limits_status() -> CacheState:
    """For /api/health: `in-process`, `ok` (Redis answers) or `unavailable` (Redis down, counting in-process)."""
    return get_rate_limiter().status()


async def retry_after(limit: Limit, subject: object) -> float:
    """Count one request by `subject` against `limit`: 0 when allowed (or limits are off), else seconds to wait."""
    if not get_settings().rate_limits_enabled:
        return 0.0
    limiter = get_rate_limiter()
    key = f"{limit.name}:{subject}"
    # A Redis call blocks for up to its timeout: keep it off the event loop.
    return await asyncio.to_thread(limiter.hit, key, limit=limit.limit, window_seconds=limit.per_seconds)


@functools.lru_cache(maxsize=4)
def _exempt_networks(entries: tuple[str, ...]) -> tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...]:
    """The configured exempt networks, parsed once per setting (not on every request)."""
    networks = []
    for entry in entries:
        try:
            networks.append(ipaddress.ip_network(entry, strict=False))
        except ValueError:
            log.warning("Ignoring %r in RATE_LIMIT_EXEMPT_ADDRESSES: not an address or network", entry)
    return tuple(networks)


def _exempt(address: str) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in network for network in _exempt_networks(tuple(get_settings().rate_limit_exempt_addresses)))


async def retry_after_for_address(limit: Limit, address: str) -> float:
    """`retry_after` for a budget per client address; 0 for addresses exempt from per-address limits."""
    return 0.0 if _exempt(address) else await retry_after(limit, address)


def retry_after_header(seconds: float) -> str:
    """A Retry-After value: whole seconds, rounded up, at least 1."""
    return str(max(1, math.ceil(seconds)))

"""Login slow-down after repeated failures (OWASP ASVS 6.3: soft lockout, not a hard one).

Attempts are keyed by `f"{email}|{ip}"` and by the email alone: `login_delay` is the larger
of the two keys' delays, to wait before checking the password; `login_failed` counts a failure
on both and `login_succeeded` forgets both. Slowing down rather than locking out keeps an
attacker from locking a traveller out of their own account.

With REDIS_URL the failures are counted in Redis (`RedisThrottle`), so every worker sees them;
it shares the rate limits' connection and, like them, counts in-process while Redis is down.
"""

from __future__ import annotations

import asyncio
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable
from typing import Protocol

from redis import Redis

from wheels_wins.services.rate_limits import RateLimiter, RedisLink, get_rate_limiter, shared_link
from wheels_wins.settings import get_settings

# KEYS[1]: the key's sorted set of failure times (ms, Redis's clock). ARGV: window (ms), a unique member, kept.
_RECORD_SCRIPT = """
local now = redis.call('TIME')
local t = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZADD', KEYS[1], t, ARGV[2])
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t - tonumber(ARGV[1]))
redis.call('ZREMRANGEBYRANK', KEYS[1], 0, -tonumber(ARGV[3]) - 1)
redis.call('PEXPIRE', KEYS[1], ARGV[1])
return 0
"""
# KEYS[1] as above. ARGV: window (ms). Returns the failures within the window.
_COUNT_SCRIPT = """
local now = redis.call('TIME')
local t = tonumber(now[1]) * 1000 + math.floor(tonumber(now[2]) / 1000)
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', t - tonumber(ARGV[1]))
return redis.call('ZCARD', KEYS[1])
"""


class Throttle(Protocol):
    """What the login flow needs from a failure counter."""

    def delay_for(self, key: str) -> float:
        """Seconds to wait before the next attempt for `key`."""
        ...

    def record_failure(self, key: str) -> None:
        """Count a failed attempt for `key`."""
        ...

    def reset(self, key: str) -> None:
        """Forget the failures for `key`."""
        ...


class LoginThrottle:
    """In-process, thread-safe sliding-window failure counter with exponential delays."""

    def __init__(
        self,
        *,
        free_failures: int = 5,
        window_seconds: float = 15 * 60,
        base_delay: float = 1.0,
        max_delay: float = 10.0,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free_failures = free_failures
        self.window_seconds = window_seconds
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_keys = max_keys
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        # Beyond this many failures the delay is capped anyway, so older timestamps can go.
        self.max_kept = free_failures + 16

    def _recent(self, key: str, now: float) -> deque[float] | None:
        stamps = self._failures.get(key)
        if stamps is None:
            return None
        cutoff = now - self.window_seconds
        while stamps and stamps[0] <= cutoff:
            stamps.popleft()
        if not stamps:
            del self._failures[key]
            return None
        return stamps

    def _make_room(self, now: float) -> None:
        for key in list(self._failures):
            self._recent(key, now)
        # Still full (a flood of distinct keys): drop the keys whose last failure is oldest.
        excess = len(self._failures) - self.max_keys + 1
        if excess > 0:
            oldest = sorted(self._failures, key=lambda k: self._failures[k][-1])[:excess]
            for key in oldest:
                del self._failures[key]

    def delay_after(self, failures: int) -> float:
        """0 for the first `free_failures` failures in the window, then 1 s, 2 s, 4 s ... up to the cap."""
        if failures <= self.free_failures:
            return 0.0
        return min(self.max_delay, self.base_delay * 2 ** (failures - self.free_failures - 1))

    def delay_for(self, key: str) -> float:
        """Seconds to wait before the next attempt for `key` (see `delay_after`)."""
        with self._lock:
            stamps = self._recent(key, self._clock())
            count = len(stamps) if stamps else 0
        return self.delay_after(count)

    def record_failure(self, key: str) -> None:
        """Count a failed attempt for `key`."""
        with self._lock:
            now = self._clock()
            stamps = self._recent(key, now)
            if stamps is None:
                if len(self._failures) >= self.max_keys:
                    self._make_room(now)
                stamps = self._failures[key] = deque(maxlen=self.max_kept)
            stamps.append(now)

    def reset(self, key: str) -> None:
        """Forget the failures for `key`."""
        with self._lock:
            self._failures.pop(key, None)


class RedisThrottle:
    """`LoginThrottle`'s rules with the failures kept in Redis, shared by every process (in-process while it is down)."""

    def __init__(
        self,
        link: RedisLink,
        *,
        prefix: str,
        free_failures: int = 5,
        window_seconds: float = 15 * 60,
        base_delay: float = 1.0,
        max_delay: float = 10.0,
    ) -> None:
        self.link = link
        self.fallback = LoginThrottle(
            free_failures=free_failures, window_seconds=window_seconds, base_delay=base_delay, max_delay=max_delay
        )
        self._prefix = prefix
        self._window_ms = max(1, round(self.fallback.window_seconds * 1000))
        self._record = link.client.register_script(_RECORD_SCRIPT)
        self._count = link.client.register_script(_COUNT_SCRIPT)

    def delay_for(self, key: str) -> float:
        """Seconds to wait before the next attempt for `key`."""

        def shared(client: Redis) -> float:
            failures = int(self._count(keys=[self._prefix + key], args=[self._window_ms], client=client))
            return self.fallback.delay_after(failures)

        return self.link.call(shared, lambda: self.fallback.delay_for(key))

    def record_failure(self, key: str) -> None:
        """Count a failed attempt for `key`."""
        args = [self._window_ms, uuid.uuid4().hex, self.fallback.max_kept]
        self.link.call(
            lambda client: self._record(keys=[self._prefix + key], args=args, client=client),
            lambda: self.fallback.record_failure(key),
        )

    def reset(self, key: str) -> None:
        """Forget the failures for `key` (in Redis and in the fallback, which may have counted some)."""
        self.fallback.reset(key)
        self.link.call(lambda client: client.delete(self._prefix + key), lambda: 0)


_lock = threading.Lock()
# Follows the process-wide rate limiter: rebuilt (and emptied) whenever that is, e.g. by `reset_rate_limits`.
_current: tuple[RateLimiter, Throttle] | None = None


def get_login_throttle() -> Throttle:
    """The process-wide throttle: Redis-backed with REDIS_URL (on the rate limits' link), else in-process."""
    global _current
    limiter = get_rate_limiter()
    current = _current
    if current is not None and current[0] is limiter:
        return current[1]
    with _lock:
        if _current is None or _current[0] is not limiter:
            link = shared_link()
            prefix = get_settings().cache_key_prefix + "login:"
            _current = (limiter, RedisThrottle(link, prefix=prefix) if link is not None else LoginThrottle())
        return _current[1]


def _keys(email: str, ip: str) -> tuple[str, str]:
    return (f"{email}|{ip}", email)


def _delay(throttle: Throttle, email: str, ip: str) -> float:
    return max(throttle.delay_for(key) for key in _keys(email, ip))


def _record_failure(throttle: Throttle, email: str, ip: str) -> None:
    for key in _keys(email, ip):
        throttle.record_failure(key)


def _reset(throttle: Throttle, email: str, ip: str) -> None:
    for key in _keys(email, ip):
        throttle.reset(key)


# The throttle's Redis calls block for up to their timeout: they run off the event loop.


async def login_delay(email: str, ip: str) -> float:
    """Seconds to wait before checking this sign-in (0 when rate limits are off)."""
    if not get_settings().rate_limits_enabled:
        return 0.0
    return await asyncio.to_thread(_delay, get_login_throttle(), email, ip)


async def login_failed(email: str, ip: str) -> None:
    """Count a failed sign-in for this address and email, and for the email alone."""
    if get_settings().rate_limits_enabled:
        await asyncio.to_thread(_record_failure, get_login_throttle(), email, ip)


async def login_succeeded(email: str, ip: str) -> None:
    """Forget the failures of this address and email, and of the email alone."""
    if get_settings().rate_limits_enabled:
        await asyncio.to_thread(_reset, get_login_throttle(), email, ip)

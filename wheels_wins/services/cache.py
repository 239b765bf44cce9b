"""A small cache for per-user summaries: in-process (TTL + LRU) or Redis, chosen by REDIS_URL.

Entries are never deleted to invalidate them. Every key embeds the user's *generation*
(`generation(user_id)`), and a write bumps it (`bump(user_ids)`), so older entries simply
become unreachable and age out. Read the generation before reading the database: a value
computed from data older than a bump is then stored under the old generation, where nobody
looks. With Redis the generations live in Redis, so every process agrees on them.

If Redis stops answering, the cache carries on in-process and reports `unavailable`
(`cache_status()`); once Redis answers again it bumps a global epoch that every key embeds,
because bumps made while it was away never reached it.
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from collections import OrderedDict
from collections.abc import Callable, Iterable
from typing import Any, Literal, Protocol

from redis import Redis

from wheels_wins.services.redis_link import RETRY_SECONDS, RedisLink
from wheels_wins.settings import Settings, get_settings

log = logging.getLogger(__name__)

CacheState = Literal["in-process", "ok", "unavailable"]
# While Redis is down other processes' bumps cannot reach this one, so fallback entries live briefly.
DEGRADED_TTL_SECONDS = 30.0


class Cache(Protocol):
    """What the money summaries need from a cache; values are JSON-compatible and come back as copies."""

    def get(self, key: str) -> Any | None:
        """The live value under `key`, or None."""
        ...

    def set(self, key: str, value: Any, *, ttl: float) -> None:
        """Store `value` under `key` for `ttl` seconds."""
        ...

    def generation(self, user_id: uuid.UUID) -> str:
        """A token that changes whenever the user's cached data must not be used any more."""
        ...

    def bump(self, user_ids: Iterable[uuid.UUID]) -> None:
        """Make every entry keyed with these users' current generation unreachable."""
        ...

    def bump_all(self) -> None:
        """Make every entry unreachable (a write whose users are unknown)."""
        ...

    def status(self) -> CacheState:
        """`in-process`, or for Redis `ok` / `unavailable` (then serving in-process)."""
        ...

    def clear(self) -> None:
        """Drop everything this process holds."""
        ...


class MemoryCache:
    """Thread-safe in-process cache: entries expire after their TTL; the least recently used go first."""

    def __init__(self, *, max_entries: int, clock: Callable[[], float] = time.monotonic) -> None:
        self._max_entries = max_entries
        self._clock = clock
        self._lock = threading.Lock()
        self._entries: OrderedDict[str, tuple[float, str]] = OrderedDict()
        self._generations: dict[uuid.UUID, int] = {}
        self._epoch = 0

    def __len__(self) -> int:
        return len(self._entries)

    def get(self, key: str) -> Any | None:
        """The live value under `key`, or None."""
        with self._lock:
            entry = self._entries.get(key)
            if entry is None:
                return None
            expires, text = entry
            if expires <= self._clock():
                del self._entries[key]
                return None
            self._entries.move_to_end(key)
        return json.loads(text)

    def set(self, key: str, value: Any, *, ttl: float) -> None:
        """Store `value` under `key` for `ttl` seconds, evicting the least recently used beyond the bound."""
        text = json.dumps(value, separators=(",", ":"))
        with self._lock:
            self._entries[key] = (self._clock() + ttl, text)
            self._entries.move_to_end(key)
            while len(self._entries) > self._max_entries:
                self._entries.popitem(last=False)

    def generation(self, user_id: uuid.UUID) -> str:
        """`epoch.generation` for this user."""
        with self._lock:
            return f"{self._epoch}.{self._generations.get(user_id, 0)}"

    def bump(self, user_ids: Iterable[uuid.UUID]) -> None:
        """Move these users to a new generation."""
        with self._lock:
            for user_id in user_ids:
                self._generations[user_id] = self._generations.get(user_id, 0) + 1

    def bump_all(self) -> None:
        """Move everyone to a new epoch."""
        with self._lock:
            self._epoch += 1

    def status(self) -> CacheState:
        """Always `in-process`."""
        return "in-process"

    def clear(self) -> None:
        """Drop every entry (generations only ever grow, so they stay)."""
        with self._lock:
            self._entries.clear()


class RedisCache:
    """Redis-backed cache shared by every process; falls back to in-process while Redis is unreachable."""

    def __init__(
        self, url: str, *, prefix: str, timeout: float, max_entries: int, retry_seconds: float = RETRY_SECONDS
    ) -> None:
        self.fallback = MemoryCache(max_entries=max_entries)
        self._prefix = prefix
        self.link = RedisLink(url, timeout=timeout, retry_seconds=retry_seconds, name="Cache", on_recover=self._retire)
        self.client = self.link.client

    @property
    def degraded(self) -> bool:
        """True while serving from the in-process fallback."""
        return self.link.degraded

    def _key(self, *parts: object) -> str:
        return self._prefix + ":".join(str(part) for part in parts)

    def _retire(self, client: Redis) -> None:
        """Redis is back: bumps made while it was away never reached it, so a new epoch retires every older entry."""
        client.incr(self._key("epoch"))
        self.fallback.clear()

    def get(self, key: str) -> Any | None:
        """The live value under `key`, or None."""

        def shared(client: Redis) -> Any | None:
            raw = client.get(self._key("v", key))
            return None if raw is None else json.loads(raw)

        return self.link.call(shared, lambda: self.fallback.get(key))

    def set(self, key: str, value: Any, *, ttl: float) -> None:
        """Store `value` under `key` for `ttl` seconds."""
        encoded = json.dumps(value, separators=(",", ":"))
        self.link.call(
            lambda client: client.set(self._key("v", key), encoded, px=int(ttl * 1000)),
            lambda: self.fallback.set(key, value, ttl=min(ttl, DEGRADED_TTL_SECONDS)),
        )

    def generation(self, user_id: uuid.UUID) -> str:
        """`epoch.generation` as stored in Redis (prefixed `m` when read from the fallback)."""

        def shared(client: Redis) -> str:
            epoch, gen = client.mget(self._key("epoch"), self._key("gen", user_id))
            return f"{int(epoch or 0)}.{int(gen or 0)}"

        return self.link.call(shared, lambda: "m" + self.fallback.generation(user_id))

    def bump(self, user_ids: Iterable[uuid.UUID]) -> None:
        """Move these users to a new generation in Redis (and in the fallback, which may be serving)."""
        users = list(user_ids)
        if not users:
            return
        self.fallback.bump(users)

        def shared(client: Redis) -> None:
            with client.pipeline(transaction=False) as pipe:
                for user_id in users:
                    pipe.incr(self._key("gen", user_id))
                pipe.execute()

        self.link.call(shared, lambda: None)

    def bump_all(self) -> None:
        """Move everyone to a new epoch."""
        self.fallback.bump_all()
        self.link.call(lambda client: client.incr(self._key("epoch")), lambda: None)

    def status(self) -> CacheState:
        """`ok` when Redis answers a PING now, else `unavailable` (and the cache serves in-process)."""
        return self.link.status()

    def clear(self) -> None:
        """Drop the in-process fallback; Redis entries age out by TTL (other processes share them)."""
        self.fallback.clear()

    def close(self) -> None:
        """Release the connection pool."""
        self.client.close()


def build_cache(settings: Settings) -> Cache:
    """The cache these settings ask for: Redis when REDIS_URL is set, else in-process."""
    if settings.redis_url:
        return RedisCache(
            settings.redis_url,
            prefix=settings.cache_key_prefix,
            timeout=settings.redis_timeout_seconds,
            max_entries=settings.cache_max_entries,
        )
    return MemoryCache(max_entries=settings.cache_max_entries)


_lock = threading.Lock()
_current: tuple[Settings, Cache] | None = None


def get_cache() -> Cache:
    """The process-wide cache for the current settings (rebuilt when the settings are reloaded)."""
    global _current
    settings = get_settings()
    current = _current
    if current is not None and current[0] is settings:
        return current[1]
    with _lock:
        if _current is None or _current[0] is not settings:
            _close_current()
            _current = (settings, build_cache(settings))
        return _current[1]


def _close_current() -> None:
    global _current
    if _current is not None and isinstance(_current[1], RedisCache):
        _current[1].close()
    _current = None


def reset_cache() -> None:
    """Forget the process-wide cache (tests, settings reloads)."""
    with _lock:
        _close_current()


def cache_status() -> CacheState:
    """For /api/health: `in-process`, `ok` (Redis answers) or `unavailable` (Redis down, serving in-process)."""
    return get_cache().status()

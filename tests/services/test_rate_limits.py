"""Rate limits: the in-process window, one budget shared through Redis by several workers, and the fallback."""

from __future__ import annotations

import threading
import time
import uuid
from collections.abc import Callable, Iterator

import pytest
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.conftest import REDIS_TIMEOUT, REDIS_URL, redis_available
from tests.stubs.server import free_port
from wheels_wins.services import rate_limits
from wheels_wins.services.rate_limits import (
    InProcessRateLimiter,
    Limit,
    RedisLink,
    RedisRateLimiter,
    get_rate_limiter,
    rate_limits_status,
    reset_rate_limits,
)
from wheels_wins.settings import get_settings


def drop_keys(prefix: str) -> None:
    """Delete every Redis key under `prefix`."""
    redis = Redis.from_url(REDIS_URL)
    keys = list(redis.scan_iter(match=f"{prefix}*"))
    if keys:
        redis.delete(*keys)
    redis.close()


@pytest.fixture
def redis_prefix() -> Iterator[str]:
    """A key prefix of this test's own on the local Redis (skipped without one, an error under CI=true)."""
    if not redis_available():
        pytest.skip("Redis at 127.0.0.1:6379 is not running")
    prefix = f"ww-test-{uuid.uuid4().hex[:8]}:"
    yield prefix
    drop_keys(prefix)


@pytest.fixture
def workers(redis_prefix: str) -> Iterator[tuple[RedisRateLimiter, RedisRateLimiter]]:
    """Two limiters with their own connections, as two backend workers have."""
    links = [RedisLink(REDIS_URL, timeout=REDIS_TIMEOUT, retry_seconds=0) for _ in range(2)]
    yield RedisRateLimiter(links[0], prefix=redis_prefix), RedisRateLimiter(links[1], prefix=redis_prefix)
    for link in links:
        link.close()


@pytest.fixture
def app_settings(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """app_settings(REDIS_URL=...): the app's settings from these variables; the process-wide limiter is rebuilt."""

    def _set(**env: str) -> None:
        for name, value in env.items():
            monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    reset_rate_limits()
    yield _set
    reset_rate_limits()
    get_settings.cache_clear()


def test_in_process_window() -> None:
    now = [0.0]
    limiter = InProcessRateLimiter(clock=lambda: now[0])
    assert [limiter.hit("k", limit=2, window_seconds=10) for _ in range(3)] == [0.0, 0.0, 10.0]
    assert limiter.hit("other", limit=2, window_seconds=10) == 0.0
    now[0] = 4.0
    assert limiter.hit("k", limit=2, window_seconds=10) == 6.0
    now[0] = 10.5
    assert limiter.hit("k", limit=2, window_seconds=10) == 0.0
    assert limiter.status() == "in-process"


def test_two_workers_share_one_budget(workers: tuple[RedisRateLimiter, RedisRateLimiter]) -> None:
    first, second = workers
    assert first.hit("pam_chat:alice", limit=3, window_seconds=60) == 0.0
    assert second.hit("pam_chat:alice", limit=3, window_seconds=60) == 0.0
    assert first.hit("pam_chat:alice", limit=3, window_seconds=60) == 0.0
    assert 59 < second.hit("pam_chat:alice", limit=3, window_seconds=60) <= 60
    assert 59 < first.hit("pam_chat:alice", limit=3, window_seconds=60) <= 60
    assert second.hit("pam_chat:bob", limit=3, window_seconds=60) == 0.0
    assert first.status() == second.status() == "ok"


def test_retry_after_is_when_the_oldest_hit_leaves_the_window(
    workers: tuple[RedisRateLimiter, RedisRateLimiter], redis_prefix: str
) -> None:
    # A 3 s window with the second hit 1 s after the first: "when the oldest hit leaves" is about 2 s away and
    # "when the latest hit leaves" about 3 s; each bound below leaves a loaded machine about 1 s of slack.
    first, second = workers
    assert first.hit("k", limit=2, window_seconds=3.0) == 0.0
    time.sleep(1.0)
    assert second.hit("k", limit=2, window_seconds=3.0) == 0.0
    wait = first.hit("k", limit=2, window_seconds=3.0)
    assert 1.0 < wait <= 2.0 + 0.05  # 3 s after the first hit, not after the latest
    assert 0 < Redis.from_url(REDIS_URL).pttl(f"{redis_prefix}k") <= 3000  # the key outlives its window by nothing
    time.sleep(wait + 0.02)
    assert second.hit("k", limit=2, window_seconds=3.0) == 0.0  # the oldest left; a refused hit was not counted
    # About 1 s (plus however late the second hit was): when the second hit leaves, not the one just allowed (3 s).
    assert 0 < first.hit("k", limit=2, window_seconds=3.0) <= 2.0


def test_the_check_and_the_count_are_atomic(workers: tuple[RedisRateLimiter, RedisRateLimiter]) -> None:
    allowed: list[float] = []

    def hammer(limiter: RedisRateLimiter) -> None:
        for _ in range(25):
            if limiter.hit("burst", limit=40, window_seconds=60) == 0.0:
                allowed.append(1.0)

    threads = [threading.Thread(target=hammer, args=(workers[n % 2],)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(allowed) == 40


def test_an_unreachable_redis_counts_in_process_and_says_so() -> None:
    link = RedisLink(f"redis://127.0.0.1:{free_port()}/0", timeout=0.2)
    limiter = RedisRateLimiter(link, prefix="ww:rl:")
    assert [limiter.hit("login:10.0.0.1", limit=2, window_seconds=60) for _ in range(2)] == [0.0, 0.0]
    assert 59 < limiter.hit("login:10.0.0.1", limit=2, window_seconds=60) <= 60
    assert link.degraded and limiter.status() == "unavailable"
    link.close()


def test_redis_back_means_shared_again(
    workers: tuple[RedisRateLimiter, RedisRateLimiter], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = workers

    def down(*args: object, **kwargs: object) -> None:
        raise RedisConnectionError("Redis went away")

    with monkeypatch.context() as outage:
        outage.setattr(first.link.client.connection_pool, "get_connection", down)
        assert [first.hit("k", limit=2, window_seconds=60) for _ in range(3)][-1] > 0  # enforced in-process
        assert first.status() == "unavailable"
        assert second.hit("k", limit=2, window_seconds=60) == 0.0  # the outage's hits never reached Redis
    assert first.status() == "ok" and not first.link.degraded
    assert first.hit("k", limit=2, window_seconds=60) == 0.0
    assert second.hit("k", limit=2, window_seconds=60) > 0  # one budget again


def test_a_degraded_link_waits_before_trying_redis_again() -> None:
    link = RedisLink(f"redis://127.0.0.1:{free_port()}/0", timeout=0.2, retry_seconds=60)
    calls: list[str] = []

    def operation(client: Redis) -> str:
        calls.append("redis")
        return str(client.ping())

    assert link.call(operation, lambda: "fallback") == "fallback"
    assert link.call(operation, lambda: "fallback") == "fallback"
    assert calls == ["redis"]  # the second call did not wait for another timeout
    link.close()


def test_the_app_picks_redis_when_configured(
    app_settings: Callable[..., None], redis_prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert isinstance(get_rate_limiter(), InProcessRateLimiter) and rate_limits_status() == "in-process"
    app_settings(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=redis_prefix, REDIS_TIMEOUT_SECONDS=str(REDIS_TIMEOUT))
    limiter = get_rate_limiter()
    assert isinstance(limiter, RedisRateLimiter) and rate_limits_status() == "ok"
    assert get_rate_limiter() is limiter
    monkeypatch.delenv("REDIS_TIMEOUT_SECONDS")  # the unreachable one with the app's own short timeout
    app_settings(REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    assert get_rate_limiter() is not limiter and rate_limits_status() == "unavailable"


async def test_retry_after_counts_per_subject_only_when_limits_are_on(
    app_settings: Callable[..., None], redis_prefix: str
) -> None:
    budget = Limit("test", limit=1, per_seconds=30)
    assert await rate_limits.retry_after(budget, "alice") == 0.0
    assert await rate_limits.retry_after(budget, "alice") == 0.0  # RATE_LIMITS_ENABLED=false in tests
    app_settings(
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=redis_prefix,
        RATE_LIMITS_ENABLED="true",
        REDIS_TIMEOUT_SECONDS=str(REDIS_TIMEOUT),
    )
    assert await rate_limits.retry_after(budget, "alice") == 0.0
    assert 29 < await rate_limits.retry_after(budget, "alice") <= 30
    assert await rate_limits.retry_after(budget, "bob") == 0.0
    assert Redis.from_url(REDIS_URL).exists(f"{redis_prefix}rl:test:alice")


def test_retry_after_header_is_whole_seconds_rounded_up() -> None:
    assert [rate_limits.retry_after_header(s) for s in (0.001, 1.0, 1.2, 59.9)] == ["1", "1", "2", "60"]

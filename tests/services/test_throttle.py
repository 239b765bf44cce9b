"""Login throttling: the in-process rules, the same rules shared through Redis by several workers, and the fallback."""

# ruff: noqa: F811 - tests request the imported fixtures by name
from __future__ import annotations

import threading
import time
from collections.abc import Callable, Iterator

import pytest
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.conftest import REDIS_TIMEOUT, REDIS_URL
from tests.services.test_rate_limits import app_settings, redis_prefix  # noqa: F401 - fixtures
from tests.stubs.server import free_port
from wheels_wins.services import throttle as throttle_service
from wheels_wins.services.rate_limits import RedisLink
from wheels_wins.services.throttle import LoginThrottle, RedisThrottle, Throttle, get_login_throttle

KEY = "nomad@example.com|10.0.0.1"


def test_throttle_is_free_for_five_failures_then_grows_to_a_cap() -> None:
    now = [1000.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    delays = []
    for _ in range(12):
        delays.append(throttle.delay_for("nomad@example.com|10.0.0.1"))
        throttle.record_failure("nomad@example.com|10.0.0.1")
        now[0] += 1
    assert delays[:6] == [0.0] * 6
    assert delays[6:] == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert throttle.delay_for("nomad@example.com|10.0.0.2") == 0.0


def test_throttle_resets_on_success_and_forgets_after_the_window() -> None:
    now = [1000.0]
    throttle = LoginThrottle(clock=lambda: now[0])
    for _ in range(8):
        throttle.record_failure("k")
    assert throttle.delay_for("k") > 0
    throttle.reset("k")
    assert throttle.delay_for("k") == 0.0

    for _ in range(8):
        throttle.record_failure("k")
    now[0] += 15 * 60 + 1
    assert throttle.delay_for("k") == 0.0


def test_throttle_bounds_its_memory_and_keeps_recent_keys() -> None:
    now = [0.0]
    throttle = LoginThrottle(max_keys=100, clock=lambda: now[0])
    for i in range(500):
        now[0] += 0.001
        for _ in range(7):
            throttle.record_failure(f"key-{i}")
    assert throttle.delay_for("key-499") == 2.0
    assert throttle.delay_for("key-0") == 0.0


def test_throttle_is_thread_safe() -> None:
    throttle = LoginThrottle(free_failures=1000, max_keys=10)

    def hammer(n: int) -> None:
        for i in range(300):
            throttle.record_failure(f"key-{(n + i) % 20}")
            throttle.delay_for(f"key-{i % 20}")

    threads = [threading.Thread(target=hammer, args=(n,)) for n in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert throttle.delay_for("key-1") == 0.0


@pytest.fixture
def workers(redis_prefix: str) -> Iterator[tuple[RedisThrottle, RedisThrottle]]:
    """Two throttles with their own connections, as two backend workers have."""
    links = [RedisLink(REDIS_URL, timeout=REDIS_TIMEOUT, retry_seconds=0) for _ in range(2)]
    yield tuple(RedisThrottle(link, prefix=redis_prefix) for link in links)  # type: ignore[misc]
    for link in links:
        link.close()


def test_workers_share_failures_with_the_same_delays(workers: tuple[RedisThrottle, RedisThrottle]) -> None:
    first, second = workers
    delays = []
    for n in range(12):
        delays.append((first if n % 2 else second).delay_for(KEY))
        (second if n % 2 else first).record_failure(KEY)
    assert delays[:6] == [0.0] * 6
    assert delays[6:] == [1.0, 2.0, 4.0, 8.0, 10.0, 10.0]
    assert first.delay_for("nomad@example.com|10.0.0.2") == 0.0
    second.reset(KEY)
    assert first.delay_for(KEY) == 0.0


def test_redis_keeps_a_bounded_window(redis_prefix: str) -> None:
    window = 3.0  # the 40 failures and the checks below (about 45 Redis round trips) fit well inside it
    link = RedisLink(REDIS_URL, timeout=REDIS_TIMEOUT)
    throttle = RedisThrottle(link, prefix=redis_prefix, free_failures=1, window_seconds=window)
    began = time.monotonic()
    for _ in range(40):
        throttle.record_failure(KEY)
    redis = Redis.from_url(REDIS_URL)
    assert redis.zcard(f"{redis_prefix}{KEY}") == throttle.fallback.max_kept
    assert 0 < redis.pttl(f"{redis_prefix}{KEY}") <= window * 1000
    assert throttle.delay_for(KEY) == 10.0
    # The failures leave with the window: no sooner than a window after the first one, and within seconds.
    deadline = time.monotonic() + window + 10
    while throttle.delay_for(KEY) != 0.0 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert throttle.delay_for(KEY) == 0.0
    assert time.monotonic() - began >= window - 0.1
    assert not link.degraded  # counted in Redis throughout, not in-process
    redis.close()
    link.close()


def test_an_unreachable_redis_throttles_in_process() -> None:
    link = RedisLink(f"redis://127.0.0.1:{free_port()}/0", timeout=0.2)
    throttle = RedisThrottle(link, prefix="ww:login:", free_failures=1)
    for _ in range(3):
        throttle.record_failure(KEY)
    assert throttle.delay_for(KEY) == 2.0 and link.degraded
    throttle.reset(KEY)
    assert throttle.delay_for(KEY) == 0.0
    link.close()


def test_redis_back_means_shared_again(
    workers: tuple[RedisThrottle, RedisThrottle], monkeypatch: pytest.MonkeyPatch
) -> None:
    first, second = workers

    def down(*args: object, **kwargs: object) -> None:
        raise RedisConnectionError("Redis went away")

    with monkeypatch.context() as outage:
        outage.setattr(first.link.client.connection_pool, "get_connection", down)
        for _ in range(7):
            first.record_failure(KEY)
        assert first.delay_for(KEY) == 2.0 and first.link.degraded  # still slowing down, in-process
        assert second.delay_for(KEY) == 0.0
    for _ in range(7):
        first.record_failure(KEY)
    assert not first.link.degraded and second.delay_for(KEY) == 2.0


def test_the_app_picks_redis_when_configured(app_settings: Callable[..., None], redis_prefix: str) -> None:
    assert isinstance(get_login_throttle(), LoginThrottle)
    app_settings(REDIS_URL=REDIS_URL, CACHE_KEY_PREFIX=redis_prefix, REDIS_TIMEOUT_SECONDS=str(REDIS_TIMEOUT))
    throttle = get_login_throttle()
    assert isinstance(throttle, RedisThrottle) and get_login_throttle() is throttle
    implementation: Throttle = throttle
    assert implementation.delay_for("anyone") == 0.0


async def test_sign_in_helpers_use_both_keys_and_respect_the_switch(
    app_settings: Callable[..., None], redis_prefix: str
) -> None:
    for _ in range(8):
        await throttle_service.login_failed("nomad@example.com", "10.0.0.1")
    assert await throttle_service.login_delay("nomad@example.com", "10.0.0.1") == 0.0  # RATE_LIMITS_ENABLED=false
    app_settings(
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=redis_prefix,
        RATE_LIMITS_ENABLED="true",
        REDIS_TIMEOUT_SECONDS=str(REDIS_TIMEOUT),
    )
    for _ in range(7):
        await throttle_service.login_failed("nomad@example.com", "10.0.0.1")
    assert await throttle_service.login_delay("nomad@example.com", "10.0.0.1") == 2.0
    assert await throttle_service.login_delay("nomad@example.com", "10.9.9.9") == 2.0  # the email alone counts too
    assert await throttle_service.login_delay("other@example.com", "10.0.0.1") == 0.0
    await throttle_service.login_succeeded("nomad@example.com", "10.0.0.1")
    assert await throttle_service.login_delay("nomad@example.com", "10.9.9.9") == 0.0

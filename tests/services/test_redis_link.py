"""The shared Redis link: the fallback while Redis is away, and the recovery hook before it is shared again."""

from __future__ import annotations

import pytest
from redis import Redis
from redis.exceptions import ConnectionError as RedisConnectionError

from tests.conftest import REDIS_TIMEOUT, redis_available
from tests.stubs.server import free_port
from wheels_wins.services.redis_link import RedisLink

REDIS_URL = "redis://127.0.0.1:6379/0"


def test_an_unreachable_redis_serves_the_fallback_and_waits_before_trying_again() -> None:
    link = RedisLink(f"redis://127.0.0.1:{free_port()}/0", timeout=0.2, retry_seconds=60)
    tried: list[str] = []
    assert link.call(lambda client: tried.append("redis") or client.ping(), lambda: "local") == "local"
    assert link.degraded and tried == ["redis"]
    assert link.call(lambda client: tried.append("redis") or client.ping(), lambda: "local") == "local"
    assert tried == ["redis"]  # skipped until the retry is due
    assert link.status() == "unavailable"


def test_coming_back_runs_the_recovery_hook_first_and_only_then() -> None:
    if not redis_available():
        pytest.skip("Redis at 127.0.0.1:6379 is not running (on CI this fails instead)")
    recovered: list[str] = []

    def on_recover(client: Redis) -> None:
        if not recovered:
            recovered.append("refused")
            raise RedisConnectionError("still starting")
        recovered.append("ran")

    link = RedisLink(REDIS_URL, timeout=REDIS_TIMEOUT, retry_seconds=0, on_recover=on_recover)
    assert link.call(lambda client: bool(client.ping()), lambda: False) is True
    assert recovered == []  # healthy: no hook

    link._fail(RedisConnectionError("blip"))
    assert link.call(lambda client: "shared", lambda: "local") == "local"  # the hook failed: still in-process
    assert link.degraded and recovered == ["refused"]
    assert link.call(lambda client: "shared", lambda: "local") == "shared"
    assert not link.degraded and recovered == ["refused", "ran"]
    assert link.call(lambda client: "shared", lambda: "local") == "shared"
    assert recovered == ["refused", "ran"]
    link.close()

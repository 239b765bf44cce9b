"""Reflex's Redis token manager with our liveness check: a tab's token survives its worker dying, and a
duplicated tab whose original worker is alive still gets a token of its own."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator

import pytest
from redis.asyncio import Redis
from reflex.utils.token_manager import RedisTokenManager

from tests.conftest import REDIS_URL, redis_available
from wheels_wins.services import worker_liveness


@pytest.fixture
async def redis() -> AsyncIterator[Redis]:
    if not redis_available():
        pytest.skip("no local Redis")
    client = Redis.from_url(REDIS_URL)
    await client.flushdb()
    yield client
    await client.flushdb()
    await client.aclose()


async def _kill(manager: RedisTokenManager) -> None:
    """What SIGKILL does to a worker's Redis presence: its subscription goes, its records stay."""
    task = worker_liveness._listeners.pop(id(manager))
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task


async def test_a_dead_workers_tab_keeps_its_token_and_a_live_ones_duplicate_does_not(redis: Redis) -> None:
    worker_liveness.install()
    worker_a, worker_b = RedisTokenManager(redis), RedisTokenManager(redis)
    assert await worker_a.link_token_to_sid("tab-1", "sid-a") is None

    duplicate = await worker_b.link_token_to_sid("tab-1", "sid-b")  # the same token while A still holds it
    assert duplicate is not None and duplicate != "tab-1"

    assert await worker_a.link_token_to_sid("tab-2", "sid-a2") is None
    await _kill(worker_a)
    assert await worker_b.link_token_to_sid("tab-2", "sid-b2") is None  # A is gone: the tab keeps its token
    assert worker_b.token_to_socket["tab-2"].instance_id == worker_b.instance_id
    await _kill(worker_b)

"""Reflex's Redis token manager with our liveness check: a tab's token survives its worker dying,
freezing or becoming unreachable, and a duplicated tab whose original worker still holds its socket
gets a token of its own."""

from __future__ import annotations

import asyncio
import os
import pickle
import signal
import subprocess
import sys
import time
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from redis.asyncio import Redis
from reflex.utils.token_manager import RedisTokenManager

from tests.conftest import REDIS_URL, redis_available
from wheels_wins.services import worker_liveness

# A worker in a process of its own: it records two tabs' websockets, says so, and keeps running.
WORKER = """
import asyncio, sys
from redis.asyncio import Redis
from reflex.utils.token_manager import RedisTokenManager
from wheels_wins.services import worker_liveness

async def main() -> None:
    worker_liveness.install(heartbeat_seconds=float(sys.argv[2]))
    manager = RedisTokenManager(Redis.from_url(sys.argv[1]))
    assert await manager.link_token_to_sid("tab-3", "sid-a") is None
    assert await manager.link_token_to_sid("tab-5", "sid-a5") is None
    print("linked", flush=True)
    await asyncio.sleep(3600)

asyncio.run(main())
"""


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

    # A's socket closed, but its clean-up has not reached Redis yet: the record there is stale.
    assert await worker_a.link_token_to_sid("tab-4", "sid-a4") is None
    worker_a.token_to_socket.pop("tab-4")
    assert await worker_b.link_token_to_sid("tab-4", "sid-b4") is None  # A says it no longer holds it
    assert worker_b.token_to_socket["tab-4"].instance_id == worker_b.instance_id

    assert await worker_a.link_token_to_sid("tab-2", "sid-a2") is None
    await _kill(worker_a)
    assert await worker_b.link_token_to_sid("tab-2", "sid-b2") is None  # A is gone: the tab keeps its token
    assert worker_b.token_to_socket["tab-2"].instance_id == worker_b.instance_id
    await _kill(worker_b)


async def test_a_frozen_workers_tab_keeps_its_token(redis: Redis, monkeypatch: pytest.MonkeyPatch) -> None:
    """SIGSTOP leaves the worker's subscription counted but nothing behind it, as a host cut off from the
    network does, and a SIGKILLed process does until Redis has read its closed socket. Nothing answers
    the question, nor renews the presence key."""
    # The frozen worker's presence outlives the SIGSTOP by at least 2/3 of `heartbeat` (it renews every third),
    # ample for the first question to find it fresh on a loaded machine.
    heartbeat, answer = 5.0, 2.0
    worker_a = subprocess.Popen(
        [sys.executable, "-c", WORKER, REDIS_URL, str(heartbeat)],
        cwd=Path(__file__).resolve().parents[2],
        stdout=subprocess.PIPE,
    )
    try:
        assert worker_a.stdout is not None
        assert (await asyncio.to_thread(worker_a.stdout.readline)).strip() == b"linked"
        worker_liveness.install(answer_seconds=answer)
        worker_b = RedisTokenManager(redis)
        questions: list[str] = []
        publish = redis.publish

        async def asked(channel: str, message: str) -> int:
            questions.append(channel)
            return await publish(channel, message)

        monkeypatch.setattr(redis, "publish", asked)
        os.kill(worker_a.pid, signal.SIGSTOP)

        # Frozen a moment ago: its presence is fresh and its subscription counts, but no answer comes.
        started = time.monotonic()
        assert await worker_b.link_token_to_sid("tab-3", "sid-b") is None
        assert time.monotonic() - started >= answer  # it waited for the answer before keeping the token
        assert len(questions) == 1
        assert worker_b.token_to_socket["tab-3"].instance_id == worker_b.instance_id

        # Until A's presence key lapses (at most `heartbeat` after the SIGSTOP).
        record = pickle.loads(await redis.get(worker_b._get_redis_key("tab-5")))
        presence = worker_liveness._PRESENCE.format(instance_id=record.instance_id)
        deadline = time.monotonic() + heartbeat + 10
        while await redis.exists(presence) and time.monotonic() < deadline:
            await asyncio.sleep(0.1)
        assert not await redis.exists(presence)

        started = time.monotonic()
        assert await worker_b.link_token_to_sid("tab-5", "sid-b5") is None  # its presence lapsed: no question asked
        assert time.monotonic() - started < answer
        assert len(questions) == 1  # nothing published to A this time
        assert worker_b.token_to_socket["tab-5"].instance_id == worker_b.instance_id
        await _kill(worker_b)
    finally:
        os.kill(worker_a.pid, signal.SIGCONT)
        worker_a.kill()
        worker_a.wait(timeout=10)

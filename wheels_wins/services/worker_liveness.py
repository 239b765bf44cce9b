"""Keep a browser's Reflex session when the worker holding its websocket dies without saying goodbye.

With Redis, Reflex records which worker holds each tab's websocket (for an hour) and treats a
reconnect under a token held elsewhere as a duplicated tab: a new token, and the tab's state is
gone. A worker that exits cleanly deletes its records; one killed outright (SIGKILL, OOM, a lost
host) leaves them, so every browser it served would lose its state on reconnecting elsewhere.

Each worker therefore stays subscribed to a Redis channel of its own while it holds sockets. Redis
drops a subscription the moment its process dies (the kernel closes the socket), so PUBLISH to that
channel reaching nobody means the record's worker is gone: the stale record is dropped first, and
Reflex keeps the token. A duplicated tab whose original is still connected is still told apart:
that worker is subscribed.

A host cut off from the network (or a process frozen) keeps its subscription until Redis notices the
dead connection, which can take minutes. So each worker also renews a presence key every few
seconds; a record whose worker's key has expired (`HEARTBEAT_SECONDS`) counts as orphaned too.
"""

from __future__ import annotations

import asyncio
import logging
import pickle
from contextlib import suppress
from typing import Any

from redis.asyncio.client import PubSub
from reflex.utils.token_manager import RedisTokenManager

log = logging.getLogger(__name__)

_CHANNEL = "ww:worker:{instance_id}"
_PRESENCE = "ww:worker:{instance_id}:alive"
# A worker silent for this long (its presence key expired) is taken for gone; it renews every third of it.
HEARTBEAT_SECONDS = 30.0
_heartbeat_seconds = HEARTBEAT_SECONDS
_original_link = RedisTokenManager.link_token_to_sid
_listeners: dict[int, asyncio.Task[None]] = {}


async def _listen(manager: RedisTokenManager, pubsub: PubSub) -> None:
    """Hold this worker's channel for as long as the process lives (subscribing again after a Redis blip)."""
    channel = _CHANNEL.format(instance_id=manager.instance_id)
    try:
        while True:
            try:
                async for _ in pubsub.listen():
                    pass
            except Exception as exc:  # noqa: BLE001 - Redis away: Reflex's own calls fail too; subscribe again
                log.warning("Worker channel lost: %s", exc.__class__.__name__)
            await pubsub.aclose()
            await asyncio.sleep(1)
            pubsub = manager.redis.pubsub()
            with suppress(Exception):
                await pubsub.subscribe(channel)
    finally:
        await pubsub.aclose()


async def _announce(manager: RedisTokenManager) -> None:
    await manager.redis.set(_PRESENCE.format(instance_id=manager.instance_id), b"1", px=int(_heartbeat_seconds * 1000))


async def _beat(manager: RedisTokenManager) -> None:
    """Renew this worker's presence key for as long as the process lives and reaches Redis."""
    while True:
        await asyncio.sleep(_heartbeat_seconds / 3)
        try:
            await _announce(manager)
        except Exception as exc:  # noqa: BLE001 - Redis away: try again next beat
            log.warning("Worker presence not renewed: %s", exc.__class__.__name__)


async def _stay_present(manager: RedisTokenManager, pubsub: PubSub) -> None:
    await asyncio.gather(_listen(manager, pubsub), _beat(manager))


async def _ensure_subscribed(manager: RedisTokenManager) -> None:
    """Announce and subscribe before this worker records its first socket, so no record of it looks orphaned."""
    task = _listeners.get(id(manager))
    if task is not None and not task.done():
        return
    await _announce(manager)
    pubsub = manager.redis.pubsub()
    await pubsub.subscribe(_CHANNEL.format(instance_id=manager.instance_id))
    _listeners[id(manager)] = asyncio.get_running_loop().create_task(
        _stay_present(manager, pubsub), name="worker-presence"
    )


async def _is_alive(manager: RedisTokenManager, instance_id: str) -> bool:
    """Whether the worker holds its channel (it is running) and has renewed its presence lately (it is reachable)."""
    if not await manager.redis.exists(_PRESENCE.format(instance_id=instance_id)):
        return False
    return await manager.redis.publish(_CHANNEL.format(instance_id=instance_id), b"alive?") > 0


async def _drop_if_orphaned(manager: RedisTokenManager, token: str) -> None:
    """Delete the token's socket record when the worker that wrote it is no longer alive."""
    key = manager._get_redis_key(token)  # noqa: SLF001 - Reflex's own key for the record
    raw = await manager.redis.get(key)
    if raw is None:
        return
    try:
        owner = pickle.loads(raw).instance_id  # noqa: S301 - Reflex's own record, written by our workers
    except Exception:  # noqa: BLE001 - a record we can't read is left to Reflex
        return
    if owner == manager.instance_id:
        return
    if not await _is_alive(manager, owner):
        log.info("Reconnect: the worker that held this tab's websocket is gone; keeping the tab's session")
        await manager.redis.delete(key)


async def _link_token_to_sid(self: RedisTokenManager, token: str, sid: str) -> Any:
    try:
        await _ensure_subscribed(self)
        await _drop_if_orphaned(self, token)
    except Exception as exc:  # noqa: BLE001 - without Redis, Reflex's own fallback decides
        log.warning("Orphaned socket check skipped: %s", exc.__class__.__name__)
    return await _original_link(self, token, sid)


def install(heartbeat_seconds: float = HEARTBEAT_SECONDS) -> None:
    """Teach Reflex's Redis token manager to recognise records left by dead or unreachable workers (idempotent)."""
    global _heartbeat_seconds  # noqa: PLW0603 - one setting for the process, fixed at startup
    _heartbeat_seconds = heartbeat_seconds
    RedisTokenManager.link_token_to_sid = _link_token_to_sid  # type: ignore[method-assign]

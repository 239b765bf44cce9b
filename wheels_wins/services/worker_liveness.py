"""Keep a browser's Reflex session when the worker holding its websocket dies without saying goodbye.

With Redis, Reflex records which worker holds each tab's websocket (for an hour) and treats a
reconnect under a token held elsewhere as a duplicated tab: a new token, and the tab's state is
gone. A worker that exits cleanly deletes its records; one killed outright (SIGKILL, OOM, a lost
host) leaves them, so every browser it served would lose its state on reconnecting elsewhere.

Each worker therefore stays subscribed to a Redis channel of its own while it holds sockets, and
answers on it whether it still holds a given tab's socket. A reconnecting tab whose record names
another worker asks that worker:

- PUBLISH reaching nobody: the worker's process is gone (Redis drops a subscription when the kernel
  closes a dead process's socket); the stale record is dropped and Reflex keeps the token.
- "no": the worker is alive but that socket has already closed (its clean-up has not reached Redis
  yet); the record is stale, dropped the same way.
- "yes": a duplicated tab whose original is still connected; Reflex gives it a token of its own.
- no answer within `ANSWER_SECONDS`: the subscription still counts but nothing runs behind it, as
  just after a SIGKILL, before Redis has read the closed socket, or a frozen process; taken for gone.

A host cut off from the network (or a process frozen) keeps its subscription until Redis notices the
dead connection, which can take minutes. So each worker also renews a presence key every few
seconds; a record whose worker's key has expired (`HEARTBEAT_SECONDS`) counts as orphaned at once.
"""

from __future__ import annotations

import asyncio
import json
import logging
import pickle
import uuid
from contextlib import suppress
from typing import Any

from redis.asyncio.client import PubSub
from reflex.utils.token_manager import RedisTokenManager, SocketRecord

log = logging.getLogger(__name__)

_CHANNEL = "ww:worker:{instance_id}"
_PRESENCE = "ww:worker:{instance_id}:alive"
_REPLY = "ww:worker:reply:{question_id}"
# A worker silent for this long (its presence key expired) is taken for gone; it renews every third of it.
HEARTBEAT_SECONDS = 30.0
_heartbeat_seconds = HEARTBEAT_SECONDS
# How long a live worker may take to say whether it holds a socket: its event loop answers within
# milliseconds unless something blocks it far beyond what any handler may.
ANSWER_SECONDS = 3.0
_answer_seconds = ANSWER_SECONDS
_original_link = RedisTokenManager.link_token_to_sid
_listeners: dict[int, asyncio.Task[None]] = {}


async def _answer(manager: RedisTokenManager, question: bytes) -> None:
    """Say on the asker's reply key whether this worker still holds the socket in `question`."""
    asked = json.loads(question)
    record = manager.token_to_socket.get(asked["token"])
    holds = record is not None and record.sid == asked["sid"] and record.instance_id == manager.instance_id
    async with manager.redis.pipeline(transaction=False) as pipe:
        pipe.rpush(asked["reply"], b"1" if holds else b"0")
        pipe.expire(asked["reply"], int(_answer_seconds) + 10)
        await pipe.execute()


async def _listen(manager: RedisTokenManager, pubsub: PubSub) -> None:
    """Hold this worker's channel and answer on it for as long as the process lives (subscribing again after a Redis blip)."""
    channel = _CHANNEL.format(instance_id=manager.instance_id)
    try:
        while True:
            try:
                async for message in pubsub.listen():
                    if message["type"] == "message":
                        try:
                            await _answer(manager, message["data"])
                        except (ValueError, KeyError, TypeError) as exc:  # not a question of ours: skip it
                            log.warning("Unreadable question on the worker channel: %s", exc.__class__.__name__)
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


async def _still_holds(manager: RedisTokenManager, token: str, record: SocketRecord) -> bool:
    """Whether the record's worker is alive, reachable and still holds the record's socket (see the module's doc)."""
    if not await manager.redis.exists(_PRESENCE.format(instance_id=record.instance_id)):
        return False
    reply = _REPLY.format(question_id=uuid.uuid4().hex)
    question = json.dumps({"token": token, "sid": record.sid, "reply": reply})
    if await manager.redis.publish(_CHANNEL.format(instance_id=record.instance_id), question) == 0:
        return False
    try:
        answer = await manager.redis.blpop([reply], timeout=_answer_seconds)
    finally:
        await manager.redis.delete(reply)
    return answer is not None and answer[1] == b"1"


async def _drop_if_orphaned(manager: RedisTokenManager, token: str) -> None:
    """Delete the token's socket record when the worker that wrote it is no longer alive."""
    key = manager._get_redis_key(token)  # noqa: SLF001 - Reflex's own key for the record
    raw = await manager.redis.get(key)
    if raw is None:
        return
    try:
        record = pickle.loads(raw)  # noqa: S301 - Reflex's own record, written by our workers
    except Exception:  # noqa: BLE001 - a record we can't read is left to Reflex
        return
    if not isinstance(record, SocketRecord) or record.instance_id == manager.instance_id:
        return
    if not await _still_holds(manager, token, record):
        log.info("Reconnect: the worker that held this tab's websocket no longer does; keeping the tab's session")
        await manager.redis.delete(key)


async def _link_token_to_sid(self: RedisTokenManager, token: str, sid: str) -> Any:
    try:
        await _ensure_subscribed(self)
        await _drop_if_orphaned(self, token)
    except Exception as exc:  # noqa: BLE001 - without Redis, Reflex's own fallback decides
        log.warning("Orphaned socket check skipped: %s", exc.__class__.__name__)
    return await _original_link(self, token, sid)


def install(heartbeat_seconds: float = HEARTBEAT_SECONDS, answer_seconds: float = ANSWER_SECONDS) -> None:
    """Teach Reflex's Redis token manager to recognise records left by dead or unreachable workers (idempotent)."""
    global _heartbeat_seconds, _answer_seconds  # noqa: PLW0603 - settings for the process, fixed at startup
    _heartbeat_seconds, _answer_seconds = heartbeat_seconds, answer_seconds
    RedisTokenManager.link_token_to_sid = _link_token_to_sid  # type: ignore[method-assign]

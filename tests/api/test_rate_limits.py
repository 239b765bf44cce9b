"""Rate limits over HTTP with Redis: budgets shared by workers, 429 + Retry-After, service when Redis is down, and
the addresses exempt from per-address limits."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from redis.exceptions import ConnectionError as RedisConnectionError
from sqlalchemy.engine import Engine

from tests.api import VISITOR_ADDRESS, Account, assert_error
from tests.conftest import REDIS_TIMEOUT, REDIS_URL, redis_available
from tests.services.test_rate_limits import drop_keys
from tests.stubs.server import free_port
from wheels_wins.api.app import fastapi_app
from wheels_wins.api.routers.auth import REGISTRATIONS_PER_MINUTE
from wheels_wins.services.cache import reset_cache
from wheels_wins.services.rate_limits import (
    LOGIN_ATTEMPTS,
    PAM_MESSAGES,
    RedisLink,
    RedisRateLimiter,
    reset_rate_limits,
    shared_link,
)
from wheels_wins.services.throttle import RedisThrottle
from wheels_wins.settings import get_settings

LOGIN = "/api/v1/auth/login"
CHAT = "/api/v1/pam/chat"
CLIENT_IP = VISITOR_ADDRESS  # the test client's


def _use(monkeypatch: pytest.MonkeyPatch, **env: str) -> None:
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    reset_rate_limits()
    reset_cache()


@pytest.fixture
def prefix(client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """The app on the local Redis under a key prefix of its own, with rate limits on."""
    if not redis_available():
        pytest.skip("Redis at 127.0.0.1:6379 is not running")
    prefix = f"ww-test-{uuid.uuid4().hex[:8]}:"
    _use(
        monkeypatch,
        REDIS_URL=REDIS_URL,
        CACHE_KEY_PREFIX=prefix,
        RATE_LIMITS_ENABLED="true",
        REDIS_TIMEOUT_SECONDS=str(REDIS_TIMEOUT),  # one slow reply must not switch the app to in-process counting
    )
    yield prefix
    reset_rate_limits()
    reset_cache()
    get_settings.cache_clear()
    drop_keys(prefix)


@pytest.fixture
def other_worker(prefix: str) -> Iterator[RedisRateLimiter]:
    """Another backend worker's limiter: its own connection to the same Redis and keys."""
    link = RedisLink(REDIS_URL, timeout=REDIS_TIMEOUT)
    yield RedisRateLimiter(link, prefix=f"{prefix}rl:")
    link.close()


async def test_login_per_address_is_shared_with_other_workers(
    client: httpx.AsyncClient, other_worker: RedisRateLimiter
) -> None:
    body = {"email": "", "password": ""}  # cheap 422s still count against the limit
    for _ in range(LOGIN_ATTEMPTS.limit - 5):
        assert other_worker.hit(f"login:{CLIENT_IP}", limit=LOGIN_ATTEMPTS.limit, window_seconds=60) == 0.0
    for _ in range(5):
        assert (await client.post(LOGIN, json=body)).status_code == 422
    limited = await client.post(LOGIN, json=body)
    assert_error(limited, 429, "rate_limited")
    assert 58 <= int(limited.headers["retry-after"]) <= 60


async def test_failed_logins_on_another_worker_slow_this_one_down(
    client: httpx.AsyncClient, prefix: str, alice: Account
) -> None:
    link = RedisLink(REDIS_URL, timeout=REDIS_TIMEOUT)
    elsewhere = RedisThrottle(link, prefix=f"{prefix}login:")
    for _ in range(9):  # 5 free, then 1, 2, 4 s ... the next wait (8 s) is too long to hold a connection
        elsewhere.record_failure(alice.email)
    response = await client.post(LOGIN, json={"email": alice.email, "password": "wrong-password-123"})
    assert_error(response, 429, "rate_limited")
    assert response.headers["retry-after"] == "8"
    elsewhere.reset(alice.email)
    assert_error(await client.post(LOGIN, json={"email": alice.email, "password": "wrong-password-123"}), 401)
    link.close()


async def test_pam_messages_share_one_budget_per_user(
    client: httpx.AsyncClient, other_worker: RedisRateLimiter, alice: Account, bob: Account
) -> None:
    reply = await client.post(CHAT, headers=alice.headers, json={"message": "What can you do?"})
    assert reply.status_code == 200, reply.text
    for _ in range(PAM_MESSAGES.limit - 1):  # the rest of the minute's budget, spent through another worker
        assert other_worker.hit(f"pam_chat:{alice.id}", limit=PAM_MESSAGES.limit, window_seconds=60) == 0.0
    limited = await client.post(CHAT, headers=alice.headers, json={"message": "And now?"})
    assert_error(limited, 429, "rate_limited")
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    assert (await client.post(CHAT, headers=bob.headers, json={"message": "What can you do?"})).status_code == 200


async def test_with_redis_unreachable_requests_are_served_and_limited_in_process(
    client: httpx.AsyncClient, prefix: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("REDIS_TIMEOUT_SECONDS")  # the unreachable one with the app's own short timeout
    _use(monkeypatch, REDIS_URL=f"redis://127.0.0.1:{free_port()}/0")
    body = {"email": "", "password": ""}
    for _ in range(LOGIN_ATTEMPTS.limit):
        assert (await client.post(LOGIN, json=body)).status_code == 422
    limited = await client.post(LOGIN, json=body)
    assert_error(limited, 429, "rate_limited")
    assert 1 <= int(limited.headers["retry-after"]) <= 60
    health = await client.get("/api/health")
    assert health.status_code == 200
    assert health.json()["status"] == "degraded"
    assert health.json()["checks"]["rate_limits"] == health.json()["checks"]["cache"] == "unavailable"
    assert health.json()["degraded"] == ["cache", "rate_limits"]


async def test_health_follows_redis_going_away_and_coming_back(
    client: httpx.AsyncClient, prefix: str, other_worker: RedisRateLimiter, monkeypatch: pytest.MonkeyPatch
) -> None:
    healthy = (await client.get("/api/health")).json()
    assert healthy["status"] == "healthy" and healthy["checks"]["rate_limits"] == "ok"
    assert "degraded" not in healthy
    link = shared_link()
    assert link is not None

    def down(*args: object, **kwargs: object) -> None:
        raise RedisConnectionError("Redis went away")

    monkeypatch.setattr(link, "retry_seconds", 0)  # probe Redis on every call rather than every few seconds
    body = {"email": "", "password": ""}
    with monkeypatch.context() as outage:
        outage.setattr(link.client.connection_pool, "get_connection", down)
        for _ in range(3):
            assert (await client.post(LOGIN, json=body)).status_code == 422  # served while Redis is away
        during = (await client.get("/api/health")).json()
        assert during["status"] == "degraded" and during["degraded"] == ["rate_limits"]
    after = (await client.get("/api/health")).json()
    assert after["status"] == "healthy" and after["checks"]["rate_limits"] == "ok"
    for _ in range(LOGIN_ATTEMPTS.limit):
        assert other_worker.hit(f"login:{CLIENT_IP}", limit=LOGIN_ATTEMPTS.limit, window_seconds=60) == 0.0
    assert_error(await client.post(LOGIN, json=body), 429, "rate_limited")  # the shared budget again


async def test_the_machine_itself_is_not_limited_per_address_but_still_per_user(
    engine: Engine, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Health checks, local scripts and black-box evaluations run on the server's own machine.
    _use(monkeypatch, RATE_LIMITS_ENABLED="true")
    local = httpx.ASGITransport(app=fastapi_app, client=("127.0.0.1", 50_000))
    async with httpx.AsyncClient(transport=local, base_url="http://testserver") as http:
        tokens = []
        for number in range(REGISTRATIONS_PER_MINUTE + 5):
            body = {"email": f"local-{number}-{uuid.uuid4().hex[:6]}@example.com", "password": "caravan-sunsets-2026"}
            registered = await http.post("/api/v1/auth/register", json=body)
            assert registered.status_code == 201, registered.text
            tokens.append(registered.json()["access_token"])
        headers = {"Authorization": f"Bearer {tokens[0]}"}
        for _ in range(PAM_MESSAGES.limit):
            assert (await http.post(CHAT, json={"message": "hi"}, headers=headers)).status_code == 200
        assert_error(await http.post(CHAT, json={"message": "hi"}, headers=headers), 429, "rate_limited")


async def test_exempt_addresses_are_configurable_and_a_bad_entry_is_ignored(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use(monkeypatch, RATE_LIMITS_ENABLED="true", RATE_LIMIT_EXEMPT_ADDRESSES='["not-an-address", "203.0.113.0/24"]')
    body = {"email": "", "password": ""}
    for _ in range(LOGIN_ATTEMPTS.limit + 5):
        assert (await client.post(LOGIN, json=body)).status_code == 422

    _use(monkeypatch, RATE_LIMITS_ENABLED="true", RATE_LIMIT_EXEMPT_ADDRESSES="[]")  # no exemptions: counted again
    for _ in range(LOGIN_ATTEMPTS.limit):
        assert (await client.post(LOGIN, json=body)).status_code == 422
    assert_error(await client.post(LOGIN, json=body), 429, "rate_limited")

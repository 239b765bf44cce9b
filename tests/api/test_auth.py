"""Accounts over HTTP: register, log in, log out, change password, throttling and rate limits."""

from __future__ import annotations

import httpx
import pytest

from tests.api import Account, assert_error
from wheels_wins.services import throttle as throttle_service
from wheels_wins.services.throttle import LoginThrottle
from wheels_wins.settings import get_settings

PASSWORD = "kookaburra-at-dawn"
REGISTER = "/api/v1/auth/register"
LOGIN = "/api/v1/auth/login"


async def _register(client: httpx.AsyncClient, email: str = "Nomad@Example.com", **extra: str) -> httpx.Response:
    return await client.post(REGISTER, json={"email": email, "password": PASSWORD, "full_name": "Jo Nomad", **extra})


async def test_register_login_me_logout_round_trip(client: httpx.AsyncClient) -> None:
    registered = await _register(client)
    assert registered.status_code == 201, registered.text
    body = registered.json()
    assert body["token_type"] == "bearer" and body["access_token"]
    assert body["user"] == {"id": body["user"]["id"], "email": "nomad@example.com", "full_name": "Jo Nomad"}

    logged_in = await client.post(LOGIN, json={"email": " NOMAD@example.com ", "password": PASSWORD})
    assert logged_in.status_code == 200, logged_in.text
    token = logged_in.json()["access_token"]
    assert token != body["access_token"]
    assert logged_in.json()["user"]["id"] == body["user"]["id"]

    headers = {"Authorization": f"Bearer {token}"}
    me = await client.get("/api/v1/me", headers=headers)
    assert me.status_code == 200 and me.json()["email"] == "nomad@example.com"

    assert (await client.post("/api/v1/auth/logout", headers=headers)).status_code == 204
    assert_error(await client.get("/api/v1/me", headers=headers), 401)
    # The registration token is a different session and still works.
    other = {"Authorization": f"Bearer {body['access_token']}"}
    assert (await client.get("/api/v1/me", headers=other)).status_code == 200


async def test_register_conflict_and_validation(client: httpx.AsyncClient) -> None:
    assert (await _register(client)).status_code == 201
    assert_error(await _register(client, email="NOMAD@example.com"), 409, "email_taken")
    assert_error(await _register(client, email="not-an-email"), 422, "invalid_email", mentions="email")
    assert_error(
        await client.post(REGISTER, json={"email": "new@example.com", "password": "password"}),
        422,
        "invalid_password",
        mentions="password",
    )
    assert_error(
        await client.post(REGISTER, json={"password": PASSWORD}), 422, "validation_error", mentions="email: is required"
    )
    assert_error(await client.post(REGISTER, content=b"{not json", headers={"content-type": "application/json"}), 422)


async def test_login_failures_are_uniform_401(client: httpx.AsyncClient) -> None:
    assert (await _register(client)).status_code == 201
    wrong = await client.post(LOGIN, json={"email": "nomad@example.com", "password": "wrong-password-123"})
    unknown = await client.post(LOGIN, json={"email": "ghost@example.com", "password": PASSWORD})
    first, second = assert_error(wrong, 401, "invalid_credentials"), assert_error(unknown, 401, "invalid_credentials")
    assert first == second
    assert wrong.headers["www-authenticate"] == "Bearer"
    assert_error(await client.post(LOGIN, json={"email": "nomad@example.com"}), 422, mentions="password")


async def test_change_password_rotates_sessions(client: httpx.AsyncClient) -> None:
    token = (await _register(client)).json()["access_token"]
    headers = {"Authorization": f"Bearer {token}"}
    url = "/api/v1/auth/password"
    assert_error(await client.post(url, json={"current_password": PASSWORD, "new_password": "x"}), 401)
    assert_error(
        await client.post(
            url, headers=headers, json={"current_password": "nope-nope-nope", "new_password": "emu-crossing-99"}
        ),
        422,
        "invalid_current_password",
        mentions="current_password",
    )
    assert_error(
        await client.post(url, headers=headers, json={"current_password": PASSWORD, "new_password": "password1"}),
        422,
        "invalid_password",
        mentions="new_password",
    )
    changed = await client.post(
        url, headers=headers, json={"current_password": PASSWORD, "new_password": "emu-crossing-99"}
    )
    assert changed.status_code == 200, changed.text
    new_token = changed.json()["access_token"]
    assert_error(await client.get("/api/v1/me", headers=headers), 401)
    assert (await client.get("/api/v1/me", headers={"Authorization": f"Bearer {new_token}"})).status_code == 200
    assert (
        await client.post(LOGIN, json={"email": "nomad@example.com", "password": "emu-crossing-99"})
    ).status_code == 200


@pytest.mark.parametrize(
    "headers",
    [
        {},
        {"Authorization": "Bearer"},
        {"Authorization": "Bearer not-a-real-token"},
        {"Authorization": "Basic dXNlcjpwYXNz"},
    ],
)
async def test_protected_routes_need_a_valid_bearer_token(client: httpx.AsyncClient, headers: dict[str, str]) -> None:
    response = await client.get("/api/v1/me", headers=headers)
    assert_error(response, 401, "not_authenticated")
    assert response.headers["www-authenticate"] == "Bearer"


async def test_logout_requires_a_token(client: httpx.AsyncClient) -> None:
    assert_error(await client.post("/api/v1/auth/logout"), 401)


async def test_repeated_login_failures_slow_down_then_429(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, alice: Account
) -> None:
    throttle = LoginThrottle(free_failures=1, base_delay=0.01, max_delay=60)
    monkeypatch.setattr(throttle_service, "get_login_throttle", lambda: throttle)
    monkeypatch.setattr(get_settings(), "rate_limits_enabled", True)
    body = {"email": "ghost@example.com", "password": "wrong-password-123"}
    for _ in range(3):
        assert_error(await client.post(LOGIN, json=body), 401)
    throttle.base_delay = 100  # the next wait is far too long to hold the connection for
    response = await client.post(LOGIN, json=body)
    assert_error(response, 429, "rate_limited")
    assert int(response.headers["retry-after"]) >= 6


async def test_throttle_is_off_when_rate_limits_are_disabled(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    throttle = LoginThrottle(free_failures=0, base_delay=100, max_delay=100)
    monkeypatch.setattr(throttle_service, "get_login_throttle", lambda: throttle)
    assert get_settings().rate_limits_enabled is False  # tests/conftest.py sets RATE_LIMITS_ENABLED=false
    body = {"email": "ghost@example.com", "password": "wrong-password-123"}
    for _ in range(3):
        assert_error(await client.post(LOGIN, json=body), 401)


async def test_per_ip_rate_limit_on_login(client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "rate_limits_enabled", True)
    body = {"email": "", "password": ""}  # cheap 422s still count against the limit
    for _ in range(20):
        assert (await client.post(LOGIN, json=body)).status_code == 422
    limited = await client.post(LOGIN, json=body)
    assert_error(limited, 429, "rate_limited")
    assert 1 <= int(limited.headers["retry-after"]) <= 60

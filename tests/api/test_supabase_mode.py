"""REST accounts in Supabase mode: register, confirm, log in and change the password through Supabase Auth (a local GoTrue stub)."""

from __future__ import annotations

import httpx

from tests.api import assert_error
from tests.services.test_supabase_auth import PASSWORD, supabase  # noqa: F401 - the GoTrue stub fixture
from wheels_wins.services import supabase_auth

NEW_PASSWORD = "quieter-back-roads-88"


async def test_register_waits_for_confirmation_then_login_works(client: httpx.AsyncClient, supabase) -> None:  # noqa: F811
    stub = supabase(confirm_email=True)
    body = {"email": "Robin@Example.com", "password": PASSWORD, "full_name": "Robin Roadie"}
    pending = await client.post("/api/v1/auth/register", json=body)
    assert pending.status_code == 202, pending.text
    assert pending.json() == {"status": "confirmation_required", "message": supabase_auth.CONFIRMATION_SENT}

    login = {"email": "robin@example.com", "password": PASSWORD}
    assert_error(await client.post("/api/v1/auth/login", json=login), 403, "email_not_confirmed")
    stub.confirm("robin@example.com")
    signed_in = await client.post("/api/v1/auth/login", json=login)
    assert signed_in.status_code == 200, signed_in.text
    token = signed_in.json()["access_token"]
    me = await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token}"})
    assert me.status_code == 200 and me.json()["email"] == "robin@example.com"
    assert_error(await client.post("/api/v1/auth/register", json=body), 409, "email_taken")


async def test_password_change_and_login_go_through_supabase(client: httpx.AsyncClient, supabase) -> None:  # noqa: F811
    stub = supabase()
    created = await client.post("/api/v1/auth/register", json={"email": "kai@example.com", "password": PASSWORD})
    assert created.status_code == 201, created.text
    headers = {"Authorization": f"Bearer {created.json()['access_token']}"}

    wrong = {"current_password": "not-my-password-at-all", "new_password": NEW_PASSWORD}
    assert_error(
        await client.post("/api/v1/auth/password", json=wrong, headers=headers), 422, "invalid_current_password"
    )
    changed = await client.post(
        "/api/v1/auth/password", json={"current_password": PASSWORD, "new_password": NEW_PASSWORD}, headers=headers
    )
    assert changed.status_code == 200, changed.text
    assert stub.users["kai@example.com"].password == NEW_PASSWORD
    assert_error(await client.get("/api/v1/me", headers=headers), 401)  # other sessions were signed out

    old = {"email": "kai@example.com", "password": PASSWORD}
    assert_error(await client.post("/api/v1/auth/login", json=old), 401, "invalid_credentials")
    new = {"email": "kai@example.com", "password": NEW_PASSWORD}
    assert (await client.post("/api/v1/auth/login", json=new)).status_code == 200


async def test_supabase_down_is_503_in_the_envelope(client: httpx.AsyncClient, supabase) -> None:  # noqa: F811
    stub = supabase()
    stub.down = True
    response = await client.post("/api/v1/auth/login", json={"email": "any@example.com", "password": PASSWORD})
    assert_error(response, 503, "auth_unavailable")


async def test_closing_a_supabase_account_checks_the_password_with_supabase(
    client: httpx.AsyncClient,
    supabase,  # noqa: F811
) -> None:
    supabase()
    created = await client.post("/api/v1/auth/register", json={"email": "noa@example.com", "password": PASSWORD})
    headers = {"Authorization": f"Bearer {created.json()['access_token']}"}
    wrong = await client.request("DELETE", "/api/v1/me", json={"password": "not-my-password-at-all"}, headers=headers)
    assert_error(wrong, 403, "wrong_password")
    assert (await client.get("/api/v1/me", headers=headers)).status_code == 200
    closed = await client.request("DELETE", "/api/v1/me", json={"password": PASSWORD}, headers=headers)
    assert closed.status_code == 204, closed.text
    assert_error(await client.get("/api/v1/me", headers=headers), 401)

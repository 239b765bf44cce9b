"""All my data as a zip, and closing the account with the password."""

from __future__ import annotations

import io
import json
import uuid
import zipfile

import httpx

from tests.api import Account, assert_error
from wheels_wins.services.data_export import FOLDER

PASSWORD = "long-dusty-roads-42"
EXPENSE = {"amount": "12.50", "category": "dining", "date": "2026-03-01"}


async def _register(client: httpx.AsyncClient, name: str = "Casey Wanders") -> Account:
    email = f"casey-{uuid.uuid4().hex[:8]}@example.com"
    response = await client.post(
        "/api/v1/auth/register", json={"email": email, "password": PASSWORD, "full_name": name}
    )
    assert response.status_code == 201, response.text
    body = response.json()
    return Account(id=body["user"]["id"], email=email, token=body["access_token"])


async def test_export_is_a_zip_attachment_of_my_data_only(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    await client.post("/api/v1/expenses", json=EXPENSE, headers=alice.headers)
    await client.post("/api/v1/expenses", json={**EXPENSE, "amount": "99.00"}, headers=bob.headers)

    response = await client.get("/api/v1/me/export", headers=alice.headers)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "application/zip"
    disposition = response.headers["content-disposition"]
    assert disposition.startswith('attachment; filename="wheels-wins-export-') and disposition.endswith('.zip"')
    assert response.headers["cache-control"] == "no-store"

    with zipfile.ZipFile(io.BytesIO(response.content)) as archive:
        expenses = json.loads(archive.read(f"{FOLDER}/expenses.json"))
        profile = json.loads(archive.read(f"{FOLDER}/profile.json"))
        sessions = json.loads(archive.read(f"{FOLDER}/auth_sessions.json"))
    assert [e["amount"] for e in expenses] == ["12.50"]
    assert profile[0]["email"] == alice.email and "password_hash" not in profile[0]
    assert len(sessions) == 1 and "token_hash" not in sessions[0]


async def test_export_needs_a_token_and_a_read_only_token_may_export(client: httpx.AsyncClient, alice: Account) -> None:
    assert_error(await client.get("/api/v1/me/export"), 401)
    created = await client.post("/api/v1/me/tokens", json={"name": "Backup", "scope": "read"}, headers=alice.headers)
    read = {"Authorization": f"Bearer {created.json()['token']}"}
    response = await client.get("/api/v1/me/export", headers=read)
    assert response.status_code == 200 and response.content.startswith(b"PK")


async def test_delete_account_with_the_password(client: httpx.AsyncClient, bob: Account) -> None:
    casey = await _register(client)
    await client.post("/api/v1/expenses", json=EXPENSE, headers=casey.headers)
    pat = (
        await client.post("/api/v1/me/tokens", json={"name": "Sync", "scope": "write"}, headers=casey.headers)
    ).json()
    pat_headers = {"Authorization": f"Bearer {pat['token']}"}
    await client.post("/api/v1/expenses", json=EXPENSE, headers=bob.headers)

    wrong = await client.request("DELETE", "/api/v1/me", json={"password": "not-it-at-all"}, headers=casey.headers)
    assert_error(wrong, 403, "wrong_password", mentions="incorrect")
    by_token = await client.request("DELETE", "/api/v1/me", json={"password": PASSWORD}, headers=pat_headers)
    assert_error(by_token, 403, "session_required")
    assert_error(await client.request("DELETE", "/api/v1/me", json={}, headers=casey.headers), 422, mentions="password")
    assert (await client.get("/api/v1/expenses", headers=casey.headers)).json()["total"] == 1

    gone = await client.request("DELETE", "/api/v1/me", json={"password": PASSWORD}, headers=casey.headers)
    assert gone.status_code == 204, gone.text
    assert gone.content == b""

    assert_error(await client.get("/api/v1/me", headers=casey.headers), 401)
    assert_error(await client.get("/api/v1/me", headers=pat_headers), 401)
    login = await client.post("/api/v1/auth/login", json={"email": casey.email, "password": PASSWORD})
    assert_error(login, 401, "invalid_credentials")
    assert (await client.get("/api/v1/expenses", headers=bob.headers)).json()["total"] == 1

    again = await _register(client)  # the address is free again
    assert again.email != casey.email


async def test_delete_account_needs_a_token(client: httpx.AsyncClient) -> None:
    assert_error(await client.request("DELETE", "/api/v1/me", json={"password": PASSWORD}), 401)

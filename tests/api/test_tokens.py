"""Personal access tokens: shown once, hashed at rest, scoped, revocable, managed only when signed in."""

from __future__ import annotations

import datetime as dt
import hashlib
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tests.api import Account, assert_error
from wheels_wins.models import PersonalAccessToken
from wheels_wins.services import auth

TOKENS = "/api/v1/me/tokens"
EXPENSE = {"amount": "12.50", "category": "dining", "date": "2026-03-01"}


async def _create(client: httpx.AsyncClient, account: Account, scope: str = "read", name: str = "Sheets") -> dict:
    response = await client.post(TOKENS, json={"name": name, "scope": scope}, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()


def _bearer(token: str) -> dict[str, str]:
    return {"Authorization": f"Bearer {token}"}


def _row(owner_db: Engine, token_id: str) -> PersonalAccessToken:
    with Session(owner_db) as session:
        row = session.get(PersonalAccessToken, uuid.UUID(token_id))
        assert row is not None
        session.expunge(row)
        return row


async def test_create_shows_the_token_once_and_stores_only_its_hash(
    client: httpx.AsyncClient, alice: Account, owner_db: Engine
) -> None:
    created = await _create(client, alice, scope="write", name="  Home Assistant  ")
    token = created["token"]
    assert token.startswith("ww_pat_") and len(token) >= 7 + 43
    assert created["name"] == "Home Assistant" and created["scope"] == "write"
    assert created["prefix"] == token[:12] and created["last_used_at"] is None

    listed = (await client.get(TOKENS, headers=alice.headers)).json()
    assert listed["total"] == 1
    assert "token" not in listed["items"][0]
    assert {k: listed["items"][0][k] for k in ("id", "name", "scope", "prefix")} == {
        k: created[k] for k in ("id", "name", "scope", "prefix")
    }
    assert token not in str(listed)

    row = _row(owner_db, created["id"])
    assert row.token_hash == hashlib.sha256(token.encode()).hexdigest()
    assert all(token not in str(value) for value in row.model_dump().values())


async def test_read_only_token_reads_but_every_write_is_403(client: httpx.AsyncClient, alice: Account) -> None:
    expense = (await client.post("/api/v1/expenses", json=EXPENSE, headers=alice.headers)).json()
    read = _bearer((await _create(client, alice, scope="read"))["token"])

    assert (await client.get("/api/v1/me", headers=read)).json()["id"] == alice.id
    listed = await client.get("/api/v1/expenses", headers=read)
    assert listed.status_code == 200 and listed.json()["total"] == 1
    assert (await client.get(f"/api/v1/expenses/{expense['id']}", headers=read)).status_code == 200

    writes: list[tuple[str, str, Any]] = [
        ("POST", "/api/v1/expenses", EXPENSE),
        ("POST", "/api/v1/expenses", {"nonsense": True}),  # refused before the body is even looked at
        ("PATCH", f"/api/v1/expenses/{expense['id']}", {"amount": "1.00"}),
        ("DELETE", f"/api/v1/expenses/{expense['id']}", None),
        ("PUT", "/api/v1/budgets/fuel", {"amount": "100"}),
        ("PATCH", "/api/v1/me", {"full_name": "Mallory"}),
        ("POST", "/api/v1/trips", {"title": "T", "waypoints": [{"name": "Sydney"}, {"name": "Canberra"}]}),
    ]
    for method, url, body in writes:
        response = await client.request(method, url, json=body, headers=read)
        error = assert_error(response, 403, "read_only_token", mentions="read-only")
        assert "read and write" in error["message"], (method, url)

    after = (await client.get(f"/api/v1/expenses/{expense['id']}", headers=alice.headers)).json()
    assert after == expense
    assert (await client.get("/api/v1/me", headers=alice.headers)).json()["full_name"] == "Alice Nomad"


async def test_write_token_can_change_data(client: httpx.AsyncClient, alice: Account) -> None:
    write = _bearer((await _create(client, alice, scope="write"))["token"])
    created = await client.post("/api/v1/expenses", json=EXPENSE, headers=write)
    assert created.status_code == 201, created.text
    assert (await client.get("/api/v1/expenses", headers=alice.headers)).json()["total"] == 1
    assert (await client.delete(f"/api/v1/expenses/{created.json()['id']}", headers=write)).status_code == 204


@pytest.mark.parametrize("scope", ["read", "write"])
async def test_a_token_cannot_manage_tokens_passwords_or_sessions(
    client: httpx.AsyncClient, alice: Account, scope: str
) -> None:
    created = await _create(client, alice, scope=scope)
    pat = _bearer(created["token"])
    refused = [
        ("GET", TOKENS, None),
        ("POST", TOKENS, {"name": "Another", "scope": "write"}),
        ("DELETE", f"{TOKENS}/{created['id']}", None),
        ("POST", "/api/v1/auth/password", {"current_password": "x", "new_password": "y" * 12}),
        ("POST", "/api/v1/auth/logout", None),
    ]
    for method, url, body in refused:
        assert_error(await client.request(method, url, json=body, headers=pat), 403, "session_required")
    assert (await client.get(TOKENS, headers=alice.headers)).json()["total"] == 1
    assert (await client.get("/api/v1/me", headers=pat)).status_code == 200


async def test_revoked_token_is_401_at_once(client: httpx.AsyncClient, alice: Account) -> None:
    created = await _create(client, alice)
    pat = _bearer(created["token"])
    assert (await client.get("/api/v1/me", headers=pat)).status_code == 200

    assert (await client.delete(f"{TOKENS}/{created['id']}", headers=alice.headers)).status_code == 204
    assert_error(await client.get("/api/v1/me", headers=pat), 401, "not_authenticated")
    assert (await client.get(TOKENS, headers=alice.headers)).json() == {"items": [], "total": 0}
    assert_error(await client.delete(f"{TOKENS}/{created['id']}", headers=alice.headers), 404, "not_found")
    assert_error(await client.delete(f"{TOKENS}/not-a-uuid", headers=alice.headers), 404, "not_found")


async def test_unknown_tokens_are_401(client: httpx.AsyncClient, alice: Account) -> None:
    created = await _create(client, alice)
    assert_error(await client.get("/api/v1/me", headers=_bearer(created["token"] + "x")), 401)
    assert_error(await client.get("/api/v1/me", headers=_bearer("ww_pat_")), 401)
    assert_error(await client.get(TOKENS), 401)


async def test_tokens_are_per_user(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    created = await _create(client, alice, scope="write")
    await client.post("/api/v1/expenses", json=EXPENSE, headers=alice.headers)
    await client.post("/api/v1/expenses", json={**EXPENSE, "amount": "99.00"}, headers=bob.headers)

    assert (await client.get(TOKENS, headers=bob.headers)).json() == {"items": [], "total": 0}
    assert_error(await client.delete(f"{TOKENS}/{created['id']}", headers=bob.headers), 404, "not_found")

    pat = _bearer(created["token"])
    mine = (await client.get("/api/v1/expenses", headers=pat)).json()
    assert [item["amount"] for item in mine["items"]] == ["12.50"]
    assert (await client.get("/api/v1/me", headers=pat)).json()["id"] == alice.id


async def test_last_used_is_recorded_at_most_once_a_minute(
    client: httpx.AsyncClient, alice: Account, owner_db: Engine
) -> None:
    created = await _create(client, alice)
    pat = _bearer(created["token"])
    await client.get("/api/v1/me", headers=pat)
    first = _row(owner_db, created["id"]).last_used_at
    assert first is not None
    await client.get("/api/v1/me", headers=pat)
    assert _row(owner_db, created["id"]).last_used_at == first

    with Session(owner_db) as session:  # pretend the last use was two minutes ago
        row = session.exec(select(PersonalAccessToken).where(PersonalAccessToken.id == uuid.UUID(created["id"]))).one()
        row.last_used_at = first - dt.timedelta(minutes=2)
        session.add(row)
        session.commit()
    await client.get("/api/v1/me", headers=pat)
    assert _row(owner_db, created["id"]).last_used_at > first - dt.timedelta(seconds=1)
    listed = (await client.get(TOKENS, headers=alice.headers)).json()["items"][0]
    assert listed["last_used_at"] is not None


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"name": "   ", "scope": "read"}, "name"),
        ({"name": "x" * 81, "scope": "read"}, "name"),
        ({"name": "Sheets", "scope": "admin"}, "scope"),
        ({"scope": "read"}, "name"),
    ],
)
async def test_create_validation(client: httpx.AsyncClient, alice: Account, body: dict, field: str) -> None:
    assert_error(await client.post(TOKENS, json=body, headers=alice.headers), 422, mentions=field)
    assert (await client.get(TOKENS, headers=alice.headers)).json()["total"] == 0


async def test_a_token_never_signs_in_the_browser_app(
    client: httpx.AsyncClient, alice: Account, owner_db: Engine
) -> None:
    created = await _create(client, alice, scope="write")
    with Session(owner_db) as session:
        assert auth.authenticate(session, created["token"]) is None  # the Reflex pages accept sessions only

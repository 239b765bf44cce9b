"""The signed-in user's profile and preferences."""

from __future__ import annotations

import httpx
import pytest

from tests.api import Account, assert_error


async def test_get_me(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.get("/api/v1/me", headers=alice.headers)
    assert response.status_code == 200
    body = response.json()
    assert body["id"] == alice.id and body["email"] == alice.email and body["full_name"] == "Alice Nomad"
    assert body["preferences"] == {"currency": "AUD", "units": "metric", "timezone": "UTC"}


async def test_patch_me_partially(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.patch(
        "/api/v1/me", headers=alice.headers, json={"preferences": {"currency": "nzd", "timezone": "Pacific/Auckland"}}
    )
    assert response.status_code == 200, response.text
    assert response.json()["preferences"] == {"currency": "NZD", "units": "metric", "timezone": "Pacific/Auckland"}
    renamed = await client.patch("/api/v1/me", headers=alice.headers, json={"full_name": "  Alice Roams  "})
    assert renamed.json()["full_name"] == "Alice Roams"
    assert renamed.json()["preferences"]["currency"] == "NZD"
    units = await client.patch("/api/v1/me", headers=alice.headers, json={"preferences": {"units": "imperial"}})
    assert units.json()["preferences"] == {"currency": "NZD", "units": "imperial", "timezone": "Pacific/Auckland"}
    assert (await client.get("/api/v1/me", headers=alice.headers)).json() == units.json()


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"preferences": {"timezone": "Mars/Olympus_Mons"}}, "preferences.timezone"),
        ({"preferences": {"timezone": "localtime"}}, "preferences.timezone"),
        ({"preferences": {"currency": "DOLLARS"}}, "preferences.currency"),
        ({"preferences": {"currency": "A1D"}}, "preferences.currency"),
        ({"preferences": {"units": "furlongs"}}, "preferences.units"),
        ({"full_name": None}, "full_name"),
        ({"full_name": "x" * 121}, "full_name"),
    ],
)
async def test_patch_me_validation(client: httpx.AsyncClient, alice: Account, body: dict, field: str) -> None:
    assert_error(
        await client.patch("/api/v1/me", headers=alice.headers, json=body), 422, "validation_error", mentions=field
    )
    assert (await client.get("/api/v1/me", headers=alice.headers)).json()["preferences"]["timezone"] == "UTC"


async def test_me_needs_a_token(client: httpx.AsyncClient) -> None:
    assert_error(await client.get("/api/v1/me"), 401)
    assert_error(await client.patch("/api/v1/me", json={"full_name": "x"}), 401)

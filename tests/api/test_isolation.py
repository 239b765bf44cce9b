"""Another user's records answer 404 on every collection and are left untouched."""

from __future__ import annotations

import io
import zipfile
from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error

# collection -> (create body, a valid partial update)
COLLECTIONS: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "expenses": ({"amount": "12.50", "category": "dining", "date": "2026-03-01"}, {"amount": "1.00"}),
    "income": ({"amount": "300", "source": "Caretaking", "date": "2026-03-01"}, {"source": "Stolen"}),
    "trips": ({"title": "Mine", "waypoints": [{"name": "Sydney"}, {"name": "Canberra"}]}, {"title": "Theirs"}),
    "fuel": ({"date": "2026-03-01", "litres": "40", "total_cost": "80"}, {"total_cost": "1.00"}),
    "maintenance": ({"task": "Grease bearings", "cost": "45"}, {"task": "Nothing"}),
    "maintenance/schedules": ({"task": "Oil change", "every_km": 10000}, {"task": "Nothing"}),
    "calendar": ({"title": "Ferry", "start": "2026-03-01"}, {"title": "Cancelled"}),
    "posts": ({"content": "Mine to edit"}, {"content": "Defaced"}),
    "places": ({"name": "Lake Keepit", "kind": "free_camp", "lat": -30.87, "lon": 150.52}, {"name": "Theirs"}),
}


@pytest.mark.parametrize("collection", list(COLLECTIONS))
async def test_other_users_records_are_404(
    client: httpx.AsyncClient, alice: Account, bob: Account, collection: str
) -> None:
    url = f"/api/v1/{collection}"
    create, update = COLLECTIONS[collection]
    created = await client.post(url, json=create, headers=alice.headers)
    assert created.status_code == 201, created.text
    record = created.json()
    item = f"{url}/{record['id']}"

    if collection == "posts":  # the community feed is shared; only changing a post is the author's
        assert (await client.get(item, headers=bob.headers)).status_code == 200
    else:
        assert_error(await client.get(item, headers=bob.headers), 404, "not_found")
        assert (await client.get(url, headers=bob.headers)).json() == {"items": [], "total": 0}
    assert_error(await client.patch(item, json=update, headers=bob.headers), 404, "not_found")
    assert_error(await client.delete(item, headers=bob.headers), 404, "not_found")

    assert (await client.get(item, headers=alice.headers)).json() == record
    assert (await client.get(url, headers=alice.headers)).json()["total"] == 1


async def test_expenses_and_summaries_are_per_user(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    await client.post(
        "/api/v1/fuel", json={"date": "2026-03-01", "litres": "40", "total_cost": "80"}, headers=alice.headers
    )
    window = {"start": "2026-03-01", "end": "2026-03-31"}
    assert (await client.get("/api/v1/expenses/summary", params=window, headers=bob.headers)).json()["total"] == "0.00"
    assert (await client.get("/api/v1/expenses/summary", params=window, headers=alice.headers)).json()[
        "total"
    ] == "80.00"


async def test_cannot_attach_to_another_users_trip(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    trip = (await client.post("/api/v1/trips", json=COLLECTIONS["trips"][0], headers=alice.headers)).json()
    body = {"amount": "5", "category": "dining", "trip_id": trip["id"]}
    assert_error(await client.post("/api/v1/expenses", json=body, headers=bob.headers), 422, mentions="trip_id")
    fuel = {"litres": "10", "total_cost": "20", "trip_id": trip["id"]}
    assert_error(await client.post("/api/v1/fuel", json=fuel, headers=bob.headers), 422, mentions="trip_id")
    assert (await client.get("/api/v1/expenses", params={"trip_id": trip["id"]}, headers=bob.headers)).json()[
        "total"
    ] == 0


async def test_access_tokens_and_exports_are_per_user(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    token = (await client.post("/api/v1/me/tokens", json={"name": "Alice's sync"}, headers=alice.headers)).json()
    for collection, (create, _) in COLLECTIONS.items():
        assert (await client.post(f"/api/v1/{collection}", json=create, headers=alice.headers)).status_code == 201

    assert (await client.get("/api/v1/me/tokens", headers=bob.headers)).json() == {"items": [], "total": 0}
    assert_error(await client.delete(f"/api/v1/me/tokens/{token['id']}", headers=bob.headers), 404, "not_found")
    export = await client.get("/api/v1/me/export", headers=bob.headers)
    assert export.status_code == 200
    with zipfile.ZipFile(io.BytesIO(export.content)) as archive:
        contents = "".join(archive.read(name).decode() for name in archive.namelist())
    assert alice.id not in contents and "Alice's sync" not in contents and "Lake Keepit" not in contents
    assert (await client.get("/api/v1/me", headers={"Authorization": f"Bearer {token['token']}"})).status_code == 200

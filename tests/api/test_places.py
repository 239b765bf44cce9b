"""Saved places over REST: CRUD, validation naming the field, nearest-first lists, isolation, OpenAPI."""

from __future__ import annotations

import httpx
import pytest

from tests.api import Account, assert_error

URL = "/api/v1/places"
KEEPIT = {"name": "Lake Keepit", "kind": "free_camp", "lat": -30.87, "lon": 150.52, "notes": "Shady", "rating": 4}


async def _save(client: httpx.AsyncClient, who: Account, **body: object) -> dict:
    response = await client.post(URL, json=body, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_save_and_read_a_place(client: httpx.AsyncClient, alice: Account) -> None:
    place = await _save(client, alice, **KEEPIT)
    assert set(place) == {"id", "name", "kind", "lat", "lon", "notes", "rating", "created_at", "distance_km"}
    assert {k: place[k] for k in KEEPIT} == KEEPIT
    assert place["distance_km"] is None
    assert (await client.get(f"{URL}/{place['id']}", headers=alice.headers)).json() == place

    minimal = await _save(client, alice, name="  Somewhere  ", lat=0, lon=0)
    assert (minimal["name"], minimal["kind"], minimal["notes"], minimal["rating"]) == ("Somewhere", "other", "", None)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({**KEEPIT, "name": "x" * 121}, "name"),
        ({**KEEPIT, "name": "   "}, "name"),
        ({k: v for k, v in KEEPIT.items() if k != "name"}, "name"),
        ({**KEEPIT, "kind": "pub"}, "kind"),
        ({**KEEPIT, "lat": 90.5}, "lat"),
        ({**KEEPIT, "lon": -181}, "lon"),
        ({k: v for k, v in KEEPIT.items() if k != "lat"}, "lat"),
        ({**KEEPIT, "notes": "n" * 1001}, "notes"),
        ({**KEEPIT, "rating": 0}, "rating"),
        ({**KEEPIT, "rating": 6}, "rating"),
        ({**KEEPIT, "rating": 4.5}, "rating"),
    ],
)
async def test_invalid_places_are_422_naming_the_field(
    client: httpx.AsyncClient, alice: Account, body: dict, field: str
) -> None:
    assert_error(await client.post(URL, json=body, headers=alice.headers), 422, "validation_error", mentions=field)


async def test_update_and_delete(client: httpx.AsyncClient, alice: Account) -> None:
    place = await _save(client, alice, **KEEPIT)
    item = f"{URL}/{place['id']}"
    changed = await client.patch(
        item, json={"rating": None, "kind": "campground", "notes": "Fees now"}, headers=alice.headers
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["rating"], body["kind"], body["notes"], body["name"]) == (
        None,
        "campground",
        "Fees now",
        "Lake Keepit",
    )
    assert (await client.get(item, headers=alice.headers)).json() == body

    assert_error(await client.patch(item, json={"name": None}, headers=alice.headers), 422, mentions="name")
    assert_error(await client.patch(item, json={"rating": 9}, headers=alice.headers), 422, mentions="rating")
    assert_error(await client.patch(item, json={"lat": 100}, headers=alice.headers), 422, mentions="lat")

    assert (await client.delete(item, headers=alice.headers)).status_code == 204
    assert_error(await client.get(item, headers=alice.headers), 404, "not_found")
    assert_error(await client.delete(item, headers=alice.headers), 404, "not_found")
    assert_error(await client.get(f"{URL}/not-a-uuid", headers=alice.headers), 404, "not_found")


async def test_lists_newest_first_or_nearest_first(client: httpx.AsyncClient, alice: Account) -> None:
    far = await _save(client, alice, name="Cairns camp", kind="campground", lat=-16.92, lon=145.78)
    near = await _save(client, alice, name="Dubbo dump point", kind="dump_point", lat=-32.25, lon=148.61)
    middle = await _save(client, alice, name="Orange Caltex", kind="fuel", lat=-33.28, lon=149.10)

    listing = (await client.get(URL, headers=alice.headers)).json()
    assert listing["total"] == 3
    assert [p["id"] for p in listing["items"]] == [middle["id"], near["id"], far["id"]]
    assert all(p["distance_km"] is None for p in listing["items"])

    nearest = (await client.get(URL, params={"near": "-32.2569,148.6011"}, headers=alice.headers)).json()
    assert [p["name"] for p in nearest["items"]] == ["Dubbo dump point", "Orange Caltex", "Cairns camp"]
    assert nearest["total"] == 3
    kms = [p["distance_km"] for p in nearest["items"]]
    assert kms == sorted(kms) and kms[0] < 2 and 100 < kms[1] < 150 and kms[2] > 1500

    paged = (
        await client.get(URL, params={"near": "-32.2569,148.6011", "limit": 1, "offset": 1}, headers=alice.headers)
    ).json()
    assert [p["name"] for p in paged["items"]] == ["Orange Caltex"] and paged["total"] == 3

    fuel = (await client.get(URL, params={"near": "-32.25,148.6", "kind": "fuel"}, headers=alice.headers)).json()
    assert [p["name"] for p in fuel["items"]] == ["Orange Caltex"] and fuel["total"] == 1
    camps = (await client.get(URL, params={"kind": "campground"}, headers=alice.headers)).json()
    assert [p["name"] for p in camps["items"]] == ["Cairns camp"]


@pytest.mark.parametrize(
    "near", ["", "-32.25", "-32.25,148.6,1", "north,east", "-91,148", "-32,181", "nan,nan", "inf,0"]
)
async def test_a_bad_near_is_422_naming_it(client: httpx.AsyncClient, alice: Account, near: str) -> None:
    assert_error(await client.get(URL, params={"near": near}, headers=alice.headers), 422, mentions="near")


async def test_bad_list_parameters_are_422(client: httpx.AsyncClient, alice: Account) -> None:
    assert_error(await client.get(URL, params={"kind": "pub"}, headers=alice.headers), 422, mentions="kind")
    assert_error(await client.get(URL, params={"limit": 501}, headers=alice.headers), 422, mentions="limit")


async def test_other_users_places_are_404_and_unlisted(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    place = await _save(client, alice, **KEEPIT)
    item = f"{URL}/{place['id']}"
    assert_error(await client.get(item, headers=bob.headers), 404, "not_found")
    assert_error(await client.patch(item, json={"name": "Mine"}, headers=bob.headers), 404, "not_found")
    assert_error(await client.delete(item, headers=bob.headers), 404, "not_found")
    assert (await client.get(URL, headers=bob.headers)).json() == {"items": [], "total": 0}
    assert (await client.get(URL, params={"near": "-30.87,150.52"}, headers=bob.headers)).json() == {
        "items": [],
        "total": 0,
    }
    assert (await client.get(item, headers=alice.headers)).json() == place


async def test_places_need_a_token(client: httpx.AsyncClient) -> None:
    some_id = "00000000-0000-4000-8000-000000000000"
    for method, url in [
        ("GET", URL),
        ("POST", URL),
        ("GET", f"{URL}/{some_id}"),
        ("PATCH", f"{URL}/{some_id}"),
        ("DELETE", f"{URL}/{some_id}"),
    ]:
        assert_error(await client.request(method, url, json={}), 401)


async def test_places_are_documented(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    assert set(spec["paths"][URL]) == {"get", "post"}
    assert set(spec["paths"][f"{URL}/{{place_id}}"]) == {"get", "patch", "delete"}
    params = {p["name"] for p in spec["paths"][URL]["get"]["parameters"]}
    assert {"near", "kind", "limit", "offset"} <= params
    kinds = spec["components"]["schemas"]["PlaceCreate"]["properties"]["kind"]
    assert set(kinds.get("enum") or kinds["anyOf"][0]["enum"]) == {
        "campground",
        "free_camp",
        "dump_point",
        "fuel",
        "mechanic",
        "other",
    }
    assert "distance_km" in spec["components"]["schemas"]["PlacePublic"]["properties"]

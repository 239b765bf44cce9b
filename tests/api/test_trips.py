"""Trips: offline geocoding, estimates, unknown places and partial updates."""

from __future__ import annotations

import httpx
import pytest

from tests.api import Account, assert_error

URL = "/api/v1/trips"


async def _plan(client: httpx.AsyncClient, who: Account, **body: object) -> httpx.Response:
    return await client.post(URL, json=body, headers=who.headers)


async def test_plan_a_trip_with_geocoded_stops(client: httpx.AsyncClient, alice: Account) -> None:
    response = await _plan(
        client,
        alice,
        waypoints=[{"name": "Sydney"}, {"name": "Canberra"}, {"name": "Melbourne"}],
        start_date="2026-05-01",
    )
    assert response.status_code == 201, response.text
    trip = response.json()
    assert trip["title"] == "Sydney to Melbourne"
    assert trip["status"] == "planning" and trip["start_date"] == "2026-05-01" and trip["end_date"] is None
    assert trip["distance_source"] == "estimate"
    assert 650 <= trip["distance_km"] <= 1100
    assert trip["duration_hours"] > 5
    cost = trip["estimated_fuel_cost"]
    assert isinstance(cost, str) and cost.count(".") == 1 and len(cost.split(".")[1]) == 2 and float(cost) > 0
    assert [(w["name"], w["position"]) for w in trip["waypoints"]] == [("Sydney", 0), ("Canberra", 1), ("Melbourne", 2)]
    assert -34.5 < trip["waypoints"][0]["lat"] < -33.5 and 150.5 < trip["waypoints"][0]["lon"] < 151.5
    assert (await client.get(f"{URL}/{trip['id']}", headers=alice.headers)).json() == trip


async def test_named_coordinates_are_taken_as_given(client: httpx.AsyncClient, alice: Account) -> None:
    trip = (
        await _plan(
            client,
            alice,
            title="Secret spot",
            waypoints=[{"name": "Brisbane"}, {"name": "Free camp by the creek", "lat": -26.5, "lon": 152.9}],
        )
    ).json()
    assert trip["title"] == "Secret spot"
    assert trip["waypoints"][1] == {"name": "Free camp by the creek", "lat": -26.5, "lon": 152.9, "position": 1}
    assert 50 < trip["distance_km"] < 200


async def test_unknown_place_is_422_naming_it(client: httpx.AsyncClient, alice: Account) -> None:
    response = await _plan(client, alice, waypoints=[{"name": "Sydney"}, {"name": "Xyzzyplonk Springs"}])
    assert_error(response, 422, "unknown_place", mentions="Xyzzyplonk Springs")
    assert (await client.get(URL, headers=alice.headers)).json()["total"] == 0


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"waypoints": [{"name": "A", "lat": -30}]}, "waypoints.0"),
        ({"waypoints": [{"name": "A", "lat": -91, "lon": 150}]}, "waypoints.0.lat"),
        ({"waypoints": [{}]}, "waypoints.0"),
        ({"waypoints": "Sydney"}, "waypoints"),
        ({"waypoints": [{"name": "Sydney"}], "start_date": "2026-05-02", "end_date": "2026-05-01"}, "end_date"),
        ({"waypoints": [{"name": "Sydney"}], "status": "dreaming"}, "status"),
        ({"waypoints": [{"name": "Sydney"}], "title": "x" * 121}, "title"),
        ({"waypoints": [{"name": "Sydney"}] * 51}, "waypoints"),
    ],
)
async def test_trip_validation(client: httpx.AsyncClient, alice: Account, body: dict, field: str) -> None:
    assert_error(await client.post(URL, json=body, headers=alice.headers), 422, mentions=field)


async def test_patch_fields_and_replace_waypoints(client: httpx.AsyncClient, alice: Account) -> None:
    trip = (await _plan(client, alice, waypoints=[{"name": "Sydney"}, {"name": "Canberra"}])).json()
    renamed = await client.patch(
        f"{URL}/{trip['id']}",
        json={"title": "Capital run", "status": "active", "end_date": "2026-06-01"},
        headers=alice.headers,
    )
    assert renamed.status_code == 200, renamed.text
    body = renamed.json()
    assert body["title"] == "Capital run" and body["status"] == "active" and body["end_date"] == "2026-06-01"
    assert body["distance_km"] == trip["distance_km"] and body["waypoints"] == trip["waypoints"]

    extended = (
        await client.patch(
            f"{URL}/{trip['id']}", json={"waypoints": [{"name": "Brisbane"}, {"name": "Cairns"}]}, headers=alice.headers
        )
    ).json()
    assert [w["name"] for w in extended["waypoints"]] == ["Brisbane", "Cairns"]
    assert extended["distance_km"] > 1300 and extended["title"] == "Capital run"
    assert extended["estimated_fuel_cost"] != trip["estimated_fuel_cost"]

    bad = await client.patch(
        f"{URL}/{trip['id']}", json={"waypoints": [{"name": "Nowhereville Qqq"}]}, headers=alice.headers
    )
    assert_error(bad, 422, "unknown_place", mentions="Nowhereville Qqq")
    assert_error(
        await client.patch(f"{URL}/{trip['id']}", json={"start_date": "2026-07-01"}, headers=alice.headers),
        422,
        mentions="end_date",
    )
    assert_error(
        await client.patch(f"{URL}/{trip['id']}", json={"title": None}, headers=alice.headers), 422, mentions="title"
    )
    assert_error(
        await client.patch(f"{URL}/{trip['id']}", json={"status": "lost"}, headers=alice.headers),
        422,
        mentions="status",
    )
    cleared = (await client.patch(f"{URL}/{trip['id']}", json={"end_date": None}, headers=alice.headers)).json()
    assert cleared["end_date"] is None
    assert (await client.get(f"{URL}/{trip['id']}", headers=alice.headers)).json() == cleared


async def test_list_and_delete(client: httpx.AsyncClient, alice: Account) -> None:
    first = (await _plan(client, alice, waypoints=[{"name": "Sydney"}, {"name": "Canberra"}])).json()
    second = (await _plan(client, alice, waypoints=[{"name": "Brisbane"}], status="active")).json()
    listing = (await client.get(URL, headers=alice.headers)).json()
    assert listing["total"] == 2
    assert {t["id"] for t in listing["items"]} == {first["id"], second["id"]}
    assert all(t["waypoints"] for t in listing["items"])
    active = (await client.get(URL, params={"status": "active"}, headers=alice.headers)).json()
    assert [t["id"] for t in active["items"]] == [second["id"]]

    expense = await client.post(
        "/api/v1/expenses", json={"amount": "9", "category": "dining", "trip_id": first["id"]}, headers=alice.headers
    )
    assert (await client.delete(f"{URL}/{first['id']}", headers=alice.headers)).status_code == 204
    assert_error(await client.get(f"{URL}/{first['id']}", headers=alice.headers), 404)
    kept = (await client.get(f"/api/v1/expenses/{expense.json()['id']}", headers=alice.headers)).json()
    assert kept["trip_id"] is None


async def test_trip_routes_need_a_token(client: httpx.AsyncClient) -> None:
    some_id = "00000000-0000-4000-8000-000000000000"
    for method, url in [
        ("GET", URL),
        ("POST", URL),
        ("GET", f"{URL}/{some_id}"),
        ("PATCH", f"{URL}/{some_id}"),
        ("DELETE", f"{URL}/{some_id}"),
    ]:
        assert_error(await client.request(method, url, json={}), 401)


async def test_budget_and_notes_are_part_of_the_trip(client: httpx.AsyncClient, alice: Account) -> None:
    trip = (await _plan(client, alice, waypoints=[{"name": "Sydney"}, {"name": "Canberra"}])).json()
    assert trip["budget"] is None and trip["notes"] == ""
    response = await client.patch(
        f"{URL}/{trip['id']}", json={"budget": "1500", "notes": "Dog-friendly parks only"}, headers=alice.headers
    )
    assert response.status_code == 200, response.text
    assert response.json()["budget"] == "1500.00" and response.json()["notes"] == "Dog-friendly parks only"
    cleared = await client.patch(f"{URL}/{trip['id']}", json={"budget": None}, headers=alice.headers)
    assert cleared.json()["budget"] is None and cleared.json()["notes"] == "Dog-friendly parks only"

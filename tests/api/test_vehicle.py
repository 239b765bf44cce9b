"""The vehicle profile and fuel economy over REST: create or replace, 422 naming the field, isolation, 401, OpenAPI."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error

URL = "/api/v1/vehicle"
ECONOMY = "/api/v1/fuel/economy"
FUEL = "/api/v1/fuel"
TORTOISE = {
    "name": "The Tortoise",
    "make": "Toyota",
    "model": "LandCruiser 79",
    "year": 2019,
    "fuel_type": "diesel",
    "tank_litres": 180.0,
    "consumption_l_per_100km": 15.5,
}


async def _put(client: httpx.AsyncClient, who: Account, body: dict[str, Any], expected: int = 200) -> dict[str, Any]:
    response = await client.put(URL, json=body, headers=who.headers)
    assert response.status_code == expected, response.text
    return response.json()


async def _fill(client: httpx.AsyncClient, who: Account, **body: Any) -> dict[str, Any]:
    response = await client.post(FUEL, json=body, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_no_vehicle_is_404_until_one_is_saved(client: httpx.AsyncClient, alice: Account) -> None:
    assert_error(await client.get(URL, headers=alice.headers), 404, "not_found", mentions="vehicle")
    created = await _put(client, alice, TORTOISE, expected=201)
    assert set(created) == {"id", *TORTOISE, "created_at"}
    assert {k: created[k] for k in TORTOISE} == TORTOISE
    assert (await client.get(URL, headers=alice.headers)).json() == created


async def test_put_replaces_the_profile_of_the_same_vehicle(client: httpx.AsyncClient, alice: Account) -> None:
    created = await _put(client, alice, TORTOISE, expected=201)
    replaced = await _put(client, alice, {"name": "  Hare  ", "fuel_type": "unleaded", "year": None})
    assert replaced["id"] == created["id"]
    assert replaced == {
        "id": created["id"],
        "name": "Hare",
        "make": "",
        "model": "",
        "year": None,
        "fuel_type": "unleaded",
        "tank_litres": None,
        "consumption_l_per_100km": 14.0,
        "created_at": created["created_at"],
    }
    assert (await client.get(URL, headers=alice.headers)).json() == replaced


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"name": ""}, "name"),
        ({"name": "   "}, "name"),
        ({"name": "n" * 81}, "name"),
        ({"make": "m" * 61}, "make"),
        ({"model": "m" * 61}, "model"),
        ({"year": 1899}, "year"),
        ({"year": dt.date.today().year + 2}, "year"),
        ({"year": "old"}, "year"),
        ({"fuel_type": "hydrogen"}, "fuel_type"),
        ({"tank_litres": 0}, "tank_litres"),
        ({"tank_litres": 2001}, "tank_litres"),
        ({"consumption_l_per_100km": 0.5}, "consumption_l_per_100km"),
        ({"consumption_l_per_100km": 101}, "consumption_l_per_100km"),
        ({"consumption_l_per_100km": None}, "consumption_l_per_100km"),
    ],
)
async def test_invalid_profiles_are_422_naming_the_field(
    client: httpx.AsyncClient, alice: Account, change: dict[str, Any], field: str
) -> None:
    body = {**TORTOISE, **change}
    assert_error(await client.put(URL, json=body, headers=alice.headers), 422, "validation_error", mentions=field)
    assert_error(await client.get(URL, headers=alice.headers), 404)  # nothing was saved


async def test_a_missing_name_is_422(client: httpx.AsyncClient, alice: Account) -> None:
    body = {k: v for k, v in TORTOISE.items() if k != "name"}
    assert_error(await client.put(URL, json=body, headers=alice.headers), 422, mentions="name: is required")


async def test_another_users_vehicle_is_never_seen_or_changed(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    alices = await _put(client, alice, TORTOISE, expected=201)
    assert_error(await client.get(URL, headers=bob.headers), 404)
    bobs = await _put(client, bob, {"name": "Bob's bus"}, expected=201)  # a vehicle of his own, not Alice's
    assert bobs["id"] != alices["id"]
    assert (await client.get(URL, headers=alice.headers)).json() == alices


async def test_the_vehicle_sets_the_trip_estimate_basis(client: httpx.AsyncClient, alice: Account) -> None:
    economy = (await client.get(ECONOMY, headers=alice.headers)).json()
    assert economy == {
        "intervals": [],
        "average_l_per_100km": None,
        "averaged_intervals": 0,
        "average_distance_km": 0,
        "average_litres": "0.00",
        "price_per_litre": "1.950",
        "price_source": "default",
        "estimate_consumption_l_per_100km": 14.0,
        "consumption_source": "default",
    }
    await _put(client, alice, TORTOISE, expected=201)
    economy = (await client.get(ECONOMY, headers=alice.headers)).json()
    assert (economy["estimate_consumption_l_per_100km"], economy["consumption_source"]) == (15.5, "vehicle")


async def test_economy_between_full_fills(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    first = await _fill(client, alice, date="2026-03-01", litres="60", price_per_litre="2.000", odometer_km=100_000)
    await _fill(client, alice, date="2026-03-02", litres="20", total_cost="42.00", full_tank=False)
    second = await _fill(client, alice, date="2026-03-04", litres="52.5", total_cost="105.00", odometer_km=100_500)
    third = await _fill(client, alice, date="2026-03-06", litres="33", total_cost="66.00", odometer_km=100_800)
    await _fill(client, bob, date="2026-03-07", litres="99", total_cost="999.00", odometer_km=100_900)

    economy = (await client.get(ECONOMY, headers=alice.headers)).json()
    assert economy["intervals"] == [
        {
            "start_fuel_id": second["id"],
            "end_fuel_id": third["id"],
            "start_odometer_km": 100_500,
            "end_odometer_km": 100_800,
            "distance_km": 300,
            "litres": "33.00",
            "l_per_100km": 11.0,
        },
        {
            "start_fuel_id": first["id"],
            "end_fuel_id": second["id"],
            "start_odometer_km": 100_000,
            "end_odometer_km": 100_500,
            "distance_km": 500,
            "litres": "72.50",
            "l_per_100km": 14.5,
        },
    ]
    # 105.5 L over 800 km; the price averages the latest five fills: (2 + 2.1 + 2 + 2) / 4
    assert (economy["average_l_per_100km"], economy["averaged_intervals"]) == (13.19, 2)
    assert (economy["average_distance_km"], economy["average_litres"]) == (800, "105.50")
    assert (economy["price_per_litre"], economy["price_source"]) == ("2.025", "log")

    newest = (await client.get(ECONOMY, params={"window": 1}, headers=alice.headers)).json()
    assert (newest["average_l_per_100km"], newest["averaged_intervals"]) == (11.0, 1)
    assert_error(await client.get(ECONOMY, params={"window": 0}, headers=alice.headers), 422, mentions="window")


async def test_economy_is_not_mistaken_for_a_fill_up_id(client: httpx.AsyncClient, alice: Account) -> None:
    assert (await client.get(ECONOMY, headers=alice.headers)).status_code == 200
    assert_error(await client.delete(ECONOMY, headers=alice.headers), 404)


@pytest.mark.parametrize(("method", "url"), [("GET", URL), ("PUT", URL), ("GET", ECONOMY)])
async def test_a_token_is_required(client: httpx.AsyncClient, method: str, url: str) -> None:
    assert_error(await client.request(method, url, json=TORTOISE), 401, "not_authenticated")


async def test_openapi_documents_the_vehicle(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    assert set(spec["paths"][URL]) == {"get", "put"}
    assert {"200", "201", "401", "422"} <= set(spec["paths"][URL]["put"]["responses"])
    properties = spec["components"]["schemas"]["VehicleIn"]["properties"]
    assert set(properties) == set(TORTOISE)
    assert set(properties["fuel_type"]["enum"]) == {"diesel", "unleaded", "premium", "e10", "e85", "lpg"}
    economy = spec["paths"][ECONOMY]["get"]
    assert {p["name"] for p in economy["parameters"]} == {"window"}
    assert "intervals" in spec["components"]["schemas"]["FuelEconomyPublic"]["properties"]

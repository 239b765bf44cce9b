"""Fuel and maintenance: each owns exactly one linked expense, kept in step and never counted twice."""

from __future__ import annotations

from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error

FUEL = "/api/v1/fuel"
MAINTENANCE = "/api/v1/maintenance"
EXPENSES = "/api/v1/expenses"
MARCH = {"start": "2026-03-01", "end": "2026-03-31"}


async def _expenses(client: httpx.AsyncClient, who: Account) -> list[dict[str, Any]]:
    return (await client.get(EXPENSES, headers=who.headers)).json()["items"]


async def _summary(client: httpx.AsyncClient, who: Account) -> dict[str, Any]:
    return (await client.get(f"{EXPENSES}/summary", params=MARCH, headers=who.headers)).json()


async def test_fill_up_with_total_cost_records_one_fuel_expense(client: httpx.AsyncClient, alice: Account) -> None:
    response = await client.post(
        FUEL,
        headers=alice.headers,
        json={
            "date": "2026-03-04",
            "litres": "52.3",
            "total_cost": "101.99",
            "odometer_km": 120500,
            "location": "Gundagai",
        },
    )
    assert response.status_code == 201, response.text
    entry = response.json()
    assert entry["litres"] == "52.30" and entry["total_cost"] == "101.99" and entry["price_per_litre"] == "1.950"
    assert entry["odometer_km"] == 120500 and entry["location"] == "Gundagai" and entry["full_tank"] is True
    expenses = await _expenses(client, alice)
    assert len(expenses) == 1
    expense = expenses[0]
    assert expense["id"] == entry["expense_id"]
    assert (expense["amount"], expense["category"], expense["date"], expense["source"]) == (
        "101.99",
        "fuel",
        "2026-03-04",
        "fuel",
    )
    assert (await _summary(client, alice))["by_category"] == {"fuel": "101.99"}
    assert (await client.get(f"{FUEL}/{entry['id']}", headers=alice.headers)).json() == entry


async def test_fill_up_with_price_per_litre(client: httpx.AsyncClient, alice: Account) -> None:
    entry = (
        await client.post(
            FUEL, headers=alice.headers, json={"date": "2026-03-05", "litres": 40, "price_per_litre": 1.899}
        )
    ).json()
    assert entry["total_cost"] == "75.96" and entry["price_per_litre"] == "1.899"
    assert (await _expenses(client, alice))[0]["amount"] == "75.96"


async def test_editing_and_deleting_a_fill_up_keeps_its_expense_in_step(
    client: httpx.AsyncClient, alice: Account
) -> None:
    entry = (
        await client.post(FUEL, headers=alice.headers, json={"date": "2026-03-04", "litres": "50", "total_cost": "100"})
    ).json()
    await client.post(
        EXPENSES, headers=alice.headers, json={"amount": "20", "category": "dining", "date": "2026-03-04"}
    )

    moved = await client.patch(
        f"{FUEL}/{entry['id']}", headers=alice.headers, json={"location": "Albury", "date": "2026-03-06"}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["total_cost"] == "100.00" and moved.json()["location"] == "Albury"
    repriced = (
        await client.patch(f"{FUEL}/{entry['id']}", headers=alice.headers, json={"total_cost": "110.50"})
    ).json()
    assert repriced["total_cost"] == "110.50" and repriced["price_per_litre"] == "2.210"

    fuel_expenses = [e for e in await _expenses(client, alice) if e["category"] == "fuel"]
    assert len(fuel_expenses) == 1
    assert (fuel_expenses[0]["amount"], fuel_expenses[0]["date"]) == ("110.50", "2026-03-06")
    assert "Albury" in fuel_expenses[0]["description"]
    assert (await _summary(client, alice))["total"] == "130.50"

    # The linked expense belongs to the fill-up.
    linked = fuel_expenses[0]["id"]
    assert_error(
        await client.patch(f"{EXPENSES}/{linked}", headers=alice.headers, json={"amount": "1"}), 409, "linked_expense"
    )
    assert_error(await client.delete(f"{EXPENSES}/{linked}", headers=alice.headers), 409, "linked_expense")

    assert (await client.delete(f"{FUEL}/{entry['id']}", headers=alice.headers)).status_code == 204
    assert [e["category"] for e in await _expenses(client, alice)] == ["dining"]
    assert (await _summary(client, alice))["total"] == "20.00"
    assert_error(await client.get(f"{FUEL}/{entry['id']}", headers=alice.headers), 404)
    assert (await client.get(FUEL, headers=alice.headers)).json() == {"items": [], "total": 0}


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"litres": "40"}, "total_cost"),
        ({"litres": "0", "total_cost": "10"}, "litres"),
        ({"litres": "40.123", "total_cost": "10"}, "litres"),
        ({"litres": "40", "total_cost": "10.001"}, "total_cost"),
        ({"litres": "40", "price_per_litre": "1.9999"}, "price_per_litre"),
        ({"litres": "40", "total_cost": "-10"}, "total_cost"),
        ({"total_cost": "10"}, "litres: is required"),
        ({"litres": "40", "total_cost": "10", "odometer_km": -1}, "odometer_km"),
    ],
)
async def test_fill_up_validation(client: httpx.AsyncClient, alice: Account, body: dict, field: str) -> None:
    assert_error(await client.post(FUEL, json=body, headers=alice.headers), 422, mentions=field)
    assert await _expenses(client, alice) == []


async def test_fuel_list_and_patch_validation(client: httpx.AsyncClient, alice: Account) -> None:
    for day in ("2026-03-01", "2026-03-09", "2026-02-20"):
        await client.post(FUEL, headers=alice.headers, json={"date": day, "litres": "10", "total_cost": "20"})
    listing = (await client.get(FUEL, headers=alice.headers)).json()
    assert listing["total"] == 3 and [f["date"] for f in listing["items"]] == ["2026-03-09", "2026-03-01", "2026-02-20"]
    assert (await client.get(FUEL, params=MARCH, headers=alice.headers)).json()["total"] == 2
    some = listing["items"][0]["id"]
    assert_error(
        await client.patch(f"{FUEL}/{some}", json={"litres": None}, headers=alice.headers), 422, mentions="litres"
    )
    assert_error(
        await client.patch(f"{FUEL}/{some}", json={"litres": "0"}, headers=alice.headers), 422, mentions="litres"
    )
    assert_error(await client.get(f"{FUEL}/nope", headers=alice.headers), 404)


async def test_maintenance_cost_records_a_linked_expense(client: httpx.AsyncClient, alice: Account) -> None:
    created = await client.post(
        MAINTENANCE,
        headers=alice.headers,
        json={
            "task": "Oil change",
            "date": "2026-03-10",
            "odometer_km": 121000,
            "cost": "189.95",
            "next_due_date": "2026-09-10",
            "next_due_km": 131000,
        },
    )
    assert created.status_code == 201, created.text
    record = created.json()
    assert record["cost"] == "189.95" and record["next_due_km"] == 131000 and record["expense_id"]
    expenses = await _expenses(client, alice)
    assert [(e["amount"], e["category"], e["source"], e["description"]) for e in expenses] == [
        ("189.95", "maintenance", "maintenance", "Oil change")
    ]

    patched = (await client.patch(f"{MAINTENANCE}/{record['id']}", headers=alice.headers, json={"cost": 200.5})).json()
    assert patched["cost"] == "200.50" and patched["task"] == "Oil change"
    assert (await _summary(client, alice))["by_category"] == {"maintenance": "200.50"}

    cleared = (await client.patch(f"{MAINTENANCE}/{record['id']}", headers=alice.headers, json={"cost": None})).json()
    assert cleared["cost"] is None and cleared["expense_id"] is None
    assert await _expenses(client, alice) == []

    again = (await client.patch(f"{MAINTENANCE}/{record['id']}", headers=alice.headers, json={"cost": "50"})).json()
    assert again["expense_id"] and len(await _expenses(client, alice)) == 1
    assert (await client.delete(f"{MAINTENANCE}/{record['id']}", headers=alice.headers)).status_code == 204
    assert await _expenses(client, alice) == []
    assert_error(await client.get(f"{MAINTENANCE}/{record['id']}", headers=alice.headers), 404)


async def test_maintenance_without_cost_and_validation(client: httpx.AsyncClient, alice: Account) -> None:
    free = (await client.post(MAINTENANCE, headers=alice.headers, json={"task": "Check tyre pressure"})).json()
    assert free["cost"] is None and free["expense_id"] is None and free["date"]
    assert await _expenses(client, alice) == []
    listing = (await client.get(MAINTENANCE, headers=alice.headers)).json()
    assert listing["total"] == 1 and listing["items"][0]["id"] == free["id"]
    assert (await client.get(f"{MAINTENANCE}/{free['id']}", headers=alice.headers)).json() == free
    for body, field in [
        ({"task": ""}, "task"),
        ({}, "task: is required"),
        ({"task": "Brakes", "cost": "0"}, "cost"),
        ({"task": "Brakes", "cost": "12.345"}, "cost"),
        ({"task": "Brakes", "next_due_date": "soon"}, "next_due_date"),
    ]:
        assert_error(await client.post(MAINTENANCE, json=body, headers=alice.headers), 422, mentions=field)
    assert_error(
        await client.patch(f"{MAINTENANCE}/{free['id']}", json={"task": None}, headers=alice.headers),
        422,
        mentions="task",
    )


async def test_vehicle_log_routes_need_a_token(client: httpx.AsyncClient) -> None:
    some_id = "00000000-0000-4000-8000-000000000000"
    for base in (FUEL, MAINTENANCE):
        for method, url in [
            ("GET", base),
            ("POST", base),
            ("GET", f"{base}/{some_id}"),
            ("PATCH", f"{base}/{some_id}"),
            ("DELETE", f"{base}/{some_id}"),
        ]:
            assert_error(await client.request(method, url, json={}), 401)

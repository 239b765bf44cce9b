"""GET /trips/{id}/budget: budget vs actual from linked expenses; PATCH sets, changes and clears the budget."""

from __future__ import annotations

import datetime as dt
import uuid
from decimal import Decimal

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.api import Account, assert_error
from wheels_wins.repositories import expenses as expense_repo

URL = "/api/v1/trips"
COORDS = [{"name": "Here", "lat": -33.0, "lon": 151.0}, {"name": "There", "lat": -34.0, "lon": 150.0}]


async def _trip(client: httpx.AsyncClient, who: Account, **body: object) -> dict:
    created = await client.post(URL, json={"title": "Loop", "waypoints": COORDS, **body}, headers=who.headers)
    assert created.status_code == 201, created.text
    return created.json()


async def _expense(client: httpx.AsyncClient, who: Account, amount: str, category: str, trip_id: str | None) -> None:
    body = {"amount": amount, "category": category, "date": "2026-05-02", "trip_id": trip_id}
    assert (await client.post("/api/v1/expenses", json=body, headers=who.headers)).status_code == 201


async def test_budget_vs_actual_as_exact_strings(client: httpx.AsyncClient, alice: Account) -> None:
    trip = await _trip(client, alice)
    patched = await client.patch(f"{URL}/{trip['id']}", json={"budget": "1000"}, headers=alice.headers)
    assert patched.status_code == 200, patched.text
    await _expense(client, alice, "120.40", "fuel", trip["id"])
    await _expense(client, alice, "80.10", "fuel", trip["id"])
    await _expense(client, alice, "249.50", "camping", trip["id"])
    await _expense(client, alice, "33.00", "dining", None)

    response = await client.get(f"{URL}/{trip['id']}/budget", headers=alice.headers)

    assert response.status_code == 200, response.text
    body = response.json()
    spent = Decimal("450.00")
    per_km = (spent / Decimal(str(trip["distance_km"]))).quantize(Decimal("0.01"))
    assert body["cost_per_km"] == str(per_km)
    assert Decimal(body["cost_per_mile"]) > per_km
    fuel_estimate = trip["estimated_fuel_cost"]
    assert body == {
        "trip_id": trip["id"],
        "title": "Loop",
        "currency": "AUD",
        "budget": "1000.00",
        "spent": "450.00",
        "remaining": "550.00",
        "over_budget": False,
        "share_used": "0.4500",
        "expense_count": 3,
        "by_category": {"camping": "249.50", "fuel": "200.50"},
        "distance_km": trip["distance_km"],
        "cost_per_km": str(per_km),
        "cost_per_mile": body["cost_per_mile"],
        "fuel_estimate": fuel_estimate,
        "fuel_spent": "200.50",
        "fuel_difference": f"{Decimal('200.50') - Decimal(fuel_estimate):.2f}",
    }
    assert list(body["by_category"]) == ["camping", "fuel"]  # largest first


async def test_over_budget_and_a_cleared_budget(client: httpx.AsyncClient, alice: Account) -> None:
    trip = await _trip(client, alice)
    await client.patch(f"{URL}/{trip['id']}", json={"budget": 100.5}, headers=alice.headers)
    await _expense(client, alice, "150.75", "camping", trip["id"])

    over = (await client.get(f"{URL}/{trip['id']}/budget", headers=alice.headers)).json()
    assert (over["budget"], over["remaining"], over["over_budget"], over["share_used"]) == (
        "100.50", "-50.25", True, "1.5000",
    )

    cleared = await client.patch(f"{URL}/{trip['id']}", json={"budget": None}, headers=alice.headers)
    assert cleared.status_code == 200, cleared.text
    none = (await client.get(f"{URL}/{trip['id']}/budget", headers=alice.headers)).json()
    assert (none["budget"], none["remaining"], none["over_budget"], none["share_used"]) == (None, None, False, None)
    assert none["spent"] == "150.75"


async def test_a_trip_with_no_expenses_or_distance(client: httpx.AsyncClient, alice: Account) -> None:
    trip = await _trip(client, alice, waypoints=[COORDS[0]])  # one stop: no distance travelled
    body = (await client.get(f"{URL}/{trip['id']}/budget", headers=alice.headers)).json()
    assert (body["spent"], body["expense_count"], body["by_category"]) == ("0.00", 0, {})
    assert (body["cost_per_km"], body["cost_per_mile"]) == (None, None)


async def test_other_users_expenses_naming_the_trip_never_count(
    client: httpx.AsyncClient, engine: Engine, alice: Account, bob: Account
) -> None:
    trip = await _trip(client, alice)
    await _expense(client, alice, "20.00", "dining", trip["id"])
    # The API refuses to link Bob's expense to Alice's trip; write one straight to the table anyway.
    with Session(engine) as session:
        expense_repo.create(session, user_id=uuid.UUID(bob.id), amount=Decimal("900.00"), category="fuel",
                            date=dt.date(2026, 5, 3), trip_id=uuid.UUID(trip["id"]))
        session.commit()

    body = (await client.get(f"{URL}/{trip['id']}/budget", headers=alice.headers)).json()
    assert (body["spent"], body["expense_count"], body["by_category"]) == ("20.00", 1, {"dining": "20.00"})


async def test_another_users_trip_is_404_and_no_token_is_401(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    trip = await _trip(client, alice)
    await client.patch(f"{URL}/{trip['id']}", json={"budget": "500"}, headers=alice.headers)
    assert_error(await client.get(f"{URL}/{trip['id']}/budget", headers=bob.headers), 404, "not_found")
    assert_error(await client.get(f"{URL}/{uuid.uuid4()}/budget", headers=alice.headers), 404, "not_found")
    assert_error(await client.get(f"{URL}/not-a-uuid/budget", headers=alice.headers), 404, "not_found")
    assert_error(await client.get(f"{URL}/{trip['id']}/budget"), 401)
    assert_error(await client.patch(f"{URL}/{trip['id']}", json={"budget": "1"}, headers=bob.headers), 404)
    assert (await client.get(f"{URL}/{trip['id']}/budget", headers=alice.headers)).json()["budget"] == "500.00"


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"budget": "-5"}, "budget"),
        ({"budget": "0"}, "budget"),
        ({"budget": "12.345"}, "budget"),
        ({"budget": "lots"}, "budget"),
        ({"status": "paused"}, "status"),
        ({"start_date": "2026-06-10", "end_date": "2026-06-01"}, "end_date"),
        ({"budget": "10000000000.00"}, "budget"),
    ],
)
async def test_patch_validation_names_the_field(
    client: httpx.AsyncClient, alice: Account, body: dict, field: str
) -> None:
    trip = await _trip(client, alice)
    assert_error(await client.patch(f"{URL}/{trip['id']}", json=body, headers=alice.headers), 422, mentions=field)
    assert (await client.get(f"{URL}/{trip['id']}", headers=alice.headers)).json() == trip
    assert (await client.get(f"{URL}/{trip['id']}/budget", headers=alice.headers)).json()["budget"] is None

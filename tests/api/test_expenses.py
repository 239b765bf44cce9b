"""Expenses: exact money, categories, filters, search, paging, summaries and CRUD."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error
from wheels_wins.services.money import month_range, today_in

URL = "/api/v1/expenses"


async def _add(client: httpx.AsyncClient, who: Account, **fields: Any) -> dict[str, Any]:
    body = {"amount": "10.00", "category": "groceries", "date": "2026-03-10", **fields}
    response = await client.post(URL, json=body, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_create_and_read_back(client: httpx.AsyncClient, alice: Account) -> None:
    created = await _add(client, alice, amount="45.5", category="gas", description=" Fill ", merchant="BP Dubbo")
    assert created["amount"] == "45.50"
    assert created["category"] == "fuel"
    assert created["description"] == "Fill"
    assert created["currency"] == "AUD" and created["date"] == "2026-03-10" and created["trip_id"] is None
    assert created["source"] == "manual"
    assert dt.datetime.fromisoformat(created["created_at"]).utcoffset() is not None
    fetched = await client.get(f"{URL}/{created['id']}", headers=alice.headers)
    assert fetched.status_code == 200 and fetched.json() == created


async def test_amounts_accept_numbers_and_strings_exactly(client: httpx.AsyncClient, alice: Account) -> None:
    assert (await _add(client, alice, amount=45.5))["amount"] == "45.50"
    assert (await _add(client, alice, amount=12))["amount"] == "12.00"
    assert (await _add(client, alice, amount="0.10"))["amount"] == "0.10"
    assert (await _add(client, alice, amount=0.2))["amount"] == "0.20"
    assert (await _add(client, alice, amount="45.500"))["amount"] == "45.50"
    assert (await _add(client, alice, amount="9999999999.99"))["amount"] == "9999999999.99"


@pytest.mark.parametrize(
    ("amount", "says"),
    [
        ("1.234", "amount: must have at most 2 decimal places"),
        (1.005, "amount: must have at most 2 decimal places"),
        (0, "amount: must be greater than 0"),
        ("-5", "amount: must be greater than 0"),
        ("NaN", "amount: must be a finite number"),
        ("Infinity", "amount: must be a finite number"),
        ("ten", "amount: must be a number or a decimal string"),
        (True, "amount: must be a number or a decimal string"),
        ("10000000000.00", "amount"),
        ("1e999999", "amount: is too large"),
        (1e300, "amount: is too large"),
        (None, "amount"),
    ],
)
async def test_invalid_amounts_are_422_naming_the_field(
    client: httpx.AsyncClient, alice: Account, amount: Any, says: str
) -> None:
    body = {"amount": amount, "category": "dining"}
    assert_error(await client.post(URL, json=body, headers=alice.headers), 422, "validation_error", mentions=says)


async def test_other_validation_errors_name_the_field(client: httpx.AsyncClient, alice: Account) -> None:
    cases = [
        ({"amount": "1", "category": "spaceships"}, "category"),
        ({"amount": "1"}, "category: is required"),
        ({"category": "dining"}, "amount: is required"),
        ({"amount": "1", "category": "dining", "date": "31/12/2026"}, "date"),
        ({"amount": "1", "category": "dining", "currency": "dollars"}, "currency"),
        ({"amount": "1", "category": "dining", "description": "x" * 301}, "description"),
        ({"amount": "1", "category": "dining", "merchant": "nul\x00byte"}, "merchant"),
        ({"amount": "1", "category": "dining", "trip_id": "not-a-uuid"}, "trip_id"),
        ({"amount": "1", "category": "dining", "trip_id": "00000000-0000-4000-8000-000000000000"}, "trip_id"),
    ]
    for body, field in cases:
        assert_error(await client.post(URL, json=body, headers=alice.headers), 422, mentions=field)
    assert_error(await client.post(URL, json=[1, 2], headers=alice.headers), 422)
    assert (await client.get(URL, headers=alice.headers)).json()["total"] == 0


async def test_date_defaults_to_today_in_the_users_timezone(client: httpx.AsyncClient, make_account: Any) -> None:
    kiwi = make_account(timezone="Pacific/Kiritimati")
    created = await client.post(URL, json={"amount": "3", "category": "dining"}, headers=kiwi.headers)
    assert created.json()["date"] == today_in("Pacific/Kiritimati").isoformat()


async def test_list_newest_first_with_filters_search_and_paging(client: httpx.AsyncClient, alice: Account) -> None:
    await _add(client, alice, date="2026-03-01", category="fuel", merchant="Ampol")
    await _add(client, alice, date="2026-03-05", category="dining", description="Pub dinner")
    await _add(client, alice, date="2026-03-03", category="groceries", merchant="Coles")
    await _add(client, alice, date="2026-04-02", category="groceries", description="weekly SHOP")

    listing = (await client.get(URL, headers=alice.headers)).json()
    assert listing["total"] == 4
    assert [e["date"] for e in listing["items"]] == ["2026-04-02", "2026-03-05", "2026-03-03", "2026-03-01"]

    march = (await client.get(URL, params={"start": "2026-03-01", "end": "2026-03-31"}, headers=alice.headers)).json()
    assert march["total"] == 3
    groceries = (await client.get(URL, params={"category": "supermarket"}, headers=alice.headers)).json()
    assert {e["date"] for e in groceries["items"]} == {"2026-03-03", "2026-04-02"}
    assert (await client.get(URL, params={"q": "shop"}, headers=alice.headers)).json()["total"] == 1
    assert (await client.get(URL, params={"q": "coles"}, headers=alice.headers)).json()["total"] == 1

    page = (await client.get(URL, params={"limit": 2, "offset": 1}, headers=alice.headers)).json()
    assert page["total"] == 4 and [e["date"] for e in page["items"]] == ["2026-03-05", "2026-03-03"]

    assert_error(await client.get(URL, params={"category": "rockets"}, headers=alice.headers), 422, mentions="category")
    assert_error(await client.get(URL, params={"start": "yesterday"}, headers=alice.headers), 422, mentions="start")
    assert_error(await client.get(URL, params={"trip_id": "nope"}, headers=alice.headers), 422, mentions="trip_id")
    assert_error(await client.get(URL, params={"q": "a\x00b"}, headers=alice.headers), 422, mentions="q")


async def test_filter_by_trip(client: httpx.AsyncClient, alice: Account) -> None:
    trip = await client.post(
        "/api/v1/trips",
        headers=alice.headers,
        json={"title": "Coast", "waypoints": [{"name": "A", "lat": -33.0, "lon": 151.0}]},
    )
    trip_id = trip.json()["id"]
    await _add(client, alice, trip_id=trip_id)
    await _add(client, alice)
    listed = (await client.get(URL, params={"trip_id": trip_id}, headers=alice.headers)).json()
    assert listed["total"] == 1 and listed["items"][0]["trip_id"] == trip_id


async def test_summary_is_exact_and_defaults_to_this_month(client: httpx.AsyncClient, alice: Account) -> None:
    today = today_in("UTC")
    first, last = month_range(today)
    await _add(client, alice, amount="0.10", category="dining", date=first.isoformat())
    await _add(client, alice, amount=0.2, category="dining", date=today.isoformat())
    await _add(client, alice, amount="100.05", category="fuel", date=last.isoformat())
    await _add(client, alice, amount="999", category="fuel", date=(first - dt.timedelta(days=1)).isoformat())

    summary = await client.get(f"{URL}/summary", headers=alice.headers)
    assert summary.status_code == 200, summary.text
    assert summary.json() == {
        "start": first.isoformat(),
        "end": last.isoformat(),
        "total": "100.35",
        "by_category": {"fuel": "100.05", "dining": "0.30"},
        "currency": "AUD",
    }
    ranged = (
        await client.get(f"{URL}/summary", params={"start": "2000-01-01", "end": "2100-01-01"}, headers=alice.headers)
    ).json()
    assert ranged["total"] == "1099.35" and ranged["by_category"]["fuel"] == "1099.05"
    assert_error(
        await client.get(f"{URL}/summary", params={"start": "2026-02-01", "end": "2026-01-01"}, headers=alice.headers),
        422,
        mentions="end",
    )


async def test_many_small_amounts_sum_exactly(client: httpx.AsyncClient, alice: Account) -> None:
    for _ in range(10):
        await _add(client, alice, amount=0.1, category="dining", date="2026-01-15")
    summary = (
        await client.get(f"{URL}/summary", params={"start": "2026-01-01", "end": "2026-01-31"}, headers=alice.headers)
    ).json()
    assert summary["total"] == "1.00"


async def test_patch_is_partial(client: httpx.AsyncClient, alice: Account) -> None:
    created = await _add(client, alice, description="Lunch", merchant="Cafe")
    patched = await client.patch(
        f"{URL}/{created['id']}", json={"amount": 20.1, "category": "restaurant"}, headers=alice.headers
    )
    assert patched.status_code == 200, patched.text
    body = patched.json()
    assert body["amount"] == "20.10" and body["category"] == "dining"
    assert body["description"] == "Lunch" and body["merchant"] == "Cafe" and body["date"] == created["date"]
    assert (await client.get(f"{URL}/{created['id']}", headers=alice.headers)).json() == body
    assert_error(
        await client.patch(f"{URL}/{created['id']}", json={"amount": "1.001"}, headers=alice.headers),
        422,
        mentions="amount",
    )
    assert_error(
        await client.patch(f"{URL}/{created['id']}", json={"amount": None}, headers=alice.headers),
        422,
        mentions="amount",
    )
    assert_error(
        await client.patch(f"{URL}/{created['id']}", json={"category": "x"}, headers=alice.headers),
        422,
        mentions="category",
    )


async def test_delete(client: httpx.AsyncClient, alice: Account) -> None:
    created = await _add(client, alice)
    deleted = await client.delete(f"{URL}/{created['id']}", headers=alice.headers)
    assert deleted.status_code == 204 and deleted.content == b""
    assert_error(await client.get(f"{URL}/{created['id']}", headers=alice.headers), 404, "not_found")
    assert_error(await client.delete(f"{URL}/{created['id']}", headers=alice.headers), 404, "not_found")


@pytest.mark.parametrize("bad_id", ["not-a-uuid", "12345", "00000000-0000-4000-8000-000000000000"])
async def test_unknown_or_malformed_ids_are_404(client: httpx.AsyncClient, alice: Account, bad_id: str) -> None:
    assert_error(await client.get(f"{URL}/{bad_id}", headers=alice.headers), 404, "not_found")
    assert_error(await client.patch(f"{URL}/{bad_id}", json={"amount": "1"}, headers=alice.headers), 404)
    assert_error(await client.delete(f"{URL}/{bad_id}", headers=alice.headers), 404)


async def test_every_expense_route_needs_a_token(client: httpx.AsyncClient, alice: Account) -> None:
    created = await _add(client, alice)
    for method, url in [
        ("GET", URL),
        ("POST", URL),
        ("GET", f"{URL}/summary"),
        ("GET", f"{URL}/{created['id']}"),
        ("PATCH", f"{URL}/{created['id']}"),
        ("DELETE", f"{URL}/{created['id']}"),
    ]:
        assert_error(await client.request(method, url, json={}), 401, "not_authenticated")

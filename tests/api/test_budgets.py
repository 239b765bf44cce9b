"""Budgets: set, list with this month's spend, delete."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx

from tests.api import Account, assert_error
from wheels_wins.services.money import month_range, today_in

URL = "/api/v1/budgets"


async def _spend(client: httpx.AsyncClient, who: Account, amount: Any, category: str, date: dt.date) -> None:
    body = {"amount": amount, "category": category, "date": date.isoformat()}
    assert (await client.post("/api/v1/expenses", json=body, headers=who.headers)).status_code == 201


async def test_put_list_get_delete(client: httpx.AsyncClient, alice: Account) -> None:
    today = today_in("UTC")
    first, _ = month_range(today)
    await _spend(client, alice, "100.10", "groceries", today)
    await _spend(client, alice, 0.2, "groceries", first)
    await _spend(client, alice, "50", "groceries", first - dt.timedelta(days=1))  # last month: not counted
    await _spend(client, alice, "700", "fuel", today)

    put = await client.put(f"{URL}/supermarket", json={"amount": "400"}, headers=alice.headers)
    assert put.status_code == 200, put.text
    assert put.json() == {
        "category": "groceries",
        "amount": "400.00",
        "period": "monthly",
        "spent": "100.30",
        "remaining": "299.70",
    }
    over = await client.put(f"{URL}/fuel", json={"amount": 600.5}, headers=alice.headers)
    assert over.json()["remaining"] == "-99.50"

    listing = (await client.get(URL, headers=alice.headers)).json()
    assert listing["total"] == 2
    assert [b["category"] for b in listing["items"]] == ["fuel", "groceries"]
    assert (await client.get(f"{URL}/groceries", headers=alice.headers)).json() == put.json()

    changed = await client.put(f"{URL}/groceries", json={"amount": "450.25"}, headers=alice.headers)
    assert changed.json()["amount"] == "450.25" and changed.json()["remaining"] == "349.95"
    assert (await client.get(URL, headers=alice.headers)).json()["total"] == 2

    assert (await client.delete(f"{URL}/groceries", headers=alice.headers)).status_code == 204
    assert_error(await client.get(f"{URL}/groceries", headers=alice.headers), 404)
    assert_error(await client.delete(f"{URL}/groceries", headers=alice.headers), 404)


async def test_spent_uses_the_users_month(client: httpx.AsyncClient, make_account: Any) -> None:
    far_east = make_account(timezone="Pacific/Kiritimati")
    today = today_in("Pacific/Kiritimati")
    await _spend(client, far_east, "12.34", "dining", today)
    budget = await client.put(f"{URL}/dining", json={"amount": "100"}, headers=far_east.headers)
    assert budget.json()["spent"] == "12.34"


async def test_budget_validation(client: httpx.AsyncClient, alice: Account) -> None:
    assert_error(
        await client.put(f"{URL}/rockets", json={"amount": "1"}, headers=alice.headers), 422, mentions="category"
    )
    assert_error(await client.put(f"{URL}/fuel", json={"amount": "-1"}, headers=alice.headers), 422, mentions="amount")
    assert_error(
        await client.put(f"{URL}/fuel", json={"amount": "1.999"}, headers=alice.headers), 422, mentions="amount"
    )
    assert_error(await client.put(f"{URL}/fuel", json={}, headers=alice.headers), 422, mentions="amount: is required")
    assert (await client.get(URL, headers=alice.headers)).json() == {"items": [], "total": 0}


async def test_budgets_need_a_token_and_are_per_user(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    assert_error(await client.get(URL), 401)
    assert_error(await client.put(f"{URL}/fuel", json={"amount": "1"}), 401)
    assert_error(await client.get(f"{URL}/fuel"), 401)
    assert_error(await client.delete(f"{URL}/fuel"), 401)
    await client.put(f"{URL}/fuel", json={"amount": "300"}, headers=alice.headers)
    assert (await client.get(URL, headers=bob.headers)).json()["total"] == 0
    assert_error(await client.get(f"{URL}/fuel", headers=bob.headers), 404)
    assert_error(await client.delete(f"{URL}/fuel", headers=bob.headers), 404)
    assert (await client.get(f"{URL}/fuel", headers=alice.headers)).json()["amount"] == "300.00"

"""`GET /api/v1/expenses/export`: a CSV attachment of the filtered list, spreadsheet-safe, rate limited per user."""

from __future__ import annotations

import csv
import io
from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error
from wheels_wins.settings import get_settings

URL = "/api/v1/expenses/export"


async def _add(client: httpx.AsyncClient, who: Account, **fields: Any) -> dict[str, Any]:
    body = {"amount": "10.00", "category": "groceries", "date": "2026-03-10", **fields}
    response = await client.post("/api/v1/expenses", json=body, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


def _rows(response: httpx.Response) -> list[list[str]]:
    assert response.status_code == 200, response.text
    text = response.content.decode("utf-8")
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:], newline="")))


async def test_export_is_a_csv_attachment(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    trip = (
        await client.post(
            "/api/v1/trips", json={"title": "Red Centre", "waypoints": [{"name": "Sydney"}]}, headers=alice.headers
        )
    ).json()
    await _add(client, alice, amount="1234.5", category="camping", description="Ayers Rock Resort", trip_id=trip["id"])
    await _add(client, alice, amount="4.5", category="dining", date="2026-03-11", description="=1+2", merchant="@cafe")
    await _add(client, bob, amount="99", description="Bob's")
    response = await client.get(URL, params={"start": "2026-03-01", "end": "2026-03-31"}, headers=alice.headers)
    assert response.headers["content-type"] == "text/csv; charset=utf-8"
    assert response.headers["content-disposition"] == 'attachment; filename="expenses-2026-03-01-to-2026-03-31.csv"'
    assert _rows(response) == [
        ["date", "description", "merchant", "category", "amount", "currency", "trip"],
        ["2026-03-11", "'=1+2", "'@cafe", "dining", "4.50", "AUD", ""],
        ["2026-03-10", "Ayers Rock Resort", "", "camping", "1234.50", "AUD", "Red Centre"],
    ]
    assert len(_rows(await client.get(URL, headers=bob.headers))) == 2


@pytest.mark.parametrize(
    ("params", "descriptions"),
    [
        ({}, ["Pie", "Diesel", "Tyres"]),
        ({"start": "2026-03-05"}, ["Pie", "Diesel"]),
        ({"end": "2026-03-04"}, ["Tyres"]),
        ({"category": "gas"}, ["Diesel"]),
        ({"q": "BAKER"}, ["Pie"]),
        ({"q": "%"}, []),
    ],
)
async def test_export_filters_match_the_list(
    client: httpx.AsyncClient, alice: Account, params: dict[str, str], descriptions: list[str]
) -> None:
    await _add(client, alice, description="Tyres", category="maintenance", date="2026-03-01")
    await _add(client, alice, description="Diesel", category="fuel", date="2026-03-05")
    await _add(client, alice, description="Pie", category="dining", date="2026-03-09", merchant="Bakery")
    exported = [row[1] for row in _rows(await client.get(URL, params=params, headers=alice.headers))[1:]]
    listed = (await client.get("/api/v1/expenses", params=params, headers=alice.headers)).json()
    assert exported == descriptions == [item["description"] for item in listed["items"]]


async def test_export_by_trip_and_an_empty_export(client: httpx.AsyncClient, alice: Account) -> None:
    trip = (
        await client.post(
            "/api/v1/trips", json={"title": "Loop", "waypoints": [{"name": "Perth"}]}, headers=alice.headers
        )
    ).json()
    await _add(client, alice, description="On the trip", trip_id=trip["id"])
    await _add(client, alice, description="At home")
    rows = _rows(await client.get(URL, params={"trip_id": trip["id"]}, headers=alice.headers))
    assert [row[1] for row in rows[1:]] == ["On the trip"]
    empty = await client.get(URL, params={"start": "2030-01-01"}, headers=alice.headers)
    assert _rows(empty) == [["date", "description", "merchant", "category", "amount", "currency", "trip"]]
    assert 'filename="expenses-from-2030-01-01.csv"' in empty.headers["content-disposition"]


@pytest.mark.parametrize(
    ("params", "mentions"),
    [
        ({"start": "2026-03-10", "end": "2026-03-01"}, "end: must be on or after start"),
        ({"start": "10/03/2026"}, "start"),
        ({"category": "spaceships"}, "category"),
        ({"trip_id": "nope"}, "trip_id"),
        ({"q": "x" * 101}, "q"),
    ],
)
async def test_bad_filters_are_422(
    client: httpx.AsyncClient, alice: Account, params: dict[str, str], mentions: str
) -> None:
    assert_error(await client.get(URL, params=params, headers=alice.headers), 422, mentions=mentions)


async def test_export_is_not_mistaken_for_an_expense_id(client: httpx.AsyncClient, alice: Account) -> None:
    assert (await client.get(URL, headers=alice.headers)).status_code == 200
    assert_error(await client.patch(URL, json={"amount": "1"}, headers=alice.headers), 404, "not_found")


async def test_export_is_rate_limited_per_user(
    client: httpx.AsyncClient, alice: Account, bob: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "rate_limits_enabled", True)
    for _ in range(30):
        assert (await client.get(URL, headers=alice.headers)).status_code == 200
    limited = await client.get(URL, headers=alice.headers)
    assert_error(limited, 429, "rate_limited")
    assert int(limited.headers["retry-after"]) >= 1
    assert (await client.get(URL, headers=bob.headers)).status_code == 200

"""Hostile input over REST: oversized bodies, wrong types and ranges, tricky Unicode, SQL and script payloads."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error
from wheels_wins.api.app import fastapi_app, security_middleware
from wheels_wins.settings import get_settings

UNICODE = {
    "emoji_zwj": "Family trip 👨‍👩‍👧‍👦 in the 🚐💨, 🏳️‍🌈 flag",
    "arabic": "رحلة إلى الصحراء — مصروف ٤٥",
    "hebrew": "נסיעה לאילת, תדלוק",
    "bidi_mixed": "Fuel ‏דלק‎ at Caltex ‮reversed‬ end",
    "combining": "Cafe\u0301 cre\u0300me bru\u0302le\u0301e, Z\u0324\u0354\u0367\u0311a\u0308lgo",
    "zero_width": "zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffjoiner",
    "astral": "𝕎𝕙𝕖𝕖𝕝𝕤 & 𝒲𝒾𝓃𝓈 𠜎𠜱 🦘",
    "cjk_thai": "露營車 キャンプ 캠핑 ภาษาไทย",
}
PAYLOADS = {
    "sql_quote": "Robert'); DROP TABLE expenses;--",
    "sql_union": "' UNION SELECT password_hash, email FROM users --",
    "sql_or": "1' OR '1'='1",
    "script": '<script>window.__pwned = 1; alert("xss")</script>',
    "img_onerror": '<img src=x onerror="window.__pwned=1">',
    "markdown_link": "[click me](javascript:window.__pwned=1) **bold** `code`",
    "template": "{{7*7}} ${7*7} {% raw %} %s %d %n",
}
TEXTS = {**UNICODE, **PAYLOADS}


async def _create(client: httpx.AsyncClient, account: Account, url: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(url, json=body, headers=account.headers)
    assert response.status_code == 201, response.text
    return response.json()


# collection -> (the create body for a text, the field that holds it)
WRITERS: dict[str, tuple[Any, str]] = {
    "expenses": (lambda text: {"amount": "12.50", "category": "dining", "description": text}, "description"),
    "posts": (lambda text: {"content": text}, "content"),
    "trips": (lambda text: {"title": text, "waypoints": [{"name": "Sydney"}, {"name": "Canberra"}]}, "title"),
}


@pytest.mark.parametrize("collection", list(WRITERS))
async def test_text_round_trips_exactly(client: httpx.AsyncClient, alice: Account, collection: str) -> None:
    body, field = WRITERS[collection]
    url = f"/api/v1/{collection}"
    for name, text in TEXTS.items():
        created = await _create(client, alice, url, body(text))
        assert created[field] == text, name
        read = (await client.get(f"{url}/{created['id']}", headers=alice.headers)).json()
        assert read[field] == text, name
        assert read[field].encode("utf-8") == text.encode("utf-8"), name  # no normalisation, nothing dropped
    listed = (await client.get(url, params={"limit": 100}, headers=alice.headers)).json()
    assert sorted(item[field] for item in listed["items"]) == sorted(TEXTS.values())


async def test_sql_payloads_are_inert_data(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    for text in PAYLOADS.values():
        await _create(client, alice, "/api/v1/expenses", WRITERS["expenses"][0](text))
    await _create(client, bob, "/api/v1/groups", {"name": "Solar nerds"})
    expenses = (await client.get("/api/v1/expenses", params={"limit": 100}, headers=alice.headers)).json()
    assert expenses["total"] == len(PAYLOADS)
    assert (await client.get("/api/v1/expenses", headers=bob.headers)).json()["total"] == 0
    for text in (PAYLOADS["sql_or"], PAYLOADS["sql_union"], "%' OR name LIKE '%"):
        found = await client.get("/api/v1/groups", params={"q": text}, headers=alice.headers)
        assert found.status_code == 200 and found.json()["total"] == 0, text
    assert (await client.get("/api/v1/groups", params={"q": "solar"}, headers=alice.headers)).json()["total"] == 1


async def test_a_trips_default_title_fits_however_long_its_stop_names(
    client: httpx.AsyncClient, alice: Account
) -> None:
    first, last = "Ā" * 160, "🦘" * 160
    stops = [{"name": first, "lat": -33.87, "lon": 151.21}, {"name": last, "lat": -35.28, "lon": 149.13}]
    trip = await _create(client, alice, "/api/v1/trips", {"waypoints": stops})
    assert len(trip["title"]) <= 120 and trip["title"].startswith("ĀĀ") and " to 🦘" in trip["title"]
    assert [stop["name"] for stop in trip["waypoints"]] == [first, last]


@pytest.mark.parametrize("collection", list(WRITERS))
async def test_a_nul_character_is_refused_naming_the_field(
    client: httpx.AsyncClient, alice: Account, collection: str
) -> None:
    body, field = WRITERS[collection]
    response = await client.post(f"/api/v1/{collection}", json=body("before\x00after"), headers=alice.headers)
    assert_error(response, 422, mentions=field)
    assert (await client.get(f"/api/v1/{collection}", headers=alice.headers)).json()["total"] == 0


# (method, url, body, the field the 422 must name)
BAD_INPUT = [
    ("POST", "/api/v1/expenses", {"amount": "lots", "category": "dining"}, "amount"),
    ("POST", "/api/v1/expenses", {"amount": "-5", "category": "dining"}, "amount"),
    ("POST", "/api/v1/expenses", {"amount": "1e400", "category": "dining"}, "amount"),
    ("POST", "/api/v1/expenses", {"amount": "5", "category": ["dining"]}, "category"),
    ("POST", "/api/v1/expenses", {"amount": "5", "category": "dining", "date": "2026-13-45"}, "date"),
    ("POST", "/api/v1/expenses", {"amount": "5", "category": "dining", "description": "x" * 5000}, "description"),
    ("POST", "/api/v1/expenses", [1, 2, 3], "body"),
    ("POST", "/api/v1/fuel", {"litres": True, "total_cost": "80"}, "litres"),
    ("POST", "/api/v1/trips", {"title": "T", "waypoints": [{"name": "X", "lat": 200, "lon": 0}]}, "waypoints.0.lat"),
    ("POST", "/api/v1/places", {"name": "P", "kind": "castle", "lat": 0, "lon": 0}, "kind"),
    ("POST", "/api/v1/calendar", {"title": "Ferry", "start": "tomorrow-ish"}, "start"),
    ("POST", "/api/v1/posts", {"content": 12345}, "content"),
    ("POST", "/api/v1/posts", {"content": ""}, "content"),
    ("PUT", "/api/v1/budgets/dining", {"amount": {"$gt": 0}}, "amount"),
    ("GET", "/api/v1/expenses?limit=0", None, "limit"),
    ("GET", "/api/v1/expenses?limit=abc", None, "limit"),
    ("GET", "/api/v1/expenses?offset=-1", None, "offset"),
    ("GET", "/api/v1/expenses?offset=99999999999999999999999", None, "offset"),
]


@pytest.mark.parametrize(
    ("method", "url", "body", "field"), BAD_INPUT, ids=[f"{m} {u} {f}" for m, u, _, f in BAD_INPUT]
)
async def test_wrong_types_and_ranges_are_422_naming_the_field(
    client: httpx.AsyncClient, alice: Account, method: str, url: str, body: Any, field: str
) -> None:
    response = await client.request(method, url, json=body, headers=alice.headers)
    assert_error(response, 422, mentions=field)


@pytest.fixture
async def guarded(engine: Any) -> AsyncIterator[httpx.AsyncClient]:
    """A client through the security middleware, as the server runs the API."""
    transport = httpx.ASGITransport(app=security_middleware(fastapi_app))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http


async def test_oversized_bodies_are_413_and_store_nothing(guarded: httpx.AsyncClient, alice: Account) -> None:
    limit = get_settings().max_body_bytes
    big = {"content": "x" * (limit + 1)}
    assert_error(await guarded.post("/api/v1/posts", json=big, headers=alice.headers), 413, "payload_too_large")

    async def chunks() -> AsyncIterator[bytes]:
        yield b'{"content": "'
        for _ in range(limit // 65536 + 2):
            yield b"y" * 65536
        yield b'"}'

    streamed = await guarded.post(
        "/api/v1/posts", content=chunks(), headers={**alice.headers, "Content-Type": "application/json"}
    )
    assert_error(streamed, 413, "payload_too_large")
    assert (await guarded.get("/api/v1/posts", headers=alice.headers)).json()["total"] == 0
    small = await guarded.post("/api/v1/posts", json={"content": "fits"}, headers=alice.headers)
    assert small.status_code == 201

"""Income entries."""

from __future__ import annotations

import httpx
import pytest

from tests.api import Account, assert_error

URL = "/api/v1/income"


async def test_income_crud(client: httpx.AsyncClient, alice: Account) -> None:
    created = await client.post(
        URL, json={"amount": "1250.5", "source": "Harvest work", "date": "2026-02-14"}, headers=alice.headers
    )
    assert created.status_code == 201, created.text
    body = created.json()
    assert {k: body[k] for k in ("amount", "currency", "source", "date", "description")} == {
        "amount": "1250.50",
        "currency": "AUD",
        "source": "Harvest work",
        "date": "2026-02-14",
        "description": "",
    }
    await client.post(URL, json={"amount": 80, "source": "Market stall", "date": "2026-03-01"}, headers=alice.headers)

    listing = (await client.get(URL, headers=alice.headers)).json()
    assert listing["total"] == 2 and [i["date"] for i in listing["items"]] == ["2026-03-01", "2026-02-14"]
    february = (
        await client.get(URL, params={"start": "2026-02-01", "end": "2026-02-28"}, headers=alice.headers)
    ).json()
    assert february["total"] == 1

    patched = await client.patch(f"{URL}/{body['id']}", json={"description": "Mangoes"}, headers=alice.headers)
    assert patched.json()["description"] == "Mangoes" and patched.json()["amount"] == "1250.50"
    assert (await client.get(f"{URL}/{body['id']}", headers=alice.headers)).json() == patched.json()
    assert (await client.delete(f"{URL}/{body['id']}", headers=alice.headers)).status_code == 204
    assert_error(await client.get(f"{URL}/{body['id']}", headers=alice.headers), 404)
    assert_error(await client.get(f"{URL}/garbage", headers=alice.headers), 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"amount": "10", "source": ""}, "source"),
        ({"amount": "10"}, "source: is required"),
        ({"amount": "0", "source": "x"}, "amount: must be greater than 0"),
        ({"amount": "10.001", "source": "x"}, "amount"),
        ({"amount": "10", "source": "x", "date": "2026-13-01"}, "date"),
    ],
)
async def test_income_validation(client: httpx.AsyncClient, alice: Account, body: dict, field: str) -> None:
    assert_error(await client.post(URL, json=body, headers=alice.headers), 422, "validation_error", mentions=field)


async def test_income_patch_validation_and_auth(client: httpx.AsyncClient, alice: Account) -> None:
    created = (await client.post(URL, json={"amount": "5", "source": "Tips"}, headers=alice.headers)).json()
    assert_error(
        await client.patch(f"{URL}/{created['id']}", json={"source": None}, headers=alice.headers),
        422,
        mentions="source",
    )
    assert_error(
        await client.patch(f"{URL}/{created['id']}", json={"amount": "-2"}, headers=alice.headers),
        422,
        mentions="amount",
    )
    for method, url in [
        ("GET", URL),
        ("POST", URL),
        ("GET", f"{URL}/{created['id']}"),
        ("PATCH", f"{URL}/{created['id']}"),
        ("DELETE", f"{URL}/{created['id']}"),
    ]:
        assert_error(await client.request(method, url, json={}), 401)

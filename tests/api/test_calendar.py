"""Calendar events in the user's timezone."""

from __future__ import annotations

import datetime as dt
from typing import Any

import httpx
import pytest

from tests.api import Account, assert_error

URL = "/api/v1/calendar"


@pytest.fixture
def sydney(make_account: Any) -> Account:
    """A traveller in Sydney (UTC+10 in winter, +11 in summer)."""
    return make_account(timezone="Australia/Sydney")


async def test_a_date_only_start_means_nine_am_local(client: httpx.AsyncClient, sydney: Account) -> None:
    response = await client.post(URL, headers=sydney.headers, json={"title": "Rego due", "start": "2026-07-01"})
    assert response.status_code == 201, response.text
    event = response.json()
    assert event["start"] == "2026-07-01T09:00:00+10:00"
    assert event["end"] is None and event["all_day"] is False and event["kind"] == "event"
    summer = (await client.post(URL, headers=sydney.headers, json={"title": "BBQ", "start": "2026-01-10"})).json()
    assert summer["start"] == "2026-01-10T09:00:00+11:00"
    assert (await client.get(f"{URL}/{event['id']}", headers=sydney.headers)).json() == event


async def test_datetimes_local_or_with_offset(client: httpx.AsyncClient, sydney: Account) -> None:
    local = (
        await client.post(
            URL,
            headers=sydney.headers,
            json={"title": "Ferry", "start": "2026-07-02T14:30:00", "end": "2026-07-02T16:00"},
        )
    ).json()
    assert local["start"] == "2026-07-02T14:30:00+10:00" and local["end"] == "2026-07-02T16:00:00+10:00"
    utc = (
        await client.post(URL, headers=sydney.headers, json={"title": "Call", "start": "2026-07-02T00:00:00Z"})
    ).json()
    assert utc["start"] == "2026-07-02T10:00:00+10:00"
    assert dt.datetime.fromisoformat(utc["start"]) == dt.datetime(2026, 7, 2, tzinfo=dt.UTC)


async def test_list_in_start_order_with_day_filters(client: httpx.AsyncClient, sydney: Account) -> None:
    for title, start in [("b", "2026-07-03"), ("a", "2026-07-01T07:00"), ("c", "2026-07-05T23:30")]:
        await client.post(URL, headers=sydney.headers, json={"title": title, "start": start})
    listing = (await client.get(URL, headers=sydney.headers)).json()
    assert listing["total"] == 3 and [e["title"] for e in listing["items"]] == ["a", "b", "c"]
    window = (await client.get(URL, params={"start": "2026-07-02", "end": "2026-07-05"}, headers=sydney.headers)).json()
    assert [e["title"] for e in window["items"]] == ["b", "c"]
    assert_error(await client.get(URL, params={"end": "9999-12-31"}, headers=sydney.headers), 422, mentions="end")


async def test_a_day_filter_follows_the_users_clock_across_daylight_saving(
    client: httpx.AsyncClient, sydney: Account
) -> None:
    # Sydney's clocks go forward at 2am on Sunday 4 October 2026: that day is 23 hours long.
    for title, start in [
        ("Saturday night", "2026-10-03T23:30"),
        ("Just after midnight", "2026-10-04T00:30"),
        ("Sunday night", "2026-10-04T23:30"),
        ("Monday", "2026-10-05T00:00"),
    ]:
        await client.post(URL, headers=sydney.headers, json={"title": title, "start": start})
    day = (await client.get(URL, params={"start": "2026-10-04", "end": "2026-10-04"}, headers=sydney.headers)).json()
    assert [e["title"] for e in day["items"]] == ["Just after midnight", "Sunday night"]
    assert [e["start"] for e in day["items"]] == ["2026-10-04T00:30:00+10:00", "2026-10-04T23:30:00+11:00"]


async def test_patch_and_delete(client: httpx.AsyncClient, sydney: Account) -> None:
    event = (
        await client.post(
            URL, headers=sydney.headers, json={"title": "Service", "start": "2026-07-01", "end": "2026-07-01T12:00"}
        )
    ).json()
    moved = await client.patch(
        f"{URL}/{event['id']}", headers=sydney.headers, json={"start": "2026-07-01T10:00:00+10:00"}
    )
    assert moved.status_code == 200, moved.text
    assert moved.json()["start"] == "2026-07-01T10:00:00+10:00" and moved.json()["title"] == "Service"
    assert_error(
        await client.patch(f"{URL}/{event['id']}", headers=sydney.headers, json={"start": "2026-07-02"}),
        422,
        mentions="end",
    )
    open_ended = (await client.patch(f"{URL}/{event['id']}", headers=sydney.headers, json={"end": None})).json()
    assert open_ended["end"] is None
    assert_error(
        await client.patch(f"{URL}/{event['id']}", headers=sydney.headers, json={"start": None}), 422, mentions="start"
    )
    assert (await client.delete(f"{URL}/{event['id']}", headers=sydney.headers)).status_code == 204
    assert_error(await client.get(f"{URL}/{event['id']}", headers=sydney.headers), 404)


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"start": "2026-07-01"}, "title"),
        ({"title": "x"}, "start: is required"),
        ({"title": "x", "start": "next tuesday"}, "start"),
        ({"title": "x", "start": "2026-02-30"}, "start"),
        ({"title": "x", "start": "2026-07-02", "end": "2026-07-01"}, "end"),
        ({"title": "x", "start": "2026-07-02", "kind": "party"}, "kind"),
        ({"title": "x", "start": "0001-01-01"}, "start"),
        ({"title": "x", "start": "9999-12-31T23:59:59-12:00"}, "start"),
        ({"title": "x", "start": "2026-07-02", "end": "9999-12-31"}, "end"),
    ],
)
async def test_calendar_validation(client: httpx.AsyncClient, sydney: Account, body: dict, field: str) -> None:
    assert_error(await client.post(URL, json=body, headers=sydney.headers), 422, mentions=field)


async def test_calendar_routes_need_a_token(client: httpx.AsyncClient) -> None:
    some_id = "00000000-0000-4000-8000-000000000000"
    for method, url in [
        ("GET", URL),
        ("POST", URL),
        ("GET", f"{URL}/{some_id}"),
        ("PATCH", f"{URL}/{some_id}"),
        ("DELETE", f"{URL}/{some_id}"),
    ]:
        assert_error(await client.request(method, url, json={}), 401)

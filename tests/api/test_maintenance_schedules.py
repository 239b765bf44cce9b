"""Maintenance schedules over REST: CRUD with due figures, GET /maintenance/due, validation, isolation and tokens."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.api import Account, assert_error
from wheels_wins.repositories import notifications
from wheels_wins.services.maintenance_due import add_months
from wheels_wins.services.money import today_in

SCHEDULES = "/api/v1/maintenance/schedules"
DUE = "/api/v1/maintenance/due"
MAINTENANCE = "/api/v1/maintenance"
SOME_ID = "00000000-0000-4000-8000-000000000000"


def _today() -> dt.date:
    return today_in("UTC")  # the accounts' timezone


async def _post(client: httpx.AsyncClient, who: Account, url: str, body: dict[str, Any]) -> dict[str, Any]:
    response = await client.post(url, json=body, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_a_schedule_never_done_counts_from_its_start(client: httpx.AsyncClient, alice: Account) -> None:
    await _post(client, alice, "/api/v1/fuel", {"litres": "60", "total_cost": "120", "odometer_km": 84_000})
    body = {
        "task": "Oil change",
        "every_km": 10_000,
        "every_months": 6,
        "start_date": "2026-01-31",
        "start_odometer_km": 80_000,
        "notes": "5W-30",
    }
    created = await _post(client, alice, SCHEDULES, body)

    assert created["task"] == "Oil change" and created["notes"] == "5W-30"
    assert (created["every_km"], created["every_months"], created["vehicle_id"]) == (10_000, 6, None)
    assert (created["last_done_date"], created["last_done_km"]) == (None, None)
    assert (created["next_due_date"], created["next_due_km"], created["km_left"]) == ("2026-07-31", 90_000, 6_000)
    assert created["days_left"] == (dt.date(2026, 7, 31) - _today()).days
    assert created["status"] in {"overdue", "soon", "ok"}
    assert (await client.get(f"{SCHEDULES}/{created['id']}", headers=alice.headers)).json() == created


async def test_a_record_of_the_task_moves_the_schedule_on(client: httpx.AsyncClient, alice: Account) -> None:
    today = _today()
    schedule = await _post(client, alice, SCHEDULES, {"task": "Oil change", "every_km": 10_000, "every_months": 6})
    assert (schedule["start_date"], schedule["next_due_km"], schedule["status"]) == (today.isoformat(), None, "ok")

    done = today - dt.timedelta(days=170)
    record = await _post(
        client, alice, MAINTENANCE, {"task": "OIL CHANGE", "date": done.isoformat(), "odometer_km": 120_000}
    )
    await _post(client, alice, "/api/v1/fuel", {"litres": "60", "total_cost": "120", "odometer_km": 129_400})

    [listed] = (await client.get(SCHEDULES, headers=alice.headers)).json()["items"]
    assert (listed["last_done_date"], listed["last_done_km"]) == (done.isoformat(), 120_000)
    assert (listed["next_due_date"], listed["next_due_km"]) == (add_months(done, 6).isoformat(), 130_000)
    assert (listed["km_left"], listed["status"]) == (600, "soon")

    due = (await client.get(DUE, headers=alice.headers)).json()
    assert due["odometer_km"] == 129_400 and due["total"] == 1
    [item] = due["items"]
    assert item == {
        "task": "Oil change",
        "status": "soon",
        "due_date": listed["next_due_date"],
        "due_km": 130_000,
        "days_left": listed["days_left"],
        "km_left": 600,
        "schedule_id": schedule["id"],
        "record_id": record["id"],
    }
    assert (await client.get(DUE, params={"soon_km": 500, "soon_days": 0}, headers=alice.headers)).json()["total"] == 0


async def test_due_lists_records_own_next_due_too(client: httpx.AsyncClient, alice: Account) -> None:
    overdue = (_today() - dt.timedelta(days=2)).isoformat()
    record = await _post(client, alice, MAINTENANCE, {"task": "Rego", "next_due_date": overdue})
    due = (await client.get(DUE, headers=alice.headers)).json()
    assert [(i["task"], i["status"], i["days_left"], i["schedule_id"], i["record_id"]) for i in due["items"]] == [
        ("Rego", "overdue", -2, None, record["id"])
    ]
    assert due["odometer_km"] is None


async def test_adding_an_overdue_schedule_notifies_once(
    client: httpx.AsyncClient, alice: Account, engine: Engine
) -> None:
    created = await _post(
        client, alice, SCHEDULES, {"task": "Brake fluid", "every_months": 12, "start_date": "2020-01-01"}
    )
    await client.patch(f"{SCHEDULES}/{created['id']}", json={"notes": "DOT 4"}, headers=alice.headers)
    with Session(engine) as session:
        notes = notifications.list_recent(session, user_id=uuid.UUID(alice.id))
    assert [(n.kind, n.title, n.link) for n in notes] == [
        ("maintenance", "Brake fluid is overdue", "/wheels?tab=vehicle")
    ]


async def test_update_and_delete(client: httpx.AsyncClient, alice: Account) -> None:
    schedule = await _post(client, alice, SCHEDULES, {"task": "Tyres", "every_km": 10_000, "start_odometer_km": 1_000})
    url = f"{SCHEDULES}/{schedule['id']}"

    changed = await client.patch(
        url, json={"every_months": 12, "every_km": None, "task": " Tyre rotation "}, headers=alice.headers
    )
    assert changed.status_code == 200, changed.text
    body = changed.json()
    assert (body["task"], body["every_km"], body["every_months"], body["next_due_km"]) == (
        "Tyre rotation",
        None,
        12,
        None,
    )
    assert_error(await client.patch(url, json={"every_months": None}, headers=alice.headers), 422, mentions="every_km")
    assert_error(await client.patch(url, json={"task": None}, headers=alice.headers), 422, mentions="task")

    assert (await client.delete(url, headers=alice.headers)).status_code == 204
    assert_error(await client.get(url, headers=alice.headers), 404, "not_found")
    assert_error(await client.delete(url, headers=alice.headers), 404, "not_found")
    assert_error(await client.patch(f"{SCHEDULES}/not-a-uuid", json={}, headers=alice.headers), 404, "not_found")


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({"task": "Oil change"}, "every_km"),
        ({"task": "", "every_km": 5000}, "task"),
        ({"task": "Oil", "every_km": 0}, "every_km"),
        ({"task": "Oil", "every_km": 1_000_001}, "every_km"),
        ({"task": "Oil", "every_months": 0}, "every_months"),
        ({"task": "Oil", "every_months": 121}, "every_months"),
        ({"task": "Oil", "every_months": 6, "start_date": "soon"}, "start_date"),
        ({"task": "Oil", "every_months": 6, "start_odometer_km": -1}, "start_odometer_km"),
        ({"task": "Oil", "every_months": 6, "vehicle_id": SOME_ID}, "vehicle_id"),
        ({"task": "x" * 161, "every_months": 6}, "task"),
    ],
)
async def test_validation_names_the_field(client: httpx.AsyncClient, alice: Account, body: dict, field: str) -> None:
    assert_error(await client.post(SCHEDULES, json=body, headers=alice.headers), 422, mentions=field)


async def test_one_schedule_per_task(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    await _post(client, alice, SCHEDULES, {"task": "Oil change", "every_months": 6})
    assert_error(
        await client.post(SCHEDULES, json={"task": "oil  CHANGE", "every_km": 5000}, headers=alice.headers),
        422,
        mentions="task",
    )
    await _post(client, bob, SCHEDULES, {"task": "Oil change", "every_months": 6})  # someone else's is no clash


async def test_another_users_schedules_are_404_and_unseen(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    mine = await _post(client, alice, SCHEDULES, {"task": "Oil change", "every_months": 1, "start_date": "2020-01-01"})
    url = f"{SCHEDULES}/{mine['id']}"
    assert_error(await client.get(url, headers=bob.headers), 404, "not_found")
    assert_error(await client.patch(url, json={"every_months": 3}, headers=bob.headers), 404, "not_found")
    assert_error(await client.delete(url, headers=bob.headers), 404, "not_found")
    assert (await client.get(SCHEDULES, headers=bob.headers)).json() == {"items": [], "total": 0}
    assert (await client.get(DUE, headers=bob.headers)).json() == {"items": [], "total": 0, "odometer_km": None}
    assert (await client.get(url, headers=alice.headers)).json() == mine
    assert (await client.get(DUE, headers=alice.headers)).json()["total"] == 1


async def test_maintenance_records_keep_their_shape(client: httpx.AsyncClient, alice: Account) -> None:
    record = await _post(client, alice, MAINTENANCE, {"task": "Grease", "date": "2026-03-01"})
    assert set(record) >= {"id", "task", "date", "odometer_km", "cost", "notes", "next_due_date", "next_due_km"}
    assert (await client.get(f"{MAINTENANCE}/{record['id']}", headers=alice.headers)).json() == record


async def test_schedule_routes_need_a_token(client: httpx.AsyncClient) -> None:
    for method, url in [
        ("GET", SCHEDULES),
        ("POST", SCHEDULES),
        ("GET", f"{SCHEDULES}/{SOME_ID}"),
        ("PATCH", f"{SCHEDULES}/{SOME_ID}"),
        ("DELETE", f"{SCHEDULES}/{SOME_ID}"),
        ("GET", DUE),
    ]:
        assert_error(await client.request(method, url, json={}), 401)

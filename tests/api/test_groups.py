"""Groups over REST: browse, start, join and leave (counted once), creator-only changes, members-only posting."""

from __future__ import annotations

import httpx
import pytest

from tests.api import Account, assert_error
from wheels_wins.settings import get_settings

URL = "/api/v1/groups"


async def _group(client: httpx.AsyncClient, who: Account, name: str = "Solar & 12V power", **extra) -> dict:
    made = await client.post(URL, headers=who.headers, json={"name": name, **extra})
    assert made.status_code == 201, made.text
    return made.json()


async def test_start_browse_join_and_leave(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    group = await _group(client, alice, "  Solar & 12V power ", description="Panels, lithium, inverters")
    assert group["name"] == "Solar & 12V power" and group["member_count"] == 1
    assert group["joined"] and group["created_by_me"] and "user_id" not in group
    await _group(client, bob, "Budget travel tips")

    listed = (await client.get(URL, headers=bob.headers)).json()
    assert listed["total"] == 2
    assert [(g["name"], g["joined"]) for g in listed["items"]] == [("Budget travel tips", True), (group["name"], False)]
    found = (await client.get(URL, headers=bob.headers, params={"q": "solar"})).json()
    assert found["total"] == 1 and found["items"][0]["created_by_me"] is False

    membership = f"{URL}/{group['id']}/membership"
    for _ in range(2):
        joined = await client.put(membership, headers=bob.headers)
        assert joined.status_code == 200 and joined.json()["joined"] and joined.json()["member_count"] == 2
    for _ in range(2):
        left = await client.delete(membership, headers=bob.headers)
        assert left.status_code == 200 and not left.json()["joined"] and left.json()["member_count"] == 1
    assert_error(await client.delete(membership, headers=alice.headers), 409, "only_member")
    assert_error(await client.put(f"{URL}/00000000-0000-4000-8000-000000000000/membership", headers=bob.headers), 404)
    assert_error(await client.put(f"{URL}/not-an-id/membership", headers=bob.headers), 404)


async def test_validation_and_duplicate_names(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    await _group(client, alice, "Pet-friendly camping")
    assert_error(await client.post(URL, headers=bob.headers, json={"name": "PET-friendly Camping"}), 409, "name_taken")
    for body, field in [
        ({"name": "ab"}, "name"),
        ({"name": "x" * 81}, "name"),
        ({}, "name: is required"),
        ({"name": "Fine name", "description": "x" * 501}, "description"),
    ]:
        assert_error(await client.post(URL, headers=bob.headers, json=body), 422, mentions=field)
    assert (await client.get(URL, headers=bob.headers)).json()["total"] == 1


async def test_only_the_creator_edits_or_deletes(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    group = await _group(client, alice, description="Sunny")
    one = f"{URL}/{group['id']}"
    assert_error(await client.patch(one, headers=bob.headers, json={"description": "Hijacked"}), 404)
    assert_error(await client.delete(one, headers=bob.headers), 404)
    assert (await client.get(one, headers=bob.headers)).json()["description"] == "Sunny"

    edited = await client.patch(one, headers=alice.headers, json={"description": "  Sunny side up "})
    assert edited.status_code == 200 and edited.json()["description"] == "Sunny side up"
    assert_error(
        await client.patch(one, headers=alice.headers, json={"description": "x" * 501}), 422, mentions="description"
    )

    await client.put(f"{one}/membership", headers=bob.headers)
    assert_error(await client.delete(one, headers=alice.headers), 409, "group_has_members")
    await client.delete(f"{one}/membership", headers=bob.headers)
    assert (await client.delete(one, headers=alice.headers)).status_code == 204
    assert_error(await client.get(one, headers=alice.headers), 404)


async def test_members_post_and_everyone_reads(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    group = await _group(client, alice)
    posts = f"{URL}/{group['id']}/posts"
    made = await client.post(posts, headers=alice.headers, json={"content": "My 400W array"})
    assert made.status_code == 201 and made.json()["group_id"] == group["id"]

    refused = assert_error(
        await client.post(posts, headers=bob.headers, json={"content": "Me too"}), 403, "not_a_member"
    )
    assert "join" in refused["message"]
    assert_error(
        await client.post("/api/v1/posts", headers=bob.headers, json={"content": "Sneak", "group_id": group["id"]}),
        403,
        "not_a_member",
    )
    read = (await client.get(posts, headers=bob.headers)).json()
    assert read["total"] == 1 and read["items"][0]["content"] == "My 400W array"

    await client.put(f"{URL}/{group['id']}/membership", headers=bob.headers)
    assert (await client.post(posts, headers=bob.headers, json={"content": "Me too"})).status_code == 201
    community = (await client.get("/api/v1/posts", headers=bob.headers)).json()
    assert community == {"items": [], "total": 0}  # group posts stay in their group
    filtered = (await client.get("/api/v1/posts", headers=bob.headers, params={"group_id": group["id"]})).json()
    assert filtered["total"] == 2
    assert_error(await client.get(f"{URL}/00000000-0000-4000-8000-000000000000/posts", headers=bob.headers), 404)


async def test_writes_are_rate_limited(
    client: httpx.AsyncClient, alice: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    group = await _group(client, alice)
    monkeypatch.setenv("RATE_LIMITS_ENABLED", "true")
    get_settings.cache_clear()  # counting starts now: with limits off nothing was counted
    try:
        answers = [await client.put(f"{URL}/{group['id']}/membership", headers=alice.headers) for _ in range(31)]
    finally:
        monkeypatch.setenv("RATE_LIMITS_ENABLED", "false")
        get_settings.cache_clear()
    assert [a.status_code for a in answers[:30]] == [200] * 30
    assert_error(answers[30], 429, "rate_limited")
    assert answers[30].headers["retry-after"]


async def test_signed_out_is_refused(client: httpx.AsyncClient) -> None:
    assert_error(await client.get(URL), 401)
    assert_error(await client.post(URL, json={"name": "Anon"}), 401)

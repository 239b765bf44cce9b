"""REST notifications: list newest first with keyset pages, read/unread, read-all, delete; choices; isolation."""

from __future__ import annotations

import httpx

from tests.api import Account, assert_error


async def _post(client: httpx.AsyncClient, author: Account, text: str = "Sunset at Mungo") -> str:
    made = await client.post("/api/v1/posts", json={"content": text}, headers=author.headers)
    assert made.status_code == 201, made.text
    return made.json()["id"]


async def test_likes_and_comments_arrive_and_are_marked(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    post_id = await _post(client, alice)
    assert (await client.post(f"/api/v1/posts/{post_id}/like", headers=bob.headers)).status_code == 200
    commented = await client.post(f"/api/v1/posts/{post_id}/comments", json={"content": "Windy?"}, headers=bob.headers)
    assert commented.status_code == 201, commented.text

    listed = (await client.get("/api/v1/notifications", headers=alice.headers)).json()
    assert listed["total"] == 2 and listed["unread"] == 2 and "next_cursor" not in listed
    assert [n["kind"] for n in listed["items"]] == ["post_comment", "post_like"]  # newest first
    comment = listed["items"][0]
    assert comment["title"] == "Bob Grey commented on your post" and comment["body"] == "Windy?"
    assert comment["link"] == "/social" and comment["read"] is False

    read = await client.patch(f"/api/v1/notifications/{comment['id']}", json={"read": True}, headers=alice.headers)
    assert read.status_code == 200 and read.json()["read"] is True
    unread = (await client.get("/api/v1/notifications?unread_only=true", headers=alice.headers)).json()
    assert [n["kind"] for n in unread["items"]] == ["post_like"] and unread["total"] == 1 and unread["unread"] == 1
    again = await client.patch(f"/api/v1/notifications/{comment['id']}", json={"read": False}, headers=alice.headers)
    assert again.json()["read"] is False

    marked = await client.post("/api/v1/notifications/read-all", headers=alice.headers)
    assert marked.json() == {"marked": 2}
    assert (await client.get("/api/v1/notifications", headers=alice.headers)).json()["unread"] == 0

    gone = await client.delete(f"/api/v1/notifications/{comment['id']}", headers=alice.headers)
    assert gone.status_code == 204
    assert (await client.get("/api/v1/notifications", headers=alice.headers)).json()["total"] == 1
    assert_error(await client.delete(f"/api/v1/notifications/{comment['id']}", headers=alice.headers), 404)


async def test_keyset_paging(client: httpx.AsyncClient, alice: Account, make_account) -> None:
    post_id = await _post(client, alice)
    for number in range(5):
        fan = make_account(full_name=f"Fan {number}")
        assert (await client.post(f"/api/v1/posts/{post_id}/like", headers=fan.headers)).status_code == 200
    first = (await client.get("/api/v1/notifications?limit=2", headers=alice.headers)).json()
    assert len(first["items"]) == 2 and first["total"] == 5 and first["next_cursor"]
    seen = [n["id"] for n in first["items"]]
    cursor = first["next_cursor"]
    while cursor:
        page = (await client.get(f"/api/v1/notifications?limit=2&cursor={cursor}", headers=alice.headers)).json()
        seen += [n["id"] for n in page["items"]]
        cursor = page.get("next_cursor")
    assert len(seen) == 5 and len(set(seen)) == 5
    assert_error(
        await client.get("/api/v1/notifications?cursor=nonsense", headers=alice.headers), 422, mentions="cursor"
    )


async def test_another_users_notification_is_not_found(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    post_id = await _post(client, alice)
    await client.post(f"/api/v1/posts/{post_id}/like", headers=bob.headers)
    [note] = (await client.get("/api/v1/notifications", headers=alice.headers)).json()["items"]
    assert (await client.get("/api/v1/notifications", headers=bob.headers)).json() == {
        "items": [],
        "total": 0,
        "unread": 0,
    }
    url = f"/api/v1/notifications/{note['id']}"
    assert_error(await client.patch(url, json={"read": True}, headers=bob.headers), 404, "not_found")
    assert_error(await client.delete(url, headers=bob.headers), 404, "not_found")
    assert (await client.post("/api/v1/notifications/read-all", headers=bob.headers)).json() == {"marked": 0}
    assert (await client.get("/api/v1/notifications", headers=alice.headers)).json()["unread"] == 1
    assert_error(await client.patch("/api/v1/notifications/not-an-id", json={"read": True}, headers=alice.headers), 404)
    assert_error(await client.patch(url, json={"read": "maybe"}, headers=alice.headers), 422)
    assert_error(await client.get("/api/v1/notifications"), 401)
    assert_error(await client.post("/api/v1/notifications/read-all"), 401)


async def test_notification_settings_turn_kinds_off(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    settings = await client.get("/api/v1/me/notification-settings", headers=alice.headers)
    assert settings.json() == {"budget": True, "maintenance": True, "comments": True, "likes": True}
    changed = await client.put("/api/v1/me/notification-settings", json={"likes": False}, headers=alice.headers)
    assert changed.json() == {"budget": True, "maintenance": True, "comments": True, "likes": False}
    assert (await client.get("/api/v1/me/notification-settings", headers=bob.headers)).json()["likes"] is True

    post_id = await _post(client, alice)
    await client.post(f"/api/v1/posts/{post_id}/like", headers=bob.headers)
    await client.post(f"/api/v1/posts/{post_id}/comments", json={"content": "Nice"}, headers=bob.headers)
    kinds = [n["kind"] for n in (await client.get("/api/v1/notifications", headers=alice.headers)).json()["items"]]
    assert kinds == ["post_comment"]

    assert_error(
        await client.put("/api/v1/me/notification-settings", json={"likes": "sometimes"}, headers=alice.headers), 422
    )
    assert_error(await client.put("/api/v1/me/notification-settings", json={"likes": None}, headers=alice.headers), 422)
    assert_error(await client.get("/api/v1/me/notification-settings"), 401)

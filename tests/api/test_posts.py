"""Community posts: a shared feed; only authors edit or delete."""

from __future__ import annotations

import httpx

from tests.api import Account, assert_error

URL = "/api/v1/posts"


async def test_publish_and_read_the_feed(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    first = await client.post(URL, headers=alice.headers, json={"content": "  Great free camp at Lake Hume!  "})
    assert first.status_code == 201, first.text
    post = first.json()
    assert post["content"] == "Great free camp at Lake Hume!"
    assert post["author"] == {"id": alice.id, "full_name": "Alice Nomad"}
    assert post["like_count"] == 0 and post["comment_count"] == 0 and post["group_id"] is None
    assert "email" not in str(post)
    second = (await client.post(URL, headers=bob.headers, json={"content": "Road closed near Bourke"})).json()

    feed = (await client.get(URL, headers=bob.headers)).json()
    assert feed["total"] == 2 and [p["id"] for p in feed["items"]] == [second["id"], post["id"]]
    assert (await client.get(f"{URL}/{post['id']}", headers=bob.headers)).json() == post
    paged = (await client.get(URL, params={"limit": 1, "offset": 1}, headers=alice.headers)).json()
    assert paged["total"] == 2 and [p["id"] for p in paged["items"]] == [post["id"]]


async def test_only_the_author_edits_or_deletes(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    post = (await client.post(URL, headers=alice.headers, json={"content": "Original"})).json()
    assert_error(await client.patch(f"{URL}/{post['id']}", headers=bob.headers, json={"content": "Hacked"}), 404)
    assert_error(await client.delete(f"{URL}/{post['id']}", headers=bob.headers), 404)
    assert (await client.get(f"{URL}/{post['id']}", headers=alice.headers)).json()["content"] == "Original"

    edited = await client.patch(f"{URL}/{post['id']}", headers=alice.headers, json={"content": "Edited"})
    assert edited.status_code == 200 and edited.json()["content"] == "Edited"
    assert edited.json()["author"]["id"] == alice.id
    assert (await client.delete(f"{URL}/{post['id']}", headers=alice.headers)).status_code == 204
    assert_error(await client.get(f"{URL}/{post['id']}", headers=bob.headers), 404)


async def test_post_validation(client: httpx.AsyncClient, alice: Account) -> None:
    for body, field in [
        ({"content": "   "}, "content"),
        ({}, "content: is required"),
        ({"content": "x" * 2001}, "content"),
        ({"content": "hi", "group_id": "not-a-uuid"}, "group_id"),
        ({"content": "hi", "group_id": "00000000-0000-4000-8000-000000000000"}, "group_id"),
    ]:
        assert_error(await client.post(URL, json=body, headers=alice.headers), 422, mentions=field)
    post = (await client.post(URL, headers=alice.headers, json={"content": "ok"})).json()
    assert_error(
        await client.patch(f"{URL}/{post['id']}", headers=alice.headers, json={"content": None}),
        422,
        mentions="content",
    )
    assert_error(
        await client.patch(f"{URL}/{post['id']}", headers=alice.headers, json={"content": ""}), 422, mentions="content"
    )
    assert (await client.get(URL, headers=alice.headers)).json()["total"] == 1
    assert_error(await client.get(f"{URL}/nope", headers=alice.headers), 404)


async def test_post_routes_need_a_token(client: httpx.AsyncClient) -> None:
    some_id = "00000000-0000-4000-8000-000000000000"
    for method, url in [
        ("GET", URL),
        ("POST", URL),
        ("GET", f"{URL}/{some_id}"),
        ("PATCH", f"{URL}/{some_id}"),
        ("DELETE", f"{URL}/{some_id}"),
    ]:
        assert_error(await client.request(method, url, json={}), 401)

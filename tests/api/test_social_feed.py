"""The community feed: paging, likes, comments, reports, photos and notifications to authors."""

from __future__ import annotations

import asyncio
import io
import uuid

import httpx
from PIL import Image
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tests.api import Account, assert_error
from wheels_wins.models import Notification, SocialPost
from wheels_wins.services import photos

URL = "/api/v1/posts"


async def _post(client: httpx.AsyncClient, account: Account, content: str = "Hello from the road") -> dict:
    response = await client.post(URL, headers=account.headers, json={"content": content})
    assert response.status_code == 201, response.text
    return response.json()


def _notes(owner_db: Engine, account: Account) -> list[Notification]:
    with Session(owner_db) as session:
        return list(session.exec(select(Notification).where(Notification.user_id == uuid.UUID(account.id))).all())


def _jpeg_with_gps() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "SnoopCam"
    exif[0x8825] = {1: "S", 2: (33.0, 51.0, 35.0), 3: "E", 4: (151.0, 12.0, 40.0)}
    out = io.BytesIO()
    Image.new("RGB", (300, 200), (10, 120, 90)).save(out, format="JPEG", exif=exif)
    return out.getvalue()


async def test_keyset_paging_walks_the_feed_newest_first(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    made = [await _post(client, alice if i % 2 else bob, f"post {i}") for i in range(5)]
    seen: list[str] = []
    cursor = None
    for _ in range(4):
        params = {"limit": 2, **({"cursor": cursor} if cursor else {})}
        page = (await client.get(URL, headers=alice.headers, params=params)).json()
        assert page["total"] == 5
        seen += [p["id"] for p in page["items"]]
        cursor = page.get("next_cursor")
        if cursor is None:
            break
    assert seen == [p["id"] for p in reversed(made)]
    assert_error(await client.get(URL, headers=alice.headers, params={"cursor": "bogus!"}), 422, mentions="cursor")


async def test_likes_toggle_and_are_idempotent(
    client: httpx.AsyncClient, owner_db: Engine, alice: Account, bob: Account
) -> None:
    post = await _post(client, alice)
    like = f"{URL}/{post['id']}/like"
    first = await client.post(like, headers=bob.headers)
    assert first.status_code == 200 and first.json()["like_count"] == 1 and first.json()["liked_by_me"] is True
    again = await client.post(like, headers=bob.headers)
    assert again.json()["like_count"] == 1
    await client.post(like, headers=alice.headers)  # the author may like their own post: no notification
    mine = (await client.get(f"{URL}/{post['id']}", headers=alice.headers)).json()
    assert mine["like_count"] == 2 and mine["liked_by_me"] is True

    unliked = await client.delete(like, headers=bob.headers)
    assert unliked.json()["like_count"] == 1 and unliked.json()["liked_by_me"] is False
    assert (await client.delete(like, headers=bob.headers)).json()["like_count"] == 1
    await client.post(like, headers=bob.headers)  # liked again: still one notification for bob's likes
    assert [(n.kind, n.title) for n in _notes(owner_db, alice)] == [("post_like", "Bob Grey liked your post")]
    assert _notes(owner_db, bob) == []
    feed = (await client.get(URL, headers=bob.headers)).json()["items"]
    assert feed[0]["liked_by_me"] is True and feed[0]["like_count"] == 2
    assert_error(await client.post(f"{URL}/{uuid.uuid4()}/like", headers=bob.headers), 404)


async def test_concurrent_double_like_counts_once(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    post = await _post(client, alice)
    responses = await asyncio.gather(*(client.post(f"{URL}/{post['id']}/like", headers=bob.headers) for _ in range(4)))
    assert all(r.status_code == 200 for r in responses), [r.text for r in responses]
    assert (await client.get(f"{URL}/{post['id']}", headers=alice.headers)).json()["like_count"] == 1


async def test_comments_crud_own_only(
    client: httpx.AsyncClient, owner_db: Engine, alice: Account, bob: Account
) -> None:
    post = await _post(client, alice)
    comments = f"{URL}/{post['id']}/comments"
    made = await client.post(comments, headers=bob.headers, json={"content": "  Where exactly?  "})
    assert made.status_code == 201, made.text
    comment = made.json()
    assert comment["content"] == "Where exactly?" and comment["author"] == {"id": bob.id, "full_name": "Bob Grey"}
    await client.post(comments, headers=alice.headers, json={"content": "Near the boat ramp"})
    listed = (await client.get(comments, headers=bob.headers)).json()
    assert listed["total"] == 2 and [c["content"] for c in listed["items"]] == ["Where exactly?", "Near the boat ramp"]
    assert (await client.get(f"{URL}/{post['id']}", headers=bob.headers)).json()["comment_count"] == 2
    assert [n.kind for n in _notes(owner_db, alice)] == ["post_comment"] and _notes(owner_db, bob) == []

    own = f"/api/v1/comments/{comment['id']}"
    assert_error(await client.patch(own, headers=alice.headers, json={"content": "Hijacked"}), 404)
    assert_error(await client.delete(own, headers=alice.headers), 404)
    edited = await client.patch(own, headers=bob.headers, json={"content": "Which ramp?"})
    assert edited.status_code == 200 and edited.json()["content"] == "Which ramp?"
    assert (await client.delete(own, headers=bob.headers)).status_code == 204
    assert_error(await client.delete(own, headers=bob.headers), 404)
    assert (await client.get(f"{URL}/{post['id']}", headers=bob.headers)).json()["comment_count"] == 1

    for body in ({"content": ""}, {"content": "x" * 1001}, {}):
        assert_error(await client.post(comments, headers=bob.headers, json=body), 422, mentions="content")
    assert_error(await client.post(f"{URL}/{uuid.uuid4()}/comments", headers=bob.headers, json={"content": "hi"}), 404)


async def test_report_hides_the_post_for_the_reporter_only(
    client: httpx.AsyncClient, owner_db: Engine, alice: Account, bob: Account, make_account
) -> None:
    carol = make_account(full_name="Carol")
    post = await _post(client, alice, "Buy cheap diesel here!!!")
    report = f"{URL}/{post['id']}/report"
    assert (await client.post(report, headers=bob.headers, json={"reason": "spam"})).status_code == 204
    assert (await client.get(URL, headers=bob.headers)).json() == {"items": [], "total": 0}
    assert_error(await client.get(f"{URL}/{post['id']}", headers=bob.headers), 404)
    assert_error(await client.post(report, headers=bob.headers), 404)  # counted once per reporter
    assert_error(await client.post(f"{report[:-7]}/like", headers=bob.headers), 404)
    assert (await client.get(URL, headers=carol.headers)).json()["total"] == 1
    assert (await client.get(URL, headers=alice.headers)).json()["total"] == 1
    assert (await client.post(report, headers=carol.headers)).status_code == 204
    assert_error(await client.post(report, headers=alice.headers), 422, mentions="own post")
    with Session(owner_db) as session:
        assert session.get(SocialPost, uuid.UUID(post["id"])).report_count == 2


async def test_script_is_stored_as_inert_text(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    evil = '<script>alert(1)</script><img src=x onerror="alert(2)">'
    post = await _post(client, alice, evil)
    assert post["content"] == evil
    fetched = await client.get(f"{URL}/{post['id']}", headers=bob.headers)
    assert fetched.headers["content-type"].startswith("application/json") and fetched.json()["content"] == evil


async def test_photo_upload_is_cleaned_and_served_privately(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    post = await _post(client, alice, "Sunset at Mungo")
    photo_route = f"{URL}/{post['id']}/photo"
    files = {"photo": ("sunset.png", _jpeg_with_gps(), "image/png")}  # the name and type lie; the bytes decide
    assert_error(await client.put(photo_route, headers=bob.headers, files=files), 404)
    put = await client.put(photo_route, headers=alice.headers, files=files)
    assert put.status_code == 200, put.text
    url = put.json()["photo_url"]
    assert url.startswith(f"{photo_route}?expires=")

    signed = await client.get(url)  # no bearer: the signature is enough, as for an <img>
    assert signed.status_code == 200 and signed.headers["content-type"] == "image/jpeg"
    assert b"SnoopCam" not in signed.content and Image.open(io.BytesIO(signed.content)).size == (300, 200)
    stored = list((photos.photo_root() / alice.id).glob("*.jpg"))
    assert len(stored) == 1 and stored[0].read_bytes() == signed.content
    assert (await client.get(photo_route, headers=bob.headers)).content == signed.content
    assert_error(await client.get(photo_route), 401)
    assert_error(await client.get(url.replace("sig=", "sig=x")), 401)
    feed = (await client.get(URL, headers=bob.headers)).json()["items"]
    assert feed[0]["photo_url"] == url

    assert_error(
        await client.put(
            photo_route, headers=alice.headers, files={"photo": ("a.jpg", b"<html>hi</html>", "image/jpeg")}
        ),
        422,
        code="unsupported_photo",
        mentions="photo",
    )
    assert_error(
        await client.put(
            photo_route, headers=alice.headers, files={"photo": ("a.jpg", b"\xff\xd8\xff\xe0junk", "image/jpeg")}
        ),
        422,
        code="corrupt_photo",
    )
    big = b"\xff\xd8\xff" + b"\x00" * photos.MAX_PHOTO_BYTES
    assert_error(await client.put(photo_route, headers=alice.headers, files={"photo": ("a.jpg", big)}), 413)

    assert (await client.delete(f"{URL}/{post['id']}", headers=alice.headers)).status_code == 204
    assert list((photos.photo_root() / alice.id).glob("*.jpg")) == []
    assert_error(await client.get(url), 404)


async def test_feed_routes_need_a_token(client: httpx.AsyncClient) -> None:
    some_id = "00000000-0000-4000-8000-000000000000"
    for method, url in [
        ("POST", f"{URL}/{some_id}/like"),
        ("DELETE", f"{URL}/{some_id}/like"),
        ("POST", f"{URL}/{some_id}/report"),
        ("GET", f"{URL}/{some_id}/comments"),
        ("POST", f"{URL}/{some_id}/comments"),
        ("PATCH", f"/api/v1/comments/{some_id}"),
        ("DELETE", f"/api/v1/comments/{some_id}"),
        ("PUT", f"{URL}/{some_id}/photo"),
        ("DELETE", f"{URL}/{some_id}/photo"),
        ("GET", f"{URL}/{some_id}/photo"),
    ]:
        assert_error(await client.request(method, url, json={}), 401)


def test_photo_uploads_get_the_upload_body_limit() -> None:
    from wheels_wins.api.app import _limit_for
    from wheels_wins.settings import get_settings

    settings = get_settings()
    assert _limit_for(f"{URL}/{uuid.uuid4()}/photo", None) == max(settings.max_body_bytes, settings.max_upload_bytes)
    assert _limit_for(URL, None) == settings.max_body_bytes
    assert _limit_for(f"{URL}/{uuid.uuid4()}/comments", None) == settings.max_body_bytes
    upload_limit = max(settings.max_body_bytes, settings.max_upload_bytes)
    assert _limit_for(f"/api/v1/listings/{uuid.uuid4()}/photos", None) == upload_limit
    assert _limit_for("/api/v1/me/avatar", None) == upload_limit
    assert _limit_for(f"/api/v1/listings/{uuid.uuid4()}", None) == settings.max_body_bytes
    assert _limit_for("/api/v1/me", None) == settings.max_body_bytes
    assert settings.max_upload_bytes > photos.MAX_PHOTO_BYTES

"""The marketplace API: CRUD, sellers only change their own (404 otherwise), filters, photos and their signed URLs."""

from __future__ import annotations

import io
import uuid

import httpx
from PIL import Image
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from tests.api import Account, assert_error
from wheels_wins.models import Notification
from wheels_wins.services import photos

URL = "/api/v1/listings"
DUBBO = "-32.2569,148.6011"


def _jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (800, 600), (200, 120, 40)).save(out, format="JPEG")
    return out.getvalue()


async def _create(client: httpx.AsyncClient, account: Account, **fields) -> dict:
    body = {"title": "Weber Baby Q", "price": "180", "condition": "like_new", **fields}
    response = await client.post(URL, headers=account.headers, json=body)
    assert response.status_code == 201, response.text
    return response.json()


async def test_crud_and_isolation(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    created = await _create(
        client, alice, description="Barely used", location="Dubbo, New South Wales", lat=-32.2569, lon=148.6011
    )
    assert created["price"] == "180.00" and created["currency"] == "AUD" and created["status"] == "available"
    assert created["seller"] == {"full_name": "Alice Nomad"} and created["mine"] is True and created["photos"] == []
    assert alice.email not in str(created) and alice.id not in str(created)
    route = f"{URL}/{created['id']}"

    seen = (await client.get(route, headers=bob.headers)).json()
    assert seen["title"] == "Weber Baby Q" and seen["mine"] is False
    assert_error(await client.patch(route, headers=bob.headers, json={"status": "sold"}), 404)
    assert_error(await client.delete(route, headers=bob.headers), 404)
    assert_error(await client.get(f"{URL}/not-an-id", headers=bob.headers), 404)

    changed = await client.patch(route, headers=alice.headers, json={"status": "pending", "price": "150.50"})
    assert changed.status_code == 200 and changed.json()["status"] == "pending" and changed.json()["price"] == "150.50"
    assert_error(await client.patch(route, headers=alice.headers, json={"status": "gone"}), 422, mentions="status")
    assert_error(await client.patch(route, headers=alice.headers, json={"lat": -30.0}), 422)
    assert (await client.delete(route, headers=alice.headers)).status_code == 204
    assert_error(await client.get(route, headers=alice.headers), 404)


async def test_validation_messages_name_the_field(client: httpx.AsyncClient, alice: Account) -> None:
    bad = await client.post(URL, headers=alice.headers, json={"title": "Rug", "price": "-1"})
    assert_error(bad, 422, mentions="price")
    assert_error(await client.post(URL, headers=alice.headers, json={"title": "", "price": "1"}), 422, mentions="title")
    assert_error(
        await client.post(URL, headers=alice.headers, json={"title": "Rug", "price": "1.234"}), 422, mentions="price"
    )
    free = await _create(client, alice, title="Free firewood", price=0)
    assert free["price"] == "0.00"


async def test_browse_filters_and_pages(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    await _create(client, alice, title="Weber Baby Q", lat=-32.25, lon=148.61)  # Dubbo
    await _create(client, alice, title="Solar blanket 200W", price="350", lat=-33.28, lon=149.10)  # Orange, ~124 km
    await _create(client, alice, title="Jockey wheel", price="40", status="sold", lat=-32.25, lon=148.61)
    near = (await client.get(URL, headers=bob.headers, params={"near": DUBBO, "within_km": 50})).json()
    assert [item["title"] for item in near["items"]] == ["Weber Baby Q"] and near["total"] == 1
    assert near["items"][0]["distance_km"] < 2
    by_price = await client.get(
        URL, headers=bob.headers, params=[("sort", "price"), ("status", "available"), ("status", "sold")]
    )
    assert [item["title"] for item in by_price.json()["items"]] == [
        "Jockey wheel",
        "Weber Baby Q",
        "Solar blanket 200W",
    ]
    words = (await client.get(URL, headers=bob.headers, params={"q": "solar", "max_price": "400"})).json()
    assert [item["title"] for item in words["items"]] == ["Solar blanket 200W"]
    mine = (await client.get(URL, headers=alice.headers, params={"mine": "true"})).json()
    assert (
        mine["total"] == 3 and (await client.get(URL, headers=bob.headers, params={"mine": True})).json()["total"] == 0
    )

    first = (await client.get(URL, headers=bob.headers, params={"near": DUBBO, "sort": "nearest", "limit": 1})).json()
    assert first["items"][0]["title"] == "Weber Baby Q" and first["total"] == 2
    second = await client.get(
        URL, headers=bob.headers, params={"near": DUBBO, "sort": "nearest", "limit": 1, "cursor": first["next_cursor"]}
    )
    assert [item["title"] for item in second.json()["items"]] == ["Solar blanket 200W"]
    assert "next_cursor" not in second.json()

    assert_error(await client.get(URL, headers=bob.headers, params={"near": "north"}), 422, mentions="near")
    assert_error(await client.get(URL, headers=bob.headers, params={"within_km": 50}), 422, mentions="within_km")
    assert_error(await client.get(URL, headers=bob.headers, params={"cursor": "nonsense!"}), 422, mentions="cursor")
    assert_error(await client.get(URL), 401)


async def test_photos_upload_serve_and_remove(
    client: httpx.AsyncClient, owner_db: Engine, alice: Account, bob: Account
) -> None:
    listing = await _create(client, alice)
    photos_route = f"{URL}/{listing['id']}/photos"
    files = {"photo": ("bbq.png", _jpeg(), "image/png")}  # the bytes decide, not the name or type
    assert_error(await client.post(photos_route, headers=bob.headers, files=files), 404)
    added = await client.post(photos_route, headers=alice.headers, files=files)
    assert added.status_code == 201, added.text
    [photo] = added.json()["photos"]
    assert photo["url"].startswith(f"/api/v1/listing-photos/{photo['id']}?expires=")
    stored = list((photos.photo_root() / alice.id / "listings").glob("*.jpg"))
    assert len(stored) == 1

    served = await client.get(photo["url"])  # no bearer: the signature is enough, for anyone's <img>
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    assert served.content == stored[0].read_bytes()
    bare = f"/api/v1/listing-photos/{photo['id']}"
    assert (await client.get(bare, headers=bob.headers)).content == served.content
    assert_error(await client.get(bare), 401)
    tampered = photo["url"][:-3] + ("AAA" if not photo["url"].endswith("AAA") else "BBB")
    assert_error(await client.get(tampered), 401)
    assert_error(await client.get(photo["url"].replace(photo["id"], str(uuid.uuid4()))), 401)  # signed for another
    post_kind = photos.signed_url(uuid.UUID(photo["id"]), kind="post").split("?")[1]
    assert_error(await client.get(f"{bare}?{post_kind}"), 401)  # a post photo's signature is not a listing's

    not_image = {"photo": ("bbq.jpg", b"<html><script>alert(1)</script></html>", "image/jpeg")}
    assert_error(await client.post(photos_route, headers=alice.headers, files=not_image), 422, code="unsupported_photo")
    big = b"\xff\xd8\xff" + b"\x00" * photos.MAX_PHOTO_BYTES
    assert_error(await client.post(photos_route, headers=alice.headers, files={"photo": ("a.jpg", big)}), 413)

    assert_error(await client.delete(f"{photos_route}/{photo['id']}", headers=bob.headers), 404)
    assert (await client.delete(f"{photos_route}/{photo['id']}", headers=alice.headers)).status_code == 204
    assert list((photos.photo_root() / alice.id / "listings").glob("*.jpg")) == []
    assert_error(await client.get(bare, headers=bob.headers), 404)


async def test_at_most_six_photos_and_deleting_removes_the_files(client: httpx.AsyncClient, alice: Account) -> None:
    listing = await _create(client, alice)
    route = f"{URL}/{listing['id']}/photos"
    for _ in range(6):
        assert (await client.post(route, headers=alice.headers, files={"photo": ("a.jpg", _jpeg())})).status_code == 201
    assert_error(
        await client.post(route, headers=alice.headers, files={"photo": ("a.jpg", _jpeg())}),
        422,
        code="too_many_photos",
    )
    folder = photos.photo_root() / alice.id / "listings"
    assert len(list(folder.glob("*.jpg"))) == 6
    assert (await client.delete(f"{URL}/{listing['id']}", headers=alice.headers)).status_code == 204
    assert list(folder.glob("*.jpg")) == []


async def test_interest_tells_the_seller_once(
    client: httpx.AsyncClient, owner_db: Engine, alice: Account, bob: Account
) -> None:
    listing = await _create(client, alice)
    route = f"{URL}/{listing['id']}/interest"
    assert (await client.post(route, headers=bob.headers)).status_code == 204
    assert (await client.post(route, headers=bob.headers)).status_code == 204
    assert_error(await client.post(route, headers=alice.headers), 422)
    assert_error(await client.post(f"{URL}/{uuid.uuid4()}/interest", headers=bob.headers), 404)
    with Session(owner_db) as session:
        notes = session.exec(select(Notification).where(Notification.user_id == uuid.UUID(alice.id))).all()
    assert [(n.kind, n.link) for n in notes] == [("listing_interest", f"/social?tab=market&listing={listing['id']}")]
    assert "Bob Grey" in notes[0].title and bob.email not in notes[0].title + notes[0].body

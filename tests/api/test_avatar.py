"""REST profile photo: PUT (cleaned, square) and DELETE on /me/avatar; served by signed URL only."""

from __future__ import annotations

import io
import uuid
from urllib.parse import parse_qs, urlsplit

import httpx
from PIL import Image

from tests.api import Account, assert_error
from wheels_wins.services import avatars, photos


def _png(width: int = 900, height: int = 600) -> bytes:
    out = io.BytesIO()
    Image.new("RGBA", (width, height), (20, 120, 90, 255)).save(out, format="PNG")
    return out.getvalue()


def _avatar_id(url: str) -> uuid.UUID:
    return uuid.UUID(urlsplit(url).path.rsplit("/", 1)[1])


async def _upload(client: httpx.AsyncClient, account: Account, data: bytes, name: str = "me.png") -> httpx.Response:
    return await client.put("/api/v1/me/avatar", files={"photo": (name, data, "image/png")}, headers=account.headers)


async def test_upload_serve_replace_and_remove(client: httpx.AsyncClient, alice: Account, bob: Account) -> None:
    assert (await client.get("/api/v1/me", headers=alice.headers)).json()["avatar_url"] == ""
    put = await _upload(client, alice, _png())
    assert put.status_code == 200, put.text
    url = put.json()["avatar_url"]
    assert url.startswith("/api/v1/avatars/") and alice.id not in url
    assert (await client.get("/api/v1/me", headers=alice.headers)).json()["avatar_url"] == url

    served = await client.get(url)  # an <img> sends no bearer: the signature is the key
    assert served.status_code == 200 and served.headers["content-type"] == "image/jpeg"
    with Image.open(io.BytesIO(served.content)) as image:
        assert image.format == "JPEG" and image.size == (512, 512)

    first_path = avatars.path_for(_avatar_id(url))
    assert photos.resolve(first_path) is not None
    replaced = await _upload(client, alice, _png(300, 500))
    new_url = replaced.json()["avatar_url"]
    assert new_url != url and photos.resolve(first_path) is None  # the old file is gone after the commit
    assert_error(await client.get(url), 404)
    assert (await client.get(new_url)).status_code == 200

    assert (await client.delete("/api/v1/me/avatar", headers=alice.headers)).status_code == 204
    assert (await client.get("/api/v1/me", headers=alice.headers)).json()["avatar_url"] == ""
    assert_error(await client.get(new_url), 404)
    assert_error(await client.delete("/api/v1/me/avatar", headers=alice.headers), 404)
    assert (await client.get("/api/v1/me", headers=bob.headers)).json()["avatar_url"] == ""


async def test_non_images_are_refused(client: httpx.AsyncClient, alice: Account) -> None:
    assert_error(await _upload(client, alice, b"<script>alert(1)</script>", "evil.png"), 422, "unsupported_photo")
    assert_error(await _upload(client, alice, _png()[:60]), 422, "corrupt_photo")
    assert_error(await _upload(client, alice, b""), 422, "empty_file")
    assert (await client.get("/api/v1/me", headers=alice.headers)).json()["avatar_url"] == ""
    assert_error(await client.put("/api/v1/me/avatar", files={"photo": ("a.png", _png(), "image/png")}), 401)


async def test_a_tampered_or_missing_signature_is_refused(client: httpx.AsyncClient, alice: Account) -> None:
    url = (await _upload(client, alice, _png())).json()["avatar_url"]
    parts = urlsplit(url)
    query = {key: values[0] for key, values in parse_qs(parts.query).items()}
    assert_error(await client.get(parts.path), 401)
    assert_error(await client.get(parts.path, headers=alice.headers), 401)  # a bearer is not a signature
    bad_sig = "A" * len(query["sig"])
    assert_error(await client.get(parts.path, params={"expires": query["expires"], "sig": bad_sig}), 401)
    later = str(int(query["expires"]) + 3600)
    assert_error(await client.get(parts.path, params={"expires": later, "sig": query["sig"]}), 401)
    assert_error(await client.get(parts.path, params={"expires": "1", "sig": query["sig"]}), 401)
    # A genuine signature for an id no one uses as a profile photo finds nothing.
    stranger = photos.signed_url(uuid.uuid4(), kind="avatar")
    assert_error(await client.get(stranger), 404)
    # A post photo's signature does not open an avatar.
    post_signed = photos.signed_url(_avatar_id(url), kind="post")
    assert_error(await client.get(parts.path + "?" + urlsplit(post_signed).query), 401)

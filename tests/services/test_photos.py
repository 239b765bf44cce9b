"""Post photos: only real JPEG/PNG/WebP pixels survive; metadata, scripts and bombs don't."""

from __future__ import annotations

import io
import time
import uuid

import pytest
from PIL import Image

from wheels_wins.services import photos
from wheels_wins.services.photos import PhotoError


def make_image(fmt: str = "JPEG", size: tuple[int, int] = (64, 48), **save: object) -> bytes:
    image = Image.new("RGB", size, (200, 40, 40))
    image.paste((20, 40, 200), (0, 0, size[0] // 2, size[1]))  # left half blue, to see rotation
    out = io.BytesIO()
    image.save(out, format=fmt, **save)
    return out.getvalue()


def gps_exif(orientation: int | None = None) -> Image.Exif:
    exif = Image.Exif()
    exif[0x010F] = "SnoopCam"  # Make
    gps = {1: "S", 2: (33.0, 51.0, 35.0), 3: "E", 4: (151.0, 12.0, 40.0)}
    exif[0x8825] = gps  # GPSInfo IFD
    if orientation is not None:
        exif[0x0112] = orientation
    return exif


def opened(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_exif_gps_icc_and_comments_are_stripped() -> None:
    source = make_image(exif=gps_exif(), icc_profile=b"fake-icc-profile" * 4, comment=b"secret comment")
    assert b"SnoopCam" in source and opened(source).getexif().get_ifd(0x8825)

    clean = photos.clean(source)

    image = opened(clean.data)
    assert image.format == "JPEG" and image.mode == "RGB"
    assert len(image.getexif()) == 0 and not image.getexif().get_ifd(0x8825)
    assert "icc_profile" not in image.info and "exif" not in image.info and "comment" not in image.info
    assert b"SnoopCam" not in clean.data and b"Exif" not in clean.data and b"secret" not in clean.data


def test_exif_orientation_is_applied_before_stripping() -> None:
    source = make_image(size=(80, 40), exif=gps_exif(orientation=6))  # 6: rotate 90° clockwise to view
    clean = photos.clean(source)
    image = opened(clean.data)
    assert image.size == (40, 80) == (clean.width, clean.height)
    top_left = image.getpixel((2, 2))
    assert top_left[2] > 150 and top_left[0] < 100  # the blue left edge is now at the top


def test_long_side_is_capped_and_png_transparency_goes_on_white() -> None:
    big = photos.clean(make_image("PNG", size=(4000, 1000)))
    assert (big.width, big.height) == (photos.MAX_SIDE, 512)
    rgba = Image.new("RGBA", (10, 10), (0, 0, 0, 0))
    out = io.BytesIO()
    rgba.save(out, format="PNG")
    flat = opened(photos.clean(out.getvalue()).data)
    assert flat.getpixel((5, 5)) == pytest.approx((255, 255, 255), abs=3)


def test_webp_is_accepted_and_text_chunks_dropped() -> None:
    assert opened(photos.clean(make_image("WEBP")).data).format == "JPEG"
    from PIL import PngImagePlugin

    meta = PngImagePlugin.PngInfo()
    meta.add_text("Comment", "<script>alert(1)</script>")
    out = io.BytesIO()
    Image.new("RGB", (8, 8)).save(out, format="PNG", pnginfo=meta)
    assert b"<script>" not in photos.clean(out.getvalue()).data


@pytest.mark.parametrize(
    "data",
    [
        b"GIF89a" + b"\x00" * 100,
        b"<html><script>alert(1)</script></html>",
        b"%PDF-1.7 ...",
        make_image("BMP"),
    ],
    ids=["gif", "html", "pdf", "bmp"],
)
def test_other_types_are_refused_by_their_bytes(data: bytes) -> None:
    with pytest.raises(PhotoError) as refused:
        photos.clean(data)
    assert refused.value.status == 422 and refused.value.code == "unsupported_photo"
    assert "photo:" in refused.value.message and "JPEG, PNG or WebP" in refused.value.message


def test_a_polyglot_keeps_only_its_pixels() -> None:
    polyglot = make_image() + b"<html><body><script>alert(document.cookie)</script></body></html>"
    clean = photos.clean(polyglot)
    assert b"<script" not in clean.data and b"<html" not in clean.data
    assert opened(clean.data).size == (64, 48)


def test_an_html_page_with_an_image_header_is_refused() -> None:
    fake = b"\xff\xd8\xff\xe0<html><script>alert(1)</script></html>"
    with pytest.raises(PhotoError) as refused:
        photos.clean(fake)
    assert refused.value.code == "corrupt_photo" and refused.value.status == 422


def test_truncated_images_are_refused_as_corrupt() -> None:
    data = make_image(size=(300, 300), quality=95)
    with pytest.raises(PhotoError) as refused:
        photos.clean(data[: len(data) // 3])
    assert refused.value.code == "corrupt_photo" and "damaged" in refused.value.message


def test_too_large_and_empty_files() -> None:
    with pytest.raises(PhotoError) as refused:
        photos.clean(b"\xff\xd8\xff" + b"\x00" * photos.MAX_PHOTO_BYTES)
    assert refused.value.status == 413 and refused.value.code == "file_too_large"
    with pytest.raises(PhotoError) as empty:
        photos.clean(b"")
    assert empty.value.code == "empty_file"


def test_decompression_bombs_are_refused_before_decoding() -> None:
    bomb = make_image("PNG", size=(8000, 6000), optimize=True)  # 48 Mpx of flat colour: a few kB
    assert len(bomb) < 300_000
    with pytest.raises(PhotoError) as refused:
        photos.clean(bomb)
    assert refused.value.code == "photo_too_big" and refused.value.status == 422


def test_store_resolve_and_remove_stay_under_the_photo_root() -> None:
    user_id = uuid.uuid4()
    relative = photos.store(photos.clean(make_image()), user_id=user_id)
    path = photos.resolve(relative)
    assert path is not None and path.parent.name == str(user_id) and path.suffix == ".jpg"
    assert path.is_relative_to(photos.photo_root().resolve())
    assert photos.resolve("../secret_key") is None and photos.resolve("/etc/passwd") is None
    photos.remove(relative)
    assert photos.resolve(relative) is None
    photos.remove(relative)  # already gone: nothing happens


def test_signed_urls_expire_and_name_one_post() -> None:
    post_id, other = uuid.uuid4(), uuid.uuid4()
    now = time.time()
    url = photos.signed_url(post_id, now=now)
    query = dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&"))
    expires, sig = int(query["expires"]), query["sig"]
    assert url.startswith(f"/api/v1/posts/{post_id}/photo?")
    assert now + 3600 <= expires <= now + 7200
    assert photos.verify(post_id, expires, sig, now=now)
    assert not photos.verify(other, expires, sig, now=now)
    assert not photos.verify(post_id, expires + 3600, sig, now=now)
    assert not photos.verify(post_id, expires, sig, now=expires + 1)
    assert photos.signed_url(post_id, now=now) == url  # stable within the hour, so browsers can cache it


def test_stale_uploads_are_unused_and_old() -> None:
    import os

    user_id = uuid.uuid4()
    used, unused, fresh = (photos.store(photos.clean(make_image()), user_id=user_id) for _ in range(3))
    old = time.time() - 2 * 86_400
    for relative in (used, unused):
        os.utime(photos.photo_root() / relative, (old, old))
    assert photos.stale_uploads(user_id, in_use={used}) == [unused]
    assert photos.stale_uploads(uuid.uuid4(), in_use=set()) == []
    assert fresh not in photos.stale_uploads(user_id, in_use=set())


def test_a_signature_is_bound_to_its_kind_of_photo() -> None:
    object_id, now = uuid.uuid4(), 1_800_000_000.0
    url = photos.signed_url(object_id, kind="listing", now=now)
    assert url.startswith(f"/api/v1/listing-photos/{object_id}?")
    query = dict(part.split("=", 1) for part in url.split("?", 1)[1].split("&"))
    expires, sig = int(query["expires"]), query["sig"]
    assert photos.verify(object_id, expires, sig, kind="listing", now=now)
    assert not photos.verify(object_id, expires, sig, kind="post", now=now)
    assert not photos.verify(object_id, expires, sig, kind="avatar", now=now)
    assert not photos.verify(object_id, expires, sig, kind="nonsense", now=now)

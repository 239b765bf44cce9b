"""Profile photos: cleaned, cropped square from the centre and shrunk; stored apart from the user's folder."""

from __future__ import annotations

import io
import uuid
from collections.abc import Callable

import pytest
from PIL import Image
from sqlmodel import Session

from wheels_wins.models import User
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import account_deletion, avatars, photos


def _image(width: int, height: int, fmt: str = "PNG") -> bytes:
    image = Image.new("RGB", (width, height), (200, 30, 30))  # red edges...
    image.paste((30, 60, 200), (width // 2 - height // 4, height // 4, width // 2 + height // 4, 3 * height // 4))
    out = io.BytesIO()
    image.save(out, format=fmt)
    return out.getvalue()


def test_a_wide_photo_is_cropped_square_around_its_centre_and_shrunk() -> None:
    prepared = avatars.prepare(_image(1600, 900))
    assert (prepared.width, prepared.height) == (avatars.AVATAR_SIDE, avatars.AVATAR_SIDE)
    with Image.open(io.BytesIO(prepared.data)) as image:
        assert image.format == "JPEG" and image.size == (512, 512)
        assert not image.info.get("exif")
        centre = image.getpixel((256, 256))
        assert centre[2] > 150 and centre[0] < 90  # the blue middle is kept
        edge = image.getpixel((2, 256))
        assert edge[0] > 150  # red beyond the middle square; the far sides are cut off


def test_a_small_photo_is_squared_but_not_enlarged() -> None:
    prepared = avatars.prepare(_image(300, 200, "JPEG"))
    assert (prepared.width, prepared.height) == (200, 200)


def test_anything_but_a_photo_is_refused() -> None:
    with pytest.raises(photos.PhotoError) as refused:
        avatars.prepare(b"<html><script>alert(1)</script></html>")
    assert refused.value.code == "unsupported_photo" and refused.value.status == 422
    with pytest.raises(photos.PhotoError):
        avatars.prepare(b"")


def test_stored_under_avatars_and_signed_by_its_own_id() -> None:
    path = avatars.store(avatars.prepare(_image(600, 600)))
    found = avatars.avatar_id(path)
    assert path == f"avatars/{found}.jpg" and photos.resolve(path) is not None
    url = avatars.avatar_url(path, now=1_000_000)
    assert url.startswith(f"/api/v1/avatars/{found}?expires=")
    expires = int(url.split("expires=")[1].split("&")[0])
    sig = url.split("sig=")[1]
    assert photos.verify(found, expires, sig, kind="avatar", now=1_000_000)
    assert not photos.verify(found, expires, sig, kind="post", now=1_000_000)  # a post's URL can't open it
    assert avatars.avatar_url(None) == "" and avatars.avatar_url("someone/else.jpg") == ""
    avatars.remove(path)
    assert photos.resolve(path) is None
    avatars.remove(path)  # already gone: nothing happens


def test_remove_only_touches_avatar_paths(tmp_path) -> None:
    user_id = uuid.uuid4()
    post_photo = photos.store(photos.clean(_image(100, 100)), user_id=user_id)
    avatars.remove(post_photo)
    assert photos.resolve(post_photo) is not None
    photos.remove_all(user_id)


def test_closing_the_account_removes_the_avatar_after_the_commit(
    session: Session, make_user: Callable[..., User]
) -> None:
    user, other = make_user(), make_user()
    mine, theirs = (avatars.store(avatars.prepare(_image(400, 400))) for _ in range(2))
    users_repo.set_avatar(session, user_id=user.id, avatar_path=mine)
    users_repo.set_avatar(session, user_id=other.id, avatar_path=theirs)
    session.commit()

    account_deletion.delete_user_data(session, user_id=user.id)
    session.flush()
    assert photos.resolve(mine) is not None  # not before the commit
    session.rollback()
    assert photos.resolve(mine) is not None  # and never when it rolls back

    account_deletion.delete_user_data(session, user_id=user.id)
    session.commit()
    assert photos.resolve(mine) is None
    assert photos.resolve(theirs) is not None

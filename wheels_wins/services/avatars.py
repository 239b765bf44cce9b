"""Profile photos: cleaned like every photo, cropped square from the centre, stored apart from the user's folder.

An avatar lives at `<photo root>/avatars/<uuid>.jpg` and `users.avatar_path` holds `avatars/<uuid>.jpg`.
It is served by `GET /api/v1/avatars/{uuid}` with a signed URL of kind "avatar": the URL names the
file, never the user.
"""

from __future__ import annotations

import io
import re
import uuid

from PIL import Image, ImageOps

from wheels_wins.services import photos

AVATAR_SIDE = 512
AVATAR_DIR = "avatars"
_PATH = re.compile(rf"^{AVATAR_DIR}/([0-9a-f-]{{36}})\.jpg$")


def prepare(data: bytes, side: int = AVATAR_SIDE) -> photos.CleanPhoto:
    """Check and re-encode an uploaded photo (services.photos.clean), then crop it square and shrink it to `side`."""
    clean = photos.clean(data)
    with Image.open(io.BytesIO(clean.data), formats=["JPEG"]) as image:
        square = ImageOps.fit(image, (min(side, *image.size),) * 2, Image.Resampling.LANCZOS, centering=(0.5, 0.5))
    out = io.BytesIO()
    square.save(out, format="JPEG", quality=photos.JPEG_QUALITY, optimize=True, progressive=True)
    return photos.CleanPhoto(data=out.getvalue(), width=square.width, height=square.height)


def path_for(avatar_id: uuid.UUID) -> str:
    """The stored path (relative to the photo root) of the avatar with this id."""
    return f"{AVATAR_DIR}/{avatar_id}.jpg"


def avatar_id(avatar_path: str | None) -> uuid.UUID | None:
    """The id inside a stored avatar path, or None when it is not one."""
    match = _PATH.match(avatar_path or "")
    return uuid.UUID(match.group(1)) if match else None


def store(photo: photos.CleanPhoto) -> str:
    """Write a prepared avatar under `avatars/`; returns its path relative to the photo root."""
    relative = path_for(uuid.uuid4())
    target = photos.photo_root() / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".part")
    temporary.write_bytes(photo.data)
    temporary.replace(target)
    return relative


def remove(avatar_path: str | None) -> None:
    """Delete a stored avatar file (nothing happens when it is already gone or the path is not an avatar's)."""
    if avatar_id(avatar_path) is not None:
        photos.remove(avatar_path)


def avatar_url(avatar_path: str | None, *, now: float | None = None) -> str:
    """The signed URL of a user's profile photo (`users.avatar_path`), or "" when they have none."""
    found = avatar_id(avatar_path)
    return photos.signed_url(found, kind="avatar", now=now) if found else ""

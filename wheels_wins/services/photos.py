"""Post photos: checked by their bytes, decoded and re-encoded so nothing but pixels is kept, stored privately.

A photo is accepted only when its first bytes say JPEG, PNG or WebP (the file name and the browser's
content type are ignored). It is decoded with Pillow under a pixel limit (decompression bombs are
refused), turned upright by its EXIF orientation, shrunk to at most `MAX_SIDE` pixels on its long side
and written as a new JPEG: EXIF (GPS included), ICC profiles, comments and text chunks, and anything
appended to the file (a script, an HTML page) are left behind. Photos live under
`<data_dir>/photos/<user id>/<uuid>.jpg`, never in a public folder, and are served by the API only,
to a bearer or to an `<img>` holding a short-lived signed URL.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import io
import shutil
import time
import uuid
import warnings
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageOps

from wheels_wins.settings import get_settings

MAX_PHOTO_BYTES = 5 * 1024 * 1024
"""The largest photo accepted (the upload body limit, `max_upload_bytes`, leaves room for the form)."""
MAX_SIDE = 2048
MAX_PIXELS = 40_000_000
"""Decoded size limit: a small file that would unpack to more pixels than this is refused."""
JPEG_QUALITY = 85
URL_LIFETIME_SECONDS = 3600
ACCEPTED = "JPEG, PNG or WebP"
PHOTO_DIR = "photos"

Image.MAX_IMAGE_PIXELS = MAX_PIXELS  # Pillow's own guard, process-wide: no decode here may exceed it


class PhotoError(ValueError):
    """A photo that is refused; `status` is 413 for a file too large and 422 otherwise."""

    def __init__(self, code: str, message: str, status: int = 422) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


@dataclass(frozen=True)
class CleanPhoto:
    """A re-encoded JPEG and its size."""

    data: bytes
    width: int
    height: int


def sniff(data: bytes) -> str | None:
    """The Pillow format named by the file's magic bytes, if it is one we accept."""
    if data.startswith(b"\xff\xd8\xff"):
        return "JPEG"
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return "PNG"
    if len(data) >= 12 and data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return "WEBP"
    return None


def clean(data: bytes) -> CleanPhoto:
    """Check and re-encode a photo: upright, at most MAX_SIDE px, a plain JPEG without metadata."""
    if len(data) > MAX_PHOTO_BYTES:
        raise PhotoError("file_too_large", f"photo: is larger than {MAX_PHOTO_BYTES // (1024 * 1024)} MB", status=413)
    if not data:
        raise PhotoError("empty_file", "photo: the file is empty")
    kind = sniff(data)
    if kind is None:
        raise PhotoError("unsupported_photo", f"photo: must be a {ACCEPTED} image")
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data), formats=[kind]) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise PhotoError("photo_too_big", f"photo: {width}×{height} pixels is too many to process")
                image.load()
                upright = ImageOps.exif_transpose(image)
                pixels = _flatten(upright)
    except PhotoError:
        raise
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise PhotoError("photo_too_big", "photo: has too many pixels to process") from None
    except (OSError, SyntaxError, ValueError, EOFError, Image.UnidentifiedImageError):
        raise PhotoError("corrupt_photo", "photo: the image is damaged or incomplete and can't be read") from None
    pixels.thumbnail((MAX_SIDE, MAX_SIDE), Image.Resampling.LANCZOS)
    out = io.BytesIO()
    pixels.save(out, format="JPEG", quality=JPEG_QUALITY, optimize=True, progressive=True)
    return CleanPhoto(data=out.getvalue(), width=pixels.width, height=pixels.height)


def _flatten(image: Image.Image) -> Image.Image:
    """A fresh RGB image holding only the pixels (transparency over white), without `info` metadata."""
    if image.mode in ("RGBA", "LA") or (image.mode == "P" and "transparency" in image.info):
        rgba = image.convert("RGBA")
        flat = Image.new("RGB", rgba.size, (255, 255, 255))
        flat.paste(rgba, mask=rgba.getchannel("A"))
        return flat
    rgb = image.convert("RGB")
    flat = Image.new("RGB", rgb.size)
    flat.paste(rgb)
    return flat


def thumbnail_data_url(photo: CleanPhoto, side: int = 480) -> str:
    """A small JPEG preview as a data: URL (for the composer, before the photo belongs to a post)."""
    with Image.open(io.BytesIO(photo.data), formats=["JPEG"]) as image:
        image.thumbnail((side, side))
        out = io.BytesIO()
        image.save(out, format="JPEG", quality=75)
    return "data:image/jpeg;base64," + base64.b64encode(out.getvalue()).decode("ascii")


def photo_root() -> Path:
    """Where every photo is stored: `<data_dir>/photos`."""
    return get_settings().data_dir / PHOTO_DIR


def store(photo: CleanPhoto, *, user_id: uuid.UUID, folder: str = "") -> str:
    """Write a cleaned photo under the user's folder (or its `folder`); returns its path relative to the photo root."""
    relative = f"{user_id}/{folder + '/' if folder else ''}{uuid.uuid4()}.jpg"
    target = photo_root() / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_suffix(".part")
    temporary.write_bytes(photo.data)
    temporary.replace(target)
    return relative


def resolve(relative: str) -> Path | None:
    """The stored file for a relative photo path, or None if it is missing or points outside the photo root."""
    root = photo_root().resolve()
    path = (root / relative).resolve()
    if root not in path.parents or not path.is_file():
        return None
    return path


def remove(relative: str | None) -> None:
    """Delete a stored photo (nothing happens when it is already gone)."""
    if relative and (path := resolve(relative)) is not None:
        path.unlink(missing_ok=True)


def remove_all(user_id: uuid.UUID) -> None:
    """Delete every photo the user stored (their folder); nothing happens when there is none."""
    shutil.rmtree(photo_root() / str(user_id), ignore_errors=True)


def stale_uploads(
    user_id: uuid.UUID, *, in_use: set[str], older_than_seconds: float = 86_400, folder: str = ""
) -> list[str]:
    """The user's stored photos (in `folder`, not below it) that are not `in_use` and older than `older_than_seconds`.

    Photos are stored as soon as they are chosen in the composer; one never posted becomes stale.
    Each kind keeps its own folder (listing photos in `listings/`), so one kind's sweep never sees another's."""
    prefix = f"{user_id}/{folder + '/' if folder else ''}"
    directory = photo_root() / prefix
    if not directory.is_dir():
        return []
    cutoff = time.time() - older_than_seconds
    return [
        prefix + path.name
        for path in directory.glob("*.jpg")
        if prefix + path.name not in in_use and path.stat().st_mtime < cutoff
    ]


PHOTO_URLS: dict[str, str] = {
    "post": "/api/v1/posts/{id}/photo",
    "listing": "/api/v1/listing-photos/{id}",
    "avatar": "/api/v1/avatars/{id}",
}
"""Where each kind of photo is served; a signed URL names the kind's route and the object's id."""


def _signature(kind: str, object_id: uuid.UUID, expires: int) -> str:
    key = get_settings().effective_secret_key.encode()
    digest = hmac.new(key, f"{kind}-photo:{object_id}:{expires}".encode(), hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest[:18]).decode("ascii")


def signed_url(object_id: uuid.UUID, *, kind: str = "post", now: float | None = None) -> str:
    """The photo's route (`PHOTO_URLS[kind]`) with `?expires=…&sig=…`, valid for one to two hours.

    The expiry is rounded up to the hour so the feed's URLs stay the same (and cacheable) for a while."""
    current = int(time.time() if now is None else now)
    expires = (current // URL_LIFETIME_SECONDS + 2) * URL_LIFETIME_SECONDS
    route = PHOTO_URLS[kind].format(id=object_id)
    return f"{route}?expires={expires}&sig={_signature(kind, object_id, expires)}"


def verify(object_id: uuid.UUID, expires: int, signature: str, *, kind: str = "post", now: float | None = None) -> bool:
    """Whether a signed photo URL of this kind is genuine and not yet expired."""
    current = time.time() if now is None else now
    if expires < current or kind not in PHOTO_URLS:
        return False
    return hmac.compare_digest(_signature(kind, object_id, expires), signature)

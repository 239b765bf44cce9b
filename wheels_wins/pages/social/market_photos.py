"""The sell dialog's photos: up to six, cleaned and stored privately as soon as they are chosen; the first is the cover.

One at a time (a single upload request stays under the upload size limit). As in the feed's composer, the bytes go straight through `services.photos` (nothing is written to
Reflex's public upload folder). A photo chosen but never saved is removed when the dialog closes
without saving, or swept a day later; a saved photo taken off goes once the listing is saved.
"""

from __future__ import annotations

import asyncio
import dataclasses
from typing import Any

import reflex as rx

from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.services import photos
from wheels_wins.services.market import MAX_PHOTOS, PHOTO_FOLDER
from wheels_wins.state.auth import current_user, run_in_session

PHOTO_HINT = f"Up to {MAX_PHOTOS}: JPEG, PNG or WebP, {photos.MAX_PHOTO_BYTES // (1024 * 1024)} MB each"


@dataclasses.dataclass
class PhotoSlot:
    """One photo in the dialog: its preview (a data URL for a new one, the signed URL for a saved one)."""

    url: str = ""


def _cleaned(data: bytes) -> tuple[photos.CleanPhoto, str]:
    clean = photos.clean(data)
    return clean, photos.thumbnail_data_url(clean, side=360)


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


class ListingPhotosState(rx.State):
    """The photos of the listing being written."""

    slots: rx.Field[list[PhotoSlot]] = rx.field(default_factory=list)
    photo_busy: bool = False
    photo_error: str = ""
    _paths: list[str] = []
    _saved: list[str] = []

    def start(self, saved: list[tuple[str, str]]) -> None:
        """Begin with the listing's saved photos, as (stored path, signed URL)."""
        self.discard()
        self._paths = [path for path, _ in saved]
        self._saved = list(self._paths)
        self.slots = [PhotoSlot(url) for _, url in saved]
        self.photo_busy, self.photo_error = False, ""

    def discard(self) -> None:
        """Remove the photos chosen since the dialog opened and never saved."""
        for path in self._paths:
            if path not in self._saved:
                photos.remove(path)
        self._paths, self._saved, self.slots = [], [], []

    def saved(self) -> None:
        """The listing now uses exactly the dialog's photos."""
        self._saved, self._paths, self.slots = [], [], []

    def paths(self) -> list[str]:
        """The stored photos in their order."""
        return list(self._paths)

    @rx.event
    async def attach(self, files: list[rx.UploadFile]):
        """Check, clean and keep the chosen photos privately until the listing is saved (six at most)."""
        user = await current_user(self)
        if user is None or not files:
            return
        room = MAX_PHOTOS - len(self._paths)
        if room <= 0:
            self.photo_error = f"A listing can have up to {MAX_PHOTOS} photos: remove one first."
            return
        self.photo_busy, self.photo_error = True, ""
        yield
        problems: list[str] = []
        for upload in files[:room]:
            data = await upload.read(photos.MAX_PHOTO_BYTES + 1)
            try:
                clean, preview = await asyncio.to_thread(_cleaned, data)
            except photos.PhotoError as problem:
                problems.append(_capitalised(problem.message))
                continue
            stored = await asyncio.to_thread(photos.store, clean, user_id=user.id, folder=PHOTO_FOLDER)
            self._paths = [*self._paths, stored]
            self.slots = [*self.slots, PhotoSlot(preview)]
        if len(files) > room:
            problems.append(f"Only {MAX_PHOTOS} photos fit: the rest were left out.")
        self.photo_busy, self.photo_error = False, " ".join(dict.fromkeys(problems))
        in_use = await run_in_session(lambda s: photo_repo.photo_paths(s, user_id=user.id))
        for stale in photos.stale_uploads(user.id, in_use=in_use | set(self._paths), folder=PHOTO_FOLDER):
            photos.remove(stale)

    @rx.event
    async def photo_rejected(self, rejected: list[dict[str, Any]]):
        """The browser refused a file (type or size) before sending it."""
        if await current_user(self) is not None:
            self.photo_error = f"That file can't be added. Photos: {PHOTO_HINT}."

    @rx.event
    async def remove_photo(self, index: int):
        """Take a photo off (a saved one goes when the listing is saved)."""
        if await current_user(self) is None or not 0 <= int(index) < len(self._paths):
            return
        index = int(index)
        path = self._paths[index]
        if path not in self._saved:
            photos.remove(path)
        self._paths = self._paths[:index] + self._paths[index + 1 :]
        self.slots = self.slots[:index] + self.slots[index + 1 :]
        self.photo_error = ""

    @rx.event
    async def make_cover(self, index: int):
        """Move a photo to the front: the cover on the listing's card."""
        if await current_user(self) is None or not 0 < int(index) < len(self._paths):
            return
        index = int(index)
        self._paths = [self._paths[index], *self._paths[:index], *self._paths[index + 1 :]]
        self.slots = [self.slots[index], *self.slots[:index], *self.slots[index + 1 :]]

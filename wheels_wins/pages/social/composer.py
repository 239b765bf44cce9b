"""The composers' state: the draft, its photo (cleaned and stored privately as soon as it is chosen) and posting.

`ComposerState` posts to the community feed, `GroupComposerState` into the open group (members only).

The photo's bytes arrive in the upload handler and go straight through `services.photos`: nothing is
written to Reflex's public upload folder.
"""

from __future__ import annotations

import asyncio
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import SocialPost, User
from wheels_wins.pages.social.feed import FeedState, GroupFeedState
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import photos
from wheels_wins.state.auth import current_user, run_in_session

MAX_POST = 2000
PHOTO_HINT = f"JPEG, PNG or WebP, up to {photos.MAX_PHOTO_BYTES // (1024 * 1024)} MB"


def _cleaned(data: bytes) -> tuple[photos.CleanPhoto, str]:
    clean = photos.clean(data)
    return clean, photos.thumbnail_data_url(clean)


class Composer(rx.State, mixin=True):
    """A draft post; the concrete states say where it goes (`_post`)."""

    draft: str = ""
    draft_error: str = ""
    posting: bool = False
    photo_busy: bool = False
    photo_error: str = ""
    preview: str = ""
    _photo_path: str = ""

    @rx.var
    def chars_left(self) -> int:
        """How much room is left in the post."""
        return MAX_POST - len(self.draft)

    @rx.event
    def set_draft(self, value: str):
        """The post as typed."""
        self.draft = value
        self.draft_error = ""

    @rx.event
    async def attach(self, files: list[rx.UploadFile]):
        """Check and clean the chosen photo, keeping it privately until the post is published."""
        user = await current_user(self)
        if user is None or not files:
            return
        self.photo_busy, self.photo_error = True, ""
        yield
        data = await files[0].read(photos.MAX_PHOTO_BYTES + 1)
        try:
            clean, preview = await asyncio.to_thread(_cleaned, data)
        except photos.PhotoError as problem:
            self.photo_busy, self.photo_error = False, problem.message[:1].upper() + problem.message[1:]
            return
        stored = await asyncio.to_thread(photos.store, clean, user_id=user.id)
        photos.remove(self._photo_path or None)
        self._photo_path, self.preview, self.photo_busy = stored, preview, False
        in_use = await run_in_session(lambda s: post_repo.photo_paths(s, user_id=user.id))
        for stale in photos.stale_uploads(user.id, in_use=in_use | {stored}):
            photos.remove(stale)

    @rx.event
    async def photo_rejected(self, rejected: list[dict[str, Any]]):
        """The browser refused the file (type or size) before sending it."""
        if await current_user(self) is None:
            return
        self.photo_error = f"That file can't be attached: photos can be {PHOTO_HINT}."

    @rx.event
    async def clear_photo(self):
        """Take the photo off the draft."""
        if await current_user(self) is None:
            return
        photos.remove(self._photo_path or None)
        self._photo_path, self.preview, self.photo_error = "", "", ""

    @rx.event
    async def publish(self, form: dict[str, Any] | None = None):
        """Post the draft (and its photo)."""
        content = self.draft.strip()
        if not content:
            self.draft_error = "Post: write something first."
            return
        if len(content) > MAX_POST:
            self.draft_error = f"Post: can be up to {MAX_POST} characters."
            return
        user = await current_user(self)
        if user is None:
            self.draft_error = "Your session has ended. Sign in again to post."
            return
        self.posting = True
        yield
        photo_path = self._photo_path or None
        post = self._post
        target = await self._target()
        try:
            await run_in_session(lambda session: post(session, user, content, photo_path, target))
        except group_repo.GroupRefused as refused:
            self.posting, self.draft_error = False, refused.message
            return
        self.draft, self.preview, self._photo_path, self.posting = "", "", "", False
        yield self._done()

    async def _target(self) -> str:
        """Where the post goes, read before the work leaves for its thread."""
        return ""

    def _post(self, session: Session, user: User, content: str, photo_path: str | None, target: str) -> SocialPost:
        """Publish the draft as `user` (runs in a worker thread; no state vars)."""
        raise NotImplementedError

    def _done(self) -> list[Any]:
        """The reload and the toast after posting."""
        raise NotImplementedError


class ComposerState(Composer, rx.State):
    """The community feed's composer."""

    def _post(self, session: Session, user: User, content: str, photo_path: str | None, target: str) -> SocialPost:
        return post_repo.create(session, user_id=user.id, content=content, photo_path=photo_path)

    def _done(self) -> list[Any]:
        return [FeedState.load, rx.toast.success("Posted to the community.")]


class GroupComposerState(Composer, rx.State):
    """The open group's composer: only members post."""

    async def _target(self) -> str:
        return (await self.get_state(GroupFeedState))._group_id

    def _post(self, session: Session, user: User, content: str, photo_path: str | None, target: str) -> SocialPost:
        group_id = parse_uuid(target)
        made = None
        if group_id is not None:
            made = group_repo.post(session, user_id=user.id, group_id=group_id, content=content, photo_path=photo_path)
        if made is None:
            raise group_repo.GroupRefused("not_found", "That group is no longer there.")
        return made

    def _done(self) -> list[Any]:
        return [GroupFeedState.load, rx.toast.success("Posted to the group.")]

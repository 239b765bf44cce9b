"""Editing and deleting one's own posts: edit in place; delete after asking, with Undo for a few seconds.

A deleted post's photo file stays until the Undo window has passed, so Undo brings the photo back too.
"""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.pages.social.feed import FeedState, GroupFeedState, post_lists, post_view
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import photos
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.undoable import LATE_CLICK_SECONDS, UNDO_SECONDS, UndoableDelete

MAX_POST = 2000


class PostEditState(UndoableDelete, rx.State):
    """The post being edited, and the delete question (UndoableDelete)."""

    editing_id: str = ""
    edit_text: str = ""
    edit_error: str = ""
    saving: bool = False

    @rx.event
    async def start_edit(self, post_id: str):
        """Edit one of the user's posts in place."""
        user = await current_user(self)
        target = parse_uuid(post_id)
        if user is None or target is None:
            return
        post = await run_in_session(lambda s: post_repo.get_own(s, user_id=user.id, post_id=target))
        if post is None:
            return
        self.editing_id, self.edit_text, self.edit_error = post_id, post.content, ""

    @rx.event
    def set_edit_text(self, value: str):
        """The edited text as typed."""
        self.edit_text, self.edit_error = value, ""

    @rx.event
    def cancel_edit(self):
        """Leave the post as it was."""
        self.editing_id, self.edit_text, self.edit_error = "", "", ""

    @rx.event
    async def save_edit(self):
        """Save the edited text."""
        content = self.edit_text.strip()
        if not content or len(content) > MAX_POST:
            self.edit_error = f"Post: write between 1 and {MAX_POST} characters."
            return
        user = await current_user(self)
        target = parse_uuid(self.editing_id)
        if user is None or target is None:
            return
        self.saving = True
        yield

        def work(session: Session):
            post = post_repo.update(session, user_id=user.id, post_id=target, changes={"content": content})
            if post is None:
                return None
            liked = bool(post_repo.liked_by(session, user_id=user.id, post_ids=[post.id]))
            return post_view(post, user, viewer=user, liked=liked)

        view = await run_in_session(work)
        self.saving = False
        if view is None:
            self.cancel_edit()
            yield rx.toast.error("That post is no longer there.")
            return
        for feed in await post_lists(self):
            feed.replace_post(view)
        self.editing_id, self.edit_text = "", ""
        yield rx.toast.success("Post updated.")

    @rx.event
    async def ask_delete(self, post_id: str, excerpt: str):
        """Ask before deleting one of the user's posts."""
        await self._ask(post_id, excerpt if len(excerpt) <= 80 else excerpt[:79] + "…")

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        return post_repo.delete_keeping(session, user_id=user.id, post_id=target)

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        return post_repo.restore(session, user_id=user.id, kept=kept)

    def _refused(self, error: Exception) -> str | None:
        return "That post can't be brought back."

    def _gone_message(self) -> str:
        return "That post was already deleted."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return "Post deleted."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return "Post restored." if restored else ""

    def _reload_events(self) -> list[Any]:
        return [FeedState.load, GroupFeedState.load, PostEditState.forget_deleted_photo]

    @rx.event(background=True)
    async def forget_deleted_photo(self):
        """Once Undo is no longer possible, delete the photo file of a deleted post."""
        async with self:
            user = await current_user(self)
            photo = (self._deleted.get("post") or {}).get("photo_path")
        if user is None or not photo:
            return
        await asyncio.sleep(UNDO_SECONDS + LATE_CLICK_SECONDS + 2)

        if not await run_in_session(lambda session: post_repo.photos_in_use(session, photo_paths=[photo])):
            photos.remove(photo)

"""Deleting one's own listing: ask first, then Undo for a few seconds; the photo files go once Undo has passed."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.models import User
from wheels_wins.pages.social.market import MarketState
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.services import photos
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.undoable import LATE_CLICK_SECONDS, UNDO_SECONDS, UndoableDelete


class ListingDeleteState(UndoableDelete, rx.State):
    """The delete question for a listing, and its Undo (UndoableDelete)."""

    @rx.event
    async def ask_delete(self, listing_id: str, title: str):
        """Ask before deleting one of the user's listings."""
        await self._ask(listing_id, title if len(title) <= 80 else title[:79] + "…")

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        return listing_repo.delete_keeping(session, user_id=user.id, listing_id=target)

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        return listing_repo.restore(session, user_id=user.id, kept=kept)

    def _refused(self, error: Exception) -> str | None:
        return "That listing can't be brought back."

    def _gone_message(self) -> str:
        return "That listing was already deleted."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return f"Deleted “{kept['listing']['title']}”."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return "Listing restored." if restored else ""

    def _reload_events(self) -> list[Any]:
        return [MarketState.load, ListingDeleteState.forget_deleted_photos]

    @rx.event(background=True)
    async def forget_deleted_photos(self):
        """Once Undo is no longer possible, delete the photo files of a deleted listing."""
        async with self:
            user = await current_user(self)
            kept = self._deleted.get("photos") or []
            listing_id = (self._deleted.get("listing") or {}).get("id")
        if user is None or not kept:
            return
        await asyncio.sleep(UNDO_SECONDS + LATE_CLICK_SECONDS + 2)

        def restored(session: Session) -> bool:
            return listing_repo.get_own(session, user_id=user.id, listing_id=listing_id) is not None

        if not await run_in_session(restored):
            for values in kept:
                photos.remove(values["photo_path"])

"""Delete a saved place after asking, with Undo for a few seconds (the place comes back as it was)."""

from __future__ import annotations

import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.models import User
from wheels_wins.pages.wheels.places import PlacesState
from wheels_wins.repositories import places as place_repo
from wheels_wins.state.undoable import UndoableDelete

KEPT_FIELDS = {"id", "name", "kind", "lat", "lon", "notes", "rating", "created_at"}


class PlaceDeleteState(UndoableDelete, rx.State):
    """The delete confirmation and the last deleted place, kept for Undo."""

    # `confirm_name` and `undo` are the names this state had before the mixin; its tests still use them.
    @rx.var(cache=False)
    def confirm_name(self) -> str:
        """The name of the place asked about."""
        return self.confirm_label

    @rx.event
    async def ask(self, place_id: str, name: str):
        """Ask before deleting."""
        await self._ask(place_id, name)

    undo = UndoableDelete.undo_delete

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        place = place_repo.get(session, user_id=user.id, place_id=target)
        if place is None:
            return None
        kept = place.model_dump(include=KEPT_FIELDS)
        place_repo.delete(session, user_id=user.id, place_id=target)
        return kept

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> bool:
        """The same place again (same id and creation time); nothing when it is back already."""
        if place_repo.get(session, user_id=user.id, place_id=kept["id"]) is not None:
            return False
        place_repo.create(session, user_id=user.id, **kept)
        return True

    def _gone_message(self) -> str:
        return "That place was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return f"Deleted “{kept['name']}”."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return f"Restored “{kept['name']}”." if restored else ""

    def _reload_events(self) -> list[Any]:
        return [PlacesState.load]

"""Delete a saved place after asking, with Undo for a few seconds (the place comes back as it was)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import reflex as rx
from reflex_components_sonner.toast import ToastAction
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.pages.wheels.places import PlacesState
from wheels_wins.repositories import places as place_repo
from wheels_wins.state.auth import current_user_id, run_in_session

UNDO_SECONDS = 8
KEPT_FIELDS = {"id", "name", "kind", "lat", "lon", "notes", "rating", "created_at"}


class PlaceDeleteState(rx.State):
    """The delete confirmation and the last deleted place, kept for Undo."""

    confirm_open: bool = False
    confirm_id: str = ""
    confirm_name: str = ""
    _deleted: dict[str, Any] = {}

    @rx.event
    async def ask(self, place_id: str, name: str):
        """Ask before deleting."""
        if await current_user_id(self) is None:
            return
        self.confirm_id, self.confirm_name, self.confirm_open = place_id, name, True

    @rx.event
    def set_confirm_open(self, is_open: bool):
        """Close the confirmation without deleting."""
        self.confirm_open = is_open

    @rx.event
    async def delete(self):
        """Delete the confirmed place, offering Undo for a few seconds."""
        self.confirm_open = False
        user_id = await current_user_id(self)
        target = parse_uuid(self.confirm_id)
        if user_id is None or target is None:
            return

        def remove(session: Session) -> dict[str, Any] | None:
            place = place_repo.get(session, user_id=user_id, place_id=target)
            if place is None:
                return None
            kept = place.model_dump(include=KEPT_FIELDS)
            place_repo.delete(session, user_id=user_id, place_id=target)
            return kept

        kept = await run_in_session(remove)
        if kept is None:
            yield [PlacesState.load, rx.toast.error("That place was already gone.")]
            return
        self._deleted = {**kept, "deleted_at": dt.datetime.now(dt.UTC)}
        yield PlacesState.load
        yield rx.toast.success(
            f"Deleted “{kept['name']}”.",
            action=ToastAction(label="Undo", on_click=PlaceDeleteState.undo),
            duration=UNDO_SECONDS * 1000,
        )

    @rx.event
    async def undo(self):
        """Put the last deleted place back as it was (within the undo window)."""
        kept, self._deleted = self._deleted, {}
        user_id = await current_user_id(self)
        if not kept or user_id is None:
            return
        if dt.datetime.now(dt.UTC) - kept.pop("deleted_at") > dt.timedelta(seconds=UNDO_SECONDS + 5):
            yield rx.toast.info("Too late to undo that delete.")
            return

        def restore(session: Session) -> bool:
            if place_repo.get(session, user_id=user_id, place_id=kept["id"]) is not None:
                return False
            place_repo.create(session, user_id=user_id, **kept)
            return True

        if await run_in_session(restore):
            yield PlacesState.load
            yield rx.toast.success(f"Restored “{kept['name']}”.")

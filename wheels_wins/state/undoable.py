"""Ask before deleting, delete in one transaction, then offer Undo for a few seconds: one mixin for the page states."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

import reflex as rx
from reflex_components_sonner.toast import ToastAction
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.state.auth import current_user, run_in_session

UNDO_SECONDS = 8
# The toast counts down in the browser after the round trip; a click in its last second still counts.
LATE_CLICK_SECONDS = 5


class UndoableDelete(rx.State, mixin=True):
    """Delete with a confirmation and an Undo toast; a page state mixes this in and implements the hooks.

    `_remove` and `_restore` run in a worker thread, each inside one transaction, with the acting user
    (checked by every handler); they must not touch the state's vars.
    """

    confirm_open: bool = False
    confirm_id: str = ""
    confirm_label: str = ""
    _deleted: dict[str, Any] = {}

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        """Delete the user's item; return what restoring it needs, or None when it is gone or not theirs."""
        raise NotImplementedError

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        """Put the item back from what `_remove` kept; falsy when there was nothing to put back."""
        raise NotImplementedError

    def _gone_message(self) -> str:
        """The error when the item was deleted already (or was never the user's)."""
        raise NotImplementedError

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        """The toast that offers Undo."""
        raise NotImplementedError

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        """The toast after an Undo (`restored` is what `_restore` returned); empty for none."""
        raise NotImplementedError

    def _reload_events(self) -> list[Any]:
        """The loads that show the change (lists, totals, the notification count)."""
        raise NotImplementedError

    def _target_id(self) -> str:
        """The id of the item to delete: the one asked about."""
        return self.confirm_id

    def _confirmed(self) -> None:
        """Runs when the delete is confirmed (e.g. to close the editor it was asked from)."""

    def _refused(self, error: Exception) -> str | None:
        """The message when restoring raised an error the user should read; None re-raises it."""
        return None

    async def _ask(self, target_id: str, label: str) -> None:
        """Open the confirmation on an item, for a signed-in user."""
        if await current_user(self) is None:
            return
        self.confirm_id, self.confirm_label, self.confirm_open = str(target_id), str(label), True

    @rx.event
    def set_confirm_open(self, is_open: bool):
        """Open or close the confirmation; closing it never deletes."""
        self.confirm_open = is_open

    @rx.event
    async def delete(self):
        """Delete the confirmed item in one transaction, offering Undo for a few seconds."""
        self.confirm_open = False
        self._confirmed()
        user = await current_user(self)
        target = parse_uuid(self._target_id())
        if user is None or target is None:
            return
        remove = self._remove
        kept = await run_in_session(lambda session: remove(session, user, target))
        if kept is None:
            yield [*self._reload_events(), rx.toast.error(self._gone_message())]
            return
        self._deleted = {**kept, "deleted_at": dt.datetime.now(dt.UTC)}
        yield self._reload_events()
        yield rx.toast.success(
            self._deleted_message(kept),
            action=ToastAction(label="Undo", on_click=type(self).undo_delete),
            duration=UNDO_SECONDS * 1000,
        )

    @rx.event
    async def undo_delete(self):
        """Put the last deleted item back (once, within the undo window)."""
        kept, self._deleted = dict(self._deleted), {}
        user = await current_user(self)
        if not kept or user is None:
            return
        if dt.datetime.now(dt.UTC) - kept.pop("deleted_at") > dt.timedelta(seconds=UNDO_SECONDS + LATE_CLICK_SECONDS):
            yield rx.toast.info("Too late to undo that delete.")
            return
        restore = self._restore
        try:
            restored = await run_in_session(lambda session: restore(session, user, kept))
        except Exception as error:
            message = self._refused(error)
            if message is None:
                raise
            yield rx.toast.error(message)
            return
        yield self._reload_events()
        message = self._restored_message(kept, restored)
        if message:
            yield rx.toast.success(message)

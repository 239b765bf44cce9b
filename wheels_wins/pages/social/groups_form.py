"""Starting a group, editing its description (creator only), and deleting it with Undo (creator, when alone)."""

from __future__ import annotations

import asyncio
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.pages.social.feed import GroupFeedState
from wheels_wins.pages.social.groups import GroupsState, GroupView, group_view
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import photos
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.undoable import LATE_CLICK_SECONDS, UNDO_SECONDS, UndoableDelete


class GroupFormState(rx.State):
    """The new-group dialog, or the description editor of the open group."""

    open: bool = False
    editing: bool = False
    form_key: int = 0
    form_error: str = ""
    saving: bool = False
    name: str = ""
    description: str = ""

    @rx.event
    async def start_create(self):
        """Open an empty new-group form."""
        if await current_user(self) is None:
            return
        self.editing, self.name, self.description, self.form_error = False, "", "", ""
        self.form_key += 1
        self.open = True

    @rx.event
    async def start_edit(self):
        """Edit the open group's description (its creator only)."""
        if await current_user(self) is None:
            return
        groups = await self.get_state(GroupsState)
        if not groups.current.mine:
            return
        self.editing, self.name, self.description = True, groups.current.name, groups.current.description
        self.form_error = ""
        self.form_key += 1
        self.open = True

    @rx.event
    def set_open(self, is_open: bool):
        """Open or close the dialog; closing it saves nothing."""
        self.open = is_open

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Start the group (the creator joins it) or save the new description."""
        name, description = str(form.get("name", self.name)), str(form.get("description", ""))
        self.name, self.description = name, description  # kept, so nothing typed is lost on an error
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again."
            return
        groups = await self.get_state(GroupsState)
        target = parse_uuid(groups.current.id) if self.editing else None
        if self.editing and target is None:
            self.open = False
            return
        self.saving, self.form_error = True, ""
        yield
        try:
            view = await run_in_session(lambda s: _save(s, user, target, name, description))
        except group_repo.GroupRefused as refused:
            self.saving, self.form_error = False, refused.message
            return
        self.saving = False
        if view is None:
            self.open = False
            yield rx.toast.error("Only the group's creator can change it.")
            return
        self.open = False
        groups.current = view if self.editing else groups.current
        await groups.refresh(user)
        if self.editing:
            yield rx.toast.success("Description saved.")
            return
        yield GroupsState.open_group(view.id)
        yield rx.toast.success(f"{view.name} is ready. Say hello to get it going.")


def _save(session: Session, user: User, target: uuid.UUID | None, name: str, description: str) -> GroupView | None:
    if target is None:
        group = group_repo.create(session, user_id=user.id, name=name, description=description)
        return group_view(group, joined=True, viewer_id=user.id)
    group = group_repo.update_description(session, user_id=user.id, group_id=target, description=description)
    return group_view(group, joined=True, viewer_id=user.id) if group else None


class GroupDeleteState(UndoableDelete, rx.State):
    """Deleting a group the user started, while nobody else belongs to it."""

    @rx.event
    async def ask_delete(self):
        """Ask before deleting the open group."""
        groups = await self.get_state(GroupsState)
        if groups.current.can_delete:
            await self._ask(groups.current.id, groups.current.name)

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        try:
            return group_repo.delete(session, user_id=user.id, group_id=target)
        except group_repo.GroupRefused:
            return None  # someone joined meanwhile

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        return group_repo.restore(session, user_id=user.id, kept=kept)

    def _refused(self, error: Exception) -> str | None:
        return error.message if isinstance(error, group_repo.GroupRefused) else None

    def _gone_message(self) -> str:
        return "That group can't be deleted now: it's gone already, or someone has joined it."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return f"{kept['group']['name']} deleted."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return f"{kept['group']['name']} restored." if restored else ""

    def _reload_events(self) -> list[Any]:
        return [GroupDeleteState.show_result, GroupDeleteState.forget_deleted_photos]

    @rx.event
    async def show_result(self):
        """After a delete or an Undo: the list, or the restored group."""
        user = await current_user(self)
        if user is None:
            return
        groups = await self.get_state(GroupsState)
        if self._deleted:
            groups.current = GroupView()
            (await self.get_state(GroupFeedState)).show_group("")
        await groups.refresh(user)

    @rx.event(background=True)
    async def forget_deleted_photos(self):
        """Once Undo is no longer possible, delete the photo files of the deleted group's posts."""
        async with self:
            user = await current_user(self)
            paths = group_repo.photo_paths(self._deleted)
        if user is None or not paths:
            return
        await asyncio.sleep(UNDO_SECONDS + LATE_CLICK_SECONDS + 2)

        for path in paths - await run_in_session(lambda session: post_repo.photos_in_use(session, photo_paths=paths)):
            photos.remove(path)

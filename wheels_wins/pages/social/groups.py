"""The Groups tab's state: browse and search groups, join or leave, and open one to read and post in it.

`/social?tab=groups&group=<id>` opens a group directly. Public vars hold only what the cards show
(name, description, member count, whether the viewer joined or started it); never a user's id.
"""

from __future__ import annotations

import dataclasses
import uuid

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import SocialGroup, User
from wheels_wins.pages.social.feed import GroupFeedState
from wheels_wins.repositories import groups as group_repo
from wheels_wins.state.auth import current_user, run_in_session

SHOWN = 100


@dataclasses.dataclass
class GroupView:
    """A group as a card shows it."""

    id: str = ""
    name: str = ""
    description: str = ""
    members: int = 0
    members_label: str = ""
    joined: bool = False
    mine: bool = False
    can_delete: bool = False


def group_view(group: SocialGroup, *, joined: bool, viewer_id: uuid.UUID) -> GroupView:
    """The card's view of a group for the viewer."""
    mine = group.user_id == viewer_id
    return GroupView(
        id=str(group.id),
        name=group.name,
        description=group.description,
        members=group.member_count,
        members_label=f"{group.member_count} member" + ("" if group.member_count == 1 else "s"),
        joined=joined,
        mine=mine,
        can_delete=mine and group.member_count <= 1,
    )


def _browse(session: Session, viewer: User, query: str) -> tuple[list[GroupView], int]:
    rows, total = group_repo.browse(session, viewer_id=viewer.id, query=query, limit=SHOWN)
    return [group_view(group, joined=joined, viewer_id=viewer.id) for group, joined in rows], total


def _one(session: Session, viewer: User, group_id: uuid.UUID) -> GroupView | None:
    found = group_repo.get(session, viewer_id=viewer.id, group_id=group_id)
    return group_view(found[0], joined=found[1], viewer_id=viewer.id) if found else None


class GroupsState(rx.State):
    """The list of groups and the open group."""

    loaded: bool = False
    groups: rx.Field[list[GroupView]] = rx.field(default_factory=list)
    total: int = 0
    query: str = ""
    current: GroupView = GroupView()
    busy_id: str = ""
    _url_group: str = ""

    @rx.var
    def your_groups(self) -> list[GroupView]:
        """The groups the user belongs to."""
        return [group for group in self.groups if group.joined]

    @rx.var
    def other_groups(self) -> list[GroupView]:
        """The groups the user could join."""
        return [group for group in self.groups if not group.joined]

    async def refresh(self, user: User) -> None:
        """Read the list (and the open group) again."""
        query, open_id = self.query, parse_uuid(self.current.id)
        self.groups, self.total = await run_in_session(lambda s: _browse(s, user, query))
        if open_id is not None:
            found = await run_in_session(lambda s: _one(s, user, open_id))
            self.current = found or GroupView()
            if found is None:
                (await self.get_state(GroupFeedState)).show_group("")
        self.loaded = True

    @rx.event
    async def load(self):
        """Read the groups; open the one named in the URL's `group` parameter (once per link)."""
        user = await current_user(self)
        if user is None:
            return
        requested = self.router.url.query_parameters.get("group", "")
        if requested and requested != self._url_group and parse_uuid(requested):
            self.current = GroupView(id=requested)
            (await self.get_state(GroupFeedState)).show_group(requested)
        self._url_group = requested
        await self.refresh(user)
        if self.current.id:
            return GroupFeedState.load
        if requested:
            return rx.toast.error("That group is no longer there.")

    @rx.event
    async def set_query(self, value: str):
        """Search groups by name."""
        user = await current_user(self)
        if user is None:
            return
        self.query = value[:80]
        await self.refresh(user)

    @rx.event
    async def open_group(self, group_id: str):
        """Show a group's page: its description, members and posts."""
        user = await current_user(self)
        target = parse_uuid(group_id)
        if user is None or target is None:
            return
        found = await run_in_session(lambda s: _one(s, user, target))
        if found is None:
            await self.refresh(user)
            return rx.toast.error("That group is no longer there.")
        self.current = found
        (await self.get_state(GroupFeedState)).show_group(found.id)
        return [GroupFeedState.load, rx.scroll_to("social-groups")]

    @rx.event
    async def close_group(self):
        """Back to the list of groups."""
        user = await current_user(self)
        if user is None:
            return
        self.current = GroupView()
        (await self.get_state(GroupFeedState)).show_group("")
        await self.refresh(user)

    async def _membership(self, group_id: str, joining: bool):
        user = await current_user(self)
        target = parse_uuid(group_id)
        if user is None or target is None:
            return None
        self.busy_id = group_id
        action = group_repo.join if joining else group_repo.leave
        try:
            changed = await run_in_session(lambda s: action(s, user_id=user.id, group_id=target))
        except group_repo.GroupRefused as refused:
            self.busy_id = ""
            return rx.toast.error(refused.message)
        self.busy_id = ""
        await self.refresh(user)
        if changed is None:
            return rx.toast.error("That group is no longer there.")
        return rx.toast.success(f"You joined {changed.name}." if joining else f"You left {changed.name}.")

    @rx.event
    async def join(self, group_id: str):
        """Join a group (joining twice changes nothing)."""
        return await self._membership(group_id, joining=True)

    @rx.event
    async def leave(self, group_id: str):
        """Leave a group; a creator hands it to the longest-standing member."""
        return await self._membership(group_id, joining=False)

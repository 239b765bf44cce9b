"""In-app notifications (budget alerts, maintenance due...): the unread count on the bell and the latest few."""

from __future__ import annotations

import dataclasses
import datetime as dt

import reflex as rx

from wheels_wins.components.format import ago_label
from wheels_wins.db import parse_uuid
from wheels_wins.models import Notification
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.services import money
from wheels_wins.state.auth import current_user, current_user_id, run_in_session

SHOWN = 12


@dataclasses.dataclass
class NotificationItem:
    """One notification as the bell and the notifications page show it."""

    id: str
    title: str
    body: str
    when: str
    link: str
    unread: bool
    kind: str = ""


def notification_item(row: Notification, now: dt.datetime) -> NotificationItem:
    """A notification row for display; `now` in the user's zone decides how its time reads."""
    return NotificationItem(
        str(row.id), row.title, row.body, ago_label(row.created_at, now), row.link, row.read_at is None, row.kind
    )


class NotificationsState(rx.State):
    """The bell: how many are unread, and the latest when it is opened."""

    unread: int = 0
    items: rx.Field[list[NotificationItem]] = rx.field(default_factory=list)

    @rx.event
    async def refresh_count(self):
        """Count the unread ones (on every page load and after changes that may notify)."""
        user_id = await current_user_id(self)
        if user_id is None:
            return
        self.unread = await run_in_session(lambda s: notification_repo.count_unread(s, user_id=user_id))

    @rx.event
    async def load(self, is_open: bool = True):
        """Read the latest notifications when the bell opens."""
        user = await current_user(self) if is_open else None
        if user is None:
            return
        rows, self.unread = await run_in_session(
            lambda s: (
                notification_repo.list_recent(s, user_id=user.id, limit=SHOWN),
                notification_repo.count_unread(s, user_id=user.id),
            )
        )
        now = dt.datetime.now(money.zone(user.timezone))  # "Mon 3 Nov" for older ones is the user's own day
        self.items = [notification_item(row, now) for row in rows]

    @rx.event
    async def open_item(self, notification_id: str, link: str):
        """Mark one read and go where it points."""
        user_id, target = await current_user_id(self), parse_uuid(notification_id)
        if user_id is None or target is None:
            return
        await run_in_session(lambda s: notification_repo.mark_read(s, user_id=user_id, notification_id=target))
        yield NotificationsState.load
        yield NotificationsState.refresh_count
        if link.startswith("/") and not link.startswith("//"):
            yield rx.redirect(link)

    @rx.event
    async def mark_all_read(self):
        """Mark every notification read."""
        user_id = await current_user_id(self)
        if user_id is None:
            return
        await run_in_session(lambda s: notification_repo.mark_all_read(s, user_id=user_id))
        self.unread = 0
        self.items = [dataclasses.replace(item, unread=False) for item in self.items]

"""Notifications: everything the bell ever said, newest first; read or unread, open, delete with Undo, page on."""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins import routes
from wheels_wins.components import empty_state, loading_block, page_header
from wheels_wins.components.layout import app_page
from wheels_wins.components.notifications import kind_icon
from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.services import money
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.notifications import NotificationItem, NotificationsState, notification_item
from wheels_wins.state.undoable import UndoableDelete

PAGE_SIZE = 20
FILTERS = (("all", "All"), ("unread", "Unread"))


def _fetch(session: Session, user: User, *, unread_only: bool, before: Any, limit: int) -> tuple[list[Any], bool]:
    rows = notification_repo.page(session, user_id=user.id, unread_only=unread_only, before=before, limit=limit + 1)
    return rows[:limit], len(rows) > limit


def _now(user: User) -> dt.datetime:
    return dt.datetime.now(money.zone(user.timezone))


class NotificationsPageState(UndoableDelete, rx.State):
    """The notifications list of the signed-in user, and deleting one with Undo."""

    loaded: bool = False
    items: rx.Field[list[NotificationItem]] = rx.field(default_factory=list)
    view_filter: str = "all"
    has_more: bool = False
    _cursor: tuple[dt.datetime, uuid.UUID] | None = None

    async def _show(self, *, more: bool = False, limit: int = PAGE_SIZE) -> None:
        """Read a page (the first, or the next after the cursor) into the list."""
        user = await current_user(self)
        if user is None:
            return
        unread_only, before = self.view_filter == "unread", self._cursor if more else None
        rows, self.has_more = await run_in_session(
            lambda s: _fetch(s, user, unread_only=unread_only, before=before, limit=limit)
        )
        now = _now(user)
        shown = [notification_item(row, now) for row in rows]
        self.items = [*self.items, *shown] if more else shown
        if rows:
            self._cursor = (rows[-1].created_at, rows[-1].id)
        elif not more:
            self._cursor = None
        self.loaded = True

    @rx.event
    async def load(self):
        """The first page (on page load)."""
        await self._show()

    @rx.event
    async def reload(self):
        """Read again as many as are shown (after a change, so Load more pages are kept)."""
        await self._show(limit=max(PAGE_SIZE, len(self.items)))

    @rx.event
    async def set_filter(self, value: str | list[str]):
        """All or only the unread ones."""
        choice = value if isinstance(value, str) else (value[0] if value else "all")
        self.view_filter = choice if choice in dict(FILTERS) else "all"
        await self._show()

    @rx.event
    async def load_more(self):
        """The next page, after the last one shown."""
        await self._show(more=True)

    @rx.event
    async def open_item(self, notification_id: str, link: str):
        """Mark one read and go where it points."""
        user, target = await current_user(self), parse_uuid(notification_id)
        if user is None or target is None:
            return
        await run_in_session(lambda s: notification_repo.mark_read(s, user_id=user.id, notification_id=target))
        self.items = [dataclasses.replace(i, unread=False) if i.id == notification_id else i for i in self.items]
        yield NotificationsState.refresh_count
        if link.startswith("/") and not link.startswith("//"):
            yield rx.redirect(link)

    @rx.event
    async def toggle_read(self, notification_id: str):
        """Mark a read one unread again, or an unread one read."""
        user, target = await current_user(self), parse_uuid(notification_id)
        if user is None or target is None:
            return
        shown = next((i for i in self.items if i.id == notification_id), None)
        read = shown is None or shown.unread
        row = await run_in_session(
            lambda s: notification_repo.set_read(s, user_id=user.id, notification_id=target, read=read)
        )
        if row is None:
            yield rx.toast.error("That notification is gone.")
        yield [NotificationsPageState.reload, NotificationsState.refresh_count]

    @rx.event
    async def mark_all_read(self):
        """Mark every notification read."""
        user = await current_user(self)
        if user is None:
            return
        marked = await run_in_session(lambda s: notification_repo.mark_all_read(s, user_id=user.id))
        yield [NotificationsPageState.reload, NotificationsState.refresh_count]
        yield rx.toast.success(f"Marked {marked} read." if marked != 1 else "Marked 1 read.")

    @rx.event
    async def remove(self, notification_id: str):
        """Delete one notification at once (Undo is offered for a few seconds)."""
        if await current_user(self) is None:
            return
        self.confirm_id = str(notification_id)
        return NotificationsPageState.delete

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        return notification_repo.delete(session, user_id=user.id, notification_id=target)

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        return notification_repo.restore(session, user_id=user.id, kept=kept)

    def _gone_message(self) -> str:
        return "That notification was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return "Notification deleted."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return "Notification restored." if restored else ""

    def _reload_events(self) -> list[Any]:
        return [NotificationsPageState.reload, NotificationsState.refresh_count]


def _action(icon: rx.Component, label: str | rx.Var[str], on_click: Any) -> rx.Component:
    return rx.tooltip(
        rx.icon_button(
            icon,
            on_click=on_click,
            variant="ghost",
            color_scheme="gray",
            size="2",
            aria_label=label,
        ),
        content=label,
    )


def _row(item: NotificationItem) -> rx.Component:
    return rx.hstack(
        rx.hstack(
            kind_icon(item.kind),
            rx.vstack(
                rx.text(item.title, size="3", weight=rx.cond(item.unread, "bold", "regular"), class_name="nt-title"),
                rx.cond(item.body != "", rx.text(item.body, size="2", color=rx.color("gray", 11))),
                rx.text(item.when, size="1", color=rx.color("gray", 10)),
                spacing="1",
                min_width="0",
            ),
            on_click=NotificationsPageState.open_item(item.id, item.link),
            cursor="pointer",
            spacing="3",
            align="start",
            flex="1",
            min_width="0",
        ),
        rx.hstack(
            rx.cond(
                item.unread,
                rx.box(
                    width="8px",
                    height="8px",
                    border_radius="9999px",
                    background=rx.color("accent", 9),
                    aria_label="Unread",
                ),
            ),
            _action(
                rx.cond(item.unread, rx.icon("mail-open", size=16), rx.icon("mail", size=16)),
                rx.cond(item.unread, "Mark as read", "Mark as unread"),
                NotificationsPageState.toggle_read(item.id),
            ),
            _action(rx.icon("trash-2", size=16), "Delete notification", NotificationsPageState.remove(item.id)),
            spacing="3",
            align="center",
            flex_shrink="0",
        ),
        align="start",
        spacing="3",
        width="100%",
        padding="12px",
        border_radius="var(--radius-3)",
        background=rx.cond(item.unread, rx.color("accent", 2), "transparent"),
        _hover={"background": rx.color("gray", 3)},
        class_name="notification-row",
    )


def _empty() -> rx.Component:
    return rx.cond(
        NotificationsPageState.view_filter == "unread",
        empty_state("check-check", "You're all caught up", "Nothing unread. Switch to All to see earlier ones."),
        empty_state(
            "bell",
            "You're all caught up",
            "Budget alerts, maintenance reminders, and comments and likes on your posts show up here.",
        ),
    )


def _toolbar() -> rx.Component:
    return rx.hstack(
        rx.segmented_control.root(
            *[rx.segmented_control.item(label, value=value) for value, label in FILTERS],
            value=NotificationsPageState.view_filter,
            on_change=NotificationsPageState.set_filter,
            size="2",
            aria_label="Show",
        ),
        rx.button(
            rx.icon("check-check", size=16),
            "Mark all read",
            on_click=NotificationsPageState.mark_all_read,
            disabled=NotificationsState.unread == 0,
            variant="soft",
            size="2",
        ),
        justify="between",
        align="center",
        wrap="wrap",
        spacing="3",
        width="100%",
    )


@app_page(routes.NOTIFICATIONS, "Notifications", on_load=NotificationsPageState.load)
def notifications() -> rx.Component:
    """Every notification, newest first."""
    return rx.vstack(
        page_header("Notifications", "Budget alerts, maintenance reminders and what people say about your posts."),
        _toolbar(),
        rx.card(
            rx.cond(
                NotificationsPageState.loaded,
                rx.cond(
                    NotificationsPageState.items.length() > 0,
                    rx.vstack(rx.foreach(NotificationsPageState.items, _row), spacing="1", width="100%"),
                    _empty(),
                ),
                loading_block(4),
            ),
            width="100%",
        ),
        rx.cond(
            NotificationsPageState.has_more,
            rx.center(
                rx.button("Load more", on_click=NotificationsPageState.load_more, variant="soft", size="2"),
                width="100%",
            ),
        ),
        spacing="4",
        width="100%",
        max_width="760px",
    )

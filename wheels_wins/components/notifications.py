"""The notifications bell (an unread badge and a popover with the latest) and each kind's icon."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes
from wheels_wins.state.notifications import NotificationItem, NotificationsState

KIND_ICONS: dict[str, tuple[str, str]] = {
    "budget": ("wallet", "amber"),
    "maintenance": ("wrench", "orange"),
    "post_comment": ("message-circle", "blue"),
    "post_like": ("heart", "crimson"),
    "listing_interest": ("tag", "grass"),
}
"""Notification kind → (icon, colour); other kinds get a bell."""


def kind_icon(kind: rx.Var[str], size: int = 16, box: str = "32px") -> rx.Component:
    """A round, coloured icon for a notification's kind."""
    return rx.center(
        rx.match(
            kind, *[(k, rx.icon(icon, size=size)) for k, (icon, _) in KIND_ICONS.items()], rx.icon("bell", size=size)
        ),
        width=box,
        height=box,
        flex_shrink="0",
        border_radius="9999px",
        color=rx.match(kind, *[(k, rx.color(c, 11)) for k, (_, c) in KIND_ICONS.items()], rx.color("gray", 11)),
        background=rx.match(kind, *[(k, rx.color(c, 3)) for k, (_, c) in KIND_ICONS.items()], rx.color("gray", 3)),
    )


def _item(item: NotificationItem) -> rx.Component:
    return rx.box(
        rx.hstack(
            kind_icon(item.kind, size=14, box="26px"),
            rx.vstack(
                rx.text(item.title, size="2", weight=rx.cond(item.unread, "bold", "regular")),
                rx.cond(item.body != "", rx.text(item.body, size="1", color=rx.color("gray", 11))),
                rx.text(item.when, size="1", color=rx.color("gray", 10)),
                spacing="0",
                flex="1",
                min_width="0",
            ),
            rx.cond(
                item.unread,
                rx.box(
                    width="8px",
                    height="8px",
                    border_radius="9999px",
                    background=rx.color("accent", 9),
                    flex_shrink="0",
                    margin_top="6px",
                ),
            ),
            align="start",
            spacing="2",
            width="100%",
        ),
        on_click=NotificationsState.open_item(item.id, item.link),
        cursor="pointer",
        padding="8px",
        border_radius="var(--radius-2)",
        _hover={"background": rx.color("gray", 3)},
        class_name="notification-item",
    )


def notifications_bell() -> rx.Component:
    """The bell with its unread count; opening it lists the latest notifications."""
    return rx.popover.root(
        rx.popover.trigger(
            rx.box(
                rx.icon_button(
                    rx.icon("bell", size=18), variant="ghost", color_scheme="gray", size="2", aria_label="Notifications"
                ),
                rx.cond(
                    NotificationsState.unread > 0,
                    rx.badge(
                        NotificationsState.unread,
                        color_scheme="red",
                        variant="solid",
                        radius="full",
                        size="1",
                        position="absolute",
                        top="-6px",
                        right="-8px",
                        pointer_events="none",
                        id="notifications-unread",
                    ),
                ),
                position="relative",
            ),
        ),
        rx.popover.content(
            rx.hstack(
                rx.text("Notifications", size="3", weight="bold"),
                rx.spacer(),
                rx.cond(
                    NotificationsState.unread > 0,
                    rx.button("Mark all read", variant="ghost", size="1", on_click=NotificationsState.mark_all_read),
                ),
                align="center",
                width="100%",
                margin_bottom="6px",
            ),
            rx.cond(
                NotificationsState.items.length() > 0,
                rx.vstack(
                    rx.foreach(NotificationsState.items, _item), spacing="1", max_height="60vh", overflow_y="auto"
                ),
                rx.text("Nothing new. Budget alerts and reminders show up here.", size="2", color=rx.color("gray", 11)),
            ),
            rx.separator(size="4", margin_y="8px"),
            rx.popover.close(
                rx.link(
                    rx.hstack(
                        rx.text("See all notifications"), rx.icon("arrow-right", size=14), spacing="1", align="center"
                    ),
                    href=routes.NOTIFICATIONS,
                    size="2",
                    weight="medium",
                    underline="none",
                ),
            ),
            width="340px",
            max_width="92vw",
        ),
        on_open_change=NotificationsState.load,
    )

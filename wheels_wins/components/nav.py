"""Navigation: the desktop sidebar, the phone top bar and bottom tab bar, and the theme toggle."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes
from wheels_wins.components.avatar import avatar as user_avatar
from wheels_wins.components.brand import brand
from wheels_wins.components.install import install_button, install_menu_item
from wheels_wins.components.notifications import notifications_bell
from wheels_wins.state.auth import AuthState

PHONE = "@media (max-width: 768px)"
DESKTOP = "@media (min-width: 769px)"
# The page's content column is narrow: a phone, a small window, or a desktop with PAM's panel docked beside
# the page. For layouts inside the page (grids of cards, filters, forms); the frame itself and dialogs,
# which are sized by the window, use PHONE.
NARROW = "@container page (max-width: 768px)"
# Two panes side by side (a map beside its list) when the page's column has room: not with PAM docked on a laptop.
WIDE = "@container page (min-width: 860px)"
PAGE_CONTAINER = {"container_type": "inline-size", "container_name": "page"}
SIDEBAR_WIDTH = "248px"
TAB_BAR_HEIGHT = "64px"
ELLIPSIS = {"overflow": "hidden", "text_overflow": "ellipsis", "white_space": "nowrap"}


def color_mode_toggle() -> rx.Component:
    """Switch between light and dark."""
    return rx.tooltip(
        rx.icon_button(
            rx.color_mode_cond(light=rx.icon("moon", size=18), dark=rx.icon("sun", size=18)),
            on_click=rx.toggle_color_mode,
            variant="ghost",
            color_scheme="gray",
            size="2",
            aria_label="Toggle light and dark mode",
        ),
        content="Light / dark",
    )


def avatar() -> rx.Component:
    """The signed-in user's profile photo, or their initials."""
    return user_avatar(AuthState.avatar_url, AuthState.initials, "2")


def _sidebar_link(item: routes.NavItem, active: bool) -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.icon(item.icon, size=18),
            rx.text(item.label, size="3", weight="medium"),
            spacing="3",
            align="center",
        ),
        href=item.route,
        underline="none",
        aria_current="page" if active else None,
        color=rx.color("accent", 11) if active else rx.color("gray", 11),
        background=rx.color("accent", 3) if active else "transparent",
        padding="8px 12px",
        border_radius="var(--radius-3)",
        width="100%",
        _hover={
            "background": rx.color("accent", 3) if active else rx.color("gray", 3),
            "color": rx.color("accent", 11) if active else rx.color("gray", 12),
        },
    )


def user_menu_items() -> list[rx.Component]:
    """The entries of the account menu."""
    return [
        rx.menu.item(
            rx.hstack(rx.icon("settings", size=14), rx.text("Profile & preferences")), on_click=rx.redirect(routes.YOU)
        ),
        rx.menu.separator(),
        rx.menu.item(
            rx.hstack(rx.icon("log_out", size=14), rx.text("Sign out")), on_click=AuthState.logout, color="red"
        ),
    ]


def sidebar(active: str) -> rx.Component:
    """The fixed left navigation shown on wide screens."""
    return rx.el.nav(
        rx.vstack(
            rx.box(brand(), px="2", pb="4", pt="1"),
            *[_sidebar_link(item, item.route == active) for item in routes.NAV_ITEMS],
            rx.spacer(),
            install_button(),
            rx.separator(size="4"),
            rx.hstack(
                avatar(),
                rx.box(
                    rx.text(AuthState.display_name, size="2", weight="medium", style=ELLIPSIS),
                    rx.text(AuthState.user_email, size="1", color=rx.color("gray", 11), style=ELLIPSIS),
                    flex="1",
                    min_width="0",
                ),
                notifications_bell(),
                color_mode_toggle(),
                rx.tooltip(
                    rx.icon_button(
                        rx.icon("log_out", size=18),
                        on_click=AuthState.logout,
                        variant="ghost",
                        color_scheme="gray",
                        size="2",
                        aria_label="Sign out",
                    ),
                    content="Sign out",
                ),
                align="center",
                spacing="1",
                width="100%",
                pt="2",
            ),
            spacing="1",
            height="100%",
            width="100%",
        ),
        aria_label="Main",
        position="fixed",
        top="0",
        left="0",
        bottom="0",
        width=SIDEBAR_WIDTH,
        padding="20px 16px",
        background=rx.color("gray", 2),
        border_right=f"1px solid {rx.color('gray', 4)}",
        z_index="20",
        style={PHONE: {"display": "none"}},
    )


def phone_header() -> rx.Component:
    """The slim top bar on phones: brand, theme toggle and the account menu."""
    return rx.el.header(
        rx.hstack(
            brand(size="28px", text_size="3"),
            rx.spacer(),
            notifications_bell(),
            color_mode_toggle(),
            rx.menu.root(
                rx.menu.trigger(
                    rx.button(avatar(), variant="ghost", radius="full", padding="0", aria_label="Account"),
                ),
                rx.menu.content(
                    rx.box(
                        rx.text(AuthState.display_name, size="2", weight="medium"),
                        rx.text(AuthState.user_email, size="1", color=rx.color("gray", 11)),
                        px="3",
                        py="2",
                    ),
                    rx.menu.separator(),
                    install_menu_item(),
                    *user_menu_items(),
                    align="end",
                ),
            ),
            align="center",
            spacing="3",
            width="100%",
        ),
        position="sticky",
        top="0",
        z_index="20",
        padding="10px 16px",
        background=rx.color("gray", 1),
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        display="none",
        style={PHONE: {"display": "block"}},
    )


def _tab(item: routes.NavItem, active: bool) -> rx.Component:
    return rx.link(
        rx.vstack(
            rx.icon(item.icon, size=22),
            rx.text(item.label, size="1", weight="medium"),
            spacing="1",
            align="center",
        ),
        href=item.route,
        underline="none",
        aria_current="page" if active else None,
        color=rx.color("accent", 11) if active else rx.color("gray", 11),
        display="flex",
        justify_content="center",
        align_items="center",
        height="100%",
    )


def tab_bar(active: str) -> rx.Component:
    """The bottom tab bar on phones."""
    return rx.el.nav(
        rx.grid(
            *[_tab(item, item.route == active) for item in routes.NAV_ITEMS],
            columns=str(len(routes.NAV_ITEMS)),
            height=TAB_BAR_HEIGHT,
            width="100%",
        ),
        aria_label="Main",
        position="fixed",
        left="0",
        right="0",
        bottom="0",
        z_index="20",
        padding_bottom="env(safe-area-inset-bottom)",
        background=rx.color("gray", 1),
        border_top=f"1px solid {rx.color('gray', 4)}",
        display="none",
        style={PHONE: {"display": "block"}},
    )

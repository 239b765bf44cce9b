"""Page registration: every page gets its frame (navigation, PAM panel) exactly once from here."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import reflex as rx

from wheels_wins.components.brand import APP_NAME, TAGLINE, brand, logo
from wheels_wins.components.nav import (
    PAGE_CONTAINER,
    PHONE,
    SIDEBAR_WIDTH,
    color_mode_toggle,
    phone_header,
    sidebar,
    tab_bar,
)
from wheels_wins.components.pam_panel import PANEL_WIDTH, pam_panel
from wheels_wins.state.auth import AuthState
from wheels_wins.state.notifications import NotificationsState
from wheels_wins.state.pam import PamState
from wheels_wins.state.pam import refresh_on as refresh_on_pam_change

View = Callable[[], rx.Component]
CONTENT_MAX_WIDTH = "1120px"


def _loaders(on_load: Any) -> list[Any]:
    if on_load is None:
        return []
    return list(on_load) if isinstance(on_load, Sequence) else [on_load]


def app_shell(content: rx.Component, *, active: str) -> rx.Component:
    """Sidebar (desktop) or top bar and tab bar (phone) around the page, plus the PAM panel."""
    return rx.box(
        sidebar(active),
        phone_header(),
        rx.el.main(
            rx.box(
                content,
                max_width=CONTENT_MAX_WIDTH,
                margin="0 auto",
                padding="36px 40px 120px",
                style={**PAGE_CONTAINER, PHONE: {"padding": "20px 16px calc(64px + 96px)"}},
            ),
            margin_left=SIDEBAR_WIDTH,
            # The desktop side sheet sits beside the page rather than over it, so changes PAM makes show.
            margin_right=rx.cond(PamState.is_open, PANEL_WIDTH, "0"),
            transition="margin-right 0.2s ease",
            style={PHONE: {"margin_left": "0", "margin_right": "0"}},
        ),
        tab_bar(active),
        pam_panel(),
        min_height="100vh",
        background=rx.color("gray", 1),
    )


def app_page(
    route: str,
    title: str,
    *,
    on_load: Any = None,
    refresh_on: Sequence[str] = (),
    description: str = TAGLINE,
) -> Callable[[View], View]:
    """Register a signed-in page: the login guard runs first, then the page's own loaders.

    `refresh_on` names the data domains the page shows ("expenses", "trips"...): when PAM changes
    one of them while the page is on screen, the page's loaders run again.
    """
    loaders = [NotificationsState.refresh_count, *_loaders(on_load)]
    refresh_on_pam_change(route, refresh_on, loaders)

    def decorator(view: View) -> View:
        def render() -> rx.Component:
            return app_shell(view(), active=route)

        render.__name__ = f"{view.__name__}_page"
        rx.page(
            route=route,
            title=f"{title} · {APP_NAME}",
            description=description,
            on_load=[AuthState.require_login, *loaders],
        )(render)
        return view

    return decorator


def _feature(icon: str, title: str, body: str) -> rx.Component:
    return rx.hstack(
        rx.center(
            rx.icon(icon, size=18, color="white"),
            width="36px",
            height="36px",
            border_radius="var(--radius-3)",
            background="rgba(255, 255, 255, 0.16)",
            flex_shrink="0",
        ),
        rx.vstack(
            rx.text(title, size="3", weight="bold", color="white"),
            rx.text(body, size="2", color="rgba(255, 255, 255, 0.82)"),
            spacing="0",
        ),
        spacing="3",
        align="start",
    )


def _showcase() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            logo("40px"),
            rx.text(APP_NAME, size="5", weight="bold", color="white"),
            spacing="3",
            align="center",
        ),
        rx.spacer(),
        rx.heading(
            "Life on the road, organised.",
            size="8",
            color="white",
            letter_spacing="-0.02em",
            line_height="1.1",
        ),
        rx.text(TAGLINE, size="4", color="rgba(255, 255, 255, 0.86)"),
        rx.vstack(
            _feature("map", "Wheels", "Plan trips stop by stop, with distances and fuel estimates."),
            _feature("wallet", "Wins", "Track spending against your budget, in your currency."),
            _feature("users", "Social", "Swap tips with other travellers on the road."),
            _feature("sparkles", "PAM", "An assistant on every page who can do it for you."),
            spacing="4",
            margin_top="var(--space-6)",
        ),
        rx.spacer(),
        spacing="3",
        height="100%",
        padding="48px",
        background="linear-gradient(150deg, #0f766e 0%, #115e59 55%, #134e4a 100%)",
        style={PHONE: {"display": "none"}},
    )


def auth_shell(content: rx.Component) -> rx.Component:
    """The sign-in and sign-up frame: a welcome panel beside the form (form alone on phones)."""
    return rx.grid(
        _showcase(),
        rx.center(
            rx.vstack(
                rx.hstack(
                    rx.box(brand(), display="none", style={PHONE: {"display": "block"}}),
                    rx.spacer(),
                    color_mode_toggle(),
                    width="100%",
                    align="center",
                ),
                rx.center(
                    content, flex="1", width="100%", style={PHONE: {"align_items": "flex-start", "padding_top": "24px"}}
                ),
                width="100%",
                max_width="420px",
                min_height="100%",
                spacing="4",
            ),
            padding="24px",
            min_height="100vh",
        ),
        columns="minmax(0, 5fr) minmax(0, 6fr)",
        min_height="100vh",
        background=rx.color("gray", 1),
        style={PHONE: {"grid_template_columns": "1fr"}},
    )


def auth_page(route: str, title: str, *, on_load: Any = None) -> Callable[[View], View]:
    """Register a sign-in or sign-up page; a visitor who is already signed in goes straight on."""

    def decorator(view: View) -> View:
        def render() -> rx.Component:
            return auth_shell(view())

        render.__name__ = f"{view.__name__}_page"
        rx.page(
            route=route,
            title=f"{title} · {APP_NAME}",
            description=TAGLINE,
            on_load=[AuthState.redirect_if_signed_in, *_loaders(on_load)],
        )(render)
        return view

    return decorator

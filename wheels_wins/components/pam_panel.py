"""PAM's panel: a side sheet on desktop, full screen on phones.

This is a placeholder body ("PAM is waking up"); the PAM chat replaces `pam_panel()` as a whole.
The layout mounts it exactly once per page.
"""

from __future__ import annotations

import reflex as rx

from wheels_wins.components.nav import PHONE
from wheels_wins.components.pam_launcher import pam_launcher_button

PANEL_WIDTH = "420px"

EXAMPLES = (
    "Add $50 fuel at Dubbo",
    "How much have I spent this month?",
    "Plan a trip from Sydney to Melbourne via Canberra",
)


def _header() -> rx.Component:
    return rx.hstack(
        rx.center(
            rx.icon("sparkles", size=18, color="white"),
            width="36px",
            height="36px",
            border_radius="9999px",
            background=rx.color("accent", 9),
        ),
        rx.vstack(
            rx.drawer.title(rx.text("PAM", size="4", weight="bold")),
            rx.drawer.description(rx.text("Your travel and money assistant", size="1", color=rx.color("gray", 11))),
            spacing="0",
        ),
        rx.spacer(),
        rx.drawer.close(
            rx.icon_button(rx.icon("x", size=18), variant="ghost", color_scheme="gray", aria_label="Close PAM"),
        ),
        align="center",
        spacing="3",
        width="100%",
        padding="16px 20px",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def _body() -> rx.Component:
    return rx.vstack(
        rx.center(
            rx.icon("sparkles", size=28, color=rx.color("accent", 11)),
            width="64px",
            height="64px",
            border_radius="9999px",
            background=rx.color("accent", 3),
        ),
        rx.heading("PAM is waking up", size="5"),
        rx.text(
            "Soon you'll be able to ask PAM to log expenses, check your budget and plan trips, right from any page.",
            size="2",
            color=rx.color("gray", 11),
            text_align="center",
            max_width="30em",
        ),
        rx.vstack(
            rx.text("Things you'll be able to ask", size="1", weight="medium", color=rx.color("gray", 10)),
            *[
                rx.box(
                    rx.text(f"“{example}”", size="2"),
                    padding="8px 12px",
                    border_radius="var(--radius-3)",
                    background=rx.color("gray", 3),
                    width="100%",
                )
                for example in EXAMPLES
            ],
            spacing="2",
            width="100%",
            max_width="320px",
            pt="3",
        ),
        align="center",
        justify="center",
        spacing="3",
        flex="1",
        padding="24px",
        overflow_y="auto",
    )


def _composer() -> rx.Component:
    return rx.hstack(
        rx.input(placeholder="PAM will be ready shortly…", disabled=True, size="3", width="100%", radius="full"),
        rx.icon_button(rx.icon("send", size=18), disabled=True, size="3", radius="full", aria_label="Send"),
        spacing="2",
        width="100%",
        padding="12px 16px calc(12px + env(safe-area-inset-bottom))",
        border_top=f"1px solid {rx.color('gray', 4)}",
    )


def pam_panel() -> rx.Component:
    """The PAM launcher and its panel, mounted once by the app layout."""
    return rx.drawer.root(
        rx.drawer.trigger(pam_launcher_button()),
        rx.drawer.portal(
            rx.drawer.overlay(z_index="40", background="rgba(0, 0, 0, 0.35)"),
            rx.drawer.content(
                rx.flex(
                    _header(),
                    _body(),
                    _composer(),
                    direction="column",
                    height="100%",
                ),
                top="0",
                right="0",
                bottom="0",
                left="auto",
                width=PANEL_WIDTH,
                max_width="100vw",
                z_index="50",
                background=rx.color("gray", 1),
                border_left=f"1px solid {rx.color('gray', 4)}",
                box_shadow="-12px 0 32px rgba(0, 0, 0, 0.12)",
                outline="none",
                style={PHONE: {"width": "100vw", "border_left": "none"}},
            ),
        ),
        direction="right",
    )

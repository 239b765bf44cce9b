"""The Wheels & Wins logo and wordmark."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes

APP_NAME = "Wheels & Wins"
TAGLINE = "Plan the road. Keep the money right."


def logo(size: str = "32px") -> rx.Component:
    """The app icon: a wheel rolling into an upward trend."""
    return rx.image(src="/logo.svg", alt="", width=size, height=size, flex_shrink="0", border_radius="22%")


def brand(size: str = "32px", text_size: str = "4") -> rx.Component:
    """Logo and name, linking home."""
    return rx.link(
        rx.hstack(
            logo(size),
            rx.text(APP_NAME, size=text_size, weight="bold", color=rx.color("gray", 12), white_space="nowrap"),
            align="center",
            spacing="2",
        ),
        href=routes.HOME,
        underline="none",
        aria_label=f"{APP_NAME} home",
    )

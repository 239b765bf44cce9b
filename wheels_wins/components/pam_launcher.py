"""The floating button that opens PAM, bottom-right on every app page (above the phone tab bar)."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins.components.nav import PHONE


def pam_launcher_button(**props: Any) -> rx.Component:
    """A pill 'Ask PAM' button on desktop, a round sparkle button on phones."""
    return rx.button(
        rx.icon("sparkles", size=20),
        rx.text("Ask PAM", size="3", weight="medium", style={PHONE: {"display": "none"}}),
        size="3",
        radius="full",
        aria_label="Open PAM, your travel and money assistant",
        position="fixed",
        right="24px",
        bottom="24px",
        z_index="30",
        height="52px",
        padding="0 20px",
        box_shadow="0 8px 24px rgba(0, 0, 0, 0.18), 0 2px 6px rgba(0, 0, 0, 0.12)",
        style={
            PHONE: {
                "right": "16px",
                "bottom": "calc(64px + 16px + env(safe-area-inset-bottom))",
                "width": "52px",
                "padding": "0",
            }
        },
        **props,
    )

"""Friendly placeholders so no list or card is ever blank."""

from __future__ import annotations

import reflex as rx


def empty_state(icon: str, title: str, body: str, pam_hint: str | None = None) -> rx.Component:
    """An icon, a line saying what is missing, how to add it, and optionally what to ask PAM."""
    hint = (
        [
            rx.hstack(
                rx.icon("sparkles", size=14, color=rx.color("accent", 11)),
                rx.text("Ask PAM: ", rx.code(pam_hint, variant="soft"), size="2", color=rx.color("gray", 11)),
                spacing="1",
                align="center",
            )
        ]
        if pam_hint
        else []
    )
    return rx.vstack(
        rx.center(
            rx.icon(icon, size=22, color=rx.color("accent", 11)),
            width="44px",
            height="44px",
            border_radius="9999px",
            background=rx.color("accent", 3),
        ),
        rx.text(title, size="3", weight="medium", color=rx.color("gray", 12)),
        rx.text(body, size="2", color=rx.color("gray", 11), max_width="36em"),
        *hint,
        align="center",
        text_align="center",
        spacing="2",
        py="5",
        px="4",
        width="100%",
    )


def loading_block(rows: int = 3) -> rx.Component:
    """Placeholder lines while a page's data arrives."""
    return rx.vstack(
        *[rx.skeleton(height="20px", width=f"{90 - 15 * i}%", loading=True) for i in range(rows)],
        spacing="3",
        width="100%",
        py="3",
    )

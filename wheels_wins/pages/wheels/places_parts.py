"""Small pieces the Places tab's list and dialog share: kind icons and colours, and clickable stars."""

from __future__ import annotations

from collections.abc import Callable

import reflex as rx
from reflex.event import EventSpec

KIND_ICONS: dict[str, str] = {
    "campground": "tent",
    "free_camp": "trees",
    "dump_point": "toilet",
    "fuel": "fuel",
    "mechanic": "wrench",
    "other": "map-pin",
}
"""The same glyphs as the map's markers (assets/leaflet/trip_map.jsx)."""

KIND_COLORS: dict[str, str] = {
    "campground": "grass",
    "free_camp": "brown",
    "dump_point": "blue",
    "fuel": "orange",
    "mechanic": "slate",
    "other": "violet",
}
"""Radix colour scales close to the map markers' colours."""


def kind_color(kind: rx.Var[str]) -> rx.Var[str]:
    """The colour scale of a kind."""
    return rx.match(kind, *KIND_COLORS.items(), "violet")


def kind_icon(kind: rx.Var[str], size: int = 16) -> rx.Component:
    """The kind's glyph, white on its colour, as on the map."""
    return rx.center(
        rx.match(
            kind, *[(k, rx.icon(icon, size=size)) for k, icon in KIND_ICONS.items()], rx.icon("map-pin", size=size)
        ),
        width=f"{size + 16}px",
        height=f"{size + 16}px",
        border_radius="var(--radius-2)",
        color="white",
        background=rx.match(kind, *[(k, rx.color(c, 9)) for k, c in KIND_COLORS.items()], rx.color("violet", 9)),
        flex_shrink="0",
        aria_hidden="true",
    )


def stars(
    rating: rx.Var[int], on_rate: Callable[[int], EventSpec], *, label: rx.Var[str] | str = "", size: int = 18
) -> rx.Component:
    """Five stars filled up to `rating`; each is a button calling `on_rate(n)` (choosing the current one clears)."""
    return rx.hstack(
        *[
            rx.el.button(
                rx.icon(
                    "star",
                    size=size,
                    fill=rx.cond(rating >= n, "currentColor", "none"),
                    color=rx.cond(rating >= n, rx.color("amber", 9), rx.color("gray", 8)),
                ),
                type="button",
                on_click=on_rate(n),
                aria_label=rx.Var.create(label).to(str) + f"{n} star{'s' if n > 1 else ''}",
                aria_pressed=rating == n,
                class_name="ww-star",
                display="inline-flex",
                padding="4px",
                margin="0",
                border="none",
                border_radius="var(--radius-2)",
                background="transparent",
                cursor="pointer",
                style={
                    "&:hover": {"background": rx.color("amber", 3)},
                    "&:focus-visible": {"outline": f"2px solid {rx.color('amber', 8)}", "outline_offset": "1px"},
                },
            )
            for n in range(1, 6)
        ],
        spacing="0",
        align="center",
        role="group",
    )

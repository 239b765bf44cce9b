"""Page headers, section cards and small stat blocks shared by the pages."""

from __future__ import annotations

from typing import Any

import reflex as rx


def page_header(title: str | rx.Var[str], subtitle: str | rx.Var[str] = "", *actions: rx.Component) -> rx.Component:
    """The page title with a one-line explanation and optional actions on the right."""
    return rx.flex(
        rx.vstack(
            rx.heading(title, size="7", weight="bold", letter_spacing="-0.02em"),
            rx.text(subtitle, size="3", color=rx.color("gray", 11)),
            spacing="1",
        ),
        rx.hstack(*actions, spacing="2", align="center"),
        justify="between",
        align="end",
        wrap="wrap",
        spacing="3",
        width="100%",
        padding_bottom="var(--space-2)",
    )


def card_title(icon: str, title: str, link: str | None = None, link_label: str = "View all") -> rx.Component:
    """An icon and title for a card, with an optional link to the page that owns the data."""
    parts: list[rx.Component] = [
        rx.hstack(
            rx.center(
                rx.icon(icon, size=16, color=rx.color("accent", 11)),
                width="28px",
                height="28px",
                border_radius="var(--radius-2)",
                background=rx.color("accent", 3),
                flex_shrink="0",
            ),
            rx.heading(title, size="3", weight="medium"),
            spacing="2",
            align="center",
        )
    ]
    if link:
        parts.append(
            rx.link(
                rx.hstack(rx.text(link_label, size="2"), rx.icon("arrow_right", size=14), spacing="1", align="center"),
                href=link,
                underline="none",
                color=rx.color("accent", 11),
            )
        )
    return rx.hstack(*parts, justify="between", align="center", width="100%", margin_bottom="var(--space-3)")


def section_card(
    icon: str, title: str, *children: rx.Component, link: str | None = None, link_label: str = "View all", **props: Any
) -> rx.Component:
    """A card with a titled header; the content comes from `children`."""
    props.setdefault("width", "100%")
    return rx.card(
        card_title(icon, title, link, link_label),
        *children,
        size="2",
        **props,
    )


def stat(label: str, value: rx.Var[str] | str, hint: rx.Var[str] | str = "") -> rx.Component:
    """A small labelled figure, e.g. 'Spent this month  $1,234.00'."""
    return rx.vstack(
        rx.text(
            label,
            size="1",
            weight="medium",
            color=rx.color("gray", 11),
            text_transform="uppercase",
            letter_spacing="0.04em",
        ),
        rx.text(value, size="6", weight="bold", font_variant_numeric="tabular-nums", white_space="nowrap"),
        rx.text(hint, size="1", color=rx.color("gray", 11)),
        spacing="1",
        min_width="0",
    )


def list_row(*children: rx.Component, **props: Any) -> rx.Component:
    """One row in a card's list, separated from the next by a hairline."""
    defaults: dict[str, Any] = {
        "justify": "between",
        "align": "center",
        "width": "100%",
        "padding_y": "var(--space-2)",
        "border_bottom": f"1px solid {rx.color('gray', 4)}",
        "spacing": "3",
        "style": {"&:last-child": {"border_bottom": "none"}},
    }
    return rx.hstack(*children, **(defaults | props))


def category_badge(category: rx.Var[str] | str) -> rx.Component:
    """An expense category as a soft badge."""
    return rx.badge(category, variant="soft", radius="full", size="1", color_scheme="gray")

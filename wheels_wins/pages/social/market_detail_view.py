"""The listing dialog: the photos (one large, the rest as thumbnails), price, details, seller, and the actions."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import money_text
from wheels_wins.components.backend import BACKEND_ORIGIN
from wheels_wins.pages.social.market import MarketState
from wheels_wins.pages.social.market_delete import ListingDeleteState
from wheels_wins.pages.social.market_detail import ListingDetailState
from wheels_wins.pages.social.market_editor import SellState
from wheels_wins.services import market

D = ListingDetailState
MUTED = rx.color("gray", 11)


def status_badge(status: rx.Var[str], label: rx.Var[str], size: str = "1") -> rx.Component:
    """Available (green), Pending (amber) or Sold (red)."""
    return rx.badge(
        label,
        color_scheme=rx.match(status, ("sold", "red"), ("pending", "amber"), "green"),
        variant="solid",
        size=size,
        class_name="status-badge",
    )


def _thumb(url: rx.Var[str], index: rx.Var[int]) -> rx.Component:
    return rx.el.button(
        rx.image(src=BACKEND_ORIGIN + url, alt="", width="64px", height="48px", object_fit="cover", display="block"),
        on_click=D.show_photo(index),
        type="button",
        aria_label="Show photo " + (index + 1).to_string(),
        style={
            "all": "unset",
            "cursor": "pointer",
            "border_radius": "var(--radius-2)",
            "overflow": "hidden",
            "outline": rx.cond(index == D.photo_index, f"2px solid {rx.color('accent', 9)}", "none"),
            "outline_offset": "1px",
            "flex_shrink": "0",
        },
    )


def _gallery() -> rx.Component:
    photos = D.card.photo_urls
    return rx.cond(
        photos.length() > 0,
        rx.vstack(
            rx.image(
                src=BACKEND_ORIGIN + photos[D.photo_index],
                alt=D.card.title,
                width="100%",
                max_height="min(360px, 45vh)",
                object_fit="contain",
                background=rx.color("gray", 3),
                border_radius="var(--radius-3)",
                display="block",
            ),
            rx.cond(
                photos.length() > 1,
                rx.hstack(rx.foreach(photos, _thumb), spacing="2", overflow_x="auto", width="100%", padding="2px"),
            ),
            spacing="2",
            width="100%",
        ),
        rx.center(
            rx.vstack(
                rx.icon("package", size=32, color=rx.color("gray", 8)),
                rx.text("No photos", size="1", color=MUTED),
                align="center",
                spacing="1",
            ),
            height="120px",
            width="100%",
            background=rx.color("gray", 3),
            border_radius="var(--radius-3)",
        ),
    )


def _fact(icon: str, *text) -> rx.Component:
    return rx.hstack(
        rx.icon(icon, size=15, color=MUTED, flex_shrink="0"),
        rx.text(*text, size="2", color=rx.color("gray", 12)),
        spacing="2",
        align="center",
    )


def _seller_actions() -> rx.Component:
    card = D.card
    return rx.vstack(
        rx.text("Your listing", size="2", weight="medium"),
        rx.segmented_control.root(
            *[rx.segmented_control.item(label, value=key) for key, label in market.STATUSES.items()],
            value=card.status,
            on_change=lambda status: MarketState.set_status(card.id, status),
            size="2",
            width="100%",
            aria_label="Status",
        ),
        rx.hstack(
            rx.button(
                rx.icon("pencil", size=14),
                "Edit",
                variant="soft",
                on_click=[D.set_open(False), SellState.open_edit(card.id)],
            ),
            rx.button(
                rx.icon("trash-2", size=14),
                "Delete",
                variant="soft",
                color_scheme="red",
                on_click=[D.set_open(False), ListingDeleteState.ask_delete(card.id, card.title)],
            ),
            rx.spacer(),
            rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
            width="100%",
            spacing="2",
        ),
        spacing="2",
        width="100%",
    )


def _buyer_actions() -> rx.Component:
    return rx.hstack(
        rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
        rx.cond(
            D.card.status == "sold",
            rx.button("Sold", disabled=True),
            rx.cond(
                D.interest_sent,
                rx.button(rx.icon("check", size=16), "Seller told", disabled=True),
                rx.button(rx.icon("hand-heart", size=16), "I'm interested", on_click=D.interested, loading=D.sending),
            ),
        ),
        justify="end",
        spacing="2",
        width="100%",
    )


def detail_dialog() -> rx.Component:
    """Everything about one listing."""
    card = D.card
    return rx.dialog.root(
        rx.dialog.content(
            rx.vstack(
                _gallery(),
                rx.hstack(
                    money_text(card.price, size="6", weight="bold"),
                    status_badge(card.status, card.status_label, size="2"),
                    spacing="3",
                    align="center",
                ),
                rx.dialog.title(card.title, size="5", margin="0", style={"overflow_wrap": "anywhere"}),
                rx.flex(
                    _fact("sparkles", card.condition),
                    _fact("map-pin", card.location, rx.cond(D.distance != "", " · " + D.distance, "")),
                    _fact("user", card.seller),
                    _fact("clock", "Listed " + card.when),
                    gap="8px 20px",
                    wrap="wrap",
                ),
                rx.dialog.description(
                    rx.cond(card.description != "", card.description, "No description."),
                    size="2",
                    white_space="pre-wrap",
                    style={"overflow_wrap": "anywhere"},
                    color=rx.color("gray", 12),
                ),
                rx.cond(card.mine, _seller_actions(), _buyer_actions()),
                spacing="3",
                width="100%",
            ),
            max_width="600px",
            class_name="listing-detail",
        ),
        open=D.open,
        on_open_change=D.set_open,
    )

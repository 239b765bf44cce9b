"""The Marketplace tab: search and filters, where distances are from, the grid of listing cards, and its dialogs."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import empty_state, form_error, loading_block, money_text
from wheels_wins.components.backend import BACKEND_ORIGIN
from wheels_wins.components.dialogs import confirm_delete_dialog
from wheels_wins.components.nav import NARROW
from wheels_wins.pages.social.market import AVAILABLE, EVERY_STATUS, MAX_QUERY, MarketState
from wheels_wins.pages.social.market_cards import ListingCard
from wheels_wins.pages.social.market_delete import ListingDeleteState
from wheels_wins.pages.social.market_detail import ListingDetailState
from wheels_wins.pages.social.market_detail_view import detail_dialog, status_badge
from wheels_wins.pages.social.market_editor import SellState
from wheels_wins.pages.social.market_editor_view import sell_dialog
from wheels_wins.services import market

M = MarketState
ANY = "any"
MUTED = rx.color("gray", 11)


def _select(value: rx.Var[str], name: str, label: str, options: list[tuple[str, str]], **props) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label=label, width="100%"),
        rx.select.content(*[rx.select.item(text, value=key) for key, text in options]),
        value=rx.cond(value == "", ANY, value),
        on_change=lambda chosen: M.set_filter(name, rx.cond(chosen == ANY, "", chosen)),
        size="2",
        **props,
    )


def _filters() -> rx.Component:
    radius_options = [(ANY, "Any distance")] + [(str(r), f"Within {r} ") for r in market.RADII]
    return rx.vstack(
        rx.hstack(
            rx.input(
                rx.input.slot(rx.icon("search", size=16)),
                value=M.query,
                on_change=lambda text: M.set_filter("query", text),
                debounce_timeout=350,
                placeholder="Search — e.g. solar, Weber, jockey wheel",
                max_length=MAX_QUERY,
                aria_label="Search listings",
                size="3",
                flex="1",
                min_width="0",
            ),
            rx.button(
                rx.icon("tag", size=16),
                rx.el.span("Sell", rx.el.span(" something", style={NARROW: {"display": "none"}})),
                size="3",
                on_click=SellState.open_new,
                flex_shrink="0",
            ),
            spacing="2",
            width="100%",
            align="center",
        ),
        rx.grid(
            _select(M.condition, "condition", "Condition", [(ANY, "Any condition"), *market.CONDITIONS.items()]),
            rx.select.root(
                rx.select.trigger(aria_label="Distance", width="100%"),
                rx.select.content(
                    *[rx.select.item(text + M.unit if key != ANY else text, value=key) for key, text in radius_options]
                ),
                value=rx.cond(M.radius == "", ANY, M.radius),
                on_change=lambda chosen: M.set_filter("radius", rx.cond(chosen == ANY, "", chosen)),
                size="2",
            ),
            _select(M.sort, "sort", "Sort by", list(market.SORTS.items())),
            rx.input(
                rx.input.slot(rx.text("Max", size="1", color=MUTED)),
                value=M.max_price,
                on_change=lambda text: M.set_filter("max_price", text),
                debounce_timeout=500,
                placeholder="Any price",
                input_mode="decimal",
                max_length=16,
                aria_label="Maximum price",
                size="2",
                width="100%",
            ),
            grid_template_columns="repeat(4, minmax(0, 1fr))",
            gap="8px",
            width="100%",
            style={NARROW: {"grid_template_columns": "repeat(2, minmax(0, 1fr))"}},
        ),
        form_error(M.max_price_error),
        rx.flex(
            rx.el.label(
                rx.hstack(
                    rx.switch(
                        checked=M.scope == EVERY_STATUS,
                        on_change=lambda on: M.set_filter("scope", rx.cond(on, EVERY_STATUS, AVAILABLE)),
                        size="1",
                    ),
                    rx.text("Include pending and sold", size="2"),
                    spacing="2",
                    align="center",
                ),
            ),
            rx.el.label(
                rx.hstack(
                    rx.switch(checked=M.mine, on_change=lambda on: M.set_filter("mine", on), size="1"),
                    rx.text("My listings", size="2"),
                    spacing="2",
                    align="center",
                ),
            ),
            rx.button("Clear filters", variant="ghost", size="1", color_scheme="gray", on_click=M.clear_filters),
            gap="16px",
            align="center",
            wrap="wrap",
            width="100%",
        ),
        spacing="3",
        width="100%",
    )


def _origin_line() -> rx.Component:
    use_location = rx.cond(
        M.location != "granted",
        rx.button(
            rx.icon("locate-fixed", size=14),
            "Use my location",
            variant="soft",
            size="1",
            on_click=M.locate,
            loading=M.locating,
        ),
    )
    return rx.flex(
        rx.hstack(
            rx.icon("map-pin", size=15, color=rx.color("accent", 10), flex_shrink="0", margin_top="2px"),
            rx.cond(
                M.origin_label != "",
                rx.text("Distances from ", rx.text.strong(M.origin_label), size="2", color=MUTED),
                rx.text(
                    "Distances appear once we know where you are: allow location, or set a home base in You.",
                    size="2",
                    color=MUTED,
                ),
            ),
            spacing="2",
            align="start",
        ),
        use_location,
        gap="8px 12px",
        align="center",
        wrap="wrap",
        width="100%",
        class_name="market-origin",
    )


def _cover(card: ListingCard) -> rx.Component:
    return rx.box(
        rx.cond(
            card.cover_url != "",
            rx.image(
                src=BACKEND_ORIGIN + card.cover_url,
                alt=card.title,
                width="100%",
                height="100%",
                object_fit="cover",
                loading="lazy",
                display="block",
            ),
            rx.center(rx.icon("package", size=36, color=rx.color("gray", 8)), width="100%", height="100%"),
        ),
        rx.cond(
            card.status != "available",
            rx.box(status_badge(card.status, card.status_label, size="2"), position="absolute", top="8px", left="8px"),
        ),
        position="relative",
        aspect_ratio="4 / 3",
        background=rx.color("gray", 3),
        overflow="hidden",
        opacity=rx.cond(card.status == "sold", "0.55", "1"),
    )


def _seller_menu(card: ListingCard) -> rx.Component:
    return rx.dropdown_menu.root(
        rx.dropdown_menu.trigger(
            rx.icon_button(
                rx.icon("ellipsis", size=16),
                variant="soft",
                color_scheme="gray",
                size="1",
                aria_label="Listing options",
            ),
        ),
        rx.dropdown_menu.content(
            *[
                rx.dropdown_menu.item(
                    f"Mark {label.lower()}",
                    on_click=M.set_status(card.id, key),
                    disabled=card.status == key,
                )
                for key, label in market.STATUSES.items()
            ],
            rx.dropdown_menu.separator(),
            rx.dropdown_menu.item(rx.icon("pencil", size=14), "Edit", on_click=SellState.open_edit(card.id)),
            rx.dropdown_menu.item(
                rx.icon("trash-2", size=14),
                "Delete",
                color="red",
                on_click=ListingDeleteState.ask_delete(card.id, card.title),
            ),
            align="end",
        ),
    )


def _card(card: ListingCard) -> rx.Component:
    opens = ListingDetailState.open_listing(card.id, card.distance)
    return rx.card(
        rx.el.button(
            _cover(card),
            on_click=opens,
            aria_label="Open " + card.title,
            type="button",
            style={
                "all": "unset",
                "display": "block",
                "width": "100%",
                "cursor": "pointer",
                "&:focus-visible": {"outline": f"2px solid {rx.color('accent', 8)}", "outline_offset": "-2px"},
            },
        ),
        rx.vstack(
            rx.hstack(
                money_text(card.price, size="4", weight="bold"),
                rx.spacer(),
                rx.cond(card.mine, _seller_menu(card)),
                width="100%",
                align="center",
            ),
            rx.text(
                card.title,
                on_click=opens,
                size="3",
                weight="medium",
                cursor="pointer",
                class_name="listing-title",
                style={
                    "display": "-webkit-box",
                    "-webkit-line-clamp": "2",
                    "-webkit-box-orient": "vertical",
                    "overflow": "hidden",
                    "overflow-wrap": "anywhere",
                },
            ),
            rx.hstack(
                rx.badge(card.condition, variant="soft", color_scheme="gray"),
                rx.cond(card.mine, rx.badge("Yours", variant="soft", color_scheme="teal")),
                spacing="2",
            ),
            rx.vstack(
                rx.hstack(
                    rx.icon("map-pin", size=13, color=MUTED, flex_shrink="0"),
                    rx.text(
                        card.location,
                        size="1",
                        color=MUTED,
                        white_space="nowrap",
                        overflow="hidden",
                        text_overflow="ellipsis",
                    ),
                    spacing="1",
                    align="center",
                    width="100%",
                    min_width="0",
                ),
                rx.cond(
                    card.distance != "",
                    rx.hstack(
                        rx.icon("navigation", size=13, color=rx.color("accent", 10), flex_shrink="0"),
                        rx.text(card.distance, size="1", weight="medium", color=rx.color("accent", 11)),
                        spacing="1",
                        align="center",
                    ),
                ),
                spacing="1",
                width="100%",
                min_width="0",
            ),
            spacing="2",
            padding="12px",
            width="100%",
        ),
        padding="0",
        overflow="hidden",
        class_name="listing-card",
        custom_attrs={"data-status": card.status},
    )


def _grid() -> rx.Component:
    return rx.cond(
        M.loaded,
        rx.cond(
            M.cards.length() > 0,
            rx.vstack(
                rx.grid(
                    rx.foreach(M.cards, _card),
                    grid_template_columns="repeat(auto-fill, minmax(220px, 1fr))",
                    gap="16px",
                    width="100%",
                    style={NARROW: {"grid_template_columns": "repeat(2, minmax(0, 1fr))", "gap": "10px"}},
                ),
                rx.hstack(
                    rx.text(M.cards.length().to_string() + " of " + M.total.to_string(), size="1", color=MUTED),
                    rx.cond(
                        M.has_more,
                        rx.button("Load more", variant="soft", on_click=M.load_more, loading=M.loading_more),
                    ),
                    justify="between",
                    align="center",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            empty_state(
                "store",
                "Nothing matches",
                "Try a wider distance, another word, or include pending and sold items. "
                "Got gear to pass on? Sell something.",
            ),
        ),
        loading_block(4),
    )


def market_panel() -> rx.Component:
    """Browse, search and filter listings; sell, edit and delete one's own."""
    return rx.vstack(
        _filters(),
        _origin_line(),
        _grid(),
        detail_dialog(),
        sell_dialog(),
        confirm_delete_dialog(ListingDeleteState, "Delete this listing?", note="Its photos go with it."),
        spacing="4",
        width="100%",
    )

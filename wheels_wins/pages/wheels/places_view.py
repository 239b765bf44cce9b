"""Wheels › Places: the map of saved places beside a list sorted by distance, filters, and the dialogs."""

from __future__ import annotations

import reflex as rx
from reflex.event import EventType

from wheels_wins.components import empty_state, loading_block
from wheels_wins.components.map import trip_map
from wheels_wins.components.nav import NARROW, PHONE, WIDE
from wheels_wins.pages.wheels.places import MAX_QUERY, NEWEST, KindChip, OriginOption, PlaceRow, PlacesState
from wheels_wins.pages.wheels.places_delete import PlaceDeleteState
from wheels_wins.pages.wheels.places_editor import PlaceEditorState
from wheels_wins.pages.wheels.places_editor_view import delete_dialog, editor_dialog
from wheels_wins.pages.wheels.places_parts import kind_color, kind_icon, stars

S = PlacesState


def _chip(chip: KindChip) -> rx.Component:
    chosen = S.kind == chip.kind
    return rx.button(
        chip.label,
        rx.text(chip.count, size="1", color=rx.cond(chosen, "inherit", rx.color("gray", 10))),
        size="1",
        radius="full",
        variant=rx.cond(chosen, "solid", "soft"),
        color_scheme=rx.cond(chosen, "teal", "gray"),
        on_click=S.set_kind(chip.kind),
        aria_pressed=chosen,
    )


def _chips() -> rx.Component:
    return rx.flex(
        rx.button(
            "All",
            rx.text(S.total, size="1", color=rx.cond(S.kind == "", "inherit", rx.color("gray", 10))),
            size="1",
            radius="full",
            variant=rx.cond(S.kind == "", "solid", "soft"),
            color_scheme=rx.cond(S.kind == "", "teal", "gray"),
            on_click=S.set_kind(""),
            aria_pressed=S.kind == "",
        ),
        rx.foreach(S.chips, _chip),
        wrap="wrap",
        spacing="2",
        role="group",
        width="100%",
        style={
            PHONE: {
                "flex_wrap": "nowrap",
                "overflow_x": "auto",
                "scrollbar_width": "none",
                "& > *": {"flex_shrink": "0"},
            }
        },
        aria_label="Show one kind of place",
    )


def _origin_item(option: OriginOption) -> rx.Component:
    return rx.select.item(option.label, value=option.key)


def _origin() -> rx.Component:
    return rx.hstack(
        rx.icon("locate", size=16, color=rx.color("gray", 10), flex_shrink="0"),
        rx.text("From", size="2", color=rx.color("gray", 11)),
        rx.select.root(
            rx.select.trigger(aria_label="Measure distances from", max_width="260px"),
            rx.select.content(rx.foreach(S.origins, _origin_item)),
            value=rx.cond(S.origin != "", S.origin, NEWEST),
            on_change=S.set_origin,
            size="2",
        ),
        rx.cond(
            S.origin != "here",
            rx.button(
                rx.icon("locate-fixed", size=14),
                "Use my location",
                variant="ghost",
                size="2",
                loading=S.locating,
                on_click=S.locate,
            ),
        ),
        spacing="2",
        align="center",
        wrap="wrap",
        margin_left="auto",
        style={NARROW: {"margin_left": "0", "flex": "1 1 0", "min_width": "0"}},
    )


def _toolbar() -> rx.Component:
    return rx.vstack(
        rx.flex(
            rx.input(
                rx.input.slot(rx.icon("search", size=16)),
                value=S.query,
                on_change=S.set_query,
                debounce_timeout=300,
                placeholder="Find a saved place by name",
                aria_label="Find a saved place by name",
                max_length=MAX_QUERY,
                size="2",
                flex="1 1 200px",
                max_width="340px",
                min_width="0",
                style={NARROW: {"max_width": "100%", "flex": "1 1 100%"}},
            ),
            _origin(),
            rx.button(rx.icon("plus", size=16), "Add place", size="2", on_click=PlaceEditorState.open_new),
            spacing="3",
            align="center",
            wrap="wrap",
            width="100%",
        ),
        _chips(),
        spacing="3",
        width="100%",
    )


def _action(icon: str, label: rx.Var[str], color: str, on_click: EventType[()]) -> rx.Component:
    return rx.button(
        rx.icon(icon, size=15),
        variant="ghost",
        size="1",
        color_scheme=color,
        on_click=on_click,
        aria_label=label,
        padding="6px",
        margin="0",
    )


def _place(row: PlaceRow) -> rx.Component:
    return rx.hstack(
        kind_icon(row.kind),
        rx.vstack(
            rx.hstack(
                rx.text(row.name, size="3", weight="medium", flex="1", min_width="0", overflow_wrap="anywhere"),
                rx.cond(
                    row.distance != "",
                    rx.text(
                        row.distance,
                        size="2",
                        weight="medium",
                        color=rx.color("gray", 11),
                        white_space="nowrap",
                        class_name="place-distance",
                    ),
                ),
                width="100%",
                align="baseline",
                spacing="2",
            ),
            rx.hstack(
                rx.badge(row.kind_label, color_scheme=kind_color(row.kind), variant="soft", radius="full"),
                stars(row.rating, lambda n: S.rate(row.id, n), label="Rate " + row.name + ": ", size=16),
                rx.spacer(),
                _action("pencil", "Edit " + row.name, "gray", PlaceEditorState.open_edit(row.id)),
                _action("trash-2", "Delete " + row.name, "red", PlaceDeleteState.ask(row.id, row.name)),
                spacing="1",
                align="center",
                wrap="wrap",
                width="100%",
            ),
            rx.cond(
                row.notes != "",
                rx.text(
                    row.notes,
                    size="2",
                    color=rx.color("gray", 11),
                    class_name="place-notes",
                    style={
                        "display": "-webkit-box",
                        "-webkit-line-clamp": "2",
                        "-webkit-box-orient": "vertical",
                        "overflow": "hidden",
                        "white-space": "pre-line",
                    },
                ),
            ),
            spacing="1",
            flex="1",
            min_width="0",
        ),
        align="start",
        spacing="3",
        width="100%",
        py="3",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        class_name="place-row",
        style={"&:last-child": {"border_bottom": "none", "padding_bottom": "0"}},
    )


def _heading() -> rx.Component:
    return rx.hstack(
        rx.text(
            rx.cond(S.origin != "", "Nearest to " + S.origin_label, "Newest first"),
            size="2",
            weight="medium",
        ),
        rx.text(S.rows.length().to_string() + " of " + S.matching.to_string(), size="1", color=rx.color("gray", 10)),
        justify="between",
        align="baseline",
        width="100%",
        spacing="2",
    )


def _list() -> rx.Component:
    return rx.card(
        rx.cond(
            S.rows.length() > 0,
            rx.vstack(
                _heading(),
                rx.vstack(rx.foreach(S.rows, _place), spacing="0", width="100%"),
                rx.cond(
                    S.rows.length() < S.matching,
                    rx.button("Show more", variant="soft", size="2", on_click=S.show_more, align_self="center"),
                ),
                rx.cond(
                    S.origin == "",
                    rx.text(
                        "Allow your location, plan a trip or set a home base to sort by distance.",
                        size="1",
                        color=rx.color("gray", 10),
                    ),
                ),
                spacing="2",
                width="100%",
            ),
            rx.vstack(
                empty_state("search-x", "No places match", "Try another name, or show every kind."),
                rx.button("Clear filters", variant="soft", size="2", on_click=S.clear_filters),
                align="center",
                width="100%",
                pb="4",
            ),
        ),
        size="2",
        width="100%",
    )


def _map() -> rx.Component:
    return rx.box(
        trip_map([], (), S.map_places, label="Map of your saved places", height=["260px", "520px"]),
        width="100%",
        style={WIDE: {"position": "sticky", "top": "80px"}},
    )


def _empty() -> rx.Component:
    return rx.card(
        rx.vstack(
            empty_state(
                "map-pinned",
                "Save the places worth coming back to",
                "Keep the campgrounds, free camps, dump points, fuel stops and mechanics you find on the road, "
                "with your own notes and a star rating. Wherever you are, see which ones are closest.",
            ),
            rx.button(rx.icon("plus", size=16), "Add your first place", size="3", on_click=PlaceEditorState.open_new),
            align="center",
            width="100%",
            pb="5",
        ),
        size="2",
        width="100%",
    )


def places_panel() -> rx.Component:
    """The Places tab: filters, then the map beside (on phones, above) the list; empty state when none saved."""
    return rx.vstack(
        rx.cond(
            S.loaded,
            rx.cond(
                S.total > 0,
                rx.vstack(
                    _toolbar(),
                    rx.grid(
                        _map(),
                        _list(),
                        grid_template_columns="minmax(0, 1fr)",
                        gap="var(--space-4)",
                        width="100%",
                        align_items="start",
                        style={WIDE: {"grid_template_columns": "minmax(0, 1.15fr) minmax(0, 1fr)"}},
                    ),
                    spacing="4",
                    width="100%",
                ),
                _empty(),
            ),
            rx.card(loading_block(4), width="100%"),
        ),
        editor_dialog(),
        delete_dialog(),
        spacing="4",
        width="100%",
    )

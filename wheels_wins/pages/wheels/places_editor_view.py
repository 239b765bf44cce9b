"""The add/edit dialog for a saved place (name, kind, where it is, stars, notes) and the delete confirmation."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import field, form_error
from wheels_wins.components.dialogs import confirm_delete_dialog
from wheels_wins.components.map import trip_map
from wheels_wins.components.nav import PHONE
from wheels_wins.components.place_search import place_search
from wheels_wins.models.travel import PLACE_KINDS
from wheels_wins.pages.wheels.places import kind_label
from wheels_wins.pages.wheels.places_delete import PlaceDeleteState
from wheels_wins.pages.wheels.places_editor import MAX_NAME, MAX_NOTES, PlaceEditorState
from wheels_wins.pages.wheels.places_location import MAP, SEARCH, PlaceLocationState
from wheels_wins.pages.wheels.places_parts import KIND_ICONS, stars

E = PlaceEditorState
L = PlaceLocationState


def _error(message: rx.Var[str]) -> rx.Component:
    return rx.cond(
        message != "",
        rx.hstack(
            rx.icon("circle_alert", size=13, color=rx.color("red", 11)),
            rx.text(message, size="1", color=rx.color("red", 11)),
            spacing="1",
            align="center",
            role="alert",
        ),
    )


def _heading(text: str) -> rx.Component:
    return rx.text(text, size="2", weight="medium", color=rx.color("gray", 12))


def _kind_select() -> rx.Component:
    return rx.select.root(
        rx.select.trigger(width="100%"),
        rx.select.content(
            *[
                rx.select.item(
                    rx.hstack(rx.icon(KIND_ICONS[k], size=14), rx.text(kind_label(k)), spacing="2", align="center"),
                    value=k,
                )
                for k in PLACE_KINDS
            ]
        ),
        value=E.kind,
        on_change=E.set_kind,
        size="3",
    )


def _chosen_point() -> rx.Component:
    return rx.cond(
        L.coords != "",
        rx.hstack(
            rx.icon("map-pin", size=16, color=rx.color("teal", 11), flex_shrink="0"),
            rx.vstack(
                rx.text(L.label, size="2", weight="medium"),
                rx.text(
                    L.coords,
                    size="1",
                    color=rx.color("gray", 11),
                    font_family="var(--code-font-family)",
                    class_name="picked-coordinates",
                ),
                spacing="0",
                min_width="0",
            ),
            spacing="2",
            align="center",
            padding="8px 10px",
            border_radius="var(--radius-3)",
            background=rx.color("teal", 2),
            border=f"1px solid {rx.color('teal', 5)}",
            width="100%",
        ),
        rx.text("Not chosen yet.", size="1", color=rx.color("gray", 10)),
    )


def _location() -> rx.Component:
    return rx.vstack(
        _heading("Where it is"),
        rx.segmented_control.root(
            rx.segmented_control.item(
                rx.hstack(rx.icon("search", size=14), "Find a town", spacing="1", align="center"), value=SEARCH
            ),
            rx.segmented_control.item(
                rx.hstack(rx.icon("mouse-pointer-click", size=14), "Pick on the map", spacing="1", align="center"),
                value=MAP,
            ),
            value=L.mode,
            on_change=L.set_mode,
            size="2",
            width="100%",
        ),
        rx.cond(
            L.mode == MAP,
            rx.vstack(
                rx.text(
                    "Click the map where the place is; zoom in with + to be exact.",
                    size="1",
                    color=rx.color("gray", 11),
                ),
                trip_map(
                    [],
                    (),
                    L.marker,
                    on_map_click=L.pick,
                    height=["220px", "260px"],
                    label="Map to pick the place's location",
                ),
                spacing="1",
                width="100%",
            ),
            place_search(
                query=L.query,
                searched=L.searched,
                suggestions=L.suggestions,
                on_type=L.type_town,
                on_pick=L.pick_town,
                on_enter=L.enter_town,
                on_pick_on_map=L.pick_on_map,
                id="place-town",
                label="Find a town",
                placeholder="Type a town, e.g. Dubbo",
            ),
        ),
        _chosen_point(),
        _error(L.error),
        spacing="2",
        width="100%",
    )


def _rating() -> rx.Component:
    return rx.vstack(
        _heading("Rating"),
        rx.hstack(
            stars(E.rating, E.set_rating, label="Rate it ", size=22),
            rx.cond(
                E.rating > 0,
                rx.button(
                    "Clear", variant="ghost", size="1", color_scheme="gray", type="button", on_click=E.set_rating(0)
                ),
                rx.text("Not rated", size="1", color=rx.color("gray", 10)),
            ),
            spacing="3",
            align="center",
        ),
        _error(E.rating_error),
        spacing="1",
        width="100%",
    )


def editor_dialog() -> rx.Component:
    """Add or edit one place."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(E.editing_id != "", "Edit place", "Save a place")),
            rx.dialog.description(
                "A spot worth remembering: where it is, what kind of place it is, and your notes.",
                size="2",
                color=rx.color("gray", 11),
                margin_bottom="12px",
            ),
            rx.vstack(
                form_error(E.form_error),
                rx.grid(
                    field(
                        "Name",
                        rx.input(
                            value=E.name,
                            on_change=E.set_name,
                            placeholder="Lake Keepit free camp",
                            max_length=MAX_NAME,
                            size="3",
                            width="100%",
                            name="place-name",
                        ),
                        E.name_error,
                    ),
                    rx.vstack(_heading("Kind"), _kind_select(), spacing="1", width="100%"),
                    grid_template_columns="1.4fr 1fr",
                    gap="var(--space-3)",
                    width="100%",
                    align_items="start",
                    style={PHONE: {"grid_template_columns": "1fr"}},
                ),
                _location(),
                _rating(),
                field(
                    "Notes",
                    rx.text_area(
                        value=E.notes,
                        on_change=E.set_notes,
                        max_length=MAX_NOTES,
                        rows="3",
                        placeholder="Level sites, good shade, creek is low in summer…",
                        size="3",
                        width="100%",
                        name="place-notes",
                    ),
                    E.notes_error,
                    hint=f"Optional, up to {MAX_NOTES:,} characters.",
                ),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                    rx.button(
                        rx.cond(E.editing_id != "", "Save changes", "Save place"), on_click=E.save, loading=E.saving
                    ),
                    justify="end",
                    width="100%",
                    spacing="2",
                ),
                spacing="4",
                width="100%",
            ),
            max_width="560px",
        ),
        open=E.open,
        on_open_change=E.set_open,
    )


def delete_dialog() -> rx.Component:
    """Are you sure? (Undo stays available for a few seconds afterwards.)"""
    return confirm_delete_dialog(PlaceDeleteState, "Delete this place?")

"""The sell / edit dialog: title, price, condition, where it is, photos, description.

Not `form_dialog`: the place typeahead is a form of its own (Enter picks a town), and forms can't nest,
so the fields are controlled by SellState (as the Places editor's are) and Save is a plain button.
"""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import field, form_error
from wheels_wins.components.backend import BACKEND_ORIGIN
from wheels_wins.components.nav import PHONE
from wheels_wins.components.photo_picker import photo_picker
from wheels_wins.components.place_search import place_search
from wheels_wins.pages.social.market_editor import MAX_DESCRIPTION, MAX_TITLE, SavedOption, SellState
from wheels_wins.pages.social.market_photos import PHOTO_HINT, ListingPhotosState, PhotoSlot
from wheels_wins.services import market

S = SellState
P = ListingPhotosState
UPLOAD_ID = "listing_photos"
MUTED = rx.color("gray", 11)


def _error(name: str) -> rx.Var[str]:
    return S.errors.get(name, "").to(str)


def _heading(text: str) -> rx.Component:
    return rx.text(text, size="2", weight="medium", color=rx.color("gray", 12))


def _condition() -> rx.Component:
    return rx.vstack(
        _heading("Condition"),
        rx.select.root(
            rx.select.trigger(width="100%", aria_label="Condition"),
            rx.select.content(*[rx.select.item(label, value=key) for key, label in market.CONDITIONS.items()]),
            value=S.condition,
            on_change=lambda chosen: S.set_field("condition", chosen),
            size="3",
        ),
        spacing="1",
        width="100%",
    )


def _saved_place(option: SavedOption) -> rx.Component:
    return rx.select.item(option.name, value=option.id)


def _location() -> rx.Component:
    chosen = rx.cond(
        S.location != "",
        rx.hstack(
            rx.icon("map-pin", size=16, color=rx.color("teal", 11), flex_shrink="0"),
            rx.text(S.location, size="2", weight="medium", class_name="listing-location"),
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
    return rx.vstack(
        _heading("Where it is"),
        place_search(
            query=S.query,
            searched=S.searched,
            suggestions=S.suggestions,
            on_type=S.type_town,
            on_pick=S.pick_town,
            on_enter=S.enter_town,
            id="listing-town",
            label="Town where the item is",
            placeholder="Type a town, e.g. Dubbo",
        ),
        rx.cond(
            S.saved_places.length() > 0,
            rx.select.root(
                rx.select.trigger(placeholder="…or one of your saved places", width="100%", aria_label="Saved place"),
                rx.select.content(rx.foreach(S.saved_places, _saved_place)),
                value="",
                on_change=S.pick_saved,
                size="2",
            ),
        ),
        chosen,
        rx.cond(
            _error("location") != "",
            rx.text(_error("location"), size="1", color=rx.color("red", 11), role="alert"),
        ),
        spacing="2",
        width="100%",
    )


def _slot(slot: PhotoSlot, index: rx.Var[int]) -> rx.Component:
    return rx.box(
        rx.image(
            src=rx.cond(slot.url.startswith("data:"), slot.url, BACKEND_ORIGIN + slot.url),
            alt="",
            width="100%",
            height="100%",
            object_fit="cover",
            display="block",
        ),
        rx.cond(
            index == 0,
            rx.badge("Cover", variant="solid", size="1", position="absolute", bottom="4px", left="4px"),
            rx.icon_button(
                rx.icon("star", size=12),
                size="1",
                variant="solid",
                color_scheme="gray",
                radius="full",
                type="button",
                aria_label="Make this the cover",
                title="Make this the cover",
                on_click=P.make_cover(index),
                position="absolute",
                bottom="4px",
                left="4px",
            ),
        ),
        rx.icon_button(
            rx.icon("x", size=12),
            size="1",
            variant="solid",
            color_scheme="gray",
            radius="full",
            type="button",
            aria_label="Remove this photo",
            on_click=P.remove_photo(index),
            position="absolute",
            top="4px",
            right="4px",
        ),
        position="relative",
        aspect_ratio="1",
        border_radius="var(--radius-2)",
        overflow="hidden",
        background=rx.color("gray", 3),
        class_name="listing-photo-slot",
    )


def _photos() -> rx.Component:
    picker = photo_picker(
        rx.button(
            rx.icon("image-plus", size=16),
            "Add a photo",
            variant="soft",
            color_scheme="gray",
            type="button",
            loading=P.photo_busy,
        ),
        upload_id=UPLOAD_ID,
        on_drop=P.attach(rx.upload_files(upload_id=UPLOAD_ID)),
        on_drop_rejected=P.photo_rejected,
        aria_label="Add a photo",
    )
    return rx.vstack(
        _heading("Photos"),
        rx.cond(
            P.slots.length() > 0,
            rx.grid(
                rx.foreach(P.slots, _slot),
                grid_template_columns="repeat(6, minmax(0, 1fr))",
                gap="6px",
                width="100%",
                style={PHONE: {"grid_template_columns": "repeat(3, minmax(0, 1fr))"}},
            ),
        ),
        rx.flex(
            rx.cond(P.slots.length() < market.MAX_PHOTOS, picker),
            rx.text(PHOTO_HINT + ". The first is the cover.", size="1", color=rx.color("gray", 10)),
            gap="10px",
            align="center",
            wrap="wrap",
        ),
        form_error(P.photo_error),
        spacing="2",
        width="100%",
    )


def sell_dialog() -> rx.Component:
    """List something for sale, or edit a listing."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(S.editing_id != "", "Edit listing", "Sell something")),
            rx.dialog.description(
                "Fellow travellers see the price in your currency and how far away it is.",
                size="2",
                color=MUTED,
                margin_bottom="12px",
            ),
            rx.vstack(
                form_error(S.form_error),
                field(
                    "Title",
                    rx.input(
                        value=S.title,
                        on_change=lambda text: S.set_field("title", text),
                        placeholder="Weber Baby Q, gas, with cover",
                        max_length=MAX_TITLE,
                        size="3",
                        width="100%",
                        name="listing-title",
                    ),
                    _error("title"),
                ),
                rx.grid(
                    field(
                        "Price",
                        rx.input(
                            rx.input.slot(rx.icon("dollar-sign", size=14)),
                            value=S.price,
                            on_change=lambda text: S.set_field("price", text),
                            placeholder="0 if it's free",
                            input_mode="decimal",
                            max_length=16,
                            size="3",
                            width="100%",
                            name="listing-price",
                        ),
                        _error("price"),
                    ),
                    _condition(),
                    grid_template_columns="1fr 1fr",
                    gap="var(--space-3)",
                    width="100%",
                    align_items="start",
                    style={PHONE: {"grid_template_columns": "1fr"}},
                ),
                _location(),
                _photos(),
                field(
                    "Description",
                    rx.text_area(
                        value=S.description,
                        on_change=lambda text: S.set_field("description", text),
                        max_length=MAX_DESCRIPTION,
                        rows="4",
                        placeholder="Age, what's included, why you're selling, pick-up times…",
                        size="3",
                        width="100%",
                        name="listing-description",
                    ),
                    _error("description"),
                    hint=f"Optional, up to {MAX_DESCRIPTION:,} characters.",
                ),
                rx.hstack(
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                    rx.button(
                        rx.cond(S.editing_id != "", "Save changes", "List it"),
                        on_click=S.save,
                        loading=S.saving,
                        disabled=P.photo_busy,
                    ),
                    justify="end",
                    width="100%",
                    spacing="2",
                ),
                spacing="4",
                width="100%",
            ),
            max_width="600px",
        ),
        open=S.open,
        on_open_change=S.set_open,
    )

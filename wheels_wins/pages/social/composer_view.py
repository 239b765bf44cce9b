"""The composer: text with a live character count, an optional photo, and Post."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import form_error, section_card
from wheels_wins.pages.social.composer import MAX_POST, PHOTO_HINT, ComposerState
from wheels_wins.services import photos

UPLOAD_ID = "post_photo"
ACCEPT = {"image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"], "image/webp": [".webp"]}


def _photo_picker() -> rx.Component:
    return rx.upload.root(
        rx.button(
            rx.icon("image-plus", size=16),
            rx.cond(ComposerState.preview != "", "Change photo", "Add photo"),
            variant="soft",
            color_scheme="gray",
            type="button",
            loading=ComposerState.photo_busy,
        ),
        id=UPLOAD_ID,
        accept=ACCEPT,
        max_files=1,
        multiple=False,
        max_size=photos.MAX_PHOTO_BYTES,
        no_drag=True,
        on_drop=ComposerState.attach(rx.upload_files(upload_id=UPLOAD_ID)),
        on_drop_rejected=ComposerState.photo_rejected,
        aria_label="Add a photo",
    )


def _preview() -> rx.Component:
    return rx.cond(
        ComposerState.preview != "",
        rx.box(
            rx.image(
                src=ComposerState.preview,
                alt="The photo you're about to post",
                max_height="220px",
                border_radius="var(--radius-3)",
                display="block",
            ),
            rx.icon_button(
                rx.icon("x", size=14),
                size="1",
                radius="full",
                variant="solid",
                color_scheme="gray",
                type="button",
                aria_label="Remove the photo",
                on_click=ComposerState.clear_photo,
                position="absolute",
                top="6px",
                right="6px",
            ),
            position="relative",
            width="fit-content",
        ),
    )


def composer() -> rx.Component:
    """Write a post, attach a photo, publish."""
    return section_card(
        "message-square-text",
        "Share with the community",
        rx.form(
            rx.vstack(
                rx.text_area(
                    value=ComposerState.draft,
                    on_change=ComposerState.set_draft,
                    placeholder="Found a great free camp? Road closed? Ask or share…",
                    rows="3",
                    size="3",
                    width="100%",
                    resize="vertical",
                    max_length=MAX_POST,
                    aria_label="Your post",
                ),
                form_error(ComposerState.draft_error),
                _preview(),
                form_error(ComposerState.photo_error),
                rx.flex(
                    rx.hstack(
                        _photo_picker(),
                        rx.text(PHOTO_HINT, size="1", color=rx.color("gray", 10), display=["none", "none", "block"]),
                        spacing="2",
                        align="center",
                    ),
                    rx.hstack(
                        rx.text(
                            ComposerState.chars_left.to_string() + " left",
                            size="1",
                            color=rx.cond(ComposerState.chars_left < 100, rx.color("red", 11), rx.color("gray", 10)),
                            aria_live="polite",
                        ),
                        rx.button(
                            rx.icon("send", size=16), "Post", type="submit", size="2", loading=ComposerState.posting
                        ),
                        spacing="3",
                        align="center",
                    ),
                    justify="between",
                    align="center",
                    width="100%",
                    gap="2",
                    wrap="wrap",
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=ComposerState.publish,
            reset_on_submit=False,
            width="100%",
        ),
    )

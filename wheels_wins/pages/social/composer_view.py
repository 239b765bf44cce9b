"""The composer: text with a live character count, an optional photo, and Post."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import form_error, section_card
from wheels_wins.components.photo_picker import photo_picker
from wheels_wins.pages.social.composer import MAX_POST, PHOTO_HINT, Composer, ComposerState

UPLOAD_ID = "post_photo"


def _photo_picker(state: type[Composer], upload_id: str) -> rx.Component:
    return photo_picker(
        rx.button(
            rx.icon("image-plus", size=16),
            rx.cond(state.preview != "", "Change photo", "Add photo"),
            variant="soft",
            color_scheme="gray",
            type="button",
            loading=state.photo_busy,
        ),
        upload_id=upload_id,
        on_drop=state.attach(rx.upload_files(upload_id=upload_id)),
        on_drop_rejected=state.photo_rejected,
        aria_label="Add a photo",
    )


def _preview(state: type[Composer]) -> rx.Component:
    return rx.cond(
        state.preview != "",
        rx.box(
            rx.image(
                src=state.preview,
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
                on_click=state.clear_photo,
                position="absolute",
                top="6px",
                right="6px",
            ),
            position="relative",
            width="fit-content",
        ),
    )


def composer(
    state: type[Composer] = ComposerState,
    title: str | rx.Var[str] = "Share with the community",
    upload_id: str = UPLOAD_ID,
    placeholder: str = "Found a great free camp? Road closed? Ask or share…",
) -> rx.Component:
    """Write a post, attach a photo, publish (to the community, or wherever `state` posts)."""
    return section_card(
        "message-square-text",
        title,
        rx.form(
            rx.vstack(
                rx.text_area(
                    value=state.draft,
                    on_change=state.set_draft,
                    placeholder=placeholder,
                    rows="3",
                    size="3",
                    width="100%",
                    resize="vertical",
                    max_length=MAX_POST,
                    aria_label="Your post",
                ),
                form_error(state.draft_error),
                _preview(state),
                form_error(state.photo_error),
                rx.flex(
                    rx.hstack(
                        _photo_picker(state, upload_id),
                        rx.text(PHOTO_HINT, size="1", color=rx.color("gray", 10), display=["none", "none", "block"]),
                        spacing="2",
                        align="center",
                    ),
                    rx.hstack(
                        rx.text(
                            state.chars_left.to_string() + " left",
                            size="1",
                            color=rx.cond(state.chars_left < 100, rx.color("red", 11), rx.color("gray", 10)),
                            aria_live="polite",
                        ),
                        rx.button(rx.icon("send", size=16), "Post", type="submit", size="2", loading=state.posting),
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
            on_submit=state.publish,
            reset_on_submit=False,
            width="100%",
        ),
    )

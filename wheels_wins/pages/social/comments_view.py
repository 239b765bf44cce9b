"""The comments under a post: the list (own ones editable), and a box to add one."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import form_error
from wheels_wins.components.avatar import avatar
from wheels_wins.pages.social.comments import MAX_COMMENT, CommentsState, CommentView


def _editor() -> rx.Component:
    return rx.vstack(
        rx.text_area(
            value=CommentsState.edit_text,
            on_change=CommentsState.set_edit_text,
            max_length=MAX_COMMENT,
            rows="2",
            width="100%",
            aria_label="Edit your comment",
        ),
        rx.hstack(
            rx.button("Cancel", size="1", variant="soft", color_scheme="gray", on_click=CommentsState.cancel_edit),
            rx.button("Save", size="1", on_click=CommentsState.save_edit),
            spacing="2",
            justify="end",
            width="100%",
        ),
        spacing="2",
        width="100%",
    )


def _comment(comment: CommentView) -> rx.Component:
    return rx.hstack(
        avatar(comment.author_photo, comment.initials, size="2"),
        rx.vstack(
            rx.hstack(
                rx.text(comment.author, size="2", weight="bold"),
                rx.text(comment.when, size="1", color=rx.color("gray", 10)),
                spacing="2",
                align="baseline",
                wrap="wrap",
            ),
            rx.cond(
                CommentsState.editing_id == comment.id,
                _editor(),
                rx.text(comment.content, size="2", white_space="pre-wrap", overflow_wrap="anywhere"),
            ),
            rx.cond(
                comment.mine & (CommentsState.editing_id != comment.id),
                rx.hstack(
                    rx.button(
                        "Edit",
                        size="1",
                        variant="ghost",
                        on_click=CommentsState.start_edit(comment.id, comment.content),
                    ),
                    rx.button(
                        "Delete",
                        size="1",
                        variant="ghost",
                        color_scheme="red",
                        on_click=CommentsState.delete(comment.id),
                    ),
                    spacing="3",
                    padding_top="2px",
                ),
            ),
            spacing="1",
            width="100%",
            min_width="0",
        ),
        spacing="2",
        align="start",
        width="100%",
    )


def comments_block() -> rx.Component:
    """The open post's comments and the box to add one."""
    return rx.vstack(
        rx.separator(size="4"),
        rx.cond(
            CommentsState.loading,
            rx.hstack(rx.spinner(size="2"), rx.text("Loading comments…", size="2"), spacing="2"),
            rx.cond(
                CommentsState.comments.length() > 0,
                rx.vstack(rx.foreach(CommentsState.comments, _comment), spacing="3", width="100%"),
                rx.text("No comments yet. Start the conversation.", size="2", color=rx.color("gray", 11)),
            ),
        ),
        rx.form(
            rx.hstack(
                rx.input(
                    value=CommentsState.draft,
                    on_change=CommentsState.set_draft,
                    placeholder="Write a comment…",
                    max_length=MAX_COMMENT,
                    width="100%",
                    aria_label="Your comment",
                ),
                rx.button("Reply", type="submit", size="2"),
                spacing="2",
                width="100%",
            ),
            on_submit=CommentsState.add,
            reset_on_submit=False,
            width="100%",
        ),
        form_error(CommentsState.error),
        spacing="3",
        width="100%",
        padding_top="4px",
    )

"""The feed's cards: author, time, the text (always plain text, never HTML or markdown), photo, likes, comments."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import empty_state, form_error, loading_block
from wheels_wins.components.avatar import avatar
from wheels_wins.components.backend import BACKEND_ORIGIN
from wheels_wins.components.dialogs import confirm_delete_dialog
from wheels_wins.pages.social.comments import CommentsState
from wheels_wins.pages.social.comments_view import comments_block
from wheels_wins.pages.social.editing import MAX_POST, PostEditState
from wheels_wins.pages.social.feed import FeedState, PostList, PostView


def _menu(post: PostView, state: type[PostList]) -> rx.Component:
    return rx.dropdown_menu.root(
        rx.dropdown_menu.trigger(
            rx.icon_button(
                rx.icon("ellipsis", size=16), variant="ghost", color_scheme="gray", aria_label="Post options"
            ),
        ),
        rx.dropdown_menu.content(
            rx.cond(
                post.mine,
                rx.fragment(
                    rx.dropdown_menu.item(
                        rx.icon("pencil", size=14), "Edit", on_click=PostEditState.start_edit(post.id)
                    ),
                    rx.dropdown_menu.item(
                        rx.icon("trash-2", size=14),
                        "Delete",
                        color="red",
                        on_click=PostEditState.ask_delete(post.id, post.content),
                    ),
                ),
                rx.dropdown_menu.item(rx.icon("flag", size=14), "Report", on_click=state.ask_report(post.id)),
            ),
            align="end",
        ),
    )


def _header(post: PostView, state: type[PostList]) -> rx.Component:
    return rx.hstack(
        avatar(post.author_photo, post.initials, size="3", color_scheme=rx.cond(post.mine, "teal", "gray")),
        rx.vstack(
            rx.hstack(
                rx.text(post.author, size="2", weight="bold"),
                rx.cond(post.mine, rx.badge("You", size="1", radius="full", variant="soft")),
                spacing="2",
                align="center",
            ),
            rx.text(post.when, rx.cond(post.edited, " · edited", ""), size="1", color=rx.color("gray", 11)),
            spacing="0",
        ),
        rx.spacer(),
        _menu(post, state),
        spacing="3",
        align="center",
        width="100%",
    )


def _held_notice(post: PostView) -> rx.Component:
    return rx.cond(
        post.held,
        rx.callout(
            "Several people reported this post, so only you can see it for now. If something in it needs fixing, edit it.",
            icon="eye-off",
            color_scheme="amber",
            size="1",
            width="100%",
        ),
    )


def _body(post: PostView) -> rx.Component:
    return rx.cond(
        PostEditState.editing_id == post.id,
        rx.vstack(
            rx.text_area(
                value=PostEditState.edit_text,
                on_change=PostEditState.set_edit_text,
                max_length=MAX_POST,
                rows="4",
                width="100%",
                aria_label="Edit your post",
            ),
            form_error(PostEditState.edit_error),
            rx.hstack(
                rx.button("Cancel", variant="soft", color_scheme="gray", on_click=PostEditState.cancel_edit),
                rx.button("Save", on_click=PostEditState.save_edit, loading=PostEditState.saving),
                spacing="2",
                justify="end",
                width="100%",
            ),
            spacing="2",
            width="100%",
        ),
        rx.text(post.content, size="3", white_space="pre-wrap", overflow_wrap="anywhere", class_name="post-text"),
    )


def _actions(post: PostView, state: type[PostList]) -> rx.Component:
    return rx.hstack(
        rx.button(
            rx.icon("heart", size=16, fill=rx.cond(post.liked, "currentColor", "none")),
            post.likes.to_string(),
            variant=rx.cond(post.liked, "soft", "ghost"),
            color_scheme=rx.cond(post.liked, "red", "gray"),
            size="2",
            aria_pressed=rx.cond(post.liked, "true", "false"),
            aria_label=rx.cond(post.liked, "Unlike", "Like"),
            on_click=state.toggle_like(post.id),
            margin="0",  # a ghost button's negative margins would set it off from the soft one beside it
        ),
        rx.button(
            rx.icon("message-circle", size=16),
            post.comments.to_string(),
            rx.text(rx.cond(post.comments == 1, " comment", " comments"), display=["none", "inline"]),
            variant=rx.cond(CommentsState.open_id == post.id, "soft", "ghost"),
            color_scheme="gray",
            size="2",
            aria_expanded=rx.cond(CommentsState.open_id == post.id, "true", "false"),
            aria_label="Comments",
            on_click=CommentsState.toggle(post.id),
            margin="0",
        ),
        spacing="2",
        align="center",
    )


def post_card(post: PostView, state: type[PostList] = FeedState) -> rx.Component:
    """One post, in the feed `state` lists it in."""
    return rx.card(
        rx.vstack(
            _header(post, state),
            _held_notice(post),
            _body(post),
            rx.cond(
                post.photo_url != "",
                rx.image(
                    src=BACKEND_ORIGIN + post.photo_url,
                    alt="Photo shared with the post",
                    loading="lazy",
                    width="100%",
                    max_height="520px",
                    object_fit="cover",
                    border_radius="var(--radius-3)",
                    background=rx.color("gray", 3),
                ),
            ),
            _actions(post, state),
            rx.cond(CommentsState.open_id == post.id, comments_block()),
            spacing="3",
            width="100%",
        ),
        size="2",
        width="100%",
        class_name="post-card",
    )


def _report_dialog(state: type[PostList]) -> rx.Component:
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title("Report this post?"),
            rx.alert_dialog.description("We'll hide it for you and let the moderators know.", size="2"),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Cancel", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button("Report", color_scheme="red", on_click=state.report)),
                justify="end",
                spacing="2",
                margin_top="16px",
            ),
            max_width="420px",
        ),
        open=state.report_open,
        on_open_change=state.set_report_open,
    )


EMPTY_FEED = (
    "users",
    "The campfire's quiet",
    "Be the first to post: a tip, a question, or where you're parked tonight.",
)


def feed(state: type[PostList] = FeedState, empty: tuple[str, str, str] = EMPTY_FEED) -> rx.Component:
    """The posts `state` lists, Load more, the empty state (icon, title, text) and the dialogs the cards open."""
    return rx.fragment(
        rx.cond(
            state.loaded,
            rx.cond(
                state.posts.length() > 0,
                rx.vstack(
                    rx.foreach(state.posts, lambda post: post_card(post, state)),
                    rx.cond(
                        state.has_more,
                        rx.button(
                            "Load more",
                            variant="soft",
                            size="3",
                            width="100%",
                            loading=state.loading_more,
                            on_click=state.load_more,
                        ),
                        rx.text(
                            "You're all caught up.", size="2", color=rx.color("gray", 10), align="center", width="100%"
                        ),
                    ),
                    spacing="3",
                    width="100%",
                ),
                rx.card(empty_state(*empty), width="100%"),
            ),
            rx.card(loading_block(4), width="100%"),
        ),
        _report_dialog(state),
        confirm_delete_dialog(
            PostEditState,
            "Delete this post?",
            note="Its photo, comments and likes go with it. You can undo for a few seconds.",
        ),
    )

"""Social: the community feed and a box to post to it. Post text is always shown as text, never HTML."""

from __future__ import annotations

import dataclasses
import datetime as dt

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import empty_state, form_error, loading_block, page_header, section_card
from wheels_wins.components.format import ago_label
from wheels_wins.components.layout import app_page
from wheels_wins.db import session_scope
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import money
from wheels_wins.state.auth import current_user

PAGE_SIZE = 30
MAX_POST = 2000


@dataclasses.dataclass
class PostView:
    """A post as the feed shows it: the author's display name only, no ids or emails."""

    author: str
    initials: str
    when: str
    content: str
    likes: int
    comments: int
    mine: bool


def _initials(name: str) -> str:
    words = name.split()
    return "".join(w[0] for w in words[:2]).upper() or "?"


class SocialState(rx.State):
    """The feed and the draft post."""

    loaded: bool = False
    posts: rx.Field[list[PostView]] = rx.field(default_factory=list)
    total_count: int = 0
    draft: str = ""
    draft_error: str = ""
    posting: bool = False

    @rx.var
    def chars_left(self) -> int:
        """How much room is left in the post."""
        return MAX_POST - len(self.draft)

    @rx.event
    def set_draft(self, value: str):
        """The post as typed."""
        self.draft = value
        self.draft_error = ""

    @rx.event
    async def load(self):
        """Read the newest posts."""
        user = await current_user(self)
        if user is None:
            return
        now = dt.datetime.now(money.zone(user.timezone))
        with session_scope() as session:
            rows, total = post_repo.feed(session, viewer_id=user.id, limit=PAGE_SIZE)
        self.posts = [
            PostView(
                author=author.full_name or "A traveller",
                initials=_initials(author.full_name or "A traveller"),
                when=ago_label(post.created_at, now),
                content=post.content,
                likes=post.like_count,
                comments=post.comment_count,
                mine=post.user_id == user.id,
            )
            for post, author in rows
        ]
        self.total_count = total
        self.loaded = True

    @rx.event
    async def publish(self):
        """Post the draft to the community feed."""
        content = self.draft.strip()
        if not content:
            self.draft_error = "Write something first."
            return
        if len(content) > MAX_POST:
            self.draft_error = f"Posts can be up to {MAX_POST} characters."
            return
        user = await current_user(self)
        if user is None:
            self.draft_error = "Your session has ended. Sign in again to post."
            return
        self.posting = True
        yield
        with session_scope() as session:
            post_repo.create(session, user_id=user.id, content=content)
        self.draft = ""
        self.posting = False
        yield SocialState.load
        yield rx.toast.success("Posted to the community.")


def _composer() -> rx.Component:
    return section_card(
        "message_square_text",
        "Share with the community",
        rx.form(
            rx.vstack(
                rx.text_area(
                    value=SocialState.draft,
                    on_change=SocialState.set_draft,
                    placeholder="Found a great free camp? Road closed? Ask or share…",
                    rows="3",
                    size="3",
                    width="100%",
                    resize="vertical",
                    max_length=MAX_POST,
                    aria_label="Your post",
                ),
                form_error(SocialState.draft_error),
                rx.hstack(
                    rx.text(
                        SocialState.chars_left.to_string() + " characters left", size="1", color=rx.color("gray", 10)
                    ),
                    rx.button(rx.icon("send", size=16), "Post", type="submit", size="3", loading=SocialState.posting),
                    justify="between",
                    align="center",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=SocialState.publish,
            reset_on_submit=False,
            width="100%",
        ),
    )


def _post(post: PostView) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.avatar(
                    fallback=post.initials,
                    size="3",
                    radius="full",
                    variant="soft",
                    color_scheme=rx.cond(post.mine, "teal", "gray"),
                ),
                rx.vstack(
                    rx.hstack(
                        rx.text(post.author, size="2", weight="bold"),
                        rx.cond(post.mine, rx.badge("You", size="1", radius="full", variant="soft")),
                        spacing="2",
                        align="center",
                    ),
                    rx.text(post.when, size="1", color=rx.color("gray", 11)),
                    spacing="0",
                ),
                spacing="3",
                align="center",
            ),
            rx.text(post.content, size="3", white_space="pre-wrap", overflow_wrap="anywhere"),
            rx.hstack(
                rx.hstack(
                    rx.icon("heart", size=14), rx.text(post.likes.to_string(), size="1"), spacing="1", align="center"
                ),
                rx.hstack(
                    rx.icon("message_circle", size=14),
                    rx.text(post.comments.to_string(), size="1"),
                    spacing="1",
                    align="center",
                ),
                spacing="4",
                color=rx.color("gray", 11),
            ),
            spacing="3",
            width="100%",
        ),
        size="2",
        width="100%",
    )


def _feed() -> rx.Component:
    return rx.cond(
        SocialState.loaded,
        rx.cond(
            SocialState.posts.length() > 0,
            rx.vstack(rx.foreach(SocialState.posts, _post), spacing="3", width="100%"),
            rx.card(
                empty_state(
                    "users",
                    "The campfire's quiet",
                    "Be the first to post: a tip, a question, or where you're parked tonight.",
                ),
                width="100%",
            ),
        ),
        rx.card(loading_block(4), width="100%"),
    )


@app_page(routes.SOCIAL, "Social", on_load=SocialState.load, refresh_on=("posts",))
def social() -> rx.Component:
    """Community: the feed."""
    return rx.vstack(
        page_header("Social", "News, tips and questions from fellow travellers."),
        rx.box(
            rx.vstack(_composer(), _feed(), spacing="4", width="100%"),
            max_width="720px",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )

"""The feeds' state: pages of posts (keyset, newest first), likes and reports.

One list behaviour (`PostList`) serves the community feed (`FeedState`, posts in no group) and the
open group's feed (`GroupFeedState`); the cards and their handlers are the same for both.

Public vars hold only what the cards show: the author's display name, the text, counts and a
signed photo URL; never an email or another user's id.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import uuid

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.format import ago_label
from wheels_wins.db import parse_uuid
from wheels_wins.models import SocialPost, User
from wheels_wins.repositories import post_reactions
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import avatars, money, photos
from wheels_wins.state.auth import current_user, run_in_session

PAGE_SIZE = 10


@dataclasses.dataclass
class PostView:
    """A post as a card shows it."""

    id: str = ""
    author: str = ""
    initials: str = ""
    when: str = ""
    content: str = ""
    likes: int = 0
    comments: int = 0
    liked: bool = False
    mine: bool = False
    photo_url: str = ""
    author_photo: str = ""
    edited: bool = False
    held: bool = False


def initials(name: str) -> str:
    """Up to two initials for an avatar."""
    return "".join(word[0] for word in name.split()[:2]).upper() or "?"


def post_view(post: SocialPost, author: User, *, viewer: User, liked: bool) -> PostView:
    """The card's view of a post for `viewer`."""
    name = author.full_name or "A traveller"
    now = dt.datetime.now(money.zone(viewer.timezone))
    return PostView(
        id=str(post.id),
        author=name,
        initials=initials(name),
        when=ago_label(post.created_at, now),
        content=post.content,
        likes=post.like_count,
        comments=post.comment_count,
        liked=liked,
        mine=post.user_id == viewer.id,
        photo_url=photos.signed_url(post.id) if post.photo_path else "",
        author_photo=avatars.avatar_url(author.avatar_path),
        edited=(post.updated_at - post.created_at).total_seconds() > 60,
        held=post.user_id == viewer.id and post.report_count >= post_repo.HIDE_AT_REPORTS,
    )


def _page(
    session: Session, viewer: User, cursor: str, group_id: uuid.UUID | None = None
) -> tuple[list[PostView], int, str]:
    before = None
    if cursor:
        moment, _, last_id = cursor.partition("|")
        before = (dt.datetime.fromisoformat(moment), uuid.UUID(last_id))
    rows, total = post_repo.feed(session, viewer_id=viewer.id, group_id=group_id, limit=PAGE_SIZE, before=before)
    liked = post_repo.liked_by(session, user_id=viewer.id, post_ids=[post.id for post, _ in rows])
    views = [post_view(post, author, viewer=viewer, liked=post.id in liked) for post, author in rows]
    last = rows[-1][0] if len(rows) == PAGE_SIZE else None
    return views, total, f"{last.created_at.isoformat()}|{last.id}" if last else ""


class PostList(rx.State, mixin=True):
    """A feed of post cards; the concrete states say which posts (`_scope`)."""

    loaded: bool = False
    posts: rx.Field[list[PostView]] = rx.field(default_factory=list)
    total_count: int = 0
    has_more: bool = False
    loading_more: bool = False
    report_open: bool = False
    report_id: str = ""
    _cursor: str = ""

    def _scope(self) -> tuple[bool, uuid.UUID | None]:
        """Whether there is a feed to show, and its group (None: the community feed)."""
        return True, None

    @rx.event
    async def load(self):
        """Read the newest posts."""
        user = await current_user(self)
        shown, group_id = self._scope()
        if user is None or not shown:
            return
        views, total, cursor = await run_in_session(lambda s: _page(s, user, "", group_id))
        self.posts, self.total_count, self._cursor, self.has_more = views, total, cursor, bool(cursor)
        self.loaded = True

    @rx.event
    async def load_more(self):
        """Append the next page of older posts."""
        user = await current_user(self)
        if user is None or not self._cursor or self.loading_more:
            return
        self.loading_more = True
        yield
        cursor, (_, group_id) = self._cursor, self._scope()
        views, total, next_cursor = await run_in_session(lambda s: _page(s, user, cursor, group_id))
        known = {post.id for post in self.posts}
        self.posts = [*self.posts, *(view for view in views if view.id not in known)]
        self.total_count, self._cursor, self.has_more = total, next_cursor, bool(next_cursor)
        self.loading_more = False

    def replace_post(self, view: PostView) -> None:
        """Show a changed post in place."""
        self.posts = [view if post.id == view.id else post for post in self.posts]

    def drop_post(self, post_id: str) -> None:
        """Take a post off the list (deleted, or hidden by a report)."""
        kept = [post for post in self.posts if post.id != post_id]
        if len(kept) < len(self.posts):
            self.posts, self.total_count = kept, max(0, self.total_count - 1)

    def set_comment_count(self, post_id: str, count: int) -> None:
        """A post's comment count after a comment was added or deleted."""
        self.posts = [dataclasses.replace(p, comments=count) if p.id == post_id else p for p in self.posts]

    @rx.event
    async def toggle_like(self, post_id: str):
        """Like the post, or take the like back."""
        user = await current_user(self)
        target = parse_uuid(post_id)
        if user is None or target is None:
            return
        current = next((post for post in self.posts if post.id == post_id), None)
        action = post_reactions.unlike if current is not None and current.liked else post_reactions.like

        def work(session: Session) -> PostView | None:
            found = action(session, user_id=user.id, post_id=target)
            if found is None:
                return None
            return post_view(*found, viewer=user, liked=action is post_reactions.like)

        view = await run_in_session(work)
        if view is None:
            self.drop_post(post_id)
            return rx.toast.error("That post is no longer there.")
        self.replace_post(view)

    @rx.event
    async def ask_report(self, post_id: str):
        """Ask before reporting a post."""
        if await current_user(self) is None:
            return
        self.report_id, self.report_open = post_id, True

    @rx.event
    def set_report_open(self, is_open: bool):
        """Open or close the report question; closing it reports nothing."""
        self.report_open = is_open

    @rx.event
    async def report(self):
        """Report the post: it is hidden for this user and counted for the moderators."""
        self.report_open = False
        user = await current_user(self)
        target = parse_uuid(self.report_id)
        if user is None or target is None:
            return
        result = await run_in_session(
            lambda s: post_reactions.report(s, user_id=user.id, post_id=target, reason="reported in the app")
        )
        if result is False:
            return rx.toast.error("That's your own post: edit or delete it instead.")
        self.drop_post(self.report_id)
        return rx.toast.success("Reported. It's hidden for you, and the moderators will take a look.")


class FeedState(PostList, rx.State):
    """The community feed: posts in no group."""


class GroupFeedState(PostList, rx.State):
    """The open group's posts."""

    _group_id: str = ""

    def _scope(self) -> tuple[bool, uuid.UUID | None]:
        group_id = parse_uuid(self._group_id)
        return group_id is not None, group_id

    def show_group(self, group_id: str) -> None:
        """Switch to another group's posts (or none with ""); `load` reads them."""
        if group_id != self._group_id:
            self._group_id, self.posts, self.total_count, self.has_more, self._cursor = group_id, [], 0, False, ""
            self.loaded = False


async def post_lists(state: rx.State) -> list[PostList]:
    """Every feed a post card may be in, to show a change to a post wherever it is listed."""
    return [await state.get_state(FeedState), await state.get_state(GroupFeedState)]

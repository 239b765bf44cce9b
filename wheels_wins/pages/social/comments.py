"""The comments under one post at a time: read, add, and edit or delete one's own."""

from __future__ import annotations

import dataclasses
import datetime as dt

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.format import ago_label
from wheels_wins.db import parse_uuid
from wheels_wins.models import PostComment, User
from wheels_wins.pages.social.feed import initials, post_lists
from wheels_wins.repositories import comments as comment_repo
from wheels_wins.services import avatars, money
from wheels_wins.state.auth import current_user, run_in_session

MAX_COMMENT = 1000
SHOWN = 100


@dataclasses.dataclass
class CommentView:
    """A comment as the list shows it."""

    id: str = ""
    author: str = ""
    initials: str = ""
    author_photo: str = ""
    when: str = ""
    content: str = ""
    mine: bool = False


def _views(session: Session, viewer: User, post_id) -> tuple[list[CommentView], int] | None:
    found = comment_repo.list_for_post(session, viewer_id=viewer.id, post_id=post_id, limit=SHOWN)
    if found is None:
        return None
    rows, total = found
    now = dt.datetime.now(money.zone(viewer.timezone))
    return [_view(comment, author, viewer, now) for comment, author in rows], total


def _view(comment: PostComment, author: User, viewer: User, now: dt.datetime) -> CommentView:
    name = author.full_name or "A traveller"
    return CommentView(
        id=str(comment.id),
        author=name,
        initials=initials(name),
        author_photo=avatars.avatar_url(author.avatar_path),
        when=ago_label(comment.created_at, now),
        content=comment.content,
        mine=comment.user_id == viewer.id,
    )


class CommentsState(rx.State):
    """The open post's comments and the comment being written or edited."""

    open_id: str = ""
    comments: rx.Field[list[CommentView]] = rx.field(default_factory=list)
    loading: bool = False
    draft: str = ""
    error: str = ""
    editing_id: str = ""
    edit_text: str = ""

    async def _reload(self, user: User) -> bool:
        target = parse_uuid(self.open_id)
        found = await run_in_session(lambda s: _views(s, user, target)) if target else None
        if found is None:
            for feed in await post_lists(self):
                feed.drop_post(self.open_id)
            self.open_id, self.comments = "", []
            return False
        self.comments, total = found
        for feed in await post_lists(self):
            feed.set_comment_count(self.open_id, total)
        return True

    @rx.event
    async def toggle(self, post_id: str):
        """Show a post's comments (closing any other post's), or hide them."""
        user = await current_user(self)
        if user is None:
            return
        if self.open_id == post_id:
            self.open_id, self.comments = "", []
            return
        self.open_id, self.comments, self.draft, self.error, self.editing_id = post_id, [], "", "", ""
        self.loading = True
        yield
        await self._reload(user)
        self.loading = False

    @rx.event
    def set_draft(self, value: str):
        """The comment as typed."""
        self.draft, self.error = value, ""

    @rx.event
    async def add(self, form: dict | None = None):
        """Post the comment under the open post."""
        content = self.draft.strip()
        if not content or len(content) > MAX_COMMENT:
            self.error = f"Comment: write between 1 and {MAX_COMMENT} characters."
            return
        user = await current_user(self)
        target = parse_uuid(self.open_id)
        if user is None or target is None:
            return
        made = await run_in_session(lambda s: comment_repo.create(s, user_id=user.id, post_id=target, content=content))
        if made is None:
            yield rx.toast.error("That post is no longer there.")
        self.draft = ""
        await self._reload(user)

    @rx.event
    async def start_edit(self, comment_id: str, content: str):
        """Edit one of the user's comments in place."""
        if await current_user(self) is None:
            return
        self.editing_id, self.edit_text, self.error = comment_id, content, ""

    @rx.event
    def set_edit_text(self, value: str):
        """The edited comment as typed."""
        self.edit_text, self.error = value, ""

    @rx.event
    def cancel_edit(self):
        """Leave the comment as it was."""
        self.editing_id, self.edit_text = "", ""

    @rx.event
    async def save_edit(self):
        """Save the edited comment."""
        content = self.edit_text.strip()
        if not content or len(content) > MAX_COMMENT:
            self.error = f"Comment: write between 1 and {MAX_COMMENT} characters."
            return
        user = await current_user(self)
        target = parse_uuid(self.editing_id)
        if user is None or target is None:
            return
        await run_in_session(
            lambda s: comment_repo.update(s, user_id=user.id, comment_id=target, changes={"content": content})
        )
        self.editing_id, self.edit_text = "", ""
        await self._reload(user)

    @rx.event
    async def delete(self, comment_id: str):
        """Delete one of the user's comments."""
        user = await current_user(self)
        target = parse_uuid(comment_id)
        if user is None or target is None:
            return
        if await run_in_session(lambda s: comment_repo.delete(s, user_id=user.id, comment_id=target)):
            yield rx.toast.success("Comment deleted.")
        await self._reload(user)

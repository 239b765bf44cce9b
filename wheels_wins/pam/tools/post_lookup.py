"""The user's own community posts named by what they say: "delete my post about the generator, it's sold"."""

from __future__ import annotations

import re

from wheels_wins.models import SocialPost
from wheels_wins.pam.tools.common import ShortText, holds_words
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import posts as post_repo

_LOOKED_AT, _LONGEST = 100, 2000
_NOT_ABOUT = frozenset("the a an my our post about on re regarding saying that one".split())


def _excerpt(text: str) -> str:
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


def _own_post(ctx: ToolContext, about: str) -> SocialPost | ToolResult:
    """The user's latest post whose text holds the words, or the reply that there is none."""
    words = [w for w in about.lower().split() if w not in _NOT_ABOUT]
    rows, _ = post_repo.feed(ctx.session, viewer_id=ctx.user_id, author_id=ctx.user_id, limit=_LOOKED_AT)
    found = [post for post, _author in rows if holds_words(post.content, words)]
    return found[0] if found else ToolResult.fail(f"I couldn't find a post of yours about “{about}”.")


@tool(mutates=True)
def edit_own_post(ctx: ToolContext, about: ShortText, old_text: ShortText, new_text: str) -> ToolResult:
    """Change words in one of the user's own posts, the latest whose text holds `about` ("fix the spelling in my
    Rotorua post: recomendation should be recommendation" is about "Rotorua", old_text "recomendation")."""
    post = _own_post(ctx, about)
    if isinstance(post, ToolResult):
        return post
    where = re.search(rf"(?<!\w){re.escape(old_text.strip())}(?!\w)", post.content, re.IGNORECASE)  # whole words
    if where is None:
        return ToolResult.fail(f"Your post “{_excerpt(post.content)}” doesn't say “{old_text.strip()}”.")
    before = post.content
    after = before[: where.start()] + new_text.strip() + before[where.end() :]
    if not after.strip() or len(after) > _LONGEST:
        return ToolResult.fail("A post must have some text and be at most 2,000 characters.")
    post_repo.update(ctx.session, user_id=ctx.user_id, post_id=post.id, changes={"content": after})
    return ToolResult(
        True, f"Updated your post: “{_excerpt(after)}”", {"id": str(post.id), "content": after},
        undo={"op": "restore", "kind": "post", "id": str(post.id), "fields": {"content": before}}, changed=("posts",),
    )


@tool(mutates=True)
def delete_own_post(ctx: ToolContext, about: ShortText) -> ToolResult:
    """Delete one of the user's own community posts, the latest whose text holds these words ("delete my post about
    the generator"); undo brings it back with its comments and likes."""
    post = _own_post(ctx, about)
    if isinstance(post, ToolResult):
        return post
    kept = post_repo.delete_keeping(ctx.session, user_id=ctx.user_id, post_id=post.id)
    if kept is None:
        return ToolResult.fail("That post is no longer there.")
    return ToolResult(
        True, f"Deleted your post “{_excerpt(post.content)}”", {"id": str(post.id)},
        undo={"op": "restore_post", "kind": "post", "kept": post_repo.kept_as_json(kept)}, changed=("posts",),
    )

"""The user's own community posts named by what they say: "delete my post about the generator, it's sold"."""

from __future__ import annotations

from wheels_wins.pam.tools.common import ShortText, holds_words
from wheels_wins.pam.tools.registry import tool
from wheels_wins.pam.types import ToolContext, ToolResult
from wheels_wins.repositories import posts as post_repo

_LOOKED_AT = 100
_NOT_ABOUT = frozenset("the a an my our post about on re regarding saying that one".split())


def _excerpt(text: str) -> str:
    return text if len(text) <= 60 else text[:59].rstrip() + "…"


@tool(mutates=True)
def delete_own_post(ctx: ToolContext, about: ShortText) -> ToolResult:
    """Delete one of the user's own community posts, the latest whose text holds these words ("delete my post about
    the generator"); undo brings it back with its comments and likes."""
    words = [w for w in about.lower().split() if w not in _NOT_ABOUT]
    rows, _ = post_repo.feed(ctx.session, viewer_id=ctx.user_id, author_id=ctx.user_id, limit=_LOOKED_AT)
    found = [post for post, _author in rows if holds_words(post.content, words)]
    if not found:
        return ToolResult.fail(f"I couldn't find a post of yours about “{about}”.")
    post = found[0]
    kept = post_repo.delete_keeping(ctx.session, user_id=ctx.user_id, post_id=post.id)
    if kept is None:
        return ToolResult.fail("That post is no longer there.")
    return ToolResult(
        True, f"Deleted your post “{_excerpt(post.content)}”", {"id": str(post.id)},
        undo={"op": "restore_post", "kind": "post", "kept": post_repo.kept_as_json(kept)}, changed=("posts",),
    )

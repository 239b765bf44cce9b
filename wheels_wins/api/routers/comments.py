"""Comments on posts: anyone who can see a post comments on it; only the author edits or deletes a comment."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.social import CommentCreate, CommentPublic, CommentUpdate
from wheels_wins.repositories import comments as comment_repo

router = APIRouter(
    tags=["posts"],
    responses={401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404], 422: ERROR_RESPONSES[422]},
)


@router.get("/posts/{post_id}/comments", response_model=Page[CommentPublic], summary="A post's comments")
def list_comments(post_id: str, user: CurrentUser, session: SessionDep, paging: PagingDep) -> Page[CommentPublic]:
    """The comments on a post, oldest first."""
    found = comment_repo.list_for_post(
        session, viewer_id=user.id, post_id=parse_id(post_id, "post"), limit=paging.limit, offset=paging.offset
    )
    if found is None:
        raise not_found("post")
    rows, total = found
    return Page(items=[CommentPublic.of(comment, author) for comment, author in rows], total=total)


@router.post(
    "/posts/{post_id}/comments",
    status_code=status.HTTP_201_CREATED,
    response_model=CommentPublic,
    summary="Comment on a post",
)
def create_comment(post_id: str, body: CommentCreate, user: CurrentUser, session: SessionDep) -> CommentPublic:
    """Add a comment; the post's author is notified (unless it is their own)."""
    comment = comment_repo.create(session, user_id=user.id, post_id=parse_id(post_id, "post"), content=body.content)
    if comment is None:
        raise not_found("post")
    return CommentPublic.of(comment, user)


@router.patch("/comments/{comment_id}", response_model=CommentPublic, summary="Edit a comment")
def update_comment(comment_id: str, body: CommentUpdate, user: CurrentUser, session: SessionDep) -> CommentPublic:
    """Edit one of the user's own comments (anyone else's answers 404)."""
    comment = comment_repo.update(
        session, user_id=user.id, comment_id=parse_id(comment_id, "comment"), changes=body.changes()
    )
    if comment is None:
        raise not_found("comment")
    return CommentPublic.of(comment, user)


@router.delete(
    "/comments/{comment_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a comment",
)
def delete_comment(comment_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete one of the user's own comments (anyone else's answers 404)."""
    if not comment_repo.delete(session, user_id=user.id, comment_id=parse_id(comment_id, "comment")):
        raise not_found("comment")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

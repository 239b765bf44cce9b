"""Community posts: every signed-in user reads the feed; only the author edits or deletes a post."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Body, Depends, Query, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, invalid, not_found
from wheels_wins.api.schemas.social import (
    PostCreate,
    PostPage,
    PostPublic,
    PostUpdate,
    ReportCreate,
    decode_cursor,
    encode_cursor,
)
from wheels_wins.models import User
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import post_reactions
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import photos

router = APIRouter(prefix="/posts", tags=["posts"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})
_404 = {404: ERROR_RESPONSES[404]}


@router.get("", response_model=PostPage, summary="Community feed")
def feed(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    group_id: Annotated[uuid.UUID | None, Query(description="Only this group's posts")] = None,
    cursor: Annotated[
        str | None, Query(description="`next_cursor` of the previous page (keyset paging; `offset` is then ignored)")
    ] = None,
) -> PostPage:
    """Community posts (in no group) from everyone, newest first, except those the user has reported;
    with `group_id`, that group's posts instead."""
    before = None
    if cursor:
        before = decode_cursor(cursor)
        if before is None:
            raise invalid("cursor", "is not a cursor this feed gave out")
    rows, total = post_repo.feed(
        session, viewer_id=user.id, group_id=group_id, limit=paging.limit, offset=paging.offset, before=before
    )
    liked = post_repo.liked_by(session, user_id=user.id, post_ids=(post.id for post, _ in rows))
    last = rows[-1][0] if len(rows) == paging.limit else None
    return PostPage(
        items=[PostPublic.of(post, author, liked=post.id in liked) for post, author in rows],
        total=total,
        next_cursor=encode_cursor(last.created_at, last.id) if last else None,
    )


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=PostPublic,
    summary="Publish a post",
    responses={403: {"model": ErrorEnvelope, "description": "`not_a_member`: join the group first"}},
    dependencies=[Depends(per_user_rate_limit("posts", limit=30))],
)
def create_post(body: PostCreate, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Publish a post to the community feed, or to a group the user belongs to; add a photo with `PUT /posts/{id}/photo`."""
    if body.group_id is None:
        return PostPublic.of(post_repo.create(session, user_id=user.id, content=body.content), user)
    try:
        post = group_repo.post(session, user_id=user.id, group_id=body.group_id, content=body.content)
    except group_repo.GroupRefused:
        raise ApiError(
            403, "not_a_member", "join the group to post in it (PUT /api/v1/groups/{id}/membership)"
        ) from None
    if post is None:
        raise invalid("group_id", "no group with this id")
    return PostPublic.of(post, user)


def _visible(session: SessionDep, user: User, post_id: str) -> PostPublic:
    found = post_repo.get_visible(session, viewer_id=user.id, post_id=parse_id(post_id, "post"))
    if found is None:
        raise not_found("post")
    post, author = found
    return PostPublic.of(post, author, liked=bool(post_repo.liked_by(session, user_id=user.id, post_ids=[post.id])))


@router.get("/{post_id}", response_model=PostPublic, summary="Get a post", responses=_404)
def get_post(post_id: str, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Any post in the community (except one the user has reported)."""
    return _visible(session, user, post_id)


@router.patch("/{post_id}", response_model=PostPublic, summary="Edit a post", responses=_404)
def update_post(post_id: str, body: PostUpdate, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Edit one of the user's own posts (anyone else's answers 404)."""
    post = post_repo.update(session, user_id=user.id, post_id=parse_id(post_id, "post"), changes=body.changes())
    if post is None:
        raise not_found("post")
    return _visible(session, user, post_id)


@router.delete(
    "/{post_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a post",
    responses=_404,
)
def delete_post(post_id: str, user: CurrentUser, session: SessionDep, background: BackgroundTasks) -> Response:
    """Delete one of the user's own posts with its photo, comments and likes (anyone else's answers 404)."""
    post = post_repo.get_own(session, user_id=user.id, post_id=parse_id(post_id, "post"))
    if post is None or not post_repo.delete(session, user_id=user.id, post_id=post.id):
        raise not_found("post")
    background.add_task(photos.remove, post.photo_path)  # after the commit, so a rollback keeps the photo
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post("/{post_id}/like", response_model=PostPublic, summary="Like a post", responses=_404)
def like_post(post_id: str, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Like a post; liking it again changes nothing. The author hears about it once per liker."""
    found = post_reactions.like(session, user_id=user.id, post_id=parse_id(post_id, "post"))
    if found is None:
        raise not_found("post")
    return PostPublic.of(*found, liked=True)


@router.delete("/{post_id}/like", response_model=PostPublic, summary="Unlike a post", responses=_404)
def unlike_post(post_id: str, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Take a like back; without one, nothing changes."""
    found = post_reactions.unlike(session, user_id=user.id, post_id=parse_id(post_id, "post"))
    if found is None:
        raise not_found("post")
    return PostPublic.of(*found, liked=False)


@router.post(
    "/{post_id}/report",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Report a post",
    responses=_404,
)
def report_post(
    post_id: str,
    user: CurrentUser,
    session: SessionDep,
    body: Annotated[ReportCreate | None, Body()] = None,
) -> Response:
    """Report someone else's post to the moderators; it is hidden from the reporter from then on (404 after)."""
    reported = post_reactions.report(
        session, user_id=user.id, post_id=parse_id(post_id, "post"), reason=body.reason if body else ""
    )
    if reported is None:
        raise not_found("post")
    if not reported:
        raise invalid("post_id", "you can't report your own post; edit or delete it instead")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

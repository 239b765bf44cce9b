"""Community posts: every signed-in user reads the feed; only the author edits or deletes a post."""

from __future__ import annotations

import uuid
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlalchemy.exc import IntegrityError

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, invalid, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.social import PostCreate, PostPublic, PostUpdate
from wheels_wins.repositories import posts as post_repo

router = APIRouter(prefix="/posts", tags=["posts"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})


@router.get("", response_model=Page[PostPublic], summary="Community feed")
def feed(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    group_id: Annotated[uuid.UUID | None, Query(description="Only this group's posts")] = None,
) -> Page[PostPublic]:
    """Posts from everyone, newest first."""
    rows, total = post_repo.feed(
        session, viewer_id=user.id, group_id=group_id, limit=paging.limit, offset=paging.offset
    )
    return Page(items=[PostPublic.of(post, author) for post, author in rows], total=total)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=PostPublic, summary="Publish a post")
def create_post(body: PostCreate, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Publish a post to the community feed, or to a group."""
    try:
        post = post_repo.create(session, user_id=user.id, content=body.content, group_id=body.group_id)
    except IntegrityError as exc:  # the only foreign key a client chooses is the group
        raise invalid("group_id", "no group with this id") from exc
    return PostPublic.of(post, user)


@router.get("/{post_id}", response_model=PostPublic, summary="Get a post", responses={404: ERROR_RESPONSES[404]})
def get_post(post_id: str, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Any post in the community."""
    found = post_repo.get_visible(session, viewer_id=user.id, post_id=parse_id(post_id, "post"))
    if found is None:
        raise not_found("post")
    return PostPublic.of(*found)


@router.patch("/{post_id}", response_model=PostPublic, summary="Edit a post", responses={404: ERROR_RESPONSES[404]})
def update_post(post_id: str, body: PostUpdate, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Edit one of the user's own posts (anyone else's answers 404)."""
    post = post_repo.update(session, user_id=user.id, post_id=parse_id(post_id, "post"), changes=body.changes())
    if post is None:
        raise not_found("post")
    return PostPublic.of(post, user)


@router.delete(
    "/{post_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a post",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_post(post_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete one of the user's own posts (anyone else's answers 404)."""
    if not post_repo.delete(session, user_id=user.id, post_id=parse_id(post_id, "post")):
        raise not_found("post")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

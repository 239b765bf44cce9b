"""Community groups: everyone signed in browses and joins; only the creator edits or deletes a group."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, invalid, not_found
from wheels_wins.api.schemas.groups import GroupCreate, GroupPage, GroupPostCreate, GroupPublic, GroupUpdate
from wheels_wins.api.schemas.social import PostPage, PostPublic, decode_cursor, encode_cursor
from wheels_wins.models import User
from wheels_wins.repositories import groups as group_repo
from wheels_wins.repositories import posts as post_repo

router = APIRouter(prefix="/groups", tags=["groups"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]})
_404 = {404: ERROR_RESPONSES[404]}
_409 = {409: {"model": ErrorEnvelope, "description": "The rules refuse it (name taken, others still belong...)"}}
_LIMITED = [Depends(per_user_rate_limit("groups", limit=30))]
_FIELDS = {"invalid_name": "name", "invalid_description": "description"}


def _refused(refused: group_repo.GroupRefused) -> ApiError:
    if refused.code in _FIELDS:
        return invalid(_FIELDS[refused.code], refused.message.split(": ", 1)[-1])
    if refused.code == "not_a_member":
        return ApiError(403, "not_a_member", "join the group to post in it (PUT /api/v1/groups/{id}/membership)")
    return ApiError(409, refused.code, refused.message)


def _public(session: SessionDep, user: User, group_id: str) -> GroupPublic:
    found = group_repo.get(session, viewer_id=user.id, group_id=parse_id(group_id, "group"))
    if found is None:
        raise not_found("group")
    return GroupPublic.of(found[0], joined=found[1], viewer_id=user.id)


@router.get("", response_model=GroupPage, summary="Browse groups")
def browse(
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    q: Annotated[str, Query(max_length=80, description="Only groups whose name contains this")] = "",
) -> GroupPage:
    """Every group (or those matching `q`), the caller's own first, then the busiest."""
    rows, total = group_repo.browse(session, viewer_id=user.id, query=q, limit=paging.limit, offset=paging.offset)
    return GroupPage(items=[GroupPublic.of(g, joined=j, viewer_id=user.id) for g, j in rows], total=total)


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=GroupPublic,
    summary="Start a group",
    dependencies=_LIMITED,
    responses=_409,
)
def create_group(body: GroupCreate, user: CurrentUser, session: SessionDep) -> GroupPublic:
    """Start a group; the caller joins it. 409 `name_taken` when another group has the name (any case)."""
    try:
        group = group_repo.create(session, user_id=user.id, name=body.name, description=body.description)
    except group_repo.GroupRefused as refused:
        raise _refused(refused) from None
    return GroupPublic.of(group, joined=True, viewer_id=user.id)


@router.get("/{group_id}", response_model=GroupPublic, summary="Get a group", responses=_404)
def get_group(group_id: str, user: CurrentUser, session: SessionDep) -> GroupPublic:
    """Any group, with its member count and whether the caller belongs to it."""
    return _public(session, user, group_id)


@router.patch("/{group_id}", response_model=GroupPublic, summary="Edit a group", responses=_404, dependencies=_LIMITED)
def update_group(group_id: str, body: GroupUpdate, user: CurrentUser, session: SessionDep) -> GroupPublic:
    """Change the description of a group the caller started (anyone else's answers 404)."""
    changes = body.changes()
    target = parse_id(group_id, "group")
    if "description" in changes:
        group = group_repo.update_description(
            session, user_id=user.id, group_id=target, description=changes["description"]
        )
        if group is None:
            raise not_found("group")
    found = group_repo.get(session, viewer_id=user.id, group_id=target)
    if found is None or found[0].user_id != user.id:
        raise not_found("group")
    return GroupPublic.of(found[0], joined=found[1], viewer_id=user.id)


@router.delete(
    "/{group_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a group",
    responses={**_404, **_409},
    dependencies=_LIMITED,
)
def delete_group(group_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete a group the caller started, with its posts, while nobody else belongs to it (409 `group_has_members`)."""
    try:
        kept = group_repo.delete(session, user_id=user.id, group_id=parse_id(group_id, "group"))
    except group_repo.GroupRefused as refused:
        raise _refused(refused) from None
    if kept is None:
        raise not_found("group")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/{group_id}/membership", response_model=GroupPublic, summary="Join a group", responses=_404, dependencies=_LIMITED
)
def join_group(group_id: str, user: CurrentUser, session: SessionDep) -> GroupPublic:
    """Join a group; joining again changes nothing (the member count counts the caller once)."""
    if group_repo.join(session, user_id=user.id, group_id=parse_id(group_id, "group")) is None:
        raise not_found("group")
    return _public(session, user, group_id)


@router.delete(
    "/{group_id}/membership",
    response_model=GroupPublic,
    summary="Leave a group",
    responses={**_404, **_409},
    dependencies=_LIMITED,
)
def leave_group(group_id: str, user: CurrentUser, session: SessionDep) -> GroupPublic:
    """Leave a group (nothing changes if not a member). A leaving creator hands the group to its
    longest-standing member; the only member can't leave (409 `only_member`): delete the group instead."""
    try:
        group = group_repo.leave(session, user_id=user.id, group_id=parse_id(group_id, "group"))
    except group_repo.GroupRefused as refused:
        raise _refused(refused) from None
    if group is None:
        raise not_found("group")
    return _public(session, user, group_id)


@router.get("/{group_id}/posts", response_model=PostPage, summary="A group's posts", responses=_404)
def group_posts(
    group_id: str,
    user: CurrentUser,
    session: SessionDep,
    paging: PagingDep,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page")] = None,
) -> PostPage:
    """The group's posts, newest first (anyone may read them), except those the caller reported."""
    group = _public(session, user, group_id)
    before = decode_cursor(cursor) if cursor else None
    if cursor and before is None:
        raise invalid("cursor", "is not a cursor this feed gave out")
    rows, total = post_repo.feed(
        session, viewer_id=user.id, group_id=group.id, limit=paging.limit, offset=paging.offset, before=before
    )
    liked = post_repo.liked_by(session, user_id=user.id, post_ids=(post.id for post, _ in rows))
    last = rows[-1][0] if len(rows) == paging.limit else None
    return PostPage(
        items=[PostPublic.of(post, author, liked=post.id in liked) for post, author in rows],
        total=total,
        next_cursor=encode_cursor(last.created_at, last.id) if last else None,
    )


@router.post(
    "/{group_id}/posts",
    status_code=status.HTTP_201_CREATED,
    response_model=PostPublic,
    summary="Post in a group",
    responses={**_404, 403: {"model": ErrorEnvelope, "description": "`not_a_member`: join the group first"}},
    dependencies=[Depends(per_user_rate_limit("posts", limit=30))],
)
def create_group_post(group_id: str, body: GroupPostCreate, user: CurrentUser, session: SessionDep) -> PostPublic:
    """Post in a group the caller belongs to (403 `not_a_member` otherwise); add a photo with `PUT /posts/{id}/photo`."""
    try:
        post = group_repo.post(session, user_id=user.id, group_id=parse_id(group_id, "group"), content=body.content)
    except group_repo.GroupRefused as refused:
        raise _refused(refused) from None
    if post is None:
        raise not_found("group")
    return PostPublic.of(post, user)

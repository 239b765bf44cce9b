"""The signed-in user's notifications: list (keyset pages), mark read or unread, mark all read, delete."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status

from wheels_wins.api.deps import CurrentUser, SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, invalid, not_found
from wheels_wins.api.schemas.notifications import (
    NotificationPage,
    NotificationPublic,
    NotificationUpdate,
    ReadAllResult,
)
from wheels_wins.api.schemas.social import decode_cursor, encode_cursor
from wheels_wins.repositories import notifications as notification_repo

router = APIRouter(
    prefix="/notifications", tags=["notifications"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]}
)
_404 = {404: ERROR_RESPONSES[404]}


@router.get("", response_model=NotificationPage, summary="My notifications")
def list_notifications(
    user: CurrentUser,
    session: SessionDep,
    unread_only: Annotated[bool, Query(description="Only the unread ones")] = False,
    limit: Annotated[int, Query(ge=1, le=500, description="Page size (at most 500)")] = 50,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page")] = None,
) -> NotificationPage:
    """The user's notifications, newest first; `total` counts all that match, `unread` the unread ones."""
    before = None
    if cursor:
        before = decode_cursor(cursor)
        if before is None:
            raise invalid("cursor", "is not a cursor this list gave out")
    rows = notification_repo.page(session, user_id=user.id, unread_only=unread_only, before=before, limit=limit)
    last = rows[-1] if len(rows) == limit else None
    return NotificationPage(
        items=[NotificationPublic.of(row) for row in rows],
        total=notification_repo.count(session, user_id=user.id, unread_only=unread_only),
        unread=notification_repo.count_unread(session, user_id=user.id),
        next_cursor=encode_cursor(last.created_at, last.id) if last else None,
    )


@router.patch("/{notification_id}", response_model=NotificationPublic, summary="Mark read or unread", responses=_404)
def update_notification(
    notification_id: str, body: NotificationUpdate, user: CurrentUser, session: SessionDep
) -> NotificationPublic:
    """Mark one notification read (`{"read": true}`) or unread again (`{"read": false}`)."""
    row = notification_repo.set_read(
        session, user_id=user.id, notification_id=parse_id(notification_id, "notification"), read=body.read
    )
    if row is None:
        raise not_found("notification")
    return NotificationPublic.of(row)


@router.post("/read-all", response_model=ReadAllResult, summary="Mark all read")
def read_all(user: CurrentUser, session: SessionDep) -> ReadAllResult:
    """Mark every unread notification read."""
    return ReadAllResult(marked=notification_repo.mark_all_read(session, user_id=user.id))


@router.delete(
    "/{notification_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a notification",
    responses=_404,
)
def delete_notification(notification_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete one notification."""
    kept = notification_repo.delete(session, user_id=user.id, notification_id=parse_id(notification_id, "notification"))
    if kept is None:
        raise not_found("notification")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

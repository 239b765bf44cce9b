"""Profile photos, served to `<img>` through signed URLs that name the photo, never its owner."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import FileResponse

from wheels_wins.api.deps import SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, not_authenticated, not_found
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import avatars, photos

router = APIRouter(prefix="/avatars", tags=["me"], responses={401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]})


@router.get(
    "/{avatar_id}",
    response_class=FileResponse,
    summary="A profile photo",
    responses={200: {"content": {"image/jpeg": {}}, "description": "The photo as a square JPEG"}},
)
def get_avatar(
    avatar_id: str,
    session: SessionDep,
    expires: Annotated[int | None, Query(description="From a signed `avatar_url`")] = None,
    sig: Annotated[str | None, Query(description="From a signed `avatar_url`")] = None,
) -> FileResponse:
    """The profile photo behind an `avatar_url` (from `GET /me`); 401 when the signature is missing or expired."""
    photo_id = parse_id(avatar_id, "photo")
    if expires is None or sig is None or not photos.verify(photo_id, expires, sig, kind="avatar"):
        raise not_authenticated("the photo link is missing its signature or has expired")
    relative = avatars.path_for(photo_id)
    path = photos.resolve(relative) if users_repo.avatar_in_use(session, avatar_path=relative) else None
    if path is None:
        raise not_found("photo")
    return FileResponse(
        path,
        media_type="image/jpeg",
        headers={"Cache-Control": "private, max-age=3600", "Content-Disposition": "inline"},
    )

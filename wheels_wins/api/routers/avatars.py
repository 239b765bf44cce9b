"""Profile photos, served to `<img>` through signed URLs that name the photo, never its owner."""

from __future__ import annotations

from fastapi import APIRouter
from fastapi.responses import FileResponse

from wheels_wins.api.deps import SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, not_authenticated
from wheels_wins.api.photo_access import Expires, Signature, is_signed, jpeg
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import avatars, photos

router = APIRouter(prefix="/avatars", tags=["me"], responses={401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]})


@router.get(
    "/{avatar_id}",
    response_class=FileResponse,
    summary="A profile photo",
    responses={200: {"content": {"image/jpeg": {}}, "description": "The photo as a square JPEG"}},
)
def get_avatar(avatar_id: str, session: SessionDep, expires: Expires = None, sig: Signature = None) -> FileResponse:
    """The profile photo behind an `avatar_url` (from `GET /me`); 401 when the signature is missing or expired."""
    photo_id = parse_id(avatar_id, "photo")
    if not is_signed("avatar", photo_id, expires, sig):
        raise not_authenticated("the photo link is missing its signature or has expired")
    relative = avatars.path_for(photo_id)
    return jpeg(photos.resolve(relative) if users_repo.avatar_in_use(session, avatar_path=relative) else None)

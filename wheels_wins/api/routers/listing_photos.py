"""A listing's photo as a JPEG: for any signed-in user (bearer) or an `<img>` holding a signed URL."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from wheels_wins.api.deps import SessionDep, get_current_user, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, not_authenticated, not_found
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.services import photos

router = APIRouter(
    prefix="/listing-photos", tags=["marketplace"], responses={401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]}
)
_optional_bearer = HTTPBearer(auto_error=False, description="The access_token from register or login")


@router.get(
    "/{photo_id}",
    response_class=FileResponse,
    summary="A listing's photo",
    responses={200: {"content": {"image/jpeg": {}}, "description": "The photo as a JPEG"}},
)
def get_photo(
    photo_id: str,
    request: Request,
    session: SessionDep,
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_optional_bearer)],
    expires: Annotated[int | None, Query(description="From a signed photo `url`")] = None,
    sig: Annotated[str | None, Query(description="From a signed photo `url`")] = None,
) -> FileResponse:
    """The photo of any listing, for a bearer or with the signature of its `url` (for `<img>`)."""
    target = parse_id(photo_id, "photo")
    signed = expires is not None and sig is not None and photos.verify(target, expires, sig, kind="listing")
    if not signed:
        if credentials is None or not credentials.credentials:
            raise not_authenticated("missing bearer token, or the photo link has expired")
        get_current_user(request, session, credentials.credentials)
    photo = listing_repo.get_photo(session, photo_id=target)
    path = photos.resolve(photo.photo_path) if photo is not None else None
    if path is None:
        raise not_found("photo")
    return FileResponse(
        path,
        media_type="image/jpeg",
        headers={"Cache-Control": "private, max-age=3600", "Content-Disposition": "inline"},
    )

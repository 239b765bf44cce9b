"""A listing's photo as a JPEG: for any signed-in user (bearer) or an `<img>` holding a signed URL."""

from __future__ import annotations

from fastapi import APIRouter, Request
from fastapi.responses import FileResponse

from wheels_wins.api.deps import SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES
from wheels_wins.api.photo_access import JPEG_RESPONSE, Expires, OptionalBearer, Signature, jpeg, signed_or_signed_in
from wheels_wins.repositories import listing_photos as photo_repo
from wheels_wins.services import photos

router = APIRouter(
    prefix="/listing-photos", tags=["marketplace"], responses={401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]}
)


@router.get("/{photo_id}", response_class=FileResponse, summary="A listing's photo", responses=JPEG_RESPONSE)
def get_photo(
    photo_id: str,
    request: Request,
    session: SessionDep,
    credentials: OptionalBearer,
    expires: Expires = None,
    sig: Signature = None,
) -> FileResponse:
    """The photo of any listing, for a bearer or with the signature of its `url` (for `<img>`)."""
    target = parse_id(photo_id, "photo")
    signed_or_signed_in(request, session, credentials, kind="listing", object_id=target, expires=expires, sig=sig)
    photo = photo_repo.get_photo(session, photo_id=target)
    return jpeg(photos.resolve(photo.photo_path) if photo is not None else None)

"""Serving stored photos: to an `<img>` holding a signed URL, or to a signed-in bearer; always as a private JPEG."""

from __future__ import annotations

import uuid
from pathlib import Path
from typing import Annotated

from fastapi import Depends, Query, Request
from fastapi.responses import FileResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlmodel import Session

from wheels_wins.api.deps import get_current_user
from wheels_wins.api.errors import not_authenticated, not_found
from wheels_wins.models import User
from wheels_wins.services import photos

OptionalBearer = Annotated[
    HTTPAuthorizationCredentials | None,
    Depends(HTTPBearer(auto_error=False, description="The access_token from register or login")),
]
Expires = Annotated[int | None, Query(description="From a signed photo URL")]
Signature = Annotated[str | None, Query(description="From a signed photo URL")]
JPEG_RESPONSE = {200: {"content": {"image/jpeg": {}}, "description": "The photo as a JPEG"}}


def is_signed(kind: str, object_id: uuid.UUID, expires: int | None, sig: str | None) -> bool:
    """Whether the request carries a genuine, unexpired signature for this photo."""
    return expires is not None and sig is not None and photos.verify(object_id, expires, sig, kind=kind)


def signed_or_signed_in(
    request: Request,
    session: Session,
    credentials: HTTPAuthorizationCredentials | None,
    *,
    kind: str,
    object_id: uuid.UUID,
    expires: int | None,
    sig: str | None,
) -> User | None:
    """None for a good signed URL; otherwise the bearer's user, or 401 when there is neither."""
    if is_signed(kind, object_id, expires, sig):
        return None
    if credentials is None or not credentials.credentials:
        raise not_authenticated("missing bearer token, or the photo link has expired")
    return get_current_user(request, session, credentials.credentials)


def jpeg(path: Path | None) -> FileResponse:
    """The stored photo, cached privately for an hour; 404 when there is none."""
    if path is None:
        raise not_found("photo")
    return FileResponse(
        path,
        media_type="image/jpeg",
        headers={"Cache-Control": "private, max-age=3600", "Content-Disposition": "inline"},
    )

"""A post's photo: the author sets or removes it; any signed-in user (or a signed URL) sees it."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, File, Request, Response, UploadFile, status
from fastapi.responses import FileResponse

from wheels_wins.api.deps import CurrentUser, SessionDep, parse_id, per_user_rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, not_found
from wheels_wins.api.photo_access import JPEG_RESPONSE, Expires, OptionalBearer, Signature, jpeg, signed_or_signed_in
from wheels_wins.api.schemas.social import PostPublic
from wheels_wins.repositories import posts as post_repo
from wheels_wins.services import photos

router = APIRouter(prefix="/posts", tags=["posts"], responses={401: ERROR_RESPONSES[401], 404: ERROR_RESPONSES[404]})
_MB = photos.MAX_PHOTO_BYTES // (1024 * 1024)


@router.put(
    "/{post_id}/photo",
    response_model=PostPublic,
    summary="Set a post's photo",
    dependencies=[Depends(per_user_rate_limit("post_photos", limit=30))],
    responses={
        413: {"model": ErrorEnvelope, "description": f"`file_too_large`: over {_MB} MB"},
        422: ERROR_RESPONSES[422],
        429: {"model": ErrorEnvelope},
    },
)
def put_photo(
    post_id: str,
    user: CurrentUser,
    session: SessionDep,
    background: BackgroundTasks,
    photo: Annotated[UploadFile, File(description=f"A {photos.ACCEPTED} image, at most {_MB} MB")],
) -> PostPublic:
    """Attach a photo to one of the user's own posts, replacing any before it.

    The image is checked by its content (not its name), turned upright, shrunk to at most
    2048 px and re-encoded as a JPEG without EXIF, GPS or other metadata. 422 codes:
    `empty_file`, `unsupported_photo`, `corrupt_photo`, `photo_too_big` (too many pixels)."""
    post = post_repo.get_own(session, user_id=user.id, post_id=parse_id(post_id, "post"))
    if post is None:
        raise not_found("post")
    try:
        clean = photos.clean(photo.file.read(photos.MAX_PHOTO_BYTES + 1))
    except photos.PhotoError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None
    previous = post.photo_path
    stored = photos.store(clean, user_id=user.id)
    post_repo.update(session, user_id=user.id, post_id=post.id, changes={"photo_path": stored})
    background.add_task(photos.remove, previous)
    found = post_repo.get_visible(session, viewer_id=user.id, post_id=post.id)
    assert found is not None
    liked = bool(post_repo.liked_by(session, user_id=user.id, post_ids=[post.id]))
    return PostPublic.of(*found, liked=liked)


@router.delete(
    "/{post_id}/photo", status_code=status.HTTP_204_NO_CONTENT, response_class=Response, summary="Remove a post's photo"
)
def delete_photo(post_id: str, user: CurrentUser, session: SessionDep, background: BackgroundTasks) -> Response:
    """Remove the photo from one of the user's own posts."""
    post = post_repo.get_own(session, user_id=user.id, post_id=parse_id(post_id, "post"))
    if post is None or post.photo_path is None:
        raise not_found("photo")
    previous = post.photo_path
    post_repo.update(session, user_id=user.id, post_id=post.id, changes={"photo_path": None})
    background.add_task(photos.remove, previous)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/{post_id}/photo", response_class=FileResponse, summary="A post's photo", responses=JPEG_RESPONSE)
def get_photo(
    post_id: str,
    request: Request,
    session: SessionDep,
    credentials: OptionalBearer,
    expires: Expires = None,
    sig: Signature = None,
) -> FileResponse:
    """The photo of any post, for a bearer or with the signature of the post's `photo_url` (for `<img>`)."""
    post_uuid = parse_id(post_id, "post")
    viewer = signed_or_signed_in(
        request, session, credentials, kind="post", object_id=post_uuid, expires=expires, sig=sig
    )
    if viewer is None:
        path = post_repo.photo_path_of(session, post_id=post_uuid)
    else:
        found = post_repo.get_visible(session, viewer_id=viewer.id, post_id=post_uuid)
        path = found[0].photo_path if found else None
    return jpeg(photos.resolve(path) if path else None)

"""The signed-in user's profile and preferences, a download of all their data, and closing the account."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, BackgroundTasks, Depends, File, Response, UploadFile, status

from wheels_wins.api.deps import CurrentUser, SessionDep, per_user_rate_limit, rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope, not_found
from wheels_wins.api.schemas.account import AccountDelete
from wheels_wins.api.schemas.users import MePublic, MeUpdate, NotificationSettings, NotificationSettingsUpdate
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import accounts, avatars, data_export, photos

router = APIRouter(prefix="/me", tags=["me"], responses={401: ERROR_RESPONSES[401]})
_MB = photos.MAX_PHOTO_BYTES // (1024 * 1024)


@router.get("", response_model=MePublic, summary="My profile")
def get_me(user: CurrentUser) -> MePublic:
    """The signed-in user's profile and preferences."""
    return MePublic.of(user)


@router.patch("", response_model=MePublic, summary="Update my profile", responses={422: ERROR_RESPONSES[422]})
def update_me(body: MeUpdate, user: CurrentUser, session: SessionDep) -> MePublic:
    """Change the name, bio, home base or preferences (currency, units, timezone)."""
    changes = body.changes()
    preferences = changes.pop("preferences", None) or {}
    updated = users_repo.update_profile(session, user_id=user.id, **changes, **preferences)
    assert updated is not None
    return MePublic.of(updated)


@router.get(
    "/export",
    response_class=Response,
    summary="Download all my data",
    responses={200: {"content": {"application/zip": {}}, "description": "A zip of JSON and CSV files"}},
)
def export_me(user: CurrentUser, session: SessionDep) -> Response:
    """Everything the account holds as a zip: per table a JSON and a CSV file, plus the profile (no secrets)."""
    content = data_export.build_zip(session, user_id=user.id)
    return Response(
        content,
        media_type="application/zip",
        headers={
            "Content-Disposition": f'attachment; filename="{data_export.filename()}"',
            "Cache-Control": "no-store",
        },
    )


@router.delete(
    "",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete my account",
    dependencies=[Depends(rate_limit("delete_account", limit=10))],
    responses={
        403: {"model": ErrorEnvelope, "description": "Wrong password, or called with an access token"},
        422: ERROR_RESPONSES[422],
    },
)
async def delete_me(body: AccountDelete, user: CurrentUser) -> Response:
    """Delete the account and every record in it, in one transaction, after checking the password."""
    await accounts.close_account(user, body.password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.put(
    "/avatar",
    response_model=MePublic,
    summary="Set my profile photo",
    dependencies=[Depends(per_user_rate_limit("avatar", limit=30))],
    responses={
        413: {"model": ErrorEnvelope, "description": f"`file_too_large`: over {_MB} MB"},
        422: ERROR_RESPONSES[422],
        429: {"model": ErrorEnvelope},
    },
)
def put_avatar(
    user: CurrentUser,
    session: SessionDep,
    background: BackgroundTasks,
    photo: Annotated[UploadFile, File(description=f"A {photos.ACCEPTED} image, at most {_MB} MB")],
) -> MePublic:
    """Set or replace the profile photo: checked by its content, cropped square from the centre, 512 px.

    422 codes: `empty_file`, `unsupported_photo`, `corrupt_photo`, `photo_too_big` (too many pixels)."""
    try:
        clean = avatars.prepare(photo.file.read(photos.MAX_PHOTO_BYTES + 1))
    except photos.PhotoError as exc:
        raise ApiError(exc.status, exc.code, exc.message) from None
    changed = users_repo.set_avatar(session, user_id=user.id, avatar_path=avatars.store(clean))
    assert changed is not None
    updated, previous = changed
    background.add_task(avatars.remove, previous)  # background tasks run after the commit
    return MePublic.of(updated)


@router.delete(
    "/avatar",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Remove my profile photo",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_avatar(user: CurrentUser, session: SessionDep, background: BackgroundTasks) -> Response:
    """Remove the profile photo (initials show instead); 404 when there is none."""
    if user.avatar_path is None:
        raise not_found("photo")
    changed = users_repo.set_avatar(session, user_id=user.id, avatar_path=None)
    assert changed is not None
    background.add_task(avatars.remove, changed[1])
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.get("/notification-settings", response_model=NotificationSettings, summary="My notification choices")
def get_notification_settings(user: CurrentUser) -> NotificationSettings:
    """Which notifications the user gets; a kind switched off creates no notifications at all."""
    return NotificationSettings(**users_repo.notification_choices(user))


@router.put(
    "/notification-settings",
    response_model=NotificationSettings,
    summary="Change my notification choices",
    responses={422: ERROR_RESPONSES[422]},
)
def put_notification_settings(
    body: NotificationSettingsUpdate, user: CurrentUser, session: SessionDep
) -> NotificationSettings:
    """Switch budget alerts, maintenance due, comments or likes on or off (the fields not sent stay)."""
    updated = users_repo.set_notification_choices(session, user_id=user.id, **body.changes())
    assert updated is not None
    return NotificationSettings(**users_repo.notification_choices(updated))

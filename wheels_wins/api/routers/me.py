"""The signed-in user's profile and preferences, a download of all their data, and closing the account."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Response, status

from wheels_wins.api.deps import CurrentUser, SessionDep, rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ErrorEnvelope
from wheels_wins.api.schemas.account import AccountDelete
from wheels_wins.api.schemas.users import MePublic, MeUpdate
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import account_deletion, data_export

router = APIRouter(prefix="/me", tags=["me"], responses={401: ERROR_RESPONSES[401]})


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
async def delete_me(body: AccountDelete, user: CurrentUser, session: SessionDep) -> Response:
    """Delete the account and every record in it, in one transaction, after checking the password."""
    await asyncio.to_thread(account_deletion.delete_account, session, user=user, password=body.password)
    return Response(status_code=status.HTTP_204_NO_CONTENT)

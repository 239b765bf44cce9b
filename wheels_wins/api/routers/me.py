"""The signed-in user's profile and preferences."""

from __future__ import annotations

from fastapi import APIRouter

from wheels_wins.api.deps import CurrentUser, SessionDep
from wheels_wins.api.errors import ERROR_RESPONSES
from wheels_wins.api.schemas.users import MePublic, MeUpdate
from wheels_wins.repositories import users as users_repo

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

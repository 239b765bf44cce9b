"""Accounts: registration, login, password change and the signed-in user's profile."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from wheels_wins.api.schemas.common import Currency, Patch, Schema, Str, TimeZoneName
from wheels_wins.models import User
from wheels_wins.services import avatars

# The password policy (8-128 characters, not common) lives in services.passwords; this bound
# only stops megabyte-long strings reaching the hasher.
PASSWORD_FIELD_MAX = 1024


class RegisterRequest(Schema):
    """A new account."""

    email: Str = Field(min_length=1, max_length=320, examples=["jo@example.com"])
    password: str = Field(min_length=1, max_length=PASSWORD_FIELD_MAX)
    full_name: Str = Field("", max_length=120)


class LoginRequest(Schema):
    """Credentials."""

    email: Str = Field(min_length=1, max_length=320)
    password: str = Field(min_length=1, max_length=PASSWORD_FIELD_MAX)


class PasswordChange(Schema):
    """The current password and its replacement."""

    current_password: str = Field(min_length=1, max_length=PASSWORD_FIELD_MAX)
    new_password: str = Field(min_length=1, max_length=PASSWORD_FIELD_MAX)


class UserBrief(Schema):
    """Who a token belongs to."""

    id: uuid.UUID
    email: str
    full_name: str


class AuthResponse(Schema):
    """A bearer token and its user."""

    access_token: str
    token_type: Literal["bearer"] = "bearer"
    user: UserBrief


class RegistrationPending(Schema):
    """Supabase Auth created the account but wants the address confirmed before the first sign-in."""

    status: Literal["confirmation_required"] = "confirmation_required"
    message: str


class Preferences(Schema):
    """How the user wants money, distances and times shown."""

    currency: str
    units: Literal["metric", "imperial"]
    timezone: str


class PreferencesUpdate(Patch):
    """Preferences to change."""

    currency: Currency | None = None
    units: Literal["metric", "imperial"] | None = None
    timezone: TimeZoneName | None = None


class MePublic(Schema):
    """The signed-in user's profile."""

    id: uuid.UUID
    email: str
    full_name: str
    preferences: Preferences
    bio: str = ""
    home_base: str = ""
    avatar_url: str = Field(
        "", description="A signed URL of the profile photo (valid an hour or two); empty without one"
    )

    @classmethod
    def of(cls, user: User) -> MePublic:
        """The profile of `user`."""
        return cls(
            id=user.id,
            email=user.email,
            full_name=user.full_name,
            preferences=Preferences(currency=user.currency, units=user.units, timezone=user.timezone),  # type: ignore[arg-type]
            bio=user.bio,
            home_base=user.home_base,
            avatar_url=avatars.avatar_url(user.avatar_path),
        )


class MeUpdate(Patch):
    """Profile fields to change."""

    full_name: Str | None = Field(None, max_length=120)
    bio: Str | None = Field(None, max_length=500)
    home_base: Str | None = Field(None, max_length=120)
    preferences: PreferencesUpdate | None = None


class NotificationSettings(Schema):
    """Which notifications the user gets (budget alerts, maintenance due, comments and likes on their posts)."""

    budget: bool
    maintenance: bool
    comments: bool
    likes: bool


class NotificationSettingsUpdate(Patch):
    """Notification choices to change; the others stay as they are."""

    budget: bool | None = None
    maintenance: bool | None = None
    comments: bool | None = None
    likes: bool | None = None

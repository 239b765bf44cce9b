"""User accounts: the one table that is not owned by a user, so lookups go by id, email or sub."""

from __future__ import annotations

import uuid

from sqlmodel import Session, select

from wheels_wins.db import new_id, utcnow
from wheels_wins.models import User
from wheels_wins.repositories import row_security
from wheels_wins.settings import get_settings


def get_by_id(session: Session, *, user_id: uuid.UUID) -> User | None:
    """The user with this id, or None."""
    row_security.as_user(session, user_id)
    return session.get(User, user_id)


def get_by_email(session: Session, *, email: str) -> User | None:
    """The user with this email (compared in its normalised lowercase form), or None."""
    with row_security.system(session):  # signing in: nobody is acting yet
        return session.exec(select(User).where(User.email == email.strip().lower())).first()


def get_by_supabase_sub(session: Session, *, supabase_sub: str) -> User | None:
    """The user linked to this Supabase user id, or None."""
    with row_security.system(session):  # signing in: nobody is acting yet
        return session.exec(select(User).where(User.supabase_sub == supabase_sub)).first()


def create(
    session: Session,
    *,
    email: str,
    password_hash: str | None,
    full_name: str = "",
    currency: str | None = None,
    units: str | None = None,
    timezone: str | None = None,
    supabase_sub: str | None = None,
) -> User:
    """Add a user (preferences default to the configured ones) and flush."""
    settings = get_settings()
    user = User(
        id=new_id(),
        email=email.strip().lower(),
        password_hash=password_hash,
        full_name=full_name,
        currency=currency or settings.default_currency,
        units=units or settings.default_units,
        timezone=timezone or settings.default_timezone,
        supabase_sub=supabase_sub,
    )
    row_security.as_user(session, user.id)
    session.add(user)
    session.flush()
    return user


def update_profile(
    session: Session,
    *,
    user_id: uuid.UUID,
    full_name: str | None = None,
    currency: str | None = None,
    units: str | None = None,
    timezone: str | None = None,
    voice_enabled: bool | None = None,
    bio: str | None = None,
    home_base: str | None = None,
) -> User | None:
    """Change the given profile fields (None leaves a field as it is); None when no such user."""
    row_security.as_user(session, user_id)
    user = session.get(User, user_id)
    if user is None:
        return None
    changes = {
        "full_name": full_name,
        "currency": currency,
        "units": units,
        "timezone": timezone,
        "voice_enabled": voice_enabled,
        "bio": bio,
        "home_base": home_base,
    }
    for key, value in changes.items():
        if value is not None:
            setattr(user, key, value)
    user.updated_at = utcnow()
    session.add(user)
    session.flush()
    return user


def set_password_hash(session: Session, *, user_id: uuid.UUID, password_hash: str) -> User | None:
    """Replace the user's password hash; None when no such user."""
    row_security.as_user(session, user_id)
    user = session.get(User, user_id)
    if user is None:
        return None
    user.password_hash = password_hash
    user.updated_at = utcnow()
    session.add(user)
    session.flush()
    return user


def set_avatar(session: Session, *, user_id: uuid.UUID, avatar_path: str | None) -> tuple[User, str | None] | None:
    """Point the user's profile photo at `avatar_path` (None removes it); the user and the path it replaced."""
    row_security.as_user(session, user_id)
    user = session.get(User, user_id)
    if user is None:
        return None
    previous = user.avatar_path
    user.avatar_path = avatar_path
    user.updated_at = utcnow()
    session.add(user)
    session.flush()
    return user, previous


def avatar_in_use(session: Session, *, avatar_path: str) -> bool:
    """Whether some account's profile photo is this stored file."""
    with row_security.system(session):  # about every account, whoever asks
        return session.exec(select(User.id).where(User.avatar_path == avatar_path)).first() is not None


NOTIFICATION_CHOICES: dict[str, str] = {
    "budget": "notify_budget",
    "maintenance": "notify_maintenance",
    "comments": "notify_comments",
    "likes": "notify_likes",
}
"""The notification choices a user makes (name → users column)."""


def notification_choices(user: User) -> dict[str, bool]:
    """The user's choices: {"budget": True, "maintenance": True, "comments": True, "likes": False}."""
    return {name: bool(getattr(user, column)) for name, column in NOTIFICATION_CHOICES.items()}


def set_notification_choices(session: Session, *, user_id: uuid.UUID, **choices: bool | None) -> User | None:
    """Switch notification kinds on or off by choice name (None leaves one as it is); None when no such user."""
    row_security.as_user(session, user_id)
    unknown = set(choices) - set(NOTIFICATION_CHOICES)
    if unknown:
        raise ValueError(f"unknown notification choices: {', '.join(sorted(unknown))}")
    user = session.get(User, user_id)
    if user is None:
        return None
    for name, value in choices.items():
        if value is not None:
            setattr(user, NOTIFICATION_CHOICES[name], bool(value))
    user.updated_at = utcnow()
    session.add(user)
    session.flush()
    return user

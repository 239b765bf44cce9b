"""Accounts, their login sessions and their personal access tokens."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import CheckConstraint
from sqlmodel import Field

from wheels_wins.models.base import TableBase, owner_field, timestamp_field


class User(TableBase, table=True):
    """A person with an account; preferences live on the row."""

    __tablename__ = "users"

    email: str = Field(max_length=254, unique=True, index=True)
    password_hash: str | None = Field(default=None, max_length=255)
    full_name: str = Field(default="", max_length=120)
    currency: str = Field(default="AUD", max_length=3)
    units: str = Field(default="metric", max_length=8)
    timezone: str = Field(default="Australia/Sydney", max_length=64)
    voice_enabled: bool = True
    bio: str = Field(default="", max_length=500)
    home_base: str = Field(default="", max_length=120)
    avatar_path: str | None = Field(default=None, max_length=200)
    notify_budget: bool = True
    notify_maintenance: bool = True
    notify_comments: bool = True
    notify_likes: bool = True
    supabase_sub: str | None = Field(default=None, max_length=64, unique=True)


class AuthSession(TableBase, table=True):
    """A login session; only the SHA-256 of its opaque token is stored."""

    __tablename__ = "auth_sessions"

    user_id: uuid.UUID = owner_field()
    token_hash: str = Field(max_length=64, unique=True, index=True)
    last_used_at: dt.datetime = timestamp_field(nullable=False)
    expires_at: dt.datetime = timestamp_field(nullable=False)
    revoked_at: dt.datetime | None = timestamp_field()
    user_agent: str = Field(default="", max_length=200)


class PersonalAccessToken(TableBase, table=True):
    """A long-lived token for an integration, read-only or read-write; only its SHA-256 is stored."""

    __tablename__ = "personal_access_tokens"
    __table_args__ = (CheckConstraint("scope IN ('read', 'write')", name="ck_personal_access_tokens_scope"),)

    user_id: uuid.UUID = owner_field()
    name: str = Field(max_length=80)
    scope: str = Field(default="read", max_length=5)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    prefix: str = Field(max_length=16)
    last_used_at: dt.datetime | None = timestamp_field()
    revoked_at: dt.datetime | None = timestamp_field()

"""Personal access tokens: long-lived bearer tokens an integration uses instead of a login session.

A token reads `ww_pat_` followed by 32 random bytes (URL-safe base64). It is shown to its owner
once, when created; the database keeps its SHA-256 and its first characters (to recognise it in a
list). A "read" token may only read; a "write" token may also change data. Neither can manage
tokens, the password or the account: the REST layer (`wheels_wins.api.deps`) enforces both rules
for every route, and the browser app never accepts these tokens at all.

Like `wheels_wins.services.auth`, every function takes the caller's `Session` and never commits.
"""

from __future__ import annotations

import secrets
import uuid
from typing import Literal

from sqlmodel import Session

from wheels_wins.db import utcnow
from wheels_wins.models import PersonalAccessToken, User
from wheels_wins.repositories import access_tokens as tokens_repo
from wheels_wins.repositories import users as users_repo
from wheels_wins.services.auth import MAX_TOKEN_LENGTH, hash_token

TOKEN_PREFIX = "ww_pat_"
PREFIX_SHOWN = len(TOKEN_PREFIX) + 5
MAX_NAME_LENGTH = 80
MAX_TOKENS_PER_USER = 50
Scope = Literal["read", "write"]
SCOPES: tuple[str, ...] = ("read", "write")
READ_METHODS = frozenset({"GET", "HEAD", "OPTIONS"})


class TokenError(ValueError):
    """A refused token request, naming the field at fault."""

    def __init__(self, field: str, message: str) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message


def looks_like_access_token(token: str) -> bool:
    """Whether a bearer token is a personal access token (rather than a session or Supabase token)."""
    return token.startswith(TOKEN_PREFIX)


def validate(name: str, scope: str) -> tuple[str, str]:
    """The trimmed name and the scope, or TokenError naming the field."""
    name = name.strip()
    if not name:
        raise TokenError("name", "Give the token a name, such as the app that will use it.")
    if len(name) > MAX_NAME_LENGTH:
        raise TokenError("name", f"Keep the name under {MAX_NAME_LENGTH} characters.")
    if scope not in SCOPES:
        raise TokenError("scope", "Choose read-only or read and write.")
    return name, scope


def create(session: Session, *, user_id: uuid.UUID, name: str, scope: str) -> tuple[PersonalAccessToken, str]:
    """Create a token for the user; the stored row and the token itself (never retrievable again)."""
    name, scope = validate(name, scope)
    if len(tokens_repo.list_active(session, user_id=user_id)) >= MAX_TOKENS_PER_USER:
        raise TokenError("name", f"You have {MAX_TOKENS_PER_USER} tokens already; revoke one you no longer use.")
    token = TOKEN_PREFIX + secrets.token_urlsafe(32)
    row = tokens_repo.create(
        session, user_id=user_id, name=name, scope=scope, token_hash=hash_token(token), prefix=token[:PREFIX_SHOWN]
    )
    return row, token


def authenticate(session: Session, token: str) -> tuple[User, PersonalAccessToken] | None:
    """The owner of a live access token and the token's row, recording its use; None if unknown or revoked."""
    if not looks_like_access_token(token) or len(token) > MAX_TOKEN_LENGTH:
        return None
    row = tokens_repo.get_active_by_hash(session, token_hash=hash_token(token))
    if row is None:
        return None
    user = users_repo.get_by_id(session, user_id=row.user_id)
    if user is None:
        return None
    tokens_repo.touch(session, token=row, now=utcnow())
    return user, row


def allows_method(scope: str, method: str) -> bool:
    """Whether a token of this scope may make a request with this HTTP method (read tokens only read)."""
    return scope == "write" or method.upper() in READ_METHODS


def list_tokens(session: Session, *, user_id: uuid.UUID) -> list[PersonalAccessToken]:
    """The user's live tokens, newest first."""
    return tokens_repo.list_active(session, user_id=user_id)


def revoke(session: Session, *, user_id: uuid.UUID, token_id: uuid.UUID) -> bool:
    """Revoke one of the user's tokens at once; False when it is not theirs or already revoked."""
    return tokens_repo.revoke(session, user_id=user_id, token_id=token_id, now=utcnow())

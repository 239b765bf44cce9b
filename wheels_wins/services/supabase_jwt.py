"""Verification of Supabase access tokens (JWTs), for clients that sign in through Supabase.

Enabled when `SUPABASE_JWT_SECRET` is set, or SUPABASE_URL with SUPABASE_ANON_KEY (Supabase
mode). HS256 tokens are checked against that shared secret; RS256/ES256 tokens (Supabase's
asymmetric signing keys) against the project's JWKS at
`{SUPABASE_URL}/auth/v1/.well-known/jwks.json`, fetched and cached by `jwt.PyJWKClient`.
Every token must carry a valid signature, `exp` and `sub`, pass `nbf`, and name the configured
audience; when SUPABASE_URL is set its issuer must be `{SUPABASE_URL}/auth/v1`.

A JWKS fetch is blocking network I/O: like the rest of authentication, call this from a thread.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import jwt

from wheels_wins.settings import Settings, get_settings

SHARED_SECRET_ALGORITHMS = frozenset({"HS256"})
JWKS_ALGORITHMS = frozenset({"RS256", "ES256"})
MAX_TOKEN_LENGTH = 8192
LEEWAY_SECONDS = 5
MAX_SUB_LENGTH = 64  # User.supabase_sub; Supabase uses UUIDs
JWKS_TIMEOUT_SECONDS = 5


class InvalidSupabaseToken(Exception):
    """The token is not a valid Supabase access token for this project."""


@dataclass(frozen=True)
class SupabaseIdentity:
    """Who a verified token speaks for."""

    sub: str
    email: str | None
    claims: dict[str, Any] = field(repr=False)


def is_enabled(settings: Settings | None = None) -> bool:
    """Whether Supabase access tokens are accepted: with the JWT secret, or in Supabase mode (URL and anon key)."""
    settings = settings or get_settings()
    return bool(settings.supabase_jwt_secret or (settings.supabase_url and settings.supabase_anon_key))


def looks_like_jwt(token: str) -> bool:
    """Whether `token` has the three-part shape of a JWT (opaque session tokens have no dots)."""
    return token.count(".") == 2


def _base_url(settings: Settings) -> str | None:
    return settings.supabase_url.rstrip("/") if settings.supabase_url else None


@lru_cache(maxsize=8)
def _jwks_client(jwks_url: str) -> jwt.PyJWKClient:
    return jwt.PyJWKClient(jwks_url, cache_keys=True, lifespan=600, timeout=JWKS_TIMEOUT_SECONDS)


def _signing_key(token: str, algorithm: str, settings: Settings) -> Any:
    if algorithm in SHARED_SECRET_ALGORITHMS:
        return settings.supabase_jwt_secret
    base_url = _base_url(settings)
    if algorithm in JWKS_ALGORITHMS and base_url:
        return _jwks_client(f"{base_url}/auth/v1/.well-known/jwks.json").get_signing_key_from_jwt(token)
    raise InvalidSupabaseToken(f"algorithm {algorithm!r} is not accepted")


def verify_access_token(token: str, settings: Settings | None = None) -> SupabaseIdentity:
    """The identity in a fully verified Supabase access token; raises InvalidSupabaseToken otherwise."""
    settings = settings or get_settings()
    if not is_enabled(settings):
        raise InvalidSupabaseToken("Supabase tokens are not accepted here")
    if len(token) > MAX_TOKEN_LENGTH or not looks_like_jwt(token):
        raise InvalidSupabaseToken("not a JWT")
    try:
        algorithm = jwt.get_unverified_header(token).get("alg")
        if not isinstance(algorithm, str):
            raise InvalidSupabaseToken("no algorithm")
        key = _signing_key(token, algorithm, settings)
        base_url = _base_url(settings)
        claims = jwt.decode(
            token,
            key,
            algorithms=[algorithm],
            audience=settings.supabase_jwt_audience,
            issuer=f"{base_url}/auth/v1" if base_url else None,
            leeway=LEEWAY_SECONDS,
            options={"require": ["sub", "exp", "aud"], "verify_signature": True},
        )
    except jwt.PyJWTError as exc:
        raise InvalidSupabaseToken(str(exc)) from exc
    sub = claims.get("sub")
    if not isinstance(sub, str) or not sub or len(sub) > MAX_SUB_LENGTH:
        raise InvalidSupabaseToken("no usable subject")
    email = claims.get("email")
    email = email.strip().lower() if isinstance(email, str) and email.strip() else None
    return SupabaseIdentity(sub=sub, email=email, claims=claims)

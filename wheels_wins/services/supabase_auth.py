"""Supabase Auth: sign-up, sign-in and password changes through the `supabase` client.

Enabled when SUPABASE_URL and SUPABASE_ANON_KEY are set. Every call builds its own client with an
in-memory session store that dies with the call, so one user's Supabase session can never serve
another request. The access token Supabase returns is verified locally (`supabase_jwt`: HS256 with
the JWT secret, or the project's JWKS) before its subject is trusted; the app then opens its own
session for the local user linked to that subject (`auth.open_session`).

Supabase's answers become `AuthError`s with the API's codes: bad credentials 401, an unconfirmed
address 403, a taken email 409, a weak password 422, its rate limit 429, and anything else
(unreachable, timed out, 5xx, garbage) 503 `auth_unavailable`.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, TypeVar

import httpx

from wheels_wins.services import supabase_jwt
from wheels_wins.services.auth import INVALID_CREDENTIALS, AuthError
from wheels_wins.services.supabase_jwt import SupabaseIdentity
from wheels_wins.settings import Settings, get_settings

if TYPE_CHECKING:  # the SDK itself (~40 MB) is imported only once Supabase mode is on
    from supabase._async.auth_client import AsyncSupabaseAuthClient
    from supabase_auth.errors import AuthError as SupabaseError
    from supabase_auth.types import UserResponse

log = logging.getLogger(__name__)
T = TypeVar("T")

CONFIRMATION_SENT = "We've emailed you a link: confirm your address, then sign in."
_UNAVAILABLE = "The sign-in service can't be reached right now. Please try again in a minute."


def is_enabled(settings: Settings | None = None) -> bool:
    """Whether accounts live in Supabase Auth (SUPABASE_URL and SUPABASE_ANON_KEY are set)."""
    settings = settings or get_settings()
    return bool(settings.supabase_url and settings.supabase_anon_key)


def _unavailable() -> AuthError:
    return AuthError("auth_unavailable", _UNAVAILABLE, 503)


def _refusal(error: SupabaseError) -> AuthError:
    """Supabase's error as ours; the raw message is logged, never shown (it can name internals)."""
    from supabase_auth.errors import AuthWeakPasswordError

    code = getattr(error, "code", None) or ""
    status = getattr(error, "status", 0) or 0
    if isinstance(error, AuthWeakPasswordError) or code == "weak_password":
        return AuthError("invalid_password", "Choose a stronger password: " + error.message.rstrip("."), 422)
    if code in ("invalid_credentials", "invalid_grant") or (status == 400 and not code):
        return AuthError("invalid_credentials", INVALID_CREDENTIALS, 401)
    if code == "email_not_confirmed":
        return AuthError("email_not_confirmed", "Confirm your email address first: " + CONFIRMATION_SENT, 403)
    if code in ("user_already_exists", "email_exists"):
        return AuthError("email_taken", "An account with this email address already exists.", 409)
    if code == "same_password":
        return AuthError("invalid_password", "The new password must differ from the current one.", 422)
    if code.startswith("over_") or status == 429:
        return AuthError("rate_limited", "Too many attempts; please wait a minute and try again.", 429)
    log.warning("Supabase Auth refused a request: status=%s code=%s", status, code or "-")
    return _unavailable()


async def _call(operation: Callable[[AsyncSupabaseAuthClient], Awaitable[T]], settings: Settings) -> T:
    """Run `operation(client.auth)` on a fresh client; Supabase and transport errors become `AuthError`."""
    from supabase import AsyncClientOptions, acreate_client
    from supabase_auth.errors import AuthApiError
    from supabase_auth.errors import AuthError as SupabaseError

    timeout = httpx.Timeout(settings.supabase_timeout_seconds)
    async with httpx.AsyncClient(timeout=timeout) as http:
        options = AsyncClientOptions(auto_refresh_token=False, persist_session=False, httpx_client=http)
        try:
            client = await acreate_client(str(settings.supabase_url), str(settings.supabase_anon_key), options)
            return await asyncio.wait_for(operation(client.auth), settings.supabase_timeout_seconds * 2)
        except AuthApiError as exc:
            raise _refusal(exc) from None
        except SupabaseError as exc:  # retryable, missing session, malformed answer...
            log.warning("Supabase Auth failed: %s", exc.__class__.__name__)
            raise _unavailable() from None
        except (httpx.HTTPError, TimeoutError, ValueError) as exc:
            log.warning("Supabase Auth unreachable: %s", exc.__class__.__name__)
            raise _unavailable() from None


async def _verified(access_token: str, settings: Settings) -> SupabaseIdentity:
    """The identity in a token Supabase just issued, verified like any other (JWKS fetches block: a thread)."""
    try:
        return await asyncio.to_thread(supabase_jwt.verify_access_token, access_token, settings)
    except supabase_jwt.InvalidSupabaseToken as exc:
        log.error("Supabase Auth issued a token that does not verify here: %s", exc)
        raise _unavailable() from None


async def sign_in(email: str, password: str, settings: Settings | None = None) -> SupabaseIdentity:
    """Check the credentials with Supabase; the verified identity, or an `AuthError`."""
    settings = settings or get_settings()
    response = await _call(lambda auth: auth.sign_in_with_password({"email": email, "password": password}), settings)
    if response.session is None:
        raise _unavailable()
    return await _verified(response.session.access_token, settings)


async def sign_up(
    email: str, password: str, full_name: str, settings: Settings | None = None
) -> SupabaseIdentity | None:
    """Create the Supabase account; its verified identity, or None when Supabase first wants the address confirmed."""
    settings = settings or get_settings()
    credentials = {"email": email, "password": password, "options": {"data": {"full_name": full_name}}}
    response = await _call(lambda auth: auth.sign_up(credentials), settings)
    if response.session is None:
        return None
    return await _verified(response.session.access_token, settings)


async def change_password(
    email: str, current_password: str, new_password: str, settings: Settings | None = None
) -> None:
    """Sign in with the current password (which proves it) and set the new one, on one short-lived client."""
    settings = settings or get_settings()

    async def change(auth: AsyncSupabaseAuthClient) -> UserResponse:
        await auth.sign_in_with_password({"email": email, "password": current_password})
        return await auth.update_user({"password": new_password})

    try:
        await _call(change, settings)
    except AuthError as exc:
        if exc.code == "invalid_credentials":
            raise AuthError("invalid_current_password", "Current password is incorrect.", 401) from None
        raise

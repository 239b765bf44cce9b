"""Accounts: registration, login, opaque sessions, Supabase access tokens, password changes.

Every function takes the caller's `Session` and never commits: wrap a call in
`wheels_wins.db.session_scope()`. Argon2 verification costs tens of milliseconds of CPU and a
Supabase JWKS fetch is blocking I/O, so async callers run these functions in a worker thread:
`await asyncio.to_thread(auth.login, session, email=..., password=...)`.

Session tokens are 256-bit random strings handed to the client once; the database keeps only
their SHA-256. A session ends when revoked, when unused for `session_idle_minutes`, or
`session_absolute_days` after login, whichever comes first.

The one exception to "never touches the transaction": when `authenticate` loses a race to
create the local user for a first-seen Supabase identity, it rolls the session back and reads
the winner's row (authentication comes first in a request, so there is no earlier work to lose).

Login throttling lives in `wheels_wins.services.throttle` and is applied by the caller, which
knows the client's address.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
import re
import secrets

from sqlalchemy.exc import IntegrityError
from sqlmodel import Session

from wheels_wins.db import utcnow
from wheels_wins.models import User
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import passwords, supabase_jwt
from wheels_wins.settings import get_settings

log = logging.getLogger(__name__)

INVALID_CREDENTIALS = "Email or password is incorrect."
MAX_EMAIL_LENGTH = 254
MAX_FULL_NAME_LENGTH = 120
MAX_TOKEN_LENGTH = 8192
_EMAIL_RE = re.compile(r"^[^@\s]{1,64}@[^@\s.]+(\.[^@\s.]+)+$")


class AuthError(Exception):
    """A refused account operation, carrying an API error code, a user-facing message and an HTTP status."""

    def __init__(self, code: str, message: str, status: int) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status

    def __repr__(self) -> str:
        return f"AuthError({self.code!r}, {self.message!r}, {self.status})"


def hash_token(token: str) -> str:
    """The SHA-256 hex digest under which a session token is stored."""
    return hashlib.sha256(token.encode("utf-8")).hexdigest()


def normalise_email(email: str) -> str:
    """The canonical form of an email address: trimmed and lowercased."""
    return email.strip().lower()


def is_valid_email(email: str) -> bool:
    """Whether a normalised email address is plausibly deliverable (one @, a dotted domain, no spaces)."""
    return len(email) <= MAX_EMAIL_LENGTH and email.isprintable() and _EMAIL_RE.match(email) is not None


def _invalid_credentials() -> AuthError:
    return AuthError("invalid_credentials", INVALID_CREDENTIALS, 401)


def _issue_token(session: Session, *, user: User, user_agent: str) -> str:
    token = secrets.token_urlsafe(32)
    expires_at = utcnow() + dt.timedelta(days=get_settings().session_absolute_days)
    sessions_repo.create(
        session, user_id=user.id, token_hash=hash_token(token), expires_at=expires_at, user_agent=user_agent
    )
    return token


def validate_registration(session: Session, *, email: str, password: str, full_name: str = "") -> tuple[str, str]:
    """The normalised email and name for a new account; AuthError (422, or 409 if the email is taken) otherwise."""
    email = normalise_email(email)
    if not is_valid_email(email):
        raise AuthError("invalid_email", "Email address is not valid.", 422)
    full_name = full_name.strip()
    if len(full_name) > MAX_FULL_NAME_LENGTH:
        raise AuthError("invalid_full_name", f"Full name must be at most {MAX_FULL_NAME_LENGTH} characters.", 422)
    problem = passwords.validate_password(password, email)
    if problem is not None:
        raise AuthError("invalid_password", problem, 422)
    if users_repo.get_by_email(session, email=email) is not None:
        raise _email_taken()
    return email, full_name


def _email_taken() -> AuthError:
    return AuthError("email_taken", "An account with this email address already exists.", 409)


def register(
    session: Session, *, email: str, password: str, full_name: str = "", user_agent: str = ""
) -> tuple[User, str]:
    """Create an account and sign it in; the new user and their session token."""
    email, full_name = validate_registration(session, email=email, password=password, full_name=full_name)
    try:
        user = users_repo.create(
            session, email=email, password_hash=passwords.hash_password(password), full_name=full_name
        )
    except IntegrityError as exc:  # a concurrent registration won the race
        raise _email_taken() from exc
    return user, _issue_token(session, user=user, user_agent=user_agent)


def login(session: Session, *, email: str, password: str, user_agent: str = "") -> tuple[User, str]:
    """Check the credentials and open a session; the same 401 for an unknown email and a wrong password."""
    user = users_repo.get_by_email(session, email=normalise_email(email))
    if user is None or user.password_hash is None:
        # Spend the time a real check would, so response times don't reveal which emails exist.
        passwords.dummy_verify(password)
        raise _invalid_credentials()
    if not passwords.verify_password(user.password_hash, password):
        raise _invalid_credentials()
    if passwords.needs_rehash(user.password_hash):
        users_repo.set_password_hash(session, user_id=user.id, password_hash=passwords.hash_password(password))
    return user, _issue_token(session, user=user, user_agent=user_agent)


def authenticate(session: Session, token: str) -> User | None:
    """The user a session token (or, when enabled, a Supabase access token) belongs to; None if invalid."""
    if not token or len(token) > MAX_TOKEN_LENGTH:
        return None
    if supabase_jwt.looks_like_jwt(token):
        return _supabase_user(session, token) if supabase_jwt.is_enabled() else None
    now = utcnow()
    auth_session = sessions_repo.get_active_by_hash(session, token_hash=hash_token(token), now=now)
    if auth_session is None:
        return None
    sessions_repo.touch(session, auth_session=auth_session, now=now)
    return users_repo.get_by_id(session, user_id=auth_session.user_id)


def _supabase_user(session: Session, token: str) -> User | None:
    try:
        identity = supabase_jwt.verify_access_token(token)
    except supabase_jwt.InvalidSupabaseToken as exc:
        log.info("Rejected a Supabase token: %s", exc)
        return None
    return user_for_identity(session, identity)


def user_for_identity(session: Session, identity: supabase_jwt.SupabaseIdentity, *, full_name: str = "") -> User | None:
    """The local user linked to a verified Supabase identity, created on first sight; None if it can't be linked."""
    user = users_repo.get_by_supabase_sub(session, supabase_sub=identity.sub)
    if user is not None:
        return user
    if identity.email is None or not is_valid_email(identity.email):
        log.info("Supabase user %s has no usable email; not creating an account", identity.sub)
        return None
    if users_repo.get_by_email(session, email=identity.email) is not None:
        # Linking by email would let whoever controls that Supabase identity take over a local account.
        log.warning("Supabase user %s has the email of an existing account; not linking it", identity.sub)
        return None
    try:
        return users_repo.create(
            session, email=identity.email, password_hash=None, supabase_sub=identity.sub, full_name=full_name.strip()
        )
    except IntegrityError:
        # A concurrent request created the same user first; its row is visible after the rollback.
        session.rollback()
        return users_repo.get_by_supabase_sub(session, supabase_sub=identity.sub)


def open_session(
    session: Session, *, identity: supabase_jwt.SupabaseIdentity, full_name: str = "", user_agent: str = ""
) -> tuple[User, str]:
    """Sign in the local user behind an identity Supabase Auth just vouched for; their session token."""
    user = user_for_identity(session, identity, full_name=full_name)
    if user is None:
        raise _email_taken()
    return user, _issue_token(session, user=user, user_agent=user_agent)


def logout(session: Session, token: str) -> None:
    """Revoke the session behind `token` (a no-op for Supabase tokens, which the client signs out)."""
    if not token or len(token) > MAX_TOKEN_LENGTH or supabase_jwt.looks_like_jwt(token):
        return
    token_hash = hash_token(token)
    auth_session = sessions_repo.get_active_by_hash(session, token_hash=token_hash, now=utcnow())
    if auth_session is not None:
        sessions_repo.revoke(session, user_id=auth_session.user_id, token_hash=token_hash)


def change_password(
    session: Session, *, user: User, current_password: str, new_password: str, user_agent: str = ""
) -> str:
    """Replace the password, sign out every device, and return a fresh token for this one."""
    if user.password_hash is None or not passwords.verify_password(user.password_hash, current_password):
        raise AuthError("invalid_current_password", "Current password is incorrect.", 401)
    problem = passwords.validate_password(new_password, user.email)
    if problem is not None:
        raise AuthError("invalid_password", problem, 422)
    new_hash = passwords.hash_password(new_password)
    users_repo.set_password_hash(session, user_id=user.id, password_hash=new_hash)
    user.password_hash = new_hash
    return restart_sessions(session, user=user, user_agent=user_agent)


def restart_sessions(session: Session, *, user: User, user_agent: str = "") -> str:
    """Sign out every device (after a password change) and return a fresh token for this one."""
    sessions_repo.revoke_all(session, user_id=user.id)
    return _issue_token(session, user=user, user_agent=user_agent)

"""Sign-up, sign-in and password checks, locally or through Supabase Auth: the one entry for the API and the pages.

Without Supabase (the embedded default) accounts are checked against the Argon2 hashes here. In
Supabase mode (`supabase_auth.is_enabled()`) Supabase Auth holds the passwords: it vouches for
the credentials and the app opens its own session for the linked local user. Accounts created
locally before Supabase was switched on keep signing in with their local password.

Each function runs its database work in one transaction in a worker thread (Argon2 costs tens
of milliseconds of CPU), and the Supabase calls on the event loop with an async client.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import TypeVar

from sqlmodel import Session

from wheels_wins.db import session_scope
from wheels_wins.models import User
from wheels_wins.repositories import row_security
from wheels_wins.services import account_deletion, auth, passwords, supabase_auth

T = TypeVar("T")


async def _in_transaction(work: Callable[[Session], T], *, acting: uuid.UUID | None = None) -> T:
    def run() -> T:
        with session_scope() as session:
            if acting is not None:  # before `merge` looks the signed-in user up
                row_security.as_user(session, acting)
            return work(session)

    return await asyncio.to_thread(run)


async def register(*, email: str, password: str, full_name: str = "", user_agent: str = "") -> tuple[User, str] | None:
    """Create an account and sign it in: the user and a session token, or None when Supabase first wants the address confirmed."""
    if not supabase_auth.is_enabled():
        return await _in_transaction(
            lambda s: auth.register(s, email=email, password=password, full_name=full_name, user_agent=user_agent)
        )
    email, full_name = await _in_transaction(
        lambda s: auth.validate_registration(s, email=email, password=password, full_name=full_name)
    )
    identity = await supabase_auth.sign_up(email, password, full_name)
    if identity is None:
        return None
    return await _in_transaction(
        lambda s: auth.open_session(s, identity=identity, full_name=full_name, user_agent=user_agent)
    )


async def login(*, email: str, password: str, user_agent: str = "") -> tuple[User, str]:
    """Check the credentials and open a session; AuthError 401 (the same for unknown emails and wrong passwords)."""
    email = auth.normalise_email(email)

    def local(session: Session) -> tuple[User, str]:
        return auth.login(session, email=email, password=password, user_agent=user_agent)

    if not supabase_auth.is_enabled():
        return await _in_transaction(local)
    try:
        identity = await supabase_auth.sign_in(email, password)
    except auth.AuthError as exc:
        if exc.code == "invalid_credentials":
            return await _in_transaction(local)  # an account from before Supabase mode, or the same 401
        raise
    return await _in_transaction(lambda s: auth.open_session(s, identity=identity, user_agent=user_agent))


async def change_password(*, user: User, current_password: str, new_password: str, user_agent: str = "") -> str:
    """Replace the password (here or in Supabase Auth), sign out every device, and return a fresh token for this one."""
    if user.password_hash is not None or not user.supabase_sub or not supabase_auth.is_enabled():
        return await _in_transaction(
            lambda s: auth.change_password(
                s,
                user=s.merge(user),
                current_password=current_password,
                new_password=new_password,
                user_agent=user_agent,
            ),
            acting=user.id,
        )
    problem = passwords.validate_password(new_password, user.email)
    if problem is not None:
        raise auth.AuthError("invalid_password", problem, 422)
    await supabase_auth.change_password(user.email, current_password, new_password)
    return await _in_transaction(
        lambda s: auth.restart_sessions(s, user=s.merge(user), user_agent=user_agent), acting=user.id
    )


async def check_password(user: User, password: str) -> bool:
    """Whether `password` is the account's (before closing it, say), wherever the password is kept."""
    if user.password_hash is not None:
        return await asyncio.to_thread(passwords.verify_password, user.password_hash, password)
    if not user.supabase_sub or not supabase_auth.is_enabled():
        return False
    try:
        identity = await supabase_auth.sign_in(user.email, password)
    except auth.AuthError as exc:
        if exc.code == "invalid_credentials":
            return False
        raise
    return identity.sub == user.supabase_sub


async def close_account(user: User, password: str) -> dict[str, int]:
    """Check the password (here or with Supabase Auth), then delete the account and all it holds in one transaction.

    In Supabase mode the Supabase Auth user itself remains (deleting it needs the project's
    service key); signing in with it again would start a new, empty account here.
    """
    if user.password_hash is not None or not user.supabase_sub:
        return await _in_transaction(
            lambda s: account_deletion.delete_account(s, user=s.merge(user), password=password), acting=user.id
        )
    if not await check_password(user, password):
        raise auth.AuthError("wrong_password", account_deletion.WRONG_PASSWORD, 403)
    return await _in_transaction(lambda s: account_deletion.delete_user_data(s, user_id=user.id))

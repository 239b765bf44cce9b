"""The signed-in user: the session token in local storage, display data, and the acting-user helpers.

Every event handler is a public endpoint, so any handler that reads or writes user data
asks for the acting user itself::

    user_id = await current_user_id(self)
    if user_id is None:
        return

A handler that reads as soon as it knows who is acting can check and read in one transaction
(one trip to a worker thread instead of two)::

    found = await run_as_user(self, lambda session, user: repo.list_rows(session, user_id=user.id))
    if found is None:
        return
    user, rows = found

Page guards (`AuthState.require_login` on load) only redirect; they protect nothing.
"""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import Callable
from typing import TypeVar

import reflex as rx
from sqlmodel import Session

from wheels_wins import routes
from wheels_wins.db import parse_uuid, session_scope
from wheels_wins.models import User
from wheels_wins.services import auth as auth_service
from wheels_wins.services import avatars

T = TypeVar("T")

TOKEN_STORAGE_KEY = "ww_token"


async def run_in_session(work: Callable[[Session], T]) -> T:
    """Run sync `work(session)` in a worker thread, inside one transaction opened in that thread."""

    def run() -> T:
        with session_scope() as session:
            return work(session)

    return await asyncio.to_thread(run)


class AuthState(rx.State):
    """The browser's session token and the signed-in user's own display data (nothing sensitive)."""

    token: str = rx.LocalStorage("", name=TOKEN_STORAGE_KEY, sync=True)

    signed_in: bool = False
    user_name: str = ""
    user_email: str = ""
    currency: str = "AUD"
    units: str = "metric"
    timezone: str = "Australia/Sydney"
    voice_enabled: bool = True
    avatar_url: str = ""
    # Who the token last proved to be (server side only): lets a long action check the token again inside
    # its own first transaction instead of in one of its own (see `deferred_check`).
    _user_id: str = ""

    @rx.var
    def display_name(self) -> str:
        """The user's name, or the part of their email before the @."""
        return self.user_name or self.user_email.split("@", 1)[0]

    @rx.var
    def initials(self) -> str:
        """One or two letters for the avatar."""
        words = self.display_name.split()
        letters = "".join(word[0] for word in words[:2]) if words else "?"
        return letters.upper()

    async def _authenticate(self) -> User | None:
        """The user the stored token belongs to; a dead token is forgotten."""
        found = await self._run_as_user(lambda _session, _user: None)
        return found[0] if found is not None else None

    async def _run_as_user(self, work: Callable[[Session, User], T]) -> tuple[User, T] | None:
        """Authenticate the stored token and, if it is alive, run `work(session, user)` in the same transaction."""
        if not self.token:
            self._forget()
            return None
        token = self.token

        def run(session: Session) -> tuple[User, T] | None:
            user = auth_service.authenticate(session, token)
            return None if user is None else (user, work(session, user))

        found = await run_in_session(run)
        if found is None:
            self.token = ""
            self._forget()
            return None
        self._show(found[0])
        return found

    def _show(self, user: User) -> None:
        """Copy the user's own display fields into the public vars (only changed ones, to keep deltas small)."""
        shown = {
            "signed_in": True,
            "user_name": user.full_name or "",
            "user_email": user.email,
            "currency": user.currency,
            "units": user.units,
            "timezone": user.timezone,
            "voice_enabled": user.voice_enabled,
            "avatar_url": avatars.avatar_url(user.avatar_path),
        }
        for name, value in shown.items():
            if getattr(self, name) != value:
                setattr(self, name, value)
        self._user_id = str(user.id)

    def _forget(self) -> None:
        self._user_id = ""
        self.signed_in = False
        self.user_name = ""
        self.user_email = ""
        self.currency = "AUD"
        self.units = "metric"
        self.timezone = "Australia/Sydney"
        self.voice_enabled = True
        self.avatar_url = ""

    def _sign_in(self, user: User, token: str) -> None:
        """Keep a fresh session token in the browser and show the user."""
        self.token = token
        self._show(user)

    async def _forget_page_data(self) -> None:
        """Reset every app state but this one, so the next person in this tab sees nothing of the last."""
        pending = list(type(self).get_root_state().get_substates())
        while pending:
            state_cls = pending.pop()
            pending.extend(state_cls.get_substates())
            if state_cls is not AuthState and state_cls.__module__.startswith("wheels_wins."):
                (await self.get_state(state_cls)).reset()

    def _here(self) -> str:
        url = self.router.url
        path = url.path.rstrip("/") or "/"
        return f"{path}?{url.query}" if url.query else path

    @rx.event
    async def require_login(self):
        """Page guard: send signed-out visitors to the sign-in page, coming back here afterwards."""
        if await self._authenticate() is None:
            return rx.redirect(routes.login_url(self._here()), replace=True)

    @rx.event
    async def redirect_if_signed_in(self):
        """Sign-in and sign-up pages: a signed-in visitor goes straight on."""
        if await self._authenticate() is not None:
            target = routes.safe_next(self.router.url.query_parameters.get("next"))
            return rx.redirect(target, replace=True)

    @rx.event
    async def logout(self):
        """End this session on the server and in the browser."""
        token = self.token
        if token:
            await run_in_session(lambda session: auth_service.logout(session, token))
        self.token = ""
        self._forget()
        await self._forget_page_data()
        return [rx.redirect(routes.LOGIN, replace=True), rx.toast.info("Signed out. Safe travels!")]


async def current_user(state: rx.State) -> User | None:
    """The acting user for an event handler in any state, checked against the session store."""
    auth = await state.get_state(AuthState)
    return await auth._authenticate()


async def run_as_user(state: rx.State, work: Callable[[Session, User], T]) -> tuple[User, T] | None:
    """The acting user and what `work(session, user)` returns, checked and read in one transaction; None when
    the browser is not signed in (then `work` never runs)."""
    auth = await state.get_state(AuthState)
    return await auth._run_as_user(work)


async def current_user_id(state: rx.State) -> uuid.UUID | None:
    """The acting user's id, or None when the browser is not signed in."""
    user = await current_user(state)
    return user.id if user is not None else None


async def deferred_check(
    state: rx.State, *, check_now: bool = False
) -> tuple[uuid.UUID, Callable[[Session], User | None]] | None:
    """The user this browser is signed in as, and a check of its token to run inside the action's first
    transaction (which must give up if it returns anyone else or None); None when not signed in.

    The token is also checked at once, in a transaction of its own, when `check_now` (the caller reads the
    user's data before its first transaction) or when this state has not seen the user yet.
    """
    auth = await state.get_state(AuthState)
    known = parse_uuid(auth._user_id) if auth.token else None
    if known is None or check_now:
        user = await auth._authenticate()
        if user is None:
            return None
        known = user.id
    token = auth.token
    return known, lambda session: auth_service.authenticate(session, token)


async def sign_in(state: rx.State, user: User, token: str) -> None:
    """Record a successful login or registration for this browser."""
    auth = await state.get_state(AuthState)
    await auth._forget_page_data()
    auth._sign_in(user, token)


async def refresh_user(state: rx.State, user: User) -> None:
    """Show changed profile or preferences (name, currency...) everywhere at once."""
    auth = await state.get_state(AuthState)
    auth._show(user)

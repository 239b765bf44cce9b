"""Typed dependencies: one transaction per request, the bearer user, paging, ids and rate limits.

The bearer is a login session token or a personal access token. What an access token may do is
decided here, once, for every route: a read-only one only reads (403 on POST, PUT, PATCH, DELETE),
and no access token reaches the credential routes (`SESSION_ONLY`), so a leaked integration token
cannot mint tokens, change the password or delete the account.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import uuid
import weakref
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from typing import Annotated
from zoneinfo import ZoneInfo

from fastapi import Depends, Query, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from sqlmodel import Session
from starlette.concurrency import run_in_threadpool

from wheels_wins.api.errors import ApiError, not_authenticated, not_found
from wheels_wins.db import API_CONNECTIONS, POOL_TIMEOUT_SECONDS, finish, open_session, session_scope
from wheels_wins.models import User
from wheels_wins.services import access_tokens, auth, rate_limits
from wheels_wins.services.money import today_in, zone

MAX_LIMIT = 500
# Beyond any real list, and within the 64-bit integer SQLite and PostgreSQL take for OFFSET.
MAX_OFFSET = 1_000_000_000


_permits: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, asyncio.Semaphore] = weakref.WeakKeyDictionary()


@asynccontextmanager
async def database_permit() -> AsyncIterator[None]:
    """Admission to the database for one request: at most `API_CONNECTIONS` hold it at once.

    A request's transaction keeps its pooled connection from the bearer check to the commit while it
    moves between worker threads. Let in without limit, a burst could leave every thread waiting for a
    connection and every connection waiting for a thread, until the pool's timeout failed them all.
    With fewer permits than connections, a request that holds a permit always gets a connection, and
    the others wait here, on the event loop, holding neither; after POOL_TIMEOUT_SECONDS they get 503.
    """
    loop = asyncio.get_running_loop()
    permits = _permits.get(loop)
    if permits is None:
        permits = _permits[loop] = asyncio.Semaphore(API_CONNECTIONS)
    try:
        async with asyncio.timeout(POOL_TIMEOUT_SECONDS):
            await permits.acquire()
    except TimeoutError:
        raise PoolTimeoutError(f"no database connection free within {POOL_TIMEOUT_SECONDS} s") from None
    try:
        yield
    finally:
        permits.release()


async def get_session() -> AsyncIterator[Session]:
    """The request's one transaction: committed after the route returns, rolled back if it raises."""
    async with database_permit():
        session = open_session()  # it connects on first use, in a worker thread
        try:
            yield session
        except BaseException:
            await run_in_threadpool(finish, session, commit=False)
            raise
        await run_in_threadpool(finish, session, commit=True)


# scope="function" commits before the response is sent, so a failed commit is never reported as success.
SessionDep = Annotated[Session, Depends(get_session, scope="function")]

_bearer = HTTPBearer(auto_error=False, description="The access_token from register or login")


# Dependencies that do no I/O are `async def`: FastAPI runs a plain `def` one in a worker thread, and
# each such hop costs a thread switch and GIL hand-offs on every request.


async def get_token(credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)]) -> str:
    """The bearer token of the request; 401 without one."""
    if credentials is None or not credentials.credentials:
        raise not_authenticated()
    return credentials.credentials


TokenDep = Annotated[str, Depends(get_token)]


# (method or "*", path prefix) pairs only a login session may use.
SESSION_ONLY: tuple[tuple[str, str], ...] = (
    ("*", "/api/v1/auth/"),
    ("*", "/api/v1/me/tokens"),
    ("DELETE", "/api/v1/me"),
)


def _session_only(method: str, path: str) -> bool:
    path = path.rstrip("/")
    return any(
        (rule_method in ("*", method)) and (path == prefix.rstrip("/") or path.startswith(prefix.rstrip("/") + "/"))
        for rule_method, prefix in SESSION_ONLY
    )


def _authenticate(session: Session, token: str, request: Request) -> User:
    """The bearer's user, with an access token's limits applied to this request."""
    if not access_tokens.looks_like_access_token(token):
        user = auth.authenticate(session, token)
        if user is None:
            raise not_authenticated()
        return user
    found = access_tokens.authenticate(session, token)
    if found is None:
        raise not_authenticated("unknown or revoked access token")
    user, row = found
    if _session_only(request.method, request.url.path):
        raise ApiError(
            403, "session_required", "access tokens can't manage tokens, passwords or the account; sign in instead"
        )
    if not access_tokens.allows_method(row.scope, request.method):
        raise ApiError(
            403, "read_only_token", "this access token is read-only; use a read and write token to make changes"
        )
    return user


def get_current_user(request: Request, session: SessionDep, token: TokenDep) -> User:
    """The user the bearer token belongs to; 401 when it is unknown, expired or revoked, 403 beyond its scope."""
    return _authenticate(session, token, request)


CurrentUser = Annotated[User, Depends(get_current_user)]


@dataclass(frozen=True)
class Paging:
    """A page's `limit` and `offset`."""

    limit: int
    offset: int


async def get_paging(
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT, description="Page size (at most 500)")] = 50,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Items to skip")] = 0,
) -> Paging:
    """`limit` (1-500, default 50) and `offset` query parameters."""
    return Paging(limit, offset)


PagingDep = Annotated[Paging, Depends(get_paging)]


def parse_id(value: str, what: str = "record") -> uuid.UUID:
    """A path id as a UUID; a malformed one is simply not found."""
    try:
        return uuid.UUID(value)
    except ValueError:
        raise not_found(what) from None


def user_zone(user: User) -> ZoneInfo:
    """The user's timezone."""
    return zone(user.timezone)


def user_today(user: User) -> dt.date:
    """Today's date where the user is."""
    return today_in(user.timezone)


def client_ip(request: Request) -> str:
    """The peer address (the ASGI server resolves trusted proxy headers)."""
    return request.client.host if request.client else "unknown"


def _too_many(message: str, seconds: float) -> ApiError:
    return ApiError(429, "rate_limited", message, {"Retry-After": rate_limits.retry_after_header(seconds)})


def rate_limit(name: str, *, limit: int, per_seconds: float = 60.0) -> Callable[[Request], Awaitable[None]]:
    """A dependency allowing `limit` requests per client address every `per_seconds` (429 + Retry-After beyond);
    addresses in RATE_LIMIT_EXEMPT_ADDRESSES (by default the machine itself) are not counted.

    Counted across every worker when REDIS_URL is set (`services.rate_limits`); off when
    RATE_LIMITS_ENABLED=false.
    """
    budget = rate_limits.Limit(name, limit=limit, per_seconds=per_seconds)

    async def check(request: Request) -> None:
        wait = await rate_limits.retry_after_for_address(budget, client_ip(request))
        if wait > 0:
            raise _too_many("too many requests; try again later", wait)

    return check


def get_current_user_id(request: Request, token: TokenDep) -> uuid.UUID:
    """The bearer user's id, authenticated in a transaction of its own.

    For long routes (PAM turns) that open their own transactions: holding the request's session
    open meanwhile would keep SQLite's write lock (a session touch) for the whole turn. It holds its
    connection for one thread's work only, so it needs no `database_permit`.
    """
    with session_scope() as session:
        return _authenticate(session, token, request).id


CurrentUserId = Annotated[uuid.UUID, Depends(get_current_user_id)]


def per_user_rate_limit(name: str, *, limit: int, per_seconds: float = 60.0) -> Callable[[uuid.UUID], Awaitable[None]]:
    """A dependency allowing each user `limit` requests every `per_seconds` (429 + Retry-After beyond)."""
    budget = rate_limits.Limit(name, limit=limit, per_seconds=per_seconds)

    async def check(user_id: CurrentUserId) -> None:
        wait = await rate_limits.retry_after(budget, user_id)
        if wait > 0:
            raise _too_many("too many requests; try again shortly", wait)

    return check

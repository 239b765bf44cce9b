"""API fixtures: an ASGI client on the test database and signed-in accounts."""

from __future__ import annotations

import datetime as dt
import secrets
import uuid
from collections.abc import AsyncIterator, Callable

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.api import VISITOR_ADDRESS, Account
from wheels_wins.api.app import fastapi_app
from wheels_wins.db import utcnow
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.repositories import users as users_repo
from wheels_wins.services.auth import hash_token
from wheels_wins.services.rate_limits import reset_rate_limits


@pytest.fixture
async def client(engine: Engine) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client speaking to the API app in-process."""
    reset_rate_limits()
    transport = httpx.ASGITransport(app=fastapi_app, client=(VISITOR_ADDRESS, 50_000))
    async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as http:
        yield http
    reset_rate_limits()


@pytest.fixture
def make_account(engine: Engine) -> Callable[..., Account]:
    """Create a user with a live session directly (no password hashing): make_account(timezone=...)."""

    def _make(*, full_name: str = "Test Traveller", timezone: str = "UTC", currency: str = "AUD") -> Account:
        token = secrets.token_urlsafe(32)
        with Session(engine, expire_on_commit=False) as session:
            user = users_repo.create(
                session,
                email=f"u-{uuid.uuid4().hex[:10]}@example.com",
                password_hash=None,
                full_name=full_name,
                timezone=timezone,
                currency=currency,
            )
            sessions_repo.create(
                session, user_id=user.id, token_hash=hash_token(token), expires_at=utcnow() + dt.timedelta(days=1)
            )
            session.commit()
            return Account(id=str(user.id), email=user.email, token=token)

    return _make


@pytest.fixture
def alice(make_account: Callable[..., Account]) -> Account:
    """A signed-in traveller."""
    return make_account(full_name="Alice Nomad")


@pytest.fixture
def bob(make_account: Callable[..., Account]) -> Account:
    """Another signed-in traveller."""
    return make_account(full_name="Bob Grey")

"""Fixtures for driving states as a signed-in browser tab would."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable
from typing import Any

import pytest
import reflex as rx
from sqlmodel import Session

from tests.state.test_undoable import _tab
from wheels_wins.models import User
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.services.auth import hash_token


@pytest.fixture
def sign_in(session: Session, make_user: Callable[..., User]) -> Callable[..., tuple[User, rx.State]]:
    """sign_in(full_name=..., **user_fields) -> (a new user, a browser tab's state tree signed in as them)."""

    def _sign_in(full_name: str = "Test Traveller", **fields: Any) -> tuple[User, rx.State]:
        user = make_user(full_name=full_name, **fields)
        token = uuid.uuid4().hex
        expires = dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
        sessions_repo.create(session, user_id=user.id, token_hash=hash_token(token), expires_at=expires)
        session.commit()
        return user, _tab(token)

    return _sign_in

"""The You page's profile form saves the home base and a few words about the user to their own row only."""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Callable

import reflex as rx
from sqlmodel import Session

from tests.state.test_places_state import _substate, run
from wheels_wins.models import User
from wheels_wins.pages.you import MAX_BIO_LENGTH, YouState
from wheels_wins.repositories import sessions as sessions_repo
from wheels_wins.services.auth import hash_token
from wheels_wins.state.auth import AuthState


def _tab(session: Session, user: User) -> YouState:
    token = uuid.uuid4().hex
    sessions_repo.create(
        session, user_id=user.id, token_hash=hash_token(token), expires_at=dt.datetime.now(dt.UTC) + dt.timedelta(days=1)
    )
    session.commit()
    root = rx.State(_reflex_internal_init=True)
    _substate(root, AuthState).token = token
    return _substate(root, YouState)


async def test_home_base_and_bio_are_saved_and_read_back(session: Session, make_user: Callable[..., User]) -> None:
    user, other = make_user(full_name="Jo Nomad"), make_user(full_name="Sam")
    you = _tab(session, user)
    await run(YouState.load, you)
    assert (you.home_base, you.bio) == ("", "")
    await run(YouState.set_home_base, you, "  Bendigo, VIC ")
    await run(YouState.set_bio, you, "Full-timer with a kelpie. " * 40)
    assert len(you.bio) == MAX_BIO_LENGTH  # typing stops at the limit
    await run(YouState.save, you)

    session.expire_all()
    saved, untouched = session.get(User, user.id), session.get(User, other.id)
    assert saved.home_base == "Bendigo, VIC" and saved.bio.startswith("Full-timer with a kelpie.")
    assert len(saved.bio) <= MAX_BIO_LENGTH
    assert (untouched.home_base, untouched.bio) == ("", "")

    again = _tab(session, saved)
    await run(YouState.load, again)
    assert again.home_base == "Bendigo, VIC"

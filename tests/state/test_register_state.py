"""The sign-up form in Supabase mode: a confirmation notice when Supabase wants the address confirmed, else signed in."""

from __future__ import annotations

import reflex as rx
from sqlalchemy import Engine
from sqlmodel import Session, select

from tests.services.test_supabase_auth import PASSWORD, supabase  # noqa: F401 - the GoTrue stub fixture
from tests.state.test_places_state import _substate, run
from wheels_wins.models import User
from wheels_wins.pages.register import RegisterState
from wheels_wins.services import supabase_auth
from wheels_wins.state.auth import AuthState

FORM = {"full_name": "Ari Wayfarer", "email": "ari@example.com", "password": PASSWORD, "confirm": PASSWORD}


def _form() -> tuple[RegisterState, AuthState]:
    root = rx.State(_reflex_internal_init=True)
    return _substate(root, RegisterState), _substate(root, AuthState)


async def test_confirmation_first_shows_a_notice_and_signs_nobody_in(
    engine: Engine,
    session: Session,
    supabase,  # noqa: F811
) -> None:
    supabase(confirm_email=True)
    form, auth_state = _form()
    events = await run(RegisterState.submit, form, FORM)
    assert form.notice == supabase_auth.CONFIRMATION_SENT
    assert (form.form_error, form.email_error, form.loading, auth_state.token) == ("", "", False, "")
    assert not any("redirect" in str(event) for event in events)
    assert list(session.exec(select(User))) == []


async def test_without_confirmation_the_new_account_is_signed_in(
    engine: Engine,
    session: Session,
    supabase,  # noqa: F811
) -> None:
    stub = supabase()
    form, auth_state = _form()
    await run(RegisterState.submit, form, FORM)
    assert (form.notice, form.form_error) == ("", "")
    assert auth_state.token
    user = session.exec(select(User)).one()
    assert (user.email, user.full_name, user.supabase_sub) == (
        "ari@example.com",
        "Ari Wayfarer",
        stub.users["ari@example.com"].id,
    )

    again, _ = _form()
    await run(RegisterState.submit, again, FORM)
    assert again.email_error == "An account with this email address already exists."

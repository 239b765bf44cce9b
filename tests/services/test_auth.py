"""Registration, login, opaque sessions and password changes (login throttling: test_throttle.py)."""

from __future__ import annotations

import datetime as dt

import pytest
from argon2 import PasswordHasher
from sqlmodel import Session, SQLModel, select

from wheels_wins.db import utcnow
from wheels_wins.models import AuthSession, User
from wheels_wins.services import auth, passwords
from wheels_wins.services.auth import AuthError
from wheels_wins.settings import get_settings

PASSWORD = "kookaburra-at-dawn"


def _register(session: Session, email: str = "nomad@example.com", password: str = PASSWORD) -> tuple[User, str]:
    user, token = auth.register(session, email=email, password=password, full_name="Nomad", user_agent="pytest")
    session.commit()
    return user, token


def _row(session: Session, token: str) -> AuthSession:
    return session.exec(select(AuthSession).where(AuthSession.token_hash == auth.hash_token(token))).one()


def test_register_login_logout_round_trip(session: Session) -> None:
    user, token = _register(session, email="  Nomad@Example.COM ")
    assert user.email == "nomad@example.com"
    assert user.password_hash is not None and user.password_hash.startswith("$argon2id$")
    assert auth.authenticate(session, token) == user

    same, second = auth.login(session, email="NOMAD@example.com", password=PASSWORD, user_agent="phone")
    session.commit()
    assert same.id == user.id and second != token
    assert auth.authenticate(session, second) == user

    auth.logout(session, second)
    session.commit()
    assert auth.authenticate(session, second) is None
    assert auth.authenticate(session, token) == user


def test_tokens_are_256_bit_urlsafe_strings(session: Session) -> None:
    _, token = _register(session)
    assert len(token) == 43 and "." not in token
    assert auth.hash_token(token) == _row(session, token).token_hash and len(_row(session, token).token_hash) == 64


def test_register_rejects_a_taken_email_case_insensitively(session: Session) -> None:
    _register(session)
    with pytest.raises(AuthError) as info:
        auth.register(session, email="NOMAD@example.com", password="another-long-phrase")
    assert (info.value.code, info.value.status) == ("email_taken", 409)


@pytest.mark.parametrize(
    "email", ["", "nomad", "nomad@", "@example.com", "no mad@example.com", "nomad@example", "a@b@c.com"]
)
def test_register_rejects_invalid_emails(session: Session, email: str) -> None:
    with pytest.raises(AuthError) as info:
        auth.register(session, email=email, password=PASSWORD)
    assert (info.value.code, info.value.status) == ("invalid_email", 422)
    assert "Email" in info.value.message


@pytest.mark.parametrize("password", ["short", "password123", "nomad@example.com"])
def test_register_applies_the_password_policy(session: Session, password: str) -> None:
    with pytest.raises(AuthError) as info:
        auth.register(session, email="nomad@example.com", password=password)
    assert (info.value.code, info.value.status) == ("invalid_password", 422)
    assert info.value.message.startswith("Password")
    assert session.exec(select(User)).first() is None


def test_unknown_email_and_wrong_password_fail_identically(session: Session) -> None:
    _register(session)
    with pytest.raises(AuthError) as wrong_password:
        auth.login(session, email="nomad@example.com", password="not-the-password")
    with pytest.raises(AuthError) as unknown_email:
        auth.login(session, email="stranger@example.com", password=PASSWORD)
    for error in (wrong_password.value, unknown_email.value):
        assert (error.code, error.message, error.status) == (
            "invalid_credentials",
            "Email or password is incorrect.",
            401,
        )


def test_unknown_email_still_runs_a_hash_verification(session: Session, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[str] = []
    real_verify = passwords.verify_password
    monkeypatch.setattr(passwords, "verify_password", lambda h, p: calls.append(h) or real_verify(h, p))
    with pytest.raises(AuthError):
        auth.login(session, email="stranger@example.com", password=PASSWORD)
    assert len(calls) == 1 and calls[0].startswith("$argon2id$")


def test_account_without_password_cannot_log_in_with_one(session: Session, make_user) -> None:
    make_user(email="supa@example.com", supabase_sub="abc")
    with pytest.raises(AuthError) as info:
        auth.login(session, email="supa@example.com", password=PASSWORD)
    assert info.value.code == "invalid_credentials"


def test_login_upgrades_a_hash_with_outdated_parameters(session: Session) -> None:
    user, _ = _register(session)
    user.password_hash = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    session.add(user)
    session.commit()
    auth.login(session, email=user.email, password=PASSWORD)
    session.commit()
    session.refresh(user)
    assert not passwords.needs_rehash(user.password_hash or "")
    assert passwords.verify_password(user.password_hash or "", PASSWORD)


def test_session_expires_after_idle_time(session: Session) -> None:
    user, token = _register(session)
    idle = dt.timedelta(minutes=get_settings().session_idle_minutes)
    row = _row(session, token)
    row.last_used_at = utcnow() - idle + dt.timedelta(minutes=5)
    session.add(row)
    session.commit()
    assert auth.authenticate(session, token) == user
    session.commit()

    row.last_used_at = utcnow() - idle - dt.timedelta(minutes=1)
    session.add(row)
    session.commit()
    assert auth.authenticate(session, token) is None


def test_session_expires_at_its_absolute_limit_even_when_in_use(session: Session) -> None:
    _, token = _register(session)
    row = _row(session, token)
    assert row.expires_at - row.created_at == pytest.approx(
        dt.timedelta(days=get_settings().session_absolute_days), abs=dt.timedelta(seconds=5)
    )
    row.expires_at = utcnow() - dt.timedelta(seconds=1)
    row.last_used_at = utcnow()
    session.add(row)
    session.commit()
    assert auth.authenticate(session, token) is None


def test_last_used_is_written_at_most_once_a_minute(session: Session) -> None:
    _, token = _register(session)
    row = _row(session, token)
    recent = utcnow() - dt.timedelta(seconds=10)
    row.last_used_at = recent
    session.add(row)
    session.commit()
    auth.authenticate(session, token)
    session.commit()
    session.refresh(row)
    assert row.last_used_at == recent

    stale = utcnow() - dt.timedelta(minutes=5)
    row.last_used_at = stale
    session.add(row)
    session.commit()
    auth.authenticate(session, token)
    session.commit()
    session.refresh(row)
    assert row.last_used_at > utcnow() - dt.timedelta(seconds=30)


def test_garbage_tokens_authenticate_nobody(session: Session) -> None:
    _register(session)
    for token in ["", "x", "a.b.c", "x" * 10_000]:
        assert auth.authenticate(session, token) is None
    auth.logout(session, "not-a-token")


def test_change_password_revokes_every_session_and_returns_a_fresh_one(session: Session) -> None:
    user, laptop = _register(session)
    _, phone = auth.login(session, email=user.email, password=PASSWORD)
    session.commit()

    fresh = auth.change_password(
        session, user=user, current_password=PASSWORD, new_password="wombat-crossing-ahead", user_agent="laptop"
    )
    session.commit()
    assert auth.authenticate(session, laptop) is None
    assert auth.authenticate(session, phone) is None
    assert auth.authenticate(session, fresh) == user
    with pytest.raises(AuthError):
        auth.login(session, email=user.email, password=PASSWORD)
    assert auth.login(session, email=user.email, password="wombat-crossing-ahead")[0].id == user.id


def test_change_password_checks_the_current_one_and_the_policy(session: Session) -> None:
    user, token = _register(session)
    with pytest.raises(AuthError) as wrong:
        auth.change_password(session, user=user, current_password="guess-guess-guess", new_password="wombat-crossing")
    assert (wrong.value.code, wrong.value.status) == ("invalid_current_password", 401)
    with pytest.raises(AuthError) as weak:
        auth.change_password(session, user=user, current_password=PASSWORD, new_password="password1")
    assert (weak.value.code, weak.value.status) == ("invalid_password", 422)
    assert auth.authenticate(session, token) == user


def test_raw_token_is_stored_nowhere(session: Session) -> None:
    user, token = _register(session)
    _, other = auth.login(session, email=user.email, password=PASSWORD)
    session.commit()
    stored: list[str] = []
    for table in SQLModel.metadata.sorted_tables:
        for row in session.connection().execute(table.select()):
            stored.extend(str(value) for value in row)
    assert auth.hash_token(token) in stored
    assert not any(token in value or other in value for value in stored)

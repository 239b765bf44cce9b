"""User and session repositories: defaults, lookups, and per-user scoping of sessions."""

from __future__ import annotations

import datetime as dt
import time
import uuid

import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from wheels_wins.db import utcnow
from wheels_wins.repositories import sessions, users
from wheels_wins.settings import get_settings


def _session_for(session: Session, user_id: uuid.UUID, token_hash: str, **kw) -> None:
    sessions.create(
        session,
        user_id=user_id,
        token_hash=token_hash,
        expires_at=kw.pop("expires_at", utcnow() + dt.timedelta(days=1)),
        user_agent=kw.pop("user_agent", "pytest"),
    )
    session.commit()


def test_create_uses_configured_defaults_and_normalises_email(session: Session) -> None:
    settings = get_settings()
    user = users.create(session, email=" Van@Example.com ", password_hash="h")
    session.commit()
    assert user.email == "van@example.com"
    assert (user.currency, user.units, user.timezone) == (
        settings.default_currency,
        settings.default_units,
        settings.default_timezone,
    )
    assert users.get_by_email(session, email="VAN@example.com ") == user
    assert users.get_by_id(session, user_id=user.id) == user
    assert users.get_by_id(session, user_id=uuid.uuid4()) is None


def test_create_keeps_given_preferences_and_supabase_sub(session: Session) -> None:
    user = users.create(
        session,
        email="kiwi@example.com",
        password_hash=None,
        currency="NZD",
        units="imperial",
        timezone="Pacific/Auckland",
        supabase_sub="sub-1",
    )
    session.commit()
    assert (user.currency, user.units, user.timezone) == ("NZD", "imperial", "Pacific/Auckland")
    assert users.get_by_supabase_sub(session, supabase_sub="sub-1") == user
    assert users.get_by_supabase_sub(session, supabase_sub="sub-2") is None


def test_update_profile_changes_only_given_fields(session: Session, make_user) -> None:
    user = make_user(full_name="Old Name", bio="hello")
    updated = users.update_profile(
        session, user_id=user.id, full_name="New Name", voice_enabled=False, home_base="Alice Springs"
    )
    session.commit()
    assert updated is not None
    assert (updated.full_name, updated.voice_enabled, updated.home_base, updated.bio) == (
        "New Name",
        False,
        "Alice Springs",
        "hello",
    )
    assert users.update_profile(session, user_id=uuid.uuid4(), full_name="Nobody") is None


def test_set_password_hash(session: Session, make_user) -> None:
    user = make_user()
    assert users.set_password_hash(session, user_id=user.id, password_hash="$argon2id$new") is not None
    session.commit()
    session.refresh(user)
    assert user.password_hash == "$argon2id$new"
    assert users.set_password_hash(session, user_id=uuid.uuid4(), password_hash="x") is None


def test_get_active_by_hash_skips_revoked_expired_and_idle_sessions(session: Session, make_user) -> None:
    user = make_user()
    now = utcnow()
    _session_for(session, user.id, "live")
    _session_for(session, user.id, "expired", expires_at=now - dt.timedelta(seconds=1))
    _session_for(session, user.id, "revoked")
    _session_for(session, user.id, "idle")
    sessions.revoke(session, user_id=user.id, token_hash="revoked")
    idle = sessions.get_active_by_hash(session, token_hash="idle", now=now)
    assert idle is not None
    idle.last_used_at = now - dt.timedelta(minutes=get_settings().session_idle_minutes + 1)
    session.add(idle)
    session.commit()

    assert sessions.get_active_by_hash(session, token_hash="live", now=now) is not None
    for token_hash in ("expired", "revoked", "idle", "unknown"):
        assert sessions.get_active_by_hash(session, token_hash=token_hash, now=now) is None
    assert [s.token_hash for s in sessions.list_active(session, user_id=user.id, now=now)] == ["live"]


def test_users_cannot_see_or_revoke_each_others_sessions(session: Session, make_user) -> None:
    alice, bob = make_user(), make_user()
    _session_for(session, alice.id, "alice-1")
    _session_for(session, alice.id, "alice-2")
    _session_for(session, bob.id, "bob-1")
    now = utcnow()

    assert {s.token_hash for s in sessions.list_active(session, user_id=alice.id, now=now)} == {"alice-1", "alice-2"}
    assert {s.token_hash for s in sessions.list_active(session, user_id=bob.id, now=now)} == {"bob-1"}

    assert sessions.revoke(session, user_id=bob.id, token_hash="alice-1") is False
    assert sessions.revoke_all(session, user_id=bob.id) == 1
    session.commit()
    assert sessions.get_active_by_hash(session, token_hash="alice-1", now=now) is not None
    assert sessions.get_active_by_hash(session, token_hash="bob-1", now=now) is None

    assert sessions.revoke(session, user_id=alice.id, token_hash="alice-1") is True
    assert sessions.revoke(session, user_id=alice.id, token_hash="alice-1") is False
    assert sessions.revoke_all(session, user_id=alice.id) == 1
    session.commit()
    assert sessions.list_active(session, user_id=alice.id, now=now) == []


def test_touch_writes_at_most_once_a_minute(session: Session, make_user) -> None:
    user = make_user()
    _session_for(session, user.id, "t")
    row = sessions.get_active_by_hash(session, token_hash="t", now=utcnow())
    assert row is not None
    created = row.last_used_at
    assert sessions.touch(session, auth_session=row, now=created + dt.timedelta(seconds=59)) is False
    assert sessions.touch(session, auth_session=row, now=created + dt.timedelta(seconds=61)) is True
    session.commit()
    session.refresh(row)
    assert row.last_used_at == created + dt.timedelta(seconds=61)


def test_touch_never_waits_for_a_concurrent_request_touching_the_same_session(
    session: Session, engine: Engine, make_user
) -> None:
    """Requests sharing a token find it due together; only one records the use, and none waits for it
    (waiting held a worker thread per request, and enough of them stalled the worker)."""
    if engine.dialect.name != "postgresql":
        pytest.skip("needs concurrent writers (SQLite serialises them)")
    user = make_user()
    _session_for(session, user.id, "shared")
    due = utcnow() + dt.timedelta(minutes=2)
    first, second = Session(engine), Session(engine)
    try:
        rows = [sessions.get_active_by_hash(each, token_hash="shared", now=utcnow()) for each in (first, second)]
        assert all(row is not None for row in rows)
        assert sessions.touch(first, auth_session=rows[0], now=due) is True  # holds the row until it commits
        started = time.perf_counter()
        assert sessions.touch(second, auth_session=rows[1], now=due) is False
        assert time.perf_counter() - started < 0.5
        second.commit()
        first.commit()
    finally:
        first.close()
        second.close()
    session.expire_all()
    assert sessions.get_active_by_hash(session, token_hash="shared", now=utcnow()).last_used_at == due


def test_user_agent_is_truncated_to_the_column(session: Session, make_user) -> None:
    user = make_user()
    _session_for(session, user.id, "ua", user_agent="Mozilla/5.0 " * 50)
    row = sessions.get_active_by_hash(session, token_hash="ua", now=utcnow())
    assert row is not None and len(row.user_agent) == 200


def test_purge_expired_deletes_only_dead_sessions(session: Session, make_user) -> None:
    user = make_user()
    now = utcnow()
    _session_for(session, user.id, "live")
    _session_for(session, user.id, "expired", expires_at=now - dt.timedelta(days=1))
    _session_for(session, user.id, "revoked")
    sessions.revoke(session, user_id=user.id, token_hash="revoked")
    assert sessions.purge_expired(session, now=now) == 2
    session.commit()
    assert [s.token_hash for s in sessions.list_active(session, user_id=user.id, now=now)] == ["live"]

"""Supabase mode: sign-up, sign-in and password changes through the real `supabase` client against a local GoTrue stub."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from sqlalchemy import Engine
from sqlmodel import Session, select

from tests.stubs.server import free_port, serve
from tests.stubs.supabase_auth_stub import ANON_KEY, JWT_SECRET, StubUser, SupabaseAuthStub
from wheels_wins.models import AuthSession, User
from wheels_wins.services import accounts, auth, supabase_auth
from wheels_wins.services.auth import AuthError
from wheels_wins.settings import get_settings

PASSWORD = "long-dusty-roads-42"


@pytest.fixture
def supabase(monkeypatch: pytest.MonkeyPatch) -> Callable[..., SupabaseAuthStub]:
    """Start a GoTrue stub and point the settings at it: HS256 with the JWT secret, or ES256 via JWKS only."""
    started: list[Iterator[str]] = []

    def _start(algorithm: str = "HS256", *, confirm_email: bool = False) -> SupabaseAuthStub:
        stub = SupabaseAuthStub(algorithm=algorithm, confirm_email=confirm_email)
        server = serve(stub.app())
        stub.base_url = server.__enter__()
        started.append(server)
        monkeypatch.setenv("SUPABASE_URL", stub.base_url)
        monkeypatch.setenv("SUPABASE_ANON_KEY", ANON_KEY)
        monkeypatch.setenv("SUPABASE_TIMEOUT_SECONDS", "3")
        if algorithm == "HS256":
            monkeypatch.setenv("SUPABASE_JWT_SECRET", JWT_SECRET)
        else:
            monkeypatch.delenv("SUPABASE_JWT_SECRET", raising=False)
        get_settings.cache_clear()
        return stub

    yield _start
    for server in started:
        server.__exit__(None, None, None)
    get_settings.cache_clear()


def _users(session: Session) -> list[User]:
    session.expire_all()
    return list(session.exec(select(User)))


@pytest.mark.parametrize("algorithm", ["HS256", "ES256"])
async def test_sign_up_then_sign_in_go_through_supabase_and_link_one_local_user(
    engine: Engine, session: Session, supabase, algorithm: str
) -> None:
    stub = supabase(algorithm)
    assert supabase_auth.is_enabled()
    registered = await accounts.register(email="Sam@Example.com", password=PASSWORD, full_name="Sam Rover")
    assert registered is not None
    user, token = registered
    remote = stub.users["sam@example.com"]
    assert (remote.password, remote.data) == (PASSWORD, {"full_name": "Sam Rover"})
    assert (user.email, user.full_name, user.supabase_sub, user.password_hash) == (
        "sam@example.com", "Sam Rover", remote.id, None,
    )  # fmt: skip

    signed_in, second = await accounts.login(email="sam@example.com", password=PASSWORD)
    assert signed_in.id == user.id and second != token
    assert [u.id for u in _users(session)] == [user.id]
    with Session(engine) as check:
        assert auth.authenticate(check, second).id == user.id  # our own opaque session, not Supabase's JWT
    if algorithm == "ES256":
        assert ("GET", "/auth/v1/.well-known/jwks.json") in stub.requests


async def test_wrong_password_is_the_usual_401_and_opens_no_session(engine: Engine, session: Session, supabase) -> None:
    supabase()
    await accounts.register(email="kim@example.com", password=PASSWORD)
    with pytest.raises(AuthError) as refused:
        await accounts.login(email="kim@example.com", password="not-the-password-at-all")
    assert (refused.value.code, refused.value.status, refused.value.message) == (
        "invalid_credentials", 401, auth.INVALID_CREDENTIALS,
    )  # fmt: skip
    session.expire_all()
    assert len(list(session.exec(select(AuthSession)))) == 1  # only the one from sign-up


async def test_email_confirmation_first(engine: Engine, session: Session, supabase) -> None:
    stub = supabase(confirm_email=True)
    assert await accounts.register(email="lee@example.com", password=PASSWORD) is None
    assert _users(session) == []
    with pytest.raises(AuthError) as refused:
        await accounts.login(email="lee@example.com", password=PASSWORD)
    assert (refused.value.code, refused.value.status) == ("email_not_confirmed", 403)
    stub.confirm("lee@example.com")
    user, _ = await accounts.login(email="lee@example.com", password=PASSWORD)
    assert user.supabase_sub == stub.users["lee@example.com"].id


async def test_taken_and_invalid_sign_ups_are_refused_before_or_by_supabase(
    engine: Engine, session: Session, supabase, make_user
) -> None:
    stub = supabase()
    make_user(email="local@example.com")
    with pytest.raises(AuthError) as taken:
        await accounts.register(email="local@example.com", password=PASSWORD)
    assert (taken.value.code, taken.value.status) == ("email_taken", 409)
    with pytest.raises(AuthError) as short:
        await accounts.register(email="new@example.com", password="short")
    assert short.value.code == "invalid_password"
    assert stub.requests == []  # checked here first: Supabase never saw either

    stub.users["elsewhere@example.com"] = StubUser(
        "7d2f5e0a-0000-4000-8000-000000000001", "elsewhere@example.com", PASSWORD, {}, True, "2026-01-01T00:00:00Z"
    )  # signed up through another app on the same Supabase project
    with pytest.raises(AuthError) as exists:
        await accounts.register(email="elsewhere@example.com", password=PASSWORD)
    assert (exists.value.code, exists.value.status) == ("email_taken", 409)


async def test_accounts_from_before_supabase_mode_keep_their_local_password(
    engine: Engine, session: Session, supabase
) -> None:
    local_user, _ = await accounts.register(email="early@example.com", password=PASSWORD)
    supabase()
    user, _ = await accounts.login(email="early@example.com", password=PASSWORD)
    assert user.id == local_user.id and user.supabase_sub is None


async def test_password_change_goes_to_supabase_and_signs_out_other_devices(
    engine: Engine, session: Session, supabase
) -> None:
    stub = supabase()
    user, old_token = await accounts.register(email="pat@example.com", password=PASSWORD)
    with pytest.raises(AuthError) as wrong:
        await accounts.change_password(
            user=user, current_password="wrong-password-here", new_password="another-long-one-77"
        )
    assert (wrong.value.code, wrong.value.status) == ("invalid_current_password", 401)

    fresh = await accounts.change_password(user=user, current_password=PASSWORD, new_password="another-long-one-77")
    assert stub.users["pat@example.com"].password == "another-long-one-77"
    with Session(engine) as check:
        assert auth.authenticate(check, old_token) is None
        assert auth.authenticate(check, fresh).id == user.id
    assert await accounts.check_password(user, "another-long-one-77")
    assert not await accounts.check_password(user, PASSWORD)


async def test_supabase_down_or_unreachable_is_a_clear_503(
    engine: Engine, session: Session, supabase, monkeypatch
) -> None:
    stub = supabase()
    stub.down = True
    with pytest.raises(AuthError) as down:
        await accounts.login(email="any@example.com", password=PASSWORD)
    assert (down.value.code, down.value.status) == ("auth_unavailable", 503)

    monkeypatch.setenv("SUPABASE_URL", f"http://127.0.0.1:{free_port()}")
    get_settings.cache_clear()
    with pytest.raises(AuthError) as unreachable:
        await accounts.register(email="any@example.com", password=PASSWORD)
    assert (unreachable.value.code, unreachable.value.status) == ("auth_unavailable", 503)
    assert _users(session) == []


async def test_a_token_that_does_not_verify_here_is_not_trusted(
    engine: Engine, session: Session, supabase, monkeypatch
) -> None:
    supabase()
    monkeypatch.setenv("SUPABASE_JWT_SECRET", "a-different-secret-than-the-project-signs-with")
    get_settings.cache_clear()
    with pytest.raises(AuthError) as refused:
        await accounts.register(email="mallory@example.com", password=PASSWORD)
    assert refused.value.status == 503
    assert _users(session) == []

"""Supabase access tokens: real HS256 and ES256/RS256 tokens, the latter against a local JWKS server."""

from __future__ import annotations

import base64
import json
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import jwt
import pytest
from cryptography.hazmat.primitives.asymmetric import ec, rsa
from jwt.algorithms import ECAlgorithm, RSAAlgorithm
from sqlmodel import Session, select

from wheels_wins.models import User
from wheels_wins.services import auth, supabase_jwt
from wheels_wins.services.supabase_jwt import InvalidSupabaseToken, verify_access_token
from wheels_wins.settings import get_settings

SECRET = "super-secret-jwt-token-with-at-least-32-characters-long"
SUB = "5f0c6a5e-8a39-4c43-9b3c-0e1c2d3f4a5b"
# Nothing listens here: HS256 checks must not need the network.
OFFLINE_URL = "http://127.0.0.1:9"


@dataclass
class Jwks:
    url: str
    es_key: ec.EllipticCurvePrivateKey
    rs_key: rsa.RSAPrivateKey
    hits: list[str]


@pytest.fixture
def configure(monkeypatch: pytest.MonkeyPatch) -> Iterator[Callable[..., None]]:
    """Point the settings at a Supabase project (secret and URL)."""

    def _configure(url: str | None = OFFLINE_URL, secret: str | None = SECRET) -> None:
        for name, value in (("SUPABASE_URL", url), ("SUPABASE_JWT_SECRET", secret)):
            if value is None:
                monkeypatch.delenv(name, raising=False)
            else:
                monkeypatch.setenv(name, value)
        get_settings.cache_clear()

    yield _configure
    get_settings.cache_clear()


@pytest.fixture
def jwks() -> Iterator[Jwks]:
    """A tiny JWKS endpoint on a free local port, serving one ES256 and one RS256 public key."""
    es_key = ec.generate_private_key(ec.SECP256R1())
    rs_key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    keys = [
        {**ECAlgorithm.to_jwk(es_key.public_key(), as_dict=True), "kid": "es-1", "alg": "ES256", "use": "sig"},
        {**RSAAlgorithm.to_jwk(rs_key.public_key(), as_dict=True), "kid": "rs-1", "alg": "RS256", "use": "sig"},
    ]
    body = json.dumps({"keys": keys}).encode()
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            hits.append(self.path)
            if self.path != "/auth/v1/.well-known/jwks.json":
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: Any) -> None:
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield Jwks(url=f"http://127.0.0.1:{server.server_address[1]}", es_key=es_key, rs_key=rs_key, hits=hits)
    server.shutdown()
    server.server_close()


def _claims(url: str = OFFLINE_URL, **overrides: Any) -> dict[str, Any]:
    now = int(time.time())
    claims = {
        "sub": SUB,
        "email": "Supa.Traveller@Example.com",
        "aud": "authenticated",
        "role": "authenticated",
        "iss": f"{url}/auth/v1",
        "iat": now,
        "exp": now + 3600,
    }
    claims.update(overrides)
    return {k: v for k, v in claims.items() if v is not None}


def _hs256(**overrides: Any) -> str:
    return jwt.encode(_claims(**overrides), SECRET, algorithm="HS256")


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def test_valid_hs256_token_creates_then_maps_to_the_local_user(session: Session, configure) -> None:
    configure()
    user = auth.authenticate(session, _hs256())
    session.commit()
    assert user is not None
    assert (user.email, user.supabase_sub, user.password_hash) == ("supa.traveller@example.com", SUB, None)
    assert user.currency == get_settings().default_currency

    again = auth.authenticate(session, _hs256(email="changed@example.com"))
    assert again is not None and again.id == user.id
    assert len(session.exec(select(User)).all()) == 1


def test_opaque_sessions_still_work_alongside_supabase(session: Session, configure) -> None:
    configure()
    user, token = auth.register(session, email="local@example.com", password="kookaburra-at-dawn")
    session.commit()
    assert auth.authenticate(session, token) == user


def test_losing_the_first_sight_race_returns_the_winners_user(
    session: Session, configure, make_user, monkeypatch: pytest.MonkeyPatch
) -> None:
    configure()
    winner = make_user(email="winner@example.com", supabase_sub=SUB)
    real_lookup = auth.users_repo.get_by_supabase_sub
    calls: list[str] = []

    def lookup_missing_once(session: Session, *, supabase_sub: str) -> User | None:
        calls.append(supabase_sub)
        return None if len(calls) == 1 else real_lookup(session, supabase_sub=supabase_sub)

    monkeypatch.setattr(auth.users_repo, "get_by_supabase_sub", lookup_missing_once)
    user = auth.authenticate(session, _hs256())
    assert user is not None and user.id == winner.id
    session.commit()
    assert len(session.exec(select(User)).all()) == 1


def test_supabase_tokens_are_ignored_when_not_configured(session: Session, configure) -> None:
    configure(secret=None)
    assert not supabase_jwt.is_enabled()
    assert auth.authenticate(session, _hs256()) is None
    with pytest.raises(InvalidSupabaseToken):
        verify_access_token(_hs256())


def test_issuer_is_not_required_without_a_supabase_url(configure) -> None:
    configure(url=None)
    assert verify_access_token(_hs256(iss=None)).sub == SUB


def _alg_none() -> str:
    header = _b64(json.dumps({"alg": "none", "typ": "JWT"}).encode())
    return f"{header}.{_b64(json.dumps(_claims()).encode())}."


def _tampered_signature() -> str:
    header, payload, signature = _hs256().split(".")
    flipped = ("B" if signature[0] == "A" else "A") + signature[1:]
    return f"{header}.{payload}.{flipped}"


def _tampered() -> str:
    header, _, signature = _hs256().split(".")
    payload = _b64(json.dumps(_claims(sub="someone-else")).encode())
    return f"{header}.{payload}.{signature}"


REJECTED: dict[str, Callable[[], str]] = {
    "expired": lambda: _hs256(exp=int(time.time()) - 60, iat=int(time.time()) - 3700),
    "not yet valid": lambda: _hs256(nbf=int(time.time()) + 600),
    "wrong audience": lambda: _hs256(aud="anon"),
    "wrong issuer": lambda: _hs256(iss="https://evil.supabase.co/auth/v1"),
    "no issuer": lambda: _hs256(iss=None),
    "no subject": lambda: _hs256(sub=None),
    "no expiry": lambda: _hs256(exp=None),
    "alg none": _alg_none,
    "alg none via pyjwt": lambda: jwt.encode(_claims(), None, algorithm="none"),
    "tampered payload": _tampered,
    "tampered signature": _tampered_signature,
    "wrong secret": lambda: jwt.encode(_claims(), "another-secret-that-is-also-32-characters", algorithm="HS256"),
    "HS384 not allowed": lambda: jwt.encode(_claims(), SECRET, algorithm="HS384"),
    "garbage": lambda: "not.a.jwt",
}


@pytest.mark.parametrize("case", list(REJECTED))
def test_invalid_tokens_are_rejected(configure, case: str) -> None:
    configure()
    with pytest.raises(InvalidSupabaseToken):
        verify_access_token(REJECTED[case]())


def test_rejected_tokens_authenticate_nobody_and_create_nothing(session: Session, configure) -> None:
    configure()
    for make in REJECTED.values():
        assert auth.authenticate(session, make()) is None
    assert session.exec(select(User)).first() is None


def test_email_of_an_existing_local_account_is_not_linked(session: Session, configure, make_user) -> None:
    configure()
    local = make_user(email="supa.traveller@example.com")
    assert auth.authenticate(session, _hs256()) is None
    session.refresh(local)
    assert local.supabase_sub is None


def test_token_without_email_is_rejected_on_first_sight(session: Session, configure, make_user) -> None:
    configure()
    assert auth.authenticate(session, _hs256(email=None)) is None
    known = make_user(supabase_sub=SUB)
    assert auth.authenticate(session, _hs256(email=None)) == known


@pytest.mark.parametrize("alg", ["ES256", "RS256"])
def test_asymmetric_tokens_verify_against_the_cached_jwks(session: Session, configure, jwks: Jwks, alg: str) -> None:
    configure(url=jwks.url)
    key, kid = (jwks.es_key, "es-1") if alg == "ES256" else (jwks.rs_key, "rs-1")
    token = jwt.encode(_claims(url=jwks.url), key, algorithm=alg, headers={"kid": kid})
    user = auth.authenticate(session, token)
    assert user is not None and user.supabase_sub == SUB
    assert auth.authenticate(session, token) == user
    assert jwks.hits == ["/auth/v1/.well-known/jwks.json"]


def test_asymmetric_rejections(configure, jwks: Jwks) -> None:
    configure(url=jwks.url)
    claims = _claims(url=jwks.url)
    stranger = ec.generate_private_key(ec.SECP256R1())
    rejected = {
        "foreign key with our kid": jwt.encode(claims, stranger, algorithm="ES256", headers={"kid": "es-1"}),
        "unknown kid": jwt.encode(claims, jwks.es_key, algorithm="ES256", headers={"kid": "nope"}),
        "no kid": jwt.encode(claims, jwks.es_key, algorithm="ES256"),
        "alg swapped to the other key": jwt.encode(claims, jwks.rs_key, algorithm="RS256", headers={"kid": "es-1"}),
        "expired": jwt.encode(
            _claims(url=jwks.url, exp=int(time.time()) - 60), jwks.es_key, algorithm="ES256", headers={"kid": "es-1"}
        ),
        "wrong audience": jwt.encode(
            _claims(url=jwks.url, aud="anon"), jwks.es_key, algorithm="ES256", headers={"kid": "es-1"}
        ),
        "wrong issuer": jwt.encode(_claims(), jwks.es_key, algorithm="ES256", headers={"kid": "es-1"}),
    }
    for case, token in rejected.items():
        with pytest.raises(InvalidSupabaseToken):
            verify_access_token(token)
            pytest.fail(case)


def test_asymmetric_tokens_need_a_supabase_url(configure, jwks: Jwks) -> None:
    configure(url=None)
    token = jwt.encode(_claims(iss=None), jwks.es_key, algorithm="ES256", headers={"kid": "es-1"})
    with pytest.raises(InvalidSupabaseToken):
        verify_access_token(token)
    assert jwks.hits == []


def test_unreachable_jwks_rejects_instead_of_failing(configure) -> None:
    configure(url=OFFLINE_URL)
    key = ec.generate_private_key(ec.SECP256R1())
    token = jwt.encode(_claims(), key, algorithm="ES256", headers={"kid": "es-1"})
    with pytest.raises(InvalidSupabaseToken):
        verify_access_token(token)

"""A local stand-in for Supabase Auth (GoTrue): the endpoints our sign-up, sign-in and password change use.

It speaks GoTrue's wire format as `supabase_auth` parses it (API version 2024-01-01 error bodies
`{"code", "message"}` with the `X-Supabase-Api-Version` header), checks the `apikey` header, and
signs access tokens as a Supabase project does: HS256 with the project's JWT secret, or ES256 with
a key published at `/auth/v1/.well-known/jwks.json`.
"""

from __future__ import annotations

import datetime as dt
import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

import jwt
from cryptography.hazmat.primitives.asymmetric import ec
from jwt.algorithms import ECAlgorithm
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

API_VERSION = "2024-01-01"
ANON_KEY = "stub-anon-key"
JWT_SECRET = "stub-jwt-secret-with-at-least-thirty-two-characters"


@dataclass
class StubUser:
    """An account held by the stub."""

    id: str
    email: str
    password: str
    data: dict[str, Any]
    confirmed: bool
    created_at: str


@dataclass
class SupabaseAuthStub:
    """The stub's accounts and settings; `requests` records (method, path) of every call."""

    base_url: str = ""
    algorithm: str = "HS256"
    confirm_email: bool = False
    down: bool = False
    users: dict[str, StubUser] = field(default_factory=dict)
    requests: list[tuple[str, str]] = field(default_factory=list)
    es_key: ec.EllipticCurvePrivateKey = field(default_factory=lambda: ec.generate_private_key(ec.SECP256R1()))

    def confirm(self, email: str) -> None:
        """Mark an address confirmed, as clicking the emailed link would."""
        self.users[email.lower()].confirmed = True

    def access_token(self, user: StubUser, *, expires_in: int = 3600) -> str:
        """A project-signed access token for `user`."""
        now = int(time.time())
        claims = {
            "sub": user.id,
            "email": user.email,
            "aud": "authenticated",
            "role": "authenticated",
            "iss": f"{self.base_url}/auth/v1",
            "iat": now,
            "exp": now + expires_in,
            "user_metadata": user.data,
        }
        if self.algorithm == "ES256":
            return jwt.encode(claims, self.es_key, algorithm="ES256", headers={"kid": "stub-es"})
        return jwt.encode(claims, JWT_SECRET, algorithm="HS256")

    def app(self) -> Starlette:
        """The ASGI app to serve."""
        return Starlette(
            routes=[
                Route("/auth/v1/signup", self._signup, methods=["POST"]),
                Route("/auth/v1/token", self._token, methods=["POST"]),
                Route("/auth/v1/user", self._update_user, methods=["PUT"]),
                Route("/auth/v1/.well-known/jwks.json", self._jwks, methods=["GET"]),
            ]
        )

    def _user_json(self, user: StubUser) -> dict[str, Any]:
        confirmed_at = user.created_at if user.confirmed else None
        return {
            "id": user.id,
            "aud": "authenticated",
            "role": "authenticated",
            "email": user.email,
            "app_metadata": {"provider": "email", "providers": ["email"]},
            "user_metadata": user.data,
            "created_at": user.created_at,
            "updated_at": user.created_at,
            "confirmed_at": confirmed_at,
            "email_confirmed_at": confirmed_at,
            "confirmation_sent_at": None if user.confirmed else user.created_at,
            "identities": [],
            "is_anonymous": False,
        }

    def _session_json(self, user: StubUser) -> dict[str, Any]:
        return {
            "access_token": self.access_token(user),
            "token_type": "bearer",
            "expires_in": 3600,
            "expires_at": int(time.time()) + 3600,
            "refresh_token": uuid.uuid4().hex,
            "user": self._user_json(user),
        }

    @staticmethod
    def _error(status: int, code: str, message: str) -> JSONResponse:
        return JSONResponse({"code": code, "message": message}, status, headers={"X-Supabase-Api-Version": API_VERSION})

    @staticmethod
    def _ok(body: dict[str, Any]) -> JSONResponse:
        return JSONResponse(body, headers={"X-Supabase-Api-Version": API_VERSION})

    def _refused(self, request: Request) -> Response | None:
        self.requests.append((request.method, request.url.path))
        if self.down:
            return Response("upstream connect error", status_code=503)
        if request.headers.get("apikey") != ANON_KEY:
            return self._error(401, "no_authorization", "Invalid API key")
        return None

    async def _signup(self, request: Request) -> Response:
        if (refused := self._refused(request)) is not None:
            return refused
        body = json.loads(await request.body())
        email, password = str(body.get("email", "")).lower(), str(body.get("password", ""))
        if email in self.users:
            return self._error(422, "user_already_exists", "User already registered")
        if len(password) < 6:
            body = {"code": "weak_password", "message": "Password should be at least 6 characters.",
                    "weak_password": {"reasons": ["length"]}}  # fmt: skip
            return JSONResponse(body, 422, headers={"X-Supabase-Api-Version": API_VERSION})
        now = dt.datetime.now(dt.UTC).isoformat()
        user = StubUser(str(uuid.uuid4()), email, password, dict(body.get("data") or {}), not self.confirm_email, now)
        self.users[email] = user
        return self._ok(self._session_json(user) if user.confirmed else self._user_json(user))

    async def _token(self, request: Request) -> Response:
        if (refused := self._refused(request)) is not None:
            return refused
        if request.query_params.get("grant_type") != "password":
            return self._error(400, "validation_failed", "unsupported grant_type")
        body = json.loads(await request.body())
        user = self.users.get(str(body.get("email", "")).lower())
        if user is None or user.password != body.get("password"):
            return self._error(400, "invalid_credentials", "Invalid login credentials")
        if not user.confirmed:
            return self._error(400, "email_not_confirmed", "Email not confirmed")
        return self._ok(self._session_json(user))

    async def _update_user(self, request: Request) -> Response:
        if (refused := self._refused(request)) is not None:
            return refused
        token = request.headers.get("authorization", "").removeprefix("Bearer ")
        try:
            key = self.es_key.public_key() if self.algorithm == "ES256" else JWT_SECRET
            claims = jwt.decode(token, key, algorithms=[self.algorithm], audience="authenticated")
        except jwt.PyJWTError:
            return self._error(401, "bad_jwt", "invalid JWT")
        user = next((u for u in self.users.values() if u.id == claims["sub"]), None)
        if user is None:
            return self._error(404, "user_not_found", "User not found")
        body = json.loads(await request.body())
        if "password" in body:
            if body["password"] == user.password:
                return self._error(422, "same_password", "New password should be different from the old password.")
            user.password = str(body["password"])
        return self._ok(self._user_json(user))

    async def _jwks(self, request: Request) -> Response:
        self.requests.append((request.method, request.url.path))
        key = {**ECAlgorithm.to_jwk(self.es_key.public_key(), as_dict=True), "kid": "stub-es", "alg": "ES256"}
        return self._ok({"keys": [key] if self.algorithm == "ES256" else []})

"""The REST API under /api and the ASGI middleware guarding the whole app.

Mount both into Reflex (FastAPI's routes match first, the Reflex app behind them)::

    from wheels_wins.api.app import fastapi_app, security_middleware

    app = rx.App(api_transformer=[fastapi_app, security_middleware])
"""

from __future__ import annotations

import re
from typing import NoReturn

from fastapi import FastAPI, Request
from starlette.routing import BaseRoute, Match
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wheels_wins.api.errors import ApiError, error_body, install_error_handlers, is_api_path
from wheels_wins.api.routers import (
    auth,
    avatars,
    budgets,
    calendar,
    category_rules,
    comments,
    expenses,
    fuel,
    groups,
    health,
    imports,
    income,
    listing_photos,
    listings,
    maintenance,
    me,
    notifications,
    pam,
    places,
    post_photos,
    posts,
    speech,
    tokens,
    trips,
    vehicle,
)
from wheels_wins.settings import get_settings

API_PREFIX = "/api"
V1_PREFIX = "/api/v1"
_ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

TAGS = [
    {"name": "health", "description": "Is the service up"},
    {"name": "auth", "description": "Accounts and bearer tokens"},
    {"name": "me", "description": "The signed-in user's profile and preferences"},
    {"name": "notifications", "description": "Budget alerts, maintenance due, comments and likes: read, unread, delete"},
    {"name": "access tokens", "description": "Personal access tokens for integrations (managed when signed in)"},
    {"name": "expenses", "description": "Money spent"},
    {"name": "imports", "description": "Bank-statement CSV imports: draft, preview, commit"},
    {"name": "category rules", "description": "Merchant keywords that choose an imported expense's category"},
    {"name": "budgets", "description": "Monthly budgets per category"},
    {"name": "income", "description": "Money earned"},
    {"name": "trips", "description": "Trips: road routes when a router is configured, offline estimates otherwise"},
    {"name": "places", "description": "Saved places: campgrounds, free camps, dump points, fuel, mechanics"},
    {"name": "vehicle", "description": "The vehicle profile: fuel type, tank and expected consumption for estimates"},
    {"name": "fuel", "description": "Fill-ups (each records a fuel expense) and consumption measured between full fills"},
    {"name": "maintenance", "description": "Maintenance records (a cost records an expense), schedules and what is due"},
    {"name": "calendar", "description": "Events and reminders"},
    {"name": "posts", "description": "The community feed"},
    {"name": "marketplace", "description": "Gear for sale between travellers: listings, photos, interest"},
    {"name": "pam", "description": "PAM, the assistant that acts"},
]


def _allowed_methods(scope: Scope, routes: list[BaseRoute]) -> list[str]:
    return [
        method
        for method in _ALL_METHODS
        if any(route.matches({**scope, "method": method})[0] is Match.FULL for route in routes)
    ]


async def _unknown_api_path(request: Request) -> NoReturn:
    routes = request.app.router.routes
    # Only the API's own routes count; whatever is mounted after this one (the Reflex app) matches any path.
    api_routes = routes[: next(i for i, r in enumerate(routes) if getattr(r, "endpoint", None) is _unknown_api_path)]
    allowed = _allowed_methods(request.scope, api_routes)
    if allowed:
        raise ApiError(
            405, "method_not_allowed", f"{request.method} is not allowed here", {"Allow": ", ".join(allowed)}
        )
    raise ApiError(404, "not_found", f"no API endpoint at {request.url.path}")


def create_api() -> FastAPI:
    """The FastAPI application serving /api."""
    api = FastAPI(
        title="Wheels & Wins API",
        version="1.0.0",
        summary="Trips, money and community for RV travellers.",
        openapi_url=f"{API_PREFIX}/openapi.json",
        docs_url=f"{API_PREFIX}/docs",
        swagger_ui_oauth2_redirect_url=f"{API_PREFIX}/docs/oauth2-redirect",
        redoc_url=None,
        openapi_tags=TAGS,
    )
    install_error_handlers(api)
    api.include_router(health.router, prefix=API_PREFIX)
    wins = (expenses, imports, category_rules, budgets, income)
    wheels = (trips, places, vehicle, fuel, maintenance, calendar)
    social = (posts, post_photos, comments, groups, listings, listing_photos)
    for module in (auth, me, avatars, notifications, tokens, *wins, *wheels, *social, pam, speech):
        api.include_router(module.router, prefix=V1_PREFIX)
    # Anything else under /api answers in the error envelope rather than falling through to Reflex.
    api.add_api_route(
        f"{API_PREFIX}/{{path:path}}",
        _unknown_api_path,
        methods=_ALL_METHODS,
        include_in_schema=False,
        response_model=None,
    )
    return api


fastapi_app = create_api()

SECURITY_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    (b"content-security-policy", b"frame-ancestors 'none'"),
    (b"cache-control", b"no-store"),
)


UPLOAD_PATHS = ("/_upload", f"{V1_PREFIX}/imports")
# Photo uploads: a post's photo, a listing's photos, the profile photo.
UPLOAD_PATH_PATTERN = re.compile(rf"^{V1_PREFIX}/(posts/[^/]+/photo|listings/[^/]+/photos|me/avatar)$")


def _limit_for(path: str, override: int | None) -> int:
    """The body limit for a path: file uploads (statements) may be larger than any JSON body."""
    settings = get_settings()
    limit = override if override is not None else settings.max_body_bytes
    if path.rstrip("/") in UPLOAD_PATHS or UPLOAD_PATH_PATTERN.match(path.rstrip("/")):
        return max(limit, settings.max_upload_bytes)
    return limit


class SecurityMiddleware:
    """Pure ASGI: refuse bodies over `max_body_bytes` with 413 and add security headers to /api responses.

    The size is checked against Content-Length up front and counted while the body streams in,
    so a chunked or lying request is cut off too. `max_body_bytes` defaults to the setting.
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = _limit_for(path, self.max_body_bytes)
        api = is_api_path(path)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send, limit, api)
            return

        received = 0
        overflowed = False
        rejected = False
        started = False

        async def counted_receive() -> Message:
            nonlocal received, overflowed, rejected
            if overflowed:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    overflowed = True
                    if not started:
                        rejected = True
                        await _too_large(send, limit, api)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started
            if rejected:
                return  # the 413 has been sent; whatever the app answers to the cut-off body is dropped
            if message["type"] == "http.response.start":
                started = True
                if api:
                    message = {**message, "headers": _with_security_headers(message.get("headers", []))}
            await send(message)

        await self.app(scope, counted_receive, guarded_send)


def security_middleware(app: ASGIApp) -> ASGIApp:
    """Wrap an ASGI app in `SecurityMiddleware` (the form `rx.App(api_transformer=...)` takes)."""
    return SecurityMiddleware(app)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _with_security_headers(headers: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    present = {name.lower() for name, _ in headers}
    return [*headers, *((name, value) for name, value in SECURITY_HEADERS if name not in present)]


async def _too_large(send: Send, limit: int, api: bool) -> None:
    body = error_body("payload_too_large", f"request body is larger than {limit} bytes")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send(
        {"type": "http.response.start", "status": 413, "headers": _with_security_headers(headers) if api else headers}
    )
    await send({"type": "http.response.body", "body": body})

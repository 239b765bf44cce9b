"""The REST API under /api; the ASGI middleware guarding the whole app lives in `security` and is re-exported here.

Mount both into Reflex (FastAPI's routes match first, the Reflex app behind them)::

    from wheels_wins.api.app import fastapi_app, security_middleware

    app = rx.App(api_transformer=[fastapi_app, security_middleware])
"""

from __future__ import annotations

from typing import Any, NoReturn

from fastapi import FastAPI, Request
from starlette.routing import BaseRoute, Match
from starlette.types import Scope

from wheels_wins.api.errors import ApiError, install_error_handlers
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
from wheels_wins.api.security import SecurityMiddleware as SecurityMiddleware
from wheels_wins.api.security import _limit_for as _limit_for
from wheels_wins.api.security import security_middleware as security_middleware

API_PREFIX = "/api"
V1_PREFIX = "/api/v1"
_ALL_METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"]

TAGS = [
    {"name": "health", "description": "Is the service up"},
    {"name": "auth", "description": "Accounts and bearer tokens"},
    {"name": "me", "description": "The signed-in user's profile and preferences"},
    {
        "name": "notifications",
        "description": "Budget alerts, maintenance due, comments and likes: read, unread, delete",
    },
    {"name": "access tokens", "description": "Personal access tokens for integrations (managed when signed in)"},
    {"name": "expenses", "description": "Money spent"},
    {"name": "imports", "description": "Bank-statement CSV imports: draft, preview, commit"},
    {"name": "category rules", "description": "Merchant keywords that choose an imported expense's category"},
    {"name": "budgets", "description": "Monthly budgets per category"},
    {"name": "income", "description": "Money earned"},
    {"name": "trips", "description": "Trips: road routes when a router is configured, offline estimates otherwise"},
    {"name": "places", "description": "Saved places: campgrounds, free camps, dump points, fuel, mechanics"},
    {"name": "vehicle", "description": "The vehicle profile: fuel type, tank and expected consumption for estimates"},
    {
        "name": "fuel",
        "description": "Fill-ups (each records a fuel expense) and consumption measured between full fills",
    },
    {
        "name": "maintenance",
        "description": "Maintenance records (a cost records an expense), schedules and what is due",
    },
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


_BODY_ERRORS: dict[str, dict[str, Any]] = {
    "400": {"description": "`bad_request`: the body could not be read (not UTF-8, or a broken form)"},
    "413": {"description": "`payload_too_large`: the body is over the size limit"},
}


def _document_body_errors(api: FastAPI) -> None:
    """Every operation that reads a body may answer 400 or 413 before its own code runs: say so in the schema."""
    generate = api.openapi

    def openapi() -> dict[str, Any]:
        if api.openapi_schema is None:
            schema = generate()
            envelope = {"application/json": {"schema": {"$ref": "#/components/schemas/ErrorEnvelope"}}}
            for operations in schema["paths"].values():
                for operation in operations.values():
                    if "requestBody" in operation:
                        for status, response in _BODY_ERRORS.items():
                            operation["responses"].setdefault(status, {**response, "content": envelope})
        return api.openapi_schema or generate()

    api.openapi = openapi  # type: ignore[method-assign]


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
    _document_body_errors(api)
    return api


fastapi_app = create_api()

"""The one error envelope, `{"error": {"code", "message"}}`, and the handlers that render it."""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import BaseModel
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.exc import TimeoutError as PoolTimeoutError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wheels_wins.db import is_database_down
from wheels_wins.services.auth import AuthError
from wheels_wins.services.trips import UnknownPlace
from wheels_wins.services.vehicle_log import VehicleLogError

log = logging.getLogger(__name__)

STATUS_CODES: dict[int, str] = {
    400: "bad_request",
    401: "not_authenticated",
    403: "forbidden",
    404: "not_found",
    405: "method_not_allowed",
    409: "conflict",
    413: "payload_too_large",
    415: "unsupported_media_type",
    422: "validation_error",
    429: "rate_limited",
    500: "internal_error",
    503: "service_unavailable",
}
BEARER_CHALLENGE = {"WWW-Authenticate": "Bearer"}


class ErrorBody(BaseModel):
    """What went wrong: a stable snake_case code and a human message."""

    code: str
    message: str


class ErrorEnvelope(BaseModel):
    """Every 4xx/5xx response body."""

    error: ErrorBody


class ApiError(Exception):
    """An error response raised from a route or dependency."""

    def __init__(self, status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = dict(headers or {})


def not_found(what: str = "record") -> ApiError:
    """404 for a record that is missing or not the caller's (the two are never told apart)."""
    return ApiError(404, "not_found", f"{what} not found")


def invalid(field: str, message: str, code: str = "validation_error") -> ApiError:
    """422 naming the offending field."""
    return ApiError(422, code, f"{field}: {message}")


def not_authenticated(message: str = "missing or invalid bearer token") -> ApiError:
    """401 with the Bearer challenge."""
    return ApiError(401, "not_authenticated", message, BEARER_CHALLENGE)


def error_response(status: int, code: str, message: str, headers: Mapping[str, str] | None = None) -> JSONResponse:
    """The envelope as a response."""
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=dict(headers or {}))


def error_body(code: str, message: str) -> bytes:
    """The envelope as JSON bytes, for pure ASGI code that has no response classes."""
    return ErrorEnvelope(error=ErrorBody(code=code, message=message)).model_dump_json().encode()


def _field_path(loc: Sequence[Any]) -> str:
    parts = [str(p) for p in loc]
    if parts and parts[0] in ("body", "query", "path", "header", "cookie") and len(parts) > 1:
        parts = parts[1:]
    return ".".join(parts) or "request"


_PHRASES = (
    ("Value error, ", ""),
    ("Input should be ", "must be "),
    ("String should ", "must "),
    ("List should ", "must "),
    ("Field required", "is required"),
)


def _humanise(message: str) -> str:
    for prefix, replacement in _PHRASES:
        if message.startswith(prefix):
            return replacement + message[len(prefix) :]
    return message


def validation_message(errors: Sequence[Mapping[str, Any]]) -> str:
    """`amount: must be greater than 0; date: is required` from pydantic's error list."""
    seen: list[str] = []
    for err in errors:
        text = f"{_field_path(err.get('loc', ()))}: {_humanise(str(err.get('msg', 'is invalid')))}"
        if text not in seen:
            seen.append(text)
    return "; ".join(seen[:5]) or "request: is invalid"


async def _api_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    return error_response(exc.status, exc.code, exc.message, exc.headers)


async def _http_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = STATUS_CODES.get(exc.status_code, "error")
    message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
    headers = dict(exc.headers or {})
    if exc.status_code == 401:
        headers.setdefault("WWW-Authenticate", "Bearer")
    return error_response(exc.status_code, code, message, headers)


async def _validation_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return error_response(422, "validation_error", validation_message(exc.errors()))


_AUTH_FIELDS = {"invalid_email": "email", "invalid_password": "password", "invalid_full_name": "full_name"}


async def _auth_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, AuthError)
    message = exc.message
    if exc.status == 422 and exc.code in _AUTH_FIELDS:
        message = f"{_AUTH_FIELDS[exc.code]}: {message}"
    return error_response(exc.status, exc.code, message, BEARER_CHALLENGE if exc.status == 401 else None)


async def _unknown_place(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnknownPlace)
    name = exc.name or "(blank)"
    return error_response(422, "unknown_place", f"waypoints: unknown place '{name}'")


async def _vehicle_log_error(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, VehicleLogError)
    return error_response(422, "validation_error", f"{exc.field}: {exc.message}")


async def _database_error(request: Request, exc: Exception) -> JSONResponse:
    if is_database_down(exc):
        log.warning("Database unavailable on %s %s: %s", request.method, request.url.path, exc.__class__.__name__)
        message = "the database is unavailable right now; try again in a moment"
        return error_response(503, "database_unavailable", message, {"Retry-After": "5"})
    if isinstance(exc, IntegrityError):
        log.info("Integrity error on %s %s: %s", request.method, request.url.path, exc.orig)
        return error_response(409, "conflict", "the change conflicts with existing data")
    log.exception("Database error on %s %s", request.method, request.url.path, exc_info=exc)
    return error_response(500, "internal_error", "internal server error")


def install_error_handlers(app: FastAPI) -> None:
    """Render every error the API can raise as the envelope."""
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(AuthError, _auth_error)
    app.add_exception_handler(UnknownPlace, _unknown_place)
    app.add_exception_handler(VehicleLogError, _vehicle_log_error)
    app.add_exception_handler(DBAPIError, _database_error)
    app.add_exception_handler(PoolTimeoutError, _database_error)
    app.add_middleware(UnexpectedErrorMiddleware)


def is_api_path(path: str) -> bool:
    """Whether a request path belongs to the REST API."""
    return path == "/api" or path.startswith("/api/")


class UnexpectedErrorMiddleware:
    """Answer an unhandled exception on an /api path with a logged, generic 500 envelope."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or not is_api_path(scope.get("path", "")):
            await self.app(scope, receive, send)
            return
        started = False

        async def tracking_send(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
            await send(message)

        try:
            await self.app(scope, receive, tracking_send)
        except Exception:
            log.exception("Unhandled error on %s %s", scope.get("method"), scope.get("path"))
            if started:
                raise
            response = error_response(500, "internal_error", "internal server error")
            await response(scope, receive, send)


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorEnvelope, "description": "Missing or invalid bearer token"},
    404: {"model": ErrorEnvelope, "description": "Unknown, or not yours"},
    422: {"model": ErrorEnvelope, "description": "Invalid input; the message names the field"},
}

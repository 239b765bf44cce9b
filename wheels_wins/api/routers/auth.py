"""Accounts: register, log in, log out and change the password."""

from __future__ import annotations

import asyncio

from fastapi import APIRouter, Depends, Request, Response, status
from fastapi.responses import JSONResponse

from wheels_wins.api.deps import CurrentUser, SessionDep, TokenDep, client_ip, rate_limit
from wheels_wins.api.errors import ERROR_RESPONSES, ApiError, ErrorEnvelope
from wheels_wins.api.schemas.users import (
    AuthResponse,
    LoginRequest,
    PasswordChange,
    RegisterRequest,
    RegistrationPending,
    UserBrief,
)
from wheels_wins.services import accounts, auth, supabase_auth, throttle
from wheels_wins.services.rate_limits import LOGIN_ATTEMPTS, retry_after_header

router = APIRouter(prefix="/auth", tags=["auth"])

# Beyond this the caller is told to come back later rather than held on an open connection.
LONGEST_LOGIN_WAIT_SECONDS = 5.0
REGISTRATIONS_PER_MINUTE = 20
"""Accounts one client address may open a minute."""
_RATE_LIMITED = {429: {"model": ErrorEnvelope, "description": "Too many attempts; see Retry-After"}}
_AUTH_DOWN = {503: {"model": ErrorEnvelope, "description": "`auth_unavailable`: Supabase Auth can't be reached"}}


def _user_agent(request: Request) -> str:
    return request.headers.get("user-agent", "")


@router.post(
    "/register",
    status_code=status.HTTP_201_CREATED,
    response_model=AuthResponse,
    summary="Create an account",
    dependencies=[Depends(rate_limit("register", limit=REGISTRATIONS_PER_MINUTE))],
    responses={
        202: {"model": RegistrationPending, "description": "Supabase mode: confirm the emailed link, then log in"},
        409: {"model": ErrorEnvelope, "description": "The email is taken"},
        422: ERROR_RESPONSES[422],
        **_RATE_LIMITED,
        **_AUTH_DOWN,
    },
)
async def register(body: RegisterRequest, request: Request) -> AuthResponse | JSONResponse:
    """Create an account and return a bearer token for it (in Supabase mode, 202 while the email awaits confirmation)."""
    registered = await accounts.register(
        email=body.email, password=body.password, full_name=body.full_name, user_agent=_user_agent(request)
    )
    if registered is None:
        pending = RegistrationPending(message=supabase_auth.CONFIRMATION_SENT)
        return JSONResponse(pending.model_dump(), status_code=status.HTTP_202_ACCEPTED)
    user, token = registered
    return AuthResponse(access_token=token, user=UserBrief.model_validate(user))


@router.post(
    "/login",
    response_model=AuthResponse,
    summary="Log in",
    dependencies=[Depends(rate_limit(LOGIN_ATTEMPTS.name, limit=LOGIN_ATTEMPTS.limit))],
    responses={
        401: {"model": ErrorEnvelope, "description": "Bad credentials"},
        403: {"model": ErrorEnvelope, "description": "`email_not_confirmed` (Supabase mode)"},
        422: ERROR_RESPONSES[422],
        **_RATE_LIMITED,
        **_AUTH_DOWN,
    },
)
async def login(body: LoginRequest, request: Request) -> AuthResponse:
    """Exchange an email and password for a bearer token; repeated failures slow down, then answer 429."""
    email, ip = auth.normalise_email(body.email), client_ip(request)
    delay = await throttle.login_delay(email, ip)
    if delay > LONGEST_LOGIN_WAIT_SECONDS:
        raise ApiError(
            429,
            "rate_limited",
            "too many failed sign-in attempts; try again later",
            {"Retry-After": retry_after_header(delay)},
        )
    if delay > 0:
        await asyncio.sleep(delay)
    try:
        user, token = await accounts.login(email=email, password=body.password, user_agent=_user_agent(request))
    except auth.AuthError as exc:
        if exc.status == 401:
            await throttle.login_failed(email, ip)
        raise
    await throttle.login_succeeded(email, ip)
    return AuthResponse(access_token=token, user=UserBrief.model_validate(user))


@router.post(
    "/logout",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Log out",
    responses={401: ERROR_RESPONSES[401]},
)
def logout(user: CurrentUser, token: TokenDep, session: SessionDep) -> Response:
    """Revoke the bearer token."""
    auth.logout(session, token)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@router.post(
    "/password",
    response_model=AuthResponse,
    summary="Change password",
    dependencies=[Depends(rate_limit("password", limit=20))],
    responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422], **_RATE_LIMITED, **_AUTH_DOWN},
)
async def change_password(body: PasswordChange, request: Request, user: CurrentUser) -> AuthResponse:
    """Replace the password, sign out every device and return a fresh token for this one."""
    try:
        token = await accounts.change_password(
            user=user,
            current_password=body.current_password,
            new_password=body.new_password,
            user_agent=_user_agent(request),
        )
    except auth.AuthError as exc:
        # A wrong current password is bad input, not a dead session: 401 would sign the client out.
        if exc.code == "invalid_current_password":
            raise ApiError(422, exc.code, "current_password: is incorrect") from exc
        if exc.code == "invalid_password":
            raise ApiError(422, exc.code, f"new_password: {exc.message}") from exc
        raise
    return AuthResponse(access_token=token, user=UserBrief.model_validate(user))

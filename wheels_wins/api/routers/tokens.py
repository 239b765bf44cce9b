"""Personal access tokens for integrations: create (shown once), list, revoke. Login sessions only."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from wheels_wins.api.deps import CurrentUser, SessionDep, parse_id
from wheels_wins.api.errors import ERROR_RESPONSES, ErrorEnvelope, invalid, not_found
from wheels_wins.api.schemas.access_tokens import TokenCreate, TokenCreated, TokenPublic
from wheels_wins.api.schemas.common import Page
from wheels_wins.services import access_tokens

router = APIRouter(
    prefix="/me/tokens",
    tags=["access tokens"],
    responses={
        401: ERROR_RESPONSES[401],
        403: {"model": ErrorEnvelope, "description": "Called with an access token: tokens are managed when signed in"},
    },
)


@router.get("", response_model=Page[TokenPublic], summary="My access tokens")
def list_tokens(user: CurrentUser, session: SessionDep) -> Page[TokenPublic]:
    """The live tokens, newest first, with when each was last used (never the tokens themselves)."""
    rows = access_tokens.list_tokens(session, user_id=user.id)
    return Page(items=[TokenPublic.model_validate(row) for row in rows], total=len(rows))


@router.post(
    "",
    status_code=status.HTTP_201_CREATED,
    response_model=TokenCreated,
    summary="Create an access token",
    responses={422: ERROR_RESPONSES[422]},
)
def create_token(body: TokenCreate, user: CurrentUser, session: SessionDep) -> TokenCreated:
    """Create a read-only or read and write token; the response is the only time the token is shown."""
    try:
        row, token = access_tokens.create(session, user_id=user.id, name=body.name, scope=body.scope)
    except access_tokens.TokenError as error:
        raise invalid(error.field, error.message) from error
    return TokenCreated.model_validate({**TokenPublic.model_validate(row).model_dump(), "token": token})


@router.delete(
    "/{token_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Revoke an access token",
    responses={404: ERROR_RESPONSES[404]},
)
def revoke_token(token_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Revoke a token at once: requests with it answer 401 from now on."""
    if not access_tokens.revoke(session, user_id=user.id, token_id=parse_id(token_id, "access token")):
        raise not_found("access token")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

"""Personal access tokens: create one, list them (never the token itself), and the one-time reveal."""

from __future__ import annotations

import uuid
from typing import Literal

from pydantic import Field

from wheels_wins.api.schemas.common import Schema, Str, Timestamp
from wheels_wins.services.access_tokens import MAX_NAME_LENGTH


class TokenCreate(Schema):
    """A new token: what it is for and whether it may change data."""

    name: Str = Field(min_length=1, max_length=MAX_NAME_LENGTH, examples=["Home Assistant"])
    scope: Literal["read", "write"] = Field("read", description="`read`: GET only; `write`: every method")


class TokenPublic(Schema):
    """A token as listed: its first characters, never the token."""

    id: uuid.UUID
    name: str
    scope: Literal["read", "write"]
    prefix: str = Field(description="The token's first characters, to recognise it")
    created_at: Timestamp
    last_used_at: Timestamp | None = Field(description="Recorded to the minute; null when never used")


class TokenCreated(TokenPublic):
    """A token just created: the only response that carries the token itself."""

    token: str = Field(description="Send as `Authorization: Bearer <token>`; it is shown this once")

"""The account as a whole: closing it."""

from __future__ import annotations

from pydantic import Field

from wheels_wins.api.schemas.common import Schema
from wheels_wins.api.schemas.users import PASSWORD_FIELD_MAX


class AccountDelete(Schema):
    """The password, re-entered to confirm that the account and all its data should go."""

    password: str = Field(min_length=1, max_length=PASSWORD_FIELD_MAX)

"""REST API tests, through an in-process ASGI client on SQLite and PostgreSQL."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import httpx

# Where the in-process client's requests come from: a visitor elsewhere on the internet (TEST-NET-3), as
# the machine itself (loopback) is exempt from per-address rate limits.
VISITOR_ADDRESS = "203.0.113.7"


@dataclass
class Account:
    """A signed-in user as the API sees them."""

    id: str
    email: str
    token: str

    @property
    def headers(self) -> dict[str, str]:
        """The Authorization header for this account."""
        return {"Authorization": f"Bearer {self.token}"}


def assert_error(
    response: httpx.Response, status: int, code: str | None = None, mentions: str | None = None
) -> dict[str, Any]:
    """Check the status and the `{"error": {"code", "message"}}` envelope; returns the error."""
    assert response.status_code == status, response.text
    body = response.json()
    assert set(body) >= {"error"}, body
    error = body["error"]
    assert isinstance(error["code"], str) and error["code"] == error["code"].lower() and " " not in error["code"]
    assert isinstance(error["message"], str) and error["message"]
    if code is not None:
        assert error["code"] == code, error
    if mentions is not None:
        assert mentions in error["message"], error
    return error

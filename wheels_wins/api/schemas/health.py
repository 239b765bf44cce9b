"""Operations: the health report."""

from __future__ import annotations

from typing import Literal

from pydantic import Field

from wheels_wins.api.errors import ErrorBody
from wheels_wins.api.schemas.common import Schema

RedisBacked = Literal["in-process", "ok", "unavailable"]


class HealthChecks(Schema):
    """Each dependency's state: the Redis-backed parts say `in-process` without REDIS_URL."""

    database: Literal["ok", "unavailable"]
    cache: RedisBacked
    rate_limits: RedisBacked
    ai_providers: list[str]
    row_security: Literal["enforced", "bypassed", "unsupported"] | None = Field(
        None,
        description="PostgreSQL's Row Level Security for the app's role: `bypassed` when it is a superuser or has "
        "BYPASSRLS (give the app its own role); `unsupported` on SQLite; absent while the database is down",
    )


class Health(Schema):
    """`healthy`, `degraded` (Redis is down: `degraded` names the parts serving in-process) or `unhealthy`.

    `unhealthy` means the database is down and comes with a 503.
    """

    status: Literal["healthy", "degraded", "unhealthy"]
    checks: HealthChecks
    degraded: list[str] | None = None
    error: ErrorBody | None = None

"""Operations: the health report."""

from __future__ import annotations

from typing import Literal

from wheels_wins.api.errors import ErrorBody
from wheels_wins.api.schemas.common import Schema

RedisBacked = Literal["in-process", "ok", "unavailable"]


class HealthChecks(Schema):
    """Each dependency's state: the Redis-backed parts say `in-process` without REDIS_URL."""

    database: Literal["ok", "unavailable"]
    cache: RedisBacked
    rate_limits: RedisBacked
    ai_providers: list[str]


class Health(Schema):
    """`healthy`, `degraded` (Redis is down: `degraded` names the parts serving in-process) or `unhealthy`.

    `unhealthy` means the database is down and comes with a 503.
    """

    status: Literal["healthy", "degraded", "unhealthy"]
    checks: HealthChecks
    degraded: list[str] | None = None
    error: ErrorBody | None = None

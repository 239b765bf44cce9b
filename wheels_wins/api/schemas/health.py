"""Operations: the health report."""

from __future__ import annotations

from typing import Literal

from wheels_wins.api.errors import ErrorBody
from wheels_wins.api.schemas.common import Schema


class HealthChecks(Schema):
    """Each dependency's state."""

    database: Literal["ok", "unavailable"]
    cache: Literal["in-process", "ok", "unavailable"]
    ai_providers: list[str]


class Health(Schema):
    """`healthy`, `degraded` (the cache is down) or `unhealthy` (the database is down, with a 503)."""

    status: Literal["healthy", "degraded", "unhealthy"]
    checks: HealthChecks
    error: ErrorBody | None = None

"""`GET /api/health`: the database, the cache, the rate limits and which AI providers are configured."""

from __future__ import annotations

import asyncio
import logging
from functools import lru_cache

from fastapi import APIRouter
from fastapi.responses import JSONResponse
from redis import Redis
from sqlalchemy import text

from wheels_wins.api.errors import ErrorBody
from wheels_wins.api.schemas.health import Health, HealthChecks
from wheels_wins.db import get_engine
from wheels_wins.repositories import row_security
from wheels_wins.services.rate_limits import rate_limits_status
from wheels_wins.services.redis_link import redis_client
from wheels_wins.settings import Settings, get_settings

log = logging.getLogger(__name__)
router = APIRouter(tags=["health"])

CHECK_TIMEOUT_SECONDS = 3.0
PING_TIMEOUT_SECONDS = 1.0


def _ping_database() -> str:
    """Ask the database one question: whether the app's role is held to the row policies."""
    with get_engine().connect() as connection:
        if connection.dialect.name != "postgresql":
            connection.execute(text("SELECT 1"))
            return "unsupported"
        return "bypassed" if row_security.role_bypasses_rls(connection) else "enforced"


async def database_status() -> tuple[str, str | None]:
    """`ok` when the database answers within the timeout, else `unavailable`; with the row security it found."""
    try:
        rls = await asyncio.wait_for(asyncio.to_thread(_ping_database), CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # noqa: BLE001 - any failure means the same to a load balancer
        log.warning("Health check: database unavailable (%s)", exc.__class__.__name__)
        return "unavailable", None
    return "ok", rls


@lru_cache(maxsize=4)
def _pinger(url: str) -> Redis:
    # Pooled and loop-independent: a load balancer's health checks reuse one connection instead of opening one each.
    return redis_client(url, timeout=PING_TIMEOUT_SECONDS)


async def cache_status(settings: Settings) -> str:
    """`in-process` without REDIS_URL, else whether Redis answers a PING."""
    if not settings.redis_url:
        return "in-process"
    client = _pinger(settings.redis_url)
    try:
        await asyncio.wait_for(asyncio.to_thread(client.ping), CHECK_TIMEOUT_SECONDS)
    except Exception as exc:  # noqa: BLE001 - a cache that cannot answer is down, whatever the reason
        log.warning("Health check: cache unavailable (%s)", exc.__class__.__name__)
        return "unavailable"
    return "ok"


async def rate_limit_status() -> str:
    """`in-process` without REDIS_URL, else whether the limiters' Redis answers (they count in-process if not)."""
    try:
        return await asyncio.wait_for(asyncio.to_thread(rate_limits_status), CHECK_TIMEOUT_SECONDS)
    except TimeoutError:
        return "unavailable"


def ai_providers(settings: Settings) -> list[str]:
    """The providers with a key configured, then `local`, which always answers."""
    keys = {
        "anthropic": settings.anthropic_api_key,
        "gemini": settings.gemini_api_key,
        "openai": settings.openai_api_key,
    }
    return [name for name, key in keys.items() if key] + ["local"]


@router.get(
    "/health",
    response_model=Health,
    response_model_exclude_none=True,
    summary="Service health",
    responses={503: {"model": Health, "description": "The database is unreachable"}},
)
async def health() -> JSONResponse:
    """200 when healthy or degraded (Redis down, served in-process), 503 when the database is unreachable."""
    settings = get_settings()
    (database, rls), cache, limits = await asyncio.gather(
        database_status(), cache_status(settings), rate_limit_status()
    )
    checks = HealthChecks(
        database=database,  # type: ignore[arg-type]
        row_security=rls,  # type: ignore[arg-type]
        cache=cache,  # type: ignore[arg-type]
        rate_limits=limits,  # type: ignore[arg-type]
        ai_providers=ai_providers(settings),
    )
    if database != "ok":
        error = ErrorBody(code="database_unavailable", message="database unavailable")
        body = Health(status="unhealthy", checks=checks, error=error)
        return JSONResponse(body.model_dump(mode="json"), status_code=503)
    degraded = [name for name, state in (("cache", cache), ("rate_limits", limits)) if state == "unavailable"]
    body = Health(status="degraded" if degraded else "healthy", checks=checks, degraded=degraded or None)
    return JSONResponse(body.model_dump(mode="json", exclude_none=True))

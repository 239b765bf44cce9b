"""Cross-cutting behaviour: health, OpenAPI, the error envelope, 413s, security headers, 503s and 500s."""

from __future__ import annotations

import json
from typing import Any

import httpx
import pytest
import redis
from sqlalchemy.engine import Engine
from starlette.types import Receive, Scope, Send

from tests.api import Account, assert_error
from wheels_wins.api.app import SecurityMiddleware, create_api, fastapi_app, security_middleware
from wheels_wins.settings import get_settings


async def test_health_reports_each_dependency(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, engine: Engine
) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 200
    # The tests' PostgreSQL role is the app's own, held to the row policies (see conftest).
    row_security = "enforced" if engine.dialect.name == "postgresql" else "unsupported"
    assert response.json() == {
        "status": "healthy",
        "checks": {
            "database": "ok",
            "cache": "in-process",
            "rate_limits": "in-process",
            "ai_providers": ["local"],
            "row_security": row_security,
        },
    }
    monkeypatch.setattr(get_settings(), "anthropic_api_key", "sk-test")
    monkeypatch.setattr(get_settings(), "redis_url", "redis://127.0.0.1:1/0")  # nothing listens there
    degraded = (await client.get("/api/health")).json()
    assert degraded["status"] == "degraded"
    assert degraded["checks"]["cache"] == "unavailable"
    assert degraded["checks"]["ai_providers"] == ["anthropic", "local"]


async def test_health_pings_redis_when_configured(client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from tests.conftest import REDIS_TIMEOUT, REDIS_URL, redis_available

    if not redis_available():
        pytest.skip("no local Redis")
    monkeypatch.setattr(get_settings(), "redis_url", REDIS_URL)
    monkeypatch.setattr(get_settings(), "redis_timeout_seconds", REDIS_TIMEOUT)  # a slow reply is not "unavailable"
    body = (await client.get("/api/health")).json()
    assert body["status"] == "healthy" and body["checks"]["cache"] == "ok"

    server = redis.Redis.from_url(REDIS_URL)
    before = server.info("stats")["total_connections_received"]
    for _ in range(20):  # a load balancer's checks
        assert (await client.get("/api/health")).json()["checks"]["cache"] == "ok"
    opened = server.info("stats")["total_connections_received"] - before
    server.close()
    assert opened <= 2  # the health check's pooled connection is reused (other tests may connect meanwhile)


async def test_health_says_when_the_apps_role_bypasses_row_security(
    client: httpx.AsyncClient, monkeypatch: pytest.MonkeyPatch, owner_db: Engine
) -> None:
    if owner_db.dialect.name != "postgresql":
        pytest.skip("Row Level Security exists on PostgreSQL only")
    monkeypatch.setattr("wheels_wins.api.routers.health.get_engine", lambda: owner_db)  # a superuser connection
    assert (await client.get("/api/health")).json()["checks"]["row_security"] == "bypassed"


async def test_health_is_503_when_the_database_is_down(client: httpx.AsyncClient, database_down: None) -> None:
    response = await client.get("/api/health")
    assert response.status_code == 503
    body = response.json()
    assert body["checks"]["database"] == "unavailable"
    assert body["error"]["code"] == "database_unavailable"


async def test_routes_answer_503_when_the_database_is_down(
    client: httpx.AsyncClient, alice: Account, database_down: None
) -> None:
    assert_error(await client.get("/api/v1/expenses", headers=alice.headers), 503, "database_unavailable")
    assert_error(
        await client.post("/api/v1/auth/login", json={"email": "a@example.com", "password": "whatever-123"}),
        503,
        "database_unavailable",
    )


async def test_openapi_and_docs(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    assert spec["info"]["title"] == "Wheels & Wins API"
    operations = [(path, method, op) for path, ops in spec["paths"].items() for method, op in ops.items()]
    assert len(operations) >= 40
    for path, method, op in operations:
        assert op.get("summary"), (path, method)
        assert op.get("tags"), (path, method)
        success = {code: r for code, r in op["responses"].items() if code.startswith("2")}
        assert success, (path, method)
        if "204" not in success:
            assert any("content" in r for r in success.values()), (path, method)
    assert "bearer" in json.dumps(spec["components"]["securitySchemes"]).lower()
    assert "/api/v1/expenses/summary" in spec["paths"]
    docs = await client.get("/api/docs")
    assert docs.status_code == 200 and "swagger" in docs.text.lower()


async def test_unknown_api_paths_and_methods_use_the_envelope(client: httpx.AsyncClient, alice: Account) -> None:
    assert_error(await client.get("/api/v1/nothing-here", headers=alice.headers), 404, "not_found")
    wrong_method = await client.put("/api/v1/expenses", headers=alice.headers, json={})
    assert_error(wrong_method, 405, "method_not_allowed")
    assert "POST" in wrong_method.headers["allow"]


async def test_limit_bounds_are_validated(client: httpx.AsyncClient, alice: Account) -> None:
    for collection in ("expenses", "income", "trips", "fuel", "maintenance", "calendar", "posts"):
        url = f"/api/v1/{collection}"
        assert_error(await client.get(url, params={"limit": 501}, headers=alice.headers), 422, mentions="limit")
        assert_error(await client.get(url, params={"limit": 0}, headers=alice.headers), 422, mentions="limit")
        assert_error(await client.get(url, params={"offset": -1}, headers=alice.headers), 422, mentions="offset")
        ok = await client.get(url, params={"limit": 500}, headers=alice.headers)
        assert ok.status_code == 200 and ok.json() == {"items": [], "total": 0}


async def test_security_headers_on_api_responses(client: httpx.AsyncClient, alice: Account) -> None:
    guarded = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=security_middleware(fastapi_app)), base_url="http://t"
    )
    async with guarded:
        for response in (
            await guarded.get("/api/health"),
            await guarded.get("/api/v1/me"),
            await guarded.get("/api/v1/me", headers=alice.headers),
        ):
            assert response.headers["x-content-type-options"] == "nosniff"
            assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
            assert response.headers["x-frame-options"] == "DENY"
            assert "frame-ancestors 'none'" in response.headers["content-security-policy"]


async def _echo_app(scope: Scope, receive: Receive, send: Send) -> None:
    """A dummy app that reads the whole body and reports its length."""
    size = 0
    while True:
        message = await receive()
        if message["type"] == "http.disconnect":
            break
        size += len(message.get("body", b""))
        if not message.get("more_body"):
            break
    body = json.dumps({"size": size}).encode()
    await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"application/json")]})
    await send({"type": "http.response.body", "body": body})


def _dummy_client(limit: int) -> httpx.AsyncClient:
    return httpx.AsyncClient(
        transport=httpx.ASGITransport(app=SecurityMiddleware(_echo_app, max_body_bytes=limit)), base_url="http://t"
    )


async def test_security_middleware_passes_small_bodies_and_non_api_paths_untouched() -> None:
    async with _dummy_client(10) as http:
        response = await http.post("/_event", content=b"12345")
        assert response.json() == {"size": 5}
        assert "cache-control" not in response.headers  # only /api answers are never cached
        assert "script-src 'self'" in response.headers["content-security-policy"]
        api = await http.post("/api/anything", content=b"1234567890")
        assert api.json() == {"size": 10} and api.headers["x-content-type-options"] == "nosniff"


async def test_security_middleware_rejects_a_declared_oversized_body() -> None:
    async with _dummy_client(10) as http:
        response = await http.post("/api/anything", content=b"x" * 11)
        assert_error(response, 413, "payload_too_large")
        assert response.headers["x-frame-options"] == "DENY"
        assert_error(await http.post("/somewhere-else", content=b"x" * 11), 413)


async def test_security_middleware_counts_streamed_bytes() -> None:
    async def chunks() -> Any:
        for _ in range(5):
            yield b"x" * 4  # no Content-Length: sent chunked

    async with _dummy_client(10) as http:
        assert_error(await http.post("/api/anything", content=chunks()), 413, "payload_too_large")


async def test_security_middleware_cuts_off_a_lying_content_length() -> None:
    received: list[dict[str, Any]] = []

    async def receive() -> dict[str, Any]:
        return {"type": "http.request", "body": b"x" * 8, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        received.append(message)

    scope = {"type": "http", "method": "POST", "path": "/api/x", "headers": [(b"content-length", b"5")]}
    await SecurityMiddleware(_echo_app, max_body_bytes=10)(scope, receive, send)
    assert received[0]["status"] == 413
    assert len([m for m in received if m["type"] == "http.response.start"]) == 1


async def test_oversized_body_through_the_api(
    client: httpx.AsyncClient, alice: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "max_body_bytes", 200)
    guarded = httpx.AsyncClient(
        transport=httpx.ASGITransport(app=security_middleware(fastapi_app)), base_url="http://t"
    )
    async with guarded:
        big = {"amount": "1.00", "category": "other", "description": "x" * 250}
        assert_error(await guarded.post("/api/v1/expenses", json=big, headers=alice.headers), 413, "payload_too_large")
        small = {"amount": "1.00", "category": "other"}
        assert (await guarded.post("/api/v1/expenses", json=small, headers=alice.headers)).status_code == 201
    assert (await client.get("/api/v1/expenses", headers=alice.headers)).json()["total"] == 1


async def test_unexpected_errors_are_a_generic_500(
    client: httpx.AsyncClient, alice: Account, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def explode(*args: Any, **kwargs: Any) -> Any:
        raise RuntimeError("secret internals")

    monkeypatch.setattr("wheels_wins.repositories.expenses.list_rows", explode)
    response = await client.get("/api/v1/expenses", headers=alice.headers)
    error = assert_error(response, 500, "internal_error")
    assert "secret" not in error["message"]
    assert "secret internals" in caplog.text


async def test_mounted_in_front_of_another_app_like_reflex_does(engine: Engine) -> None:
    async def frontend(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/plain")]})
        await send({"type": "http.response.body", "body": b"reflex"})

    api = create_api()
    api.mount("", frontend)  # what rx.App(api_transformer=[fastapi_app, ...]) does
    asgi = security_middleware(api)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=asgi), base_url="http://t") as http:
        assert (await http.get("/_event")).text == "reflex"
        assert "cache-control" not in (await http.get("/wins")).headers
        assert (await http.get("/api/health")).json()["status"] == "healthy"
        assert_error(await http.get("/api/v1/me"), 401)
        assert_error(await http.get("/api/v1/nothing"), 404, "not_found")
        assert_error(await http.put("/api/v1/me"), 405, "method_not_allowed")


async def test_statement_uploads_may_be_larger_than_other_bodies(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(get_settings(), "max_upload_bytes", 30)
    async with _dummy_client(10) as http:
        for path in ("/_upload", "/api/v1/imports"):
            assert (await http.post(path, content=b"x" * 25)).json() == {"size": 25}
            assert_error(await http.post(path, content=b"x" * 31), 413)
        assert_error(await http.post("/api/v1/expenses", content=b"x" * 25), 413)

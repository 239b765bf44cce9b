"""Security headers on API and page responses: the CSP hashes each page's inline scripts and allows nothing else inline."""

from __future__ import annotations

import base64
import gzip
import hashlib

import httpx
import pytest
from starlette.types import Receive, Scope, Send

from wheels_wins.api.app import fastapi_app, security_middleware
from wheels_wins.api.security import API_POLICY, inline_script_hashes, page_policy
from wheels_wins.settings import get_settings

THEME_SCRIPT = b'localStorage.getItem("theme");'
ROUTER_SCRIPT = b'import "/assets/manifest.js"; import("/assets/entry.client.js");'
PAGE = (
    b'<!DOCTYPE html><html><head><script async src="/pwa.js"></script><script>' + THEME_SCRIPT + b"</script>"
    b'</head><body><div id="root"></div><script type="module" async>' + ROUTER_SCRIPT + b"</script></body></html>"
)


def _sha(script: bytes) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(script).digest()).decode() + "'"


def _directives(policy: str) -> dict[str, list[str]]:
    return {name: rest for name, *rest in (part.split() for part in policy.split(";") if part.strip())}


def _static_app(body: bytes, content_type: bytes, *, encoding: bytes = b"", chunk: int = 0, cache: bytes = b""):
    """An ASGI app serving one file the way Reflex's static mount does (optionally pre-compressed or chunked)."""

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        headers = [(b"content-type", content_type), (b"content-length", str(len(body)).encode())]
        headers += [(b"content-encoding", encoding)] if encoding else []
        headers += [(b"cache-control", cache)] if cache else []
        await send({"type": "http.response.start", "status": 200, "headers": headers})
        pieces = [body[i : i + chunk] for i in range(0, len(body), chunk)] if chunk else [body]
        for index, piece in enumerate(pieces):
            await send({"type": "http.response.body", "body": piece, "more_body": index < len(pieces) - 1})

    return app


async def _get(app, path: str = "/", **headers: str) -> httpx.Response:
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=security_middleware(app)), base_url="http://t") as c:
        return await c.get(path, headers=headers)


async def test_api_responses_allow_nothing_and_are_never_cached() -> None:
    for path in ("/api/health", "/api/v1/me", "/api/v1/nothing"):
        response = await _get(fastapi_app, path)
        assert response.headers["content-security-policy"] == API_POLICY
        assert response.headers["cache-control"] == "no-store"
        assert response.headers["x-content-type-options"] == "nosniff"
        assert response.headers["referrer-policy"] == "strict-origin-when-cross-origin"
        assert "microphone=(self)" in response.headers["permissions-policy"]


async def test_a_page_gets_the_app_policy_with_its_inline_scripts_hashed() -> None:
    response = await _get(_static_app(PAGE, b"text/html; charset=utf-8"))
    assert response.content == PAGE
    policy = _directives(response.headers["content-security-policy"])
    assert set(policy["script-src"]) == {"'self'", "'unsafe-eval'", _sha(THEME_SCRIPT), _sha(ROUTER_SCRIPT)}
    assert policy["object-src"] == ["'none'"] and policy["frame-ancestors"] == ["'none'"]
    assert policy["base-uri"] == ["'self'"] and policy["form-action"] == ["'self'"]
    assert policy["worker-src"] == ["'self'"] and "blob:" in policy["media-src"]
    assert {"'self'", "data:", "blob:", "https://tile.openstreetmap.org"} <= set(policy["img-src"])
    assert policy["connect-src"] == ["'self'", get_settings().public_url.replace("http", "ws", 1).rstrip("/")]
    assert response.headers["cache-control"] == "no-cache"  # revalidated: never a stale page (or one offline)
    assert response.headers["x-frame-options"] == "DENY"
    assert response.headers["permissions-policy"].startswith("accelerometer=(), camera=(), geolocation=(self)")


async def test_precompressed_and_streamed_pages_are_hashed_and_sent_unchanged() -> None:
    compressed = gzip.compress(PAGE)
    response = await _get(_static_app(compressed, b"text/html", encoding=b"gzip", chunk=50))
    assert response.content == PAGE  # httpx undid the gzip: every chunk arrived, in order
    policy = _directives(response.headers["content-security-policy"])
    assert _sha(THEME_SCRIPT) in policy["script-src"] and _sha(ROUTER_SCRIPT) in policy["script-src"]


async def test_static_files_keep_their_caching_and_get_no_hashes() -> None:
    immutable = b"public, max-age=31536000, immutable"
    response = await _get(_static_app(b"console.log(1)", b"text/javascript", cache=immutable), "/assets/x.js")
    assert response.headers["cache-control"] == immutable.decode()
    script_src = _directives(response.headers["content-security-policy"])["script-src"]
    assert script_src == ["'self'", "'unsafe-eval'"]


async def test_swagger_docs_may_load_their_cdn_and_inline_script() -> None:
    response = await _get(fastapi_app, "/api/docs")
    assert response.status_code == 200
    policy = _directives(response.headers["content-security-policy"])
    assert "https://cdn.jsdelivr.net" in policy["script-src"]
    assert set(inline_script_hashes(response.content)) and all(
        f"'sha256-{digest}'" in policy["script-src"] for digest in inline_script_hashes(response.content)
    )


def test_inline_script_hashes_skip_external_and_empty_scripts() -> None:
    html = b'<script src="/a.js">ignored</script><script></script><SCRIPT type="module">x()</SCRIPT>'
    assert inline_script_hashes(html) == (base64.b64encode(hashlib.sha256(b"x()").digest()).decode(),)


def test_tile_templates_become_sources() -> None:
    url = "http://localhost:3000"
    assert "img-src 'self' data: blob: https://*.tile.example.org;" in page_policy(
        url, "https://{s}.tile.example.org/{z}/{x}/{y}.png"
    )
    assert "img-src 'self' data: blob:;" in page_policy(url, "/tiles/{z}/{x}/{y}.png")


async def test_hsts_only_when_the_public_url_is_https(monkeypatch: pytest.MonkeyPatch) -> None:
    page = _static_app(PAGE, b"text/html")
    assert "strict-transport-security" not in (await _get(page)).headers
    monkeypatch.setattr(get_settings(), "public_url", "https://wheels.example.org")
    response = await _get(page)
    assert response.headers["strict-transport-security"] == "max-age=31536000"
    assert "connect-src 'self' wss://wheels.example.org;" in response.headers["content-security-policy"]


async def test_a_page_sent_by_path_is_hashed_from_the_file(tmp_path) -> None:
    """Granian supports `http.response.pathsend`: Starlette then sends the file's path, not its bytes."""
    page = tmp_path / "index.html"
    page.write_bytes(PAGE)

    async def app(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": [(b"content-type", b"text/html")]})
        await send({"type": "http.response.pathsend", "path": str(page)})

    sent: list[dict] = []

    async def receive() -> dict:
        return {"type": "http.request", "body": b""}

    async def send(message: dict) -> None:
        sent.append(message)

    scope = {"type": "http", "method": "GET", "path": "/", "headers": [], "extensions": {"http.response.pathsend": {}}}
    await security_middleware(app)(scope, receive, send)
    assert [message["type"] for message in sent] == ["http.response.start", "http.response.pathsend"]
    policy = dict(sent[0]["headers"])[b"content-security-policy"].decode()
    assert _sha(THEME_SCRIPT) in policy and _sha(ROUTER_SCRIPT) in policy


async def test_not_modified_answers_leave_the_cached_pages_policy_alone() -> None:
    """A 304's headers update the browser's stored page: a hashless policy there would block its scripts."""

    async def not_modified(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 304, "headers": [(b"etag", b'"abc"')]})
        await send({"type": "http.response.body", "body": b""})

    response = await _get(not_modified, "/login/", **{"If-None-Match": '"abc"'})
    assert response.status_code == 304
    assert "content-security-policy" not in response.headers
    assert response.headers["x-content-type-options"] == "nosniff"

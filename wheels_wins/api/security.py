"""The ASGI middleware guarding the whole app: body-size limits, security headers with a CSP, redacted access logs.

Every HTTP response gets X-Content-Type-Options, Referrer-Policy, X-Frame-Options, Permissions-Policy,
HSTS (when the public URL is https) and a Content-Security-Policy. /api answers JSON, so its policy
allows nothing (`default-src 'none'`) and it is never cached; pages and their files get the app's
policy (`page_policy`), whose script-src lists the sha256 of every inline script of the HTML being
sent: the prerendered pages carry React Router's and the colour-mode bootstrap scripts inline.
"""

from __future__ import annotations

import base64
import hashlib
import logging
import re
import zlib
from functools import lru_cache
from urllib.parse import parse_qsl, quote, urlsplit

import anyio
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from wheels_wins.api.errors import error_body, is_api_path
from wheels_wins.settings import get_settings

V1_PREFIX = "/api/v1"
UPLOAD_PATHS = ("/_upload", f"{V1_PREFIX}/imports")
# Photo uploads: a post's photo, a listing's photos, the profile photo.
UPLOAD_PATH_PATTERN = re.compile(rf"^{V1_PREFIX}/(posts/[^/]+/photo|listings/[^/]+/photos|me/avatar)$")
# Swagger UI (/api/docs) loads its script and stylesheet from this CDN and runs one inline script.
DOCS_PATHS = ("/api/docs", "/api/docs/oauth2-redirect")
DOCS_CDN = "https://cdn.jsdelivr.net"

BASE_HEADERS: tuple[tuple[bytes, bytes], ...] = (
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"strict-origin-when-cross-origin"),
    (b"x-frame-options", b"DENY"),
    # PAM dictation listens through the microphone; Places and the trip origin ask for the location.
    (
        b"permissions-policy",
        b"accelerometer=(), camera=(), geolocation=(self), gyroscope=(), magnetometer=(), "
        b"microphone=(self), payment=(), usb=()",
    ),
)
API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'"
HSTS = b"max-age=31536000"
_INLINE_SCRIPT = re.compile(rb"<script\b([^>]*)>(.*?)</script\s*>", re.IGNORECASE | re.DOTALL)
_SRC_ATTRIBUTE = re.compile(rb"\bsrc\s*=", re.IGNORECASE)


@lru_cache(maxsize=8)
def page_policy(public_url: str, map_tile_url: str, script_hashes: tuple[str, ...] = (), docs: bool = False) -> str:
    """The Content-Security-Policy of the app's pages.

    script-src keeps 'unsafe-eval': Reflex runs `rx.call_script` code and its callbacks with eval()
    (state.js), so without it geolocation, PAM's voice and the map helpers fail. Injected markup still
    cannot run script: no 'unsafe-inline', only the hashed inline scripts of the page being served.
    style-src keeps 'unsafe-inline': Emotion and Radix write <style> elements and style attributes at
    run time (styles cannot run script).
    """
    origin = _origin(public_url)
    socket = origin.replace("https://", "wss://", 1).replace("http://", "ws://", 1)
    hashes = " ".join(f"'sha256-{digest}'" for digest in script_hashes)
    cdn = f" {DOCS_CDN}" if docs else ""
    directives = {
        "default-src": "'self'",
        "script-src": f"'self' 'unsafe-eval' {hashes}{cdn}".rstrip(),
        "style-src": f"'self' 'unsafe-inline'{cdn}",
        "img-src": f"'self' data: blob: {_tile_source(map_tile_url)}".rstrip(),
        "font-src": "'self' data:",
        "connect-src": f"'self' {socket}",
        "media-src": "'self' blob:",
        "worker-src": "'self'",
        "manifest-src": "'self'",
        "object-src": "'none'",
        "base-uri": "'self'",
        "form-action": "'self'",
        "frame-ancestors": "'none'",
    }
    return "; ".join(f"{name} {value}" for name, value in directives.items())


def inline_script_hashes(html: bytes) -> tuple[str, ...]:
    """The base64 sha256 of each inline <script> in `html`, as CSP hash sources want them."""
    found: dict[str, None] = {}
    for match in _INLINE_SCRIPT.finditer(html):
        attributes, body = match.groups()
        if body and not _SRC_ATTRIBUTE.search(attributes):
            found[base64.b64encode(hashlib.sha256(body).digest()).decode()] = None
    return tuple(found)


def _origin(url: str) -> str:
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}"


def _tile_source(template: str) -> str:
    """The CSP source for a Leaflet tile URL template: its origin, `{s}.` subdomains as a wildcard."""
    if not template.startswith(("http://", "https://")):
        return ""  # relative: served by the app itself
    parts = urlsplit(template.replace("{s}.", "x-subdomain."))
    host = parts.netloc.replace("x-subdomain.", "*.")
    return f"{parts.scheme}://{host}"


def _limit_for(path: str, override: int | None) -> int:
    """The body limit for a path: file uploads (statements) may be larger than any JSON body."""
    settings = get_settings()
    limit = override if override is not None else settings.max_body_bytes
    if path.rstrip("/") in UPLOAD_PATHS or UPLOAD_PATH_PATTERN.match(path.rstrip("/")):
        return max(limit, settings.max_upload_bytes)
    return limit


class SecurityMiddleware:
    """Pure ASGI: refuse bodies over `max_body_bytes` with 413 and add the security headers to every response.

    The size is checked against Content-Length up front and counted while the body streams in,
    so a chunked or lying request is cut off too. `max_body_bytes` defaults to the setting.
    An HTML response is held until its body is complete, to hash its inline scripts into the CSP.
    """

    def __init__(self, app: ASGIApp, *, max_body_bytes: int | None = None) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        path = scope.get("path", "")
        limit = _limit_for(path, self.max_body_bytes)
        api = is_api_path(path)
        declared = _content_length(scope)
        if declared is not None and declared > limit:
            await _too_large(send, limit, path)
            return

        received = 0
        overflowed = False
        rejected = False
        started = False
        held: Message | None = None
        chunks: list[bytes] = []

        async def counted_receive() -> Message:
            nonlocal received, overflowed, rejected
            if overflowed:
                return {"type": "http.disconnect"}
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    overflowed = True
                    if not started:
                        rejected = True
                        await _too_large(send, limit, path)
                    return {"type": "http.disconnect"}
            return message

        async def guarded_send(message: Message) -> None:
            nonlocal started, held
            if rejected:
                return  # the 413 has been sent; whatever the app answers to the cut-off body is dropped
            if message["type"] == "http.response.start":
                started = True
                headers = list(message.get("headers", []))
                if _is_html(headers) and (not api or path in DOCS_PATHS):
                    held = {**message, "headers": headers}
                    return
                # A 304's headers replace the cached page's: a policy here would drop that page's script hashes.
                policy = message.get("status") != 304
                await send({**message, "headers": _with_security_headers(headers, path, policy=policy)})
                return
            if held is not None and message["type"] == "http.response.body":
                chunks.append(message.get("body", b""))
                if message.get("more_body"):
                    return
                body = b"".join(chunks)
                hashes = inline_script_hashes(_decoded(body, held["headers"]))
                await send({**held, "headers": _with_security_headers(held["headers"], path, hashes)})
                held = None
                await send({"type": "http.response.body", "body": body})
                return
            if held is not None and message["type"] == "http.response.pathsend":
                # Granian lets Starlette hand it the file's path instead of the bytes: read them to hash.
                html = await anyio.Path(message["path"]).read_bytes()
                hashes = inline_script_hashes(_decoded(html, held["headers"]))
                await send({**held, "headers": _with_security_headers(held["headers"], path, hashes)})
                held = None
            await send(message)

        await self.app(scope, counted_receive, guarded_send)


def security_middleware(app: ASGIApp) -> ASGIApp:
    """Wrap an ASGI app in `SecurityMiddleware` (the form `rx.App(api_transformer=...)` takes); redact the server's logs."""
    install_log_redaction()
    return SecurityMiddleware(app)


def _content_length(scope: Scope) -> int | None:
    for name, value in scope.get("headers", []):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None


def _header(headers: list[tuple[bytes, bytes]], name: bytes) -> bytes:
    return next((value for key, value in headers if key.lower() == name), b"")


def _is_html(headers: list[tuple[bytes, bytes]]) -> bool:
    return _header(headers, b"content-type").lower().startswith(b"text/html")


def _decoded(body: bytes, headers: list[tuple[bytes, bytes]]) -> bytes:
    """The HTML text of a body Reflex may serve pre-compressed (gzip is its default; others hash nothing)."""
    encoding = _header(headers, b"content-encoding").lower()
    if encoding in (b"", b"identity"):
        return body
    if encoding == b"gzip":
        try:
            return zlib.decompress(body, wbits=zlib.MAX_WBITS | 16)
        except zlib.error:
            return b""
    return b""


def _with_security_headers(
    headers: list[tuple[bytes, bytes]], path: str, script_hashes: tuple[str, ...] = (), *, policy: bool = True
) -> list[tuple[bytes, bytes]]:
    settings = get_settings()
    api = is_api_path(path)
    added = list(BASE_HEADERS)
    if policy and api and path not in DOCS_PATHS:
        added.append((b"content-security-policy", API_POLICY.encode()))
    elif policy:
        csp = page_policy(settings.public_url, settings.map_tile_url, script_hashes, path in DOCS_PATHS)
        added.append((b"content-security-policy", csp.encode()))
    if api:
        added.append((b"cache-control", b"no-store"))
    elif _is_html(headers):
        # Pages are revalidated every time: a stale page would point at a previous build's assets, and
        # offline the service worker (not the HTTP cache's heuristic freshness) decides what shows.
        added.append((b"cache-control", b"no-cache"))
    if settings.public_url.startswith("https://"):
        added.append((b"strict-transport-security", HSTS))
    present = {name.lower() for name, _ in headers}
    return [*headers, *((name, value) for name, value in added if name not in present)]


async def _too_large(send: Send, limit: int, path: str) -> None:
    body = error_body("payload_too_large", f"request body is larger than {limit} bytes")
    headers = [
        (b"content-type", b"application/json"),
        (b"content-length", str(len(body)).encode()),
        (b"connection", b"close"),
    ]
    await send({"type": "http.response.start", "status": 413, "headers": _with_security_headers(headers, path)})
    await send({"type": "http.response.body", "body": body})


# Query parameters whose values are credentials: sessions, access tokens, Reflex's state token, URL signatures.
SECRET_PARAMS = frozenset({"token", "access_token", "sig", "signature", "key", "api_key", "password", "code", "secret"})
REDACTED = "[redacted]"
_SECRET_TEXT = (
    (re.compile(r"(?i)\b(bearer|basic)\s+[^\s\"',;]+"), rf"\1 {REDACTED}"),
    (re.compile(r"ww_pat_[A-Za-z0-9_\-]+"), REDACTED),
    (re.compile(rf"(?i)([?&](?:{'|'.join(sorted(SECRET_PARAMS))})=)[^&\s\"']*"), rf"\1{REDACTED}"),
)
ACCESS_LOGGERS = ("granian.access", "uvicorn.access", "gunicorn.access")


def redact_query(query: str) -> str:
    """A query string with the values of credential parameters replaced by `[redacted]`."""
    pairs = parse_qsl(query, keep_blank_values=True)
    return "&".join(
        f"{quote(name, safe='')}={REDACTED if name.lower() in SECRET_PARAMS else quote(value, safe='')}"
        for name, value in pairs
    )


def redact_text(text: str) -> str:
    """`text` with bearer credentials, access tokens and credential query values replaced by `[redacted]`."""
    for pattern, replacement in _SECRET_TEXT:
        text = pattern.sub(replacement, text)
    return text


class AccessLogRedactor(logging.Filter):
    """A logging filter for the servers' access logs: tokens and signatures never reach the log.

    Granian logs a dict (its `query_string` is folded into `path`, redacted), uvicorn a tuple whose
    path carries the query; either way every string argument and the message are redacted.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        """Redact the record in place; never drops it."""
        if isinstance(record.args, dict):
            args = {key: redact_text(value) if isinstance(value, str) else value for key, value in record.args.items()}
            query = record.args.get("query_string")
            if isinstance(query, str):
                args["query_string"] = redact_query(query)
                if query and "?" not in args.get("path", "?"):
                    args["path"] = f"{args['path']}?{args['query_string']}"
            record.args = args
        elif isinstance(record.args, tuple):
            record.args = tuple(redact_text(arg) if isinstance(arg, str) else arg for arg in record.args)
        if isinstance(record.msg, str):
            record.msg = redact_text(record.msg)
        return True


def install_log_redaction() -> None:
    """Attach `AccessLogRedactor` to every access logger a server of this app may use (idempotent)."""
    for name in ACCESS_LOGGERS:
        logger = logging.getLogger(name)
        if not any(isinstance(existing, AccessLogRedactor) for existing in logger.filters):
            logger.addFilter(AccessLogRedactor())

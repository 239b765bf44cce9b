"""The served app's security: every page passes its CSP, CORS and the websocket admit only the app's origin,
and nothing secret reaches the browser or the access log."""

from __future__ import annotations

import hashlib
import re
import uuid
from urllib.parse import urlsplit

import httpx
import pytest
from playwright.sync_api import Page, expect
from websockets.exceptions import InvalidStatus
from websockets.sync.client import connect

from tests.e2e.conftest import MODEL_SERVER_LOG, STUB_API_KEY
from tests.e2e.flows import ask_pam, open_pam, register

FOREIGN = "https://evil.example"
PAGES = ("/", "/wheels", "/wins", "/social", "/you")
# Reports every violation, including ones the console shows differently (or not at all).
VIOLATION_LISTENER = """
window.__csp = [];
document.addEventListener("securitypolicyviolation", (e) =>
  window.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber} ${e.sample}`));
"""


def _watch_csp(page: Page) -> list[str]:
    """Collect CSP refusals from the console and from `securitypolicyviolation` events (read with `_violations`)."""
    refused: list[str] = []
    page.add_init_script(VIOLATION_LISTENER)
    page.on(
        "console",
        lambda message: (
            refused.append(message.text)
            if "Content Security Policy" in message.text or message.text.startswith("Refused to")
            else None
        ),
    )
    return refused


def _violations(page: Page, refused: list[str]) -> list[str]:
    return refused + page.evaluate("window.__csp || []")


def _settle(page: Page, path: str) -> None:
    page.goto(path)
    expect(page.locator("main, form").first).to_be_visible()
    page.wait_for_timeout(1_500)  # charts, the map's tiles and lazy chunks load after the first paint


def test_every_page_loads_without_a_csp_violation(page: Page, app_server: str) -> None:
    refused = _watch_csp(page)
    response = page.goto("/login")
    assert response is not None
    policy = response.headers["content-security-policy"]
    assert "'unsafe-inline'" not in policy.split("script-src", 1)[1].split(";", 1)[0]
    assert "frame-ancestors 'none'" in policy and "object-src 'none'" in policy
    _settle(page, "/login")
    register(page)
    for path in (*PAGES, "/wheels?tab=places"):
        _settle(page, path)
        if path == "/wheels":
            expect(page.get_by_role("region", name="Map of the draft trip")).to_be_visible()  # Leaflet and its tiles
        assert _violations(page, refused) == [], path
    open_pam(page)  # its mount asks (through rx.call_script, i.e. eval) whether dictation is available
    page.wait_for_timeout(500)
    assert _violations(page, refused) == []


def test_cors_answers_only_the_apps_own_origin(app_server: str) -> None:
    own = f"{urlsplit(app_server).scheme}://{urlsplit(app_server).netloc}"
    preflight = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization"}
    foreign = httpx.options(f"{app_server}/api/v1/expenses", headers={"Origin": FOREIGN, **preflight})
    assert "access-control-allow-origin" not in foreign.headers
    assert (
        "access-control-allow-origin" not in httpx.get(f"{app_server}/api/health", headers={"Origin": FOREIGN}).headers
    )
    allowed = httpx.options(f"{app_server}/api/v1/expenses", headers={"Origin": own, **preflight})
    assert allowed.status_code == 200 and allowed.headers["access-control-allow-origin"] == own


def test_the_event_websocket_refuses_foreign_origins(app_server: str) -> None:
    url = app_server.replace("http://", "ws://") + f"/_event/?EIO=4&transport=websocket&token={uuid.uuid4()}"
    with pytest.raises(InvalidStatus) as refused:
        connect(url, origin=FOREIGN, open_timeout=10).close()
    assert refused.value.response.status_code == 403  # engine.io refuses; Granian answers the refused upgrade 403
    own = f"{urlsplit(app_server).scheme}://{urlsplit(app_server).netloc}"
    with connect(url, origin=own, open_timeout=10) as socket:
        assert str(socket.recv(timeout=10)).startswith("0{")  # engine.io's open packet: the handshake succeeded


def test_no_secret_reaches_the_browser_or_the_access_log(model_page: Page, model_app_server: str) -> None:
    page, base = model_page, model_app_server
    other = httpx.post(
        f"{base}/api/v1/auth/register",
        json={
            "email": f"other-{uuid.uuid4().hex[:8]}@example.com",
            "password": "another-long-road-77",
            "full_name": "Olive Other",
        },
    ).json()
    other_email, other_token = other["user"]["email"], other["access_token"]
    post = f"Camp notes {uuid.uuid4().hex[:6]}"
    bearer = {"Authorization": f"Bearer {other_token}"}
    assert httpx.post(f"{base}/api/v1/posts", json={"content": post}, headers=bearer).status_code == 201

    frames: list[str] = []
    page.on("websocket", lambda ws: ws.on("framereceived", lambda payload: frames.append(str(payload))))
    email = register(page)
    token = page.evaluate("window.localStorage.getItem('ww_token')")
    pat = httpx.post(
        f"{base}/api/v1/me/tokens", json={"name": "Home Assistant"}, headers={"Authorization": f"Bearer {token}"}
    )
    pat_token = pat.json()["token"]
    for path in PAGES:
        _settle(page, path)
    _settle(page, "/social")
    expect(page.get_by_text(post)).to_be_visible()
    ask_pam(page, "How much did I spend this month?")  # the model stub answers 500: PAM falls back to the local engine

    sent = "\n".join(frames)
    assert email in sent and post in sent  # the capture saw this user's state and another user's post
    forbidden = {
        "password hash": "$argon2",
        "session token hash": hashlib.sha256(token.encode()).hexdigest(),
        "other user's session token": other_token,
        "other user's session token hash": hashlib.sha256(other_token.encode()).hexdigest(),
        "access token": pat_token,
        "access token hash": hashlib.sha256(pat_token.encode()).hexdigest(),
        "other user's email": other_email,
        "model API key": STUB_API_KEY,
    }
    leaked = [name for name, value in forbidden.items() if value in sent]
    assert leaked == []

    log = MODEL_SERVER_LOG.read_text()
    assert re.search(r"/_event/\?\S*token=\[redacted\]", log)  # the websocket's state token, redacted
    assert not [
        name for name, value in {"session": token, "other": other_token, "pat": pat_token}.items() if value in log
    ]

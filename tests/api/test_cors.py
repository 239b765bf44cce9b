"""CORS: REST and the /_event websocket answer only the configured origins (Reflex allows every origin by default)."""

from __future__ import annotations

import httpx
import pytest
import reflex as rx
from reflex.config import get_config
from starlette.testclient import TestClient
from starlette.websockets import WebSocketDisconnect

import rxconfig
from wheels_wins.api.app import create_api
from wheels_wins.settings import get_settings

FOREIGN = "https://evil.example"
PREFLIGHT = {"Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "authorization,content-type"}
SOCKET = "/_event/?EIO=4&transport=websocket"


def _own_origin() -> str:
    return rxconfig._origin(get_settings().public_url)


def test_the_allowed_origins_are_the_public_url_and_never_everyone() -> None:
    assert get_config().cors_allowed_origins == [_own_origin()]
    assert "*" not in rxconfig.config.cors_allowed_origins


def test_configured_urls_become_origins() -> None:
    assert rxconfig._origin("https://wheels.example.org/") == "https://wheels.example.org"
    assert rxconfig._origin("http://localhost:3000/app/") == "http://localhost:3000"
    assert rxconfig._origin("*") == "*"


async def test_rest_answers_cors_only_for_the_apps_origin() -> None:
    api = create_api()
    rx.App._add_cors(api)  # what Reflex does to every app it mounts, with our rx.Config
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=api), base_url="http://t") as http:
        foreign = await http.options("/api/v1/expenses", headers={"Origin": FOREIGN, **PREFLIGHT})
        assert foreign.status_code == 400 and "access-control-allow-origin" not in foreign.headers
        simple = await http.get("/api/health", headers={"Origin": FOREIGN})
        assert simple.status_code == 200 and "access-control-allow-origin" not in simple.headers
        own = await http.options("/api/v1/expenses", headers={"Origin": _own_origin(), **PREFLIGHT})
        assert own.status_code == 200 and own.headers["access-control-allow-origin"] == _own_origin()


def _handshake(client: TestClient, origin: str) -> str:
    headers = {"origin": origin, "upgrade": "websocket", "connection": "Upgrade"}
    with client.websocket_connect(SOCKET, headers=headers) as socket:
        return socket.receive_text()


def test_the_event_socket_refuses_a_foreign_origin() -> None:
    """The app's own Socket.IO server (engine.io checks Origin against rx.Config's list before accepting)."""
    from wheels_wins.wheels_wins import app

    client = TestClient(app._api)
    with pytest.raises(WebSocketDisconnect):
        _handshake(client, FOREIGN)
    assert _handshake(client, _own_origin()).startswith("0{")  # engine.io's open packet

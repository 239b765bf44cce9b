"""`POST /api/v1/pam/speech` through the real edge-tts client against a local stub of the service."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy.engine import Engine
from sqlmodel import Session

from tests.api import Account, assert_error
from tests.stubs import edge_tts_stub
from tests.stubs.edge_tts_stub import EdgeTtsStub
from tests.stubs.server import free_port
from wheels_wins.repositories import users as users_repo
from wheels_wins.services.rate_limits import reset_rate_limits

URL = "/api/v1/pam/speech"


@pytest.fixture
def stub(engine: Engine) -> Iterator[EdgeTtsStub]:
    """The stub service, with the app pointed at it."""
    with edge_tts_stub.running() as service, edge_tts_stub.app_settings(edge_tts_url=service.url):
        yield service


def _voice_off(engine: Engine, account: Account) -> None:
    with Session(engine) as session:
        users_repo.update_profile(session, user_id=uuid.UUID(account.id), voice_enabled=False)
        session.commit()


async def test_speech_is_mp3_in_the_configured_voice(
    client: httpx.AsyncClient, alice: Account, stub: EdgeTtsStub
) -> None:
    response = await client.post(URL, headers=alice.headers, json={"text": "You have **$42** left for fuel."})
    assert response.status_code == 200, response.text
    assert response.headers["content-type"] == "audio/mpeg"
    assert response.content == stub.audio
    assert "(en-AU, NatashaNeural)" in stub.ssml[0] and "You have $42 left for fuel." in stub.ssml[0]
    again = await client.post(URL, headers=alice.headers, json={"text": "You have **$42** left for fuel."})
    assert again.content == stub.audio and len(stub.connections) == 1


async def test_a_voice_can_be_chosen(client: httpx.AsyncClient, alice: Account, stub: EdgeTtsStub) -> None:
    response = await client.post(URL, headers=alice.headers, json={"text": "Cheerio", "voice": "en-GB-RyanNeural"})
    assert response.status_code == 200, response.text
    assert "(en-GB, RyanNeural)" in stub.ssml[0]


async def test_speech_needs_a_token(client: httpx.AsyncClient, stub: EdgeTtsStub) -> None:
    assert_error(await client.post(URL, json={"text": "Hello"}), 401, "not_authenticated")
    assert_error(await client.post(URL, headers={"Authorization": "Bearer nope"}, json={"text": "Hello"}), 401)
    assert stub.connections == []


async def test_unreachable_speech_is_503_so_the_browser_speaks(
    client: httpx.AsyncClient, alice: Account, engine: Engine
) -> None:
    with edge_tts_stub.app_settings(edge_tts_url=f"ws://127.0.0.1:{free_port()}/edge/v1"):
        response = await client.post(URL, headers=alice.headers, json={"text": "Hello"})
    assert_error(response, 503, "speech_unavailable")


async def test_speech_is_refused_while_the_users_voice_is_off(
    client: httpx.AsyncClient, alice: Account, bob: Account, stub: EdgeTtsStub, engine: Engine
) -> None:
    _voice_off(engine, alice)
    assert_error(await client.post(URL, headers=alice.headers, json={"text": "Hello"}), 403, "voice_disabled")
    assert stub.connections == []
    assert (await client.post(URL, headers=bob.headers, json={"text": "Hello"})).status_code == 200


@pytest.mark.parametrize(
    ("body", "field"),
    [
        ({}, "text"),
        ({"text": ""}, "text"),
        ({"text": "x" * 2001}, "text"),
        ({"text": " ** "}, "text"),
        ({"text": "Hi", "voice": "Natasha"}, "voice"),
        ({"text": "Hi", "voice": "en-AU-NatashaNeural'/><x"}, "voice"),
    ],
)
async def test_speech_validation(
    client: httpx.AsyncClient, alice: Account, stub: EdgeTtsStub, body: dict, field: str
) -> None:
    assert_error(await client.post(URL, headers=alice.headers, json=body), 422, "validation_error", mentions=field)
    assert stub.connections == []


async def test_speech_is_rate_limited_per_user(
    client: httpx.AsyncClient, alice: Account, bob: Account, stub: EdgeTtsStub
) -> None:
    with edge_tts_stub.app_settings(rate_limits_enabled="true"):
        reset_rate_limits()
        statuses = [(await client.post(URL, headers=alice.headers, json={"text": "Hi"})).status_code for _ in range(31)]
        assert statuses == [200] * 30 + [429]
        assert (await client.post(URL, headers=bob.headers, json={"text": "Hi"})).status_code == 200
    assert len(stub.connections) == 1


async def test_speech_is_documented(client: httpx.AsyncClient) -> None:
    operation = (await client.get("/api/openapi.json")).json()["paths"][URL]["post"]
    assert list(operation["responses"]["200"]["content"]) == ["audio/mpeg"]
    assert list(operation["responses"]["503"]["content"]) == ["application/json"]
    assert {"401", "403", "422", "429", "503"} <= set(operation["responses"])
    assert operation["security"] == [{"HTTPBearer": []}]

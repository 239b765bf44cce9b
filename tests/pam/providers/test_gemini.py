"""GeminiProvider through the real google-genai SDK against a local Gemini API stub."""

from __future__ import annotations

import base64
import json
import logging
import time
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal

import pytest

from tests.stubs.gemini_stub import GeminiStub, Reply, candidate
from tests.stubs.server import free_port, serve
from wheels_wins.pam.agent import run_turn
from wheels_wins.pam.providers.base import ProviderError
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.gemini_provider import GeminiProvider
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.pam.tools import tool_schemas
from wheels_wins.pam.types import ChatMessage, ModelRequest, ToolCall
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.settings import Settings

KEY = "test-gemini-key-do-not-leak"
MODEL = "gemini-2.5-flash"
EXPENSE = {"amount": "45", "category": "groceries", "merchant": "Woolworths"}


@pytest.fixture
def stub() -> GeminiStub:
    return GeminiStub()


@pytest.fixture
def base_url(stub: GeminiStub) -> Iterator[str]:
    with serve(stub.app) as url:
        yield url


@pytest.fixture
async def provider(base_url: str) -> AsyncIterator[GeminiProvider]:
    provider = GeminiProvider(api_key=KEY, model=MODEL, base_url=base_url, timeout=5)
    yield provider
    await provider.aclose()


def _ask(text: str = "hello") -> ModelRequest:
    return ModelRequest(system="You are PAM.", messages=[ChatMessage(role="user", content=text)], tools=[])


async def test_streamed_text_arrives_in_chunks_and_matches_the_reply(
    stub: GeminiStub, provider: GeminiProvider
) -> None:
    stub.reply_text("G'day! ", "Your fuel ", "is logged.", delay=0.05)
    deltas: list[str] = []

    async def sink(delta: str) -> None:
        deltas.append(delta)

    response = await provider.request(_ask(), sink)
    assert len(deltas) > 1
    assert "".join(deltas) == response.text == "G'day! Your fuel is logged."
    assert response.tool_calls == []


@pytest.mark.parametrize("call_id", ["call-7", None])
async def test_function_call_becomes_a_tool_call(
    stub: GeminiStub, provider: GeminiProvider, call_id: str | None
) -> None:
    stub.reply_call("add_expense", EXPENSE, call_id=call_id)
    response = await provider.request(_ask("spent $45 on groceries at Woolworths"))
    [call] = response.tool_calls
    assert (call.name, call.arguments) == ("add_expense", EXPENSE)
    assert call.id == (call_id or call.id) and call.id  # Gemini's own id, else a generated one
    assert response.text == ""


async def test_request_carries_model_key_system_tools_and_paired_calls(
    stub: GeminiStub, provider: GeminiProvider
) -> None:
    stub.reply_text("Both logged.")
    first, second = ToolCall("add_expense", EXPENSE, id="c1"), ToolCall("log_fuel", {"litres": 60}, id="c2")
    request = ModelRequest(
        system="You are PAM, the travel assistant.",
        tools=tool_schemas(),
        messages=[
            ChatMessage(role="user", content="groceries $45 at Woolworths and 60 L of fuel"),
            ChatMessage(role="assistant", content="On it.", tool_calls=[first, second]),
            ChatMessage(
                role="tool",
                content=json.dumps({"ok": True, "result": {"summary": "Logged"}}),
                tool_call_id="c1",
                tool_name="add_expense",
            ),
            ChatMessage(role="tool", content="not json", tool_call_id="c2", tool_name="log_fuel"),
        ],
    )
    await provider.request(request)

    [sent] = stub.requests
    assert (sent.model, sent.method, sent.query.get("alt")) == (MODEL, "streamGenerateContent", "sse")
    assert sent.headers.get("x-goog-api-key") == KEY or sent.query.get("key") == KEY
    body = sent.body
    assert body["systemInstruction"]["parts"] == [{"text": "You are PAM, the travel assistant."}]
    [tools] = body["tools"]
    declared = {d["name"]: d for d in tools["functionDeclarations"]}
    assert set(declared) == {t["name"] for t in tool_schemas()}
    add_expense = next(t for t in tool_schemas() if t["name"] == "add_expense")
    # google-genai >= 2 sends this field under its Python name; Google's proto-JSON parser accepts both spellings.
    sent_schema = declared["add_expense"].get(
        "parametersJsonSchema", declared["add_expense"].get("parameters_json_schema")
    )
    assert sent_schema == add_expense["parameters"]
    assert declared["add_expense"]["description"] == add_expense["description"]

    assert [c["role"] for c in body["contents"]] == ["user", "model", "user"]
    model_parts = body["contents"][1]["parts"]
    assert model_parts[0] == {"text": "On it."}
    assert [p["functionCall"] for p in model_parts[1:]] == [
        {"id": "c1", "name": "add_expense", "args": EXPENSE},
        {"id": "c2", "name": "log_fuel", "args": {"litres": 60}},
    ]
    assert [p["functionResponse"] for p in body["contents"][2]["parts"]] == [
        {"id": "c1", "name": "add_expense", "response": {"ok": True, "result": {"summary": "Logged"}}},
        {"id": "c2", "name": "log_fuel", "response": {"output": "not json"}},
    ]


async def test_thought_signature_goes_back_with_its_function_call(stub: GeminiStub, provider: GeminiProvider) -> None:
    stub.reply_call("add_expense", EXPENSE, signature=b"opaque-signature")
    stub.reply_text("Logged.")
    request = _ask("spent $45 on groceries")
    [call] = (await provider.request(request)).tool_calls
    request.messages += [
        ChatMessage(role="assistant", tool_calls=[call]),
        ChatMessage(role="tool", content='{"ok": true}', tool_call_id=call.id, tool_name=call.name),
    ]
    await provider.request(request)
    [part] = stub.requests[1].body["contents"][1]["parts"]
    assert base64.b64decode(part["thoughtSignature"]) == b"opaque-signature"
    assert part["functionCall"]["id"] == call.id


@pytest.mark.parametrize("status", [500, 503, 429, 400])
async def test_error_status_is_a_provider_error_without_retries(
    stub: GeminiStub, provider: GeminiProvider, status: int, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    stub.reply_error(status)
    with pytest.raises(ProviderError) as raised:
        await provider.request(_ask())
    assert str(status) in str(raised.value)
    assert KEY not in str(raised.value) and KEY not in caplog.text
    assert len(stub.requests) == 1


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body=b"<html>Bad gateway</html>"),
        Reply(chunks=["this is not json"]),
        Reply(chunks=[{}]),
        Reply(chunks=[{"promptFeedback": {"blockReason": "SAFETY"}}]),
        Reply(chunks=[candidate([], finish="STOP")]),
        Reply(chunks=[candidate([{"functionCall": {"name": "add_expense", "args": [1, 2]}}])]),
        Reply(chunks=[candidate([{"functionCall": {"name": "add_expense", "args": "amount=45"}}])]),
        Reply(chunks=[candidate([{"functionCall": {"args": {}}}])]),
    ],
    ids=["html", "sse-not-json", "empty-object", "blocked", "no-parts", "args-list", "args-string", "no-name"],
)
async def test_malformed_answer_is_a_provider_error(stub: GeminiStub, provider: GeminiProvider, reply: Reply) -> None:
    stub.reply(reply)
    with pytest.raises(ProviderError):
        await provider.request(_ask())


async def test_unreachable_server_is_a_provider_error() -> None:
    provider = GeminiProvider(api_key=KEY, model=MODEL, base_url=f"http://127.0.0.1:{free_port()}", timeout=2)
    try:
        with pytest.raises(ProviderError) as raised:
            await provider.request(_ask())
        assert KEY not in str(raised.value)
    finally:
        await provider.aclose()


async def test_sdk_timeout_is_a_provider_error(stub: GeminiStub, base_url: str) -> None:
    stub.reply(Reply(chunks=[candidate([{"text": "late"}])], hang=5))
    provider = GeminiProvider(api_key=KEY, model=MODEL, base_url=base_url, timeout=0.3)
    started = time.monotonic()
    try:
        with pytest.raises(ProviderError):
            await provider.request(_ask())
    finally:
        await provider.aclose()
    assert time.monotonic() - started < 2


@pytest.mark.parametrize(
    "reply",
    [Reply(chunks=[candidate([{"text": "late"}])], hang=5), Reply(chunks=[candidate([{"text": "."}])] * 10, delay=0.5)],
    ids=["hanging", "slow-stream"],
)
async def test_chain_falls_back_to_the_local_engine_when_gemini_is_slow(
    stub: GeminiStub, provider: GeminiProvider, reply: Reply
) -> None:
    stub.reply(reply)
    started = time.monotonic()
    name, response = await ProviderChain([provider, LocalEngine()], timeout=0.5).request(_ask("hello"))
    assert name == "local" and response.text
    assert time.monotonic() - started < 2


async def test_from_settings_needs_a_key_and_uses_the_configured_endpoint(stub: GeminiStub, base_url: str) -> None:
    assert GeminiProvider.from_settings(Settings(gemini_api_key=None)) is None
    provider = GeminiProvider.from_settings(
        Settings(gemini_api_key=KEY, gemini_base_url=base_url, gemini_model="gemini-stub-model")
    )
    assert provider is not None and provider.name == "gemini"
    stub.reply_text("hi")
    try:
        assert (await provider.request(_ask())).text == "hi"
    finally:
        await provider.aclose()
    assert stub.requests[0].model == "gemini-stub-model"
    assert KEY not in repr(provider)


async def test_run_turn_through_gemini_logs_the_expense(
    make_user, session, stub: GeminiStub, provider: GeminiProvider
) -> None:
    user = make_user()
    stub.reply_call("add_expense", EXPENSE)
    stub.reply_text("Logged $45.00 ", "groceries at Woolworths.")
    chain = ProviderChain([provider, LocalEngine()], timeout=5)

    result = await run_turn(user_id=user.id, message="I spent $45 on groceries at Woolworths", chain=chain)

    assert result.provider == "gemini"
    assert result.reply == "Logged $45.00 groceries at Woolworths."
    rows, total = expense_repo.list_page(session, user_id=user.id)
    assert total == 1 and rows[0].amount == Decimal("45.00") and rows[0].merchant == "Woolworths"
    contents = stub.requests[1].body["contents"]
    [call_part] = [p for p in contents[-2]["parts"] if "functionCall" in p]
    [response_part] = contents[-1]["parts"]
    assert (contents[-2]["role"], contents[-1]["role"]) == ("model", "user")
    assert call_part["functionCall"]["name"] == response_part["functionResponse"]["name"] == "add_expense"
    assert call_part["functionCall"]["id"] == response_part["functionResponse"]["id"]
    assert response_part["functionResponse"]["response"]["ok"] is True

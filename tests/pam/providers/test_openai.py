"""OpenAIProvider through the real `openai` SDK against a local stub of Chat Completions."""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator, Iterator
from decimal import Decimal

import pytest

from tests.stubs.openai_stub import OpenAIStub
from tests.stubs.server import free_port, serve
from wheels_wins.pam.agent import run_turn
from wheels_wins.pam.providers.base import ProviderError
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.pam.providers.openai_provider import OpenAIProvider
from wheels_wins.pam.types import ChatMessage, ModelRequest, ToolCall
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.settings import Settings

KEY = "sk-test-not-a-real-key-5f3a"
EXPENSE_TOOL = {
    "name": "add_expense",
    "description": "Record an expense.",
    "parameters": {"type": "object", "properties": {"amount": {"type": "string"}}, "required": ["amount"]},
}


@pytest.fixture
def stub() -> Iterator[OpenAIStub]:
    """A fresh stub served on 127.0.0.1."""
    fake = OpenAIStub()
    with serve(fake.app) as url:
        fake.base_url = f"{url}/v1"
        yield fake


@pytest.fixture
async def provider(stub: OpenAIStub) -> AsyncIterator[OpenAIProvider]:
    """The provider pointed at the stub, its connections closed before the test's event loop ends."""
    openai_provider = OpenAIProvider(api_key=KEY, model="gpt-test", base_url=stub.base_url, timeout=5)
    yield openai_provider
    await openai_provider.aclose()


def _request(text: str = "hello", tools: list[dict] | None = None) -> ModelRequest:
    return ModelRequest(system="You are PAM.", messages=[ChatMessage(role="user", content=text)], tools=tools or [])


async def test_text_streams_in_pieces_that_add_up_to_the_reply(stub: OpenAIStub, provider: OpenAIProvider) -> None:
    stub.text("G'day", "! How can ", "I help?")
    pieces: list[str] = []

    async def sink(piece: str) -> None:
        pieces.append(piece)

    response = await provider.request(_request(), sink)
    assert len(pieces) == 3
    assert "".join(pieces) == response.text == "G'day! How can I help?"
    assert response.tool_calls == []


async def test_tool_call_arguments_split_across_chunks(stub: OpenAIStub, provider: OpenAIProvider) -> None:
    stub.tool_calls(("call_abc", "add_expense", ['{"amo', 'unt": "4', '5", "category"', ': "groceries"}']))
    response = await provider.request(_request(tools=[EXPENSE_TOOL]))
    assert response.text == ""
    assert response.tool_calls == [ToolCall("add_expense", {"amount": "45", "category": "groceries"}, "call_abc")]


async def test_parallel_tool_calls_both_come_back(stub: OpenAIStub, provider: OpenAIProvider) -> None:
    stub.tool_calls(
        ("call_1", "add_expense", ['{"amount": ', '"12"}']),
        ("call_2", "budget_status", ["{}"]),
    )
    response = await provider.request(_request(tools=[EXPENSE_TOOL]))
    assert response.tool_calls == [
        ToolCall("add_expense", {"amount": "12"}, "call_1"),
        ToolCall("budget_status", {}, "call_2"),
    ]


async def test_request_carries_model_key_system_tools_and_paired_tool_results(
    stub: OpenAIStub, provider: OpenAIProvider
) -> None:
    stub.text("Done.")
    call = ToolCall("add_expense", {"amount": "45"}, "call_9")
    request = ModelRequest(
        system="You are PAM.",
        messages=[
            ChatMessage(role="user", content="spent $45"),
            ChatMessage(role="assistant", content="", tool_calls=[call]),
            ChatMessage(role="tool", content='{"ok": true}', tool_call_id="call_9", tool_name="add_expense"),
        ],
        tools=[EXPENSE_TOOL],
    )
    await provider.request(request)
    (seen,) = stub.seen
    assert seen.headers["authorization"] == f"Bearer {KEY}"
    assert seen.body["model"] == "gpt-test" and seen.body["stream"] is True
    assert seen.body["tools"] == [{"type": "function", "function": EXPENSE_TOOL}]
    assert seen.body["messages"] == [
        {"role": "system", "content": "You are PAM."},
        {"role": "user", "content": "spent $45"},
        {
            "role": "assistant",
            "content": None,
            "tool_calls": [
                {
                    "id": "call_9",
                    "type": "function",
                    "function": {"name": "add_expense", "arguments": '{"amount": "45"}'},
                }
            ],
        },
        {"role": "tool", "tool_call_id": "call_9", "content": '{"ok": true}'},
    ]


async def test_no_tools_means_no_tools_field(stub: OpenAIStub, provider: OpenAIProvider) -> None:
    stub.text("Hi.")
    await provider.request(_request())
    assert "tools" not in stub.seen[0].body


async def test_server_error_is_a_provider_error_without_the_key(
    stub: OpenAIStub, provider: OpenAIProvider, caplog: pytest.LogCaptureFixture
) -> None:
    stub.error(500)
    stub.error(401, f"Incorrect API key provided: {KEY}.", "invalid_request_error", "invalid_api_key")
    caplog.set_level(logging.DEBUG)
    with pytest.raises(ProviderError, match="HTTP 500") as first:
        await provider.request(_request())
    with pytest.raises(ProviderError, match="HTTP 401.*invalid_api_key") as second:
        await provider.request(_request())
    assert len(stub.seen) == 2  # no SDK retries: the chain fails over instead
    for shown in (str(first.value), str(second.value), repr(provider), caplog.text):
        assert KEY not in shown


@pytest.mark.parametrize(
    "script",
    [
        pytest.param(lambda s: s.garbage(), id="html-body"),
        pytest.param(lambda s: s.raw("{not json", "[DONE]"), id="invalid-json-chunk"),
        pytest.param(lambda s: s.raw('{"choices": [{"index": 0}]}', "[DONE]"), id="chunk-without-delta"),
        pytest.param(
            lambda s: s.raw('{"error": {"message": "overloaded", "type": "server_error"}}'), id="error-mid-stream"
        ),
        pytest.param(
            lambda s: s.raw('{"id": "x", "choices": [{"index": 0, "delta": {"content": "Hel"}}]}'), id="truncated"
        ),
        pytest.param(lambda s: s.text(), id="empty-answer"),
    ],
)
async def test_malformed_or_empty_streams_are_provider_errors(
    stub: OpenAIStub, provider: OpenAIProvider, script
) -> None:
    script(stub)
    with pytest.raises(ProviderError):
        await provider.request(_request())


@pytest.mark.parametrize(
    "fragments", [['["45"', "]"], ['{"amount": ', '"45"'], ["null"]], ids=["array", "cut-off", "null"]
)
async def test_arguments_that_are_not_a_json_object_are_provider_errors(
    stub: OpenAIStub, provider: OpenAIProvider, fragments: list[str]
) -> None:
    stub.tool_calls(("call_1", "add_expense", fragments))
    with pytest.raises(ProviderError):
        await provider.request(_request(tools=[EXPENSE_TOOL]))


async def test_unreachable_server_is_a_provider_error() -> None:
    offline = OpenAIProvider(api_key=KEY, model="gpt-test", base_url=f"http://127.0.0.1:{free_port()}/v1", timeout=2)
    with pytest.raises(ProviderError, match="could not connect"):
        await offline.request(_request())
    await offline.aclose()


async def test_slow_provider_times_out_and_the_local_engine_answers(stub: OpenAIStub, provider: OpenAIProvider) -> None:
    stub.text("Let me ", "think about ", "that…", delay=2)
    chain = ProviderChain([provider, LocalEngine()], timeout=0.5)
    name, response = await chain.request(_request("hi"))
    assert name == "local"
    assert response.text


def test_from_settings_needs_a_key() -> None:
    assert OpenAIProvider.from_settings(Settings(_env_file=None, openai_api_key=None)) is None
    assert OpenAIProvider.from_settings(Settings(_env_file=None, openai_api_key="")) is None
    configured = OpenAIProvider.from_settings(Settings(_env_file=None, openai_api_key=KEY, openai_model="gpt-x"))
    assert configured is not None and configured.name == "openai" and configured.model == "gpt-x"
    assert KEY not in repr(configured)


async def test_run_turn_acts_through_openai_and_sends_back_the_tool_result(
    stub: OpenAIStub, provider: OpenAIProvider, make_user, session
) -> None:
    user = make_user()
    stub.tool_calls(
        ("call_exp1", "add_expense", ['{"amount": "45", ', '"category": "groceries", ', '"merchant": "Woolworths"}'])
    )
    stub.text("Logged $45.00 ", "for groceries at Woolworths.")
    chain = ProviderChain([provider, LocalEngine()], timeout=5)
    result = await run_turn(user_id=user.id, message="I spent $45 on groceries at Woolworths", chain=chain)

    assert result.provider == "openai"
    assert result.reply == "Logged $45.00 for groceries at Woolworths."
    rows, total = expense_repo.list_page(session, user_id=user.id)
    assert total == 1 and rows[0].amount == Decimal("45.00") and rows[0].merchant == "Woolworths"

    second = stub.seen[1].body["messages"]
    assistant, tool = second[-2], second[-1]
    assert assistant["role"] == "assistant" and assistant["tool_calls"][0]["id"] == "call_exp1"
    assert json.loads(assistant["tool_calls"][0]["function"]["arguments"])["merchant"] == "Woolworths"
    assert tool["role"] == "tool" and tool["tool_call_id"] == "call_exp1"
    assert json.loads(tool["content"])["ok"] is True

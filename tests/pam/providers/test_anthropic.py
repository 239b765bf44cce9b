"""The Anthropic provider through the real `anthropic` SDK, against a stub of the Messages API on 127.0.0.1."""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal

import pytest

from tests.stubs.anthropic_stub import AnthropicStub, message_events, running_stub, text_block, tool_use_block
from tests.stubs.server import free_port
from wheels_wins.pam.agent import run_turn
from wheels_wins.pam.providers.anthropic_provider import AnthropicProvider
from wheels_wins.pam.providers.base import ProviderError
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.pam.types import ChatMessage, ModelRequest, ToolCall
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.settings import Settings

KEY = "sk-ant-test-not-a-real-key"
MODEL = "claude-stub-1"
EXPENSE_TOOL = {
    "name": "add_expense",
    "description": "Record money the user spent.",
    "parameters": {
        "type": "object",
        "properties": {"amount": {"type": "string"}, "category": {"type": "string"}},
        "required": ["amount", "category"],
    },
}


@pytest.fixture
def stub() -> Iterator[AnthropicStub]:
    with running_stub() as running:
        yield running


@pytest.fixture
def provider(stub: AnthropicStub) -> AnthropicProvider:
    return AnthropicProvider(api_key=KEY, model=MODEL, base_url=stub.url, timeout=5)


def _ask(text: str, tools: list[dict] | None = None) -> ModelRequest:
    return ModelRequest(system="You are PAM.", messages=[ChatMessage(role="user", content=text)], tools=tools or [])


async def test_streamed_text_reaches_on_text_in_chunks_and_equals_the_reply(stub, provider) -> None:
    stub.reply_text("G'day", "! Fuel is ", "$1.89/L ", "in Dubbo.")
    seen: list[str] = []

    async def on_text(delta: str) -> None:
        seen.append(delta)

    response = await provider.request(_ask("fuel price?"), on_text)
    assert seen == ["G'day", "! Fuel is ", "$1.89/L ", "in Dubbo."]
    assert response.text == "".join(seen) == "G'day! Fuel is $1.89/L in Dubbo."
    assert response.tool_calls == []


async def test_tool_input_split_across_json_deltas_becomes_one_tool_call(stub, provider) -> None:
    stub.reply_tool_use(
        "toolu_01A",
        "add_expense",
        '{"amount": "4',
        '5", "cate',
        'gory": "groceries", ',
        '"merchant": "Woolworths"}',
        text="Logging that now.",
    )
    seen: list[str] = []

    async def on_text(delta: str) -> None:
        seen.append(delta)

    response = await provider.request(_ask("spent $45 at Woolworths", [EXPENSE_TOOL]), on_text)
    assert response.tool_calls == [
        ToolCall("add_expense", {"amount": "45", "category": "groceries", "merchant": "Woolworths"}, id="toolu_01A")
    ]
    assert response.text == "Logging that now." and seen == ["Logging that now."]


async def test_request_carries_model_key_system_tools_and_a_paired_transcript(stub, provider) -> None:
    stub.reply_text("Done.")
    calls = [
        ToolCall("add_expense", {"amount": "45", "category": "groceries"}, id="call_a"),
        ToolCall("add_expense", {"amount": "12", "category": "dining"}, id="call_b"),
    ]
    transcript = [
        ChatMessage(role="assistant", content="Earlier reply from a trimmed history."),
        ChatMessage(role="user", content="spent $45 on groceries"),
        ChatMessage(role="user", content="and $12 on lunch"),
        ChatMessage(role="assistant", content="", tool_calls=calls),
        ChatMessage(role="tool", content='{"ok": true}', tool_call_id="call_a", tool_name="add_expense"),
        ChatMessage(role="tool", content='{"ok": true}', tool_call_id="call_b", tool_name="add_expense"),
    ]
    await provider.request(ModelRequest(system="You are PAM.", messages=transcript, tools=[EXPENSE_TOOL]))

    (received,) = stub.requests
    # SDK 2.x sends the key as a bearer token (1.x used x-api-key); either way it reaches the API intact.
    assert received.headers["authorization"] == f"Bearer {KEY}" and "anthropic-version" in received.headers
    body = received.body
    assert (body["model"], body["system"], body["stream"]) == (MODEL, "You are PAM.", True)
    assert body["tools"] == [
        {
            "name": "add_expense",
            "description": "Record money the user spent.",
            "input_schema": EXPENSE_TOOL["parameters"],
        }
    ]
    assert body["messages"] == [
        {
            "role": "user",
            "content": [
                {"type": "text", "text": "spent $45 on groceries"},
                {"type": "text", "text": "and $12 on lunch"},
            ],
        },
        {
            "role": "assistant",
            "content": [
                {
                    "type": "tool_use",
                    "id": "call_a",
                    "name": "add_expense",
                    "input": {"amount": "45", "category": "groceries"},
                },
                {
                    "type": "tool_use",
                    "id": "call_b",
                    "name": "add_expense",
                    "input": {"amount": "12", "category": "dining"},
                },
            ],
        },
        {
            "role": "user",
            "content": [
                {"type": "tool_result", "tool_use_id": "call_a", "content": '{"ok": true}'},
                {"type": "tool_result", "tool_use_id": "call_b", "content": '{"ok": true}'},
            ],
        },
    ]


@pytest.mark.parametrize("status", [500, 529, 429, 400, 401])
async def test_error_status_is_a_provider_error_without_the_key(stub, provider, status) -> None:
    stub.reply_status(status)
    with pytest.raises(ProviderError) as raised:
        await provider.request(_ask("hello"))
    assert str(status) in str(raised.value) and KEY not in str(raised.value)
    assert len(stub.requests) == 1  # no SDK retries: the chain fails over instead


@pytest.mark.parametrize(
    "body",
    [
        pytest.param("<html><body>502 Bad Gateway</body></html>", id="html"),
        pytest.param("event: message_start\ndata: {this is not json\n\n", id="bad-json-event"),
        pytest.param("\x00\x01\x02 garbage \xff", id="binary"),
    ],
)
async def test_garbage_body_is_a_provider_error(stub, provider, body) -> None:
    stub.reply_raw(body)
    with pytest.raises(ProviderError):
        await provider.request(_ask("hello"))


async def test_error_event_mid_stream_is_a_provider_error(stub, provider) -> None:
    overloaded = {"type": "error", "error": {"type": "overloaded_error", "message": "Overloaded"}}
    stub.reply_events([*message_events(MODEL)[:2], ("error", overloaded)])
    with pytest.raises(ProviderError, match="overloaded_error"):
        await provider.request(_ask("hello"))


async def test_connection_lost_mid_stream_is_a_provider_error(stub, provider) -> None:
    stub.reply_dropped(message_events(MODEL, text_block("Hal", "lo"))[:5])
    with pytest.raises(ProviderError, match="broken stream"):
        await provider.request(_ask("hello"))


@pytest.mark.parametrize(
    ("events", "reason"),
    [
        pytest.param(message_events(MODEL, text_block("Hal"))[:-2], "before message_stop", id="truncated"),
        pytest.param(
            message_events(MODEL, tool_use_block("toolu_1", "add_expense", '["45", ', '"fuel"]')),
            "not a JSON object",
            id="array-input",
        ),
        pytest.param(
            message_events(MODEL, tool_use_block("toolu_1", "add_expense", '{"amount": "4')),
            "not valid JSON",
            id="cut-json",
        ),
        pytest.param(message_events(MODEL), "neither text nor tool calls", id="empty"),
        pytest.param(message_events(MODEL, text_block("  ", "\n")), "neither text nor tool calls", id="blank"),
    ],
)
async def test_malformed_stream_is_a_provider_error(stub, provider, events, reason) -> None:
    stub.reply_events(events)
    with pytest.raises(ProviderError, match=reason):
        await provider.request(_ask("hello"))


async def test_unreachable_api_is_a_provider_error() -> None:
    provider = AnthropicProvider(api_key=KEY, model=MODEL, base_url=f"http://127.0.0.1:{free_port()}", timeout=2)
    with pytest.raises(ProviderError) as raised:
        await provider.request(_ask("hello"))
    assert KEY not in str(raised.value)


async def test_slow_stub_makes_the_chain_answer_locally(stub, provider) -> None:
    stub.reply_text("Sorry", " for", " the", " wait", delay=1.0)
    chain = ProviderChain([provider, LocalEngine()], timeout=0.5)
    name, response = await chain.request(_ask("hello"))
    assert name == "local" and response.text


def test_from_settings_needs_a_key() -> None:
    assert AnthropicProvider.from_settings(Settings(anthropic_api_key=None)) is None
    configured = AnthropicProvider.from_settings(Settings(anthropic_api_key=KEY, anthropic_model=MODEL))
    assert configured is not None and configured.name == "anthropic" and configured.model == MODEL
    assert KEY not in repr(configured)


async def test_run_turn_executes_the_models_tool_call_and_pairs_its_result(stub, provider, make_user, session) -> None:
    user = make_user()
    stub.reply_tool_use(
        "toolu_exp1", "add_expense", '{"amount": "45", "categ', 'ory": "groceries", "merchant": "Woolworths"}'
    )
    stub.reply_text("Logged $45.00 ", "of groceries at Woolworths.")
    chain = ProviderChain([provider, LocalEngine()], timeout=5)

    result = await run_turn(user_id=user.id, message="I spent $45 on groceries at Woolworths", chain=chain)

    assert result.provider == "anthropic"
    assert result.reply == "Logged $45.00 of groceries at Woolworths."
    rows, total = expense_repo.list_page(session, user_id=user.id)
    assert total == 1 and rows[0].amount == Decimal("45.00") and rows[0].merchant == "Woolworths"
    first, second = (r.body["messages"] for r in stub.requests)
    assert first[-1] == {
        "role": "user",
        "content": [{"type": "text", "text": "I spent $45 on groceries at Woolworths"}],
    }
    assistant, tool_results = second[-2:]
    assert assistant["content"] == [
        {
            "type": "tool_use",
            "id": "toolu_exp1",
            "name": "add_expense",
            "input": {"amount": "45", "category": "groceries", "merchant": "Woolworths"},
        }
    ]
    (paired,) = tool_results["content"]
    assert (tool_results["role"], paired["type"], paired["tool_use_id"]) == ("user", "tool_result", "toolu_exp1")
    assert json.loads(paired["content"])["ok"] is True

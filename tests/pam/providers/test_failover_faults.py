"""The whole chain as configured (Anthropic, Gemini, OpenAI, then the local engine) against three stub servers.

Each provider fails the way real ones do (too slow, garbled, erroring) and the turn still ends, in
bounded time, with the reply of the next one that works, and the action done.
"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator, Iterator
from dataclasses import dataclass
from decimal import Decimal

import pytest

from tests.stubs.anthropic_stub import AnthropicStub, running_stub
from tests.stubs.gemini_stub import GeminiStub, Reply, error_reply
from tests.stubs.openai_stub import OpenAIStub
from tests.stubs.server import serve
from wheels_wins.pam.agent import run_turn
from wheels_wins.pam.providers.chain import CircuitBreaker, ProviderChain
from wheels_wins.pam.providers.registry import configured_providers
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.settings import Settings

TIMEOUT = 2.0  # a reply that should be quick has 2 s before it counts as slow (1 s was not enough once on a loaded CI run)
COFFEE = ("call_coffee", "add_expense", ['{"amount": "12", ', '"category": "dining", "description": "coffee"}'])


@dataclass
class Stubs:
    """The three vendors' stub servers."""

    anthropic: AnthropicStub
    gemini: GeminiStub
    gemini_url: str
    openai: OpenAIStub


@pytest.fixture
def stubs() -> Iterator[Stubs]:
    gemini, openai = GeminiStub(), OpenAIStub()
    with running_stub() as anthropic, serve(gemini.app) as gemini_url, serve(openai.app) as openai_url:
        openai.base_url = f"{openai_url}/v1"
        yield Stubs(anthropic, gemini, gemini_url, openai)


def _settings(stubs: Stubs) -> Settings:
    return Settings(
        anthropic_api_key="sk-ant-stub",
        anthropic_base_url=stubs.anthropic.url,
        anthropic_model="claude-stub",
        gemini_api_key="gemini-stub",
        gemini_base_url=stubs.gemini_url,
        openai_api_key="sk-openai-stub",
        openai_base_url=stubs.openai.base_url,
        openai_model="gpt-stub",
        ai_timeout_seconds=TIMEOUT,
    )


@pytest.fixture
async def chain(stubs: Stubs) -> AsyncIterator[ProviderChain]:
    """The chain the app would build from these settings (the registry's order), with a short timeout."""
    settings = _settings(stubs)
    providers = configured_providers(settings)
    assert [p.name for p in providers] == ["anthropic", "gemini", "openai", "local"]
    yield ProviderChain(providers, timeout=settings.ai_timeout_seconds)
    for provider in providers:
        if hasattr(provider, "aclose"):
            await provider.aclose()


GARBLED = {
    "http-500": error_reply(500, "Internal error encountered."),
    "html-page": Reply(status=200, body=b"<html><body>Bad gateway</body></html>"),
    "invalid-json": Reply(chunks=['{"candidates": [{"content": ']),
    "wrong-schema": Reply(chunks=[{"unexpected": "shape"}]),
}


@pytest.mark.parametrize("garbled", GARBLED.values(), ids=GARBLED.keys())
async def test_a_slow_first_and_a_garbled_second_leave_the_turn_to_the_third(
    stubs: Stubs, chain: ProviderChain, make_user, session, garbled: Reply
) -> None:
    user = make_user()
    stubs.anthropic.reply_text_then_stall(
        "Sorry", " for", " the", " wait", stall=TIMEOUT * 2
    )  # a few words, then too slow
    stubs.gemini.reply(garbled)
    stubs.openai.tool_calls(COFFEE)
    stubs.openai.text("Logged $12.00 ", "for coffee.")
    shown: list[str] = []

    async def on_text(snapshot: str) -> None:
        shown.append(snapshot)

    started = time.monotonic()
    result = await run_turn(user_id=user.id, message="add $12 coffee", chain=chain, on_text=on_text)

    assert time.monotonic() - started < TIMEOUT + 2
    assert (result.provider, result.reply) == ("openai", "Logged $12.00 for coffee.")
    assert any("Sorry" in snapshot for snapshot in shown)  # the slow one had begun to answer
    assert shown[-1] == result.reply  # and its words were taken back
    rows, total = expense_repo.list_page(session, user_id=user.id)
    assert total == 1 and rows[0].amount == Decimal("12.00")
    # The second step skipped Anthropic (it had just used up the whole timeout) but tried Gemini again.
    assert (len(stubs.anthropic.requests), len(stubs.gemini.requests), len(stubs.openai.seen)) == (1, 2, 2)


async def test_when_every_provider_fails_the_local_engine_does_the_action(
    stubs: Stubs, chain: ProviderChain, make_user, session
) -> None:
    user = make_user()
    stubs.anthropic.reply_status(529, "overloaded_error", "Overloaded")
    stubs.gemini.reply(Reply(hang=10))
    stubs.openai.garbage()

    started = time.monotonic()
    result = await run_turn(user_id=user.id, message="add $12 coffee", chain=chain)

    assert time.monotonic() - started < TIMEOUT + 2
    assert result.provider == "local" and "$12.00" in result.reply
    rows, total = expense_repo.list_page(session, user_id=user.id)
    assert total == 1 and rows[0].amount == Decimal("12.00")
    assert [call.name for call in result.tool_calls] == ["add_expense"]


async def test_the_breaker_skips_a_provider_that_timed_out_then_lets_a_trial_through(
    stubs: Stubs, chain: ProviderChain, make_user
) -> None:
    user = make_user()
    breaker = chain.breakers["anthropic"] = CircuitBreaker(cooldown=30.0)
    stubs.anthropic.reply_text("too", " late", delay=TIMEOUT)
    stubs.gemini.reply_text("Gemini here.")
    stubs.gemini.reply_text("Gemini again.")

    first = await run_turn(user_id=user.id, message="hello", chain=chain)
    assert breaker.opened_at is not None  # one timeout opened it
    started = time.monotonic()
    second = await run_turn(user_id=user.id, message="hello again", chain=chain)

    assert (first.provider, second.provider) == ("gemini", "gemini")
    # Tens of ms; trying Anthropic again would cost the whole TIMEOUT before Gemini even started.
    assert time.monotonic() - started < TIMEOUT  # no wait on the provider that just timed out
    assert len(stubs.anthropic.requests) == 1
    assert breaker.opened_at is not None  # still open: skipping it was no trial

    breaker.opened_at -= breaker.cooldown  # the cooldown has passed
    stubs.anthropic.reply_text("Back ", "again.")
    third = await run_turn(user_id=user.id, message="are you there?", chain=chain)
    assert (third.provider, third.reply) == ("anthropic", "Back again.")
    assert chain.breakers["anthropic"].opened_at is None


async def test_quick_failures_open_the_breaker_only_after_three_in_a_row(
    stubs: Stubs, chain: ProviderChain, make_user
) -> None:
    user = make_user()
    for _ in range(4):
        stubs.anthropic.reply_status(500)
        stubs.gemini.reply_text("Gemini answers.")
    for _ in range(4):
        assert (await run_turn(user_id=user.id, message="hello", chain=chain)).provider == "gemini"
    assert len(stubs.anthropic.requests) == 3  # the fourth turn skipped it

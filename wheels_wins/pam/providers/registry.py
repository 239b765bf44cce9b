"""Build the fallback chain from settings: every keyed provider in order, then the local engine."""

from __future__ import annotations

from functools import lru_cache

from wheels_wins.pam.providers.anthropic_provider import AnthropicProvider
from wheels_wins.pam.providers.base import Provider
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.gemini_provider import GeminiProvider
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.pam.providers.openai_provider import OpenAIProvider
from wheels_wins.settings import Settings, get_settings

REMOTE_PROVIDERS = (AnthropicProvider, GeminiProvider, OpenAIProvider)


def configured_providers(settings: Settings) -> list[Provider]:
    """Anthropic, Gemini and OpenAI when their keys are set, in that order, then the local engine, always last."""
    remote = [provider for kind in REMOTE_PROVIDERS if (provider := kind.from_settings(settings)) is not None]
    return [*remote, LocalEngine()]


@lru_cache
def default_chain() -> ProviderChain:
    """The process-wide chain (breakers keep their state between turns)."""
    settings = get_settings()
    return ProviderChain(configured_providers(settings), timeout=settings.ai_timeout_seconds)

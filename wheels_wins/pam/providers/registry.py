"""Build the fallback chain from settings: every keyed provider in order, then the local engine."""

from __future__ import annotations

from functools import lru_cache

from wheels_wins.pam.providers.base import Provider
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.settings import get_settings


def configured_providers() -> list[Provider]:
    """Remote providers whose keys are set (a missing key skips the provider), then the local engine."""
    settings = get_settings()
    providers: list[Provider] = []
    if settings.anthropic_api_key:
        from wheels_wins.pam.providers.anthropic_provider import AnthropicProvider

        providers.append(AnthropicProvider(settings))
    if settings.gemini_api_key:
        from wheels_wins.pam.providers.gemini_provider import GeminiProvider

        providers.append(GeminiProvider(settings))
    if settings.openai_api_key:
        from wheels_wins.pam.providers.openai_provider import OpenAIProvider

        providers.append(OpenAIProvider(settings))
    providers.append(LocalEngine())
    return providers


@lru_cache
def default_chain() -> ProviderChain:
    """The process-wide chain (breakers keep their state between turns)."""
    return ProviderChain(configured_providers(), timeout=get_settings().ai_timeout_seconds)

"""Build the fallback chain from settings: every keyed provider in order, then the local engine."""

from __future__ import annotations

import importlib
from functools import lru_cache

from wheels_wins.pam.providers.base import Provider
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.settings import Settings, get_settings

# (the setting holding its key, its module, its class), in failover order. A provider's module, and so
# its SDK (40-70 MB each), is imported only when its key is set.
REMOTE_PROVIDERS = (
    ("anthropic_api_key", "wheels_wins.pam.providers.anthropic_provider", "AnthropicProvider"),
    ("gemini_api_key", "wheels_wins.pam.providers.gemini_provider", "GeminiProvider"),
    ("openai_api_key", "wheels_wins.pam.providers.openai_provider", "OpenAIProvider"),
)


def configured_providers(settings: Settings) -> list[Provider]:
    """Anthropic, Gemini and OpenAI when their keys are set, in that order, then the local engine, always last."""
    remote: list[Provider] = []
    for key_setting, module, class_name in REMOTE_PROVIDERS:
        if getattr(settings, key_setting):
            kind = getattr(importlib.import_module(module), class_name)
            if (provider := kind.from_settings(settings)) is not None:
                remote.append(provider)
    return [*remote, LocalEngine()]


@lru_cache
def default_chain() -> ProviderChain:
    """The process-wide chain (breakers keep their state between turns)."""
    settings = get_settings()
    return ProviderChain(configured_providers(settings), timeout=settings.ai_timeout_seconds)

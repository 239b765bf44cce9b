"""The provider chain is built from settings: keyed providers in a fixed order, the local engine always last."""

from __future__ import annotations

from wheels_wins.pam.providers.registry import configured_providers
from wheels_wins.settings import Settings


def _names(**keys: str) -> list[str]:
    return [provider.name for provider in configured_providers(Settings(**keys))]


def test_no_keys_means_the_local_engine_alone() -> None:
    assert _names(anthropic_api_key="", gemini_api_key="", openai_api_key="") == ["local"]


def test_every_key_gives_anthropic_gemini_openai_then_local() -> None:
    keys = {"anthropic_api_key": "a-key", "gemini_api_key": "g-key", "openai_api_key": "o-key"}
    assert _names(**keys) == ["anthropic", "gemini", "openai", "local"]


def test_one_key_adds_only_that_provider() -> None:
    assert _names(anthropic_api_key="", gemini_api_key="g-key", openai_api_key="") == ["gemini", "local"]

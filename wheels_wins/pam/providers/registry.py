"""Build the fallback chain from settings: every keyed provider in order, then the local engine."""

from __future__ import annotations

from functools import lru_cache

from wheels_wins.pam.providers.base import Provider
from wheels_wins.pam.providers.chain import ProviderChain
from wheels_wins.pam.providers.local import LocalEngine
from wheels_wins.settings import get_settings


def configured_providers() -> list[Provider]:
    """Remote providers whose keys are set (none is wired in yet), then the local engine, always last."""
    return [LocalEngine()]


@lru_cache
def default_chain() -> ProviderChain:
    """The process-wide chain (breakers keep their state between turns)."""
    return ProviderChain(configured_providers(), timeout=get_settings().ai_timeout_seconds)

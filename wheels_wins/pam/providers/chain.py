"""Ordered failover across providers with a per-call timeout and a circuit breaker each."""

from __future__ import annotations

import asyncio
import logging
import time
from dataclasses import dataclass, field

from wheels_wins.pam.providers.base import Provider, ProviderError, TextSink
from wheels_wins.pam.types import ModelRequest, ModelResponse

log = logging.getLogger(__name__)


@dataclass
class CircuitBreaker:
    """Opens after `threshold` consecutive failures and lets one trial call through after `cooldown` seconds."""

    threshold: int = 3
    cooldown: float = 30.0
    failures: int = 0
    opened_at: float | None = None

    def allows(self, now: float) -> bool:
        """Whether a call may be attempted."""
        return self.opened_at is None or now - self.opened_at >= self.cooldown

    def succeeded(self) -> None:
        """Close the breaker."""
        self.failures, self.opened_at = 0, None

    def failed(self, now: float) -> None:
        """Count a failure, opening the breaker at the threshold."""
        self.failures += 1
        if self.failures >= self.threshold:
            self.opened_at = now


@dataclass
class ProviderChain:
    """Try each provider in order; the last one (the local engine) never times out."""

    providers: list[Provider]
    timeout: float = 20.0
    breakers: dict[str, CircuitBreaker] = field(default_factory=dict)

    async def request(self, request: ModelRequest, on_text: TextSink | None = None) -> tuple[str, ModelResponse]:
        """The first good answer and the name of the provider that gave it."""
        last_error: Exception | None = None
        for index, provider in enumerate(self.providers):
            is_last = index == len(self.providers) - 1
            breaker = self.breakers.setdefault(provider.name, CircuitBreaker())
            if not is_last and not breaker.allows(time.monotonic()):
                continue
            try:
                call = provider.request(request, on_text)
                response = await (call if is_last else asyncio.wait_for(call, self.timeout))
            except (ProviderError, asyncio.TimeoutError, ValueError, KeyError, TypeError) as error:
                log.warning("PAM provider %s failed: %r", provider.name, error)
                breaker.failed(time.monotonic())
                last_error = error
                continue
            breaker.succeeded()
            return provider.name, response
        raise ProviderError(f"every provider failed: {last_error!r}")

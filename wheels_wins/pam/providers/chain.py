"""Ordered failover across providers with a per-call timeout and a circuit breaker each."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from typing import cast

from wheels_wins.pam.providers.base import InstantProvider, Provider, ProviderError, TextSink
from wheels_wins.pam.types import ModelRequest, ModelResponse

log = logging.getLogger(__name__)

SLOW_FAILURE = 0.9  # a failure after this share of the timeout counts as a timeout


@dataclass
class CircuitBreaker:
    """Opens after `threshold` consecutive failures, or one slow one, and lets a trial call through after `cooldown` s."""

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

    def failed(self, now: float, *, slow: bool = False) -> None:
        """Count a failure, opening the breaker at the threshold, or at once when it used up the time budget."""
        self.failures += 1
        if slow or self.failures >= self.threshold:
            self.opened_at = now


@dataclass
class ProviderChain:
    """Try each provider in order; the last one (the local engine) never times out."""

    providers: list[Provider]
    timeout: float = 20.0
    breakers: dict[str, CircuitBreaker] = field(default_factory=dict)

    @property
    def needs_context(self) -> bool:
        """Whether any provider reads the system prompt's data snapshot and the recent turns.

        A provider needs them unless it sets `needs_context = False` (the local engine does).
        """
        return any(getattr(provider, "needs_context", True) for provider in self.providers)

    @property
    def instant(self) -> InstantProvider | None:
        """The chain's only provider when it answers in-process at once (the local engine alone), else None.

        A turn with it can run in one transaction: no request to a model holds that open while waiting.
        """
        if len(self.providers) == 1 and callable(getattr(self.providers[0], "respond", None)):
            return cast(InstantProvider, self.providers[0])
        return None

    async def request(
        self,
        request: ModelRequest,
        on_text: TextSink | None = None,
        on_restart: Callable[[], Awaitable[None]] | None = None,
    ) -> tuple[str, ModelResponse]:
        """The first good answer and the name of the provider that gave it.

        When a provider fails after streaming some text, `on_restart` is awaited before the next one
        starts, so what the failed one wrote can be taken off the screen.
        """
        last_error: Exception | None = None
        streamed = False

        async def sink(delta: str) -> None:
            nonlocal streamed
            streamed = True
            if on_text is not None:
                await on_text(delta)

        for index, provider in enumerate(self.providers):
            is_last = index == len(self.providers) - 1
            breaker = self.breakers.setdefault(provider.name, CircuitBreaker())
            if not is_last and not breaker.allows(time.monotonic()):
                continue
            if streamed and on_restart is not None:
                await on_restart()
            streamed = False
            started = time.monotonic()
            try:
                call = provider.request(request, sink if on_text is not None else None)
                response = await (call if is_last else asyncio.wait_for(call, self.timeout))
            except Exception as error:  # noqa: BLE001 — any failure of one provider means: try the next
                log.warning(
                    "PAM provider %s failed: %r", provider.name, error, exc_info=not isinstance(error, ProviderError)
                )
                now = time.monotonic()
                # A timeout (ours or the SDK's) would cost the next step of this turn the same wait: skip it for now.
                breaker.failed(now, slow=now - started >= self.timeout * SLOW_FAILURE)
                last_error = error
                continue
            breaker.succeeded()
            return provider.name, response
        raise ProviderError(f"every provider failed: {last_error!r}")

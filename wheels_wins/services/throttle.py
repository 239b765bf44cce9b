"""Login slow-down after repeated failures (OWASP ASVS 6.3: soft lockout, not a hard one).

Callers key attempts by `f"{email}|{ip}"` and by the email alone, wait the larger of the two
`delay_for` values before checking the password, call `record_failure` on both keys when the
login fails and `reset` on both when it succeeds. Slowing down rather than locking out keeps
an attacker from locking a traveller out of their own account.

`LoginThrottle` keeps its counters in this process; a Redis-backed class implementing the
`Throttle` protocol can replace `login_throttle` when the app runs on several workers.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable
from typing import Protocol


class Throttle(Protocol):
    """What the login flow needs from a failure counter."""

    def delay_for(self, key: str) -> float:
        """Seconds to wait before the next attempt for `key`."""
        ...

    def record_failure(self, key: str) -> None:
        """Count a failed attempt for `key`."""
        ...

    def reset(self, key: str) -> None:
        """Forget the failures for `key`."""
        ...


class LoginThrottle:
    """In-process, thread-safe sliding-window failure counter with exponential delays."""

    def __init__(
        self,
        *,
        free_failures: int = 5,
        window_seconds: float = 15 * 60,
        base_delay: float = 1.0,
        max_delay: float = 10.0,
        max_keys: int = 100_000,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.free_failures = free_failures
        self.window_seconds = window_seconds
        self.base_delay = base_delay
        self.max_delay = max_delay
        self.max_keys = max_keys
        self._clock = clock
        self._failures: dict[str, deque[float]] = {}
        self._lock = threading.Lock()
        # Beyond this many failures the delay is capped anyway, so older timestamps can go.
        self._max_kept = free_failures + 16

    def _recent(self, key: str, now: float) -> deque[float] | None:
        stamps = self._failures.get(key)
        if stamps is None:
            return None
        cutoff = now - self.window_seconds
        while stamps and stamps[0] <= cutoff:
            stamps.popleft()
        if not stamps:
            del self._failures[key]
            return None
        return stamps

    def _make_room(self, now: float) -> None:
        for key in list(self._failures):
            self._recent(key, now)
        # Still full (a flood of distinct keys): drop the keys whose last failure is oldest.
        excess = len(self._failures) - self.max_keys + 1
        if excess > 0:
            oldest = sorted(self._failures, key=lambda k: self._failures[k][-1])[:excess]
            for key in oldest:
                del self._failures[key]

    def delay_for(self, key: str) -> float:
        """0 for the first `free_failures` failures in the window, then 1 s, 2 s, 4 s ... up to the cap."""
        with self._lock:
            stamps = self._recent(key, self._clock())
            count = len(stamps) if stamps else 0
        if count <= self.free_failures:
            return 0.0
        return min(self.max_delay, self.base_delay * 2 ** (count - self.free_failures - 1))

    def record_failure(self, key: str) -> None:
        """Count a failed attempt for `key`."""
        with self._lock:
            now = self._clock()
            stamps = self._recent(key, now)
            if stamps is None:
                if len(self._failures) >= self.max_keys:
                    self._make_room(now)
                stamps = self._failures[key] = deque(maxlen=self._max_kept)
            stamps.append(now)

    def reset(self, key: str) -> None:
        """Forget the failures for `key`."""
        with self._lock:
            self._failures.pop(key, None)


login_throttle: Throttle = LoginThrottle()

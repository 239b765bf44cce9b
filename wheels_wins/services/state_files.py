"""Reflex's on-disk session states (one worker without Redis): sweep expired files now and then, not constantly.

After every pass over its write queue, Reflex's disk state manager lists the states folder and
stats each file to delete those past the token expiration (an hour). Under steady traffic the
queue always holds a state due within the debounce, so that pass runs many times a second over
thousands of files: a tenth of the worker's CPU with 100 users sending an event a second. States
expire after an hour, so a sweep a minute deletes them as surely.
"""

from __future__ import annotations

import time

from reflex.istate.manager.disk import StateManagerDisk

SWEEP_EVERY_SECONDS = 60.0
_sweep_every_seconds = SWEEP_EVERY_SECONDS
_original_purge = StateManagerDisk._purge_expired_states
_last_sweep: dict[int, float] = {}  # id(manager) -> when it last swept


def _purge_now_and_then(self: StateManagerDisk) -> None:
    now = time.monotonic()
    last = _last_sweep.get(id(self))
    if last is not None and now - last < _sweep_every_seconds:
        return
    _last_sweep[id(self)] = now
    _original_purge(self)


def install(sweep_every_seconds: float = SWEEP_EVERY_SECONDS) -> None:
    """Let each disk state manager sweep its folder for expired states at most every `sweep_every_seconds` (idempotent)."""
    global _sweep_every_seconds  # noqa: PLW0603 - one setting for the process, fixed at startup
    _sweep_every_seconds = sweep_every_seconds
    StateManagerDisk._purge_expired_states = _purge_now_and_then  # type: ignore[method-assign]

"""Reflex's disk state manager with our sweep: expired state files still go, but the folder is swept at most
once per interval instead of after every pass over the write queue."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from reflex.istate.manager.disk import StateManagerDisk

from wheels_wins.services import state_files


def _expired_state(folder: Path, name: str) -> Path:
    path = folder / f"{name}.pkl"
    path.write_bytes(b"state")
    two_hours_ago = time.time() - 7200
    os.utime(path, (two_hours_ago, two_hours_ago))
    return path


def test_expired_states_are_swept_once_per_interval(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("REFLEX_STATES_WORKDIR", str(tmp_path))
    monkeypatch.setattr(StateManagerDisk, "_purge_expired_states", StateManagerDisk._purge_expired_states)
    state_files.install(sweep_every_seconds=0.5)
    first = _expired_state(tmp_path, "first")
    fresh = tmp_path / "fresh.pkl"
    fresh.write_bytes(b"state")

    manager = StateManagerDisk(token_expiration=3600)  # sweeps once on creation
    assert not first.exists() and fresh.exists()

    second = _expired_state(tmp_path, "second")
    manager._purge_expired_states()  # as the write queue's next pass would, moments later
    assert second.exists()

    time.sleep(0.6)
    manager._purge_expired_states()
    assert not second.exists() and fresh.exists()

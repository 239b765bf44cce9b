"""Placeholder, replaced by the groups work in progress."""

from __future__ import annotations

import reflex as rx


class GroupsState(rx.State):
    """Placeholder state."""

    @rx.event
    def load(self):
        """Nothing yet."""

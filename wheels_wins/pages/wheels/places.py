"""Wheels › Places: saved places listed by distance, with kind, notes and rating."""

from __future__ import annotations

import reflex as rx


class PlacesState(rx.State):
    """Placeholder until this tab is built."""

    @rx.event
    async def load(self):
        """Read what the tab shows."""

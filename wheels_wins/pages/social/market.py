"""Placeholder, replaced by the market work in progress."""

from __future__ import annotations

import reflex as rx


class MarketState(rx.State):
    """Placeholder state."""

    @rx.event
    def load(self):
        """Nothing yet."""

"""Wheels › Vehicle: the vehicle profile and the fuel log."""

from __future__ import annotations

import reflex as rx


class VehicleState(rx.State):
    """Placeholder until this tab is built."""

    @rx.event
    async def load(self):
        """Read what the tab shows."""

"""Wheels › Vehicle: maintenance records and schedules, due soon and overdue."""

from __future__ import annotations

import reflex as rx


class MaintenanceState(rx.State):
    """Placeholder until this tab is built."""

    @rx.event
    async def load(self):
        """Read what the tab shows."""

"""Wheels › Calendar: a month view and the upcoming list, maintenance due dates included."""

from __future__ import annotations

import reflex as rx


class CalendarState(rx.State):
    """Placeholder until this tab is built."""

    @rx.event
    async def load(self):
        """Read what the tab shows."""

"""Wheels › a trip's details: edit title, dates, status and budget; budget vs actual from linked expenses."""

from __future__ import annotations

import reflex as rx


class TripSheetState(rx.State):
    """Placeholder until the trip details are built."""

    @rx.event
    async def open_trip(self, trip_id: str):
        """Open the details of one of the user's trips."""

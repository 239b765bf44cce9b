"""Wheels › a trip's details dialog."""

from __future__ import annotations

import reflex as rx


def trip_sheet() -> rx.Component:
    """The trip details dialog (rendered once on the page)."""
    return rx.fragment()

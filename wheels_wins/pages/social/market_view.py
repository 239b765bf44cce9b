"""Placeholder, replaced by the market work in progress."""

from __future__ import annotations

import reflex as rx


def market_panel() -> rx.Component:
    """Placeholder panel."""
    return rx.text("Coming soon.")

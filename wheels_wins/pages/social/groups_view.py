"""Placeholder, replaced by the groups work in progress."""

from __future__ import annotations

import reflex as rx


def groups_panel() -> rx.Component:
    """Placeholder panel."""
    return rx.text("Coming soon.")

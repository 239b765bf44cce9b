"""Wheels › Calendar: a month view and the upcoming list, maintenance due dates included."""

from __future__ import annotations

import reflex as rx


def calendar_panel() -> rx.Component:
    """The Calendar tab."""
    return rx.fragment()

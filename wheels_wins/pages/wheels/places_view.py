"""Wheels › Places: saved places listed by distance, with kind, notes and rating."""

from __future__ import annotations

import reflex as rx


def places_panel() -> rx.Component:
    """The Places tab."""
    return rx.fragment()

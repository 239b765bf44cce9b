"""Wheels › Vehicle: the vehicle profile and the fuel log."""

from __future__ import annotations

import reflex as rx


def vehicle_panel() -> rx.Component:
    """The vehicle profile and fuel log."""
    return rx.fragment()

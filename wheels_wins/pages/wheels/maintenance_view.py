"""Wheels › Vehicle: maintenance records and schedules, due soon and overdue."""

from __future__ import annotations

import reflex as rx


def maintenance_panel() -> rx.Component:
    """Maintenance records and schedules."""
    return rx.fragment()

"""Home: this month's spend against budget, top categories, recent expenses, what's coming up and the active trip."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import page_header
from wheels_wins.components.layout import app_page
from wheels_wins.pages.home.cards import events_card, month_card, recent_card, trip_card
from wheels_wins.pages.home.state import HomeState

__all__ = ["home"]


@app_page(
    routes.HOME,
    "Home",
    on_load=HomeState.load,
    refresh_on=("expenses", "budgets", "income", "trips", "calendar", "maintenance", "fuel"),
)
def home() -> rx.Component:
    """The dashboard."""
    return rx.vstack(
        page_header(
            rx.cond(HomeState.loaded, HomeState.hello, "Welcome back"),
            rx.cond(HomeState.loaded, "Here's " + HomeState.month_label + " at a glance.", "Your month at a glance."),
        ),
        rx.grid(
            month_card(),
            trip_card(),
            recent_card(),
            events_card(),
            grid_template_columns="repeat(auto-fit, minmax(min(100%, 360px), 1fr))",
            gap="var(--space-4)",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )

"""Home: the dashboard's four cards."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import (
    category_badge,
    empty_state,
    list_row,
    loading_block,
    money_text,
    section_card,
)
from wheels_wins.pages.home.state import HomeState


def month_card() -> rx.Component:
    budget = rx.cond(
        HomeState.has_budget,
        rx.vstack(
            rx.progress(
                value=rx.cond(HomeState.budget_percent > 100, 100, HomeState.budget_percent),
                color_scheme=rx.cond(HomeState.over_budget, "red", "teal"),
                size="2",
                width="100%",
            ),
            rx.hstack(
                rx.text(
                    HomeState.budget_percent.to_string() + "% of " + HomeState.budget_total + " budget",
                    size="2",
                    color=rx.color("gray", 11),
                ),
                rx.text(
                    rx.cond(HomeState.over_budget, HomeState.budget_left + " over", HomeState.budget_left + " left"),
                    size="2",
                    weight="medium",
                    color=rx.cond(HomeState.over_budget, rx.color("red", 11), rx.color("accent", 11)),
                ),
                justify="between",
                width="100%",
            ),
            spacing="2",
            width="100%",
        ),
        rx.text(
            "No monthly budget set yet — ask PAM: “set my fuel budget to $600”.", size="2", color=rx.color("gray", 11)
        ),
    )
    categories = rx.cond(
        HomeState.categories.length() > 0,
        rx.vstack(
            rx.text(
                "Top categories",
                size="1",
                weight="medium",
                color=rx.color("gray", 11),
                text_transform="uppercase",
                letter_spacing="0.04em",
            ),
            rx.foreach(
                HomeState.categories,
                lambda row: rx.vstack(
                    rx.hstack(
                        rx.text(row.label, size="2"), money_text(row.amount, size="2"), justify="between", width="100%"
                    ),
                    rx.box(
                        rx.box(
                            height="100%",
                            width=row.percent.to_string() + "%",
                            background=rx.color("accent", 9),
                            border_radius="9999px",
                        ),
                        height="6px",
                        width="100%",
                        background=rx.color("gray", 4),
                        border_radius="9999px",
                    ),
                    spacing="1",
                    width="100%",
                ),
            ),
            spacing="3",
            width="100%",
            pt="2",
        ),
        empty_state(
            "receipt", "Nothing spent this month", "Add an expense on Wins to see where the money goes.", "add $50 fuel"
        ),
    )
    return section_card(
        "wallet",
        "This month",
        rx.cond(
            HomeState.loaded,
            rx.vstack(
                rx.hstack(
                    rx.vstack(
                        rx.text("Spent in " + HomeState.month_label, size="2", color=rx.color("gray", 11)),
                        money_text(HomeState.spent, size="8", weight="bold", letter_spacing="-0.02em"),
                        spacing="0",
                    ),
                    rx.vstack(
                        rx.text("Income", size="2", color=rx.color("gray", 11)),
                        money_text(HomeState.income, size="4", color=rx.color("gray", 12)),
                        spacing="0",
                        align="end",
                    ),
                    justify="between",
                    align="end",
                    width="100%",
                ),
                budget,
                rx.separator(size="4"),
                categories,
                spacing="4",
                width="100%",
            ),
            loading_block(4),
        ),
        link=routes.WINS,
        link_label="Open Wins",
    )


def trip_card() -> rx.Component:
    def figure(icon: str, value: rx.Var[str], label: str) -> rx.Component:
        return rx.vstack(
            rx.hstack(
                rx.icon(icon, size=14, color=rx.color("gray", 10)),
                rx.text(label, size="1", color=rx.color("gray", 11)),
                spacing="1",
                align="center",
            ),
            rx.text(value, size="3", weight="medium", white_space="nowrap"),
            spacing="1",
        )

    return section_card(
        "route",
        "Your trip",
        rx.cond(
            HomeState.loaded,
            rx.cond(
                HomeState.has_trip,
                rx.vstack(
                    rx.hstack(
                        rx.heading(HomeState.trip.title, size="4"),
                        rx.badge(
                            HomeState.trip.status,
                            color_scheme=rx.cond(HomeState.trip.status == "Active", "grass", "amber"),
                            radius="full",
                        ),
                        spacing="2",
                        align="center",
                        wrap="wrap",
                    ),
                    rx.text(HomeState.trip.route, size="2", color=rx.color("gray", 11)),
                    rx.grid(
                        figure("ruler", HomeState.trip.distance, "Distance"),
                        figure("clock", HomeState.trip.duration, "Driving"),
                        figure("fuel", HomeState.trip.fuel, "Fuel est."),
                        columns="3",
                        spacing="3",
                        width="100%",
                        pt="2",
                    ),
                    rx.cond(
                        HomeState.trip.spent != "",
                        rx.vstack(
                            rx.text(HomeState.trip.spent, size="2", color=rx.color("gray", 11)),
                            rx.cond(
                                HomeState.trip.spent_percent > 0,
                                rx.progress(
                                    value=rx.cond(HomeState.trip.spent_percent > 100, 100, HomeState.trip.spent_percent),
                                    color_scheme=rx.cond(HomeState.trip.over_budget, "red", "teal"),
                                    size="2",
                                    width="100%",
                                ),
                            ),
                            spacing="2",
                            width="100%",
                            padding_top="var(--space-3)",
                            class_name="home-trip-spend",
                        ),
                    ),
                    spacing="2",
                    width="100%",
                ),
                empty_state(
                    "map",
                    "No trip planned",
                    "Plan one on Wheels from a list of places.",
                    "plan a trip from Sydney to Melbourne",
                ),
            ),
            loading_block(3),
        ),
        link=routes.WHEELS,
        link_label="Open Wheels",
    )


def recent_card() -> rx.Component:
    return section_card(
        "receipt",
        "Recent expenses",
        rx.cond(
            HomeState.loaded,
            rx.cond(
                HomeState.recent.length() > 0,
                rx.vstack(
                    rx.foreach(
                        HomeState.recent,
                        lambda row: list_row(
                            rx.vstack(
                                rx.text(row.title, size="2", weight="medium", white_space="nowrap", overflow="hidden", text_overflow="ellipsis"),
                                rx.hstack(
                                    category_badge(row.category),
                                    rx.text(row.day, size="1", color=rx.color("gray", 11)),
                                    spacing="2",
                                    align="center",
                                ),
                                spacing="1",
                                min_width="0",
                            ),
                            money_text(row.amount, size="2"),
                        ),
                    ),
                    spacing="0",
                    width="100%",
                ),
                empty_state("receipt", "No expenses yet", "Add your first one on Wins.", "add $50 fuel"),
            ),
            loading_block(4),
        ),
        link=routes.WINS,
    )


def events_card() -> rx.Component:
    return section_card(
        "calendar_days",
        "Coming up",
        rx.cond(
            HomeState.loaded,
            rx.cond(
                HomeState.events.length() > 0,
                rx.vstack(
                    rx.foreach(
                        HomeState.events,
                        lambda row: list_row(
                            rx.hstack(
                                rx.box(
                                    width="8px",
                                    height="8px",
                                    border_radius="9999px",
                                    background=rx.color("accent", 9),
                                    flex_shrink="0",
                                ),
                                rx.text(row.title, size="2", weight="medium", white_space="nowrap", overflow="hidden", text_overflow="ellipsis"),
                                spacing="2",
                                align="center",
                                min_width="0",
                            ),
                            rx.text(row.when, size="2", white_space="nowrap",
                                    color=rx.cond(row.urgent, rx.color("red", 11), rx.color("gray", 11))),
                        ),
                    ),
                    spacing="0",
                    width="100%",
                ),
                empty_state(
                    "calendar_days",
                    "Nothing scheduled",
                    "Reminders for services, rego and bookings show up here.",
                    "remind me to renew the rego on Friday",
                ),
            ),
            loading_block(3),
        ),
        link=routes.WHEELS,
        link_label="Open Wheels",
    )

"""Wheels › a trip's details dialog: header, budget vs actual, the edit form, and delete with confirmation."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import category_badge, empty_state, field, form_error, list_row, loading_block, money_text
from wheels_wins.components.charts import chart
from wheels_wins.components.dialogs import confirm_delete_dialog
from wheels_wins.components.nav import PHONE
from wheels_wins.pages.wheels.trip_sheet import TripSheetState as S
from wheels_wins.pages.wheels.trip_sheet_data import MAX_NOTES, MAX_TITLE, LinkedExpense

STATUSES = (("planning", "Planning"), ("active", "Active"), ("completed", "Completed"))


def _status_badge() -> rx.Component:
    return rx.badge(
        rx.match(S.status, ("active", "Active"), ("completed", "Completed"), "Planning"),
        color_scheme=rx.match(S.status, ("active", "grass"), ("completed", "gray"), "amber"),
        radius="full",
        size="2",
    )


def _header() -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.dialog.title(S.title, size="6", margin="0", id="trip-sheet-title"),
            rx.hstack(
                _status_badge(),
                rx.dialog.description(S.dates, size="2", color=rx.color("gray", 11)),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            rx.text(S.route, size="2", color=rx.color("gray", 11)),
            spacing="2",
            min_width="0",
        ),
        rx.dialog.close(
            rx.icon_button(rx.icon("x", size=18), variant="ghost", color_scheme="gray", aria_label="Close trip details")
        ),
        justify="between",
        align="start",
        width="100%",
        margin_bottom="12px",
    )


def _budget_bar() -> rx.Component:
    return rx.box(
        rx.cond(
            S.has_budget,
            rx.vstack(
                rx.hstack(
                    rx.hstack(
                        money_text(S.spent, size="6", weight="bold", id="trip-sheet-spent"),
                        rx.text("spent of ", money_text(S.budget_text, as_="span", size="3"), size="3",
                                color=rx.color("gray", 11)),
                        spacing="2",
                        align="baseline",
                        wrap="wrap",
                    ),
                    rx.text(S.left_text, size="3", weight="medium", id="trip-sheet-left", white_space="nowrap",
                            color=rx.cond(S.over, rx.color("red", 11), rx.color("grass", 11))),
                    justify="between",
                    align="baseline",
                    width="100%",
                    wrap="wrap",
                    spacing="2",
                ),
                rx.progress(value=rx.cond(S.percent > 100, 100, S.percent), max=100, size="3",
                            color_scheme=rx.cond(S.over, "red", "teal"), width="100%",
                            aria_label="Share of the budget spent"),
                rx.text(S.percent.to_string() + "% of the budget used", size="1", color=rx.color("gray", 11)),
                spacing="2",
                width="100%",
            ),
            rx.hstack(
                rx.hstack(
                    money_text(S.spent, size="6", weight="bold", id="trip-sheet-spent"),
                    rx.text("spent · no budget set", size="3", color=rx.color("gray", 11)),
                    spacing="2",
                    align="baseline",
                    wrap="wrap",
                ),
                rx.button(rx.icon("target", size=14), "Set a budget", size="2", variant="soft",
                          on_click=S.set_tab("edit")),
                justify="between",
                align="center",
                width="100%",
                wrap="wrap",
                spacing="2",
            ),
        ),
        padding="var(--space-3)",
        border_radius="var(--radius-3)",
        background=rx.color("gray", 2),
        border=f"1px solid {rx.color('gray', 4)}",
        width="100%",
    )


def _figure(icon: str, label: str, value: rx.Var, figure_id: str) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.icon(icon, size=14, color=rx.color("gray", 10)),
            rx.text(label, size="1", color=rx.color("gray", 11)),
            spacing="1",
            align="center",
        ),
        rx.text(value, size="2", weight="medium", id=figure_id),
        spacing="1",
        min_width="0",
    )


def _figures() -> rx.Component:
    return rx.grid(
        _figure("gauge", "Cost per distance", S.per_distance, "trip-sheet-per-distance"),
        _figure("receipt", "Linked expenses", S.expense_count.to_string(), "trip-sheet-count"),
        _figure("fuel", "Fuel against the estimate", S.fuel_text, "trip-sheet-fuel"),
        grid_template_columns="1fr 1fr 2fr",
        gap="var(--space-3)",
        width="100%",
        style={PHONE: {"grid_template_columns": "1fr 1fr", "& > :last-child": {"grid_column": "span 2"}}},
    )


def _expense_row(item: LinkedExpense) -> rx.Component:
    return list_row(
        rx.vstack(
            rx.text(item.title, size="2", weight="medium", white_space="nowrap", overflow="hidden", text_overflow="ellipsis", max_width="100%"),
            rx.hstack(
                rx.text(item.day, size="1", color=rx.color("gray", 11)),
                category_badge(item.category),
                spacing="2",
                align="center",
            ),
            spacing="1",
            min_width="0",
            flex="1",
        ),
        money_text(item.amount, size="2"),
        class_name="trip-expense-row",
    )


def _linked_expenses() -> rx.Component:
    return rx.cond(
        S.expense_count > 0,
        rx.vstack(
            rx.hstack(
                rx.heading("Linked expenses", size="3", weight="medium"),
                rx.button("See in Wins", rx.icon("arrow-right", size=14), variant="ghost", size="2",
                          on_click=S.show_in_wins),
                justify="between",
                align="center",
                width="100%",
            ),
            rx.vstack(rx.foreach(S.expenses, _expense_row), spacing="0", width="100%"),
            rx.cond(
                S.expense_count > S.expenses.length(),
                rx.text("The newest ", S.expenses.length().to_string(), " of ", S.expense_count.to_string(),
                        " are shown.", size="1", color=rx.color("gray", 11)),
            ),
            spacing="2",
            width="100%",
        ),
        rx.vstack(
            empty_state(
                "receipt",
                "No expenses linked yet",
                "When you add or edit an expense in Wins, choose this trip in its Trip field. "
                "While a trip is active, new expenses are linked to it for you.",
            ),
            rx.button(rx.icon("wallet", size=14), "Go to Wins", variant="soft", size="2", on_click=S.show_in_wins),
            align="center",
            spacing="1",
            width="100%",
        ),
    )


def _budget_panel() -> rx.Component:
    return rx.vstack(
        _budget_bar(),
        _figures(),
        rx.cond(
            S.trip_figure,
            rx.box(chart(S.trip_figure, height=S.chart_height), width="100%", min_width="0", overflow="hidden",
                   class_name="trip-costs-chart"),
        ),
        _linked_expenses(),
        spacing="4",
        width="100%",
        padding_top="16px",
    )


def _edit_form() -> rx.Component:
    date_input = lambda name, value: rx.input(name=name, type="date", default_value=value, size="3",  # noqa: E731
                                              width="100%")
    return rx.form(
        rx.vstack(
            form_error(S.form_error),
            rx.grid(
                field("Trip name", rx.input(name="title", default_value=S.title, max_length=MAX_TITLE, size="3",
                                            width="100%"), S.title_error, grid_column="1 / -1"),
                field("Start date", date_input("start_date", S.start_date), S.start_date_error, hint="Optional"),
                field("End date", date_input("end_date", S.end_date), S.end_date_error, hint="Optional"),
                field("Status", rx.select.root(
                    rx.select.trigger(width="100%"),
                    rx.select.content(*[rx.select.item(label, value=value) for value, label in STATUSES]),
                    name="status", default_value=S.status, size="3",
                ), S.status_error),
                field("Budget (" + S.currency + ")", rx.input(name="budget", default_value=S.budget_value,
                                                              placeholder="No budget", input_mode="decimal",
                                                              max_length=16, size="3", width="100%"),
                      S.budget_error, hint="For the whole trip. Leave empty for none."),
                field("Notes", rx.text_area(name="notes", default_value=S.notes, max_length=MAX_NOTES, rows="3",
                                            size="3", width="100%"), S.notes_error, grid_column="1 / -1"),
                grid_template_columns="minmax(0, 1fr) minmax(0, 1fr)",
                gap="var(--space-3)",
                width="100%",
                align_items="start",
                style={PHONE: {"grid_template_columns": "minmax(0, 1fr)"}},
            ),
            rx.flex(
                rx.button(rx.icon("trash-2", size=14), "Delete trip", variant="soft", color_scheme="red", type="button",
                          on_click=S.set_confirm_open(True)),
                rx.hstack(
                    rx.button("Cancel", variant="soft", color_scheme="gray", type="button", on_click=S.set_tab("budget")),
                    rx.button("Save changes", type="submit", loading=S.saving),
                    spacing="2",
                ),
                justify="between",
                align="center",
                width="100%",
                wrap="wrap",
                spacing="3",
            ),
            spacing="4",
            width="100%",
            padding_top="16px",
        ),
        on_submit=S.save,
        reset_on_submit=False,
        no_validate=True,
        key=S.form_key,
    )


def _confirm_delete() -> rx.Component:
    return confirm_delete_dialog(
        S, "Delete “" + S.title + "”?", S.delete_note, " You can undo this for a few seconds.", action="Delete trip"
    )


def trip_sheet() -> rx.Component:
    """The trip details dialog (rendered once on the page)."""
    return rx.fragment(
        rx.dialog.root(
            rx.dialog.content(
                rx.cond(
                    S.loaded,
                    rx.fragment(
                        _header(),
                        rx.tabs.root(
                            rx.tabs.list(
                                rx.tabs.trigger("Budget vs actual", value="budget"),
                                rx.tabs.trigger("Edit trip", value="edit"),
                                size="2",
                            ),
                            rx.tabs.content(_budget_panel(), value="budget"),
                            rx.tabs.content(_edit_form(), value="edit"),
                            value=S.tab,
                            on_change=S.set_tab,
                            width="100%",
                        ),
                    ),
                    rx.fragment(
                        rx.dialog.title("Trip details", size="5"),
                        rx.dialog.description("Loading the trip…", size="2", color=rx.color("gray", 11)),
                        loading_block(5),
                    ),
                ),
                max_width="640px",
                id="trip-sheet",
            ),
            open=S.open,
            on_open_change=S.set_open,
        ),
        _confirm_delete(),
    )

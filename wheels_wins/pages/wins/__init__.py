"""Wins: money on the road. This month at a glance, then expenses, budgets and income in tabs."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import page_header
from wheels_wins.components.layout import app_page
from wheels_wins.pages.wins.budgets import BudgetsState, budgets_panel
from wheels_wins.pages.wins.editor import ExpenseEditorState
from wheels_wins.pages.wins.expenses import ExpensesState
from wheels_wins.pages.wins.expenses_view import delete_dialog, editor_dialog, expense_list
from wheels_wins.pages.wins.importer import ImportState
from wheels_wins.pages.wins.importer_view import import_dialog
from wheels_wins.pages.wins.income import IncomeState, income_panel
from wheels_wins.pages.wins.insights import InsightsState, insights_panel
from wheels_wins.pages.wins.rules import rules_dialog
from wheels_wins.pages.wins.summary import WinsState, month_strip

__all__ = ["wins"]


def _actions() -> rx.Component:
    return rx.hstack(
        rx.button(rx.icon("file-up", size=16), "Import", variant="soft", on_click=ImportState.open_dialog, size="2"),
        rx.button(rx.icon("download", size=16), "Export", variant="soft", on_click=ExpensesState.export_csv, size="2",
                  aria_label="Export the listed expenses as CSV"),
        rx.button(rx.icon("plus", size=16), "Add expense", on_click=ExpenseEditorState.open_new, size="2"),
        spacing="2",
        wrap="wrap",
    )


@app_page(
    routes.WINS,
    "Wins",
    on_load=[WinsState.load, ExpensesState.load, BudgetsState.load, IncomeState.load, InsightsState.load],
    refresh_on=("expenses", "budgets", "income", "fuel", "maintenance"),
)
def wins() -> rx.Component:
    """Money: the month at a glance, expenses, budgets and income."""
    return rx.vstack(
        page_header("Wins", "Every dollar on the road, in one place.", _actions()),
        month_strip(),
        rx.tabs.root(
            rx.tabs.list(
                rx.tabs.trigger("Expenses", value="expenses"),
                rx.tabs.trigger("Budgets", value="budgets"),
                rx.tabs.trigger("Income", value="income"),
                rx.tabs.trigger("Insights", value="insights"),
                size="2",
            ),
            rx.tabs.content(expense_list(), value="expenses", padding_top="16px"),
            rx.tabs.content(budgets_panel(), value="budgets", padding_top="16px"),
            rx.tabs.content(income_panel(), value="income", padding_top="16px"),
            rx.tabs.content(insights_panel(), value="insights", padding_top="16px"),
            value=WinsState.tab,
            on_change=lambda tab: [WinsState.set_tab(tab), InsightsState.load],  # charts load when first shown
            width="100%",
        ),
        editor_dialog(),
        delete_dialog(),
        import_dialog(),
        rules_dialog(),
        spacing="4",
        width="100%",
    )

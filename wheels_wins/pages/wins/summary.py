"""This month at a glance on Wins: spent against the budget, income and the net."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import money_text
from wheels_wins.components.nav import NARROW
from wheels_wins.services import money
from wheels_wins.state.auth import current_user, run_in_session


class WinsState(rx.State):
    """The month strip and which tab is open."""

    tab: str = "expenses"
    loaded: bool = False
    month_label: str = ""
    spent: str = ""
    budget: str = ""
    budget_used: int = 0
    over_budget: bool = False
    income: str = ""
    net: str = ""
    net_negative: bool = False

    @rx.event
    def set_tab(self, tab: str):
        """Switch between expenses, budgets, income and insights."""
        if tab in ("expenses", "budgets", "income", "insights"):
            self.tab = tab


    @rx.event
    async def load(self):
        """This month's spend, budget, income and net."""
        user = await current_user(self)
        if user is None:
            return
        today = money.today_in(user.timezone)
        summary = await run_in_session(lambda session: money.month_summary(session, user_id=user.id, today=today))
        budget_total = summary.budget_total
        currency = user.currency
        self.month_label = f"{today:%B}"
        self.spent = money.format_money(summary.total, currency)
        self.budget = money.format_money(budget_total, currency) if budget_total else ""
        self.budget_used = round(summary.total / budget_total * 100) if budget_total else 0
        self.over_budget = bool(budget_total) and summary.total > budget_total
        self.income = money.format_money(summary.income, currency)
        self.net = money.format_money(summary.net, currency)
        self.net_negative = summary.net < 0
        self.loaded = True


def _figure(label: rx.Var[str] | str, value: rx.Var[str], hint: rx.Component, **props) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.text(label, size="2", color=rx.color("gray", 11)),
            money_text(value, size="6", weight="bold", letter_spacing="-0.02em", **props),
            hint,
            spacing="1",
        ),
        size="2",
        width="100%",
    )


def month_strip() -> rx.Component:
    """Spent (with budget progress), income and net for the current month."""
    spent_hint = rx.cond(
        WinsState.budget != "",
        rx.vstack(
            rx.progress(
                value=rx.cond(WinsState.budget_used > 100, 100, WinsState.budget_used),
                color_scheme=rx.cond(WinsState.over_budget, "red", "teal"),
                size="1",
                width="100%",
            ),
            rx.text(
                WinsState.budget_used.to_string() + "% of " + WinsState.budget + " budget",
                size="1",
                color=rx.cond(WinsState.over_budget, rx.color("red", 11), rx.color("gray", 10)),
            ),
            spacing="1",
            width="100%",
        ),
        rx.text("No budget set", size="1", color=rx.color("gray", 10)),
    )
    return rx.grid(
        _figure("Spent in " + WinsState.month_label, WinsState.spent, spent_hint, id="wins-month-spent"),
        _figure("Income", WinsState.income, rx.text("This month", size="1", color=rx.color("gray", 10))),
        _figure(
            "Net",
            WinsState.net,
            rx.text("Income minus spending", size="1", color=rx.color("gray", 10)),
            color=rx.cond(WinsState.net_negative, rx.color("red", 11), rx.color("grass", 11)),
        ),
        grid_template_columns="2fr 1fr 1fr",
        gap="var(--space-3)",
        width="100%",
        style={NARROW: {"grid_template_columns": "1fr 1fr", "& > :first-child": {"grid_column": "span 2"}}},
    )

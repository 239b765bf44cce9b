"""Monthly budgets per category: progress against the month's pace, and setting, changing or removing one."""

from __future__ import annotations

import calendar
import dataclasses
from typing import Any

import reflex as rx

from wheels_wins.components import empty_state, field, form_error, loading_block, money_text
from wheels_wins.pages.wins.insights import InsightsState
from wheels_wins.pages.wins.summary import WinsState
from wheels_wins.pages.wins.validation import check_category, parse_amount
from wheels_wins.repositories import budgets as budget_repo
from wheels_wins.services import money
from wheels_wins.services.categories import CATEGORIES, CATEGORY_LABELS
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.notifications import NotificationsState


@dataclasses.dataclass
class BudgetRow:
    """One category's budget this month."""

    category: str
    label: str
    amount: str
    amount_value: str
    spent: str
    left: str
    percent: int
    over: bool
    pace_note: str


def pace_note(spent_ratio: float, month_ratio: float) -> str:
    """How spending compares with an even pace through the month."""
    if spent_ratio >= 1:
        return "Over budget"
    if spent_ratio > month_ratio + 0.1:
        return "Ahead of pace"
    return "On track"


class BudgetsState(rx.State):
    """The month's budgets and the set-budget dialog."""

    loaded: bool = False
    rows: rx.Field[list[BudgetRow]] = rx.field(default_factory=list)
    pace_percent: int = 0
    dialog_open: bool = False
    dialog_category: str = ""
    dialog_amount: str = ""
    dialog_key: int = 0
    amount_error: str = ""
    category_error: str = ""
    form_error: str = ""

    @rx.event
    async def load(self):
        """This month's budgets with what has been spent against each."""
        user = await current_user(self)
        if user is None:
            return
        today = money.today_in(user.timezone)
        statuses = await run_in_session(lambda s: money.budget_statuses(s, user_id=user.id, today=today))
        month_ratio = today.day / calendar.monthrange(today.year, today.month)[1]
        fmt = lambda amount: money.format_money(amount, user.currency)  # noqa: E731
        self.pace_percent = round(month_ratio * 100)
        self.rows = [
            BudgetRow(
                category=s.category,
                label=CATEGORY_LABELS.get(s.category, s.category.title()),
                amount=fmt(s.amount),
                amount_value=f"{s.amount:.2f}",
                spent=fmt(s.spent),
                left=f"{fmt(s.remaining)} left" if s.remaining >= 0 else f"{fmt(-s.remaining)} over",
                percent=round(s.ratio * 100),
                over=s.remaining < 0,
                pace_note=pace_note(s.ratio, month_ratio),
            )
            for s in statuses
        ]
        self.loaded = True

    @rx.event
    def open_dialog(self, row: dict[str, Any] | None = None):
        """Set a new budget, or change one (row given)."""
        row = row or {}
        self.dialog_category = str(row.get("category", ""))
        self.dialog_amount = str(row.get("amount_value", ""))
        self.amount_error = self.category_error = self.form_error = ""
        self.dialog_key += 1
        self.dialog_open = True

    @rx.event
    def set_dialog_open(self, is_open: bool):
        """Close the dialog."""
        self.dialog_open = is_open

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Validate and save the monthly budget."""
        category = str(form.get("category", ""))
        amount, self.amount_error = parse_amount(str(form.get("amount", "")))
        self.category_error = check_category(category)
        if amount is None or self.category_error:
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this budget."
            return
        await run_in_session(lambda s: budget_repo.upsert(s, user_id=user.id, category=category, amount=amount))
        self.dialog_open = False
        yield [BudgetsState.load, WinsState.load, InsightsState.load, NotificationsState.refresh_count]
        yield rx.toast.success(f"{CATEGORY_LABELS[category]} budget set to {money.format_money(amount, user.currency)} a month.")

    @rx.event
    async def remove(self, category: str):
        """Remove a category's budget."""
        user = await current_user(self)
        if user is None or category not in CATEGORIES:
            return
        await run_in_session(lambda s: budget_repo.delete(s, user_id=user.id, category=category))
        yield [BudgetsState.load, WinsState.load, InsightsState.load, NotificationsState.refresh_count]
        yield rx.toast.success(f"{CATEGORY_LABELS[category]} budget removed.")


def _budget_row(row: BudgetRow) -> rx.Component:
    return rx.vstack(
        rx.hstack(
            rx.text(row.label, size="3", weight="medium"),
            rx.badge(row.pace_note, color_scheme=rx.cond(row.over, "red", rx.cond(row.pace_note == "On track", "grass", "amber")),
                     variant="soft", size="1"),
            rx.spacer(),
            money_text(row.spent, size="2", weight="medium"),
            rx.text("of", size="2", color=rx.color("gray", 10)),
            money_text(row.amount, size="2"),
            rx.icon_button(rx.icon("pencil", size=14), variant="ghost", color_scheme="gray", size="1",
                           on_click=BudgetsState.open_dialog(row), aria_label="Change " + row.label + " budget"),
            rx.icon_button(rx.icon("trash-2", size=14), variant="ghost", color_scheme="red", size="1",
                           on_click=BudgetsState.remove(row.category), aria_label="Remove " + row.label + " budget"),
            align="center",
            spacing="2",
            width="100%",
            wrap="wrap",
        ),
        rx.box(
            rx.progress(value=rx.cond(row.percent > 100, 100, row.percent), color_scheme=rx.cond(row.over, "red", "teal"),
                        size="2", width="100%"),
            rx.box(position="absolute", top="-3px", bottom="-3px", width="2px", background=rx.color("gray", 11),
                   left=BudgetsState.pace_percent.to_string() + "%", title="Even pace for today"),
            position="relative",
            width="100%",
        ),
        rx.hstack(
            rx.text(row.percent.to_string() + "% used", size="1", color=rx.color("gray", 11)),
            rx.spacer(),
            rx.text(row.left, size="1", color=rx.cond(row.over, rx.color("red", 11), rx.color("gray", 11))),
            width="100%",
        ),
        spacing="2",
        width="100%",
        py="3",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        class_name="budget-row",
    )


def _dialog() -> rx.Component:
    s = BudgetsState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Monthly budget"),
            rx.form(
                rx.vstack(
                    form_error(s.form_error),
                    field("Category", rx.select.root(
                        rx.select.trigger(placeholder="Choose…", width="100%"),
                        rx.select.content(*[rx.select.item(CATEGORY_LABELS[c], value=c) for c in CATEGORIES]),
                        name="category", default_value=s.dialog_category, size="3",
                    ), s.category_error),
                    field("Amount a month", rx.input(name="amount", default_value=s.dialog_amount, placeholder="0.00",
                                                     input_mode="decimal", max_length=16, size="3", width="100%"),
                          s.amount_error),
                    rx.hstack(
                        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                        rx.button("Save budget", type="submit"),
                        justify="end",
                        spacing="2",
                        width="100%",
                    ),
                    spacing="4",
                ),
                on_submit=s.save,
                reset_on_submit=False,
                no_validate=True,
                key=s.dialog_key,
            ),
            max_width="420px",
        ),
        open=s.dialog_open,
        on_open_change=s.set_dialog_open,
    )


def budgets_panel() -> rx.Component:
    """Every budget's progress this month, with the even-pace marker, and the set-budget dialog."""
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.text("The line on each bar is where an even pace would be today (",
                        BudgetsState.pace_percent.to_string(), "% through the month).", size="2",
                        color=rx.color("gray", 11)),
                rx.spacer(),
                rx.button(rx.icon("plus", size=16), "Set a budget", on_click=BudgetsState.open_dialog(None), size="2"),
                align="center",
                width="100%",
                wrap="wrap",
                spacing="2",
            ),
            rx.cond(
                BudgetsState.loaded,
                rx.cond(
                    BudgetsState.rows.length() > 0,
                    rx.vstack(rx.foreach(BudgetsState.rows, _budget_row), spacing="0", width="100%"),
                    empty_state("target", "No budgets yet", "Set a monthly budget per category to see how you're tracking.",
                                "set my fuel budget to $400"),
                ),
                loading_block(3),
            ),
            _dialog(),
            spacing="3",
            width="100%",
        ),
        size="2",
        width="100%",
    )

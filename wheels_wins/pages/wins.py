"""Wins: the expense list (newest first), this month's total, and a form to add an expense."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
from decimal import Decimal, InvalidOperation

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import (
    category_badge,
    empty_state,
    field,
    form_error,
    list_row,
    loading_block,
    money_text,
    page_header,
    section_card,
)
from wheels_wins.components.format import day_label
from wheels_wins.components.layout import app_page
from wheels_wins.components.nav import PHONE
from wheels_wins.db import session_scope
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.services import money
from wheels_wins.services.categories import CATEGORIES, CATEGORY_LABELS
from wheels_wins.state.auth import current_user

log = logging.getLogger(__name__)

PAGE_SIZE = 50
MAX_SHOWN = 500
MAX_AMOUNT = Decimal("9999999999.99")
MAX_DESCRIPTION = 300
MAX_MERCHANT = 120


def parse_amount(text: str) -> tuple[Decimal | None, str]:
    """An amount from what was typed, or an error message: more than zero, at most 2 decimal places."""
    cleaned = text.strip().replace(",", "").lstrip("$").strip()
    if not cleaned:
        return None, "Enter an amount."
    try:
        amount = Decimal(cleaned)
    except InvalidOperation:
        return None, "Enter the amount as a number, like 45.50."
    if not amount.is_finite():
        return None, "Enter the amount as a number, like 45.50."
    if amount <= 0:
        return None, "The amount must be more than zero."
    if amount.as_tuple().exponent < -2:  # type: ignore[operator]
        return None, "Use at most 2 decimal places."
    if amount > MAX_AMOUNT:
        return None, "That amount is too large."
    return amount, ""


def parse_day(text: str) -> tuple[dt.date | None, str]:
    """A calendar date from a YYYY-MM-DD value, or an error message."""
    try:
        day = dt.date.fromisoformat(text.strip())
    except ValueError:
        return None, "Enter a real date."
    if day.year < 1970:
        return None, "Enter a real date."
    return day, ""


@dataclasses.dataclass
class ExpenseRow:
    """One expense in the list."""

    title: str
    detail: str
    category: str
    day: str
    amount: str


class WinsState(rx.State):
    """The expense list and the add-expense form; inputs keep their text until an expense is saved."""

    loaded: bool = False
    expenses: rx.Field[list[ExpenseRow]] = rx.field(default_factory=list)
    total_count: int = 0
    shown: int = PAGE_SIZE
    month_label: str = ""
    month_total: str = ""
    currency: str = "AUD"

    amount: str = ""
    category: str = ""
    date: str = ""
    description: str = ""
    merchant: str = ""
    amount_error: str = ""
    category_error: str = ""
    date_error: str = ""
    form_error: str = ""
    saving: bool = False

    @rx.event
    def set_amount(self, value: str):
        """Amount as typed."""
        self.amount = value
        self.amount_error = ""

    @rx.event
    def set_category(self, value: str):
        """Category picked."""
        self.category = value
        self.category_error = ""

    @rx.event
    def set_date(self, value: str):
        """Date picked."""
        self.date = value
        self.date_error = ""

    @rx.event
    def set_description(self, value: str):
        """Description as typed."""
        self.description = value

    @rx.event
    def set_merchant(self, value: str):
        """Merchant as typed."""
        self.merchant = value

    @rx.event
    async def load(self):
        """Read the newest expenses and this month's total."""
        user = await current_user(self)
        if user is None:
            return
        today = money.today_in(user.timezone)
        start, end = money.month_range(today)
        with session_scope() as session:
            rows, total_count = expense_repo.list_page(session, user_id=user.id, limit=max(PAGE_SIZE, self.shown))
            month_total, _ = money.spend_summary(session, user_id=user.id, start=start, end=end)
        self.currency = user.currency
        self.total_count = total_count
        self.month_label = f"{today:%B}"
        self.month_total = money.format_money(month_total, user.currency)
        self.expenses = [
            ExpenseRow(
                title=e.description or e.merchant or CATEGORY_LABELS.get(e.category, e.category.title()),
                detail=e.merchant if e.description and e.merchant else "",
                category=CATEGORY_LABELS.get(e.category, e.category.title()),
                day=day_label(e.date, today),
                amount=money.format_money(e.amount, e.currency or user.currency),
            )
            for e in rows
        ]
        if not self.date:
            self.date = today.isoformat()
        self.loaded = True

    @rx.event
    async def show_more(self):
        """Show the next page of older expenses."""
        self.shown = min(self.shown + PAGE_SIZE, MAX_SHOWN)
        yield WinsState.load

    @rx.event
    async def add_expense(self):
        """Validate the form and record the expense; on any error every field keeps what was typed."""
        amount, self.amount_error = parse_amount(self.amount)
        day, self.date_error = parse_day(self.date)
        self.category_error = "" if self.category in CATEGORIES else "Choose a category."
        self.form_error = ""
        if len(self.description) > MAX_DESCRIPTION or len(self.merchant) > MAX_MERCHANT:
            self.form_error = (
                f"Keep the description under {MAX_DESCRIPTION} and the merchant under {MAX_MERCHANT} characters."
            )
        if amount is None or day is None or self.category_error or self.form_error:
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this expense."
            return
        self.saving = True
        yield
        try:
            with session_scope() as session:
                expense_repo.create(
                    session,
                    user_id=user.id,
                    amount=amount,
                    category=self.category,
                    date=day,
                    description=self.description.strip(),
                    merchant=self.merchant.strip(),
                    currency=user.currency,
                )
        except Exception:
            log.exception("Saving an expense failed")
            self.saving = False
            self.form_error = "We couldn't save that expense. Please try again."
            return
        label = money.format_money(amount, user.currency)
        self.amount = ""
        self.description = ""
        self.merchant = ""
        self.saving = False
        yield WinsState.load
        yield rx.toast.success(f"Added {label} for {CATEGORY_LABELS[self.category].lower()}.")


def _add_form() -> rx.Component:
    return section_card(
        "plus",
        "Add an expense",
        rx.form(
            rx.vstack(
                form_error(WinsState.form_error),
                rx.grid(
                    field(
                        "Amount",
                        rx.input(
                            rx.input.slot(rx.text(WinsState.currency, size="1", color=rx.color("gray", 10))),
                            value=WinsState.amount,
                            on_change=WinsState.set_amount,
                            placeholder="0.00",
                            input_mode="decimal",
                            size="3",
                            width="100%",
                            max_length=16,
                        ),
                        WinsState.amount_error,
                    ),
                    field(
                        "Category",
                        rx.select.root(
                            rx.select.trigger(placeholder="Choose…", width="100%"),
                            rx.select.content(*[rx.select.item(CATEGORY_LABELS[c], value=c) for c in CATEGORIES]),
                            value=WinsState.category,
                            on_change=WinsState.set_category,
                            size="3",
                        ),
                        WinsState.category_error,
                    ),
                    field(
                        "Date",
                        rx.input(
                            type="date", value=WinsState.date, on_change=WinsState.set_date, size="3", width="100%"
                        ),
                        WinsState.date_error,
                    ),
                    field(
                        "Description",
                        rx.input(
                            value=WinsState.description,
                            on_change=WinsState.set_description,
                            placeholder="Diesel top-up",
                            size="3",
                            width="100%",
                            max_length=MAX_DESCRIPTION,
                        ),
                        grid_column="span 2",
                        style={PHONE: {"grid_column": "auto"}},
                    ),
                    field(
                        "Merchant",
                        rx.input(
                            value=WinsState.merchant,
                            on_change=WinsState.set_merchant,
                            placeholder="BP Dubbo (optional)",
                            size="3",
                            width="100%",
                            max_length=MAX_MERCHANT,
                        ),
                    ),
                    grid_template_columns="repeat(3, minmax(0, 1fr))",
                    gap="var(--space-3)",
                    width="100%",
                    align_items="start",
                    style={PHONE: {"grid_template_columns": "minmax(0, 1fr)"}},
                ),
                rx.hstack(
                    rx.button(
                        rx.icon("plus", size=16), "Add expense", type="submit", size="3", loading=WinsState.saving
                    ),
                    justify="end",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=WinsState.add_expense,
            reset_on_submit=False,
            no_validate=True,
            width="100%",
        ),
    )


def _expense_list() -> rx.Component:
    return section_card(
        "receipt",
        "Expenses",
        rx.cond(
            WinsState.loaded,
            rx.cond(
                WinsState.expenses.length() > 0,
                rx.vstack(
                    rx.foreach(
                        WinsState.expenses,
                        lambda row: list_row(
                            rx.hstack(
                                rx.vstack(
                                    rx.text(row.title, size="2", weight="medium", truncate=True),
                                    rx.hstack(
                                        category_badge(row.category),
                                        rx.text(row.day, size="1", color=rx.color("gray", 11)),
                                        rx.cond(
                                            row.detail != "",
                                            rx.text(
                                                "· " + row.detail, size="1", color=rx.color("gray", 11), truncate=True
                                            ),
                                        ),
                                        spacing="2",
                                        align="center",
                                        min_width="0",
                                    ),
                                    spacing="1",
                                    min_width="0",
                                ),
                                min_width="0",
                            ),
                            money_text(row.amount, size="3"),
                        ),
                    ),
                    rx.cond(
                        WinsState.total_count > WinsState.expenses.length(),
                        rx.hstack(
                            rx.text(
                                "Showing the newest "
                                + WinsState.expenses.length().to_string()
                                + " of "
                                + WinsState.total_count.to_string()
                                + ".",
                                size="1",
                                color=rx.color("gray", 10),
                            ),
                            rx.cond(
                                WinsState.shown < MAX_SHOWN,
                                rx.button("Show more", on_click=WinsState.show_more, variant="soft", size="2"),
                            ),
                            justify="between",
                            align="center",
                            width="100%",
                            pt="3",
                        ),
                    ),
                    spacing="0",
                    width="100%",
                ),
                empty_state(
                    "receipt",
                    "No expenses yet",
                    "Add your first one above, or let PAM do it for you.",
                    "add $50 fuel",
                ),
            ),
            loading_block(5),
        ),
    )


def _month_total() -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.vstack(
                rx.text("Spent in " + WinsState.month_label, size="2", color=rx.color("gray", 11)),
                money_text(WinsState.month_total, size="7", weight="bold", letter_spacing="-0.02em"),
                spacing="0",
            ),
            rx.center(
                rx.icon("piggy_bank", size=22, color=rx.color("accent", 11)),
                width="44px",
                height="44px",
                border_radius="9999px",
                background=rx.color("accent", 3),
            ),
            justify="between",
            align="center",
            width="100%",
        ),
        size="2",
        width="100%",
    )


@app_page(routes.WINS, "Wins", on_load=WinsState.load, refresh_on=("expenses", "budgets", "income", "fuel", "maintenance"))
def wins() -> rx.Component:
    """Money: expenses and this month's total."""
    return rx.vstack(
        page_header("Wins", "Every dollar on the road, in one place."),
        rx.cond(WinsState.loaded, _month_total(), rx.card(loading_block(2), width="100%")),
        _add_form(),
        _expense_list(),
        spacing="4",
        width="100%",
    )

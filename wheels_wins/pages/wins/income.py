"""Income: what came in (source, amount, date), newest first, with a quick form to add an entry."""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from wheels_wins.components import empty_state, field, form_error, loading_block, money_text
from wheels_wins.components.format import day_label
from wheels_wins.components.nav import NARROW
from wheels_wins.db import parse_uuid
from wheels_wins.pages.wins.insights import InsightsState
from wheels_wins.pages.wins.summary import WinsState
from wheels_wins.pages.wins.validation import MAX_DESCRIPTION, MAX_SOURCE, check_length, parse_amount, parse_day
from wheels_wins.repositories import income as income_repo
from wheels_wins.services import money
from wheels_wins.state.auth import current_user, run_in_session

SHOWN = 30


@dataclasses.dataclass
class IncomeRow:
    """One income entry."""

    id: str
    source: str
    description: str
    day: str
    amount: str


class IncomeState(rx.State):
    """Recent income and the add form."""

    loaded: bool = False
    rows: rx.Field[list[IncomeRow]] = rx.field(default_factory=list)
    count: int = 0
    today: str = ""
    form_key: int = 0
    amount_error: str = ""
    date_error: str = ""
    source_error: str = ""
    form_error: str = ""

    @rx.event
    async def load(self):
        """The newest income entries."""
        user = await current_user(self)
        if user is None:
            return
        today = money.today_in(user.timezone)
        rows, count = await run_in_session(lambda s: income_repo.list_page(s, user_id=user.id, limit=SHOWN))
        self.today = today.isoformat()
        self.count = count
        self.rows = [
            IncomeRow(str(r.id), r.source, r.description, day_label(r.date, today),
                      money.format_money(r.amount, r.currency or user.currency))
            for r in rows
        ]
        self.loaded = True

    @rx.event
    async def add(self, form: dict[str, Any]):
        """Validate and record an income entry; on an error the form keeps what was typed."""
        amount, self.amount_error = parse_amount(str(form.get("amount", "")))
        day, self.date_error = parse_day(str(form.get("date", "")))
        source = str(form.get("source", "")).strip()
        description = str(form.get("description", "")).strip()
        self.source_error = "Say where it came from." if not source else check_length(source, MAX_SOURCE, "source")
        self.form_error = check_length(description, MAX_DESCRIPTION, "note")
        if amount is None or day is None or self.source_error or self.form_error:
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this."
            return
        await run_in_session(lambda s: income_repo.create(s, user_id=user.id, amount=amount, source=source, date=day,
                                                          description=description, currency=user.currency))
        self.form_key += 1  # a fresh, empty form
        yield [IncomeState.load, WinsState.load, InsightsState.load]
        yield rx.toast.success(f"Added {money.format_money(amount, user.currency)} from {source}.")

    @rx.event
    async def remove(self, income_id: str):
        """Delete an income entry."""
        user = await current_user(self)
        target = parse_uuid(income_id)
        if user is None or target is None:
            return
        removed = await run_in_session(lambda s: income_repo.delete(s, user_id=user.id, income_id=target))
        if removed:
            yield [IncomeState.load, WinsState.load, InsightsState.load]
            yield rx.toast.success("Income entry deleted.")


def _form() -> rx.Component:
    s = IncomeState
    return rx.form(
        rx.vstack(
            form_error(s.form_error),
            rx.grid(
                field("Amount", rx.input(name="amount", placeholder="0.00", input_mode="decimal", max_length=16,
                                         size="2", width="100%"), s.amount_error),
                field("From", rx.input(name="source", placeholder="Fruit picking", max_length=MAX_SOURCE, size="2",
                                       width="100%"), s.source_error),
                field("Date", rx.input(name="date", type="date", default_value=s.today, size="2", width="100%"),
                      s.date_error),
                field("Note", rx.input(name="description", placeholder="Optional", max_length=MAX_DESCRIPTION, size="2",
                                       width="100%")),
                rx.button(rx.icon("plus", size=16), "Add income", type="submit", size="2", align_self="end"),
                grid_template_columns="1fr 1.4fr 1fr 1.4fr auto",
                gap="var(--space-2)",
                width="100%",
                align_items="start",
                style={NARROW: {"grid_template_columns": "1fr 1fr"}},
            ),
            spacing="2",
            width="100%",
        ),
        on_submit=s.add,
        reset_on_submit=False,
        no_validate=True,
        key=s.form_key,
        width="100%",
    )


def _row(row: IncomeRow) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.text(row.source, size="2", weight="medium"),
            rx.text(row.day, rx.cond(row.description != "", " · " + row.description, ""), size="1",
                    color=rx.color("gray", 11)),
            spacing="0",
            min_width="0",
        ),
        rx.spacer(),
        money_text("+" + row.amount, size="2", weight="medium", color=rx.color("grass", 11)),
        rx.icon_button(rx.icon("trash-2", size=14), variant="ghost", color_scheme="red", size="1",
                       on_click=IncomeState.remove(row.id), aria_label="Delete income from " + row.source),
        align="center",
        width="100%",
        py="2",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def income_panel() -> rx.Component:
    """The add form and the newest income entries."""
    return rx.card(
        rx.vstack(
            _form(),
            rx.cond(
                IncomeState.loaded,
                rx.cond(
                    IncomeState.rows.length() > 0,
                    rx.vstack(rx.foreach(IncomeState.rows, _row), spacing="0", width="100%"),
                    empty_state("hand-coins", "No income recorded", "Add pay, sales or refunds to see your monthly net.",
                                "I earned $600 fruit picking"),
                ),
                loading_block(3),
            ),
            spacing="4",
            width="100%",
        ),
        size="2",
        width="100%",
    )

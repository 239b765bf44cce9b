"""The expense table: filters, sortable columns (a card list on phones), paging, totals, and the dialogs."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import category_badge, empty_state, field, loading_block, money_text
from wheels_wins.components.dialogs import confirm_delete_dialog, form_dialog
from wheels_wins.components.nav import NARROW, PHONE
from wheels_wins.pages.wins.editor import NO_TRIP, ExpenseEditorState
from wheels_wins.pages.wins.expenses import ALL, PERIODS, ExpenseRow, ExpensesState, Option
from wheels_wins.pages.wins.validation import MAX_DESCRIPTION, MAX_MERCHANT
from wheels_wins.services.categories import CATEGORIES, CATEGORY_LABELS

DESKTOP_ONLY = {PHONE: {"display": "none"}}
PHONE_ONLY = {"display": "none", PHONE: {"display": "flex"}}


def _select(value: rx.Var[str], on_change, options: list[rx.Component], label: str, **props) -> rx.Component:
    return rx.select.root(
        rx.select.trigger(aria_label=label, width="100%"),
        rx.select.content(*options),
        value=value,
        on_change=on_change,
        size="2",
        **props,
    )


def _filters() -> rx.Component:
    return rx.vstack(
        rx.grid(
            rx.input(
                rx.input.slot(rx.icon("search", size=15)),
                placeholder="Search description or merchant",
                default_value=ExpensesState.search,
                on_change=ExpensesState.set_search.debounce(300),
                aria_label="Search expenses",
                max_length=100,
                size="2",
                width="100%",
            ),
            _select(
                ExpensesState.period, ExpensesState.set_period,
                [rx.select.item(label, value=key) for key, label in PERIODS.items()], "Period",
            ),
            _select(
                ExpensesState.category, ExpensesState.set_category,
                [rx.select.item("All categories", value=ALL), *[rx.select.item(CATEGORY_LABELS[c], value=c) for c in CATEGORIES]],
                "Category",
            ),
            _select(
                ExpensesState.trip, ExpensesState.set_trip,
                [rx.select.item("All trips", value=ALL),
                 rx.foreach(ExpensesState.trips, lambda t: rx.select.item(t.label, value=t.value))],
                "Trip",
            ),
            grid_template_columns="minmax(0, 2fr) repeat(3, minmax(0, 1fr))",
            gap="var(--space-2)",
            width="100%",
            style={NARROW: {"grid_template_columns": "1fr 1fr", "& > :first-child": {"grid_column": "span 2"}}},
        ),
        rx.cond(
            ExpensesState.period == "custom",
            rx.hstack(
                rx.input(type="date", value=ExpensesState.start, on_change=ExpensesState.set_start, aria_label="From",
                         size="2"),
                rx.text("to", size="2", color=rx.color("gray", 10)),
                rx.input(type="date", value=ExpensesState.end, on_change=ExpensesState.set_end, aria_label="To",
                         size="2"),
                align="center",
                spacing="2",
            ),
        ),
        spacing="2",
        width="100%",
    )


def _sort_header(label: str, column: str, **props) -> rx.Component:
    active = ExpensesState.sort == column
    return rx.table.column_header_cell(
        rx.button(
            label,
            rx.cond(
                active,
                rx.cond(ExpensesState.descending, rx.icon("arrow-down", size=13), rx.icon("arrow-up", size=13)),
                rx.icon("arrow-up-down", size=13, opacity="0.35"),
            ),
            variant="ghost",
            color_scheme="gray",
            size="1",
            on_click=ExpensesState.sort_by(column),
            aria_label=f"Sort by {label.lower()}",
            font_weight=rx.cond(active, "bold", "normal"),
        ),
        **props,
    )


def _row_actions(row: ExpenseRow) -> rx.Component:
    return rx.hstack(
        rx.icon_button(rx.icon("pencil", size=14), variant="ghost", color_scheme="gray", size="1",
                       on_click=ExpenseEditorState.open_edit(row), aria_label="Edit " + row.title),
        rx.icon_button(rx.icon("trash-2", size=14), variant="ghost", color_scheme="red", size="1",
                       on_click=ExpenseEditorState.ask_delete(row), aria_label="Delete " + row.title),
        spacing="3",
        justify="end",
    )


def _table() -> rx.Component:
    def row(item: ExpenseRow) -> rx.Component:
        return rx.table.row(
            rx.table.cell(rx.text(item.day, size="2", white_space="nowrap")),
            rx.table.cell(
                rx.vstack(
                    rx.text(item.title, size="2", weight="medium"),
                    rx.cond(item.merchant != "", rx.text(item.merchant, size="1", color=rx.color("gray", 11))),
                    spacing="0",
                ),
            ),
            rx.table.cell(category_badge(item.category)),
            rx.table.cell(rx.text(item.trip, size="1", color=rx.color("gray", 11))),
            rx.table.cell(money_text(item.amount, size="2", weight="medium"), text_align="right"),
            rx.table.cell(_row_actions(item)),
            align="center",
            class_name="expense-row",
        )

    return rx.table.root(
        rx.table.header(
            rx.table.row(
                _sort_header("Date", "date"),
                _sort_header("Description", "merchant"),
                _sort_header("Category", "category"),
                rx.table.column_header_cell(rx.text("Trip", size="1", weight="regular", color=rx.color("gray", 11))),
                _sort_header("Amount", "amount", text_align="right", justify="end"),
                rx.table.column_header_cell(rx.el.span("Actions", class_name="visually-hidden"), width="80px"),
            ),
        ),
        rx.table.body(rx.foreach(ExpensesState.rows, row)),
        variant="ghost",
        size="1",
        width="100%",
        style=DESKTOP_ONLY,
    )


def _cards() -> rx.Component:
    def card(item: ExpenseRow) -> rx.Component:
        return rx.hstack(
            rx.vstack(
                rx.text(
                    item.title,
                    size="2",
                    weight="medium",
                    white_space="nowrap",
                    overflow="hidden",
                    text_overflow="ellipsis",
                    max_width="100%",  # the column's width, or a long description runs under the amount
                ),
                rx.hstack(
                    category_badge(item.category),
                    rx.text(item.day, size="1", color=rx.color("gray", 11)),
                    spacing="2",
                    align="center",
                ),
                spacing="1",
                min_width="0",
                flex="1",
            ),
            rx.vstack(money_text(item.amount, size="3", weight="medium"), _row_actions(item), align="end", spacing="1"),
            width="100%",
            padding_y="8px",
            border_bottom=f"1px solid {rx.color('gray', 4)}",
            class_name="expense-card",
        )

    return rx.vstack(rx.foreach(ExpensesState.rows, card), spacing="0", width="100%", style=PHONE_ONLY)


def _footer() -> rx.Component:
    return rx.hstack(
        rx.text(ExpensesState.range_label, size="2", color=rx.color("gray", 11)),
        rx.spacer(),
        rx.text("Total ", rx.text.strong(ExpensesState.total, id="expenses-filtered-total"), size="2"),
        rx.icon_button(rx.icon("chevron-left", size=16), variant="soft", size="1",
                       disabled=ExpensesState.page == 0, on_click=ExpensesState.go_to_page(ExpensesState.page - 1),
                       aria_label="Previous page"),
        rx.icon_button(rx.icon("chevron-right", size=16), variant="soft", size="1",
                       disabled=ExpensesState.page >= ExpensesState.page_count - 1,
                       on_click=ExpensesState.go_to_page(ExpensesState.page + 1), aria_label="Next page"),
        align="center",
        spacing="3",
        width="100%",
        pt="3",
        wrap="wrap",
    )


def expense_list() -> rx.Component:
    """Filters, the table (cards on phones), paging and the filtered total."""
    return rx.card(
        rx.vstack(
            _filters(),
            rx.cond(
                ExpensesState.loaded,
                rx.cond(
                    ExpensesState.count > 0,
                    rx.vstack(_table(), _cards(), _footer(), spacing="0", width="100%"),
                    rx.cond(
                        ExpensesState.filtered,
                        rx.vstack(
                            empty_state("search-x", "Nothing matches", "Try another period, category or search."),
                            rx.button("Clear filters", variant="soft", on_click=ExpensesState.clear_filters),
                            align="center",
                            width="100%",
                        ),
                        empty_state("receipt", "No expenses this month", "Add one, import a bank statement, or let PAM do it.",
                                    "add $50 fuel"),
                    ),
                ),
                loading_block(5),
            ),
            spacing="3",
            width="100%",
        ),
        size="2",
        width="100%",
    )


def _trip_options() -> list[rx.Component]:
    return [rx.select.item("No trip", value=NO_TRIP), rx.foreach(ExpenseEditorState.trips, _trip_item)]


def _trip_item(option: Option) -> rx.Component:
    return rx.select.item(option.label, value=option.value)


def editor_dialog() -> rx.Component:
    """Add or edit one expense."""
    s = ExpenseEditorState
    return form_dialog(
        s,
        rx.cond(s.editing_id != "", "Edit expense", "Add an expense"),
        "Amounts in your currency; everything but the amount, category and date is optional.",
        rx.grid(
            rx.cond(s.owner_hint != "", rx.callout(s.owner_hint, icon="link", size="1", color_scheme="gray",
                                                    grid_column="1 / -1")),
            field("Amount", rx.input(name="amount", default_value=s.amount, placeholder="0.00",
                                     input_mode="decimal", max_length=16, size="3", width="100%",
                                     auto_focus=True), s.amount_error),
            field("Date", rx.input(name="date", type="date", default_value=s.date, size="3", width="100%"),
                  s.date_error),
            field("Category", rx.select.root(
                rx.select.trigger(placeholder="Choose…", width="100%"),
                rx.select.content(*[rx.select.item(CATEGORY_LABELS[c], value=c) for c in CATEGORIES]),
                name="category", default_value=s.category, size="3", disabled=s.owner_hint != "",
            ), s.category_error),
            field("Trip", rx.select.root(
                rx.select.trigger(width="100%", aria_label="Trip"), rx.select.content(*_trip_options()),
                name="trip", default_value=s.trip, size="3",
            ), hint=s.trip_hint),
            field("Description", rx.input(name="description", default_value=s.description,
                                          placeholder="Diesel top-up", max_length=MAX_DESCRIPTION,
                                          size="3", width="100%"), grid_column="1 / -1"),
            field("Merchant", rx.input(name="merchant", default_value=s.merchant,
                                       placeholder="BP Dubbo (optional)", max_length=MAX_MERCHANT,
                                       size="3", width="100%"), grid_column="1 / -1"),
            grid_template_columns="minmax(0, 1fr) minmax(0, 1fr)",
            gap="var(--space-3)",
            width="100%",
            style={PHONE: {"grid_template_columns": "minmax(0, 1fr)"}},
        ),
        submit=rx.cond(s.editing_id != "", "Save changes", "Add expense"),
    )


def delete_dialog() -> rx.Component:
    """Are you sure? (Undo stays available for a few seconds afterwards.)"""
    return confirm_delete_dialog(ExpenseEditorState, "Delete this expense?")

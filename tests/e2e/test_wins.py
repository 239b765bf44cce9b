"""Wins in the browser: add, edit, filter, sort and delete (with undo) expenses; budgets and income."""

from __future__ import annotations

import re

from playwright.sync_api import Page, expect

from tests.e2e.flows import register


def _add(page: Page, amount: str, category: str, description: str, merchant: str = "") -> None:
    page.get_by_role("button", name="Add expense").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Amount").fill(amount)
    dialog.get_by_role("combobox").first.click()
    page.get_by_role("option", name=category, exact=True).click()
    dialog.get_by_label("Description").fill(description)
    dialog.get_by_label("Merchant").fill(merchant)
    dialog.get_by_role("button", name="Add expense").click()
    expect(dialog).to_be_hidden()


def test_add_edit_filter_and_delete_with_undo(page: Page) -> None:
    register(page)
    page.goto("/wins")
    _add(page, "62.40", "Fuel", "Diesel", "BP Dubbo")
    _add(page, "18.00", "Dining", "Pies", "Bakery")
    rows = page.locator(".expense-row")
    expect(rows).to_have_count(2)
    expect(page.locator("#wins-month-spent")).to_have_text("$80.40")

    # A bad amount keeps the dialog open with a message, and nothing typed is lost.
    page.get_by_role("button", name="Add expense").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Amount").fill("12.345")
    dialog.get_by_label("Description").fill("Ice")
    dialog.get_by_role("button", name="Add expense").click()
    expect(dialog.get_by_text("Use at most 2 decimal places.")).to_be_visible()
    expect(dialog.get_by_text("Choose a category.")).to_be_visible()
    expect(dialog.get_by_label("Description")).to_have_value("Ice")
    page.keyboard.press("Escape")

    page.get_by_role("button", name="Edit Pies").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_label("Amount")).to_have_value("18.00")
    dialog.get_by_label("Amount").fill("21.50")
    dialog.get_by_role("button", name="Save changes").click()
    expect(rows.filter(has_text="Pies")).to_contain_text("$21.50")
    expect(page.locator("#expenses-filtered-total")).to_have_text("$83.90")

    page.get_by_label("Search expenses").fill("bakery")
    expect(rows).to_have_count(1)
    expect(page.locator("#expenses-filtered-total")).to_have_text("$21.50")
    page.get_by_label("Search expenses").fill("")
    expect(rows).to_have_count(2)

    page.get_by_role("button", name="Sort by amount").click()
    expect(rows.first).to_contain_text("Diesel")  # largest first
    page.get_by_role("button", name="Sort by amount").click()
    expect(rows.first).to_contain_text("Pies")

    page.get_by_role("button", name="Delete Diesel").click()
    page.get_by_role("alertdialog").get_by_role("button", name="Delete").click()
    expect(rows).to_have_count(1)
    expect(page.locator("#wins-month-spent")).to_have_text("$21.50")
    page.get_by_role("button", name="Undo").click()
    expect(rows).to_have_count(2)
    expect(page.locator("#wins-month-spent")).to_have_text("$83.90")


def test_budgets_and_income_update_the_month(page: Page) -> None:
    register(page)
    page.goto("/wins")
    _add(page, "90", "Groceries", "Weekly shop")
    page.get_by_role("tab", name="Budgets").click()
    page.get_by_role("button", name="Set a budget").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("combobox").click()
    page.get_by_role("option", name="Groceries", exact=True).click()
    dialog.get_by_label("Amount a month").fill("100")
    dialog.get_by_role("button", name="Save budget").click()
    budget = page.locator(".budget-row").filter(has_text="Groceries")
    expect(budget).to_contain_text("90% used")
    expect(budget).to_contain_text("$10.00 left")
    expect(page.get_by_text(re.compile(r"90% of \$100\.00 budget"))).to_be_visible()

    page.get_by_role("tab", name="Income").click()
    page.get_by_label("Amount").fill("250")
    page.get_by_label("From").fill("Fruit picking")
    page.get_by_role("button", name="Add income").click()
    expect(page.get_by_text("Fruit picking", exact=True)).to_be_visible()
    expect(page.get_by_text("$160.00")).to_be_visible()  # the month's net


STATEMENT = """Date,Description,Amount,Balance
28/11/2026,WOOLWORTHS 1234 DUBBO,-91.09,1200.00
27/11/2026,BP DUBBO 5521,-116.27,1291.09
27/11/2026,SALARY ACME PTY LTD,2500.00,1407.36
32/13/2026,BROKEN LINE,-5.00,0
25/11/2026,MCDONALDS BALLINA,-14.50,1140.64
"""


def test_import_a_statement_with_a_duplicate_and_a_bad_line(page: Page, tmp_path) -> None:
    register(page)
    page.goto("/wins")
    page.get_by_role("button", name="Add expense").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Amount").fill("116.27")
    dialog.get_by_label("Date").fill("2026-11-27")
    dialog.get_by_role("combobox").first.click()
    page.get_by_role("option", name="Fuel", exact=True).click()
    dialog.get_by_label("Description").fill("BP DUBBO 5521")
    dialog.get_by_role("button", name="Add expense").click()
    expect(dialog).to_be_hidden()

    statement = tmp_path / "statement.csv"
    statement.write_text(STATEMENT)
    page.get_by_role("button", name="Import").click()
    page.locator("input[type=file]").set_input_files(str(statement))
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_text("2 to import")).to_be_visible()
    expect(dialog.get_by_text("1 already recorded")).to_be_visible()
    expect(page.locator("#import-problems")).to_contain_text("Line 5")
    expect(dialog.locator(".import-row").filter(has_text="WOOLWORTHS").get_by_role("combobox")).to_have_text("Groceries")
    dialog.get_by_role("button", name="Import 2 expenses").click()
    expect(page.locator("#import-result")).to_contain_text("Imported 2 expenses")
    dialog.get_by_role("button", name="Done").click()

    page.get_by_role("combobox", name="Period").click()  # the statement's dates may be in an earlier month
    page.get_by_role("option", name="All time").click()
    expect(page.locator(".expense-row")).to_have_count(3)
    page.get_by_label("Search expenses").fill("ballina")
    expect(page.locator(".expense-row")).to_have_count(1)


def test_insights_draw_charts_on_desktop_and_phone(page: Page, phone_page: Page) -> None:
    for browser_page in (page, phone_page):
        register(browser_page)
        browser_page.goto("/wins")
        browser_page.get_by_role("tab", name="Insights").click()
        expect(browser_page.get_by_text("Add an expense to see where the money goes.")).to_be_visible()  # empty state
        _add(browser_page, "45", "Groceries", "Weekly shop")
        _add(browser_page, "80", "Fuel", "Diesel")  # the charts follow without leaving the tab
        expect(browser_page.locator(".js-plotly-plot").first).to_be_visible()
        expect(browser_page.locator(".js-plotly-plot")).to_have_count(3)  # by category, pace, 12 months


def test_category_rules_can_be_added_and_removed(page: Page) -> None:
    register(page)
    page.goto("/wins")
    page.get_by_role("button", name="Import").click()
    page.get_by_role("button", name="Category rules").click()
    rules = page.get_by_role("dialog", name="Category rules")
    rules.get_by_label("Merchant word").fill("Bunnings")
    rules.get_by_role("combobox").click()
    page.get_by_role("option", name="Shopping", exact=True).click()
    rules.get_by_role("button", name="Add rule").click()
    expect(rules.locator(".rule-row")).to_have_count(1)
    expect(rules.locator(".rule-row")).to_contain_text("bunnings")
    expect(rules.locator(".rule-row")).to_contain_text("Shopping")
    rules.get_by_role("button", name="Delete the rule for bunnings").click()
    expect(rules.locator(".rule-row")).to_have_count(0)


def test_a_budget_alert_reaches_the_bell(page: Page) -> None:
    register(page)
    page.goto("/wins")
    page.get_by_role("tab", name="Budgets").click()
    page.get_by_role("button", name="Set a budget").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("combobox").click()
    page.get_by_role("option", name="Dining", exact=True).click()
    dialog.get_by_label("Amount a month").fill("50")
    dialog.get_by_role("button", name="Save budget").click()
    expect(dialog).to_be_hidden()
    _add(page, "42", "Dining", "Pub dinner")
    expect(page.locator("#notifications-unread").first).to_have_text("1")
    page.get_by_role("button", name="Notifications").first.click()
    item = page.locator(".notification-item").first
    expect(item).to_contain_text("Dining budget 80% used")
    item.click()
    expect(page.locator("#notifications-unread")).to_have_count(0)

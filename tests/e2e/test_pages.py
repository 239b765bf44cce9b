"""A new traveller registers, signs out, signs back in, visits every page (desktop and phone) and signs out."""

from __future__ import annotations

import re
import uuid
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Page, expect

from tests.e2e.flows import PASSWORD, register

PAGES = {"/": "home", "/wheels": "wheels", "/wins": "wins", "/social": "social", "/you": "you"}
def _sign_in(page: Page, email: str, password: str = PASSWORD) -> None:
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", password)
    page.get_by_role("button", name="Sign in").click()


def test_register_sign_in_visit_every_page_and_sign_out(page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    email = f"robin-{uuid.uuid4().hex[:8]}@example.com"
    page.goto("/register")
    screenshot(page, "register-desktop")
    register(page, email)

    for route, name in PAGES.items():
        page.goto(route)
        expect(page.get_by_text("Robin", exact=False).first).to_be_visible()
        page.wait_for_load_state("networkidle")
        screenshot(page, f"{name}-desktop")

    page.get_by_text("Sign out").first.click()
    expect(page).to_have_url(re.compile(r"/login"))
    screenshot(page, "login-desktop")

    # A protected page sends a signed-out visitor to sign in and back afterwards.
    page.goto("/wins")
    expect(page).to_have_url(re.compile(r"/login\?next=(%2F|/)wins"))
    _sign_in(page, email, "not-the-password-1")
    expect(page.get_by_text("Email or password is incorrect.")).to_be_visible()
    _sign_in(page, email)
    expect(page).to_have_url(re.compile(r"/wins$"))


def test_every_page_on_a_phone(phone_page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(phone_page)
    for route, name in PAGES.items():
        phone_page.goto(route)
        expect(phone_page.get_by_text("Robin", exact=False).first).to_be_attached()
        phone_page.wait_for_load_state("networkidle")
        screenshot(phone_page, f"{name}-phone")


def test_an_expense_added_on_wins_shows_in_the_list(page: Page) -> None:
    register(page)
    page.goto("/wins")
    page.get_by_role("button", name="Add expense").first.click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_label("Amount").fill("42.50")
    dialog.get_by_role("combobox").first.click()
    page.get_by_role("option", name="Camping").click()
    dialog.get_by_label("Description").fill("Powered site <script>alert(1)</script>")
    dialog.get_by_role("button", name="Add expense").click()
    expect(dialog).to_be_hidden()
    expect(page.locator(".expense-row").get_by_text("Powered site <script>alert(1)</script>")).to_be_visible()
    expect(page.locator("#wins-month-spent")).to_have_text("$42.50")


def test_change_password_then_sign_in_with_the_new_one(page: Page) -> None:
    email = f"robin-{uuid.uuid4().hex[:8]}@example.com"
    register(page, email)
    page.goto("/you")
    page.fill("input[name=current_password]", PASSWORD)
    page.fill("input[name=new_password]", "brand-new-corrugations-7")
    page.fill("input[name=confirm_password]", "brand-new-corrugations-7")
    page.get_by_role("button", name="Change password").click()
    expect(page.get_by_text("Password changed").first).to_be_visible()
    page.get_by_text("Sign out").first.click()
    expect(page).to_have_url(re.compile(r"/login"))
    _sign_in(page, email, PASSWORD)
    expect(page.get_by_text("Email or password is incorrect.")).to_be_visible()
    _sign_in(page, email, "brand-new-corrugations-7")
    expect(page).to_have_url(re.compile(r"/$"))

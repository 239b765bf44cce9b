"""You › access tokens, data export and account deletion in the browser, with the REST API alongside."""

from __future__ import annotations

import re
import zipfile

import httpx
from playwright.sync_api import Page, expect

from tests.e2e.conftest import DESKTOP, PHONE
from tests.e2e.flows import PASSWORD, register


def _no_toasts(page: Page) -> None:
    page.mouse.move(1, 1)  # toasts stay while hovered
    expect(page.locator("[data-sonner-toast]")).to_have_count(0, timeout=15_000)


def _screenshots(page: Page, screenshot, name: str) -> None:
    _no_toasts(page)
    page.set_viewport_size(DESKTOP)
    screenshot(page, f"{name}-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, f"{name}-phone")
    page.set_viewport_size(DESKTOP)


def _create_token(page: Page, name: str, scope_label: str) -> str:
    card = page.locator("#access-tokens")
    card.get_by_role("button", name="New token").click()
    dialog = page.get_by_role("dialog")
    dialog.get_by_role("button", name="Create token").click()
    expect(dialog).to_contain_text("Give the token a name")  # a blank name is refused, naming the field
    dialog.get_by_label("Name").fill(name)
    dialog.get_by_role("radio", name=re.compile(scope_label)).click()
    dialog.get_by_role("button", name="Create token").click()
    reveal = page.get_by_role("dialog", name="Copy your new token")
    expect(reveal).to_contain_text("You won't see this token again")
    token = reveal.locator("#new-token").inner_text().strip()
    assert token.startswith("ww_pat_"), token
    return token


def test_tokens_export_and_account_deletion(page: Page, app_server: str, screenshot) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=app_server)
    email = register(page)
    page.goto("/you")
    card = page.locator("#access-tokens")
    expect(card).to_contain_text("No access tokens")

    token = _create_token(page, "Spreadsheet sync", "Read only")
    reveal = page.get_by_role("dialog", name="Copy your new token")
    reveal.get_by_role("button", name="Copy").click()
    expect(page.get_by_text("Token copied.")).to_be_visible()
    assert page.evaluate("() => navigator.clipboard.readText()") == token
    screenshot(page, "you-token-reveal-desktop")
    page.set_viewport_size(PHONE)
    screenshot(page, "you-token-reveal-phone")
    page.set_viewport_size(DESKTOP)
    reveal.get_by_role("button", name="Done").click()
    expect(reveal).to_be_hidden()

    bearer = {"Authorization": f"Bearer {token}"}
    me = httpx.get(f"{app_server}/api/v1/me", headers=bearer, timeout=15)
    assert me.status_code == 200 and me.json()["email"] == email
    refused = httpx.post(
        f"{app_server}/api/v1/expenses", json={"amount": "5", "category": "dining"}, headers=bearer, timeout=15
    )
    assert refused.status_code == 403 and refused.json()["error"]["code"] == "read_only_token"

    page.reload()
    row = card.locator(".token-row")
    expect(row).to_have_count(1)
    expect(row).to_contain_text("Spreadsheet sync")
    expect(row).to_contain_text("Read only")
    expect(row).to_contain_text(token[:12])
    expect(row).to_contain_text("Last used just now")
    assert token not in page.content()  # shown once: never again after the reveal

    _create_token(page, "Home Assistant", "Read and write")
    page.get_by_role("dialog", name="Copy your new token").get_by_role("button", name="Done").click()
    expect(row).to_have_count(2)
    expect(row.first).to_contain_text("Last used never")
    _screenshots(page, screenshot, "you-account")

    card.get_by_role("button", name="Revoke Spreadsheet sync").click()
    confirm = page.get_by_role("alertdialog")
    expect(confirm).to_contain_text("Spreadsheet sync")
    confirm.get_by_role("button", name="Revoke token").click()
    expect(row).to_have_count(1)
    expect(card).not_to_contain_text("Spreadsheet sync")
    assert httpx.get(f"{app_server}/api/v1/me", headers=bearer, timeout=15).status_code == 401

    _no_toasts(page)
    with page.expect_download() as download:
        page.locator("#your-data").get_by_role("button", name="Download my data").click()
    assert re.fullmatch(r"wheels-wins-export-\d{4}-\d{2}-\d{2}\.zip", download.value.suggested_filename)
    with zipfile.ZipFile(download.value.path()) as archive:
        names = archive.namelist()
        assert "wheels-wins-export/profile.json" in names and "wheels-wins-export/expenses.csv" in names
        assert email in archive.read("wheels-wins-export/profile.json").decode()
        tokens = archive.read("wheels-wins-export/personal_access_tokens.json").decode()
        assert "Home Assistant" in tokens and "token_hash" not in tokens

    page.locator("#delete-account").get_by_role("button", name="Delete account").click()
    confirm = page.get_by_role("alertdialog")
    confirm.get_by_label("Your password").fill("not-my-password-at-all")
    confirm.get_by_role("button", name="Delete everything").click()
    expect(confirm).to_contain_text("Password is incorrect.")
    screenshot(page, "you-delete-dialog-desktop")
    confirm.get_by_label("Your password").fill(PASSWORD)
    confirm.get_by_role("button", name="Delete everything").click()
    expect(page).to_have_url(re.compile(r"/login$"), timeout=20_000)
    expect(page.get_by_text("Your account and everything in it have been deleted.")).to_be_visible()
    assert page.evaluate("() => window.localStorage.getItem('ww_token')") in (None, "")
    login = httpx.post(f"{app_server}/api/v1/auth/login", json={"email": email, "password": PASSWORD}, timeout=15)
    assert login.status_code == 401

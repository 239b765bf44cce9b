"""Steps several browser tests share: register a fresh traveller, talk to PAM."""

from __future__ import annotations

import re
import uuid

from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

PASSWORD = "long-dusty-roads-42"


def register(page: Page, email: str | None = None, name: str = "Robin Roadie") -> str:
    """Create an account through the form and wait until this browser holds its session; returns the email."""
    email = email or f"robin-{uuid.uuid4().hex[:8]}@example.com"
    page.goto("/register")
    page.fill("input[name=full_name]", name)
    page.fill("input[name=email]", email)
    page.fill("input[name=password]", PASSWORD)
    page.fill("input[name=confirm]", PASSWORD)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(r"/$"), timeout=30_000)
    # Signed in once the shell shows the user; only then is the token in local storage for reloads.
    expect(page.get_by_text(name.split()[0], exact=False).first).to_be_attached()
    page.wait_for_function("() => !!window.localStorage.getItem('ww_token')")
    return email


def open_pam(page: Page) -> Locator:
    """Open the PAM panel (if it isn't already) and return it."""
    panel = page.locator("#pam-panel")
    launcher = page.get_by_role("button", name=re.compile("Open PAM"))
    expect(panel.or_(launcher).first).to_be_visible()
    if not panel.is_visible():
        try:
            launcher.click(timeout=5_000)
        except PlaywrightTimeoutError:
            pass  # after a page load the panel reopens by itself (and hides the launcher) if it was open before
    expect(panel).to_be_visible()
    return panel


def ask_pam(page: Page, message: str) -> Locator:
    """Send PAM a message and return PAM's reply bubble once it has arrived."""
    panel = open_pam(page)
    replies = panel.locator(".pam-assistant:not(.pam-streaming)")
    before = replies.count()
    panel.get_by_label("Message PAM").fill(message)
    panel.get_by_label("Message PAM").press("Enter")
    expect(replies).to_have_count(before + 1, timeout=20_000)
    return replies.last

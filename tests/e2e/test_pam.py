"""PAM in the browser: a reply on every page, the page beside the panel still usable, changes showing at once on
Wins, undo, and messages kept as text."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

from playwright.sync_api import Locator, Page, expect

from tests.e2e.flows import ask_pam, open_pam, register

ROUTES = ("/", "/wheels", "/wins", "/social", "/you")


def test_pam_answers_on_every_page(page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(page)
    for route in ROUTES:
        page.goto(route)
        reply = ask_pam(page, "How much have I spent this month?")
        expect(reply).to_contain_text("$")
    screenshot(page, "pam-desktop")


def test_the_page_beside_the_open_panel_stays_usable_and_reflows(page: Page) -> None:
    register(page)
    page.goto("/wins")
    spent, net_hint = page.locator("#wins-month-spent"), page.get_by_text("Income minus spending")
    expect(spent).to_be_visible()
    assert abs(_top(net_hint) - _top(spent)) < 60  # the month's three figures in one row

    panel = open_pam(page)
    # Not a modal: the page is still there for the mouse, the keyboard and screen readers.
    budgets = page.get_by_role("tab", name="Budgets")
    budgets.click()
    expect(budgets).to_have_attribute("aria-selected", "true")
    expect(panel).to_be_visible()
    # The page's column is narrower beside the panel: the figures take two rows instead of squeezing.
    expect(net_hint).to_be_visible()
    assert _top(net_hint) > _top(spent) + 100

    panel.get_by_role("button", name="Close PAM").click()
    expect(panel).to_be_hidden()
    page.wait_for_function(
        "() => Math.abs(document.querySelector('#wins-month-spent').getBoundingClientRect().top"
        " - [...document.querySelectorAll('main *')].find(e => e.textContent === 'Income minus spending')"
        ".getBoundingClientRect().top) < 60"
    )


def test_the_panel_takes_focus_when_opened_and_gives_it_back_on_escape(page: Page) -> None:
    register(page)
    page.goto("/wins")
    page.wait_for_function("() => window.wwPamLoaded")  # the panel's keyboard handling is in /pam.js
    launcher = page.get_by_role("button", name=re.compile("Open PAM"))
    launcher.focus()
    page.keyboard.press("Enter")
    composer = page.locator("#pam-input")
    expect(composer).to_be_focused()
    page.keyboard.type("hello")

    page.keyboard.press("Escape")
    expect(page.locator("#pam-panel")).to_be_hidden()
    expect(launcher).to_be_focused()
    # Escape outside the panel leaves the page alone; what was typed is still there on reopening.
    page.keyboard.press("Enter")
    expect(composer).to_be_focused()
    expect(composer).to_have_value("hello")


def _top(locator: Locator) -> float:
    box = locator.bounding_box()
    assert box is not None
    return box["y"]


def test_pam_on_a_phone_is_full_screen(phone_page: Page, screenshot: Callable[[Page, str], Path]) -> None:
    register(phone_page)
    phone_page.goto("/wins")
    panel = open_pam(phone_page)
    box = panel.bounding_box()
    assert box is not None and box["width"] >= 380
    expect(panel.get_by_role("button", name="Add $50 fuel expense")).to_be_visible()  # suggestions for this page
    reply = ask_pam(phone_page, "add $50 fuel expense")
    expect(reply).to_contain_text("$50.00")
    screenshot(phone_page, "pam-phone")


def test_fuel_added_by_pam_shows_on_wins_without_reload_and_undo_removes_it(page: Page) -> None:
    register(page)
    page.goto("/wins")
    expect(page.locator("#wins-month-spent")).to_have_text("$0.00")
    page.evaluate("window.__sameDocument = true")

    ask_pam(page, "add $50 fuel expense")
    expect(page.locator(".expense-row").get_by_text("$50.00")).to_be_visible()
    expect(page.locator("#wins-month-spent")).to_have_text("$50.00")
    chip = page.locator(".pam-chip").last
    expect(chip).to_contain_text("$50.00")

    chip.get_by_role("button", name=re.compile("^Undo")).click()
    expect(chip).to_contain_text("Undone")
    expect(page.locator(".expense-row")).to_have_count(0)
    expect(page.locator("#wins-month-spent")).to_have_text("$0.00")
    assert page.evaluate("window.__sameDocument") is True  # nothing was reloaded


def test_html_in_a_message_is_shown_as_text_and_never_run(page: Page) -> None:
    register(page)
    page.goto("/")
    hostile = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script><b>bold?</b>'
    ask_pam(page, hostile)
    bubble = page.locator(".pam-user").last
    expect(bubble).to_have_text(hostile)
    assert bubble.locator("img, script, b").count() == 0
    assert page.evaluate("window.__pwned === undefined")


def test_feedback_and_history_survive_a_reload(page: Page) -> None:
    register(page)
    page.goto("/wins")
    ask_pam(page, "spent $12.50 on coffee at the bakery")
    page.locator("#pam-panel").get_by_role("button", name="Helpful").last.click()
    expect(page.locator("#pam-panel").get_by_role("button", name="Helpful").last).to_have_attribute(
        "aria-pressed", "true"
    )

    page.reload()
    panel = open_pam(page)
    expect(panel.locator(".pam-user").last).to_have_text("spent $12.50 on coffee at the bakery")
    expect(panel.get_by_role("button", name="Helpful").last).to_have_attribute("aria-pressed", "true")


def test_microphone_is_offered_only_where_the_browser_can_dictate(page: Page) -> None:
    register(page)
    open_pam(page)
    expect(page.get_by_role("button", name="Dictate a message")).to_be_visible()

    page.add_init_script("delete window.SpeechRecognition; delete window.webkitSpeechRecognition;")
    page.reload()
    panel = open_pam(page)
    expect(panel.get_by_label("Message PAM")).to_be_visible()
    expect(page.get_by_role("button", name="Dictate a message")).to_have_count(0)


def test_read_aloud_falls_back_to_the_browser_voice(page: Page) -> None:
    # No speech service is reachable from the test server, so the browser's own voice must speak.
    page.add_init_script(
        "window.__spoken = [];window.speechSynthesis.speak = (utterance) => window.__spoken.push(utterance.text);"
    )
    register(page)
    reply = ask_pam(page, "How much have I spent this month?")
    page.locator("#pam-panel").get_by_role("button", name="Read aloud").last.click()
    page.wait_for_function("() => window.__spoken.length > 0", timeout=20_000)
    assert page.evaluate("window.__spoken[0]") == reply.inner_text().strip()


def test_a_new_conversation_and_back_to_the_earlier_one(page: Page) -> None:
    register(page)
    ask_pam(page, "spent $7 on ice at the servo")
    panel = page.locator("#pam-panel")
    panel.get_by_role("button", name="New conversation").click()
    expect(panel.get_by_text("How can I help?")).to_be_visible()
    ask_pam(page, "How much have I spent this month?")

    panel.get_by_role("button", name="Earlier conversations").click()
    page.get_by_role("menuitem", name=re.compile("spent \\$7 on ice")).click()
    expect(panel.locator(".pam-user")).to_have_count(1)
    expect(panel.locator(".pam-user")).to_have_text("spent $7 on ice at the servo")


def test_the_conversation_follows_its_newest_message(page: Page) -> None:
    register(page)
    for message in ["spent $12 on coffee", "actually make that $14", "$30 on bread and milk", "undo that", "thanks!",
                    "how much have I spent this month?", "log $8 at the bakery", "what did I spend today?"]:
        reply = ask_pam(page, message)
    page.wait_for_timeout(300)  # the scroll runs on the next animation frame
    gap = page.evaluate("(() => { const b = document.getElementById('pam-scroll');"
                        " return b.scrollHeight - b.clientHeight - b.scrollTop; })()")
    assert gap < 48, f"the newest message is {gap}px below the visible part of the conversation"
    expect(reply).to_be_in_viewport()

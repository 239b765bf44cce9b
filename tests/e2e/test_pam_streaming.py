"""PAM answered by a model (a scripted stub of Anthropic's API): streaming, safe rendering, tool chips, fallback."""

from __future__ import annotations

import json
import re

from playwright.sync_api import Page, expect

from tests.e2e.flows import ask_pam, open_pam, register
from tests.stubs.anthropic_stub import AnthropicStub

# Every distinct text the streaming bubble shows, in order (its words, whitespace collapsed).
RECORD_STREAMING = """
window.__streamed = [];
new MutationObserver(() => {
  const bubble = document.querySelector("#pam-panel .pam-streaming");
  const text = bubble ? bubble.textContent.replace(/\\s+/g, " ").trim() : "";
  if (text && text !== window.__streamed[window.__streamed.length - 1]) window.__streamed.push(text);
}).observe(document.body, { childList: true, subtree: true, characterData: true });
"""


def _words(text: str) -> str:
    return " ".join(text.split())


def test_a_streamed_reply_shows_while_it_is_written_and_is_kept(model_page: Page, model: AnthropicStub) -> None:
    chunks = ["G'day! ", "You've ", "spent ", "$412.60 ", "on ", "fuel ", "this ", "month, ", "about ", "$38 ",
              "under ", "your ", "budget."]  # fmt: skip
    model.reply_text(*chunks, delay=0.2)
    register(model_page)
    panel = open_pam(model_page)
    model_page.evaluate(RECORD_STREAMING)
    replies = panel.locator(".pam-assistant:not(.pam-streaming)")

    panel.get_by_label("Message PAM").fill("How's my fuel spending?")
    panel.get_by_label("Message PAM").press("Enter")
    expect(panel.locator(".pam-streaming")).to_contain_text("G'day!")
    assert replies.count() == 0  # still being written
    expect(replies).to_have_count(1, timeout=20_000)

    full = "".join(chunks)
    expect(replies.last).to_have_text(full)
    shown = model_page.evaluate("window.__streamed")
    assert shown and _words(shown[0]) != _words(full) and _words(full).startswith(_words(shown[0]))
    assert "How's my fuel spending?" in json.dumps(model.requests[-1].body["messages"])

    model_page.reload()
    panel = open_pam(model_page)
    expect(panel.locator(".pam-user").last).to_have_text("How's my fuel spending?")
    expect(panel.locator(".pam-assistant").last).to_have_text(full)


def test_every_streamed_snapshot_is_the_start_of_the_reply(model_page: Page, model: AnthropicStub) -> None:
    chunks = ["Fuel ", "is ", "cheapest ", "in ", "Dubbo ", "at ", "$1.79/L ", "today."]
    model.reply_text(*chunks, delay=0.15)
    register(model_page)
    panel = open_pam(model_page)
    model_page.evaluate(RECORD_STREAMING)

    reply = ask_pam(model_page, "Where's fuel cheapest?")
    expect(reply).to_have_text("".join(chunks))
    shown = model_page.evaluate("window.__streamed")
    assert len(shown) >= 2, shown  # it streamed: more than one partial text was on screen
    assert [s for s in shown if not _words("".join(chunks)).startswith(s)] == []
    expect(panel.locator(".pam-streaming")).to_have_count(0)


def test_html_in_a_model_reply_is_text_and_markdown_still_applies(model_page: Page, model: AnthropicStub) -> None:
    hostile = '<img src=x onerror="window.__pwned=1"> **bold** <script>window.__pwned=2</script>'
    model.reply_text(hostile[:30], hostile[30:60], hostile[60:], delay=0.1)
    register(model_page)

    reply = ask_pam(model_page, "Say something odd")
    expect(reply.locator("strong")).to_have_text("bold")
    assert reply.locator("img, script").count() == 0
    expect(reply).to_contain_text('<img src=x onerror="window.__pwned=1">')
    expect(reply).to_contain_text("<script>window.__pwned=2</script>")
    assert model_page.evaluate("window.__pwned === undefined")


def test_an_expense_the_model_logs_shows_its_chip_and_on_wins_at_once(model_page: Page, model: AnthropicStub) -> None:
    model.reply_tool_use(
        "toolu_e2e_1", "add_expense", '{"amount": "23.45", "categ', 'ory": "dining", "merchant": "Bakery"}',
        text="Logging that now.",
    )  # fmt: skip
    model.reply_text("Done: $23.45 at the Bakery is in your dining spending.")
    register(model_page)
    model_page.goto("/wins")
    main = model_page.locator("main")
    expect(main.get_by_text("$0.00").first).to_be_visible()
    expect(main.get_by_text("$23.45")).to_have_count(0)
    model_page.evaluate("window.__sameDocument = true")

    reply = ask_pam(model_page, "spent 23.45 at the bakery")
    expect(reply).to_contain_text("Done: $23.45 at the Bakery")
    chip = model_page.locator("#pam-panel .pam-chip").last
    expect(chip).to_contain_text(re.compile(r"Logged \$23\.45"))
    expect(chip.get_by_role("button", name=re.compile("^Undo"))).to_be_visible()
    expect(main.get_by_text("$23.45").first).to_be_visible()
    assert model_page.evaluate("window.__sameDocument") is True  # nothing was reloaded

    assert len(model.requests) == 2
    result = model.requests[1].body["messages"][-1]["content"][0]
    assert result["type"] == "tool_result" and result["tool_use_id"] == "toolu_e2e_1"


def test_when_the_model_fails_the_local_engine_answers(model_page: Page, model: AnthropicStub) -> None:
    model.reply_status(500)
    register(model_page)

    reply = ask_pam(model_page, "thanks PAM")
    expect(reply).to_have_text("You're welcome — safe travels!")  # the local engine's words
    assert len(model.requests) == 1  # the model was asked first

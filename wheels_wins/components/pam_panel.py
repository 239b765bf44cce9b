"""PAM's panel: a side sheet beside the page on desktop, full screen on phones. The layout mounts it once per page."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components.nav import PHONE
from wheels_wins.components.pam_chat import pam_conversation
from wheels_wins.components.pam_launcher import pam_launcher_button
from wheels_wins.state.pam import COMPOSER_INPUT_ID, MAX_MESSAGE_CHARS, ConversationItem, PamReplyState, PamState

PANEL_WIDTH = "420px"
MIC_CHECK = "!!(window.SpeechRecognition || window.webkitSpeechRecognition)"


def _history_menu() -> rx.Component:
    def entry(item: ConversationItem) -> rx.Component:
        return rx.menu.item(
            rx.vstack(
                rx.text(
                    item.title,
                    size="2",
                    max_width="260px",
                    overflow="hidden",
                    text_overflow="ellipsis",
                    white_space="nowrap",
                    line_height="1.4",
                ),
                rx.text(item.when, size="1", color=rx.color("gray", 10)),
                spacing="1",
            ),
            height="auto",
            padding_y="8px",
            on_select=PamState.open_conversation(item.id),
        )

    return rx.menu.root(
        rx.menu.trigger(
            rx.icon_button(
                rx.icon("history", size=18),
                variant="ghost",
                color_scheme="gray",
                aria_label="Earlier conversations",
                disabled=PamReplyState.thinking,
            ),
        ),
        rx.menu.content(
            rx.cond(
                PamState.conversations.length() > 0,
                rx.foreach(PamState.conversations, entry),
                rx.menu.item("No earlier conversations yet", disabled=True),
            ),
            align="end",
            z_index="60",
        ),
        on_open_change=PamState.load_conversations,
    )


def _header() -> rx.Component:
    return rx.hstack(
        rx.center(
            rx.icon("sparkles", size=18, color="white"),
            width="36px",
            height="36px",
            border_radius="9999px",
            background=rx.color("accent", 9),
        ),
        rx.vstack(
            rx.heading("PAM", as_="h2", size="4", weight="bold", id="pam-title"),
            rx.text("Your travel and money assistant", size="1", color=rx.color("gray", 11)),
            spacing="0",
        ),
        rx.spacer(),
        _history_menu(),
        rx.tooltip(
            rx.icon_button(
                rx.icon("square-pen", size=18),
                variant="ghost",
                color_scheme="gray",
                on_click=PamState.new_conversation,
                disabled=PamReplyState.thinking,
                aria_label="New conversation",
            ),
            content="New conversation",
        ),
        rx.icon_button(
            rx.icon("x", size=18),
            variant="ghost",
            color_scheme="gray",
            on_click=PamState.set_open(False),
            aria_label="Close PAM",
        ),
        align="center",
        spacing="3",
        width="100%",
        padding="16px 20px",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
    )


def _mic_button() -> rx.Component:
    return rx.cond(
        PamState.mic_available,
        rx.icon_button(
            rx.icon("mic", size=18),
            type="button",
            size="3",
            radius="full",
            variant="soft",
            color_scheme="gray",
            on_click=rx.call_script("window.wwDictate && window.wwDictate()"),
            aria_label="Dictate a message",
            id="pam-mic",
        ),
    )


def _composer() -> rx.Component:
    return rx.form(
        rx.hstack(
            _mic_button(),
            rx.input(
                name="message",
                id=COMPOSER_INPUT_ID,
                placeholder="Ask PAM or tell it what happened…",
                max_length=MAX_MESSAGE_CHARS,
                auto_complete="off",
                size="3",
                width="100%",
                radius="full",
                aria_label="Message PAM",
            ),
            rx.el.input(type="hidden", name="via_voice", id="pam-via-voice", default_value="0"),
            rx.icon_button(
                rx.cond(PamReplyState.thinking, rx.spinner(size="2"), rx.icon("send", size=18)),
                type="submit",
                size="3",
                radius="full",
                disabled=PamReplyState.thinking,
                aria_label="Send",
                id="pam-send",
            ),
            spacing="2",
            width="100%",
            align="center",
        ),
        on_submit=PamState.submit,
        reset_on_submit=True,
        id="pam-form",
        width="100%",
        padding="12px 16px calc(12px + env(safe-area-inset-bottom))",
        border_top=f"1px solid {rx.color('gray', 4)}",
    )


def pam_panel() -> rx.Component:
    """The PAM launcher and its panel, mounted once by the app layout.

    A plain complementary region rather than a dialog: on desktop the page beside it stays usable
    (clickable, scrollable, reachable by keyboard and screen readers) while PAM is open. A modal
    dialog, even one asked not to be modal, would disable pointer events on the page and hide it
    from assistive technology.
    """
    return rx.fragment(
        rx.script(src="/pam.js"),
        pam_launcher_button(on_click=PamState.set_open(True), display=rx.cond(PamState.is_open, "none", "flex")),
        rx.el.aside(
            rx.flex(
                _header(),
                pam_conversation(),
                _composer(),
                direction="column",
                height="100%",
                width="100%",
                on_mount=rx.call_script(MIC_CHECK, callback=PamState.set_mic_available),
            ),
            id="pam-panel",
            aria_labelledby="pam-title",
            position="fixed",
            top="0",
            right="0",
            bottom="0",
            width=PANEL_WIDTH,
            max_width="100vw",
            z_index="50",
            background=rx.color("gray", 1),
            border_left=f"1px solid {rx.color('gray', 4)}",
            box_shadow=rx.cond(PamState.is_open, "-12px 0 32px rgba(0, 0, 0, 0.12)", "none"),
            # Closed, it slides out and is then hidden (visibility switches at the end of the slide), so
            # it is out of the tab order and the accessibility tree.
            transform=rx.cond(PamState.is_open, "translateX(0)", "translateX(100%)"),
            visibility=rx.cond(PamState.is_open, "visible", "hidden"),
            transition="transform 0.2s ease, visibility 0.2s",
            style={PHONE: {"width": "100vw", "border_left": "none"}},
        ),
    )

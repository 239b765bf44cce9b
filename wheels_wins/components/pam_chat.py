"""The PAM conversation: message bubbles, chips for what PAM did, feedback, typing indicator, suggestions."""

from __future__ import annotations

import reflex as rx

from wheels_wins.state.auth import AuthState
from wheels_wins.state.pam import ChatItem, Chip, PamReplyState, PamState


def _markdown(content: rx.Var[str]) -> rx.Component:
    """PAM's reply as markdown, with raw HTML shown as text (never parsed) and images reduced to their alt text."""
    return rx.markdown(
        content,
        use_raw=False,
        use_math=False,
        use_katex=False,
        component_map={
            "p": lambda text: rx.text(text, size="2", as_="p", margin="0 0 6px"),
            "img": lambda text: rx.el.span(),
        },
        class_name="pam-markdown",
    )


def _chip(message_id: rx.Var[str], chip: Chip) -> rx.Component:
    return rx.hstack(
        rx.cond(
            chip.undone,
            rx.icon("undo-2", size=14, color=rx.color("gray", 10), flex_shrink="0"),
            rx.cond(
                chip.ok,
                rx.icon("circle-check", size=14, color=rx.color("accent", 11), flex_shrink="0"),
                rx.icon("circle-alert", size=14, color=rx.color("amber", 11), flex_shrink="0"),
            ),
        ),
        rx.text(
            chip.summary,
            size="1",
            title=chip.detail,
            text_decoration=rx.cond(chip.undone, "line-through", "none"),
            color=rx.cond(chip.undone, rx.color("gray", 10), rx.color("gray", 12)),
        ),
        rx.spacer(),
        rx.cond(
            chip.can_undo,
            rx.button(
                "Undo",
                size="1",
                variant="soft",
                color_scheme="gray",
                on_click=PamState.undo(message_id, chip.index),
                aria_label=f"Undo: {chip.detail}",
            ),
        ),
        rx.cond(chip.undone, rx.text("Undone", size="1", color=rx.color("gray", 10))),
        align="center",
        spacing="2",
        width="100%",
        padding="6px 10px",
        border_radius="var(--radius-3)",
        border=f"1px solid {rx.color('gray', 5)}",
        background=rx.color("gray", 2),
        class_name="pam-chip",
    )


def _feedback(item: ChatItem) -> rx.Component:
    def thumb(rating: str, icon: str, label: str) -> rx.Component:
        chosen = item.rating == rating
        return rx.icon_button(
            rx.icon(icon, size=14),
            size="1",
            variant=rx.cond(chosen, "soft", "ghost"),
            color_scheme=rx.cond(chosen, "teal", "gray"),
            on_click=PamState.rate(item.id, rating),
            aria_label=label,
            aria_pressed=rx.cond(chosen, "true", "false"),
        )

    return rx.hstack(
        thumb("up", "thumbs-up", "Helpful"),
        thumb("down", "thumbs-down", "Not helpful"),
        rx.cond(
            AuthState.voice_enabled,
            rx.icon_button(
                rx.icon("volume-2", size=14),
                size="1",
                variant="ghost",
                color_scheme="gray",
                on_click=PamState.speak(item.id),
                aria_label="Read aloud",
            ),
        ),
        spacing="3",
        padding_left="4px",
    )


_MINE = {"border_radius": "16px 16px 4px 16px", "background": rx.color("accent", 9), "color": "white"}
_PAMS = {"border_radius": "16px 16px 16px 4px", "background": rx.color("gray", 3), "color": rx.color("gray", 12)}
_BUBBLE = {"padding": "10px 14px", "max_width": "88%", "overflow_wrap": "anywhere"}


def _user_text(content: rx.Var[str]) -> rx.Component:
    return rx.text(content, size="2", white_space="pre-wrap", class_name="pam-user-text")


def _bubble(item: ChatItem) -> rx.Component:
    mine = item.role == "user"
    return rx.vstack(
        rx.box(
            rx.cond(mine, _user_text(item.content), _markdown(item.content)),
            class_name=rx.cond(mine, "pam-message pam-user", "pam-message pam-assistant"),
            **_BUBBLE,
            **{name: rx.cond(mine, _MINE[name], _PAMS[name]) for name in _MINE},
        ),
        rx.cond(
            item.chips.length() > 0,
            rx.vstack(rx.foreach(item.chips, lambda chip: _chip(item.id, chip)), spacing="1", width="88%"),
        ),
        rx.cond(~mine & (item.id != ""), _feedback(item)),
        align=rx.cond(mine, "end", "start"),
        spacing="1",
        width="100%",
    )


def _asked() -> rx.Component:
    """The message being answered; it joins the conversation together with the reply."""
    return rx.vstack(
        rx.box(
            _user_text(PamReplyState.asked),
            class_name="pam-message pam-user",
            **_BUBBLE,
            **_MINE,
        ),
        align="end",
        width="100%",
    )


def _typing() -> rx.Component:
    return rx.box(
        rx.cond(
            PamReplyState.streaming != "",
            _markdown(PamReplyState.streaming),
            rx.hstack(
                rx.box(class_name="pam-dot"),
                rx.box(class_name="pam-dot"),
                rx.box(class_name="pam-dot"),
                spacing="1",
                aria_label="PAM is typing",
                padding="4px 0",
            ),
        ),
        class_name="pam-message pam-assistant pam-streaming",
        **_BUBBLE,
        **_PAMS,
    )


def _suggestions() -> rx.Component:
    def prompt(text: rx.Var[str]) -> rx.Component:
        return rx.button(
            text,
            variant="surface",
            color_scheme="gray",
            size="2",
            width="100%",
            justify="start",
            white_space="normal",
            height="auto",
            padding="8px 12px",
            text_align="left",
            on_click=PamState.ask(text),
            class_name="pam-suggestion",
        )

    return rx.vstack(
        rx.center(
            rx.icon("sparkles", size=26, color=rx.color("accent", 11)),
            width="56px",
            height="56px",
            border_radius="9999px",
            background=rx.color("accent", 3),
        ),
        rx.heading("How can I help?", size="4"),
        rx.text(
            "I can log expenses and fuel, check budgets, plan trips and set reminders. Try:",
            size="2",
            color=rx.color("gray", 11),
            text_align="center",
        ),
        rx.vstack(rx.foreach(PamState.suggestions, prompt), spacing="2", width="100%"),
        align="center",
        spacing="3",
        width="100%",
        max_width="340px",
        margin="auto",
        padding_y="24px",
    )


def pam_conversation() -> rx.Component:
    """The scrolling message list (suggested prompts when there is nothing yet)."""
    return rx.box(
        rx.cond(
            (PamState.messages.length() == 0) & ~PamReplyState.thinking,
            _suggestions(),
            rx.vstack(
                rx.foreach(PamState.messages, _bubble),
                rx.cond(PamReplyState.thinking, rx.fragment(rx.cond(PamReplyState.asked != "", _asked()), _typing())),
                rx.box(id="pam-end"),
                spacing="3",
                width="100%",
            ),
        ),
        id="pam-scroll",
        flex="1",
        overflow_y="auto",
        padding="16px",
        aria_live="polite",
    )

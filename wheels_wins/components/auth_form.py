"""The sign-in and sign-up card: heading, fields, a full-width submit and a link to the other form."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins.services.passwords import MAX_LENGTH as MAX_PASSWORD_LENGTH


def email_input(**props: Any) -> rx.Component:
    """The email box both forms use."""
    return rx.input(
        name="email", type="email", placeholder="you@example.com", auto_complete="email", size="3", width="100%",
        max_length=254, **props,
    )


def password_input(name: str, *, new: bool, **props: Any) -> rx.Component:
    """A password box; `new` tells password managers to suggest one rather than fill the saved one."""
    return rx.input(
        name=name, type="password", auto_complete="new-password" if new else "current-password", size="3",
        width="100%", max_length=MAX_PASSWORD_LENGTH, **props,
    )


def auth_card(
    *fields: rx.Component,
    title: str,
    subtitle: str,
    submit_label: str,
    loading: rx.Var[bool],
    on_submit: Any,
    switch_prompt: str,
    switch_label: str,
    switch_href: rx.Var[str],
) -> rx.Component:
    """The whole card; the form's values go straight to `on_submit`, never into state vars."""
    return rx.vstack(
        rx.vstack(
            rx.heading(title, size="7", letter_spacing="-0.02em"),
            rx.text(subtitle, size="3", color=rx.color("gray", 11)),
            spacing="1",
        ),
        rx.form(
            rx.vstack(
                *fields,
                rx.button(
                    submit_label, type="submit", size="3", width="100%", loading=loading, margin_top="var(--space-2)"
                ),
                spacing="4",
                width="100%",
            ),
            on_submit=on_submit,
            reset_on_submit=False,
            width="100%",
            no_validate=True,
        ),
        rx.hstack(
            rx.text(switch_prompt, size="2", color=rx.color("gray", 11)),
            rx.link(switch_label, href=switch_href, size="2", weight="medium"),
            spacing="1",
            justify="center",
            width="100%",
        ),
        spacing="6",
        width="100%",
    )

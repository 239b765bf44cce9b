"""Labelled form fields with an inline error message."""

from __future__ import annotations

from typing import Any

import reflex as rx


def field(
    label: str, control: rx.Component, error: rx.Var[str] | str = "", hint: rx.Var[str] | str = "", **props: Any
) -> rx.Component:
    """A label above its control, then a hint or the validation message for it."""
    props.setdefault("width", "100%")
    below = rx.cond(
        error != "",
        rx.hstack(
            rx.icon("circle_alert", size=13, color=rx.color("red", 11)),
            rx.text(error, size="1", color=rx.color("red", 11)),
            spacing="1",
            align="center",
        ),
        rx.text(hint, size="1", color=rx.color("gray", 10)) if isinstance(hint, rx.Var) or hint else rx.fragment(),
    )
    return rx.el.label(
        rx.vstack(
            rx.text(label, size="2", weight="medium", color=rx.color("gray", 12)),
            control,
            below,
            spacing="1",
            width="100%",
        ),
        **props,
    )


def form_error(message: rx.Var[str]) -> rx.Component:
    """A callout for a whole-form error (bad credentials, server refused), hidden when empty."""
    return rx.cond(
        message != "",
        rx.callout(message, icon="circle_alert", color_scheme="red", role="alert", size="1", width="100%"),
    )

"""The "Install app" action, shown only once the browser offers installation.

assets/pwa.js keeps the browser's `beforeinstallprompt` event, marks `<html data-ww-installable>`
and shows the prompt when an element carrying `data-ww-install` is clicked; these components are
hidden by CSS until then, so browsers that cannot install (or already have) never see them.
"""

from __future__ import annotations

import reflex as rx

INSTALL_ATTR = "data-ww-install"


def _shown_when_installable(display: str) -> dict[str, object]:
    return {"display": "none", "html[data-ww-installable] &": {"display": display}}


def install_button() -> rx.Component:
    """A full-width sidebar button."""
    return rx.button(
        rx.icon("download", size=16),
        "Install app",
        variant="soft",
        size="2",
        width="100%",
        justify_content="flex-start",
        aria_label="Install Wheels & Wins as an app",
        custom_attrs={INSTALL_ATTR: "true"},  # a fresh dict: Reflex adds props to it
        style=_shown_when_installable("inline-flex"),
        margin_bottom="8px",
    )


def install_menu_item() -> rx.Component:
    """An entry in the phone account menu."""
    return rx.menu.item(
        rx.hstack(rx.icon("download", size=14), rx.text("Install app")),
        custom_attrs={INSTALL_ATTR: "true"},  # a fresh dict: Reflex adds props to it
        style=_shown_when_installable("flex"),
    )

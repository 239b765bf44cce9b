"""The "Delete this …?" question asked before an undoable delete (see state/undoable.py)."""

from __future__ import annotations

from typing import Any

import reflex as rx


def confirm_delete_dialog(
    state: Any,
    title: str | rx.Var[str],
    *description: str | rx.Var[str],
    note: str = "",
    action: str = "Delete",
) -> rx.Component:
    """Ask before `state.delete` runs: the title, what goes (`state.confirm_label` unless given), Keep it or Delete.

    `state` is a page state mixing in UndoableDelete; `note` is a quieter line under the description.
    """
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title(title),
            rx.alert_dialog.description(*(description or (state.confirm_label,)), size="2"),
            *([rx.text(note, size="2", color=rx.color("gray", 11), margin_top="8px")] if note else []),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Keep it", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button(action, color_scheme="red", on_click=state.delete)),
                justify="end",
                spacing="2",
                margin_top="16px",
            ),
            max_width="420px",
        ),
        open=state.confirm_open,
        on_open_change=state.set_confirm_open,
    )

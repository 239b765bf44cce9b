"""Dialogs shared by the pages: a form in a dialog, and the question asked before an undoable delete."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins.components.forms import form_error


def dialog_buttons(submit: str | rx.Var[str], saving: rx.Var[bool]) -> rx.Component:
    """Cancel (closes the dialog) and the form's submit button, at the end of the row."""
    return rx.hstack(
        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
        rx.button(submit, type="submit", loading=saving),
        justify="end",
        width="100%",
        spacing="2",
    )


def form_dialog(
    state: Any,
    title: str | rx.Var[str],
    description: str,
    *fields: rx.Component,
    submit: str | rx.Var[str],
) -> rx.Component:
    """An editor dialog around one uncontrolled form: the form's error, `fields`, then Cancel and `submit`.

    `state` has open/set_open, form_key (a new key starts the form afresh), form_error, saving and save(form).
    """
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(title),
            rx.dialog.description(description, size="2", color=rx.color("gray", 11), margin_bottom="12px"),
            rx.form(
                rx.vstack(
                    form_error(state.form_error),
                    *fields,
                    dialog_buttons(submit, state.saving),
                    spacing="4",
                    width="100%",
                ),
                on_submit=state.save,
                reset_on_submit=False,
                no_validate=True,
                key=state.form_key,
            ),
            max_width="520px",
        ),
        open=state.open,
        on_open_change=state.set_open,
    )


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

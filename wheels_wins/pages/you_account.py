"""Your data on the You page: download everything as a zip, or delete the account and all of it.

The zip is built on the server for the acting user and handed to this browser alone (a data URL
in the event, never a file in a public folder). Deleting checks the password again; the form's
value goes straight to the handler, never into a state var.
"""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import field, form_error, section_card
from wheels_wins.components.auth_form import password_input
from wheels_wins.services import accounts, data_export
from wheels_wins.services.auth import AuthError
from wheels_wins.state.auth import AuthState, current_user, run_in_session


class AccountState(rx.State):
    """The export button's progress and the delete-account dialog."""

    exporting: bool = False
    delete_open: bool = False
    delete_key: int = 0
    delete_error: str = ""
    deleting: bool = False

    @rx.event
    async def export(self):
        """Build the signed-in user's zip and download it in this browser."""
        user = await current_user(self)
        if user is None:
            yield rx.redirect(routes.login_url(routes.YOU))
            return
        self.exporting = True
        yield
        content = await run_in_session(lambda session: data_export.build_zip(session, user_id=user.id))
        self.exporting = False
        yield rx.download(data=content, filename=data_export.filename(), mime_type="application/zip")

    @rx.event
    def open_delete(self):
        """Ask for the password before deleting."""
        self.delete_error = ""
        self.delete_key += 1
        self.delete_open = True

    @rx.event
    def set_delete_open(self, is_open: bool):
        """Close the delete dialog."""
        if not self.deleting:
            self.delete_open = is_open

    @rx.event
    async def delete(self, form: dict[str, Any]):
        """Check the password, delete everything in one transaction, and sign this browser out."""
        password = str(form.get("password", ""))
        if not password:
            self.delete_error = "Enter your password to confirm."
            return
        user = await current_user(self)
        if user is None:
            yield rx.redirect(routes.login_url(routes.YOU))
            return
        self.deleting, self.delete_error = True, ""
        yield
        try:
            await accounts.close_account(user, password)
        except AuthError as error:
            self.deleting = False
            self.delete_error = error.message
            return
        auth = await self.get_state(AuthState)
        auth.token = ""
        auth._forget()
        await auth._forget_page_data()  # resets this state too
        yield [
            rx.redirect(routes.LOGIN, replace=True),
            rx.toast.info("Your account and everything in it have been deleted."),
        ]


def data_card() -> rx.Component:
    """The "Your data" card: download everything."""
    return section_card(
        "file_archive",
        "Your data",
        rx.hstack(
            rx.text(
                "Download everything you've saved (trips, money, vehicle, posts, PAM chats) "
                "as a zip of JSON and CSV files.",
                size="2",
                color=rx.color("gray", 11),
                flex="1",
                min_width="14em",
            ),
            rx.button(
                rx.icon("download", size=16),
                "Download my data",
                on_click=AccountState.export,
                loading=AccountState.exporting,
                variant="soft",
                size="2",
            ),
            align="center",
            justify="between",
            wrap="wrap",
            spacing="3",
            width="100%",
        ),
        id="your-data",
    )


def _delete_dialog() -> rx.Component:
    s = AccountState
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title("Delete your account?"),
            rx.alert_dialog.description(
                "Your trips, expenses, budgets, vehicle, places, posts, PAM chats and access tokens are deleted "
                "for good, and every device is signed out. This can't be undone.",
                size="2",
                margin_bottom="var(--space-4)",
            ),
            rx.form(
                rx.vstack(
                    form_error(s.delete_error),
                    field("Your password", password_input("password", new=False, required=True, auto_focus=True)),
                    rx.hstack(
                        rx.alert_dialog.cancel(
                            rx.button("Keep my account", variant="soft", color_scheme="gray", type="button")
                        ),
                        rx.button("Delete everything", type="submit", color_scheme="red", loading=s.deleting),
                        justify="end",
                        spacing="2",
                        width="100%",
                        wrap="wrap",
                    ),
                    spacing="4",
                    width="100%",
                ),
                on_submit=s.delete,
                reset_on_submit=True,
                key=s.delete_key,
            ),
            max_width="440px",
        ),
        open=s.delete_open,
        on_open_change=s.set_delete_open,
    )


def danger_card() -> rx.Component:
    """The danger zone: delete the account after re-entering the password."""
    return section_card(
        "shield_alert",
        "Delete account",
        rx.hstack(
            rx.text(
                "Remove your account and everything in it. Download your data first if you want a copy.",
                size="2",
                color=rx.color("gray", 11),
                flex="1",
                min_width="14em",
            ),
            rx.button(
                rx.icon("trash_2", size=16),
                "Delete account",
                on_click=AccountState.open_delete,
                color_scheme="red",
                variant="soft",
                size="2",
            ),
            align="center",
            justify="between",
            wrap="wrap",
            spacing="3",
            width="100%",
        ),
        _delete_dialog(),
        border=f"1px solid {rx.color('red', 6)}",
        id="delete-account",
    )

"""Change password on the You page: the form's values go straight to the handler, never into state vars."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components import field, form_error, section_card
from wheels_wins.components.auth_form import password_input
from wheels_wins.services import accounts
from wheels_wins.services import auth as auth_service
from wheels_wins.services.passwords import MIN_LENGTH
from wheels_wins.state.auth import AuthState, current_user


class PasswordState(rx.State):
    """Status of the change-password form (the passwords themselves are never stored here)."""

    error: str = ""
    saving: bool = False

    @rx.event
    async def change(self, form_data: dict[str, str]):
        """Check the current password, apply the policy, sign out other devices and keep this one signed in."""
        user = await current_user(self)
        if user is None:
            yield rx.redirect("/login?next=/you")
            return
        current, new, confirm = (form_data.get(k, "") for k in ("current_password", "new_password", "confirm_password"))
        if new != confirm:
            self.error = "The new passwords don't match."
            return
        self.saving, self.error = True, ""
        yield
        try:
            token = await accounts.change_password(
                user=user, current_password=current, new_password=new, user_agent=self.router.headers.user_agent
            )
        except auth_service.AuthError as error:
            self.error = error.message
            self.saving = False
            return
        self.saving = False
        auth = await self.get_state(AuthState)
        auth._sign_in(user, token)  # this browser keeps working; page data stays as it is
        yield rx.toast.success("Password changed. Other devices have been signed out.")


def password_card() -> rx.Component:
    """The change-password card."""
    return section_card(
        "key_round",
        "Change password",
        rx.form(
            rx.vstack(
                form_error(PasswordState.error),
                field("Current password", password_input("current_password", new=False, required=True)),
                field(
                    "New password",
                    password_input("new_password", new=True, required=True, min_length=MIN_LENGTH),
                    hint=f"At least {MIN_LENGTH} characters; a phrase you don't use elsewhere.",
                ),
                field("Confirm new password", password_input("confirm_password", new=True, required=True)),
                rx.hstack(
                    rx.button("Change password", type="submit", size="3", variant="soft", loading=PasswordState.saving),
                    justify="end",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            on_submit=PasswordState.change,
            reset_on_submit=True,
            width="100%",
        ),
    )

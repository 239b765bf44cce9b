"""Create an account: name, email and password, checked by the same rules as the API."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import auth_page, field, form_error
from wheels_wins.components.auth_form import auth_card, email_input, password_input
from wheels_wins.services import accounts, passwords, supabase_auth
from wheels_wins.services import auth as auth_service
from wheels_wins.state.auth import sign_in

FIELD_FOR_CODE = {
    "invalid_email": "email",
    "email_taken": "email",
    "invalid_password": "password",
    "invalid_full_name": "name",
}


class RegisterState(rx.State):
    """The sign-up form's messages; passwords never land in a state var."""

    name_error: str = ""
    email_error: str = ""
    password_error: str = ""
    confirm_error: str = ""
    form_error: str = ""
    notice: str = ""
    loading: bool = False

    @rx.var
    def login_href(self) -> str:
        """Sign-in link that keeps the page to come back to."""
        return routes.login_url(self.router.url.query_parameters.get("next"))

    def _clear(self) -> None:
        self.name_error = self.email_error = self.password_error = self.confirm_error = self.form_error = ""
        self.notice = ""

    @rx.event
    async def submit(self, form_data: dict[str, Any]):
        """Create the account, sign in and go on to the app."""
        full_name = str(form_data.get("full_name") or "").strip()
        email = auth_service.normalise_email(str(form_data.get("email") or ""))
        password = str(form_data.get("password") or "")
        confirm = str(form_data.get("confirm") or "")
        self._clear()
        if len(full_name) > auth_service.MAX_FULL_NAME_LENGTH:
            self.name_error = f"Keep your name under {auth_service.MAX_FULL_NAME_LENGTH} characters."
        if not email:
            self.email_error = "Enter your email address."
        elif not auth_service.is_valid_email(email):
            self.email_error = "Enter a valid email address, like sam@example.com."
        self.password_error = passwords.validate_password(password, email) or ""
        if not self.password_error and confirm != password:
            self.confirm_error = "The passwords don't match."
        if self.name_error or self.email_error or self.password_error or self.confirm_error:
            return

        self.loading = True
        yield
        user_agent = self.router.headers.user_agent
        try:
            registered = await accounts.register(
                email=email, password=password, full_name=full_name, user_agent=user_agent
            )
        except auth_service.AuthError as exc:
            target = FIELD_FOR_CODE.get(exc.code)
            if target == "email":
                self.email_error = exc.message
            elif target == "password":
                self.password_error = exc.message
            elif target == "name":
                self.name_error = exc.message
            else:
                self.form_error = exc.message
            self.loading = False
            return
        self.loading = False
        if registered is None:  # Supabase Auth wants the address confirmed first
            self.notice = supabase_auth.CONFIRMATION_SENT
            return
        user, token = registered
        await sign_in(self, user, token)
        yield rx.redirect(routes.safe_next(self.router.url.query_parameters.get("next")), replace=True)
        yield rx.toast.success(f"Welcome aboard{', ' + full_name.split()[0] if full_name else ''}!")


def register_form() -> rx.Component:
    """The sign-up card."""
    return auth_card(
        form_error(RegisterState.form_error),
        rx.cond(
            RegisterState.notice != "",
            rx.callout(RegisterState.notice, icon="mail", color_scheme="teal", size="1", width="100%", role="status"),
        ),
        field(
            "Your name",
            rx.input(
                name="full_name",
                placeholder="Sam Traveller",
                auto_complete="name",
                size="3",
                width="100%",
                max_length=120,
                auto_focus=True,
            ),
            RegisterState.name_error,
        ),
        field("Email", email_input(), RegisterState.email_error),
        field(
            "Password",
            password_input("password", new=True),
            RegisterState.password_error,
            hint=f"At least {passwords.MIN_LENGTH} characters. A short phrase works well.",
        ),
        field("Confirm password", password_input("confirm", new=True), RegisterState.confirm_error),
        title="Create your account",
        subtitle="Trips, money and your travelling community in one place.",
        submit_label="Create account",
        loading=RegisterState.loading,
        on_submit=RegisterState.submit,
        switch_prompt="Already have an account?",
        switch_label="Sign in",
        switch_href=RegisterState.login_href,
    )


@auth_page(routes.REGISTER, "Create account")
def register() -> rx.Component:
    """The sign-up page."""
    return register_form()

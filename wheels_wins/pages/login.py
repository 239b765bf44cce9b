"""Sign in: email and password, a generic message on bad credentials, slowed down after repeated failures."""

from __future__ import annotations

import asyncio
from typing import Any

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import auth_page, field, form_error
from wheels_wins.components.auth_form import auth_card, email_input, password_input
from wheels_wins.services import accounts, rate_limits, throttle
from wheels_wins.services import auth as auth_service
from wheels_wins.state.auth import sign_in


class LoginState(rx.State):
    """The sign-in form's messages; the password never lands in a state var."""

    email_error: str = ""
    password_error: str = ""
    form_error: str = ""
    notice: str = ""
    loading: bool = False

    @rx.var
    def register_href(self) -> str:
        """Sign-up link that keeps the page to come back to."""
        return routes.register_url(self.router.url.query_parameters.get("next"))

    @rx.event
    async def submit(self, form_data: dict[str, Any]):
        """Check the credentials; on success keep the token in the browser and go back where the user was."""
        email = auth_service.normalise_email(str(form_data.get("email") or ""))
        password = str(form_data.get("password") or "")
        self.email_error = "" if email else "Enter your email address."
        if email and not auth_service.is_valid_email(email):
            self.email_error = "Enter a valid email address, like sam@example.com."
        self.password_error = "" if password else "Enter your password."
        self.form_error = ""
        if self.email_error or self.password_error:
            return

        self.loading = True
        yield
        ip = self.router.session.client_ip
        wait = await rate_limits.retry_after_for_address(rate_limits.LOGIN_ATTEMPTS, ip)
        if wait > 0:
            self.form_error = f"Too many sign-in attempts — try again in {rate_limits.retry_after_header(wait)} s."
            self.loading = False
            return
        delay = await throttle.login_delay(email, ip)
        if delay > 0:
            self.notice = f"Too many failed attempts, so we're slowing down: checking in {delay:.0f} s…"
            yield
            await asyncio.sleep(delay)
        user_agent = self.router.headers.user_agent
        try:
            user, token = await accounts.login(email=email, password=password, user_agent=user_agent)
        except auth_service.AuthError as exc:
            if exc.status == 401:  # only wrong credentials count; Supabase being down is nobody's failed attempt
                await throttle.login_failed(email, ip)
            self.form_error = auth_service.INVALID_CREDENTIALS if exc.status == 401 else exc.message
            self.loading = False
            self.notice = ""
            return
        await throttle.login_succeeded(email, ip)
        await sign_in(self, user, token)
        self.loading = False
        self.notice = ""
        yield rx.redirect(routes.safe_next(self.router.url.query_parameters.get("next")), replace=True)


def login_form() -> rx.Component:
    """The sign-in card."""
    return auth_card(
        form_error(LoginState.form_error),
        rx.cond(
            LoginState.notice != "",
            rx.callout(LoginState.notice, icon="clock", color_scheme="amber", size="1", width="100%", role="status"),
        ),
        field("Email", email_input(auto_focus=True), LoginState.email_error),
        field("Password", password_input("password", new=False), LoginState.password_error),
        title="Welcome back",
        subtitle="Sign in to pick up where you left off.",
        submit_label="Sign in",
        loading=LoginState.loading,
        on_submit=LoginState.submit,
        switch_prompt="New to Wheels & Wins?",
        switch_label="Create an account",
        switch_href=LoginState.register_href,
    )


@auth_page(routes.LOGIN, "Sign in")
def login() -> rx.Component:
    """The sign-in page."""
    return login_form()

"""Sign in: email and password, a generic message on bad credentials, slowed down after repeated failures."""

from __future__ import annotations

import asyncio
from typing import Any

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import auth_page, field, form_error
from wheels_wins.services import auth as auth_service
from wheels_wins.services.throttle import login_throttle
from wheels_wins.state.auth import run_in_session, sign_in


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
        keys = (f"{email}|{self.router.session.client_ip}", email)
        delay = max(login_throttle.delay_for(key) for key in keys)
        if delay > 0:
            self.notice = f"Too many failed attempts, so we're slowing down: checking in {delay:.0f} s…"
            yield
            await asyncio.sleep(delay)
        user_agent = self.router.headers.user_agent
        try:
            user, token = await run_in_session(
                lambda session: auth_service.login(session, email=email, password=password, user_agent=user_agent)
            )
        except auth_service.AuthError as exc:
            for key in keys:
                login_throttle.record_failure(key)
            self.form_error = auth_service.INVALID_CREDENTIALS if exc.status == 401 else exc.message
            self.loading = False
            self.notice = ""
            return
        for key in keys:
            login_throttle.reset(key)
        await sign_in(self, user, token)
        self.loading = False
        self.notice = ""
        yield rx.redirect(routes.safe_next(self.router.url.query_parameters.get("next")), replace=True)


def login_form() -> rx.Component:
    """The sign-in card."""
    return rx.vstack(
        rx.vstack(
            rx.heading("Welcome back", size="7", letter_spacing="-0.02em"),
            rx.text("Sign in to pick up where you left off.", size="3", color=rx.color("gray", 11)),
            spacing="1",
        ),
        rx.form(
            rx.vstack(
                form_error(LoginState.form_error),
                rx.cond(
                    LoginState.notice != "",
                    rx.callout(
                        LoginState.notice, icon="clock", color_scheme="amber", size="1", width="100%", role="status"
                    ),
                ),
                field(
                    "Email",
                    rx.input(
                        name="email",
                        type="email",
                        placeholder="you@example.com",
                        auto_complete="email",
                        size="3",
                        width="100%",
                        auto_focus=True,
                        max_length=254,
                    ),
                    LoginState.email_error,
                ),
                field(
                    "Password",
                    rx.input(
                        name="password",
                        type="password",
                        auto_complete="current-password",
                        size="3",
                        width="100%",
                        max_length=128,
                    ),
                    LoginState.password_error,
                ),
                rx.button(
                    "Sign in",
                    type="submit",
                    size="3",
                    width="100%",
                    loading=LoginState.loading,
                    margin_top="var(--space-2)",
                ),
                spacing="4",
                width="100%",
            ),
            on_submit=LoginState.submit,
            reset_on_submit=False,
            width="100%",
            no_validate=True,
        ),
        rx.hstack(
            rx.text("New to Wheels & Wins?", size="2", color=rx.color("gray", 11)),
            rx.link("Create an account", href=LoginState.register_href, size="2", weight="medium"),
            spacing="1",
            justify="center",
            width="100%",
        ),
        spacing="6",
        width="100%",
    )


@auth_page(routes.LOGIN, "Sign in")
def login() -> rx.Component:
    """The sign-in page."""
    return login_form()

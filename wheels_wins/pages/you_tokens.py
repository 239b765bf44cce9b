"""Access tokens on the You page: create one (shown once), see when each was last used, revoke one.

The new token reaches the browser once, in `new_token`, for the reveal dialog; closing the dialog
forgets it. Lists carry only a token's first characters.
"""

from __future__ import annotations

import dataclasses
from typing import Any

import reflex as rx

from wheels_wins.components import empty_state, field, form_error, loading_block, section_card
from wheels_wins.components.format import ago_label, day_label
from wheels_wins.db import parse_uuid, utcnow
from wheels_wins.models import User
from wheels_wins.services import access_tokens
from wheels_wins.services.money import zone
from wheels_wins.state.auth import current_user, run_in_session

SCOPE_LABELS = {"read": "Read only", "write": "Read and write"}


@dataclasses.dataclass
class TokenRow:
    """One live token as listed."""

    id: str
    name: str
    scope: str
    scope_label: str
    prefix: str
    created: str
    last_used: str


class TokensState(rx.State):
    """The token list, the create dialog, the one-time reveal and the revoke confirmation."""

    loaded: bool = False
    rows: rx.Field[list[TokenRow]] = rx.field(default_factory=list)
    create_open: bool = False
    create_key: int = 0
    name_error: str = ""
    form_error: str = ""
    creating: bool = False
    new_token: str = ""
    new_token_name: str = ""
    revoke_id: str = ""
    revoke_name: str = ""

    @rx.event
    async def load(self):
        """The signed-in user's live tokens, newest first (a token shown before is not shown again)."""
        user = await current_user(self)
        if user is None:
            return
        self.new_token = self.new_token_name = ""
        await self._refresh(user)

    async def _refresh(self, user: User) -> None:
        rows = await run_in_session(lambda session: access_tokens.list_tokens(session, user_id=user.id))
        now = utcnow().astimezone(zone(user.timezone))
        self.rows = [
            TokenRow(
                id=str(row.id),
                name=row.name,
                scope=row.scope,
                scope_label=SCOPE_LABELS.get(row.scope, row.scope),
                prefix=f"{row.prefix}…",
                created=day_label(row.created_at.astimezone(now.tzinfo).date(), now.date()),
                last_used=ago_label(row.last_used_at, now) if row.last_used_at else "never",
            )
            for row in rows
        ]
        self.loaded = True

    @rx.event
    def open_create(self):
        """Start a new token."""
        self.name_error = self.form_error = ""
        self.create_key += 1
        self.create_open = True

    @rx.event
    def set_create_open(self, is_open: bool):
        """Close the create dialog."""
        self.create_open = is_open

    @rx.event
    async def create(self, form: dict[str, Any]):
        """Create the token and show it once."""
        name, scope = str(form.get("name", "")), str(form.get("scope", "read"))
        try:
            access_tokens.validate(name, scope)
        except access_tokens.TokenError as error:
            self.name_error = error.message if error.field == "name" else ""
            self.form_error = error.message if error.field != "name" else ""
            return
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to create a token."
            return
        self.creating, self.name_error, self.form_error = True, "", ""
        yield
        try:
            row, token = await run_in_session(
                lambda session: access_tokens.create(session, user_id=user.id, name=name, scope=scope)
            )
        except access_tokens.TokenError as error:
            self.creating = False
            self.form_error = error.message
            return
        self.creating = False
        self.create_open = False
        self.new_token, self.new_token_name = token, row.name
        await self._refresh(user)

    @rx.event
    def close_reveal(self, is_open: bool = False):
        """Forget the new token once its dialog closes."""
        if not is_open:
            self.new_token = self.new_token_name = ""

    @rx.event
    def ask_revoke(self, token_id: str, name: str):
        """Ask before revoking a token."""
        self.revoke_id, self.revoke_name = token_id, name

    @rx.event
    def set_revoke_open(self, is_open: bool):
        """Close the revoke confirmation."""
        if not is_open:
            self.revoke_id = self.revoke_name = ""

    @rx.event
    async def revoke(self):
        """Revoke the token asked about; requests with it fail from now on."""
        user = await current_user(self)
        token_id, name = parse_uuid(self.revoke_id), self.revoke_name
        self.revoke_id = self.revoke_name = ""
        if user is None or token_id is None:
            return
        revoked = await run_in_session(
            lambda session: access_tokens.revoke(session, user_id=user.id, token_id=token_id)
        )
        await self._refresh(user)
        if revoked:
            return rx.toast.success(f"Revoked “{name}”. Apps using it can no longer sign in with it.")


def _scope_badge(row: TokenRow) -> rx.Component:
    return rx.badge(
        row.scope_label, color_scheme=rx.cond(row.scope == "write", "amber", "gray"), variant="soft", size="1"
    )


def _token_row(row: TokenRow) -> rx.Component:
    return rx.hstack(
        rx.vstack(
            rx.hstack(
                rx.text(row.name, size="3", weight="medium", class_name="token-name"),
                _scope_badge(row),
                spacing="2",
                align="center",
                wrap="wrap",
            ),
            rx.hstack(
                rx.code(row.prefix, variant="ghost", size="1"),
                rx.text("Created ", row.created, size="1", color=rx.color("gray", 11)),
                rx.text("Last used ", row.last_used, size="1", color=rx.color("gray", 11)),
                spacing="3",
                align="center",
                wrap="wrap",
            ),
            spacing="1",
            min_width="0",
            flex="1",
        ),
        rx.button(
            "Revoke",
            on_click=TokensState.ask_revoke(row.id, row.name),
            variant="soft",
            color_scheme="red",
            size="2",
            aria_label="Revoke " + row.name,
        ),
        align="center",
        spacing="3",
        width="100%",
        padding_y="var(--space-3)",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        class_name="token-row",
    )


def _create_dialog() -> rx.Component:
    s = TokensState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("New access token"),
            rx.dialog.description(
                "For apps and scripts that use the Wheels & Wins API. Give it a name so you recognise it later.",
                size="2",
                color=rx.color("gray", 11),
                margin_bottom="var(--space-4)",
            ),
            rx.form(
                rx.vstack(
                    form_error(s.form_error),
                    field(
                        "Name",
                        rx.input(
                            name="name",
                            placeholder="Home Assistant",
                            size="3",
                            width="100%",
                            max_length=access_tokens.MAX_NAME_LENGTH,
                            auto_focus=True,
                        ),
                        s.name_error,
                    ),
                    rx.vstack(
                        rx.text("Access", size="2", weight="medium"),
                        rx.radio_group.root(
                            rx.vstack(
                                rx.radio_group.item("Read only: can look, can't change anything", value="read"),
                                rx.radio_group.item("Read and write: can also add, change and delete", value="write"),
                                spacing="2",
                            ),
                            name="scope",
                            default_value="read",
                            size="2",
                        ),
                        rx.text(
                            "Tokens can never change your password, manage tokens or delete your account.",
                            size="1",
                            color=rx.color("gray", 10),
                        ),
                        spacing="2",
                        width="100%",
                    ),
                    rx.hstack(
                        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                        rx.button("Create token", type="submit", loading=s.creating),
                        justify="end",
                        spacing="2",
                        width="100%",
                    ),
                    spacing="4",
                ),
                on_submit=s.create,
                reset_on_submit=False,
                no_validate=True,
                key=s.create_key,
            ),
            max_width="460px",
        ),
        open=s.create_open,
        on_open_change=s.set_create_open,
    )


def _reveal_dialog() -> rx.Component:
    s = TokensState
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Copy your new token"),
            rx.vstack(
                rx.callout(
                    "You won't see this token again. Copy it now and keep it somewhere safe.",
                    icon="triangle_alert",
                    color_scheme="amber",
                    size="1",
                    width="100%",
                ),
                rx.text("Token for ", rx.text.strong(s.new_token_name), size="2"),
                rx.hstack(
                    rx.code(
                        s.new_token,
                        id="new-token",
                        size="2",
                        variant="soft",
                        word_break="break-all",
                        padding="var(--space-2)",
                        flex="1",
                        min_width="0",
                    ),
                    rx.button(
                        rx.icon("copy", size=16),
                        "Copy",
                        on_click=[rx.set_clipboard(s.new_token), rx.toast.success("Token copied.")],
                        size="2",
                        type="button",
                    ),
                    align="center",
                    spacing="2",
                    width="100%",
                ),
                rx.text(
                    "Send it as ",
                    rx.code("Authorization: Bearer <token>"),
                    " to ",
                    rx.code("/api/v1/…"),
                    ".",
                    size="1",
                    color=rx.color("gray", 11),
                ),
                rx.hstack(
                    rx.dialog.close(rx.button("Done", type="button")),
                    justify="end",
                    width="100%",
                ),
                spacing="3",
                width="100%",
            ),
            max_width="520px",
        ),
        open=s.new_token != "",
        on_open_change=s.close_reveal,
    )


def _revoke_dialog() -> rx.Component:
    s = TokensState
    return rx.alert_dialog.root(
        rx.alert_dialog.content(
            rx.alert_dialog.title("Revoke this token?"),
            rx.alert_dialog.description(
                "Apps using “", s.revoke_name, "” will stop working at once. This can't be undone.", size="2"
            ),
            rx.hstack(
                rx.alert_dialog.cancel(rx.button("Keep it", variant="soft", color_scheme="gray")),
                rx.alert_dialog.action(rx.button("Revoke token", color_scheme="red", on_click=s.revoke)),
                justify="end",
                spacing="2",
                margin_top="var(--space-4)",
            ),
            max_width="420px",
        ),
        open=s.revoke_id != "",
        on_open_change=s.set_revoke_open,
    )


def tokens_card() -> rx.Component:
    """The "Access tokens" card with its dialogs."""
    return section_card(
        "key_square",
        "Access tokens",
        rx.vstack(
            rx.hstack(
                rx.text(
                    "Let other apps use your data through the API. Each token works until you revoke it.",
                    size="2",
                    color=rx.color("gray", 11),
                    flex="1",
                    min_width="14em",
                ),
                rx.button(rx.icon("plus", size=16), "New token", on_click=TokensState.open_create, size="2"),
                align="center",
                justify="between",
                wrap="wrap",
                spacing="3",
                width="100%",
            ),
            rx.cond(
                TokensState.loaded,
                rx.cond(
                    TokensState.rows.length() > 0,
                    rx.vstack(rx.foreach(TokensState.rows, _token_row), spacing="0", width="100%"),
                    empty_state(
                        "key_square", "No access tokens", "Create one when an app asks for a Wheels & Wins token."
                    ),
                ),
                loading_block(2),
            ),
            spacing="3",
            width="100%",
            on_mount=TokensState.load,
        ),
        _create_dialog(),
        _reveal_dialog(),
        _revoke_dialog(),
        id="access-tokens",
    )

"""You: the profile (name, photo) and preferences (currency, units, time zone, PAM's voice), saved to the account."""

from __future__ import annotations

from zoneinfo import available_timezones

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import field, form_error, loading_block, page_header, section_card
from wheels_wins.components.layout import app_page
from wheels_wins.pages.you_account import danger_card, data_card
from wheels_wins.pages.you_notification_choices import YouNotifyState, notification_choices_card
from wheels_wins.pages.you_password import password_card
from wheels_wins.pages.you_photo import photo_editor
from wheels_wins.pages.you_tokens import tokens_card
from wheels_wins.pages.you_vehicle import YouVehicleState, vehicle_card
from wheels_wins.repositories import users as user_repo
from wheels_wins.services.auth import MAX_FULL_NAME_LENGTH
from wheels_wins.state.auth import AuthState, current_user, current_user_id, refresh_user, run_in_session

CURRENCIES: tuple[tuple[str, str], ...] = (
    ("AUD", "Australian dollar (AUD)"),
    ("NZD", "New Zealand dollar (NZD)"),
    ("USD", "US dollar (USD)"),
    ("CAD", "Canadian dollar (CAD)"),
    ("GBP", "British pound (GBP)"),
    ("EUR", "Euro (EUR)"),
)
UNITS: tuple[tuple[str, str], ...] = (("metric", "Metric (km, litres)"), ("imperial", "Imperial (miles, gallons)"))
TIMEZONES: tuple[str, ...] = (
    "Australia/Perth",
    "Australia/Darwin",
    "Australia/Adelaide",
    "Australia/Brisbane",
    "Australia/Sydney",
    "Australia/Melbourne",
    "Australia/Hobart",
    "Pacific/Auckland",
    "Asia/Singapore",
    "Asia/Tokyo",
    "Europe/London",
    "Europe/Dublin",
    "Europe/Paris",
    "Europe/Berlin",
    "America/St_Johns",
    "America/Halifax",
    "America/Toronto",
    "America/New_York",
    "America/Chicago",
    "America/Denver",
    "America/Phoenix",
    "America/Vancouver",
    "America/Los_Angeles",
    "America/Anchorage",
    "Pacific/Honolulu",
    "UTC",
)


def timezone_label(name: str) -> str:
    """'Australia/Sydney' as 'Sydney (Australia)'."""
    if "/" not in name:
        return name
    region, _, city = name.partition("/")
    return f"{city.replace('_', ' ')} ({region})"


MAX_BIO_LENGTH = 500
"""The size of users.bio (and the REST schema's limit)."""
MAX_HOME_BASE_LENGTH = 120
"""The size of users.home_base."""


class YouState(rx.State):
    """The profile form; it saves only the signed-in user's own row."""

    loaded: bool = False
    full_name: str = ""
    currency: str = "AUD"
    units: str = "metric"
    timezone: str = "Australia/Sydney"
    voice_enabled: bool = True
    bio: str = ""
    home_base: str = ""
    name_error: str = ""
    form_error: str = ""
    saving: bool = False

    @rx.var
    def timezone_options(self) -> list[list[str]]:
        """[value, label] pairs, with the saved zone included even when it is not in the short list."""
        names = list(TIMEZONES) if self.timezone in TIMEZONES else [self.timezone, *TIMEZONES]
        return [[name, timezone_label(name)] for name in names]

    @rx.event
    def set_full_name(self, value: str):
        """Name as typed."""
        self.full_name = value
        self.name_error = ""

    @rx.event
    def set_bio(self, value: str):
        """A few words about you, as typed."""
        self.bio = value[:MAX_BIO_LENGTH]

    @rx.event
    def set_home_base(self, value: str):
        """Home base as typed."""
        self.home_base = value[:MAX_HOME_BASE_LENGTH]

    @rx.event
    def set_currency(self, value: str):
        """Currency picked."""
        self.currency = value

    @rx.event
    def set_units(self, value: str | list[str]):
        """Units picked (the segmented control sends a single value)."""
        self.units = value if isinstance(value, str) else (value[0] if value else self.units)

    @rx.event
    def set_timezone(self, value: str):
        """Time zone picked."""
        self.timezone = value

    @rx.event
    def set_voice_enabled(self, value: bool):
        """PAM voice switched on or off."""
        self.voice_enabled = bool(value)

    @rx.event
    async def load(self):
        """Fill the form from the saved profile."""
        user = await current_user(self)
        if user is None:
            return
        self.full_name = user.full_name
        self.currency = user.currency
        self.units = user.units
        self.timezone = user.timezone
        self.voice_enabled = user.voice_enabled
        self.bio = user.bio
        self.home_base = user.home_base
        self.name_error = self.form_error = ""
        self.loaded = True

    @rx.event
    async def save(self):
        """Check and save the profile and preferences."""
        name = self.full_name.strip()
        self.name_error = (
            f"Keep your name under {MAX_FULL_NAME_LENGTH} characters." if len(name) > MAX_FULL_NAME_LENGTH else ""
        )
        self.form_error = ""
        if self.currency not in dict(CURRENCIES) or self.units not in dict(UNITS):
            self.form_error = "Choose a currency and units from the lists."
        elif self.timezone not in available_timezones():
            self.form_error = "Choose a time zone from the list."
        if self.name_error or self.form_error:
            return
        user_id = await current_user_id(self)
        if user_id is None:
            self.form_error = "Your session has ended. Sign in again to save."
            return
        self.saving = True
        yield
        changes = {
            "full_name": name,
            "currency": self.currency,
            "units": self.units,
            "timezone": self.timezone,
            "voice_enabled": self.voice_enabled,
            "bio": self.bio.strip()[:MAX_BIO_LENGTH],
            "home_base": self.home_base.strip()[:MAX_HOME_BASE_LENGTH],
        }
        updated = await run_in_session(lambda session: user_repo.update_profile(session, user_id=user_id, **changes))
        self.saving = False
        if updated is None:
            self.form_error = "We couldn't find your account. Sign in again."
            return
        self.full_name = updated.full_name
        await refresh_user(self, updated)
        yield rx.toast.success("Saved. Everything now shows in your preferences.")


def _select(
    options: list[tuple[str, str]] | rx.Var, value: rx.Var[str], on_change: rx.EventHandler, label: str
) -> rx.Component:
    items = (
        rx.foreach(options, lambda pair: rx.select.item(pair[1], value=pair[0]))
        if isinstance(options, rx.Var)
        else [rx.select.item(text, value=key) for key, text in options]
    )
    return rx.select.root(
        rx.select.trigger(width="100%", aria_label=label),
        rx.select.content(*(items if isinstance(items, list) else [items])),
        value=value,
        on_change=on_change,
        size="3",
    )


def _profile_card() -> rx.Component:
    return section_card(
        "user",
        "Profile",
        rx.vstack(
            photo_editor(),
            field(
                "Your name",
                rx.input(
                    value=YouState.full_name,
                    on_change=YouState.set_full_name,
                    placeholder="Sam Traveller",
                    size="3",
                    width="100%",
                    max_length=MAX_FULL_NAME_LENGTH,
                    auto_complete="name",
                ),
                YouState.name_error,
                hint="Shown on your posts in Social.",
            ),
            field(
                "Home base",
                rx.input(
                    value=YouState.home_base,
                    on_change=YouState.set_home_base,
                    placeholder="Where you return to, e.g. Bendigo, VIC",
                    size="3",
                    width="100%",
                    max_length=MAX_HOME_BASE_LENGTH,
                ),
                hint="Places are measured from here when there is no trip or location to go by.",
            ),
            field(
                "About you",
                rx.text_area(
                    value=YouState.bio,
                    on_change=YouState.set_bio,
                    placeholder="Full-timer in a 21 ft van with a kelpie called Red.",
                    size="3",
                    width="100%",
                    rows="3",
                    max_length=MAX_BIO_LENGTH,
                ),
                hint=(MAX_BIO_LENGTH - YouState.bio.length()).to_string() + " characters left",
            ),
            spacing="4",
            width="100%",
        ),
    )


def _preferences_card() -> rx.Component:
    return section_card(
        "settings",
        "Preferences",
        rx.grid(
            field(
                "Currency",
                _select(list(CURRENCIES), YouState.currency, YouState.set_currency, "Currency"),
                hint="Used for every amount in the app.",
            ),
            field(
                "Units",
                rx.segmented_control.root(
                    *[rx.segmented_control.item(text.split(" ")[0], value=key) for key, text in UNITS],
                    value=YouState.units,
                    on_change=YouState.set_units,
                    size="3",
                    width="100%",
                ),
                hint=rx.cond(YouState.units == "metric", "Kilometres and litres.", "Miles and gallons."),
            ),
            field(
                "Time zone",
                _select(YouState.timezone_options, YouState.timezone, YouState.set_timezone, "Time zone"),
                hint="Decides what 'today' and 'this month' mean.",
            ),
            field(
                "PAM voice",
                rx.hstack(
                    rx.switch(
                        checked=YouState.voice_enabled,
                        on_change=YouState.set_voice_enabled,
                        size="3",
                        aria_label="PAM voice",
                    ),
                    rx.text(rx.cond(YouState.voice_enabled, "Spoken replies on", "Spoken replies off"), size="3"),
                    spacing="3",
                    align="center",
                    min_height="var(--space-7)",
                ),
                hint="PAM reads replies aloud when you talk to it.",
            ),
            grid_template_columns="repeat(auto-fit, minmax(min(100%, 220px), 1fr))",
            gap="var(--space-4)",
            width="100%",
            align_items="start",
        ),
    )


def _account_card() -> rx.Component:
    return section_card(
        "lock",
        "Account",
        rx.hstack(
            rx.text("Signed in as ", rx.text.strong(AuthState.user_email), size="2", color=rx.color("gray", 11)),
            rx.button(
                rx.icon("log_out", size=16),
                "Sign out",
                on_click=AuthState.logout,
                variant="soft",
                color_scheme="red",
                size="2",
            ),
            justify="between",
            align="center",
            wrap="wrap",
            spacing="3",
            width="100%",
        ),
    )


@app_page(routes.YOU, "You", on_load=[YouState.load, YouVehicleState.load, YouNotifyState.load])
def you() -> rx.Component:
    """Profile and preferences."""
    return rx.vstack(
        page_header("You", "Your profile and how the app shows things."),
        rx.cond(
            YouState.loaded,
            rx.form(
                rx.vstack(
                    _profile_card(),
                    _preferences_card(),
                    form_error(YouState.form_error),
                    rx.hstack(
                        rx.button(
                            rx.icon("check", size=16), "Save changes", type="submit", size="3", loading=YouState.saving
                        ),
                        justify="end",
                        width="100%",
                    ),
                    spacing="4",
                    width="100%",
                ),
                on_submit=YouState.save,
                reset_on_submit=False,
                width="100%",
            ),
            rx.card(loading_block(5), width="100%"),
        ),
        vehicle_card(),
        notification_choices_card(),
        password_card(),
        tokens_card(),
        data_card(),
        _account_card(),
        danger_card(),
        spacing="4",
        width="100%",
        max_width="760px",
    )

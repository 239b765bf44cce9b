"""You › notifications: which kinds the user gets, each switch saved as soon as it flips."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import section_card
from wheels_wins.repositories import users as users_repo
from wheels_wins.state.auth import current_user, run_in_session

CHOICES: tuple[tuple[str, str, str], ...] = (
    ("budget", "Budget alerts", "When spending in a category nears or passes its monthly budget."),
    ("maintenance", "Maintenance due", "When a service on your schedule is due soon or overdue."),
    ("comments", "Comments on my posts", "When someone replies to something you posted in Social."),
    ("likes", "Likes on my posts", "When someone likes something you posted in Social."),
)


class YouNotifyState(rx.State):
    """The signed-in user's notification choices."""

    loaded: bool = False
    budget: bool = True
    maintenance: bool = True
    comments: bool = True
    likes: bool = True

    @rx.event
    async def load(self):
        """Read the saved choices."""
        user = await current_user(self)
        if user is None:
            return
        for name, value in users_repo.notification_choices(user).items():
            setattr(self, name, value)
        self.loaded = True

    @rx.event
    async def set_choice(self, name: str, value: bool):
        """Switch one kind on or off and save it at once."""
        labels = {key: label for key, label, _ in CHOICES}
        user = await current_user(self)
        if user is None or name not in labels:
            return
        on = bool(value)
        updated = await run_in_session(lambda s: users_repo.set_notification_choices(s, user_id=user.id, **{name: on}))
        if updated is None:
            return
        setattr(self, name, on)
        yield rx.toast.success(f"{labels[name]}: {'on' if on else 'off'}.")


def _switch(name: str, label: str, hint: str) -> rx.Component:
    checked = getattr(YouNotifyState, name)
    return rx.hstack(
        rx.vstack(
            rx.text(label, size="3", weight="medium"),
            rx.text(hint, size="2", color=rx.color("gray", 11)),
            spacing="0",
            min_width="0",
        ),
        rx.switch(
            checked=checked,
            on_change=lambda value: YouNotifyState.set_choice(name, value),
            size="3",
            aria_label=label,
            flex_shrink="0",
        ),
        justify="between",
        align="center",
        spacing="4",
        width="100%",
    )


def notification_choices_card() -> rx.Component:
    """A switch per notification kind; the notifications page is linked from the card's title."""
    return section_card(
        "bell",
        "Notifications",
        rx.vstack(
            *[_switch(name, label, hint) for name, label, hint in CHOICES],
            rx.text(
                "Turned-off kinds aren't created at all, so they never reach the bell.",
                size="1",
                color=rx.color("gray", 10),
            ),
            spacing="4",
            width="100%",
        ),
        link=routes.NOTIFICATIONS,
        link_label="See all",
    )

"""You › profile photo: upload (cleaned, cropped square, 512 px), replace or remove; shown everywhere at once."""

from __future__ import annotations

import asyncio
from typing import Any

import reflex as rx

from wheels_wins.components.avatar import avatar
from wheels_wins.components.forms import form_error
from wheels_wins.components.photo_picker import photo_picker
from wheels_wins.repositories import users as users_repo
from wheels_wins.services import avatars, photos
from wheels_wins.state.auth import AuthState, current_user, refresh_user, run_in_session

UPLOAD_ID = "avatar_photo"
PHOTO_HINT = f"JPEG, PNG or WebP, up to {photos.MAX_PHOTO_BYTES // (1024 * 1024)} MB; cropped square."


class YouPhotoState(rx.State):
    """Setting or removing the signed-in user's own profile photo."""

    busy: bool = False
    error: str = ""

    @rx.event
    async def upload(self, files: list[rx.UploadFile]):
        """Check, crop and store the chosen photo, then make it the profile photo (the old file goes after)."""
        user = await current_user(self)
        if user is None or not files:
            return
        self.busy, self.error = True, ""
        yield
        data = await files[0].read(photos.MAX_PHOTO_BYTES + 1)
        try:
            clean = await asyncio.to_thread(avatars.prepare, data)
        except photos.PhotoError as problem:
            self.busy, self.error = False, problem.message[:1].upper() + problem.message[1:]
            return
        stored = await asyncio.to_thread(avatars.store, clean)
        try:
            changed = await run_in_session(lambda s: users_repo.set_avatar(s, user_id=user.id, avatar_path=stored))
        except Exception:
            avatars.remove(stored)
            raise
        self.busy = False
        if changed is None:
            avatars.remove(stored)
            return
        updated, previous = changed
        avatars.remove(previous)  # only now: the change has committed
        await refresh_user(self, updated)
        yield rx.toast.success("Profile photo saved.")

    @rx.event
    async def rejected(self, files: list[dict[str, Any]]):
        """The browser refused the file (type or size) before sending it."""
        if await current_user(self) is None:
            return
        self.error = f"That file can't be used: photos can be {PHOTO_HINT[:-1]}"

    @rx.event
    async def remove(self):
        """Go back to initials."""
        user = await current_user(self)
        if user is None:
            return
        changed = await run_in_session(lambda s: users_repo.set_avatar(s, user_id=user.id, avatar_path=None))
        if changed is None:
            return
        updated, previous = changed
        avatars.remove(previous)
        self.error = ""
        await refresh_user(self, updated)
        yield rx.toast.success("Profile photo removed.")


def photo_editor() -> rx.Component:
    """The profile photo (or initials) beside the name, with Add/Change and Remove."""
    has_photo = AuthState.avatar_url != ""
    return rx.hstack(
        rx.box(avatar(AuthState.avatar_url, AuthState.initials, "7"), id="you-avatar", flex_shrink="0"),
        rx.vstack(
            rx.text(AuthState.display_name, size="4", weight="bold"),
            rx.text(AuthState.user_email, size="2", color=rx.color("gray", 11), word_break="break-all"),
            rx.hstack(
                photo_picker(
                    rx.button(
                        rx.icon("camera", size=16),
                        rx.cond(has_photo, "Change photo", "Add photo"),
                        variant="soft",
                        size="2",
                        type="button",
                        loading=YouPhotoState.busy,
                    ),
                    upload_id=UPLOAD_ID,
                    on_drop=YouPhotoState.upload(rx.upload_files(upload_id=UPLOAD_ID)),
                    on_drop_rejected=YouPhotoState.rejected,
                    aria_label="Profile photo",
                ),
                rx.cond(
                    has_photo,
                    rx.button(
                        rx.icon("trash-2", size=16),
                        "Remove",
                        on_click=YouPhotoState.remove,
                        variant="ghost",
                        color_scheme="red",
                        size="2",
                        type="button",
                    ),
                ),
                spacing="3",
                align="center",
                wrap="wrap",
                padding_top="4px",
            ),
            rx.text(PHOTO_HINT, size="1", color=rx.color("gray", 10)),
            form_error(YouPhotoState.error),
            spacing="1",
            min_width="0",
        ),
        spacing="4",
        align="center",
        width="100%",
    )

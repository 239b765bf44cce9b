"""A person's round avatar: their profile photo through its signed URL, or their initials."""

from __future__ import annotations

from typing import Literal

import reflex as rx

from wheels_wins.components.backend import BACKEND_ORIGIN

Size = Literal["1", "2", "3", "4", "5", "6", "7", "8", "9"]


def photo_src(photo_url: str | rx.Var[str]) -> str | rx.Var[str]:
    """The `src` for a signed photo URL (from services.avatars.avatar_url); "" stays "" (initials show)."""
    if isinstance(photo_url, str):
        return BACKEND_ORIGIN + photo_url if photo_url else ""
    return rx.cond(photo_url != "", BACKEND_ORIGIN + photo_url, "")


def avatar(photo_url: str | rx.Var[str], initials: str | rx.Var[str], size: Size = "2", **props) -> rx.Component:
    """The photo when there is one, else the initials (also while the photo loads or if it fails)."""
    return rx.avatar(
        src=photo_src(photo_url),
        fallback=initials,
        size=size,
        radius="full",
        variant="soft",
        alt="Profile photo",
        flex_shrink="0",
        **props,
    )

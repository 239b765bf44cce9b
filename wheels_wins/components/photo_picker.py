"""Choosing one photo to upload: a button that opens the file picker for the types the server accepts."""

from __future__ import annotations

from typing import Any

import reflex as rx

from wheels_wins.services import photos

ACCEPT = {"image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"], "image/webp": [".webp"]}
"""What the picker offers; the server still checks every file by its bytes (`photos.clean`)."""


def photo_picker(
    button: rx.Component, *, upload_id: str, on_drop: Any, on_drop_rejected: Any, aria_label: str
) -> rx.Component:
    """One photo at most, of an accepted type and size; `on_drop` receives the upload, `on_drop_rejected` the rest."""
    return rx.upload.root(
        button,
        id=upload_id,
        accept=ACCEPT,
        max_files=1,
        multiple=False,
        max_size=photos.MAX_PHOTO_BYTES,
        no_drag=True,
        on_drop=on_drop,
        on_drop_rejected=on_drop_rejected,
        aria_label=aria_label,
    )

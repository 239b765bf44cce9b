"""Money shown as text the server already formatted in the user's currency."""

from __future__ import annotations

from typing import Any

import reflex as rx


def money_text(value: rx.Var[str] | str, **props: Any) -> rx.Component:
    """A pre-formatted amount with even-width digits so columns line up."""
    props.setdefault("weight", "medium")
    return rx.text(value, font_variant_numeric="tabular-nums", white_space="nowrap", **props)

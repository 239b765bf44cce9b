"""Social: the community feed. Post text is always shown as text, never HTML."""

from __future__ import annotations

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import page_header
from wheels_wins.components.layout import app_page
from wheels_wins.pages.social.composer_view import composer
from wheels_wins.pages.social.feed import FeedState
from wheels_wins.pages.social.feed_view import feed

__all__ = ["FeedState", "social"]


@app_page(routes.SOCIAL, "Social", on_load=FeedState.load, refresh_on=("posts",))
def social() -> rx.Component:
    """Community: write a post, then the feed."""
    return rx.vstack(
        page_header("Social", "News, tips and questions from fellow travellers."),
        rx.box(
            rx.vstack(composer(), feed(), spacing="4", width="100%"),
            max_width="720px",
            width="100%",
        ),
        spacing="4",
        width="100%",
    )

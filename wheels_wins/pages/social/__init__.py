"""Social: the community feed, groups and the marketplace, in tabs. User text is always shown as text."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import page_header
from wheels_wins.components.layout import app_page
from wheels_wins.pages.social.composer_view import composer
from wheels_wins.pages.social.feed import FeedState
from wheels_wins.pages.social.feed_view import feed
from wheels_wins.pages.social.groups import GroupsState
from wheels_wins.pages.social.groups_view import groups_panel
from wheels_wins.pages.social.market import MarketState
from wheels_wins.pages.social.market_view import market_panel
from wheels_wins.state.tabs import UrlTabs

__all__ = ["FeedState", "social"]

TABS: tuple[str, ...] = ("feed", "groups", "market")


class SocialTabState(UrlTabs, rx.State):
    """Which Social tab is open; `/social?tab=market` opens one directly."""

    TABS: ClassVar[tuple[str, ...]] = TABS
    tab: str = "feed"


@app_page(
    routes.SOCIAL,
    "Social",
    on_load=[SocialTabState.open_from_url, FeedState.load, GroupsState.load, MarketState.load],
    refresh_on=("posts", "groups", "listings"),
)
def social() -> rx.Component:
    """Community: the feed, groups and the marketplace."""
    return rx.vstack(
        page_header("Social", "News, tips, groups and gear from fellow travellers."),
        rx.tabs.root(
            rx.tabs.list(
                rx.tabs.trigger("Feed", value="feed"),
                rx.tabs.trigger("Groups", value="groups"),
                rx.tabs.trigger("Marketplace", value="market"),
                size="2",
            ),
            rx.tabs.content(
                rx.box(rx.vstack(composer(), feed(), spacing="4", width="100%"), max_width="720px", width="100%"),
                value="feed",
                padding_top="16px",
            ),
            rx.tabs.content(groups_panel(), value="groups", padding_top="16px"),
            rx.tabs.content(market_panel(), value="market", padding_top="16px"),
            value=SocialTabState.tab,
            on_change=SocialTabState.set_tab,
            width="100%",
        ),
        spacing="4",
        width="100%",
    )

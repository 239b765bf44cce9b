"""Tabs a page opens from its URL (`?tab=...`): the open tab lives in state, the URL can choose it."""

from __future__ import annotations

from typing import ClassVar

import reflex as rx


class UrlTabs(rx.State, mixin=True):
    """Which tab is open; a page's state sets `TABS` and the default `tab`."""

    TABS: ClassVar[tuple[str, ...]] = ()
    tab: str = ""

    @rx.event
    def set_tab(self, tab: str):
        """Open a tab."""
        if tab in self.TABS:
            self.tab = tab

    @rx.event
    def open_from_url(self):
        """Open the tab named in the URL's `tab` parameter, if any."""
        requested = self.router.page.params.get("tab", "")
        if requested in self.TABS:
            self.tab = requested

"""The Marketplace tab's state: browsing listings with search, filters, distance from the traveller, and paging.

Distances are measured from the point `services.origin` chooses (the browser's location when allowed,
else the first stop of the active trip, else the home base). Cards carry only what they show: the
seller's display name, never their id or email.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.db import parse_uuid
from wheels_wins.models import User
from wheels_wins.pages.social.market_cards import ListingCard, cards_for
from wheels_wins.pages.social.market_detail import ListingDetailState, read_card
from wheels_wins.repositories import listings as listing_repo
from wheels_wins.services import market, origin
from wheels_wins.services.units import distance_unit
from wheels_wins.state.auth import current_user, run_in_session

PAGE_SIZE = 12
MAX_QUERY = 120
RELOCATE_SECONDS = 600
AVAILABLE, EVERY_STATUS = "available", "all"


@dataclasses.dataclass
class Filters:
    """The browse filters as the page holds them (text as typed)."""

    query: str = ""
    condition: str = ""
    max_price: str = ""
    scope: str = AVAILABLE
    radius: str = ""
    sort: str = market.NEAREST
    mine: bool = False


def build_query(filters: Filters, *, user: User, point: tuple[float, float] | None) -> listing_repo.ListingQuery:
    """The repository query for the page's filters (max_price already checked)."""
    statuses = tuple(market.STATUSES) if filters.scope == EVERY_STATUS or filters.mine else (AVAILABLE,)
    return listing_repo.ListingQuery(
        text=filters.query,
        condition=filters.condition or None,
        statuses=statuses,
        max_price=market.parse_max_price(filters.max_price),
        seller_id=user.id if filters.mine else None,
        near=point,
        within_km=market.radius_km(filters.radius, user.units) if point else None,
        sort=filters.sort,
    )


def _page(
    session: Session, user: User, filters: Filters, here: origin.Origin | None, home: origin.Origin | None, after: Any
) -> tuple[str, list[ListingCard], int, Any]:
    known = origin.known_origins(session, user_id=user.id, here=here, home=home)
    key = origin.choose(known, "")
    label, point = (known[key][0], known[key][1:]) if key else ("", None)
    query = build_query(filters, user=user, point=point)
    rows, total, cursor = listing_repo.browse(session, viewer_id=user.id, query=query, limit=PAGE_SIZE, after=after)
    return label, cards_for(session, user, rows), total, cursor


class MarketState(rx.State):
    """Browsing the marketplace: filters, where distances are from, and the cards."""

    loaded: bool = False
    cards: rx.Field[list[ListingCard]] = rx.field(default_factory=list)
    total: int = 0
    has_more: bool = False
    loading_more: bool = False
    query: str = ""
    condition: str = ""
    max_price: str = ""
    max_price_error: str = ""
    scope: str = AVAILABLE
    radius: str = ""
    sort: str = market.NEAREST
    mine: bool = False
    origin_label: str = ""
    unit: str = "km"
    location: str = ""
    """The browser's answer about location: "", "granted", "prompt", "denied", "unavailable" or "unsupported"."""
    locating: bool = False

    _cursor: tuple[str, uuid.UUID] | None = None
    _here: tuple[float, float] | None = None
    _here_at: float = 0.0
    _home_for: str = ""
    _home: origin.Origin | None = None
    _opened: str = ""

    def _filters(self) -> Filters:
        return Filters(self.query, self.condition, self.max_price, self.scope, self.radius, self.sort, self.mine)

    async def _read(self, user: User, after: Any) -> tuple[str, list[ListingCard], int, Any]:
        home = user.home_base.strip()
        if home != self._home_for:
            self._home_for, self._home = home, await origin.home_origin(home)
        here = ("your location", *self._here) if self._here else None
        filters, saved_home = self._filters(), self._home
        return await run_in_session(lambda s: _page(s, user, filters, here, saved_home, after))

    @rx.event
    async def load(self):
        """Read the first page for the filters; open the listing named in the URL (`?listing=<id>`) once."""
        user = await current_user(self)
        if user is None:
            return
        self.unit = distance_unit(user.units)
        try:
            label, cards, total, cursor = await self._read(user, None)
        except ValueError:
            self.max_price_error = "Max price: type an amount such as 200, or leave it empty."
            return
        self.origin_label, self.cards, self.total, self._cursor = label, cards, total, cursor
        self.has_more, self.max_price_error = cursor is not None, ""
        first_load, self.loaded = not self.loaded, True
        events: list[Any] = []
        wanted = self.router.url.query_parameters.get("listing", "")
        if wanted and wanted != self._opened:
            self._opened = wanted
            events.append(ListingDetailState.open_listing(wanted))
        if first_load and not self.location:
            events.append(rx.call_script(origin.PERMISSION_JS, callback=MarketState.location_permission))
        elif self._here is not None and time.time() - self._here_at > RELOCATE_SECONDS:
            events.append(MarketState.locate)
        return events

    @rx.event
    async def load_more(self):
        """Append the next page."""
        user = await current_user(self)
        if user is None or self._cursor is None or self.loading_more:
            return
        self.loading_more = True
        yield
        try:
            _, cards, total, cursor = await self._read(user, self._cursor)
        finally:
            self.loading_more = False
        known = {card.id for card in self.cards}
        self.cards = [*self.cards, *(card for card in cards if card.id not in known)]
        self.total, self._cursor, self.has_more = total, cursor, cursor is not None

    @rx.event
    async def set_filter(self, name: str, value: Any):
        """Change one filter (query, condition, max_price, scope, radius, sort, mine) and read again."""
        if await current_user(self) is None:
            return
        value = value[0] if isinstance(value, list) and value else value
        text = str(value if value is not None else "")
        if name == "query":
            self.query = text[:MAX_QUERY]
        elif name == "condition":
            self.condition = text if text in market.CONDITIONS else ""
        elif name == "max_price":
            self.max_price = text[:16]
        elif name == "scope":
            self.scope = EVERY_STATUS if text in (EVERY_STATUS, "True", "true") else AVAILABLE
        elif name == "radius":
            self.radius = text if text.isdigit() and int(text) in market.RADII else ""
        elif name == "sort":
            self.sort = text if text in market.SORTS else market.NEAREST
        elif name == "mine":
            self.mine = text in ("True", "true", "mine")
        else:
            return
        return MarketState.load

    @rx.event
    async def clear_filters(self):
        """Every available listing again, nearest first."""
        if await current_user(self) is None:
            return
        self.query, self.condition, self.max_price, self.max_price_error = "", "", "", ""
        self.scope, self.radius, self.sort, self.mine = AVAILABLE, "", market.NEAREST, False
        return MarketState.load

    @rx.event
    async def location_permission(self, answer: str):
        """The browser said whether location is allowed; when it already is, use it without asking."""
        if await current_user(self) is None:
            return
        self.location = answer if answer in origin.PERMISSIONS else "prompt"
        if self.location == "granted" and self._here is None:
            return MarketState.locate

    @rx.event
    async def locate(self):
        """Ask the browser where it is (it may prompt the traveller)."""
        if await current_user(self) is None:
            return
        self.locating = True
        return rx.call_script(origin.LOCATE_JS, callback=MarketState.located)

    @rx.event
    async def located(self, answer: dict[str, Any]):
        """Measure from the browser's location, or say why it isn't available."""
        self.locating = False
        if await current_user(self) is None:
            return
        status, point = origin.browser_point(answer)
        if point is None:
            self.location = status
            reason = "Location is blocked for this site." if status == "denied" else "Your location isn't available."
            return rx.toast.info(reason)
        self._here, self._here_at, self.location = point, time.time(), "granted"
        return MarketState.load

    @rx.event
    async def set_status(self, listing_id: str, status: str):
        """The seller marks a listing available, pending or sold (from its card or the detail dialog)."""
        user = await current_user(self)
        target = parse_uuid(listing_id)
        if user is None or target is None or status not in market.STATUSES:
            return

        def work(session: Session) -> ListingCard | None:
            changed = listing_repo.update(session, user_id=user.id, listing_id=target, changes={"status": status})
            return read_card(session, user, listing_id) if changed is not None else None

        card = await run_in_session(work)
        if card is None:
            return rx.toast.error("Only the seller can change that listing.")
        self.cards = [
            dataclasses.replace(card, distance=old.distance) if old.id == card.id else old for old in self.cards
        ]
        detail = await self.get_state(ListingDetailState)
        if detail.card.id == card.id:
            detail.show(card)
        return rx.toast.success(f"“{card.title}” is now {card.status_label.lower()}.")

"""Wheels › Places: saved places listed by distance, with kind, notes and rating.

Distances are measured from a point chosen in this order, unless the traveller picks another:
the browser's location (only when they allow it), the first stop of their active or newest trip,
their home base, else the list is simply newest first.
"""

from __future__ import annotations

import dataclasses
import time
import uuid
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.components.map import PLACE_KIND_LABELS, MapPlace
from wheels_wins.db import parse_uuid
from wheels_wins.models import SavedPlace, User
from wheels_wins.models.travel import PLACE_KINDS
from wheels_wins.repositories import places as place_repo
from wheels_wins.services import origin as origins
from wheels_wins.services.origin import (
    LOCATE_JS,
    NEAR,
    NEWEST,
    ORIGIN_ORDER,
    PERMISSION_JS,
    Origin,
)
from wheels_wins.services.origin import short_distance_label as place_distance_label
from wheels_wins.services.origin import valid_point as valid_point
from wheels_wins.state.auth import current_user, run_in_session

PAGE_SIZE = 50
RELOCATE_SECONDS = 600
"""A browser location older than this is asked for again when the tab reloads (travellers move)."""
MAX_QUERY = 120


@dataclasses.dataclass
class PlaceRow:
    """One saved place in the list; `rating` is 0 when unrated, `distance` is '' when listed newest first."""

    id: str
    name: str
    kind: str
    kind_label: str
    notes: str
    rating: int
    distance: str
    lat: float
    lon: float


@dataclasses.dataclass
class KindChip:
    """A kind filter with how many places it would show."""

    kind: str
    label: str
    count: int


@dataclasses.dataclass
class OriginOption:
    """A point distances can be measured from."""

    key: str
    label: str


KIND_LABELS: dict[str, str] = {**PLACE_KIND_LABELS, "other": "Other"}
"""The map's names for kinds; a badge or filter says "Other" where a map popup says "Place"."""


def kind_label(kind: str) -> str:
    """The kind's name for badges, filters and the kind menu."""
    return KIND_LABELS.get(kind, KIND_LABELS["other"])


@dataclasses.dataclass
class Listing:
    """One read of the tab: where distances are from, the places, and how many there are of each kind."""

    origin: str
    known: dict[str, Origin]
    rows: list[tuple[SavedPlace, float | None]]
    counts: dict[str, int]
    total: int


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def _row(place: SavedPlace, km: float | None, units: str) -> PlaceRow:
    return PlaceRow(
        id=str(place.id),
        name=place.name,
        kind=place.kind if place.kind in PLACE_KINDS else "other",
        kind_label=kind_label(place.kind),
        notes=place.notes,
        rating=place.rating or 0,
        distance="" if km is None else place_distance_label(km, units),
        lat=place.lat,
        lon=place.lon,
    )


def _read(
    session: Session,
    user_id: uuid.UUID,
    *,
    here: Origin | None,
    home: Origin | None,
    choice: str,
    kind: str | None,
    name: str,
    limit: int,
) -> Listing:
    """The places nearest the chosen origin (else the first known in ORIGIN_ORDER), or newest first."""
    known = origins.known_origins(session, user_id=user_id, here=here, home=home)
    key = origins.choose(known, choice)
    rows: list[tuple[SavedPlace, float | None]]
    if key:
        _, lat, lon = known[key]
        rows = list(place_repo.nearest(session, user_id=user_id, lat=lat, lon=lon, kind=kind, name=name, limit=limit))
    else:
        newest, _ = place_repo.list_page(session, user_id=user_id, kind=kind, name=name, limit=limit)
        rows = [(place, None) for place in newest]
    counts = place_repo.count_by_kind(session, user_id=user_id, name=name)
    total = place_repo.count(session, user_id=user_id) if name.strip() else sum(counts.values())
    return Listing(key, known, rows, counts, total)


class PlacesState(rx.State):
    """The list and map of saved places: filters, where distances are measured from, and quick ratings."""

    loaded: bool = False
    rows: rx.Field[list[PlaceRow]] = rx.field(default_factory=list)
    map_places: rx.Field[list[MapPlace]] = rx.field(default_factory=list)
    total: int = 0
    matching: int = 0
    chips: rx.Field[list[KindChip]] = rx.field(default_factory=list)
    kind: str = ""
    query: str = ""
    limit: int = PAGE_SIZE

    origin: str = ""
    origin_choice: str = ""
    origin_label: str = ""
    origins: rx.Field[list[OriginOption]] = rx.field(default_factory=list)
    location: str = ""
    """The browser's answer about location: "", "granted", "prompt", "denied", "unavailable" or "unsupported"."""
    locating: bool = False

    _here: tuple[float, float] | None = None
    _here_at: float = 0.0
    _home_for: str = ""
    _home: Origin | None = None

    async def _home_point(self, user: User) -> Origin | None:
        """The user's home base looked up (once per wording), or None."""
        home = user.home_base.strip()
        if home != self._home_for:
            self._home_for, self._home = home, await origins.home_origin(home)
        return self._home

    @rx.event
    async def load(self):
        """Read the places nearest the chosen point (or newest first), with the kind counts."""
        user = await current_user(self)
        if user is None:
            return
        home = await self._home_point(user)
        here = ("your location", *self._here) if self._here else None
        options = {
            "here": here,
            "home": home,
            "choice": self.origin_choice,
            "kind": self.kind or None,
            "name": self.query,
            "limit": self.limit,
        }
        listing = await run_in_session(lambda session: _read(session, user.id, **options))
        self.origin, known, counts, self.total = listing.origin, listing.known, listing.counts, listing.total
        self.origin_label = known[self.origin][0] if self.origin else ""
        self.origins = [OriginOption(key, _capitalised(point[0])) for key, point in known.items()] + [
            OriginOption(NEWEST, "Nowhere — newest first")
        ]
        self.rows = [_row(place, km, user.units) for place, km in listing.rows]
        self.map_places = [MapPlace(r.name, r.kind, r.lat, r.lon) for r in self.rows]
        self.matching = counts.get(self.kind, 0) if self.kind else sum(counts.values())
        self.chips = [KindChip(k, kind_label(k), counts.get(k, 0)) for k in PLACE_KINDS]
        first_load = not self.loaded
        self.loaded = True
        if first_load and not self.location:
            return rx.call_script(PERMISSION_JS, callback=PlacesState.location_permission)
        if self._here is not None and time.time() - self._here_at > RELOCATE_SECONDS:
            return PlacesState.locate

    @rx.event
    async def location_permission(self, answer: str):
        """The browser said whether location is allowed; when it already is, use it without asking."""
        if await current_user(self) is None:
            return
        self.location = answer if answer in ("granted", "prompt", "denied", "unsupported") else "prompt"
        if self.location == "granted" and self._here is None:
            return PlacesState.locate

    @rx.event
    async def locate(self):
        """Ask the browser where it is (it may prompt the traveller)."""
        if await current_user(self) is None:
            return
        self.locating = True
        return rx.call_script(LOCATE_JS, callback=PlacesState.located)

    @rx.event
    async def located(self, answer: dict[str, Any]):
        """Measure from the browser's location, or say why it isn't available."""
        self.locating = False
        if await current_user(self) is None:
            return
        status, point = origins.browser_point(answer)
        if point is None:
            self.location = status
            fallback = f" Distances are from {self.origin_label}." if self.origin_label else ""
            reason = "Location is blocked for this site." if status == "denied" else "Your location isn't available."
            return rx.toast.info(reason + fallback)
        self._here, self._here_at, self.location, self.origin_choice = point, time.time(), "granted", NEAR
        return PlacesState.load

    @rx.event
    async def set_origin(self, key: str):
        """Measure distances from another known point, or list newest first."""
        if await current_user(self) is None:
            return
        if key == NEAR and self._here is None:
            return PlacesState.locate
        self.origin_choice = key if key in (*ORIGIN_ORDER, NEWEST) else ""
        return PlacesState.load

    @rx.event
    async def set_kind(self, kind: str):
        """Show one kind of place, or every kind with ''."""
        if await current_user(self) is None:
            return
        self.kind = kind if kind in PLACE_KINDS and kind != self.kind else ""
        self.limit = PAGE_SIZE
        return PlacesState.load

    @rx.event
    async def set_query(self, text: str):
        """Show places whose name contains the text."""
        if await current_user(self) is None:
            return
        self.query = text[:MAX_QUERY]
        self.limit = PAGE_SIZE
        return PlacesState.load

    @rx.event
    async def clear_filters(self):
        """Show every place again."""
        if await current_user(self) is None:
            return
        self.kind, self.query, self.limit = "", "", PAGE_SIZE
        return PlacesState.load

    @rx.event
    async def show_more(self):
        """List the next page of places too."""
        if await current_user(self) is None:
            return
        self.limit += PAGE_SIZE
        return PlacesState.load

    @rx.event
    async def rate(self, place_id: str, stars: int):
        """Give a place 1-5 stars; choosing its current rating again clears it."""
        user = await current_user(self)
        target = parse_uuid(place_id)
        if user is None or target is None or not 1 <= int(stars) <= 5:
            return

        def change(session: Session) -> SavedPlace | None:
            place = place_repo.get(session, user_id=user.id, place_id=target)
            if place is None:
                return None
            rating = None if place.rating == int(stars) else int(stars)
            return place_repo.update(session, user_id=user.id, place_id=target, changes={"rating": rating})

        changed = await run_in_session(change)
        if changed is None:
            return [PlacesState.load, rx.toast.error("That place is no longer saved.")]
        self.rows = [
            dataclasses.replace(row, rating=changed.rating or 0) if row.id == place_id else row for row in self.rows
        ]

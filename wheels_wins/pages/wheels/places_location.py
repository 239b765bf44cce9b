"""Where the place in the add/edit dialog is: a town found by typing, or a point picked on its map."""

from __future__ import annotations

import reflex as rx

from wheels_wins.components.map import MapPlace
from wheels_wins.pages.wheels.places import valid_point
from wheels_wins.services.place_suggest import Suggestion
from wheels_wins.state.auth import current_user
from wheels_wins.state.town_search import TownSearch

SEARCH = "search"
MAP = "map"


def coordinates_label(lat: float, lon: float) -> str:
    """'-32.2569, 148.6011': four places, about 10 m."""
    return f"{lat:.4f}, {lon:.4f}"


class PlaceLocationState(TownSearch, rx.State):
    """The dialog's location: the typeahead, the picked point and its marker."""

    mode: str = SEARCH
    lat: float | None = None
    lon: float | None = None
    label: str = ""
    coords: str = ""
    error: str = ""
    marker_kind: str = "other"
    marker_name: str = ""

    @rx.var
    def marker(self) -> list[MapPlace]:
        """The place on the dialog's map, once it has a point."""
        if self.lat is None or self.lon is None:
            return []
        return [MapPlace(self.marker_name or "New place", self.marker_kind, self.lat, self.lon)]

    def _start(self, lat: float | None, lon: float | None, kind: str, name: str) -> None:
        """Begin editing a place (at lat/lon when it has a point)."""
        self.lat, self.lon, self.marker_kind, self.marker_name = lat, lon, kind, name
        known = lat is not None and lon is not None
        self.coords = coordinates_label(lat, lon) if known else ""  # type: ignore[arg-type]
        self.label = "Where it is now" if known else ""
        self.mode = MAP if known else SEARCH
        self.query, self.searched, self.suggestions, self.error = "", "", [], ""

    def _place_at(self, lat: float, lon: float, label: str) -> None:
        self.lat, self.lon = lat, lon
        self.coords = coordinates_label(lat, lon)
        self.label = label
        self.error = ""

    def _found(self, place: Suggestion) -> None:
        self._place_at(place.lat, place.lon, place.label)

    @rx.event
    async def set_mode(self, mode: str | list[str]):
        """Find a town, or pick on the map."""
        if await current_user(self) is None:
            return
        mode = mode[0] if isinstance(mode, list) and mode else mode
        self.mode = MAP if mode == MAP else SEARCH

    @rx.event
    async def pick(self, lat: float, lon: float):
        """A click on the dialog's map puts the place there."""
        point = valid_point(lat, lon)
        if point is not None and await current_user(self) is not None:
            self._place_at(*point, "Picked on the map")

    @rx.event
    async def pick_on_map(self):
        """Nothing matched the typed name: switch to picking the point on the map."""
        if await current_user(self) is not None:
            self.mode = MAP

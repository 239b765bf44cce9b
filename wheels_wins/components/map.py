"""The trip map: numbered stops, the route line and saved places on a Leaflet map.

React Leaflet's components are wrapped one Reflex component each; the helpers that need
Leaflet itself (numbered and per-kind marker icons, fitting the view, map clicks) live beside
them in `assets/leaflet/trip_map.jsx`, which also loads Leaflet's stylesheet. Every one is a
`NoSSRComponent`: Leaflet reads `window` on import, so the map only ever renders in the browser
(the prerendered page holds an empty box of the map's height).

`trip_map` puts them together for a page state::

    class WheelsState(rx.State):
        stops: rx.Field[list[MapStop]] = rx.field(default_factory=list)
        route: rx.Field[list[list[float]]] = rx.field(default_factory=list)
        places: rx.Field[list[MapPlace]] = rx.field(default_factory=list)

        @rx.event
        def add_stop_at(self, lat: float, lon: float):
            self.stops.append(MapStop(name="Dropped pin", lat=lat, lon=lon, position=len(self.stops)))
            self.route = route_line(self.stops)

    trip_map(WheelsState.stops, WheelsState.route, WheelsState.places, on_map_click=WheelsState.add_stop_at)

Tiles come from `settings.map_tile_url`; when none load (offline, blocked) the markers and the
line still show on a plain background.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping, Sequence
from typing import Any

import reflex as rx
from reflex.event import EventType, passthrough_event_spec

from wheels_wins.settings import get_settings

PLACE_KIND_LABELS: dict[str, str] = {
    "campground": "Campground",
    "free_camp": "Free camp",
    "dump_point": "Dump point",
    "fuel": "Fuel",
    "mechanic": "Mechanic",
    "other": "Place",
}
"""Saved-place kinds the map draws differently, with their popup labels; any other kind is drawn as "other"."""

AUSTRALIA_BOUNDS: list[list[float]] = [[-43.7, 112.9], [-10.6, 153.7]]
"""South-west and north-east corners of mainland Australia and Tasmania: the view with nothing to show."""

DEFAULT_HEIGHT: list[str] = ["320px", "420px"]
"""Phone, then tablet and up (Reflex's responsive list)."""

ROUTE_COLOR = "#0f766e"
TRANSPARENT_TILE = "data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7"
"""Shown in place of a tile that failed to load, instead of the browser's broken-image icon."""

LEAFLET_MODULE = "$/public/leaflet/trip_map.jsx"
REACT_LEAFLET = "react-leaflet@5.0.0"
LEAFLET = "leaflet@1.9.4"


@dataclasses.dataclass
class MapStop:
    """A trip stop; `position` is its 0-based order, shown on the marker as position + 1."""

    name: str
    lat: float
    lon: float
    position: int


@dataclasses.dataclass
class MapPlace:
    """A saved place; `kind` is a key of PLACE_KIND_LABELS (anything else is drawn as "other")."""

    name: str
    kind: str
    lat: float
    lon: float


def route_line(
    stops: Sequence[MapStop], geometry: Sequence[Sequence[float]] | Mapping[str, Any] | None = None
) -> list[list[float]]:
    """The line to draw: the routed geometry when there is one, else straight legs between the stops in order.

    `geometry` is a list of [lat, lon] points or a GeoJSON LineString, whose [lon, lat] order is swapped here.
    """
    if isinstance(geometry, Mapping):
        points = [[float(lat), float(lon)] for lon, lat, *_ in geometry.get("coordinates") or []]
    else:
        points = [[float(lat), float(lon)] for lat, lon, *_ in geometry or []]
    if points:
        return points
    return [[stop.lat, stop.lon] for stop in sorted(stops, key=lambda stop: stop.position)]


class _Leaflet(rx.NoSSRComponent):
    """A component exported by the map's browser module, loaded only in the browser."""

    library = LEAFLET_MODULE
    lib_dependencies: list[str] = [REACT_LEAFLET, LEAFLET]


class MapContainer(_Leaflet):
    """React Leaflet's map: options are read once, when the map is created."""

    tag = "MapContainer"
    alias = "LeafletMapContainer"

    bounds: rx.Var[list[list[float]]]
    zoom_snap: rx.Var[float]
    scroll_wheel_zoom: rx.Var[bool]
    double_click_zoom: rx.Var[bool]
    keyboard: rx.Var[bool]


class TileLayer(_Leaflet):
    """Raster tiles from a `{z}/{x}/{y}` URL template."""

    tag = "TileLayer"
    alias = "LeafletTileLayer"

    url: rx.Var[str]
    attribution: rx.Var[str]
    error_tile_url: rx.Var[str]
    max_zoom: rx.Var[int]


class Polyline(_Leaflet):
    """A line through [lat, lon] points."""

    tag = "Polyline"
    alias = "LeafletPolyline"

    positions: rx.Var[list[list[float]]]
    path_options: rx.Var[dict[str, Any]]


class Popup(_Leaflet):
    """The popup of the marker it sits in; its children are ordinary Reflex components."""

    tag = "Popup"
    alias = "LeafletPopup"


class StopMarker(_Leaflet):
    """A numbered teal circle for a trip stop."""

    tag = "StopMarker"

    lat: rx.Var[float]
    lon: rx.Var[float]
    number: rx.Var[int]
    title: rx.Var[str]


class PlaceMarker(_Leaflet):
    """A saved place, drawn by its kind."""

    tag = "PlaceMarker"

    lat: rx.Var[float]
    lon: rx.Var[float]
    kind: rx.Var[str]
    title: rx.Var[str]


class FitBounds(_Leaflet):
    """Fits the map to `points` whenever they change, or to `fallback` when there are none."""

    tag = "FitBounds"

    points: rx.Var[list[list[float]]]
    fallback: rx.Var[list[list[float]]]
    max_zoom: rx.Var[int]
    padding: rx.Var[int]


class MapClick(_Leaflet):
    """Passes a click on the map (not on a marker) as `on_map_click(lat, lon)`."""

    tag = "MapClick"

    on_map_click: rx.EventHandler[passthrough_event_spec(float, float)]


def _as_var(value: rx.Var | Sequence[Any], type_: Any) -> rx.Var:
    return value if isinstance(value, rx.Var) else rx.Var.create(list(value)).to(type_)


def _stop_marker(stop: rx.Var) -> rx.Component:
    return StopMarker.create(
        Popup.create(
            rx.text(
                rx.text.strong((stop.position + 1).to_string() + ". "),
                stop.name,
                size="2",
            )
        ),
        lat=stop.lat,
        lon=stop.lon,
        number=stop.position + 1,
        title=stop.name,
    )


def _place_marker(place: rx.Var) -> rx.Component:
    return PlaceMarker.create(
        Popup.create(
            rx.text(place.name, size="2", weight="medium"),
            rx.text(
                rx.match(place.kind, *PLACE_KIND_LABELS.items(), PLACE_KIND_LABELS["other"]),
                size="1",
                color=rx.color("gray", 11),
            ),
        ),
        lat=place.lat,
        lon=place.lon,
        kind=place.kind,
        title=place.name,
    )


def trip_map(
    stops: rx.Var[list[MapStop]] | Sequence[MapStop],
    route: rx.Var[list[list[float]]] | Sequence[Sequence[float]] = (),
    places: rx.Var[list[MapPlace]] | Sequence[MapPlace] = (),
    *,
    on_map_click: EventType[float, float] | None = None,
    route_estimated: bool | rx.Var[bool] = False,
    tile_url: str | rx.Var[str] | None = None,
    tile_attribution: str | rx.Var[str] | None = None,
    height: str | list[str] = DEFAULT_HEIGHT,
    label: str | rx.Var[str] = "Trip map",
    **props: Any,
) -> rx.Component:
    """The map of a trip: numbered stops, the route line and saved places, fitted to the stops and route
    (to the places when there are neither).

    `on_map_click` receives the clicked latitude and longitude; with it set, double-click no
    longer zooms (it would add two stops). `route_estimated` dashes the line, for straight legs
    rather than a routed road. Tiles default to the configured `map_tile_url` and attribution.
    """
    settings = get_settings()
    stops = _as_var(stops, list[MapStop])
    route = _as_var(route, list[list[float]])
    places = _as_var(places, list[MapPlace])
    children: list[rx.Component] = [
        TileLayer.create(
            url=settings.map_tile_url if tile_url is None else tile_url,
            attribution=settings.map_tile_attribution if tile_attribution is None else tile_attribution,
            error_tile_url=TRANSPARENT_TILE,
            max_zoom=19,
        ),
        Polyline.create(
            positions=route,
            path_options={
                "color": ROUTE_COLOR,
                "weight": 4,
                "opacity": 0.9,
                "dashArray": rx.cond(route_estimated, "8 8", None)
                if isinstance(route_estimated, rx.Var)
                else ("8 8" if route_estimated else None),
            },
        ),
        rx.foreach(places, _place_marker),
        rx.foreach(stops, _stop_marker),
        FitBounds.create(
            # With no trip to show, the view fits the saved places instead of all of Australia.
            points=rx.cond(
                (stops.length() > 0) | (route.length() > 0),
                stops.map(lambda stop: [stop.lat, stop.lon]).to(list[list[float]]) + route,
                places.map(lambda place: [place.lat, place.lon]).to(list[list[float]]),
            ),
            fallback=AUSTRALIA_BOUNDS,
            max_zoom=11,
            padding=32,
        ),
    ]
    if on_map_click is not None:
        children.append(MapClick.create(on_map_click=on_map_click))
    return rx.box(
        MapContainer.create(
            *children,
            bounds=AUSTRALIA_BOUNDS,
            zoom_snap=0.5,
            scroll_wheel_zoom=False,
            double_click_zoom=on_map_click is None,
            keyboard=True,
            class_name="ww-map",
            width="100%",
            height="100%",
        ),
        role="region",
        aria_label=label,
        width="100%",
        height=height,
        background=rx.color("gray", 3),
        border_radius="var(--radius-3)",
        overflow="hidden",
        **props,
    )

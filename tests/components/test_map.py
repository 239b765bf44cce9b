"""The trip map: what it renders to, how stops, route and places reach the browser, names as text, tile settings."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
import reflex as rx

from wheels_wins.components.map import (
    AUSTRALIA_BOUNDS,
    LEAFLET,
    LEAFLET_MODULE,
    REACT_LEAFLET,
    TRANSPARENT_TILE,
    FitBounds,
    MapClick,
    MapContainer,
    MapPlace,
    MapStop,
    PlaceMarker,
    Polyline,
    Popup,
    StopMarker,
    TileLayer,
    route_line,
    trip_map,
)
from wheels_wins.settings import PROJECT_ROOT, Settings, get_settings

BROWSER_MODULE = PROJECT_ROOT / "assets" / "leaflet" / "trip_map.jsx"
OSM_TILES = "https://tile.openstreetmap.org/{z}/{x}/{y}.png"

SYDNEY = MapStop("Sydney", -33.87, 151.21, 0)
CANBERRA = MapStop("Canberra", -35.28, 149.13, 1)
MELBOURNE = MapStop("Melbourne", -37.81, 144.96, 2)


class MapPageState(rx.State):
    """Stands in for the page state that will own the map's data."""

    stops: list[MapStop] = []
    route: list[list[float]] = []
    places: list[MapPlace] = []
    clicked: str = ""

    @rx.event
    def map_clicked(self, lat: float, lon: float):
        """Where the map was clicked."""
        self.clicked = f"{lat},{lon}"


@pytest.fixture
def fresh_settings(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[pytest.MonkeyPatch]:
    """No map variables in the environment and no .env; the settings cache is cleared before and after."""
    for name in ("MAP_TILE_URL", "MAP_TILE_ATTRIBUTION"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.chdir(tmp_path)
    get_settings.cache_clear()
    yield monkeypatch
    get_settings.cache_clear()


def _js(component: rx.Component) -> str:
    return str(component)


def test_the_map_renders_leaflets_components_with_their_props() -> None:
    js = _js(trip_map(MapPageState.stops, MapPageState.route, MapPageState.places))

    for tag in ("LeafletMapContainer", "LeafletTileLayer", "LeafletPolyline", "LeafletPopup"):
        assert f"jsx({tag}," in js
    for tag in ("StopMarker", "PlaceMarker", "FitBounds"):
        assert f"jsx({tag}," in js
    assert AUSTRALIA_BOUNDS == [[-43.7, 112.9], [-10.6, 153.7]]
    assert "bounds:[[-43.7, 112.9], [-10.6, 153.7]]" in js
    assert "fallback:[[-43.7, 112.9], [-10.6, 153.7]]" in js
    assert 'className:"ww-map"' in js
    assert f'errorTileUrl:"{TRANSPARENT_TILE}"' in js
    assert '"aria-label":"Trip map"' in js
    assert 'role:"region"' in js
    assert "scrollWheelZoom:false" in js
    assert '["color"] : "#0f766e"' in js
    # Without a click handler there is nothing listening for clicks, and double-click zooms as usual.
    assert "MapClick" not in js
    assert "doubleClickZoom:true" in js


def test_height_is_responsive_and_can_be_set() -> None:
    js = _js(trip_map([SYDNEY]))
    assert '["height"] : "320px"' in js and '["height"] : "420px"' in js
    assert '["height"] : "250px"' in _js(trip_map([SYDNEY], height="250px"))


def test_a_map_click_reaches_the_handler_as_lat_and_lon() -> None:
    js = _js(trip_map(MapPageState.stops, on_map_click=MapPageState.map_clicked))

    assert "jsx(MapClick,{onMapClick:" in js
    handler = js[js.index("onMapClick:") :]
    assert "map_clicked" in handler
    assert '["lat"] : _ev_0, ["lon"] : _ev_1' in handler
    # Double-click would otherwise add two stops before zooming.
    assert "doubleClickZoom:false" in js


def test_every_part_is_loaded_only_in_the_browser_from_the_maps_module() -> None:
    for component in (MapContainer, TileLayer, Polyline, Popup, StopMarker, PlaceMarker, FitBounds, MapClick):
        assert issubclass(component, rx.NoSSRComponent)
        assert component.library == LEAFLET_MODULE
        assert {REACT_LEAFLET, LEAFLET} <= set(component.lib_dependencies)
    assert re.fullmatch(r"react-leaflet@\d+\.\d+\.\d+", REACT_LEAFLET)
    assert re.fullmatch(r"leaflet@\d+\.\d+\.\d+", LEAFLET)


def test_the_browser_module_exports_every_wrapped_tag() -> None:
    source = BROWSER_MODULE.read_text()
    reexported = re.search(r'export \{([^}]*)\} from "react-leaflet"', source)
    assert reexported is not None
    exported = {name.strip() for name in reexported.group(1).split(",")}
    exported |= set(re.findall(r"^export function (\w+)", source, flags=re.MULTILINE))
    for component in (MapContainer, TileLayer, Polyline, Popup, StopMarker, PlaceMarker, FitBounds, MapClick):
        assert component.tag in exported
    assert 'import "leaflet/dist/leaflet.css"' in source
    assert (BROWSER_MODULE.parent / "trip_map.css").exists()


def test_static_stops_route_and_places_are_serialised_with_their_fields() -> None:
    js = _js(
        trip_map(
            [SYDNEY, CANBERRA],
            route_line([SYDNEY, CANBERRA]),
            [MapPlace("Goulburn Showground", "campground", -34.75, 149.72)],
        )
    )

    assert '({ ["name"] : "Sydney", ["lat"] : -33.87, ["lon"] : 151.21, ["position"] : 0 })' in js
    assert "positions:[[-33.87, 151.21], [-35.28, 149.13]]" in js
    assert '({ ["name"] : "Goulburn Showground", ["kind"] : "campground", ["lat"] : -34.75, ["lon"] : 149.72 })' in js


def test_markers_read_each_stop_and_place_and_number_stops_from_one() -> None:
    js = _js(trip_map(MapPageState.stops, MapPageState.route, MapPageState.places))

    stop = js[js.index("jsx(StopMarker,") :]
    assert re.search(r'number:\(stop_rx_state_\?\.\["position"\] \+ 1\)', stop)
    assert re.search(r'lat:stop_rx_state_\?\.\["lat"\]', stop)
    assert re.search(r'title:stop_rx_state_\?\.\["name"\]', stop)
    place = js[js.index("jsx(PlaceMarker,") :]
    assert re.search(r'kind:place_rx_state_\?\.\["kind"\]', place)
    # The view fits the stops followed by the route line, or the places when there are neither.
    points = js[js.index("points:") :]
    assert re.match(
        r"points:\(pyOr\(\(.*stops.*\.length > 0\), \(\) => \(\(.*route.*\.length > 0\)\)\) \? "
        r'\[\.\.\..*stops.*\.map\(.*\["lat"\].*\["lon"\].*\.\.\..*route.* : .*places.*\.map\(',
        points,
    )


def test_names_are_rendered_as_text_never_as_html() -> None:
    name = '<img src=x onerror="alert(1)"> Albury <b>fuel</b>'
    js = _js(trip_map([MapStop(name, -36.08, 146.92, 0)], places=[MapPlace(name, "fuel", -36.08, 146.92)]))

    assert "dangerouslySetInnerHTML" not in js
    assert json.dumps(name) in js  # a string value, escaped for JavaScript
    # In the popups the name is a child of a text component, i.e. a React text node.
    assert re.search(r'jsx\(RadixThemesText,\{[^}]*\},place_rx_state_\?\.\["name"\]\)', js)
    assert re.search(r'\)\),stop_rx_state_\?\.\["name"\]\)', js)

    source = BROWSER_MODULE.read_text()
    assert not re.search(r"dangerouslySetInnerHTML|\.innerHTML\b|insertAdjacentHTML", source)
    # Marker icons are the only HTML Leaflet is handed: a number or a fixed glyph, never a name or title.
    for html in re.findall(r"html: (.*),\n", source):
        assert "title" not in html and "name" not in html


def test_unknown_place_kinds_are_labelled_as_places() -> None:
    js = _js(trip_map([], places=MapPageState.places))
    assert 'case JSON.stringify("free_camp"):  return ("Free camp");' in js
    assert 'default:  return ("Place");' in js


def test_a_straight_route_is_dashed() -> None:
    assert '["dashArray"] : "8 8"' in _js(trip_map([SYDNEY], route_estimated=True))
    assert '["dashArray"] : null' in _js(trip_map([SYDNEY]))


def test_route_line_prefers_the_routed_geometry() -> None:
    geometry = [(-33.87, 151.21), (-34.5, 150.0, 120.0), (-35.28, 149.13)]
    assert route_line([SYDNEY, CANBERRA], geometry) == [[-33.87, 151.21], [-34.5, 150.0], [-35.28, 149.13]]


def test_route_line_reads_a_geojson_line_as_lon_lat() -> None:
    geometry = {"type": "LineString", "coordinates": [[151.21, -33.87], [149.13, -35.28]]}
    assert route_line([SYDNEY, CANBERRA], geometry) == [[-33.87, 151.21], [-35.28, 149.13]]
    assert route_line([SYDNEY, CANBERRA], {"type": "LineString", "coordinates": []}) == [
        [-33.87, 151.21],
        [-35.28, 149.13],
    ]


def test_route_line_falls_back_to_straight_legs_in_stop_order() -> None:
    assert route_line([MELBOURNE, SYDNEY, CANBERRA]) == [[-33.87, 151.21], [-35.28, 149.13], [-37.81, 144.96]]
    assert route_line([SYDNEY], []) == [[-33.87, 151.21]]
    assert route_line([]) == []


def test_tile_settings_default_to_openstreetmap(fresh_settings: pytest.MonkeyPatch) -> None:
    settings = Settings()
    assert settings.map_tile_url == OSM_TILES
    assert "OpenStreetMap" in settings.map_tile_attribution
    assert "https://www.openstreetmap.org/copyright" in settings.map_tile_attribution

    js = _js(trip_map([SYDNEY]))
    assert f'url:"{OSM_TILES}"' in js
    assert "OpenStreetMap" in js[js.index("attribution:") :]


def test_tiles_follow_the_settings_and_props_win(fresh_settings: pytest.MonkeyPatch) -> None:
    fresh_settings.setenv("MAP_TILE_URL", "https://tiles.example.test/{z}/{x}/{y}.png")
    fresh_settings.setenv("MAP_TILE_ATTRIBUTION", "Example tiles")
    get_settings.cache_clear()

    js = _js(trip_map([SYDNEY]))
    assert 'url:"https://tiles.example.test/{z}/{x}/{y}.png"' in js
    assert 'attribution:"Example tiles"' in js

    js = _js(trip_map([SYDNEY], tile_url="https://other.test/{z}/{x}/{y}.png", tile_attribution="Other"))
    assert 'url:"https://other.test/{z}/{x}/{y}.png"' in js
    assert 'attribution:"Other"' in js

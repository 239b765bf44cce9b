"""Stand-ins for the optional geo services, speaking their real wire formats.

- `OsrmStub`: GET /route/v1/driving/{lon,lat;...} (OSRM's route service, GeoJSON geometry).
- `OpenMeteoStub`: GET /v1/forecast (Open-Meteo's daily forecast).
- `NominatimStub`: GET /search?format=jsonv2 (Nominatim's search).

Each records its requests and answers with a computed reply unless one was scripted
(`script(status=..., json=... | body=..., hang=...)`), which is used once, in order.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from collections import deque
from dataclasses import dataclass
from typing import Any

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route


@dataclass
class Scripted:
    """One scripted answer: a JSON value or raw bytes with a status, optionally after a pause."""

    status: int = 200
    json: Any = None
    body: bytes | None = None
    hang: float = 0.0


@dataclass
class Seen:
    """One request as a stub received it."""

    path: str
    query: dict[str, str]
    headers: dict[str, str]


class _Stub:
    def __init__(self, path: str) -> None:
        self.requests: list[Seen] = []
        self._scripted: deque[Scripted] = deque()
        self.app = Starlette(routes=[Route(path, self._handle, methods=["GET"])])

    def script(self, status: int = 200, *, json: Any = None, body: bytes | None = None, hang: float = 0.0) -> None:
        """Answer the next request this way instead of computing a reply."""
        self._scripted.append(Scripted(status=status, json=json, body=body, hang=hang))

    async def _handle(self, request: Request) -> Response:
        self.requests.append(Seen(request.url.path, dict(request.query_params), dict(request.headers)))
        if self._scripted:
            reply = self._scripted.popleft()
            if reply.hang:
                await asyncio.sleep(reply.hang)
            if reply.body is not None:
                return Response(reply.body, status_code=reply.status, media_type="application/json")
            return JSONResponse(reply.json, status_code=reply.status)
        return JSONResponse(self.compute(request))

    def compute(self, request: Request) -> Any:
        raise NotImplementedError


def _km(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


class OsrmStub(_Stub):
    """OSRM: each leg is 1.3x the great circle at 90 km/h, the line 20 points per leg."""

    ROAD = 1.3
    SPEED_KMH = 90.0

    def __init__(self) -> None:
        super().__init__("/route/v1/driving/{coordinates}")

    def compute(self, request: Request) -> Any:
        """A route through the requested `lon,lat;lon,lat` coordinates, as OSRM's JSON."""
        points = [tuple(map(float, pair.split(","))) for pair in request.path_params["coordinates"].split(";")]
        return self.route_json(points)

    def compute_for(self, stops: list[tuple[float, float]]) -> Any:
        """What the stub answers for these (lat, lon) stops, rounded as the client sends them."""
        return self.route_json([(round(lon, 6), round(lat, 6)) for lat, lon in stops])

    def route_json(self, points: list[tuple[float, ...]]) -> Any:
        """OSRM's JSON for a route through (lon, lat) points."""
        legs, line = [], [list(points[0])]
        for (lon1, lat1), (lon2, lat2) in zip(points, points[1:], strict=False):
            metres = _km((lat1, lon1), (lat2, lon2)) * self.ROAD * 1000
            legs.append(
                {
                    "distance": round(metres, 1),
                    "duration": round(metres / 1000 / self.SPEED_KMH * 3600, 1),
                    "summary": "",
                    "weight": 0,
                    "steps": [],
                }
            )
            # A gentle bow so the line is not straight and simplification keeps some of it.
            for i in range(1, 21):
                t = i / 20
                bow = math.sin(math.pi * t) * 0.05
                line.append([lon1 + (lon2 - lon1) * t + bow, lat1 + (lat2 - lat1) * t])
        return {
            "code": "Ok",
            "routes": [
                {
                    "distance": sum(leg["distance"] for leg in legs),
                    "duration": sum(leg["duration"] for leg in legs),
                    "geometry": {"type": "LineString", "coordinates": line},
                    "legs": legs,
                    "weight_name": "routability",
                    "weight": 0,
                }
            ],
            "waypoints": [{"location": list(p), "name": "", "hint": ""} for p in points],
        }


class OpenMeteoStub(_Stub):
    """Open-Meteo: `forecast_days` days from today, warmer further north, rain likelier near the coast."""

    def __init__(self) -> None:
        super().__init__("/v1/forecast")

    def compute(self, request: Request) -> Any:
        """The daily forecast block for the requested latitude and longitude."""
        lat, lon = float(request.query_params["latitude"]), float(request.query_params["longitude"])
        days = int(request.query_params.get("forecast_days", "7"))
        today = dt.date(2026, 6, 1)
        high = round(30 + lat / 3, 1)
        return {
            "latitude": lat,
            "longitude": lon,
            "generationtime_ms": 0.1,
            "utc_offset_seconds": 36000,
            "timezone": "Australia/Sydney",
            "timezone_abbreviation": "AEST",
            "elevation": 20.0,
            "daily_units": {
                "time": "iso8601",
                "weathercode": "wmo code",
                "temperature_2m_max": "°C",
                "temperature_2m_min": "°C",
                "precipitation_probability_max": "%",
            },
            "daily": {
                "time": [(today + dt.timedelta(days=i)).isoformat() for i in range(days)],
                "weathercode": [(0, 2, 61, 3, 80, 95, 1)[i % 7] for i in range(days)],
                "temperature_2m_max": [high + i for i in range(days)],
                "temperature_2m_min": [high - 12 + i for i in range(days)],
                "precipitation_probability_max": [(5, 10, 80, 20, 60, 90, 0)[i % 7] for i in range(days)],
            },
        }


def nominatim_place(
    name: str, lat: float, lon: float, *, state: str = "", country: str = "Australia", code: str = "au"
) -> dict[str, Any]:
    """One Nominatim jsonv2 search result with address details."""
    address = {"town": name, "state": state, "country": country, "country_code": code}
    display = ", ".join(part for part in (name, state, country) if part)
    return {
        "place_id": abs(hash((name, lat, lon))) % 10**8,
        "licence": "Data © OpenStreetMap contributors, ODbL 1.0. http://osm.org/copyright",
        "osm_type": "node",
        "osm_id": 1,
        "lat": f"{lat:.7f}",
        "lon": f"{lon:.7f}",
        "category": "place",
        "type": "town",
        "place_rank": 16,
        "importance": 0.5,
        "addresstype": "town",
        "name": name,
        "display_name": display,
        "address": address,
        "boundingbox": [f"{lat - 0.1:.7f}", f"{lat + 0.1:.7f}", f"{lon - 0.1:.7f}", f"{lon + 0.1:.7f}"],
    }


class NominatimStub(_Stub):
    """Nominatim: answers from `places` (query, case-folded, to results); anything else finds nothing."""

    def __init__(self, places: dict[str, list[dict[str, Any]]] | None = None) -> None:
        super().__init__("/search")
        self.places = places or {}

    def compute(self, request: Request) -> Any:
        """The results for `q`, at most `limit`."""
        query = request.query_params.get("q", "").strip().casefold()
        return self.places.get(query, [])[: int(request.query_params.get("limit", "10"))]


GARBAGE = b"<html><body>Service temporarily overloaded</body></html>"

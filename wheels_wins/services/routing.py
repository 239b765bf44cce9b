"""Road routes from an OSRM-compatible server (`ROUTING_URL`), or None so callers keep the offline estimate.

One call: `GET {ROUTING_URL}/route/v1/driving/{lon,lat;lon,lat...}?overview=full&geometries=geojson&steps=false`.
The full geometry of a long trip runs to tens of thousands of points; it is simplified
(Ramer-Douglas-Peucker, ~50 m) off the event loop to at most `MAX_GEOMETRY_POINTS` for storage and maps.
"""

from __future__ import annotations

import asyncio
import heapq
import math
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from wheels_wins.services import external
from wheels_wins.settings import Settings, get_settings

Point = tuple[float, float]  # (lat, lon), as everywhere else in the app
LonLat = tuple[float, float]  # GeoJSON order

MAX_GEOMETRY_POINTS = 5000
_RDP_BUDGET = 1_500_000  # point-to-chord distances: about a third of a second of CPU
SIMPLIFY_TOLERANCE_DEG = 0.0005  # about 50 m: invisible at any zoom a trip is viewed at
_COORD_DECIMALS = 5  # about 1 m


@dataclass(frozen=True)
class RoutedLeg:
    """One stretch between consecutive stops, by road."""

    distance_km: float
    duration_hours: float


@dataclass(frozen=True)
class RoutedRoute:
    """A road route through the stops in order: per-leg figures, totals and a simplified line."""

    legs: list[RoutedLeg]
    distance_km: float
    duration_hours: float
    geometry: list[LonLat]
    source: str = "routed"

    def geojson(self) -> dict[str, Any]:
        """The line as a GeoJSON LineString (coordinates are [lon, lat])."""
        return {"type": "LineString", "coordinates": [list(c) for c in self.geometry]}


def is_configured(settings: Settings | None = None) -> bool:
    """Whether a router is configured at all (offline-only otherwise)."""
    return bool((settings or get_settings()).routing_url)


async def fetch_route(points: Sequence[Point], *, settings: Settings | None = None) -> RoutedRoute | None:
    """The road route through (lat, lon) points in order; None when unset, unreachable, malformed or unroutable."""
    settings = settings or get_settings()
    if not settings.routing_url or len(points) < 2:
        return None
    coords = ";".join(f"{lon:.6f},{lat:.6f}" for lat, lon in points)
    data = await external.get_json(
        f"{settings.routing_url.rstrip('/')}/route/v1/driving/{coords}",
        params={"overview": "full", "geometries": "geojson", "steps": "false"},
        timeout=settings.routing_timeout_seconds,
    )
    if data is None:
        return None
    return await asyncio.to_thread(parse_route, data, len(points) - 1)


def parse_route(data: Any, leg_count: int) -> RoutedRoute | None:
    """A RoutedRoute from OSRM's JSON, or None unless it is a well-formed "Ok" route with `leg_count` legs."""
    if not isinstance(data, dict) or data.get("code") != "Ok":
        return None
    routes = data.get("routes")
    if not isinstance(routes, list) or not routes or not isinstance(routes[0], dict):
        return None
    route = routes[0]
    distance, duration = _amount(route.get("distance")), _amount(route.get("duration"))
    raw_legs = route.get("legs")
    if distance is None or duration is None or not isinstance(raw_legs, list) or len(raw_legs) != leg_count:
        return None
    legs = []
    for leg in raw_legs:
        leg_distance = _amount(leg.get("distance")) if isinstance(leg, dict) else None
        leg_duration = _amount(leg.get("duration")) if isinstance(leg, dict) else None
        if leg_distance is None or leg_duration is None:
            return None
        legs.append(RoutedLeg(distance_km=leg_distance / 1000, duration_hours=leg_duration / 3600))
    line = _line(route.get("geometry"))
    if line is None:
        return None
    return RoutedRoute(legs=legs, distance_km=distance / 1000, duration_hours=duration / 3600, geometry=line)


def _amount(value: Any) -> float | None:
    if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value) or value < 0:
        return None
    return float(value)


def _line(geometry: Any) -> list[LonLat] | None:
    if not isinstance(geometry, dict) or geometry.get("type") != "LineString":
        return None
    raw = geometry.get("coordinates")
    if not isinstance(raw, list) or len(raw) < 2:
        return None
    line: list[LonLat] = []
    for pair in raw:
        if not isinstance(pair, list) or len(pair) < 2:
            return None
        lon, lat = pair[0], pair[1]
        if not all(isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) for v in (lon, lat)):
            return None
        if not (-180 <= lon <= 180 and -90 <= lat <= 90):
            return None
        line.append((round(float(lon), _COORD_DECIMALS), round(float(lat), _COORD_DECIMALS)))
    return simplify(line)


def simplify(line: list[LonLat], *, tolerance: float = SIMPLIFY_TOLERANCE_DEG) -> list[LonLat]:
    """The line without points within `tolerance` degrees of it, at most MAX_GEOMETRY_POINTS long.

    Ramer-Douglas-Peucker, splitting the worst-fitting stretch first, so a capped line keeps its
    most telling points. RDP is quadratic on pathological lines (an even zigzag): past a work
    budget the line is thinned evenly instead.
    """
    n, max_points = len(line), MAX_GEOMETRY_POINTS
    if n < 3:
        return list(line)
    limit = tolerance * tolerance
    budget = _RDP_BUDGET
    worst_first: list[tuple[float, int, int, int]] = []  # (-distance², first, last, farthest)

    def split(first: int, last: int) -> None:
        nonlocal budget
        if last - first < 2:
            return
        budget -= last - first - 1
        ax, ay = line[first]
        dx, dy = line[last][0] - ax, line[last][1] - ay
        length2 = dx * dx + dy * dy
        worst, worst_at = -1.0, -1
        for i in range(first + 1, last):
            px, py = line[i][0] - ax, line[i][1] - ay
            if length2 == 0:
                d2 = px * px + py * py
            else:
                cross = px * dy - py * dx
                d2 = cross * cross / length2
            if d2 > worst:
                worst, worst_at = d2, i
        if worst > limit:
            heapq.heappush(worst_first, (-worst, first, last, worst_at))

    keep = bytearray(n)
    keep[0] = keep[-1] = 1
    kept = 2
    split(0, n - 1)
    while worst_first and kept < max_points:
        if budget < 0:
            return _thin(line, max_points)
        _, first, last, at = heapq.heappop(worst_first)
        keep[at] = 1
        kept += 1
        split(first, at)
        split(at, last)
    return [point for point, chosen in zip(line, keep, strict=True) if chosen]


def _thin(line: list[LonLat], max_points: int) -> list[LonLat]:
    """At most `max_points` (3 or more), evenly spaced along the line, the ends kept: linear time."""
    steps = [math.dist(a, b) for a, b in zip(line, line[1:], strict=False)]
    spacing = sum(steps) / (max_points - 2)
    if spacing == 0:
        return [line[0], line[-1]]
    kept, travelled = [line[0]], 0.0
    for point, step in zip(line[1:-1], steps, strict=False):
        travelled += step
        if travelled >= spacing:
            kept.append(point)
            travelled = 0.0
    kept.append(line[-1])
    return kept

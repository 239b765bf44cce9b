"""Offline geo maths: great-circle distances, road estimates and stop-order optimisation."""

from __future__ import annotations

import itertools
import math
from collections.abc import Sequence
from dataclasses import dataclass

EARTH_RADIUS_KM = 6371.0088
# Roads bend around ranges, coastlines and property lines: Australian highways between
# cities measure about 1.15-1.35x the great-circle distance (Sydney-Melbourne 713 km
# straight, ~880 km by the Hume), so 1.25 is a fair middle when no router is available.
ROAD_FACTOR = 1.25
# A laden RV or caravan cruises below the 100-110 km/h limits and slows through towns.
AVERAGE_SPEED_KMH = 80.0
_MAX_TWO_OPT_PASSES = 100

Point = tuple[float, float]


@dataclass(frozen=True)
class Leg:
    """One stretch between consecutive stops."""

    from_index: int
    to_index: int
    distance_km: float
    duration_hours: float


@dataclass(frozen=True)
class RouteEstimate:
    """Road distance and driving time for a whole route, estimated without a router."""

    legs: list[Leg]
    distance_km: float
    duration_hours: float
    source: str = "estimate"


def haversine_km(a: Point, b: Point) -> float:
    """Great-circle distance in km between two (lat, lon) points in degrees."""
    lat1, lon1 = math.radians(a[0]), math.radians(a[1])
    lat2, lon2 = math.radians(b[0]), math.radians(b[1])
    h = math.sin((lat2 - lat1) / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(h)))


def estimate_route(points: Sequence[Point]) -> RouteEstimate:
    """Estimate road distance and driving time through the points in the given order."""
    legs = []
    for i in range(len(points) - 1):
        km = haversine_km(points[i], points[i + 1]) * ROAD_FACTOR
        legs.append(Leg(from_index=i, to_index=i + 1, distance_km=km, duration_hours=km / AVERAGE_SPEED_KMH))
    distance = sum(leg.distance_km for leg in legs)
    return RouteEstimate(legs=legs, distance_km=distance, duration_hours=distance / AVERAGE_SPEED_KMH)


def route_length_km(points: Sequence[Point], order: Sequence[int]) -> float:
    """Estimated road km visiting `points` in `order` (same scale as `estimate_route`)."""
    return ROAD_FACTOR * sum(haversine_km(points[i], points[j]) for i, j in itertools.pairwise(order))


def optimise_order(points: Sequence[Point]) -> list[int]:
    """A short visiting order with the first and last stops fixed.

    Nearest neighbour from the start, then 2-opt, is also run from the given order;
    the shorter result wins, and the input order is kept unless it is beaten.
    """
    n = len(points)
    original = list(range(n))
    if n <= 3:
        return original
    dist = [[haversine_km(p, q) for q in points] for p in points]
    best = original
    best_km = _length(dist, original)
    for start in (_nearest_neighbour(dist), original):
        order = _two_opt(dist, start)
        km = _length(dist, order)
        if km < best_km - 1e-9:
            best, best_km = order, km
    return best


def _length(dist: list[list[float]], order: Sequence[int]) -> float:
    return sum(dist[i][j] for i, j in itertools.pairwise(order))


def _nearest_neighbour(dist: list[list[float]]) -> list[int]:
    n = len(dist)
    order = [0]
    remaining = set(range(1, n - 1))
    while remaining:
        here = dist[order[-1]]
        nearest = min(remaining, key=lambda j: (here[j], j))
        order.append(nearest)
        remaining.remove(nearest)
    order.append(n - 1)
    return order


def _two_opt(dist: list[list[float]], order: list[int]) -> list[int]:
    """Reverse inner segments while that shortens the path; the ends never move."""
    order = list(order)
    n = len(order)
    for _ in range(_MAX_TWO_OPT_PASSES):
        improved = False
        for i in range(1, n - 2):
            a, b = order[i - 1], order[i]
            d_ab = dist[a][b]
            for j in range(i + 1, n - 1):
                c, d = order[j], order[j + 1]
                if dist[a][c] + dist[b][d] < d_ab + dist[c][d] - 1e-9:
                    order[i : j + 1] = order[i : j + 1][::-1]
                    improved = True
                    b = order[i]
                    d_ab = dist[a][b]
        if not improved:
            break
    return order

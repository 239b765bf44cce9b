"""Great-circle maths, road estimates and stop-order optimisation."""

from __future__ import annotations

import math
import random

import pytest

from wheels_wins.services.geo import (
    AVERAGE_SPEED_KMH,
    ROAD_FACTOR,
    estimate_route,
    haversine_km,
    optimise_order,
    route_length_km,
)

SYDNEY = (-33.8688, 151.2093)
CANBERRA = (-35.2809, 149.1300)
MELBOURNE = (-37.8136, 144.9631)
BRISBANE = (-27.4698, 153.0251)
CAIRNS = (-16.9186, 145.7781)
PERTH = (-31.9523, 115.8613)
ADELAIDE = (-34.9285, 138.6007)


@pytest.mark.parametrize(
    ("a", "b", "km"),
    [(SYDNEY, MELBOURNE, 713), (PERTH, ADELAIDE, 2130), (BRISBANE, CAIRNS, 1390), (SYDNEY, CANBERRA, 248)],
)
def test_haversine_known_pairs(a: tuple[float, float], b: tuple[float, float], km: float) -> None:
    assert haversine_km(a, b) == pytest.approx(km, rel=0.02)
    assert haversine_km(b, a) == pytest.approx(haversine_km(a, b))


def test_haversine_edge_cases() -> None:
    assert haversine_km(SYDNEY, SYDNEY) == 0
    assert haversine_km((0, 0), (0, 180)) == pytest.approx(math.pi * 6371, rel=0.001)
    assert haversine_km((0, 179.5), (0, -179.5)) == pytest.approx(111.2, rel=0.01)


def test_road_constants_are_plausible() -> None:
    assert 1.15 <= ROAD_FACTOR <= 1.35
    assert 70 <= AVERAGE_SPEED_KMH <= 90


def test_estimate_route_legs_add_up() -> None:
    route = estimate_route([SYDNEY, CANBERRA, MELBOURNE])
    assert route.source == "estimate"
    assert [(leg.from_index, leg.to_index) for leg in route.legs] == [(0, 1), (1, 2)]
    assert route.distance_km == pytest.approx(sum(leg.distance_km for leg in route.legs))
    assert route.duration_hours == pytest.approx(sum(leg.duration_hours for leg in route.legs))
    assert route.duration_hours == pytest.approx(route.distance_km / AVERAGE_SPEED_KMH)
    assert 700 <= route.distance_km <= 1000
    assert route.legs[0].distance_km == pytest.approx(haversine_km(SYDNEY, CANBERRA) * ROAD_FACTOR)


def test_estimate_route_brisbane_to_cairns() -> None:
    assert 1300 <= estimate_route([BRISBANE, CAIRNS]).distance_km <= 2100


@pytest.mark.parametrize("points", [[], [SYDNEY]])
def test_estimate_route_without_legs(points: list[tuple[float, float]]) -> None:
    route = estimate_route(points)
    assert route.legs == [] and route.distance_km == 0 and route.duration_hours == 0


def test_route_length_matches_estimate() -> None:
    points = [SYDNEY, CANBERRA, MELBOURNE, ADELAIDE]
    assert route_length_km(points, [0, 1, 2, 3]) == pytest.approx(estimate_route(points).distance_km)
    assert route_length_km(points, [0]) == 0
    assert route_length_km(points, [0, 2, 1, 3]) > route_length_km(points, [0, 1, 2, 3])


@pytest.mark.parametrize("count", [0, 1, 2, 3])
def test_optimise_tiny_inputs_keep_their_order(count: int) -> None:
    assert optimise_order([SYDNEY, MELBOURNE, BRISBANE][:count]) == list(range(count))


def test_optimise_fixes_an_obviously_bad_order() -> None:
    # Melbourne to Cairns with the stops on the way listed out of order.
    points = [MELBOURNE, BRISBANE, CANBERRA, SYDNEY, CAIRNS]
    order = optimise_order(points)
    assert order == [0, 2, 3, 1, 4]
    assert route_length_km(points, order) < 0.8 * route_length_km(points, range(5))


def test_optimise_points_on_a_line() -> None:
    stops = [(-30.0, 140.0 + i) for i in range(10)]
    shuffled = [stops[0], *random.Random(7).sample(stops[1:-1], 8), stops[-1]]
    order = optimise_order(shuffled)
    assert [shuffled[i] for i in order] == stops


def test_optimise_property_random_sets() -> None:
    rng = random.Random(20240601)
    for _ in range(200):
        count = rng.randint(0, 14)
        points = [(rng.uniform(-39, -12), rng.uniform(114, 153)) for _ in range(count)]
        order = optimise_order(points)
        assert sorted(order) == list(range(count))
        if count:
            assert order[0] == 0 and order[-1] == count - 1
        assert route_length_km(points, order) <= route_length_km(points, range(count)) + 1e-9


def test_optimise_handles_duplicate_points() -> None:
    points = [SYDNEY, SYDNEY, MELBOURNE, SYDNEY, MELBOURNE]
    order = optimise_order(points)
    assert sorted(order) == list(range(5)) and order[0] == 0 and order[-1] == 4
    assert route_length_km(points, order) <= route_length_km(points, range(5))

"""The OSRM client against a local stub speaking OSRM's JSON: routes, and None for every way it can fail."""

from __future__ import annotations

import asyncio
import math
import time
from collections.abc import Iterator

import pytest

from tests.stubs.geo_services import GARBAGE, OsrmStub
from tests.stubs.server import free_port, serve
from wheels_wins.services import external, routing
from wheels_wins.settings import Settings

SYDNEY = (-33.8688, 151.2093)
CANBERRA = (-35.2809, 149.1300)
MELBOURNE = (-37.8136, 144.9631)


@pytest.fixture
def osrm() -> OsrmStub:
    return OsrmStub()


@pytest.fixture
def settings(osrm: OsrmStub) -> Iterator[Settings]:
    with serve(osrm.app) as url:
        yield Settings(routing_url=url, routing_timeout_seconds=2)


async def test_a_route_through_three_stops(osrm: OsrmStub, settings: Settings) -> None:
    route = await routing.fetch_route([SYDNEY, CANBERRA, MELBOURNE], settings=settings)

    assert route is not None and route.source == "routed"
    assert len(route.legs) == 2
    assert route.distance_km == pytest.approx(sum(leg.distance_km for leg in route.legs), abs=0.01)
    assert 1.2 * 713 < route.distance_km < 1.4 * 800  # the stub drives 1.3x the great circle
    assert route.duration_hours == pytest.approx(route.distance_km / OsrmStub.SPEED_KMH, rel=0.01)
    assert route.legs[0].distance_km < route.legs[1].distance_km  # Canberra is the nearer
    # GeoJSON order, simplified, ends where the stops are.
    assert route.geometry[0] == pytest.approx((SYDNEY[1], SYDNEY[0]), abs=1e-4)
    assert route.geometry[-1] == pytest.approx((MELBOURNE[1], MELBOURNE[0]), abs=1e-4)
    assert 3 <= len(route.geometry) <= 41
    assert route.geojson() == {"type": "LineString", "coordinates": [list(c) for c in route.geometry]}

    (seen,) = osrm.requests
    assert seen.path == "/route/v1/driving/151.209300,-33.868800;149.130000,-35.280900;144.963100,-37.813600"
    assert seen.query == {"overview": "full", "geometries": "geojson", "steps": "false"}
    assert seen.headers["user-agent"].startswith("WheelsAndWins/")


async def test_unset_means_offline_without_a_request(osrm: OsrmStub) -> None:
    assert not routing.is_configured(Settings(routing_url=None))
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=Settings(routing_url=None)) is None
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=Settings(routing_url="")) is None
    assert osrm.requests == []


async def test_one_stop_needs_no_route(osrm: OsrmStub, settings: Settings) -> None:
    assert await routing.fetch_route([SYDNEY], settings=settings) is None
    assert osrm.requests == []


async def test_unreachable_is_none_and_then_skipped_for_a_while() -> None:
    settings = Settings(routing_url=f"http://127.0.0.1:{free_port()}", routing_timeout_seconds=2)
    started = time.perf_counter()
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is None
    assert time.perf_counter() - started < 1.5
    assert external.cooling_down(settings.routing_url or "")


async def test_server_error_is_none_and_cools_down(osrm: OsrmStub, settings: Settings) -> None:
    osrm.script(500, json={"code": "InternalError"})
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is None
    # Skipped while cooling down: no second request, no second wait.
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is None
    assert len(osrm.requests) == 1
    external.reset_cool_downs()
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is not None
    assert len(osrm.requests) == 2


async def test_garbage_is_none(osrm: OsrmStub, settings: Settings) -> None:
    osrm.script(200, body=GARBAGE)
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is None
    # A bad body is not an outage: the next request goes out.
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is not None


@pytest.mark.parametrize("status", [200, 400])
async def test_no_route_is_none(osrm: OsrmStub, settings: Settings, status: int) -> None:
    osrm.script(status, json={"code": "NoRoute", "message": "Impossible route between points", "routes": []})
    assert await routing.fetch_route([SYDNEY, (-42.88, 147.33)], settings=settings) is None
    assert not external.cooling_down(settings.routing_url or "")


async def test_a_hanging_router_times_out_without_blocking_the_loop(osrm: OsrmStub) -> None:
    osrm.script(200, json={}, hang=5)  # answering only after 5 s: a request that waited for it would take 5 s
    with serve(osrm.app) as url:
        settings = Settings(routing_url=url, routing_timeout_seconds=1)
        ticks = 0

        async def ticker() -> None:
            nonlocal ticks
            while True:
                await asyncio.sleep(0.01)
                ticks += 1

        task = asyncio.create_task(ticker())
        started = time.perf_counter()
        assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is None
        elapsed = time.perf_counter() - started
        task.cancel()
    assert 0.95 < elapsed < 4  # cut off at the timeout, not when the router answered
    # The event loop kept running while the request waited (about 90 ticks; a blocked loop manages 1 or 2).
    assert ticks > 5


async def test_an_oversized_body_is_ignored(
    osrm: OsrmStub, settings: Settings, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(external, "MAX_BODY_BYTES", 200)
    assert await routing.fetch_route([SYDNEY, MELBOURNE], settings=settings) is None


def _ok(**route: object) -> dict:
    base = {
        "distance": 1000.0,
        "duration": 60.0,
        "geometry": {"type": "LineString", "coordinates": [[151.2, -33.8], [151.3, -33.9]]},
        "legs": [{"distance": 1000.0, "duration": 60.0}],
    }
    return {"code": "Ok", "routes": [{**base, **route}]}


@pytest.mark.parametrize(
    "data",
    [
        None,
        [],
        {"code": "Ok"},
        {"code": "Ok", "routes": []},
        {"code": "InvalidQuery", "routes": _ok()["routes"]},
        _ok(legs=[]),
        _ok(legs=[{"distance": 1.0, "duration": 1.0}] * 2),
        _ok(distance=-1),
        _ok(distance="1000"),
        _ok(duration=True),
        _ok(distance=float("nan")),
        _ok(legs=[{"distance": 1000.0}]),
        _ok(legs=["leg"]),
        _ok(geometry=None),
        _ok(geometry="encoded-polyline"),
        _ok(geometry={"type": "Point", "coordinates": [151.2, -33.8]}),
        _ok(geometry={"type": "LineString", "coordinates": [[151.2, -33.8]]}),
        _ok(geometry={"type": "LineString", "coordinates": [[151.2, -33.8], [151.3]]}),
        _ok(geometry={"type": "LineString", "coordinates": [[151.2, -33.8], [-33.9, 191.3]]}),
        _ok(geometry={"type": "LineString", "coordinates": [[151.2, -33.8], ["151.3", "-33.9"]]}),
    ],
)
def test_malformed_routes_are_none(data: object) -> None:
    assert routing.parse_route(data, 1) is None


def test_a_well_formed_route_parses() -> None:
    route = routing.parse_route(_ok(), 1)
    assert route is not None
    assert (route.distance_km, route.duration_hours) == (1.0, pytest.approx(1 / 60))
    assert route.geometry == [(151.2, -33.8), (151.3, -33.9)]


def test_simplify_drops_points_on_the_line_and_keeps_the_bends() -> None:
    straight = [(150 + i / 1000, -33.0) for i in range(1001)]
    assert routing.simplify(straight) == [straight[0], straight[-1]]
    corner = [(150.0, -33.0), (150.5, -33.0), (151.0, -33.0), (151.0, -32.5), (151.0, -32.0)]
    assert routing.simplify(corner) == [(150.0, -33.0), (151.0, -33.0), (151.0, -32.0)]


def test_simplify_caps_a_very_long_line(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(routing, "MAX_GEOMETRY_POINTS", 50)
    wiggle = [(150 + i / 100, -33.0 + 0.2 * math.sin(i / 7)) for i in range(2000)]
    kept = routing.simplify(wiggle)
    assert 20 <= len(kept) <= 50
    assert kept[0] == wiggle[0] and kept[-1] == wiggle[-1]


def test_a_pathological_line_is_thinned_evenly_in_bounded_time() -> None:
    # An even zigzag makes RDP quadratic: 50,000 points would take minutes.
    zigzag = [(150 + i / 10_000, -33.0 + (0.01 if i % 2 else 0)) for i in range(50_000)]
    started = time.perf_counter()
    kept = routing.simplify(zigzag)
    assert time.perf_counter() - started < 2
    assert 1000 < len(kept) <= routing.MAX_GEOMETRY_POINTS
    assert kept[0] == zigzag[0] and kept[-1] == zigzag[-1]
    assert routing.simplify([(150.0, -33.0)] * 3) == [(150.0, -33.0)] * 2

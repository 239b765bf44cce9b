"""Trips over REST with the optional services: road routes (OSRM stub), optimise, route lines, weather, geocoder."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from tests.api import Account, assert_error
from tests.stubs.geo_services import NominatimStub, OpenMeteoStub, OsrmStub, nominatim_place
from tests.stubs.server import free_port, serve
from wheels_wins.settings import get_settings

URL = "/api/v1/trips"
TRIP_KEYS = {
    "id", "title", "status", "start_date", "end_date", "waypoints", "distance_km", "duration_hours",
    "estimated_fuel_cost", "distance_source", "budget", "notes", "created_at",
}  # fmt: skip
ZIGZAG = ["Sydney", "Adelaide", "Canberra", "Melbourne", "Wagga Wagga", "Perth"]


@pytest.fixture(autouse=True)
def _offline_by_default(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    settings = get_settings()
    for name in ("routing_url", "weather_url", "geocoder_url"):
        monkeypatch.setattr(settings, name, None)
    yield


@pytest.fixture
def osrm(monkeypatch: pytest.MonkeyPatch) -> Iterator[OsrmStub]:
    stub = OsrmStub()
    with serve(stub.app) as url:
        monkeypatch.setattr(get_settings(), "routing_url", url)
        yield stub


@pytest.fixture
def meteo(monkeypatch: pytest.MonkeyPatch) -> Iterator[OpenMeteoStub]:
    stub = OpenMeteoStub()
    with serve(stub.app) as url:
        monkeypatch.setattr(get_settings(), "weather_url", url)
        yield stub


async def _plan(client: httpx.AsyncClient, who: Account, places: list[str], **body: object) -> dict:
    response = await client.post(URL, json={"waypoints": [{"name": p} for p in places], **body}, headers=who.headers)
    assert response.status_code == 201, response.text
    return response.json()


async def test_without_a_router_trips_are_estimated(client: httpx.AsyncClient, alice: Account) -> None:
    trip = await _plan(client, alice, ["Sydney", "Canberra", "Melbourne"])
    assert set(trip) == TRIP_KEYS
    assert trip["distance_source"] == "estimate"
    route = (await client.get(f"{URL}/{trip['id']}/route", headers=alice.headers)).json()
    assert route["distance_source"] == "estimate" and route["geometry"] is None
    assert [(leg["from_position"], leg["to_position"]) for leg in route["legs"]] == [(0, 1), (1, 2)]
    assert sum(leg["distance_km"] for leg in route["legs"]) == pytest.approx(trip["distance_km"], abs=0.2)


async def test_planned_trips_are_routed_by_road(client: httpx.AsyncClient, alice: Account, osrm: OsrmStub) -> None:
    trip = await _plan(client, alice, ["Sydney", "Canberra", "Melbourne"])

    assert set(trip) == TRIP_KEYS  # the contract's shape, unchanged
    assert trip["distance_source"] == "routed"
    expected = osrm.compute_for([(w["lat"], w["lon"]) for w in trip["waypoints"]])["routes"][0]
    assert trip["distance_km"] == round(expected["distance"] / 1000, 1)
    assert trip["duration_hours"] == round(expected["duration"] / 3600, 1)
    assert (await client.get(f"{URL}/{trip['id']}", headers=alice.headers)).json() == trip

    route = (await client.get(f"{URL}/{trip['id']}/route", headers=alice.headers)).json()
    assert route["trip_id"] == trip["id"] and route["distance_source"] == "routed"
    assert route["geometry"]["type"] == "LineString" and len(route["geometry"]["coordinates"]) >= 3
    first = trip["waypoints"][0]
    assert route["geometry"]["coordinates"][0] == pytest.approx([first["lon"], first["lat"]], abs=1e-4)
    assert [leg["distance_km"] for leg in route["legs"]] == [
        round(leg["distance"] / 1000, 1) for leg in expected["legs"]
    ]
    assert len(osrm.requests) == 1


async def test_new_waypoints_are_routed_and_other_edits_ask_nothing(
    client: httpx.AsyncClient, alice: Account, osrm: OsrmStub
) -> None:
    trip = await _plan(client, alice, ["Sydney", "Canberra"])
    renamed = (await client.patch(f"{URL}/{trip['id']}", json={"title": "Capital"}, headers=alice.headers)).json()
    assert renamed["distance_source"] == "routed" and renamed["distance_km"] == trip["distance_km"]
    assert len(osrm.requests) == 1
    moved = (
        await client.patch(
            f"{URL}/{trip['id']}", json={"waypoints": [{"name": "Brisbane"}, {"name": "Cairns"}]}, headers=alice.headers
        )
    ).json()
    assert moved["distance_source"] == "routed" and moved["distance_km"] > 1500
    assert len(osrm.requests) == 2


@pytest.mark.parametrize("how", ["unreachable", "500", "garbage", "no-route"])
async def test_a_failing_router_leaves_the_estimate(
    client: httpx.AsyncClient, alice: Account, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    stub = OsrmStub()
    with serve(stub.app) as url:
        if how == "unreachable":
            url = f"http://127.0.0.1:{free_port()}"
        stub.script(
            {"500": 500, "garbage": 200, "no-route": 400}.get(how, 200),
            json={"code": "NoRoute", "message": "Impossible route between points"} if how != "500" else {},
            body=b"not json" if how == "garbage" else None,
        )
        monkeypatch.setattr(get_settings(), "routing_url", url)
        trip = await _plan(client, alice, ["Sydney", "Canberra"])
    assert trip["distance_source"] == "estimate" and 250 < trip["distance_km"] < 400


async def test_the_route_endpoint_routes_an_estimated_trip(
    client: httpx.AsyncClient, alice: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    trip = await _plan(client, alice, ["Adelaide", "Port Augusta"])  # planned while no router was configured
    assert trip["distance_source"] == "estimate"
    stub = OsrmStub()
    with serve(stub.app) as url:
        monkeypatch.setattr(get_settings(), "routing_url", url)
        route = (await client.get(f"{URL}/{trip['id']}/route", headers=alice.headers)).json()
    assert route["distance_source"] == "routed" and route["geometry"] is not None
    assert (await client.get(f"{URL}/{trip['id']}", headers=alice.headers)).json()["distance_source"] == "routed"


async def test_optimise_reorders_between_fixed_ends(client: httpx.AsyncClient, alice: Account) -> None:
    trip = await _plan(client, alice, ZIGZAG)
    response = await client.post(f"{URL}/{trip['id']}/optimise", headers=alice.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert set(body) == TRIP_KEYS | {"saved_km"}
    assert [w["name"] for w in body["waypoints"]] == [
        "Sydney",
        "Canberra",
        "Wagga Wagga",
        "Melbourne",
        "Adelaide",
        "Perth",
    ]
    assert [w["position"] for w in body["waypoints"]] == list(range(6))
    assert body["saved_km"] > 500
    assert body["distance_km"] == pytest.approx(trip["distance_km"] - body["saved_km"], abs=0.2)
    fetched = (await client.get(f"{URL}/{trip['id']}", headers=alice.headers)).json()
    assert fetched == {k: v for k, v in body.items() if k != "saved_km"}

    again = (await client.post(f"{URL}/{trip['id']}/optimise", headers=alice.headers)).json()
    assert again["saved_km"] == 0 and again["waypoints"] == body["waypoints"]


async def test_optimise_then_routes_by_road(client: httpx.AsyncClient, alice: Account, osrm: OsrmStub) -> None:
    trip = await _plan(client, alice, ZIGZAG)
    body = (await client.post(f"{URL}/{trip['id']}/optimise", headers=alice.headers)).json()
    assert body["distance_source"] == "routed" and body["saved_km"] > 500
    assert len(osrm.requests) == 2
    assert osrm.requests[1].path.count(";") == 5


async def test_weather_is_off_without_a_service(client: httpx.AsyncClient, alice: Account) -> None:
    trip = await _plan(client, alice, ["Dubbo", "Bourke"])
    body = (await client.get(f"{URL}/{trip['id']}/weather", headers=alice.headers)).json()
    assert body == {
        "trip_id": trip["id"],
        "available": False,
        "items": [
            {"name": w["name"], "lat": w["lat"], "lon": w["lon"], "position": w["position"], "forecast": None}
            for w in trip["waypoints"]
        ],
    }


async def test_weather_along_a_trip(client: httpx.AsyncClient, alice: Account, meteo: OpenMeteoStub) -> None:
    trip = await _plan(client, alice, ["Dubbo", "Bourke", "Cairns"])
    response = await client.get(f"{URL}/{trip['id']}/weather", params={"days": 3}, headers=alice.headers)
    assert response.status_code == 200, response.text
    body = response.json()
    assert body["available"] is True
    assert [item["name"] for item in body["items"]] == ["Dubbo", "Bourke", "Cairns"]
    first = body["items"][0]["forecast"]
    assert first["timezone"] == "Australia/Sydney" and len(first["days"]) == 3
    assert first["days"][2] == {
        "date": "2026-06-03",
        "weather_code": 61,
        "summary": "Light rain",
        "temp_max_c": first["days"][2]["temp_max_c"],
        "temp_min_c": first["days"][2]["temp_min_c"],
        "precipitation_chance": 80,
    }
    cairns, dubbo = body["items"][2]["forecast"], first
    assert cairns["days"][0]["temp_max_c"] > dubbo["days"][0]["temp_max_c"]
    assert len(meteo.requests) == 3

    assert_error(
        await client.get(f"{URL}/{trip['id']}/weather", params={"days": 17}, headers=alice.headers),
        422,
        mentions="days",
    )


async def test_weather_down_is_null_forecasts_not_an_error(
    client: httpx.AsyncClient, alice: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(get_settings(), "weather_url", f"http://127.0.0.1:{free_port()}")
    trip = await _plan(client, alice, ["Dubbo", "Bourke"])
    body = (await client.get(f"{URL}/{trip['id']}/weather", headers=alice.headers)).json()
    assert body["available"] is False and [item["forecast"] for item in body["items"]] == [None, None]


async def test_stops_use_the_online_geocoder_first(
    client: httpx.AsyncClient, alice: Account, monkeypatch: pytest.MonkeyPatch
) -> None:
    stub = NominatimStub({"big4 dubbo": [nominatim_place("BIG4 Dubbo Parklands", -32.2436, 148.619)]})
    with serve(stub.app) as url:
        monkeypatch.setattr(get_settings(), "geocoder_url", url)
        trip = await _plan(client, alice, ["BIG4 Dubbo", "Bourke"])
        unknown = await client.post(
            URL, json={"waypoints": [{"name": "Sydney"}, {"name": "Xyzzyplonk Springs"}]}, headers=alice.headers
        )
    assert [(w["name"], w["lat"], w["lon"]) for w in trip["waypoints"]][0] == (
        "BIG4 Dubbo Parklands",
        -32.2436,
        148.619,
    )
    assert trip["waypoints"][1]["name"] == "Bourke"
    assert trip["title"] == "BIG4 Dubbo Parklands to Bourke"
    assert_error(unknown, 422, "unknown_place", mentions="Xyzzyplonk Springs")


async def test_other_users_trips_are_404_on_the_new_endpoints(
    client: httpx.AsyncClient, alice: Account, bob: Account
) -> None:
    trip = await _plan(client, alice, ZIGZAG)
    for method, path in [("POST", "optimise"), ("GET", "route"), ("GET", "weather")]:
        assert_error(await client.request(method, f"{URL}/{trip['id']}/{path}", headers=bob.headers), 404, "not_found")
        assert_error(await client.request(method, f"{URL}/not-a-uuid/{path}", headers=alice.headers), 404, "not_found")
        assert_error(await client.request(method, f"{URL}/{trip['id']}/{path}"), 401)
    assert (await client.get(f"{URL}/{trip['id']}", headers=alice.headers)).json() == trip


async def test_new_endpoints_are_documented(client: httpx.AsyncClient) -> None:
    spec = (await client.get("/api/openapi.json")).json()
    paths = spec["paths"]
    assert "post" in paths[f"{URL}/{{trip_id}}/optimise"]
    assert "get" in paths[f"{URL}/{{trip_id}}/route"] and "get" in paths[f"{URL}/{{trip_id}}/weather"]
    assert "saved_km" in spec["components"]["schemas"]["TripOptimised"]["properties"]
    assert spec["components"]["schemas"]["TripPublic"]["properties"]["distance_source"]["enum"] == [
        "estimate",
        "routed",
    ]

"""Place search: a Nominatim stub first when configured, the offline gazetteer otherwise or when it can't help."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.stubs.geo_services import GARBAGE, NominatimStub, nominatim_place
from tests.stubs.server import free_port, serve
from wheels_wins.services import geocoding
from wheels_wins.settings import Settings

PARKLANDS = nominatim_place("BIG4 Dubbo Parklands", -32.2436, 148.6190, state="New South Wales")
SPRINGFIELDS = [
    nominatim_place("Springfield", 39.7990, -89.6440, state="Illinois", country="United States", code="us"),
    nominatim_place("Springfield", -27.6536, 152.9170, state="Queensland"),
]


@pytest.fixture
def nominatim() -> NominatimStub:
    return NominatimStub({"big4 dubbo": [PARKLANDS], "springfield": SPRINGFIELDS})


@pytest.fixture
def settings(nominatim: NominatimStub) -> Iterator[Settings]:
    with serve(nominatim.app) as url:
        yield Settings(geocoder_url=url, geocoder_timeout_seconds=2)


async def test_offline_candidates_carry_state_and_country() -> None:
    found = await geocoding.search("Springfield", settings=Settings(geocoder_url=None))
    assert len(found) > 3 and all(r.source == "offline" for r in found)
    assert len({(r.state, r.country) for r in found}) == len(found)  # namesakes told apart
    assert {"Illinois", "Missouri", "Massachusetts"} <= {r.state for r in found}
    best = await geocoding.geocode("Canberra", settings=Settings(geocoder_url=None))
    assert best is not None
    assert (best.name, best.country_code, best.label) == ("Canberra", "AU", "Canberra, ACT, Australia")
    assert best.state == "Australian Capital Territory"


async def test_online_first_when_configured(nominatim: NominatimStub, settings: Settings) -> None:
    found = await geocoding.search("BIG4 Dubbo", settings=settings)
    assert found == [
        geocoding.GeoResult(
            name="BIG4 Dubbo Parklands",
            state="New South Wales",
            country="Australia",
            country_code="AU",
            lat=-32.2436,
            lon=148.619,
            label="BIG4 Dubbo Parklands, New South Wales, Australia",
            source="online",
        )
    ]
    (seen,) = nominatim.requests
    assert seen.path == "/search"
    assert seen.query == {
        "q": "BIG4 Dubbo",
        "format": "jsonv2",
        "addressdetails": "1",
        "limit": "8",
        "accept-language": "en",
    }
    assert seen.headers["user-agent"].startswith("WheelsAndWins/")


async def test_online_namesakes_keep_their_order_and_regions(settings: Settings) -> None:
    found = await geocoding.search("Springfield", settings=settings)
    assert [(r.state, r.country_code) for r in found] == [("Illinois", "US"), ("Queensland", "AU")]


async def test_online_answers_are_cached(nominatim: NominatimStub, settings: Settings) -> None:
    await geocoding.search("BIG4 Dubbo", settings=settings)
    again = await geocoding.search("  big4   dubbo ", settings=settings)
    assert again[0].name == "BIG4 Dubbo Parklands" and len(nominatim.requests) == 1


async def test_nothing_online_falls_back_to_the_gazetteer(nominatim: NominatimStub, settings: Settings) -> None:
    found = await geocoding.geocode("Tamworth", settings=settings)
    assert found is not None and found.source == "offline" and found.state == "New South Wales"
    assert len(nominatim.requests) == 1


async def test_unreachable_falls_back_to_the_gazetteer() -> None:
    settings = Settings(geocoder_url=f"http://127.0.0.1:{free_port()}", geocoder_timeout_seconds=2)
    found = await geocoding.geocode("Broome", settings=settings)
    assert found is not None and found.source == "offline" and found.country_code == "AU"


@pytest.mark.parametrize(
    ("status", "json", "body"),
    [
        (500, {"error": "boom"}, None),
        (200, None, GARBAGE),
        (200, {"error": "Unable to geocode"}, None),
        (403, [], None),
    ],
)
async def test_failures_fall_back_to_the_gazetteer(
    nominatim: NominatimStub, settings: Settings, status: int, json: object, body: bytes | None
) -> None:
    nominatim.script(status, json=json, body=body)
    found = await geocoding.geocode("Springfield", settings=settings)
    assert found is not None and found.source == "offline"


async def test_blank_queries_find_nothing(nominatim: NominatimStub, settings: Settings) -> None:
    assert await geocoding.search("   ", settings=settings) == []
    assert await geocoding.search("Dubbo", limit=0, settings=settings) == []
    assert nominatim.requests == []
    assert await geocoding.geocode("Xyzzyplonk Springs", settings=Settings(geocoder_url=None)) is None


def test_results_without_usable_coordinates_or_names_are_skipped() -> None:
    found = geocoding.parse_results(
        [
            {"lat": "abc", "lon": "151.2", "name": "Bad"},
            {"lat": "-95", "lon": "151.2", "name": "Off the globe"},
            {"lat": "-33.9", "lon": "151.2", "name": "", "display_name": ""},
            {
                "lat": "-33.9",
                "lon": "151.2",
                "name": "",
                "address": {"village": "Bundeena", "state": "New South Wales"},
            },
            {"lat": "-34.0", "lon": "151.1", "display_name": "Cronulla Beach, Sydney, Australia"},
            "not a result",
        ]
    )
    assert found is not None
    assert [(r.name, r.label) for r in found] == [
        ("Bundeena", "Bundeena, New South Wales"),
        ("Cronulla Beach", "Cronulla Beach"),
    ]
    assert geocoding.parse_results({"error": "x"}) is None

"""The Open-Meteo client against a local stub: typed daily forecasts, a short cache, None when unavailable."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tests.stubs.geo_services import GARBAGE, OpenMeteoStub
from tests.stubs.server import free_port, serve
from wheels_wins.services import weather
from wheels_wins.services.weather import DayForecast, Forecast
from wheels_wins.settings import Settings

DUBBO = (-32.2569, 148.6011)
CAIRNS = (-16.9186, 145.7781)


@pytest.fixture
def meteo() -> OpenMeteoStub:
    return OpenMeteoStub()


@pytest.fixture
def settings(meteo: OpenMeteoStub) -> Iterator[Settings]:
    with serve(meteo.app) as url:
        yield Settings(weather_url=url, weather_timeout_seconds=2)


async def test_daily_forecast_for_a_place(meteo: OpenMeteoStub, settings: Settings) -> None:
    found = await weather.forecast(*DUBBO, days=3, settings=settings)

    assert found is not None
    assert (found.lat, found.lon, found.timezone) == (-32.26, 148.6, "Australia/Sydney")
    assert [d.date for d in found.days] == [dt.date(2026, 6, 1), dt.date(2026, 6, 2), dt.date(2026, 6, 3)]
    assert found.days[2] == DayForecast(
        date=dt.date(2026, 6, 3),
        weather_code=61,
        summary="Light rain",
        temp_max_c=pytest.approx(21.2, abs=0.05),
        temp_min_c=pytest.approx(9.2, abs=0.05),
        precipitation_chance=80,
    )
    (seen,) = meteo.requests
    assert seen.path == "/v1/forecast"
    assert seen.query == {
        "latitude": "-32.26",
        "longitude": "148.60",
        "daily": "weathercode,temperature_2m_max,temperature_2m_min,precipitation_probability_max",
        "timezone": "auto",
        "forecast_days": "3",
    }


async def test_forecasts_are_cached_briefly(meteo: OpenMeteoStub, settings: Settings) -> None:
    first = await weather.forecast(*DUBBO, settings=settings)
    again = await weather.forecast(DUBBO[0] + 0.001, DUBBO[1] - 0.001, settings=settings)  # the same 0.01° cell
    assert first == again and len(meteo.requests) == 1
    await weather.forecast(*DUBBO, days=2, settings=settings)
    assert len(meteo.requests) == 2


async def test_several_stops_in_order_and_each_place_asked_once(meteo: OpenMeteoStub, settings: Settings) -> None:
    found = await weather.forecasts([DUBBO, CAIRNS, DUBBO], days=2, settings=settings)
    assert [f.lat if f else None for f in found] == [-32.26, -16.92, -32.26]
    dubbo, cairns = found[0], found[1]
    assert dubbo is not None and cairns is not None
    assert cairns.days[0].temp_max_c > dubbo.days[0].temp_max_c  # type: ignore[operator]
    assert len(meteo.requests) == 2


async def test_days_are_clamped_to_what_the_service_offers(meteo: OpenMeteoStub, settings: Settings) -> None:
    found = await weather.forecast(*DUBBO, days=40, settings=settings)
    assert found is not None and len(found.days) == weather.MAX_DAYS
    assert meteo.requests[0].query["forecast_days"] == "16"


async def test_off_without_a_url(meteo: OpenMeteoStub) -> None:
    off = Settings(weather_url=None)
    assert not weather.is_configured(off)
    assert await weather.forecast(*DUBBO, settings=off) is None
    assert await weather.forecasts([DUBBO, CAIRNS], settings=off) == [None, None]
    assert meteo.requests == []


async def test_unreachable_is_none() -> None:
    settings = Settings(weather_url=f"http://127.0.0.1:{free_port()}", weather_timeout_seconds=2)
    assert await weather.forecast(*DUBBO, settings=settings) is None
    assert await weather.forecasts([DUBBO, CAIRNS], settings=settings) == [None, None]


@pytest.mark.parametrize(
    ("status", "json", "body"),
    [
        (500, {"error": True, "reason": "Internal"}, None),
        (400, {"error": True, "reason": "Parameter 'latitude' must be between -90 and 90"}, None),
        (200, None, GARBAGE),
        (200, {"latitude": -32.26, "longitude": 148.6}, None),
        (200, {"daily": {"time": "2026-06-01"}}, None),
        (200, {"daily": {"time": ["June the first"]}}, None),
        (200, {"daily": {"time": []}}, None),
    ],
)
async def test_failures_and_malformed_answers_are_none(
    meteo: OpenMeteoStub, settings: Settings, status: int, json: object, body: bytes | None
) -> None:
    meteo.script(status, json=json, body=body)
    assert await weather.forecast(*DUBBO, settings=settings) is None


async def test_failures_are_not_cached(meteo: OpenMeteoStub, settings: Settings) -> None:
    meteo.script(200, body=GARBAGE)
    assert await weather.forecast(*DUBBO, settings=settings) is None
    assert await weather.forecast(*DUBBO, settings=settings) is not None
    assert len(meteo.requests) == 2


def test_missing_and_odd_values_become_none() -> None:
    data = {
        "timezone": "",
        "daily": {
            "time": ["2026-06-01", "2026-06-02"],
            "weather_code": [3, None],  # Open-Meteo's newer spelling
            "temperature_2m_max": [18.04, "hot"],
            "precipitation_probability_max": [101, None],
        },
    }
    found = weather.parse_forecast(data, lat=-30.0, lon=150.0, days=7)
    assert found == Forecast(
        lat=-30.0,
        lon=150.0,
        timezone="UTC",
        days=[
            DayForecast(dt.date(2026, 6, 1), 3, "Overcast", 18.0, None, 100),
            DayForecast(dt.date(2026, 6, 2), None, "Unknown", None, None, None),
        ],
    )
    assert Forecast.from_json(found.to_json()) == found


def test_weather_codes_read_as_words() -> None:
    assert [weather.summary(c) for c in (0, 45, 63, 95, 42, None)] == [
        "Clear sky",
        "Fog",
        "Rain",
        "Thunderstorm",
        "Unknown",
        "Unknown",
    ]

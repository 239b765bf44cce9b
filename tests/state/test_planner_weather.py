"""Weather under the trip on the map: which day, which rows, icons and the credited source."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest

from tests.stubs.geo_services import OpenMeteoStub
from tests.stubs.server import free_port, serve
from wheels_wins.pages.wheels.trips_weather import days_needed, forecast_day, weather_rows
from wheels_wins.services import weather
from wheels_wins.services.weather import DayForecast, Forecast
from wheels_wins.settings import Settings

TODAY = dt.date(2026, 6, 1)


@pytest.fixture
def settings() -> Iterator[Settings]:
    with serve(OpenMeteoStub().app) as url:
        yield Settings(weather_url=url, weather_timeout_seconds=2)


def _day(date: dt.date, **figures: object) -> DayForecast:
    values = {
        "weather_code": 61,
        "summary": "Light rain",
        "temp_max_c": 18.4,
        "temp_min_c": 7.6,
        "precipitation_chance": 40,
    }
    return DayForecast(date=date, **{**values, **figures})  # type: ignore[arg-type]


def test_the_day_is_the_start_when_ahead_else_today() -> None:
    assert forecast_day(None, TODAY) == TODAY
    assert forecast_day(dt.date(2026, 5, 1), TODAY) == TODAY
    assert forecast_day(dt.date(2026, 6, 5), TODAY) == dt.date(2026, 6, 5)
    assert days_needed(TODAY, TODAY) == 2  # a place west of the user may still be on yesterday
    assert days_needed(dt.date(2026, 6, 5), TODAY) == 6
    assert days_needed(dt.date(2026, 6, 16), TODAY) == 16
    assert days_needed(dt.date(2026, 6, 17), TODAY) == 0  # beyond the service's 16 days


def test_rows_for_stops_with_a_forecast_that_day() -> None:
    days = [_day(TODAY), _day(TODAY + dt.timedelta(days=1), temp_min_c=None, precipitation_chance=None)]
    found = [Forecast(-33.9, 151.2, "Australia/Sydney", days), None, Forecast(-35.3, 149.1, "Australia/Sydney", [])]
    rows = weather_rows(["Sydney", "Goulburn", "Canberra"], found, TODAY, TODAY)
    assert [(r.stop, r.day, r.summary, r.icon, r.temps, r.rain) for r in rows] == [
        ("Sydney", "Today", "Light rain", "cloud-rain", "8° – 18°C", "40% rain")
    ]
    (tomorrow,) = weather_rows(["Sydney"], found[:1], TODAY + dt.timedelta(days=1), TODAY)
    assert (tomorrow.day, tomorrow.temps, tomorrow.rain) == ("Tue 2 Jun", "— – 18°C", "")
    (imperial,) = weather_rows(["Sydney"], found[:1], TODAY, TODAY, "imperial")
    assert imperial.temps == "46° – 65°F"  # 8 °C and 18.4 °C


def test_icons_follow_the_wmo_code_groups() -> None:
    assert [weather.icon(c) for c in (0, 2, 3, 45, 53, 63, 73, 81, 86, 95, None, 42)] == [
        "sun",
        "cloud-sun",
        "cloud",
        "cloud-fog",
        "cloud-drizzle",
        "cloud-rain",
        "cloud-snow",
        "cloud-rain-wind",
        "cloud-snow",
        "cloud-lightning",
        "thermometer",
        "thermometer",
    ]


async def test_rows_from_the_service_and_nothing_when_it_is_off_or_down(settings: Settings) -> None:
    points = [(-33.87, 151.21), (-35.28, 149.13)]
    found = await weather.forecasts(points, days=2, settings=settings)
    rows = weather_rows(["Sydney", "Canberra"], found, dt.date(2026, 6, 2), TODAY)
    assert [r.stop for r in rows] == ["Sydney", "Canberra"] and all(r.temps.endswith("°C") for r in rows)
    assert weather.source_name(settings) == "127.0.0.1"

    off = Settings(weather_url=None)
    assert weather_rows(["Sydney"], await weather.forecasts(points[:1], settings=off), TODAY, TODAY) == []
    assert weather.source_name(off) == ""
    down = Settings(weather_url=f"http://127.0.0.1:{free_port()}", weather_timeout_seconds=1)
    assert weather_rows(["Sydney"], await weather.forecasts(points[:1], settings=down), TODAY, TODAY) == []

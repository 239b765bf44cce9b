"""Daily forecasts from an Open-Meteo-compatible API (`WEATHER_URL`), cached briefly; None when unavailable.

One call per place: `GET {WEATHER_URL}/v1/forecast?latitude=&longitude=&daily=weathercode,temperature_2m_max,
temperature_2m_min,precipitation_probability_max&timezone=auto&forecast_days=N`. Coordinates are rounded
to 0.01° (about 1 km, finer than the model grid), so nearby stops share a cache entry.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import math
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from typing import Any
from urllib.parse import urlsplit

from wheels_wins.services import external
from wheels_wins.services.cache import get_cache
from wheels_wins.settings import Settings, get_settings

Point = tuple[float, float]  # (lat, lon)

MAX_DAYS = 16  # Open-Meteo's limit
DEFAULT_DAYS = 7
_DAILY = "weathercode,temperature_2m_max,temperature_2m_min,precipitation_probability_max"
_CONCURRENCY = 6

# WMO weather interpretation codes, as Open-Meteo documents them.
WEATHER_CODES: dict[int, str] = {
    0: "Clear sky",
    1: "Mainly clear",
    2: "Partly cloudy",
    3: "Overcast",
    45: "Fog",
    48: "Freezing fog",
    51: "Light drizzle",
    53: "Drizzle",
    55: "Heavy drizzle",
    56: "Freezing drizzle",
    57: "Heavy freezing drizzle",
    61: "Light rain",
    63: "Rain",
    65: "Heavy rain",
    66: "Freezing rain",
    67: "Heavy freezing rain",
    71: "Light snow",
    73: "Snow",
    75: "Heavy snow",
    77: "Snow grains",
    80: "Light showers",
    81: "Showers",
    82: "Violent showers",
    85: "Snow showers",
    86: "Heavy snow showers",
    95: "Thunderstorm",
    96: "Thunderstorm with hail",
    99: "Thunderstorm with heavy hail",
}


@dataclass(frozen=True)
class DayForecast:
    """One day at one place; any figure the service left out is None."""

    date: dt.date
    weather_code: int | None
    summary: str
    temp_max_c: float | None
    temp_min_c: float | None
    precipitation_chance: int | None  # percent


@dataclass(frozen=True)
class Forecast:
    """The next days at a place, dated in the place's own timezone."""

    lat: float
    lon: float
    timezone: str
    days: list[DayForecast]

    def to_json(self) -> dict[str, Any]:
        """A JSON-compatible dict (dates as ISO strings)."""
        data = asdict(self)
        for day in data["days"]:
            day["date"] = day["date"].isoformat()
        return data

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> Forecast:
        """The inverse of `to_json`."""
        days = [DayForecast(**{**day, "date": dt.date.fromisoformat(day["date"])}) for day in data["days"]]
        return cls(lat=data["lat"], lon=data["lon"], timezone=data["timezone"], days=days)


# Lucide icon names by WMO code group, for pages that draw the weather.
_ICONS: tuple[tuple[range, str], ...] = (
    (range(0, 1), "sun"),
    (range(1, 3), "cloud-sun"),
    (range(3, 4), "cloud"),
    (range(45, 49), "cloud-fog"),
    (range(51, 58), "cloud-drizzle"),
    (range(61, 68), "cloud-rain"),
    (range(71, 78), "cloud-snow"),
    (range(80, 83), "cloud-rain-wind"),
    (range(85, 87), "cloud-snow"),
    (range(95, 100), "cloud-lightning"),
)


def icon(code: int | None) -> str:
    """A Lucide icon name for a WMO weather code ("cloud-rain"); "thermometer" when unknown."""
    if code is not None:
        for codes, name in _ICONS:
            if code in codes:
                return name
    return "thermometer"


def source_name(settings: Settings | None = None) -> str:
    """Who the forecasts come from, to credit on screen: the service's host ("api.open-meteo.com"), or ""."""
    url = (settings or get_settings()).weather_url
    return urlsplit(url).hostname or "" if url else ""


def summary(code: int | None) -> str:
    """Words for a WMO weather code ("Light rain"); "Unknown" when there is none."""
    return WEATHER_CODES.get(code, "Unknown") if code is not None else "Unknown"


def is_configured(settings: Settings | None = None) -> bool:
    """Whether a forecast service is configured (forecasts are off otherwise)."""
    return bool((settings or get_settings()).weather_url)


async def forecast(
    lat: float, lon: float, *, days: int = DEFAULT_DAYS, settings: Settings | None = None
) -> Forecast | None:
    """The daily forecast for the next `days` (1-16) at a place; None when off, unreachable or malformed."""
    settings = settings or get_settings()
    if not settings.weather_url:
        return None
    days = max(1, min(days, MAX_DAYS))
    lat, lon = round(lat, 2), round(lon, 2)
    url = f"{settings.weather_url.rstrip('/')}/v1/forecast"
    key = f"weather:v1:{external.origin(url)}:{lat:.2f},{lon:.2f}:{days}"
    cache = get_cache()
    # The cache may be Redis, whose client blocks: keep it off the event loop.
    cached = await asyncio.to_thread(cache.get, key)
    if isinstance(cached, dict):
        return Forecast.from_json(cached)
    data = await external.get_json(
        url,
        params={
            "latitude": f"{lat:.2f}",
            "longitude": f"{lon:.2f}",
            "daily": _DAILY,
            "timezone": "auto",
            "forecast_days": days,
        },
        timeout=settings.weather_timeout_seconds,
    )
    found = parse_forecast(data, lat=lat, lon=lon, days=days)
    if found is not None:
        await asyncio.to_thread(cache.set, key, found.to_json(), ttl=settings.weather_cache_seconds)
    return found


async def forecasts(
    points: Sequence[Point], *, days: int = DEFAULT_DAYS, settings: Settings | None = None
) -> list[Forecast | None]:
    """Forecasts for several (lat, lon) points, in order, a few requests at a time; None where unavailable."""
    settings = settings or get_settings()
    if not settings.weather_url:
        return [None] * len(points)
    gate = asyncio.Semaphore(_CONCURRENCY)
    unique = list(dict.fromkeys((round(lat, 2), round(lon, 2)) for lat, lon in points))

    async def one(point: Point) -> Forecast | None:
        async with gate:
            return await forecast(point[0], point[1], days=days, settings=settings)

    found = dict(zip(unique, await asyncio.gather(*(one(p) for p in unique)), strict=True))
    return [found[(round(lat, 2), round(lon, 2))] for lat, lon in points]


def parse_forecast(data: Any, *, lat: float, lon: float, days: int) -> Forecast | None:
    """A Forecast from Open-Meteo's JSON, or None unless `daily.time` lists dates (other series may be missing)."""
    if not isinstance(data, dict) or not isinstance(data.get("daily"), dict):
        return None
    daily = data["daily"]
    times = daily.get("time")
    if not isinstance(times, list) or not times:
        return None
    try:
        dates = [dt.date.fromisoformat(t) for t in times]
    except (TypeError, ValueError):
        return None
    codes = _series(daily.get("weathercode", daily.get("weather_code")), len(dates))
    highs = _series(daily.get("temperature_2m_max"), len(dates))
    lows = _series(daily.get("temperature_2m_min"), len(dates))
    rain = _series(daily.get("precipitation_probability_max"), len(dates))
    out = []
    for i, date in enumerate(dates[:days]):
        code = int(codes[i]) if codes[i] is not None else None
        out.append(
            DayForecast(
                date=date,
                weather_code=code,
                summary=summary(code),
                temp_max_c=round(highs[i], 1) if highs[i] is not None else None,
                temp_min_c=round(lows[i], 1) if lows[i] is not None else None,
                precipitation_chance=max(0, min(100, round(rain[i]))) if rain[i] is not None else None,
            )
        )
    zone = data.get("timezone")
    return Forecast(lat=lat, lon=lon, timezone=zone if isinstance(zone, str) and zone else "UTC", days=out)


def _series(values: Any, length: int) -> list[float | None]:
    """A daily series with anything that is not a finite number as None, padded to `length`."""
    if not isinstance(values, list):
        values = []
    clean: list[float | None] = [
        float(v) if isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v) else None
        for v in values[:length]
    ]
    return clean + [None] * (length - len(clean))

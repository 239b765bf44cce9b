"""Wheels › Trips: the forecast rows under the trip on the map (pure: forecasts in, display rows out)."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from wheels_wins.components.format import day_label
from wheels_wins.services import weather
from wheels_wins.services.units import format_temperature_range

MAX_STOPS = 5
"""Forecasts are asked for the trip's first few stops only."""


@dataclasses.dataclass
class WeatherRow:
    """One stop's forecast for one day, ready to show."""

    stop: str
    day: str
    summary: str
    icon: str
    temps: str
    rain: str


def forecast_day(start: dt.date | None, today: dt.date) -> dt.date:
    """The day to forecast: the trip's start when it is still ahead, else today."""
    return start if start is not None and start > today else today


def days_needed(day: dt.date, today: dt.date) -> int:
    """How many forecast days to ask for to reach `day` (0 when it is beyond the service's range).

    One more than the days from today: forecasts are dated in each place's own timezone, and a
    place west of the user may still be on yesterday.
    """
    needed = (day - today).days + 1
    return min(needed + 1, weather.MAX_DAYS) if 1 <= needed <= weather.MAX_DAYS else 0


def weather_rows(
    names: Sequence[str],
    forecasts: Sequence[weather.Forecast | None],
    day: dt.date,
    today: dt.date,
    units: str = "metric",
) -> list[WeatherRow]:
    """A row per stop with a forecast for `day`; stops without one (service off or down, out of range) are left out."""
    rows = []
    for name, found in zip(names, forecasts, strict=True):
        match = next((d for d in found.days if d.date == day), None) if found is not None else None
        if match is None:
            continue
        rain = "" if match.precipitation_chance is None else f"{match.precipitation_chance}% rain"
        rows.append(
            WeatherRow(
                stop=name,
                day=day_label(match.date, today),
                summary=match.summary,
                icon=weather.icon(match.weather_code),
                temps=format_temperature_range(match.temp_min_c, match.temp_max_c, units),
                rain=rain,
            )
        )
    return rows

"""Unit conversions: stored metric, shown and typed in the user's units."""

from __future__ import annotations

from decimal import Decimal

import pytest

from wheels_wins.services import units


def test_metric_is_the_identity() -> None:
    assert units.km_to_display(880.0, "metric") == 880.0
    assert units.display_to_litres(Decimal("62"), "metric") == Decimal("62.00")
    assert units.consumption_to_display(14.0, "metric") == 14.0
    assert units.format_distance(879.6, "metric") == "880 km"
    assert units.format_volume(Decimal("62.00"), "metric") == "62 L"
    assert units.format_consumption(14.04, "metric") == "14.0 L/100 km"


def test_imperial_uses_miles_and_us_gallons() -> None:
    assert units.format_distance(1609.344, "imperial") == "1,000 mi"
    assert units.display_to_km(100, "imperial") == pytest.approx(160.9344)
    assert units.display_to_litres(Decimal("10"), "imperial") == Decimal("37.85")
    assert units.litres_to_display(Decimal("37.85"), "imperial") == Decimal("10.00")
    assert units.price_per_volume(Decimal("1.000"), "imperial") == Decimal("3.785")
    assert units.format_volume(Decimal("37.85"), "imperial") == "10 gal"


@pytest.mark.parametrize(("l_per_100km", "mpg"), [(23.52, 10.0), (11.76, 20.0), (7.84, 30.0)])
def test_consumption_converts_both_ways(l_per_100km: float, mpg: float) -> None:
    assert units.consumption_to_display(l_per_100km, "imperial") == pytest.approx(mpg, rel=1e-3)
    assert units.display_to_consumption(mpg, "imperial") == pytest.approx(l_per_100km, rel=1e-3)
    assert units.format_consumption(l_per_100km, "imperial") == f"{mpg:.1f} mpg"


def test_zero_consumption_does_not_divide_by_zero() -> None:
    assert units.consumption_to_display(0, "imperial") == 0.0
    assert units.display_to_consumption(0, "imperial") == 0.0


def test_unknown_distance_is_a_dash() -> None:
    assert units.format_distance(None, "imperial") == "—"

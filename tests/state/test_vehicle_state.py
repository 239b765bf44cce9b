"""The Vehicle tab's forms: what the profile and fill-up dialogs accept, in metric and imperial, stored metric."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wheels_wins.pages.wheels.vehicle_forms import read_profile
from wheels_wins.pages.wheels.vehicle_fuel import read_fill
from wheels_wins.services.units import format_fill_price, format_price_per_volume

PROFILE = {
    "name": " Tortoise ",
    "make": "Toyota",
    "model": "79",
    "year": "2019",
    "fuel_type": "diesel",
    "tank": "180",
    "consumption": "15.5",
}
FILL = {"date": "2026-04-02", "volume": "60", "amount": "120", "odometer": "100,000", "location": " Dubbo "}


def test_a_metric_profile_is_stored_as_typed() -> None:
    fields, errors = read_profile(PROFILE, "metric", {})
    assert errors == {}
    assert fields == {
        "name": "Tortoise",
        "make": "Toyota",
        "model": "79",
        "year": 2019,
        "fuel_type": "diesel",
        "tank_litres": 180.0,
        "consumption_l_per_100km": 15.5,
    }


def test_an_imperial_profile_is_converted_to_litres_and_l_per_100km() -> None:
    fields, errors = read_profile({**PROFILE, "tank": "47.5", "consumption": "15", "year": ""}, "imperial", {})
    assert errors == {}
    assert fields is not None
    assert (fields["tank_litres"], fields["consumption_l_per_100km"], fields["year"]) == (179.81, 15.68, None)


def test_untouched_imperial_figures_keep_their_stored_values() -> None:
    kept = {"tank_text": "47.55", "tank_litres": 180.0, "consumption_text": "15.2", "consumption_l_per_100km": 15.5}
    fields, _ = read_profile({**PROFILE, "tank": "47.55", "consumption": "15.2"}, "imperial", kept)
    assert fields is not None
    assert (fields["tank_litres"], fields["consumption_l_per_100km"]) == (180.0, 15.5)


@pytest.mark.parametrize(
    ("change", "field", "says"),
    [
        ({"name": "  "}, "name", "name"),
        ({"year": "19"}, "year", "year"),
        ({"year": "2019.5"}, "year", "year"),
        ({"year": "soon"}, "year", "year"),
        ({"tank": "0"}, "tank_litres", "Tank size"),
        ({"tank": "big"}, "tank_litres", "Tank size"),
        ({"consumption": ""}, "consumption_l_per_100km", "between 1 and 100 L/100 km"),
        ({"consumption": "250"}, "consumption_l_per_100km", "Expected consumption"),
        ({"fuel_type": "hydrogen"}, "fuel_type", "fuel type"),
        ({"make": "m" * 61}, "make", "make"),
    ],
)
def test_refused_profile_fields_are_named(change: dict[str, str], field: str, says: str) -> None:
    fields, errors = read_profile({**PROFILE, **change}, "metric", {})
    assert fields is None
    assert set(errors) == {field}
    assert says in errors[field]


def test_imperial_consumption_limits_are_in_mpg() -> None:
    _, errors = read_profile({**PROFILE, "consumption": "1"}, "imperial", {})
    assert errors["consumption_l_per_100km"] == "Expected consumption must be between 2.4 and 235.2 mpg."


def test_a_new_fill_with_its_total() -> None:
    fields, errors = read_fill(FILL, mode="total", full_tank=True, unit_system="metric", initial={})
    assert errors == {}
    assert fields == {
        "date": dt.date(2026, 4, 2),
        "location": "Dubbo",
        "full_tank": True,
        "litres": Decimal("60.00"),
        "total_cost": Decimal("120"),
        "odometer_km": 100_000,
    }


def test_a_metric_price_per_litre_is_kept_exactly() -> None:
    fields, _ = read_fill(
        {**FILL, "amount": "1.899", "odometer": ""}, mode="price", full_tank=False, unit_system="metric", initial={}
    )
    assert fields is not None
    assert (fields["price_per_litre"], fields["odometer_km"], fields["full_tank"]) == (Decimal("1.899"), None, False)
    assert "total_cost" not in fields


def test_imperial_fills_are_stored_metric_with_the_pumps_total() -> None:
    form = {**FILL, "volume": "12", "amount": "4.5", "odometer": "10300"}
    fields, _ = read_fill(form, mode="price", full_tank=True, unit_system="imperial", initial={})
    assert fields is not None
    assert (fields["litres"], fields["total_cost"], fields["odometer_km"]) == (
        Decimal("45.42"),
        Decimal("54.00"),
        16_576,
    )
    assert "price_per_litre" not in fields


def test_an_edit_leaves_untouched_figures_out() -> None:
    initial = {"volume": "12", "amount": "54.00", "odometer": "10300", "litres": Decimal("45.42")}
    form = {**FILL, "volume": "12", "amount": "54.00", "odometer": "10300", "location": "Tucumcari"}
    fields, errors = read_fill(form, mode="total", full_tank=True, unit_system="imperial", initial=initial)
    assert errors == {}
    assert fields == {"date": dt.date(2026, 4, 2), "location": "Tucumcari", "full_tank": True}

    fields, errors = read_fill(
        {**form, "amount": "56.00", "odometer": ""},
        mode="total",
        full_tank=True,
        unit_system="imperial",
        initial=initial,
    )
    assert errors == {}
    assert fields is not None
    assert fields["odometer_km"] is None  # cleared
    assert (fields["litres"], fields["total_cost"]) == (Decimal("45.42"), Decimal("56.00"))  # the stored litres


@pytest.mark.parametrize(
    ("change", "mode", "field"),
    [
        ({"date": "someday"}, "total", "date"),
        ({"volume": "0"}, "total", "volume"),
        ({"volume": "52.333"}, "total", "volume"),
        ({"amount": ""}, "total", "amount"),
        ({"amount": "1.999"}, "total", "amount"),
        ({"amount": "1.9999"}, "price", "amount"),
        ({"odometer": "-5"}, "total", "odometer"),
        ({"odometer": "12.5"}, "total", "odometer"),
        ({"odometer": "99999999"}, "total", "odometer"),
        ({"volume": "1000000"}, "total", "volume"),
        ({"location": "x" * 161}, "total", "location"),
    ],
)
def test_refused_fill_fields_are_named(change: dict[str, str], mode: str, field: str) -> None:
    fields, errors = read_fill({**FILL, **change}, mode=mode, full_tank=True, unit_system="metric", initial={})
    assert fields is None or errors
    assert set(errors) == {field}


def test_prices_per_unit_of_volume() -> None:
    assert format_price_per_volume(Decimal("1.950"), "AUD", "metric") == "$1.950/L"
    assert format_price_per_volume(Decimal("1.000"), "EUR", "imperial") == "€3.785/gal"
    assert format_fill_price(Decimal("54.00"), Decimal("45.42"), Decimal("1.189"), "USD", "imperial") == "$4.500/gal"
    assert format_fill_price(Decimal("75.96"), Decimal("40"), Decimal("1.899"), "AUD", "metric") == "$1.899/L"

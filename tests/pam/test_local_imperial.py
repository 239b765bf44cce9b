"""The local engine reads gallons, miles and prices per gallon, and keeps the figures metric."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from wheels_wins.pam.agent import run_turn
from wheels_wins.pam.local.intents import classify
from wheels_wins.pam.local.quantities import parse_quantity

TODAY = dt.date(2026, 11, 25)


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("20 gallons", "litres", Decimal("75.71")),
        ("15 gal", "litres", Decimal("56.78")),
        ("$3.89/gal", "price_per_litre", Decimal("1.028")),
        ("$4.19 a gallon", "price_per_litre", Decimal("1.107")),
        ("drove 300 miles", "km", Decimal("483")),
        ("at 45,000 miles", "odometer", Decimal("72420")),
        ("odometer 45,000 miles", "odometer", Decimal("72420")),
        ("62 litres", "litres", Decimal("62")),
        ("at 85,300 km", "odometer", Decimal("85300")),
    ],
)
def test_quantities_are_converted_to_metric(text: str, kind: str, value: Decimal) -> None:
    quantities = parse_quantity(text)
    assert [(q.kind, q.value) for q in quantities] == [(kind, value)]


def test_a_fill_up_in_gallons_and_miles_logs_litres_and_km() -> None:
    intent = classify("filled up 20 gallons of diesel for $78 at 45,000 miles", TODAY)
    assert intent.name == "log_fuel"
    assert Decimal(str(intent.slots["litres"])) == Decimal("75.71")
    assert Decimal(str(intent.slots["total_cost"])) == Decimal("78.00")
    assert intent.slots["odometer_km"] == 72420


def test_gallons_and_miles_never_become_money() -> None:
    intent = classify("put in 18 gal at $4.19 a gallon", TODAY)
    assert intent.name == "log_fuel"
    assert Decimal(str(intent.slots["price_per_litre"])) == Decimal("1.107")
    assert Decimal(str(intent.slots["litres"])) == Decimal("68.14")
    assert "total_cost" not in intent.slots or Decimal(str(intent.slots["total_cost"])) == Decimal("75.42")


def test_an_oil_change_at_miles_is_logged_in_km() -> None:
    intent = classify("oil change done at 60,000 miles, cost $95", TODAY)
    assert intent.name == "log_maintenance"
    assert intent.slots["odometer_km"] == 96561


async def test_pam_gives_trip_distances_in_the_users_units(make_user) -> None:
    metric = await run_turn(user_id=make_user().id, message="plan a trip from Sydney to Melbourne")
    imperial = await run_turn(user_id=make_user(units="imperial").id, message="plan a trip from Sydney to Melbourne")
    assert " km," in metric.reply and " mi," not in metric.reply
    assert " mi," in imperial.reply and " km," not in imperial.reply


async def test_a_reading_without_a_unit_is_in_the_users_units(make_user, session) -> None:
    from sqlmodel import select

    from wheels_wins.models import FuelEntry

    imperial, metric = make_user(units="imperial"), make_user()
    for user in (imperial, metric):
        await run_turn(user_id=user.id, message="filled up 60 litres for $110 at 45,000")
    readings = {
        entry.user_id: entry.odometer_km for entry in session.exec(select(FuelEntry)).all()
    }
    assert readings == {imperial.id: 72420, metric.id: 45000}
    await run_turn(user_id=imperial.id, message="filled up 60 litres for $110 at 46,000 km")
    assert 46000 in {e.odometer_km for e in session.exec(select(FuelEntry).where(FuelEntry.user_id == imperial.id))}

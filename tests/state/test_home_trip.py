"""Home's trip card: what the trip has cost so far, against its budget."""

from __future__ import annotations

import uuid
from decimal import Decimal

from wheels_wins.pages.home.state import trip_spend
from wheels_wins.services.trip_budget import TripBudget


def _costs(spent: str, budget: str | None, count: int) -> TripBudget:
    return TripBudget(
        trip_id=uuid.uuid4(), title="Loop", budget=Decimal(budget) if budget else None, spent=Decimal(spent),
        expense_count=count, distance_km=1000.0, fuel_estimate=None,
    )


def test_spend_against_the_budget() -> None:
    assert trip_spend(_costs("1125.50", "4500.00", 12), "AUD") == {
        "spent": "$1,125.50 spent of $4,500.00", "spent_percent": 25, "over_budget": False
    }  # fmt: skip


def test_over_budget_is_flagged() -> None:
    line = trip_spend(_costs("5000.00", "4500.00", 30), "AUD")
    assert line["over_budget"] is True and line["spent_percent"] == 111


def test_without_a_budget_only_the_spend_shows() -> None:
    assert trip_spend(_costs("80.00", None, 2), "AUD") == {"spent": "$80.00 spent on this trip"}


def test_nothing_linked_and_no_budget_shows_nothing() -> None:
    assert trip_spend(_costs("0.00", None, 0), "AUD") == {}
    assert trip_spend(None, "AUD") == {}

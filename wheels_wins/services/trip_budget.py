"""A trip's budget against what was actually spent on it: the expenses linked to the trip, per category and per km.

Only the trip owner's expenses count: another user's expense that names the trip's id (the
foreign key cannot stop that) is never added in. Money stays exact: figures are two-place
Decimals, and the share of the budget used is a four-place Decimal ratio.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from sqlmodel import Session

from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import reports
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.services.charts_trip import cost_per_distance

ZERO = Decimal("0.00")
CENT = Decimal("0.01")
RATIO_STEP = Decimal("0.0001")


@dataclass(frozen=True)
class TripBudget:
    """Budget vs actual for one trip; `budget` and `fuel_estimate` are None when not set or not estimated."""

    trip_id: uuid.UUID
    title: str
    budget: Decimal | None
    spent: Decimal
    expense_count: int
    distance_km: float | None
    fuel_estimate: Decimal | None
    by_category: dict[str, Decimal] = field(default_factory=dict)
    """Spend per category, largest first."""

    @property
    def remaining(self) -> Decimal | None:
        """Budget left (negative when over), or None without a budget."""
        return None if self.budget is None else self.budget - self.spent

    @property
    def over_budget(self) -> bool:
        """Whether more was spent than budgeted."""
        return self.budget is not None and self.spent > self.budget

    @property
    def share_used(self) -> Decimal | None:
        """Spent / budget to four places (1.2500 is 25% over), or None without a positive budget."""
        if not self.budget:
            return None
        return (self.spent / self.budget).quantize(RATIO_STEP, rounding=ROUND_HALF_UP)

    def cost_per(self, units: str) -> Decimal | None:
        """Spent per km (per mile for "imperial"), to the cent; None when the distance is unknown or zero."""
        per = cost_per_distance(self.spent, self.distance_km, units=units)
        return None if per is None else per.quantize(CENT, rounding=ROUND_HALF_UP)

    @property
    def cost_per_km(self) -> Decimal | None:
        """Spent per km of the trip's distance."""
        return self.cost_per("metric")

    @property
    def cost_per_mile(self) -> Decimal | None:
        """Spent per mile of the trip's distance."""
        return self.cost_per("imperial")

    @property
    def fuel_spent(self) -> Decimal:
        """What the linked fuel expenses add up to."""
        return self.by_category.get("fuel", ZERO)

    @property
    def fuel_difference(self) -> Decimal | None:
        """Fuel spent minus the trip's fuel estimate (positive: more than estimated); None without an estimate."""
        return None if self.fuel_estimate is None else self.fuel_spent - self.fuel_estimate


def trip_budget(session: Session, *, user_id: uuid.UUID, trip_id: uuid.UUID) -> TripBudget | None:
    """Budget vs actual for the user's trip from its linked expenses; None when the trip is missing or not theirs."""
    trip = trip_repo.get(session, user_id=user_id, trip_id=trip_id)
    spending = reports.trip_spending(session, user_id=user_id, trip_id=trip_id) if trip else None
    if trip is None or spending is None:
        return None
    count, _ = expense_repo.count_and_total(session, user_id=user_id, trip_id=trip_id)
    return TripBudget(
        trip_id=trip.id,
        title=trip.title,
        budget=trip.budget,
        spent=spending.total,
        expense_count=count,
        distance_km=trip.distance_km,
        fuel_estimate=trip.estimated_fuel_cost,
        by_category=dict(spending.by_category),
    )

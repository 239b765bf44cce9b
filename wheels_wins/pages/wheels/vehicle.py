"""Wheels › Vehicle: the vehicle profile (view and edit), the fuel log's rows and the consumption summary.

Everything is stored metric; what the user sees and types is in their units (services.units).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import uuid
from collections.abc import Mapping
from decimal import Decimal
from typing import Any

import reflex as rx
from sqlmodel import Session

from wheels_wins.api.schemas.vehicle import FUEL_TYPE_LABELS, MAX_CONSUMPTION, MIN_CONSUMPTION
from wheels_wins.components.format import day_label
from wheels_wins.models import FuelEntry, User, Vehicle
from wheels_wins.pages.wheels.vehicle_forms import (
    number_text,
    odometer_text,
    read_profile,
    save_profile,
)
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.services import fuel_economy, money, units
from wheels_wins.services.fuel_economy import DEFAULT_CONSUMPTION_L_PER_100KM
from wheels_wins.state.auth import current_user, run_in_session

log = logging.getLogger(__name__)

PAGE_SIZE = 10
MEASURED_DIFFERS_BY = 0.5
"""L/100 km between measured and expected consumption before the summary offers to use the measured figure."""
_ERROR_VARS = {
    "name": "name_error",
    "make": "make_error",
    "model": "model_error",
    "year": "year_error",
    "fuel_type": "fuel_type_error",
    "tank_litres": "tank_error",
    "consumption_l_per_100km": "consumption_error",
}


@dataclasses.dataclass
class FillRow:
    """One fill-up as the fuel log shows it, with the figures its edit dialog starts from."""

    id: str
    day: str
    date: str
    volume: str
    total: str
    price: str
    odometer: str
    location: str
    full_tank: bool
    consumption: str
    volume_value: str
    total_value: str
    odometer_value: str


def _fill_row(entry: FuelEntry, user: User, today: dt.date, per_fill: Mapping[uuid.UUID, float]) -> FillRow:
    unit_system = user.units
    litres = Decimal(entry.litres)
    consumption = per_fill.get(entry.id)
    return FillRow(
        id=str(entry.id),
        day=day_label(entry.date, today),
        date=entry.date.isoformat(),
        volume=units.format_volume(litres, unit_system),
        total=money.format_money(entry.total_cost, user.currency),
        price=units.format_fill_price(
            Decimal(entry.total_cost), litres, Decimal(entry.price_per_litre), user.currency, unit_system
        ),
        odometer=odometer_text(entry.odometer_km, unit_system),
        location=entry.location,
        full_tank=entry.full_tank,
        consumption=units.format_consumption(consumption, unit_system) if consumption is not None else "",
        volume_value=number_text(units.litres_to_display(litres, unit_system), 2),
        total_value=f"{entry.total_cost:.2f}",
        odometer_value=""
        if entry.odometer_km is None
        else f"{round(units.km_to_display(entry.odometer_km, unit_system))}",
    )


class VehicleState(rx.State):
    """The vehicle card, the consumption summary and the fuel log's rows."""

    loaded: bool = False
    volume_unit: str = "L"
    distance_unit: str = "km"
    consumption_unit: str = "L/100 km"

    has_vehicle: bool = False
    vehicle_name: str = ""
    details: str = ""
    fuel_label: str = ""
    tank: str = ""
    expected: str = ""
    full_range: str = ""
    odometer: str = ""

    editing: bool = False
    form_key: int = 0
    f_name: str = ""
    f_make: str = ""
    f_model: str = ""
    f_year: str = ""
    f_fuel_type: str = "diesel"
    f_tank: str = ""
    f_consumption: str = ""
    name_error: str = ""
    make_error: str = ""
    model_error: str = ""
    year_error: str = ""
    fuel_type_error: str = ""
    tank_error: str = ""
    consumption_error: str = ""
    form_error: str = ""
    saving: bool = False
    _kept: dict[str, Any] = {}

    fills: rx.Field[list[FillRow]] = rx.field(default_factory=list)
    fill_count: int = 0
    shown: int = PAGE_SIZE

    average: str = ""
    average_hint: str = ""
    price: str = ""
    price_hint: str = ""
    basis: str = ""
    basis_hint: str = ""
    measured: str = ""
    _measured_l_per_100km: float | None = None

    @rx.var
    def more_to_show(self) -> bool:
        """Whether older fill-ups are hidden."""
        return self.fill_count > len(self.fills)

    @rx.event
    async def load(self):
        """Read the vehicle, the newest fill-ups and the consumption measured from them."""
        user = await current_user(self)
        if user is None:
            return
        limit = self.shown

        def read(session: Session) -> tuple[Vehicle | None, list[FuelEntry], int, fuel_economy.Economy, int | None]:
            vehicle = vehicle_repo.primary(session, user_id=user.id)
            rows, count = fuel_repo.list_page(session, user_id=user.id, limit=limit)
            history = max(fuel_economy.HISTORY_FILLS, limit * 2)
            readings = [
                reading
                for reading in (
                    fuel_repo.latest_odometer(session, user_id=user.id),
                    maintenance_repo.latest_odometer(session, user_id=user.id),
                )
                if reading is not None
            ]
            economy = fuel_economy.economy(session, user_id=user.id, history=history)
            return vehicle, rows, count, economy, max(readings) if readings else None

        vehicle, rows, count, economy, odometer = await run_in_session(read)
        self._show_units(user.units)
        self._show_vehicle(vehicle, user.units)
        self.odometer = units.format_distance(odometer, user.units)
        today = money.today_in(user.timezone)
        per_fill = {interval.end_fuel_id: interval.l_per_100km for interval in economy.intervals}
        self.fills = [_fill_row(entry, user, today, per_fill) for entry in rows]
        self.fill_count = count
        self._show_summary(economy, user, vehicle)
        self.loaded = True

    def _show_units(self, unit_system: str) -> None:
        self.volume_unit = units.volume_unit(unit_system)
        self.distance_unit = units.distance_unit(unit_system)
        self.consumption_unit = units.consumption_unit(unit_system)

    def _show_vehicle(self, vehicle: Vehicle | None, unit_system: str) -> None:
        self.has_vehicle = vehicle is not None
        if vehicle is None:
            self.vehicle_name = self.details = self.fuel_label = self.tank = self.expected = self.full_range = ""
            self._kept = {}
            return
        self.vehicle_name = vehicle.name
        self.details = " ".join(part for part in (str(vehicle.year or ""), vehicle.make, vehicle.model) if part)
        self.fuel_label = FUEL_TYPE_LABELS.get(vehicle.fuel_type, vehicle.fuel_type.title())
        tank = vehicle.tank_litres
        self.tank = units.format_volume(Decimal(str(tank)), unit_system) if tank else "—"
        self.expected = units.format_consumption(vehicle.consumption_l_per_100km, unit_system)
        self.full_range = (
            units.format_distance(tank / vehicle.consumption_l_per_100km * 100, unit_system)
            if tank and vehicle.consumption_l_per_100km > 0
            else "—"
        )
        tank_text = number_text(units.litres_to_display(Decimal(str(tank)), unit_system), 2) if tank else ""
        consumption_text = number_text(units.consumption_to_display(vehicle.consumption_l_per_100km, unit_system), 1)
        self._kept = {
            "name": vehicle.name,
            "make": vehicle.make,
            "model": vehicle.model,
            "year": str(vehicle.year or ""),
            "fuel_type": vehicle.fuel_type if vehicle.fuel_type in FUEL_TYPE_LABELS else "diesel",
            "tank_text": tank_text,
            "tank_litres": tank,
            "consumption_text": consumption_text,
            "consumption_l_per_100km": vehicle.consumption_l_per_100km,
        }

    def _show_summary(self, economy: fuel_economy.Economy, user: User, vehicle: Vehicle | None) -> None:
        unit_system = user.units
        measured = economy.average_l_per_100km
        self._measured_l_per_100km = measured
        if measured is None:
            self.average = "—"
            self.average_hint = "Log two full fills with odometer readings to measure it."
        else:
            self.average = units.format_consumption(measured, unit_system)
            count = economy.averaged_intervals
            self.average_hint = (
                f"Over {units.format_distance(economy.average_distance_km, unit_system)}, "
                f"{count} tank{'s' if count != 1 else ''}"
            )
        basis = economy.basis
        self.price = units.format_price_per_volume(basis.price_per_litre, user.currency, unit_system)
        self.price_hint = (
            "Average of your latest fill-ups" if basis.price_source == "log" else "A typical price until you log fuel"
        )
        self.basis = (
            f"{units.format_consumption(basis.consumption_l_per_100km, unit_system)} at "
            f"{units.format_price_per_volume(basis.price_per_litre, user.currency, unit_system)}"
        )
        self.basis_hint = (
            "Your vehicle's expected consumption and the recent price"
            if basis.consumption_source == "vehicle"
            else "A typical consumption until you add your vehicle"
        )
        differs = (
            vehicle is not None
            and measured is not None
            and abs(measured - vehicle.consumption_l_per_100km) >= MEASURED_DIFFERS_BY
            and MIN_CONSUMPTION <= measured <= MAX_CONSUMPTION
        )
        self.measured = units.format_consumption(measured, unit_system) if differs and measured is not None else ""

    def _show_errors(self, errors: Mapping[str, str]) -> None:
        for name, var in _ERROR_VARS.items():
            setattr(self, var, errors.get(name, ""))

    @rx.event
    async def start_edit(self):
        """Open the profile form on the saved vehicle (or empty, for a first one)."""
        user = await current_user(self)
        if user is None:
            return
        kept = self._kept
        self.f_name, self.f_make, self.f_model = kept.get("name", ""), kept.get("make", ""), kept.get("model", "")
        self.f_year, self.f_fuel_type = kept.get("year", ""), kept.get("fuel_type", "diesel")
        self.f_tank, self.f_consumption = kept.get("tank_text", ""), kept.get("consumption_text", "")
        if not kept:
            self.f_consumption = number_text(
                units.consumption_to_display(DEFAULT_CONSUMPTION_L_PER_100KM, user.units), 1
            )
        self._show_errors({})
        self.form_error, self.saving = "", False
        self.form_key += 1
        self.editing = True

    @rx.event
    def cancel_edit(self):
        """Close the profile form without saving."""
        self.editing = False

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Validate the profile and save it in one transaction; on an error the form keeps what was typed."""
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save your vehicle."
            return
        fields, errors = read_profile(form, user.units, self._kept)
        self._show_errors(errors)
        self.form_error = ""
        if fields is None:
            return
        self.saving = True
        yield
        try:
            vehicle = await run_in_session(lambda session: save_profile(session, user_id=user.id, fields=fields))
        except Exception:
            log.exception("Saving a vehicle failed")
            self.form_error = "We couldn't save your vehicle. Please try again."
            self.saving = False
            return
        self.saving = False
        self.editing = False
        yield VehicleState.load
        yield rx.toast.success(f"Saved {vehicle.name}.")

    @rx.event
    async def use_measured(self):
        """Make the measured average the vehicle's expected consumption, which trip estimates use."""
        user = await current_user(self)
        measured = self._measured_l_per_100km
        if user is None or measured is None or not MIN_CONSUMPTION <= measured <= MAX_CONSUMPTION:
            return

        def write(session: Session) -> bool:
            vehicle = vehicle_repo.primary(session, user_id=user.id)
            if vehicle is None:
                return False
            vehicle_repo.update(
                session, user_id=user.id, vehicle_id=vehicle.id, changes={"consumption_l_per_100km": measured}
            )
            return True

        if await run_in_session(write):
            yield VehicleState.load
            yield rx.toast.success(f"Trip estimates now use {units.format_consumption(measured, user.units)}.")

    @rx.event
    def show_more(self):
        """Show older fill-ups too."""
        self.shown += PAGE_SIZE
        return VehicleState.load

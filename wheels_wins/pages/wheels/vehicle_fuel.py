"""Wheels › Vehicle: add, edit and delete a fill-up (with Undo), always through services.vehicle_log.

Every fill-up goes through vehicle_log so its fuel expense appears in Wins and stays in step with it.
Volume, price and odometer are typed in the user's units and stored metric.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import Mapping
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import reflex as rx
from pydantic import ValidationError
from sqlmodel import Session

from wheels_wins.api.schemas.travel import FuelCreate, FuelUpdate
from wheels_wins.db import parse_uuid, to_money
from wheels_wins.models import User
from wheels_wins.pages.wheels.vehicle import FillRow, VehicleState
from wheels_wins.pages.wheels.vehicle_forms import parse_number
from wheels_wins.pages.wins.validation import parse_day
from wheels_wins.repositories import expenses as expense_repo
from wheels_wins.repositories import fuel as fuel_repo
from wheels_wins.repositories import trips as trip_repo
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.services import money, units, vehicle_log
from wheels_wins.state.auth import current_user, run_in_session
from wheels_wins.state.notifications import NotificationsState
from wheels_wins.state.undoable import UndoableDelete

log = logging.getLogger(__name__)

MAX_LOCATION = 160
MODES = ("total", "price")
_THOUSANDTHS = Decimal("0.001")
_KEPT = {"date", "litres", "total_cost", "price_per_litre", "odometer_km", "location", "full_tank", "vehicle_id"}


def _decimal(text: str, places: int) -> Decimal | None:
    """A positive number with at most `places` decimals, else None."""
    value, ok = parse_number(text)
    if not ok or value is None or value <= 0 or value != value.quantize(Decimal(1).scaleb(-places)):
        return None
    return value


def read_fill(
    form: Mapping[str, Any], *, mode: str, full_tank: bool, unit_system: str, initial: Mapping[str, Any]
) -> tuple[dict[str, Any] | None, dict[str, str]]:
    """The fill-up typed in the dialog as `vehicle_log` fields (metric), or the message for each refused field.

    The price is either the total or the price per unit of volume (`mode`). `initial` is empty for a new
    fill-up; for an edit it holds the texts the dialog opened with and the stored litres, and fields left
    as they were are left out, so an edit never rounds a stored figure through another unit.
    """
    volume_unit = units.volume_unit(unit_system)
    errors: dict[str, str] = {}
    day, date_error = parse_day(str(form.get("date", "")))
    if date_error:
        errors["date"] = "Enter the date of the fill-up."
    volume_text = str(form.get("volume", "")).strip()
    amount_text = str(form.get("amount", "")).strip()
    odometer_text = str(form.get("odometer", "")).strip()
    location = str(form.get("location", "")).strip()

    volume = _decimal(volume_text, 2)
    if volume is None:
        errors["volume"] = f"Enter the volume in {volume_unit}, like 52.3 (up to 2 decimals)."
    amount = _decimal(amount_text, 2 if mode == "total" else 3)
    if amount is None:
        errors["amount"] = (
            "Enter the total cost, like 101.99."
            if mode == "total"
            else f"Enter the price per {volume_unit}, like 1.959 (up to 3 decimals)."
        )
    odometer, ok = parse_number(odometer_text)
    if not ok or (odometer is not None and (odometer < 0 or odometer != odometer.to_integral_value())):
        errors["odometer"] = f"Enter the odometer in whole {units.distance_unit(unit_system)}, or leave it empty."
    if len(location) > MAX_LOCATION:
        errors["location"] = f"Keep the location under {MAX_LOCATION} characters."
    if errors or volume is None or amount is None or day is None:
        return None, errors

    fields: dict[str, Any] = {"date": day, "location": location, "full_tank": full_tank}
    same_volume = volume_text == initial.get("volume") and initial.get("litres") is not None
    litres = initial["litres"] if same_volume else units.display_to_litres(volume, unit_system)
    if not (same_volume and mode == "total" and amount_text == initial.get("amount")):
        fields["litres"] = litres
        if mode == "total":
            fields["total_cost"] = amount
        elif units.is_imperial(unit_system):  # the pump's total: gallons times the price per gallon
            fields["total_cost"] = to_money(volume * amount)
        else:
            fields["price_per_litre"] = amount
    if odometer_text != initial.get("odometer"):
        fields["odometer_km"] = None if odometer is None else round(units.display_to_km(float(odometer), unit_system))
    return fields, _check(fields, unit_system, editing=bool(initial))


def _check(fields: Mapping[str, Any], unit_system: str, *, editing: bool) -> dict[str, str]:
    """The API's own limits (FuelCreate, or FuelUpdate for the fields an edit changes) as dialog messages."""
    try:
        (FuelUpdate if editing else FuelCreate).model_validate(fields)
    except ValidationError as error:
        names = {str(problem["loc"][0]) for problem in error.errors() if problem.get("loc")}
        messages = {
            "litres": ("volume", f"That volume is more than a fill-up can be ({units.volume_unit(unit_system)})."),
            "total_cost": ("amount", "That total isn't one we can record; check it."),
            "price_per_litre": ("amount", "That price isn't one we can record; check it."),
            "odometer_km": ("odometer", "That odometer reading is too large."),
            "location": ("location", f"Keep the location under {MAX_LOCATION} characters."),
        }
        return dict(messages.get(name, ("form", "Check the fill-up's details.")) for name in names)
    return {}


def _write(session: Session, user: User, editing: uuid.UUID | None, fields: dict[str, Any]) -> bool:
    """Log or change the fill-up (and so its expense) in one transaction; a new one is the vehicle's."""
    if editing is None:
        vehicle = vehicle_repo.primary(session, user_id=user.id)
        vehicle_log.log_fuel(session, user=user, vehicle_id=vehicle.id if vehicle else None, **fields)
        return True
    return vehicle_log.update_fuel(session, user=user, fuel_id=editing, changes=fields) is not None


class FuelEditorState(rx.State):
    """The add/edit fill-up dialog: the cost is the total or the price per unit, the other shown live."""

    open: bool = False
    editing_id: str = ""
    form_key: int = 0
    date: str = ""
    odometer: str = ""
    location: str = ""
    volume_text: str = ""
    amount_text: str = ""
    mode: str = "total"
    full_tank: bool = True
    unit_system: str = "metric"
    currency: str = "AUD"

    date_error: str = ""
    volume_error: str = ""
    amount_error: str = ""
    odometer_error: str = ""
    location_error: str = ""
    form_error: str = ""
    saving: bool = False
    _initial: dict[str, Any] = {}

    @rx.var
    def volume_unit(self) -> str:
        """'L' or 'gal'."""
        return units.volume_unit(self.unit_system)

    @rx.var
    def distance_unit(self) -> str:
        """'km' or 'mi'."""
        return units.distance_unit(self.unit_system)

    @rx.var
    def derived(self) -> str:
        """The figure not typed, worked out from the volume and the one that was."""
        volume = _decimal(self.volume_text, 2)
        amount = _decimal(self.amount_text, 2 if self.mode == "total" else 3)
        if volume is None or amount is None:
            return ""
        if self.mode == "total":
            per_unit = (amount / volume).quantize(_THOUSANDTHS, rounding=ROUND_HALF_UP)
            return "That's " + units.format_unit_price(per_unit, self.currency, self.unit_system)
        return "Total " + money.format_money(to_money(volume * amount), self.currency)

    def _start(self, user: User, row: FillRow | None, litres: Decimal | None = None) -> None:
        self.form_key += 1
        self.unit_system, self.currency = user.units, user.currency
        self.editing_id = row.id if row else ""
        self.date = row.date if row else money.today_in(user.timezone).isoformat()
        self.volume_text = row.volume_value if row else ""
        self.amount_text = row.total_value if row else ""
        self.odometer = row.odometer_value if row else ""
        self.location = row.location if row else ""
        self.full_tank = row.full_tank if row else True
        self.mode = "total"
        self._initial = {
            "volume": self.volume_text,
            "amount": self.amount_text,
            "odometer": self.odometer,
            "litres": litres,
        }
        self.date_error = self.volume_error = self.amount_error = self.odometer_error = ""
        self.location_error = self.form_error = ""
        self.saving = False
        self.open = True

    @rx.event
    async def open_new(self):
        """Open an empty dialog dated today."""
        user = await current_user(self)
        if user is not None:
            self._start(user, None)

    @rx.event
    async def open_edit(self, row: dict[str, Any]):
        """Open the dialog on a fill-up of the list."""
        user = await current_user(self)
        if user is None:
            return
        fill = FillRow(**row)
        target = parse_uuid(fill.id)
        entry = await run_in_session(lambda s: fuel_repo.get(s, user_id=user.id, fuel_id=target)) if target else None
        if entry is None:
            yield rx.toast.error("That fill-up is no longer there.")
            return
        self._start(user, fill, Decimal(entry.litres))

    @rx.event
    def set_open(self, is_open: bool):
        """Close the dialog (Escape, outside click, Cancel)."""
        self.open = is_open

    @rx.event
    def set_volume(self, value: str):
        """The volume as typed."""
        self.volume_text = value[:20]

    @rx.event
    def set_amount(self, value: str):
        """The total or price as typed."""
        self.amount_text = value[:20]

    @rx.event
    def set_mode(self, mode: str | list[str]):
        """Type the total or the price per unit; the field then holds the other figure, worked out."""
        mode = mode if isinstance(mode, str) else (mode[0] if mode else self.mode)
        if mode not in MODES or mode == self.mode:
            return
        volume = _decimal(self.volume_text, 2)
        amount = _decimal(self.amount_text, 2 if self.mode == "total" else 3)
        if volume is not None and amount is not None:
            converted = (
                (amount / volume).quantize(_THOUSANDTHS, rounding=ROUND_HALF_UP)
                if mode == "price"
                else (to_money(volume * amount))
            )
            self.amount_text = f"{converted:f}"
        self.mode = mode

    @rx.event
    def set_full_tank(self, value: bool):
        """Filled to the top, or a partial fill."""
        self.full_tank = bool(value)

    @rx.event
    async def save(self, form: dict[str, Any]):
        """Validate and record the fill-up and its fuel expense; on an error every field keeps what was typed."""
        user = await current_user(self)
        if user is None:
            self.form_error = "Your session has ended. Sign in again to save this fill-up."
            return
        editing = parse_uuid(self.editing_id)
        initial = self._initial if editing else {}
        fields, errors = read_fill(
            form, mode=self.mode, full_tank=self.full_tank, unit_system=user.units, initial=initial
        )
        self.date_error, self.volume_error = errors.get("date", ""), errors.get("volume", "")
        self.amount_error, self.odometer_error = errors.get("amount", ""), errors.get("odometer", "")
        self.location_error, self.form_error = errors.get("location", ""), errors.get("form", "")
        if fields is None or errors:
            return
        self.saving = True
        yield
        try:
            saved = await run_in_session(lambda session: _write(session, user, editing, fields))
        except vehicle_log.VehicleLogError as error:
            saved, self.form_error = False, error.message
        except Exception:
            log.exception("Saving a fill-up failed")
            saved, self.form_error = False, "We couldn't save that fill-up. Please try again."
        self.saving = False
        if not saved:
            self.form_error = self.form_error or "That fill-up is no longer there."
            return
        self.open = False
        yield [VehicleState.load, NotificationsState.refresh_count]
        yield rx.toast.success("Fill-up updated." if editing else "Fill-up logged. Its cost is in Wins as fuel.")


class FuelDeleteState(UndoableDelete, rx.State):
    """Deleting a fill-up (its expense goes with it), with Undo for a few seconds."""

    @rx.event
    async def ask_delete(self, row: dict[str, Any]):
        """Ask before deleting."""
        await self._ask(row.get("id", ""), f"{row.get('day', '')} · {row.get('volume', '')} · {row.get('total', '')}")

    def _remove(self, session: Session, user: User, target: uuid.UUID) -> dict[str, Any] | None:
        """The fill-up goes with its expense; the expense's trip is kept for the undo."""
        entry = fuel_repo.get(session, user_id=user.id, fuel_id=target)
        if entry is None:
            return None
        expense = expense_repo.get(session, user_id=user.id, expense_id=entry.expense_id) if entry.expense_id else None
        kept = entry.model_dump(include=_KEPT)
        vehicle_log.delete_fuel(session, user=user, fuel_id=target)
        return {**kept, "trip_id": expense.trip_id if expense else None}

    def _restore(self, session: Session, user: User, kept: dict[str, Any]) -> Any:
        """Log it again with its expense; a vehicle or trip gone meanwhile is no longer linked."""
        if kept["vehicle_id"] and vehicle_repo.get(session, user_id=user.id, vehicle_id=kept["vehicle_id"]) is None:
            kept["vehicle_id"] = None
        if kept["trip_id"] and trip_repo.get(session, user_id=user.id, trip_id=kept["trip_id"]) is None:
            kept["trip_id"] = None
        return vehicle_log.log_fuel(session, user=user, **kept)

    def _gone_message(self) -> str:
        return "That fill-up was already gone."

    def _deleted_message(self, kept: dict[str, Any]) -> str:
        return "Fill-up deleted, with its fuel expense."

    def _restored_message(self, kept: dict[str, Any], restored: Any) -> str:
        return "Fill-up restored."

    def _reload_events(self) -> list[Any]:
        return [VehicleState.load, NotificationsState.refresh_count]

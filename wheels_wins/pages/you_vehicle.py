"""You › Your vehicle: the rig in one line, with its expected fuel use in the user's units; edited on Wheels."""

from __future__ import annotations

from decimal import Decimal

import reflex as rx

from wheels_wins import routes
from wheels_wins.components import empty_state, loading_block, section_card
from wheels_wins.models import Vehicle
from wheels_wins.repositories import vehicles as vehicle_repo
from wheels_wins.services import units
from wheels_wins.state.auth import current_user, run_in_session

VEHICLE_TAB = f"{routes.WHEELS}?tab=vehicle"


def vehicle_lines(vehicle: Vehicle, unit_system: str) -> tuple[str, str]:
    """('2019 Toyota LandCruiser 79', 'Diesel · 180 L tank · 15.5 L/100 km expected') for the card."""
    model = " ".join(str(part) for part in (vehicle.year, vehicle.make, vehicle.model) if part)
    details = [vehicle.fuel_type.upper() if vehicle.fuel_type in ("lpg", "e10", "e85") else vehicle.fuel_type.title()]
    if vehicle.tank_litres:
        tank = units.litres_to_display(Decimal(str(vehicle.tank_litres)), unit_system).normalize()
        details.append(f"{tank:f} {units.volume_unit(unit_system)} tank")
    details.append(f"{units.format_consumption(vehicle.consumption_l_per_100km, unit_system)} expected")
    return model, " · ".join(details)


class YouVehicleState(rx.State):
    """The signed-in user's vehicle as the You page shows it."""

    loaded: bool = False
    name: str = ""
    model: str = ""
    details: str = ""

    @rx.event
    async def load(self):
        """Read the user's vehicle (the one trip estimates use)."""
        user = await current_user(self)
        if user is None:
            return
        vehicle = await run_in_session(lambda session: vehicle_repo.primary(session, user_id=user.id))
        self.name = vehicle.name if vehicle else ""
        self.model, self.details = vehicle_lines(vehicle, user.units) if vehicle else ("", "")
        self.loaded = True


def vehicle_card() -> rx.Component:
    """The vehicle card: a summary with a link to edit it on Wheels, or an invitation to add one."""
    return section_card(
        "caravan",
        "Your vehicle",
        rx.cond(
            ~YouVehicleState.loaded,
            loading_block(2),
        ),
        rx.cond(
            YouVehicleState.loaded & (YouVehicleState.name != ""),
            rx.vstack(
                rx.text(YouVehicleState.name, size="4", weight="bold"),
                rx.cond(YouVehicleState.model != "", rx.text(YouVehicleState.model, size="2")),
                rx.text(YouVehicleState.details, size="2", color=rx.color("gray", 11)),
                spacing="1",
                width="100%",
            ),
            rx.cond(
                YouVehicleState.loaded,
                empty_state(
                    "caravan",
                    "No vehicle yet",
                    "Add your rig on Wheels: its fuel use makes trip estimates yours.",
                ),
            ),
        ),
        link=VEHICLE_TAB,
        link_label="Edit on Wheels",
    )

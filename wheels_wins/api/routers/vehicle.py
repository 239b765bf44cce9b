"""The user's vehicle: one profile, whose consumption trip fuel-cost estimates use."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from wheels_wins.api.deps import CurrentUser, SessionDep
from wheels_wins.api.errors import ERROR_RESPONSES, not_found
from wheels_wins.api.schemas.vehicle import VehicleIn, VehiclePublic
from wheels_wins.repositories import vehicles as vehicle_repo

router = APIRouter(prefix="/vehicle", tags=["vehicle"], responses={401: ERROR_RESPONSES[401]})


@router.get("", response_model=VehiclePublic, summary="My vehicle", responses={404: ERROR_RESPONSES[404]})
def get_vehicle(user: CurrentUser, session: SessionDep) -> VehiclePublic:
    """The user's vehicle; 404 until one is saved with PUT."""
    vehicle = vehicle_repo.primary(session, user_id=user.id)
    if vehicle is None:
        raise not_found("vehicle")
    return VehiclePublic.model_validate(vehicle)


@router.put(
    "",
    response_model=VehiclePublic,
    summary="Save my vehicle",
    responses={201: {"model": VehiclePublic, "description": "Created"}, 422: ERROR_RESPONSES[422]},
)
def put_vehicle(body: VehicleIn, user: CurrentUser, session: SessionDep, response: Response) -> VehiclePublic:
    """Create the vehicle (201) or replace its profile (200); fields left out take their defaults."""
    vehicle, created = vehicle_repo.save_primary(session, user_id=user.id, fields=body.model_dump())
    if created:
        response.status_code = status.HTTP_201_CREATED
    return VehiclePublic.model_validate(vehicle)

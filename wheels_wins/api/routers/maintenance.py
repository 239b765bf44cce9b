"""Maintenance records; a cost is also recorded as a maintenance expense."""

from __future__ import annotations

from fastapi import APIRouter, Response, status

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, user_today
from wheels_wins.api.errors import ERROR_RESPONSES, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.travel import MaintenanceCreate, MaintenancePublic, MaintenanceUpdate
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.services import vehicle_log

router = APIRouter(
    prefix="/maintenance", tags=["maintenance"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]}
)


@router.get("", response_model=Page[MaintenancePublic], summary="List maintenance")
def list_maintenance(user: CurrentUser, session: SessionDep, paging: PagingDep) -> Page[MaintenancePublic]:
    """The user's maintenance records, newest first."""
    rows, total = maintenance_repo.list_page(session, user_id=user.id, limit=paging.limit, offset=paging.offset)
    return Page(items=[MaintenancePublic.model_validate(row) for row in rows], total=total)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=MaintenancePublic, summary="Record maintenance")
def create_maintenance(body: MaintenanceCreate, user: CurrentUser, session: SessionDep) -> MaintenancePublic:
    """Record work done on the vehicle; a cost is also recorded as a maintenance expense."""
    record = vehicle_log.log_maintenance(
        session,
        user=user,
        task=body.task,
        date=body.date or user_today(user),
        odometer_km=body.odometer_km,
        cost=body.cost,
        notes=body.notes,
        next_due_date=body.next_due_date,
        next_due_km=body.next_due_km,
    )
    return MaintenancePublic.model_validate(record)


@router.get(
    "/{record_id}",
    response_model=MaintenancePublic,
    summary="Get a maintenance record",
    responses={404: ERROR_RESPONSES[404]},
)
def get_maintenance(record_id: str, user: CurrentUser, session: SessionDep) -> MaintenancePublic:
    """One of the user's maintenance records."""
    record = maintenance_repo.get(session, user_id=user.id, record_id=parse_id(record_id, "maintenance record"))
    if record is None:
        raise not_found("maintenance record")
    return MaintenancePublic.model_validate(record)


@router.patch(
    "/{record_id}",
    response_model=MaintenancePublic,
    summary="Update a maintenance record",
    responses={404: ERROR_RESPONSES[404]},
)
def update_maintenance(
    record_id: str, body: MaintenanceUpdate, user: CurrentUser, session: SessionDep
) -> MaintenancePublic:
    """Change the fields sent; the linked expense is created, updated or removed to match the cost."""
    record = vehicle_log.update_maintenance(
        session, user=user, record_id=parse_id(record_id, "maintenance record"), changes=body.changes()
    )
    if record is None:
        raise not_found("maintenance record")
    return MaintenancePublic.model_validate(record)


@router.delete(
    "/{record_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a maintenance record",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_maintenance(record_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete a maintenance record and its expense."""
    if not vehicle_log.delete_maintenance(session, user=user, record_id=parse_id(record_id, "maintenance record")):
        raise not_found("maintenance record")
    return Response(status_code=status.HTTP_204_NO_CONTENT)

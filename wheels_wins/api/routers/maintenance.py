"""Maintenance records (a cost is also recorded as a maintenance expense), schedules, and what is due."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from sqlmodel import Session

from wheels_wins.api.deps import CurrentUser, PagingDep, SessionDep, parse_id, user_today
from wheels_wins.api.errors import ERROR_RESPONSES, not_found
from wheels_wins.api.schemas.common import Page
from wheels_wins.api.schemas.maintenance import DueList, DuePublic, ScheduleCreate, SchedulePublic, ScheduleUpdate
from wheels_wins.api.schemas.travel import MaintenanceCreate, MaintenancePublic, MaintenanceUpdate
from wheels_wins.models import MaintenanceSchedule, User
from wheels_wins.repositories import maintenance as maintenance_repo
from wheels_wins.repositories import maintenance_schedules as schedule_repo
from wheels_wins.services import maintenance_due, vehicle_log

router = APIRouter(
    prefix="/maintenance", tags=["maintenance"], responses={401: ERROR_RESPONSES[401], 422: ERROR_RESPONSES[422]}
)


def _schedule_public(session: Session, user: User, schedules: list[MaintenanceSchedule]) -> list[SchedulePublic]:
    statuses = maintenance_due.schedule_statuses(session, user_id=user.id, today=user_today(user), schedules=schedules)
    return [SchedulePublic.of(s) for s in statuses]


@router.get("/due", response_model=DueList, summary="What is due")
def list_due(
    user: CurrentUser,
    session: SessionDep,
    soon_days: Annotated[int, Query(ge=0, le=3650, description="Due soon within this many days")] = 30,
    soon_km: Annotated[int, Query(ge=0, le=1_000_000, description="Due soon within this many km")] = 1000,
) -> DueList:
    """Tasks overdue or due soon, by schedule or a record's own next-due figures: overdue first, then soonest."""
    items = vehicle_log.maintenance_due(
        session, user_id=user.id, today=user_today(user), soon_days=soon_days, soon_km=soon_km
    )
    return DueList(
        items=[DuePublic.of(item) for item in items],
        total=len(items),
        odometer_km=maintenance_due.current_odometer(session, user_id=user.id),
    )


@router.get("/schedules", response_model=Page[SchedulePublic], summary="List maintenance schedules")
def list_schedules(user: CurrentUser, session: SessionDep, paging: PagingDep) -> Page[SchedulePublic]:
    """The user's schedules by task, each with when it was last done and is next due."""
    rows, total = schedule_repo.list_page(session, user_id=user.id, limit=paging.limit, offset=paging.offset)
    return Page(items=_schedule_public(session, user, rows), total=total)


@router.post("/schedules", status_code=status.HTTP_201_CREATED, response_model=SchedulePublic, summary="Add a schedule")
def create_schedule(body: ScheduleCreate, user: CurrentUser, session: SessionDep) -> SchedulePublic:
    """A task every so many km and/or months; one schedule per task (names compared ignoring case)."""
    schedule = vehicle_log.add_schedule(session, user=user, **body.model_dump())
    [public] = _schedule_public(session, user, [schedule])
    return public


@router.get(
    "/schedules/{schedule_id}",
    response_model=SchedulePublic,
    summary="Get a schedule",
    responses={404: ERROR_RESPONSES[404]},
)
def get_schedule(schedule_id: str, user: CurrentUser, session: SessionDep) -> SchedulePublic:
    """One of the user's schedules with its due figures."""
    schedule = schedule_repo.get(session, user_id=user.id, schedule_id=parse_id(schedule_id, "schedule"))
    if schedule is None:
        raise not_found("schedule")
    [public] = _schedule_public(session, user, [schedule])
    return public


@router.patch(
    "/schedules/{schedule_id}",
    response_model=SchedulePublic,
    summary="Update a schedule",
    responses={404: ERROR_RESPONSES[404]},
)
def update_schedule(schedule_id: str, body: ScheduleUpdate, user: CurrentUser, session: SessionDep) -> SchedulePublic:
    """Change the fields sent; `every_km` or `every_months` must remain."""
    schedule = vehicle_log.update_schedule(
        session, user=user, schedule_id=parse_id(schedule_id, "schedule"), changes=body.changes()
    )
    if schedule is None:
        raise not_found("schedule")
    [public] = _schedule_public(session, user, [schedule])
    return public


@router.delete(
    "/schedules/{schedule_id}",
    status_code=status.HTTP_204_NO_CONTENT,
    response_class=Response,
    summary="Delete a schedule",
    responses={404: ERROR_RESPONSES[404]},
)
def delete_schedule(schedule_id: str, user: CurrentUser, session: SessionDep) -> Response:
    """Delete a schedule; the records of its task stay."""
    if not vehicle_log.delete_schedule(session, user=user, schedule_id=parse_id(schedule_id, "schedule")):
        raise not_found("schedule")
    return Response(status_code=status.HTTP_204_NO_CONTENT)


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

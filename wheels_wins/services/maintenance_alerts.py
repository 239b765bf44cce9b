"""Maintenance alerts: an in-app notice when a task comes due soon, and another when it is overdue.

Checked after every fill-up and maintenance write (services.vehicle_log, whoever calls it: REST,
the Wheels page, PAM) and when Home loads. One notice per task, due figures and state:
`dedupe_key` is `maintenance:{task hash}:{due date}:{due km}:{soon|overdue}`, so the odometer
creeping on repeats nothing, while doing the task (which moves the due figures) arms the next one.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging

from sqlalchemy.exc import SQLAlchemyError
from sqlmodel import Session

from wheels_wins.db import lost_connection
from wheels_wins.models import User
from wheels_wins.repositories import notifications as notification_repo
from wheels_wins.routes import WHEELS
from wheels_wins.services.maintenance_due import DueItem, due_label, maintenance_due, task_key
from wheels_wins.services.units import distance_unit, km_to_display

log = logging.getLogger(__name__)

KIND = "maintenance"
LINK = f"{WHEELS}?tab=vehicle"
_TASK_IN_TITLE = 120


def dedupe_key(item: DueItem) -> str:
    """`maintenance:3f2a9c0d1e4b:2026-09-10:131000:soon` (the task hashed to keep the key short)."""
    digest = hashlib.sha256(task_key(item.task).encode()).hexdigest()[:12]
    due_km = item.due_km if item.due_km is not None else "-"
    return f"maintenance:{digest}:{item.due_date or '-'}:{due_km}:{item.state}"


def _title(item: DueItem) -> str:
    task = item.task if len(item.task) <= _TASK_IN_TITLE else item.task[: _TASK_IN_TITLE - 1] + "…"
    return f"{task} is overdue" if item.overdue else f"{task} is due soon"


def _body(item: DueItem, units: str) -> str:
    when = []
    if item.due_date is not None:
        when.append(f"on {item.due_date.day} {item.due_date:%b %Y}")
    if item.due_km is not None:
        when.append(f"at {km_to_display(item.due_km, units):,.0f} {distance_unit(units)}")
    lead = "Due" if item.overdue else "Next due"  # "was due" misleads when only the km has passed
    due = f" {lead} {' or '.join(when)}." if when else ""
    return f"{due_label(item, units)}.{due}"


def notify_due(session: Session, *, user: User, today: dt.date) -> int:
    """Notify the user of each task due soon or overdue not yet notified in that state; returns how many are new.

    Written in a savepoint: a concurrent request sending the same notice (the dedupe key is unique)
    or any other failure there costs the notice, never the caller's write.
    """
    items = maintenance_due(session, user_id=user.id, today=today)
    if not items:
        return 0
    created = 0
    try:
        with session.begin_nested():
            for item in items:
                note = notification_repo.notify_once(
                    session,
                    user_id=user.id,
                    kind=KIND,
                    title=_title(item),
                    body=_body(item, user.units),
                    link=LINK,
                    dedupe_key=dedupe_key(item),
                )
                created += note is not None
    except SQLAlchemyError as exc:
        if lost_connection(exc):
            raise
        log.warning("Maintenance alerts skipped (%s)", exc.__class__.__name__)
        return 0
    return created

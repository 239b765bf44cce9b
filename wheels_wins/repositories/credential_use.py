"""When a bearer credential (a login session or an access token) was last used, recorded without waiting."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import update
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select


def record_use(session: Session, credential: Any, *, now: dt.datetime, interval: dt.timedelta) -> bool:
    """Set `credential.last_used_at` to `now` unless it was set within `interval`; True if written.

    Requests sharing a token all find it due at the same moment. Had each one updated the row, all
    but the first would wait on its row lock until that request committed, each holding a worker
    thread meanwhile, and enough of them stall every request of the worker. So whoever finds the row
    locked skips it (SKIP LOCKED): another request is recording the use already.
    """
    if credential.last_used_at is not None and now - credential.last_used_at < interval:
        return False
    model = type(credential)
    unlocked = select(model.id).where(model.id == credential.id).with_for_update(skip_locked=True)
    result = session.execute(
        update(model).where(model.id == unlocked.scalar_subquery()).values(last_used_at=now),
        execution_options={"synchronize_session": False},
    )
    if result.rowcount != 1:
        return False
    set_committed_value(credential, "last_used_at", now)
    return True

"""Import drafts (an uploaded statement awaiting confirmation), scoped by the acting user."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import dataclass
from typing import Any

from sqlmodel import Session, col, delete, select

from wheels_wins.db import utcnow
from wheels_wins.models import ImportDraft
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, get_owned


@dataclass(frozen=True)
class DraftSummary:
    """A draft without its file content, for listings."""

    id: uuid.UUID
    filename: str
    size_bytes: int
    created_at: dt.datetime
    updated_at: dt.datetime


def create(
    session: Session, *, user_id: uuid.UUID, filename: str, content: bytes, settings: dict[str, Any]
) -> ImportDraft:
    """Keep an uploaded file and what was detected about it."""
    row_security.as_user(session, user_id)
    draft = ImportDraft(user_id=user_id, filename=filename, content=content, size_bytes=len(content), settings=settings)
    return add(session, draft)


def get(session: Session, *, user_id: uuid.UUID, draft_id: uuid.UUID) -> ImportDraft | None:
    """The user's draft with its content, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, ImportDraft, user_id=user_id, record_id=draft_id)


def list_recent(session: Session, *, user_id: uuid.UUID, limit: int = 20) -> list[DraftSummary]:
    """The user's drafts, newest first, without loading their content."""
    row_security.as_user(session, user_id)
    query = (
        select(
            ImportDraft.id, ImportDraft.filename, ImportDraft.size_bytes, ImportDraft.created_at, ImportDraft.updated_at
        )
        .where(ImportDraft.user_id == user_id)
        .order_by(col(ImportDraft.created_at).desc())
        .limit(limit)
    )
    return [DraftSummary(*row) for row in session.exec(query).all()]


def update_settings(
    session: Session, *, user_id: uuid.UUID, draft_id: uuid.UUID, settings: dict[str, Any]
) -> ImportDraft | None:
    """Replace the draft's settings (detected values, mapping, row choices); None when not the user's."""
    row_security.as_user(session, user_id)
    draft = get(session, user_id=user_id, draft_id=draft_id)
    if draft is None:
        return None
    draft.settings = dict(settings)  # a new object, so the JSON column is seen as changed
    draft.updated_at = utcnow()
    session.add(draft)
    session.flush()
    return draft


def delete_draft(session: Session, *, user_id: uuid.UUID, draft_id: uuid.UUID) -> bool:
    """Delete the user's draft; False when it is not theirs."""
    row_security.as_user(session, user_id)
    statement = delete(ImportDraft).where(ImportDraft.id == draft_id, ImportDraft.user_id == user_id)
    return session.exec(statement).rowcount > 0


def prune(session: Session, *, user_id: uuid.UUID, keep: int, older_than: dt.datetime) -> int:
    """Delete the user's drafts beyond the newest `keep` and any created before `older_than`; how many went."""
    row_security.as_user(session, user_id)
    query = (
        select(ImportDraft.id, ImportDraft.created_at)
        .where(ImportDraft.user_id == user_id)
        .order_by(col(ImportDraft.created_at).desc())
    )
    doomed = [
        draft_id
        for position, (draft_id, created_at) in enumerate(session.exec(query).all())
        if position >= keep or created_at < older_than
    ]
    if doomed:
        session.exec(delete(ImportDraft).where(ImportDraft.user_id == user_id, col(ImportDraft.id).in_(doomed)))
    return len(doomed)

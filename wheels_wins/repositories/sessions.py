"""Login sessions, looked up by the SHA-256 of their token and revoked per user."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import delete, or_, update
from sqlmodel import Session, col, select

from wheels_wins.db import utcnow
from wheels_wins.models import AuthSession
from wheels_wins.repositories import credential_use, row_security
from wheels_wins.settings import get_settings

# Recording every request would turn each read into a write; a minute's precision is plenty.
TOUCH_INTERVAL = dt.timedelta(minutes=1)
USER_AGENT_MAX = 200


def create(
    session: Session, *, user_id: uuid.UUID, token_hash: str, expires_at: dt.datetime, user_agent: str = ""
) -> AuthSession:
    """Add a session that expires (absolutely) at `expires_at`, and flush."""
    row_security.as_user(session, user_id)
    auth_session = AuthSession(
        user_id=user_id,
        token_hash=token_hash,
        last_used_at=utcnow(),
        expires_at=expires_at,
        user_agent=user_agent[:USER_AGENT_MAX],
    )
    session.add(auth_session)
    session.flush()
    return auth_session


def _idle_cutoff(now: dt.datetime) -> dt.datetime:
    return now - dt.timedelta(minutes=get_settings().session_idle_minutes)


def get_active_by_hash(session: Session, *, token_hash: str, now: dt.datetime) -> AuthSession | None:
    """The session with this token hash unless it is revoked, past its expiry or idle too long; once found,
    the transaction acts for its user."""
    found = row_security.find_credential(session, AuthSession, token_hash)
    if found is None:
        return None
    if found.revoked_at is not None or found.expires_at <= now or found.last_used_at <= _idle_cutoff(now):
        row_security.forget_user(session)  # a dead token makes nobody the acting user
        return None
    return found


def list_active(session: Session, *, user_id: uuid.UUID, now: dt.datetime) -> list[AuthSession]:
    """The user's live sessions (their signed-in devices), most recently used first."""
    row_security.as_user(session, user_id)
    return list(
        session.exec(
            select(AuthSession)
            .where(
                AuthSession.user_id == user_id,
                col(AuthSession.revoked_at).is_(None),
                AuthSession.expires_at > now,
                AuthSession.last_used_at > _idle_cutoff(now),
            )
            .order_by(col(AuthSession.last_used_at).desc())
        ).all()
    )


def touch(session: Session, *, auth_session: AuthSession, now: dt.datetime) -> bool:
    """Record that the session was used, writing at most once per TOUCH_INTERVAL (and never waiting for
    a concurrent request doing the same); True if written."""
    return credential_use.record_use(session, auth_session, now=now, interval=TOUCH_INTERVAL)


def revoke(session: Session, *, user_id: uuid.UUID, token_hash: str) -> bool:
    """Revoke the user's session with this token hash; False when there is no such live session of theirs."""
    row_security.as_user(session, user_id)
    result = session.exec(
        update(AuthSession)
        .where(
            col(AuthSession.user_id) == user_id,
            col(AuthSession.token_hash) == token_hash,
            col(AuthSession.revoked_at).is_(None),
        )
        .values(revoked_at=utcnow())
    )
    return result.rowcount > 0


def revoke_all(session: Session, *, user_id: uuid.UUID) -> int:
    """Revoke every live session of the user; the number revoked."""
    row_security.as_user(session, user_id)
    result = session.exec(
        update(AuthSession)
        .where(col(AuthSession.user_id) == user_id, col(AuthSession.revoked_at).is_(None))
        .values(revoked_at=utcnow())
    )
    return result.rowcount


def purge_expired(session: Session, *, now: dt.datetime) -> int:
    """Delete sessions that can never be used again (a maintenance job, across all users); the number deleted."""
    with row_security.system(session):
        result = session.exec(
            delete(AuthSession).where(
                or_(
                    col(AuthSession.revoked_at).is_not(None),
                    AuthSession.expires_at <= now,
                    AuthSession.last_used_at <= _idle_cutoff(now),
                )
            )
        )
    return result.rowcount

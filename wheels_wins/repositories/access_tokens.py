"""Personal access tokens, looked up by the SHA-256 of their token and listed or revoked per user."""

from __future__ import annotations

import datetime as dt
import uuid

from sqlalchemy import update
from sqlmodel import Session, col, select

from wheels_wins.models import PersonalAccessToken
from wheels_wins.repositories import credential_use, row_security

# Recording every request would turn each read into a write; a minute's precision is plenty.
TOUCH_INTERVAL = dt.timedelta(minutes=1)


def create(
    session: Session, *, user_id: uuid.UUID, name: str, scope: str, token_hash: str, prefix: str
) -> PersonalAccessToken:
    """Add a token for the user and flush."""
    row_security.as_user(session, user_id)
    token = PersonalAccessToken(user_id=user_id, name=name, scope=scope, token_hash=token_hash, prefix=prefix)
    session.add(token)
    session.flush()
    return token


def get_active_by_hash(session: Session, *, token_hash: str) -> PersonalAccessToken | None:
    """The unrevoked token with this hash, or None; once found, the transaction acts for its user."""
    token = row_security.find_credential(session, PersonalAccessToken, token_hash)
    if token is not None and token.revoked_at is not None:
        row_security.forget_user(session)  # a revoked token makes nobody the acting user
        return None
    return token


def list_active(session: Session, *, user_id: uuid.UUID) -> list[PersonalAccessToken]:
    """The user's unrevoked tokens, newest first."""
    row_security.as_user(session, user_id)
    return list(
        session.exec(
            select(PersonalAccessToken)
            .where(PersonalAccessToken.user_id == user_id, col(PersonalAccessToken.revoked_at).is_(None))
            .order_by(col(PersonalAccessToken.created_at).desc(), col(PersonalAccessToken.id))
        ).all()
    )


def touch(session: Session, *, token: PersonalAccessToken, now: dt.datetime) -> bool:
    """Record that the token was used, writing at most once per TOUCH_INTERVAL (and never waiting for a
    concurrent request doing the same); True if written."""
    return credential_use.record_use(session, token, now=now, interval=TOUCH_INTERVAL)


def revoke(session: Session, *, user_id: uuid.UUID, token_id: uuid.UUID, now: dt.datetime) -> bool:
    """Revoke the user's live token with this id; False when there is no such token of theirs."""
    row_security.as_user(session, user_id)
    result = session.exec(
        update(PersonalAccessToken)
        .where(
            col(PersonalAccessToken.id) == token_id,
            col(PersonalAccessToken.user_id) == user_id,
            col(PersonalAccessToken.revoked_at).is_(None),
        )
        .values(revoked_at=now, updated_at=now)
    )
    return result.rowcount > 0

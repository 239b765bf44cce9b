"""The shared text-to-speech cache: no user owns a row (keys are hashes of voice and text), so nothing is scoped."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import delete
from sqlmodel import Session, col, select

from wheels_wins.db import utcnow
from wheels_wins.models import AudioCache


def get_valid(session: Session, *, cache_key: str, now: dt.datetime) -> AudioCache | None:
    """The entry for `cache_key` unless it has expired by `now`, or None."""
    return session.exec(
        select(AudioCache).where(AudioCache.cache_key == cache_key, col(AudioCache.expires_at) > now)
    ).first()


def put(
    session: Session,
    *,
    cache_key: str,
    voice: str,
    audio: bytes,
    expires_at: dt.datetime,
    mime_type: str = "audio/mpeg",
) -> AudioCache:
    """Store audio under `cache_key`, replacing an existing (e.g. expired) entry, and flush."""
    entry = session.exec(select(AudioCache).where(AudioCache.cache_key == cache_key)).first()
    if entry is None:
        entry = AudioCache(cache_key=cache_key, voice=voice, mime_type=mime_type, audio=audio, expires_at=expires_at)
    else:
        entry.voice, entry.mime_type, entry.audio, entry.expires_at = voice, mime_type, audio, expires_at
        entry.updated_at = utcnow()
    session.add(entry)
    session.flush()
    return entry


def purge_expired(session: Session, *, now: dt.datetime, limit: int | None = None) -> int:
    """Delete the entries that have expired by `now` (at most `limit` of them); returns how many went."""
    expired = col(AudioCache.expires_at) <= now
    if limit is not None:
        # Rows hold audio: a bounded batch keeps each cleanup transaction short.
        batch = select(AudioCache.id).where(expired).order_by(col(AudioCache.expires_at)).limit(limit)
        expired = col(AudioCache.id).in_(batch.scalar_subquery())
    result = session.exec(delete(AudioCache).where(expired))
    return result.rowcount

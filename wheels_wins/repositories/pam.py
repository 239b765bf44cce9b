"""PAM conversations, messages and feedback, scoped by the acting user."""

from __future__ import annotations

import uuid
from typing import Any

from sqlalchemy import insert, update
from sqlalchemy.orm.attributes import flag_modified, set_committed_value
from sqlmodel import Session, select

from wheels_wins.db import utcnow
from wheels_wins.models import PamConversation, PamFeedback, PamMessage
from wheels_wins.repositories import row_security
from wheels_wins.repositories.owned import add, get_owned, page


def create_conversation(session: Session, *, user_id: uuid.UUID, title: str = "New conversation") -> PamConversation:
    """Start a conversation."""
    row_security.as_user(session, user_id)
    return add(session, PamConversation(user_id=user_id, title=title[:120] or "New conversation"))


def get_conversation(session: Session, *, user_id: uuid.UUID, conversation_id: uuid.UUID) -> PamConversation | None:
    """The user's conversation, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, PamConversation, user_id=user_id, record_id=conversation_id)


def list_conversations(
    session: Session, *, user_id: uuid.UUID, limit: int = 50, offset: int = 0
) -> tuple[list[PamConversation], int]:
    """The user's conversations, most recently active first."""
    row_security.as_user(session, user_id)
    query = select(PamConversation).where(PamConversation.user_id == user_id)
    return page(session, query, order_by=[PamConversation.updated_at.desc()], limit=limit, offset=offset)


def add_message(
    session: Session,
    *,
    user_id: uuid.UUID,
    conversation: PamConversation,
    role: str,
    content: str,
    provider: str | None = None,
    tool_calls: list[dict[str, Any]] | None = None,
    ui_actions: list[dict[str, Any]] | None = None,
    pending: dict[str, Any] | None = None,
) -> PamMessage:
    """Append a message and mark the conversation active.

    Two plain statements rather than the ORM's unit of work: every PAM turn writes two messages, and the
    flush machinery cost more than the PAM engine itself. The message returned is not in the session.
    """
    row_security.as_user(session, user_id)
    message = PamMessage(
        user_id=user_id,
        conversation_id=conversation.id,
        role=role,
        content=content[:8000],
        provider=provider,
        tool_calls=tool_calls or [],
        ui_actions=ui_actions or [],
        pending=pending,
    )
    messages_table, conversations_table = PamMessage.__table__, PamConversation.__table__  # type: ignore[attr-defined]
    session.execute(insert(messages_table).values({c.name: getattr(message, c.name) for c in messages_table.columns}))
    session.execute(
        update(conversations_table)
        .where(conversations_table.c.id == conversation.id, conversations_table.c.user_id == user_id)
        .values(updated_at=message.created_at)
    )
    set_committed_value(conversation, "updated_at", message.created_at)
    return message


def messages(
    session: Session, *, user_id: uuid.UUID, conversation_id: uuid.UUID, limit: int | None = None
) -> list[PamMessage]:
    """Messages oldest first; with `limit`, only the latest ones."""
    row_security.as_user(session, user_id)
    query = select(PamMessage).where(PamMessage.user_id == user_id, PamMessage.conversation_id == conversation_id)
    if limit is None:
        return list(session.exec(query.order_by(PamMessage.created_at, PamMessage.id)).all())
    latest = session.exec(query.order_by(PamMessage.created_at.desc()).limit(limit)).all()
    return list(reversed(latest))


def get_message(session: Session, *, user_id: uuid.UUID, message_id: uuid.UUID) -> PamMessage | None:
    """The user's message, or None."""
    row_security.as_user(session, user_id)
    return get_owned(session, PamMessage, user_id=user_id, record_id=message_id)


def last_undoable(
    session: Session, *, user_id: uuid.UUID, conversation_id: uuid.UUID | None, scan: int = 30
) -> tuple[PamMessage, int] | None:
    """The newest assistant message holding a change not yet undone, and that call's index."""
    row_security.as_user(session, user_id)
    query = select(PamMessage).where(PamMessage.user_id == user_id, PamMessage.role == "assistant")
    if conversation_id is not None:
        query = query.where(PamMessage.conversation_id == conversation_id)
    for message in session.exec(query.order_by(PamMessage.created_at.desc()).limit(scan)).all():
        for index in range(len(message.tool_calls) - 1, -1, -1):
            if is_undoable(message.tool_calls[index]):
                return message, index
    return None


def is_undoable(call: dict[str, Any]) -> bool:
    """Whether a stored tool call made a change that can still be undone."""
    return bool(call.get("ok") and call.get("undo") and not call.get("undone"))


def mark_undone(session: Session, *, message: PamMessage, index: int) -> None:
    """Record that one of a message's changes has been undone."""
    calls = [dict(c) for c in message.tool_calls]
    calls[index]["undone"] = True
    message.tool_calls = calls
    flag_modified(message, "tool_calls")
    session.add(message)
    session.flush()


def add_feedback(
    session: Session, *, user_id: uuid.UUID, message_id: uuid.UUID, rating: str, comment: str = ""
) -> PamFeedback | None:
    """Store (or replace) the user's rating of one of PAM's replies; None when the message isn't theirs."""
    row_security.as_user(session, user_id)
    if get_message(session, user_id=user_id, message_id=message_id) is None:
        return None
    existing = session.exec(
        select(PamFeedback).where(PamFeedback.user_id == user_id, PamFeedback.message_id == message_id)
    ).first()
    if existing:
        existing.rating, existing.comment, existing.updated_at = rating, comment, utcnow()
        session.add(existing)
        session.flush()
        return existing
    return add(session, PamFeedback(user_id=user_id, message_id=message_id, rating=rating, comment=comment))


def latest_conversation(session: Session, *, user_id: uuid.UUID) -> PamConversation | None:
    """The user's most recently active conversation, or None."""
    row_security.as_user(session, user_id)
    rows, _ = list_conversations(session, user_id=user_id, limit=1, offset=0)
    return rows[0] if rows else None


def ratings(session: Session, *, user_id: uuid.UUID, message_ids: list[uuid.UUID]) -> dict[uuid.UUID, str]:
    """The user's rating of each of these messages that has one."""
    row_security.as_user(session, user_id)
    if not message_ids:
        return {}
    query = select(PamFeedback).where(PamFeedback.user_id == user_id, PamFeedback.message_id.in_(message_ids))
    return {row.message_id: row.rating for row in session.exec(query).all()}

"""Talking to PAM in tests: several messages, one conversation."""

from __future__ import annotations

from wheels_wins.models import User
from wheels_wins.pam.agent import TurnResult, run_turn


async def converse(user: User, *messages: str) -> list[TurnResult]:
    """Each message's turn, in one conversation, whatever PAM answers (a question back included)."""
    turns: list[TurnResult] = []
    conversation_id = None
    for message in messages:
        turn = await run_turn(user_id=user.id, message=message, conversation_id=conversation_id)
        turns.append(turn)
        conversation_id = turn.conversation_id
    return turns

"""The PAM panel's send handler: the per-user message budget shared with REST, a session ended elsewhere, what
was typed given back, and how many messages the panel holds."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
import reflex as rx
from sqlmodel import Session, select

from tests.state.test_undoable import _said, _substate, run
from wheels_wins.models import Expense, PamMessage, User
from wheels_wins.services import auth as auth_service
from wheels_wins.services.rate_limits import PAM_MESSAGES, get_rate_limiter, reset_rate_limits
from wheels_wins.settings import get_settings
from wheels_wins.state.auth import AuthState
from wheels_wins.state.pam import COMPOSER_INPUT_ID, HISTORY_SHOWN, PamReplyState, PamState


@pytest.fixture
def limits_on(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Rate limits on, with fresh counters."""
    reset_rate_limits()
    monkeypatch.setattr(get_settings(), "rate_limits_enabled", True)
    yield
    reset_rate_limits()


async def test_a_message_over_the_budget_is_refused_and_given_back(
    limits_on: None, session: Session, sign_in: Callable[[], tuple[User, rx.State]]
) -> None:
    user, tab = sign_in()
    pam = _substate(tab, PamState)
    for _ in range(PAM_MESSAGES.limit - 1):  # as if sent over REST: the same key
        assert get_rate_limiter().hit(f"pam_chat:{user.id}", limit=PAM_MESSAGES.limit, window_seconds=60) == 0.0
    await run(PamState.submit, pam, {"message": "What can you do?", "via_voice": "0"})
    assert [item.role for item in pam.messages] == ["user", "assistant"]

    said = _said(await run(PamState.submit, pam, {"message": "  Bought 3 jerry cans of water  ", "via_voice": "0"}))
    assert "sending messages quickly" in said and "try again in 60 s" in said
    assert COMPOSER_INPUT_ID.replace("-", "_") in said and "  Bought 3 jerry cans of water  " in said
    assert [item.role for item in pam.messages] == ["user", "assistant"]
    stored = session.exec(select(PamMessage).where(PamMessage.user_id == user.id)).all()
    assert len(stored) == 2 and "jerry cans" not in " ".join(m.content for m in stored)


async def test_a_message_after_the_session_ended_elsewhere_changes_nothing_and_is_given_back(
    session: Session, sign_in: Callable[[], tuple[User, rx.State]]
) -> None:
    user, tab = sign_in()
    pam = _substate(tab, PamState)
    await run(PamState.submit, pam, {"message": "What can you do?", "via_voice": "0"})  # the panel knows the user
    auth_service.logout(session, _substate(tab, AuthState).token)  # e.g. "sign out everywhere" on another device
    session.commit()

    said = _said(await run(PamState.submit, pam, {"message": "spent $30 on firewood", "via_voice": "0"}))

    assert "session has ended" in said
    assert COMPOSER_INPUT_ID.replace("-", "_") in said and "spent $30 on firewood" in said
    assert [item.role for item in pam.messages] == ["user", "assistant"]
    assert not _substate(tab, PamReplyState).thinking
    assert not _substate(tab, AuthState).signed_in
    stored = session.exec(select(PamMessage).where(PamMessage.user_id == user.id)).all()
    assert len(stored) == 2 and "firewood" not in " ".join(m.content for m in stored)
    assert session.exec(select(Expense).where(Expense.user_id == user.id)).all() == []


async def test_a_long_chat_keeps_only_the_newest_messages_on_screen(
    session: Session, sign_in: Callable[[], tuple[User, rx.State]]
) -> None:
    _, tab = sign_in()
    pam = _substate(tab, PamState)
    questions = HISTORY_SHOWN // 2 + 3
    for number in range(questions):
        await run(PamState.submit, pam, {"message": f"Question {number}: what can you do?", "via_voice": "0"})

    assert len(pam.messages) == HISTORY_SHOWN
    assert [item.role for item in pam.messages[-2:]] == ["user", "assistant"]
    assert pam.messages[-2].content == f"Question {questions - 1}: what can you do?"
    assert pam.messages[0].content == f"Question {questions - HISTORY_SHOWN // 2}: what can you do?"
    # Reopening the conversation shows the same messages.
    on_screen = [(item.role, item.content) for item in pam.messages]
    pam.loaded = False
    await run(PamState.set_open, pam, True)
    assert [(item.role, item.content) for item in pam.messages] == on_screen

"""An event handler whose database is unreachable: the app answers with one friendly toast, not a stack trace."""

from __future__ import annotations

import pytest

from tests.state.test_undoable import _substate, run
from wheels_wins.pages.wins.editor import ExpenseEditorState
from wheels_wins.state.errors import DATABASE_DOWN, backend_exception_handler
from wheels_wins.wheels_wins import app


async def test_a_save_with_the_database_down_shows_a_friendly_toast(sign_in, database_down) -> None:
    _user, tab = sign_in()
    editor = _substate(tab, ExpenseEditorState)
    form = {"amount": "12.50", "category": "groceries", "date": "2026-03-14", "description": "Coffee"}
    with pytest.raises(Exception) as raised:
        await run(ExpenseEditorState.save, editor, form)

    assert app.backend_exception_handler is backend_exception_handler
    shown = str(app.backend_exception_handler(raised.value))
    assert DATABASE_DOWN in shown and "database_unavailable" in shown
    for leak in ("OperationalError", "Traceback", "SELECT", "sqlite", "psycopg", "127.0.0.1"):
        assert leak not in shown


def test_other_errors_keep_reflexs_own_handling() -> None:
    shown = str(backend_exception_handler(ValueError("boom")))
    assert "An error occurred." in shown and DATABASE_DOWN not in shown

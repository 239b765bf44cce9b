"""No public state var (sent to the browser) is named like a secret or can hold a database row.

Backend-only data lives in `_underscore` vars, which Reflex never sends. The browser test
tests/e2e/test_security.py checks the serialized state on the wire as well.
"""

from __future__ import annotations

import dataclasses
import re
import typing
from collections.abc import Iterator

import pydantic
from reflex.state import State
from sqlmodel import SQLModel

import wheels_wins.pages  # noqa: F401  (registers every page's states)

SECRET_NAME = re.compile(r"password|passwd|secret|token|hash|api_?key|private|signature|credential|\bsig\b", re.I)

# Public on purpose, each for a reason.
ALLOWED = {
    # The browser's own session token: kept in its localStorage (rx.LocalStorage) so a reload stays signed in;
    # the browser must hold its credential, and it is never anyone else's.
    ("AuthState", "token"),
    # A personal access token is shown to its owner once, in the reveal dialog; closing the dialog clears it.
    ("TokensState", "new_token"),
    # The name the user typed for that token ("Home Assistant"), not a secret.
    ("TokensState", "new_token_name"),
    # Validation messages of the sign-in and registration forms (the passwords go straight to the handlers).
    ("LoginState", "password_error"),
    ("RegisterState", "password_error"),
}


def _states(parent: type[State] = State) -> Iterator[type[State]]:
    for state in parent.get_substates():
        yield state
        yield from _states(state)


def _public_vars(state: type[State]) -> dict[str, type]:
    return {name: var._var_type for name, var in {**state.base_vars, **state.computed_vars}.items()}


def _nested(tp: object, seen: set[object] | None = None) -> Iterator[tuple[str, object]]:
    """Every (field name, type) reachable from `tp`: typing arguments, dataclass and pydantic fields."""
    seen = set() if seen is None else seen
    if tp in seen:
        return
    seen.add(tp)
    for arg in typing.get_args(tp):
        yield from _nested(arg, seen)
    if dataclasses.is_dataclass(tp) and isinstance(tp, type):
        hints = typing.get_type_hints(tp)
        for field in dataclasses.fields(tp):
            yield field.name, hints.get(field.name, field.type)
            yield from _nested(hints.get(field.name, field.type), seen)
    elif isinstance(tp, type) and issubclass(tp, pydantic.BaseModel):
        for name, field in tp.model_fields.items():
            yield name, field.annotation
            yield from _nested(field.annotation, seen)


def _is_table(tp: object) -> bool:
    return isinstance(tp, type) and issubclass(tp, SQLModel) and hasattr(tp, "__table__")


def test_the_app_has_states_to_check() -> None:
    names = {state.__name__ for state in _states()}
    assert {"AuthState", "TokensState", "PamState", "FeedState"} <= names


def test_no_public_var_is_named_like_a_secret() -> None:
    offenders = [
        f"{state.__module__}.{state.__name__}.{name}"
        for state in _states()
        for name in _public_vars(state)
        if SECRET_NAME.search(name) and (state.__name__, name) not in ALLOWED
    ]
    assert offenders == []


def test_the_allowed_exceptions_still_exist() -> None:
    public = {(state.__name__, name) for state in _states() for name in _public_vars(state)}
    assert ALLOWED <= public  # a stale entry would hide nothing but should go


def test_no_public_var_holds_a_database_row_or_a_secret_field() -> None:
    offenders = []
    for state in _states():
        for name, tp in _public_vars(state).items():
            if _is_table(tp):
                offenders.append(f"{state.__name__}.{name}: {tp.__name__}")
            for field, field_type in _nested(tp):
                if _is_table(field_type) or SECRET_NAME.search(field):
                    offenders.append(f"{state.__name__}.{name} -> {field}")
    assert offenders == []

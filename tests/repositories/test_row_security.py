"""Row Level Security on PostgreSQL: every user-owned table is under a policy, and the app's role is held to it.

The app's engine connects as a role that neither owns the tables nor bypasses RLS (see conftest), so
a query that forgets its user filter still only reaches the acting user's rows.
"""

from __future__ import annotations

import ast
import datetime as dt
import uuid
from collections.abc import Iterator
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import event, func, text, update
from sqlalchemy.engine import Engine
from sqlalchemy.exc import ProgrammingError
from sqlmodel import Session, SQLModel, select

from wheels_wins.db import utcnow
from wheels_wins.models import Expense, SocialPost, User
from wheels_wins.repositories import expenses, posts, row_security, sessions
from wheels_wins.repositories import users as user_repo


@pytest.fixture
def pg_engine(engine: Engine) -> Engine:
    """The app's engine, on PostgreSQL only: SQLite has no row security to test."""
    if engine.dialect.name != "postgresql":
        pytest.skip("Row Level Security exists on PostgreSQL only")
    return engine


@pytest.fixture
def app_session(pg_engine: Engine) -> Iterator[Session]:
    """A session as the app connects: the RLS-bound role."""
    with Session(pg_engine, expire_on_commit=False) as session:
        yield session


def _two_users_with_expenses(session: Session, make_user) -> tuple[User, User]:
    alice, bob = make_user(email="alice@example.com"), make_user(email="bob@example.com")
    for user, amount in ((alice, "11.00"), (alice, "12.00"), (bob, "20.00")):
        expenses.create(
            session, user_id=user.id, amount=Decimal(amount), category="fuel", date=dt.date(2026, 11, 1), description=""
        )
    session.commit()
    return alice, bob


def test_every_user_owned_table_is_under_a_forced_policy(pg_engine: Engine) -> None:
    owned = [table.name for table in SQLModel.metadata.sorted_tables if "user_id" in table.c]
    assert len(owned) >= 25
    with pg_engine.connect() as conn:
        assert row_security.unprotected_tables(conn, [*owned, "users"]) == []


def test_the_app_role_neither_owns_the_tables_nor_bypasses_rls(pg_engine: Engine) -> None:
    with pg_engine.connect() as conn:
        assert row_security.role_bypasses_rls(conn) is None
        owned_by_app = conn.execute(
            text("SELECT count(*) FROM pg_tables WHERE schemaname = current_schema() AND tableowner = current_user")
        ).scalar_one()
    assert owned_by_app == 0


def test_the_owner_connection_in_the_tests_does_bypass_it(session: Session, pg_engine: Engine) -> None:
    assert row_security.role_bypasses_rls(session.connection()) == "superuser"


def test_a_query_without_the_user_filter_reads_only_the_acting_users_rows(
    session: Session, app_session: Session, make_user
) -> None:
    alice, bob = _two_users_with_expenses(session, make_user)
    row_security.as_user(app_session, bob.id)

    everything = app_session.exec(select(Expense)).all()  # the bug: no user filter

    assert [e.user_id for e in everything] == [bob.id]
    assert app_session.exec(select(func.count()).select_from(Expense)).one() == 1
    assert app_session.get(Expense, next(e.id for e in _all_expenses(session) if e.user_id == alice.id)) is None


def _all_expenses(session: Session) -> list[Expense]:
    return list(session.exec(select(Expense)).all())


def test_a_write_without_the_user_filter_changes_only_the_acting_users_rows(
    session: Session, app_session: Session, make_user
) -> None:
    alice, bob = _two_users_with_expenses(session, make_user)
    row_security.as_user(app_session, bob.id)

    changed = app_session.exec(update(Expense).values(description="hijacked")).rowcount  # type: ignore[call-overload]
    app_session.commit()

    assert changed == 1
    session.expire_all()
    by_user = {(e.user_id, e.description) for e in _all_expenses(session)}
    assert by_user == {(alice.id, ""), (bob.id, "hijacked")}


def test_a_row_for_another_user_cannot_be_written(session: Session, app_session: Session, make_user) -> None:
    alice, bob = _two_users_with_expenses(session, make_user)
    row_security.as_user(app_session, bob.id)
    app_session.add(
        Expense(user_id=alice.id, amount=Decimal("1.00"), category="fuel", date=dt.date(2026, 11, 2), description="")
    )
    with pytest.raises(ProgrammingError, match="row-level security"):
        app_session.flush()


def test_a_transaction_nobody_acts_in_sees_no_private_rows(session: Session, app_session: Session, make_user) -> None:
    _two_users_with_expenses(session, make_user)
    assert app_session.exec(select(Expense)).all() == []
    assert app_session.exec(select(User)).all() == []  # the directory is for signed-in users only


def test_the_acting_user_carries_over_to_the_sessions_next_transaction(
    session: Session, app_session: Session, make_user
) -> None:
    _, bob = _two_users_with_expenses(session, make_user)
    row_security.as_user(app_session, bob.id)
    app_session.commit()  # a new transaction begins with the next statement

    assert [e.user_id for e in app_session.exec(select(Expense)).all()] == [bob.id]


def test_each_transaction_is_told_the_acting_user_once(session: Session, app_session: Session, make_user) -> None:
    _, bob = _two_users_with_expenses(session, make_user)
    statements: list[str] = []
    listen = event.listens_for(app_session.get_bind(), "before_cursor_execute")(
        lambda _c, _cur, statement, *_a: statements.append(statement)
    )
    try:
        for _ in range(2):  # a fresh transaction, then the session's next one
            row_security.as_user(app_session, bob.id)
            row_security.as_user(app_session, bob.id)
            assert [e.user_id for e in app_session.exec(select(Expense)).all()] == [bob.id]
            app_session.commit()
    finally:
        event.remove(app_session.get_bind(), "before_cursor_execute", listen)
    assert sum("set_config('app.user_id'" in statement for statement in statements) == 2


def test_a_rolled_back_savepoint_does_not_leave_the_wrong_user(
    session: Session, app_session: Session, make_user
) -> None:
    alice, bob = _two_users_with_expenses(session, make_user)
    row_security.as_user(app_session, alice.id)
    savepoint = app_session.begin_nested()
    row_security.as_user(app_session, bob.id)
    savepoint.rollback()  # undoes the set_config made inside it: the setting is Alice's again

    row_security.as_user(app_session, bob.id)
    assert {e.user_id for e in app_session.exec(select(Expense)).all()} == {bob.id}


def test_the_community_reads_each_others_posts_but_changes_only_its_own(
    session: Session, app_session: Session, make_user
) -> None:
    alice, bob = make_user(email="alice@example.com"), make_user(email="bob@example.com")
    post = posts.create(session, user_id=alice.id, content="Sunrise at Uluru")
    session.commit()
    row_security.as_user(app_session, bob.id)

    assert app_session.get(SocialPost, post.id) is not None
    assert app_session.get(User, alice.id) is not None  # the author's name on the card
    assert app_session.exec(update(SocialPost).values(content="defaced")).rowcount == 0  # type: ignore[call-overload]
    assert app_session.exec(update(User).where(User.id == alice.id).values(full_name="x")).rowcount == 0  # type: ignore[call-overload]


def test_a_system_block_reaches_every_user_and_ends_with_the_block(
    session: Session, app_session: Session, make_user
) -> None:
    _two_users_with_expenses(session, make_user)
    stranger = uuid.uuid4()
    row_security.as_user(app_session, stranger)
    with row_security.system(app_session):
        assert app_session.exec(select(func.count()).select_from(Expense)).one() == 3
    assert app_session.exec(select(func.count()).select_from(Expense)).one() == 0


def test_a_bearer_token_makes_its_owner_the_acting_user_in_one_statement(
    session: Session, app_session: Session, make_user
) -> None:
    alice, bob = _two_users_with_expenses(session, make_user)
    now = utcnow()
    live = sessions.create(session, user_id=bob.id, token_hash="h-live", expires_at=now + dt.timedelta(days=1))
    sessions.create(session, user_id=alice.id, token_hash="h-revoked", expires_at=now + dt.timedelta(days=1))
    sessions.revoke(session, user_id=alice.id, token_hash="h-revoked")
    session.commit()

    statements = []
    listen = event.listens_for(app_session.get_bind(), "before_cursor_execute")(
        lambda _c, _cur, statement, *_a: statements.append(statement)
    )
    try:
        found = sessions.get_active_by_hash(app_session, token_hash="h-live", now=now)
    finally:
        event.remove(app_session.get_bind(), "before_cursor_execute", listen)
    assert found is not None and found.id == live.id and len(statements) == 1
    assert {e.user_id for e in app_session.exec(select(Expense)).all()} == {bob.id}

    assert sessions.get_active_by_hash(app_session, token_hash="h-revoked", now=now) is None
    assert app_session.exec(select(Expense)).all() == []  # a dead token leaves nobody acting
    assert sessions.get_active_by_hash(app_session, token_hash="h-unknown", now=now) is None


def test_a_credential_lookup_inside_a_system_block_leaves_it_open(
    session: Session, app_session: Session, make_user
) -> None:
    _, bob = _two_users_with_expenses(session, make_user)
    sessions.create(session, user_id=bob.id, token_hash="h", expires_at=utcnow() + dt.timedelta(days=1))
    session.commit()
    with row_security.system(app_session):
        assert sessions.get_active_by_hash(app_session, token_hash="h", now=utcnow()) is not None
        assert app_session.exec(select(func.count()).select_from(Expense)).one() == 3


def test_signing_in_finds_the_account_before_anyone_acts(session: Session, app_session: Session, make_user) -> None:
    alice = make_user(email="alice@example.com")
    found = user_repo.get_by_email(app_session, email="Alice@Example.com")
    assert found is not None and found.id == alice.id


# The code itself: every repository entry says whose transaction it is; cross-user blocks are few and known.

_REPOSITORIES = Path(row_security.__file__).parent
_ACTORS = ("user_id", "viewer_id")


def _functions(path: Path) -> Iterator[ast.FunctionDef]:
    yield from (node for node in ast.parse(path.read_text()).body if isinstance(node, ast.FunctionDef))


def _calls(function: ast.FunctionDef, name: str) -> bool:
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == name
        for node in ast.walk(function)
    )


def test_every_repository_function_acting_for_a_user_sets_row_security() -> None:
    missing = []
    for path in sorted(set(_REPOSITORIES.glob("*.py")) - {Path(row_security.__file__)}):
        for function in _functions(path):
            params = {arg.arg for arg in (*function.args.args, *function.args.kwonlyargs)}
            if function.name.startswith("_") or "session" not in params or not params & set(_ACTORS):
                continue
            if not _calls(function, "as_user"):
                missing.append(f"{path.stem}.{function.name}")
    assert missing == []


# Each entry was reviewed: it is about several users by nature. A new one needs the same review.
SYSTEM_BLOCKS = {
    "sessions.purge_expired",  # a maintenance job over every user
    "sweeps.user_batch",
    "users.get_by_email",  # signing in
    "users.get_by_supabase_sub",
    "users.avatar_in_use",
    "posts.bump_count",  # counters on someone else's post or group
    "groups._bump",
    "groups.hand_over",  # a closing account's groups pass to a member
    "groups.delete",  # other people's comments, likes and reports go and come back with a group
    "groups.restore",
    "posts.delete_keeping",  # ... and with a post
    "posts.restore",
    "posts.photo_path_of",  # a signed photo URL is the permission
    "posts.photos_in_use",
    "listing_photos.get_photo",
    "listings.interest_sent",  # the seller's note, keyed by this buyer
    "account_deletion._recount",  # other people's posts the user liked or commented on
    "demo_data._seed_community",  # the demo's neighbours
}


def test_system_blocks_are_only_where_they_were_reviewed() -> None:
    found = set()
    for path in sorted({*_REPOSITORIES.glob("*.py"), *(_REPOSITORIES.parent / "services").rglob("*.py")}):
        for function in _functions(path):
            if _calls(function, "system"):
                found.add(f"{path.stem}.{function.name}")
    assert found == SYSTEM_BLOCKS


def test_a_nested_system_block_leaves_the_outer_one_open(session: Session, app_session: Session, make_user) -> None:
    _two_users_with_expenses(session, make_user)
    with row_security.system(app_session):
        with row_security.system(app_session):
            pass
        assert app_session.exec(select(func.count()).select_from(Expense)).one() == 3
    assert app_session.exec(select(func.count()).select_from(Expense)).one() == 0


def test_startup_reports_a_role_that_escapes_the_policies(
    pg_engine: Engine, owner_db: Engine, caplog: pytest.LogCaptureFixture
) -> None:
    assert row_security.report_bypass(pg_engine) is None
    assert not caplog.records
    assert row_security.report_bypass(owner_db) == "superuser"
    assert "Row Level Security is off" in caplog.text

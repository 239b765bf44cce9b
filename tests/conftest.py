"""Shared fixtures: every database test runs on SQLite and again on PostgreSQL when reachable."""

from __future__ import annotations

import os
import socket
import tempfile
import uuid
from collections.abc import Callable, Iterator
from functools import lru_cache
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlmodel import Session, SQLModel

PG_ADMIN_URL = "postgresql+psycopg://postgres@127.0.0.1:5432/test"
# The app connects as this role, which neither owns the tables nor bypasses RLS, so the whole suite
# runs under the policies; migrations and the tests' own setup connect as the owner (postgres).
PG_APP_ROLE = "ww_app"
REDIS_URL = "redis://127.0.0.1:6379/15"
# Connect/command timeout for tests that expect a healthy local Redis (the app's default is 0.25 s): on a loaded
# CI machine one slow reply must not silently switch a test to in-process counting. Tests of an unreachable
# Redis keep their own short timeouts.
REDIS_TIMEOUT = 5.0
ON_CI = os.environ.get("CI", "").lower() == "true"

# The app reads its settings from the environment; tests get their own data dir and no demo data.
_TEST_DATA_DIR = Path(tempfile.mkdtemp(prefix="ww-test-"))
os.environ.setdefault("DATA_DIR", str(_TEST_DATA_DIR))
os.environ["ENVIRONMENT"] = "test"
os.environ["SEED_DEMO"] = "false"
os.environ["RATE_LIMITS_ENABLED"] = "false"
for _key in (
    "ANTHROPIC_API_KEY",
    "GEMINI_API_KEY",
    "OPENAI_API_KEY",
    "SUPABASE_URL",
    "SUPABASE_JWT_SECRET",
    "REDIS_URL",
):
    os.environ.pop(_key, None)


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests run last: Playwright's sync API leaves its event loop marked as running in the main
    thread for the rest of the session, which stops pytest-asyncio's async fixtures from starting."""
    e2e_dir = Path(__file__).parent / "e2e"
    items.sort(key=lambda item: e2e_dir in item.path.parents)


def _reachable(host: str, port: int) -> bool:
    try:
        with socket.create_connection((host, port), timeout=1):
            return True
    except OSError:
        return False


def postgres_available() -> bool:
    """Whether the local PostgreSQL accepts connections; on CI its absence is an error, not a skip."""
    if _reachable("127.0.0.1", 5432):
        return True
    if ON_CI:
        raise RuntimeError("CI=true but PostgreSQL at 127.0.0.1:5432 is unreachable")
    return False


def _backends() -> list[str]:
    return ["sqlite", "postgresql"] if postgres_available() else ["sqlite"]


def redis_available() -> bool:
    """Whether the local Redis answers; on CI its absence is an error, not a skip."""
    if _reachable("127.0.0.1", 6379):
        return True
    if ON_CI:
        raise RuntimeError("CI=true but Redis at 127.0.0.1:6379 is unreachable")
    return False


def _create_pg_database() -> str:
    from sqlalchemy import create_engine
    from sqlalchemy.exc import IntegrityError, ProgrammingError

    name = f"ww_test_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))
        if conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :r"), {"r": PG_APP_ROLE}).first() is None:
            try:
                conn.execute(text(f"CREATE ROLE {PG_APP_ROLE} LOGIN NOSUPERUSER NOBYPASSRLS"))
            except (IntegrityError, ProgrammingError):
                pass  # another test run created it in the meantime
    admin.dispose()
    return name


def pg_url(database: str, role: str = "postgres") -> str:
    """A URL for `database` on the local PostgreSQL as `role` (trust auth)."""
    return f"postgresql+psycopg://{role}@127.0.0.1:5432/{database}"


def _drop_pg_database(name: str) -> None:
    from sqlalchemy import create_engine

    admin = create_engine(PG_ADMIN_URL, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _reset_app_caches() -> None:
    from wheels_wins.db import get_engine
    from wheels_wins.settings import get_settings

    get_engine.cache_clear()
    get_settings.cache_clear()


@pytest.fixture(autouse=True)
def _fresh_external_services() -> Iterator[None]:
    """Every test starts with no external service cooling down (a failing stub must not mute the next test's)."""
    from wheels_wins.services import external

    external.reset_cool_downs()
    yield
    external.reset_cool_downs()


@pytest.fixture(scope="session", params=_backends())
def db_url(request: pytest.FixtureRequest) -> Iterator[str]:
    """A migrated, empty database of each backend; the app's settings point at it (on PostgreSQL as
    the RLS-bound app role)."""
    from alembic.config import Config

    from alembic import command

    pg_name = None
    if request.param == "sqlite":
        url = owner_url = f"sqlite:///{_TEST_DATA_DIR / f'test-{uuid.uuid4().hex[:8]}.db'}"
    else:
        pg_name = _create_pg_database()
        url, owner_url = pg_url(pg_name, PG_APP_ROLE), pg_url(pg_name)
    os.environ["DATABASE_URL"] = url
    _reset_app_caches()
    cfg = Config(str(Path(__file__).resolve().parent.parent / "alembic.ini"))
    cfg.attributes["database_url"] = owner_url
    cfg.attributes["app_database_url"] = url
    cfg.attributes["skip_logging"] = True
    command.upgrade(cfg, "head")
    yield url
    from wheels_wins.db import get_engine

    get_engine().dispose()
    owner_engine.cache_clear()
    os.environ.pop("DATABASE_URL", None)
    _reset_app_caches()
    if pg_name:
        _drop_pg_database(pg_name)


@lru_cache
def owner_engine(url: str) -> Engine:
    """The tables' owner on the database at `url` (the app's engine itself on SQLite): the tests' own
    hands for setting up and emptying tables, which RLS does not hold back."""
    from sqlalchemy.engine import make_url

    from wheels_wins.db import get_engine, make_engine

    if not url.startswith("postgresql"):
        return get_engine()
    return make_engine(make_url(url).set(username="postgres").render_as_string(hide_password=False))


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """The app's engine on the current backend; every table is emptied after the test."""
    import wheels_wins.models  # noqa: F401
    from wheels_wins.db import get_engine

    eng = get_engine()
    yield eng
    with owner_engine(db_url).begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            conn.execute(table.delete())


@pytest.fixture
def database_down(monkeypatch: pytest.MonkeyPatch, engine: Engine) -> None:
    """Every session the app opens from now on (handlers, routes, the health check) goes to a database
    that cannot be reached."""
    from wheels_wins.db import make_engine

    url = (
        "sqlite:////nonexistent-dir/ww.db"
        if engine.dialect.name == "sqlite"
        else "postgresql+psycopg://postgres@127.0.0.1:1/none?connect_timeout=1"
    )
    broken = make_engine(url)
    monkeypatch.setattr("wheels_wins.db.get_engine", lambda: broken)
    monkeypatch.setattr("wheels_wins.api.routers.health.get_engine", lambda: broken)


@pytest.fixture
def owner_db(engine: Engine, db_url: str) -> Engine:
    """The tables' owner's engine, which RLS does not hold: for a test to look at any user's rows directly."""
    return owner_engine(db_url)


@pytest.fixture
def session(engine: Engine, db_url: str) -> Iterator[Session]:
    """A session on the test database as the tables' owner, for setting up (commit freely; the tables
    are emptied afterwards). The app's own code paths use `engine`, which RLS holds to one user."""
    with Session(owner_engine(db_url), expire_on_commit=False) as s:
        yield s


@pytest.fixture
def make_user(session: Session) -> Callable[..., object]:
    """Create users directly (no password hashing cost): make_user(email=..., full_name=...)."""
    from wheels_wins.models import User

    def _make(email: str | None = None, full_name: str = "Test Traveller", timezone: str = "UTC", **kw: object) -> User:
        user = User(
            email=email or f"u-{uuid.uuid4().hex[:8]}@example.com", full_name=full_name, timezone=timezone, **kw
        )
        session.add(user)
        session.commit()
        return user

    return _make
